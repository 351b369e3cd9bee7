"""Read inputs into articles: text, JSON, JSON Lines, Markdown, HTML, folders and stdin."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from figcheck.errors import InputError
from figcheck.json_source import body_locators

SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".md", ".markdown", ".html", ".htm")
LINES = (".jsonl", ".ndjson")  # one JSON article a line


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
    record: int | None = None                    # the line of a JSON Lines file that holds it
    warning: str | None = None                   # read, but not all of it: an unreadable date


def articles(paths: list[str], published: str | None = None, max_bytes: int = 20_000_000,
             stdin_name: str | None = None, skip: Callable[[Path, bool], bool] | None = None) -> Iterator[Article]:
    """Every article in `paths`, in order; an unreadable input yields an Article with `error` set.

    `stdin_name` names standard input ("-"): its suffix picks the reader, and it is the path reported.
    `skip(path, is_dir)` leaves files and folders out of folder walks (.gitignore); named files are read.
    """
    for arg in paths:
        if arg == "-":
            label = stdin_name or "-"
            try:
                text = _read_stdin()
            except InputError as exc:
                yield Article(label, error=str(exc))
                continue
            yield from _from_text(label, text, published, suffix=_stdin_suffix(stdin_name))
            continue
        path = Path(arg)
        if path.is_dir():
            found = False
            for file in _walk(path, skip):
                found = True
                yield from _from_file(file, published, max_bytes)
            if not found:
                yield Article(arg, error=f"no articles ({', '.join(SUFFIXES)}) in this folder")
        elif path.exists() or path.is_symlink():
            yield from _from_file(path, published, max_bytes)
        else:
            yield Article(arg, error="no such file or folder")


def _walk(folder: Path, skip: Callable[[Path, bool], bool] | None = None) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop: each folder once
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (skip and skip(Path(root) / d, True)))
        for name in sorted(files):
            if name.lower().endswith(SUFFIXES) and not name.startswith(".") and not (skip and skip(Path(root) / name, False)):
                yield Path(root) / name


def _stdin_suffix(name: str | None) -> str | None:
    # Without a name the reader is guessed (JSON if it starts with "{"); a name that is no
    # article type reads as plain text, as a .txt would.
    if name is None:
        return None
    suffix = Path(name).suffix.lower()
    return suffix if suffix in SUFFIXES else ".txt"


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    return _decode(data, "-")


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


def _from_file(path: Path, published: str | None, max_bytes: int) -> Iterator[Article]:
    label = _label(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            # A FIFO or a device would block or never end: only regular files are articles.
            yield Article(label, error="not a regular file")
            return
        if path.suffix.lower() in LINES:
            yield from _jsonl(path, published, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield Article(label, error=_too_big(size, max_bytes))
            return
        text = _decode(path.read_bytes(), label)
    except InputError as exc:
        yield Article(label, error=str(exc))
        return
    except OSError as exc:
        yield Article(label, error=exc.strerror or str(exc))
        return
    yield from _from_text(label, text, published, suffix=path.suffix.lower())


def _from_text(label: str, text: str, published: str | None, suffix: str | None) -> Iterator[Article]:
    if suffix is None:  # stdin: JSON if it looks like it
        stripped = text.lstrip()
        suffix = ".json" if stripped.startswith("{") else ".txt"
    if suffix == ".json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Article(label, error=f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
            return
        except RecursionError:
            yield Article(label, error="invalid JSON: nested too deeply")
            return
        yield _record(label, record, published, raw=text)
    elif suffix in LINES:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield _record_line(label, line, published, n)
    elif suffix in (".md", ".markdown", ".html", ".htm"):
        yield _markup(label, text, published, suffix)
    else:
        yield _article(label, text, published)


def _too_big(size: int, limit: int) -> str:
    return f"{size:,} bytes, over the limit of {limit:,} (--max-bytes)"


def _jsonl(path: Path, published: str | None, max_bytes: int) -> Iterator[Article]:
    # Streamed line by line: memory stays flat however many articles the file holds.
    with open(path, "rb") as fh:
        if fh.read(2) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 (PowerShell's `>`): decode it whole
            fh.seek(0)
            lines = [line.encode("utf-8") for line in _decode(fh.read(), str(path)).splitlines()]
        else:
            fh.seek(0)
            lines = fh
        label = _label(path)
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield Article(label, error=_too_big(len(line), max_bytes), record=n)
                continue
            try:
                text = _decode(line, label)
            except InputError as exc:
                yield Article(label, error=str(exc), record=n)
                continue
            yield _record_line(label, text, published, n)


def _record_line(label: str, line: str, published: str | None, number: int) -> Article:
    # The path stays the file's own; the record's line is a field of its own, so every report
    # points into the real file (SARIF, annotations) rather than at a "file.jsonl:3" that is none.
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Article(label, error=f"invalid JSON: {exc.msg} (column {exc.colno})", record=number)
    except RecursionError:
        return Article(label, error="invalid JSON: nested too deeply", record=number)
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
    if not isinstance(ignore, list) or not all(isinstance(c, str) for c in ignore):
        return Article(label, error='"figcheck_ignore" must be a list of rule codes')
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


def _markup(label: str, text: str, published: str | None, suffix: str) -> Article:
    from figcheck import markup

    doc = markup.read_markdown(text) if suffix in (".md", ".markdown") else markup.read_html(text)
    article = _article(label, doc.body, doc.published or published, None, published)
    return replace(article, locate=doc.locate, comments=tuple(doc.comments), source=doc.source,
                   locate_end=doc.locate_end)
