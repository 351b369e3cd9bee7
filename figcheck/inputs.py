"""Read inputs into articles: text, JSON, JSON Lines, Markdown, HTML, folders and stdin."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from figcheck import reading
from figcheck.errors import InputError
from figcheck.json_source import body_locators

SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".md", ".markdown", ".html", ".htm")
LINES = (".jsonl", ".ndjson")  # one JSON article a line
_CODE = re.compile(r"FC\d{0,3}")


@dataclass(frozen=True)
class Article:
    """One article to check, or the error that kept it from being read."""

    path: str
    body: str = ""
    published: str | None = None
    title: str | None = None
    error: str | None = None
    ignore: tuple[str, ...] = ()            # codes from a JSON record's figcheck_ignore
    locate: Callable[[int], tuple[int, int]] | None = field(default=None, compare=False)
    comments: tuple[tuple[int, str], ...] = ()   # (source line, text) of HTML comments
    source: str | None = None                    # the Markdown or HTML as written, for suppressions
    locate_end: Callable[[int], tuple[int, int]] | None = field(default=None, compare=False)
    markup: str | None = None                    # ".md" or ".html": `body` is the source, not yet read
    record: int | None = None                    # the line of a JSON Lines file that holds it
    warning: str | None = None                   # read, but not all of it: an unreadable date


# Folders nested deeper than this are not walked (a tree 1,000 deep is a trap, not an archive):
# each is reported instead. PATH_MAX (4,096) allows about 2,000 levels of one-letter names.
MAX_DEPTH = 64


def articles(paths: list[str], published: str | None = None, max_bytes: int = 20_000_000,
             stream_timeout: float = 10.0, stdin_name: str | None = None,
             skip: Callable[[Path, bool], bool] | None = None) -> Iterator[Article]:
    """Every article in `paths`, in order; an unreadable input yields an Article with `error` set.

    A FIFO is read only when named here (`<(curl …)`), for at most `stream_timeout` seconds.
    Markdown and HTML are parsed later, by `prepare`, within the article's deadline.
    `stdin_name` names standard input ("-"): its suffix picks the reader, and it is the path reported.
    `skip(path, is_dir)` leaves files and folders out of folder walks (.gitignore); named files are read.
    """
    for arg in paths:
        try:
            yield from _one_path(arg, published, max_bytes, stream_timeout, stdin_name, skip)
        except (OSError, ValueError, RecursionError, MemoryError) as exc:
            # A last guard: whatever a file system or a record throws is that input's error line.
            yield Article(_label(Path(arg)), error=_reason(exc))


def _one_path(arg: str, published: str | None, max_bytes: int, stream_timeout: float, stdin_name: str | None,
              skip: Callable[[Path, bool], bool] | None) -> Iterator[Article]:
    if arg == "-":
        label = stdin_name or "-"
        try:
            text = _decode(reading.read_stdin(max_bytes), "-")
        except InputError as exc:
            yield Article(label, error=str(exc))
            return
        yield from _from_text(label, text, published, suffix=_stdin_suffix(stdin_name))
        return
    path = Path(arg)
    if path.is_dir():
        found = False
        for file, error in _walk(path, skip):
            found = True
            if error is not None:
                yield Article(_label(file), error=error)
            else:
                yield from _from_file(file, published, max_bytes)
        if not found:
            yield Article(arg, error=f"no articles ({', '.join(SUFFIXES)}) in this folder")
    elif path.exists() or path.is_symlink():
        yield from _from_file(path, published, max_bytes, stream_timeout)
    else:
        yield Article(arg, error="no such file or folder")


def _stdin_suffix(name: str | None) -> str | None:
    # Without a name the reader is guessed (JSON if it starts with "{"); a name that is no
    # article type reads as plain text, as a .txt would.
    if name is None:
        return None
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUFFIXES else ".txt"


def _walk(folder: Path, skip: Callable[[Path, bool], bool] | None = None) -> Iterator[tuple[Path, str | None]]:
    """Article files under `folder`, sorted, depth first; (path, error) for what cannot be entered.

    Iterative (a deep tree cannot exhaust the stack) and bounded in depth. A symbolic link is
    followed only while its target stays inside `folder`: a link out to /usr/share/doc or a
    secret file is no article of this folder. Each real folder is walked once (link loops).
    """
    try:
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        yield folder, _reason(exc)
        return
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, int]] = [(folder, 0)]
    while stack:
        here, depth = stack.pop()
        try:
            st = here.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError as exc:
            yield here, f"cannot enter this folder: {_reason(exc)}"
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            item = Path(entry.path)
            if entry.is_symlink() and not _inside(item, root):
                continue
            is_dir = _is_dir(entry)
            if skip is not None and skip(item, is_dir):
                continue
            if is_dir:
                if depth + 1 > MAX_DEPTH:
                    yield item, f"folder nested more than {MAX_DEPTH} deep, not read"
                else:
                    subfolders.append((item, depth + 1))
            elif entry.name.lower().endswith(SUFFIXES):
                yield item, None
        stack.extend(reversed(subfolders))  # popped in name order, as os.walk gave them


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _inside(link: Path, root: Path) -> bool:
    try:
        return link.resolve(strict=False).is_relative_to(root)
    except (OSError, RuntimeError):  # a loop of links: resolve() gives up
        return False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, MemoryError):
        return "too large to hold in memory"
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def _decode(data: bytes, label: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _label(path: Path) -> str:
    # A file name that is not valid UTF-8 still gets a printable label.
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _from_file(path: Path, published: str | None, max_bytes: int, stream_timeout: float | None = None) -> Iterator[Article]:
    label = _label(path)
    try:
        if path.suffix.lower() in LINES and (stream_timeout is None or path.is_file()):
            yield from _jsonl(path, published, max_bytes)
            return
        text = _decode(reading.read_bytes(path, max_bytes, stream_timeout=stream_timeout), label)
    except InputError as exc:
        yield Article(label, error=str(exc))
        return
    except OSError as exc:
        yield Article(label, error=_reason(exc))
        return
    yield from _from_text(label, text, published, suffix=path.suffix.lower())


def _from_text(label: str, text: str, published: str | None, suffix: str | None) -> Iterator[Article]:
    if suffix is None:  # stdin: JSON if it looks like it
        stripped = text.lstrip()
        suffix = ".json" if stripped.startswith("{") else ".txt"
    if suffix == ".json":
        try:
            record = reading.load_json(text)
        except InputError as exc:
            yield Article(label, error=str(exc))
            return
        yield _record(label, record, published, raw=text)
    elif suffix in LINES:
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield _record_line(label, line, published, n)
    elif suffix in (".md", ".markdown", ".html", ".htm"):
        # Parsed by prepare(), in the worker and within the article's deadline.
        yield Article(label, body=text, published=published, markup=suffix)
    else:
        yield _article(label, text, published)


def _too_big(size: int, limit: int) -> str:
    return reading.too_big(size, limit)


def _jsonl(path: Path, published: str | None, max_bytes: int) -> Iterator[Article]:
    # Streamed line by line: memory stays flat however many articles the file holds, and no line
    # is held past --max-bytes. Lines end at "\n" only, as JSON Lines says (not U+2028, not "\r").
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb", closefd=True) as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            yield Article(_label(path), error="not a regular file")
            return
        if fh.read(2) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 (PowerShell's `>`): decode it whole
            fh.seek(0)
            data = fh.read(max(max_bytes, os.fstat(fh.fileno()).st_size) + 1)
            lines: Iterator[tuple[bytes, int]] = ((line.encode("utf-8"), len(line)) for line in _decode(data, str(path)).split("\n"))
        else:
            fh.seek(0)
            lines = _capped_lines(fh, max_bytes)
        label = _label(path)
        for n, (line, size) in enumerate(lines, 1):
            if size > max_bytes:
                yield Article(label, error=_too_big(size, max_bytes), record=n)
                continue
            if not line.strip():
                continue
            try:
                text = _decode(line, label)
            except InputError as exc:
                yield Article(label, error=str(exc), record=n)
                continue
            yield _record_line(label, text, published, n)


def _capped_lines(fh: Any, limit: int) -> Iterator[tuple[bytes, int]]:
    """(line, its length) for each "\n"-ended line; a line over `limit` is skipped unread, as (b"", length)."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or (line.endswith(b"\n") and len(line) - 1 <= limit):
            yield line, len(line.rstrip(b"\n"))
            continue
        size = len(line)
        while not line.endswith(b"\n"):  # step over the rest of the long line in pieces
            line = fh.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield b"", size - 1 if line.endswith(b"\n") else size


