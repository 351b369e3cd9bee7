"""Inputs read into articles: files, folders, standard input; JSON Lines streamed a line at a time."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from figcheck import reading
from figcheck.errors import InputError
from figcheck.inputs.article import Article, dated
from figcheck.inputs.json_records import read_record, read_record_line

SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".md", ".markdown", ".html", ".htm")
LINES = (".jsonl", ".ndjson")  # one JSON article a line

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
        yield read_record(label, record, published, raw=text)
    elif suffix in LINES:
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield read_record_line(label, line, published, n)
    elif suffix in (".md", ".markdown", ".html", ".htm"):
        # Parsed by prepare(), in the worker and within the article's deadline.
        yield Article(label, body=text, published=published, markup=suffix)
    else:
        yield dated(label, text, published)


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
            yield read_record_line(label, text, published, n)


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