def _record_line(label: str, line: str, published: str | None, number: int) -> Article:
    # The path stays the file's own; the record's line is a field of its own, so every report
    # points into the real file (SARIF, annotations) rather than at a "file.jsonl:3" that is none.
    try:
        record = reading.load_json(line, with_line=False)
    except InputError as exc:
        return Article(label, error=str(exc), record=number)
    return replace(_record(label, record, published, raw=line, first_line=number), record=number)


def _record(label: str, record: object, published: str | None, raw: str | None = None, first_line: int = 1) -> Article:
    if not isinstance(record, dict):
        return Article(label, error=f"a JSON article must be an object, not {type(record).__name__}")
    body = record.get("body")
    if body is None:
        return Article(label, error='a JSON article needs a "body"')
    if not isinstance(body, str):
        return Article(label, error=f'"body" must be a string, not {type(body).__name__}')
    date = record.get("published") or published
    if date is not None and not isinstance(date, str):
        return Article(label, error=f'"published" must be a YYYY-MM-DD string, not {type(date).__name__}')
    ignore = record.get("figcheck_ignore") or []
    # A code or a prefix ("FC1"); "" would be a prefix of every code and silence every rule.
    if not isinstance(ignore, list) or not all(isinstance(c, str) and _CODE.fullmatch(c) for c in ignore):
        return Article(label, error='"figcheck_ignore" must be a list of rule codes (like "FC101" or "FC1")')
    title = record.get("title")
    article = _article(label, _scalar_values(body), date, title if isinstance(title, str) else None, published)
    found = body_locators(raw, first_line) if raw is not None else None
    locate, locate_end = found if found else (None, None)
    return replace(article, ignore=tuple(ignore), locate=locate, locate_end=locate_end)


def _scalar_values(text: str) -> str:
    """JSON may hold lone surrogates ("\\ud800") no output can encode: each becomes U+FFFD, one for one."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _article(label: str, body: str, published: str | None, title: str | None = None,
             fallback: str | None = None) -> Article:
    if published is not None:
        from figcheck.extract.dates import parse_published

        try:
            parse_published(published)
        except ValueError:
            # The article is still worth checking; only the date checks lose their anchor, and
            # the reader is told so rather than left with a quiet run (--published stands in).
            warning = f"cannot read the publication date {published!r} (use YYYY-MM-DD)" + (
                f"; using --published {fallback}" if fallback else "; ages and anniversaries are not checked")
            return Article(label, body=body, published=fallback, title=title, warning=warning)
    return Article(label, body=body, published=published, title=title)


def prepare(article: Article) -> Article:
    """The article ready to check: Markdown or HTML read into prose, its date checked.

    Called in the worker, inside the article's deadline, so slow markup is that article's error.
    """
    if article.markup is None or article.error is not None:
        return article
    from figcheck import markup

    text = article.body
    doc = markup.read_markdown(text) if article.markup in (".md", ".markdown") else markup.read_html(text)
    checked = _article(article.path, doc.body, doc.published or article.published, None, article.published)
    return replace(checked, locate=doc.locate, comments=tuple(doc.comments), source=doc.source,
                   locate_end=doc.locate_end, record=article.record)
