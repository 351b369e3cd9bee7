"""Guarded reads: every file figcheck opens (articles, config, baseline, stdin), capped and limited.

One place decides what may be read and how much: regular files only (a FIFO only when the user
named it as an article), never more than a cap, JSON and TOML with nesting and number-size
limits. Every failure is an InputError or ConfigError of one line, never a traceback.
"""

from __future__ import annotations

import json
import os
import select
import stat
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from figcheck.errors import ConfigError, FigcheckError, InputError

# Python refuses to turn more than 4,300 digits into an int (CVE-2020-10735) with a ValueError.
MAX_DIGITS = 4300
# Config files hold a few tables two or three deep; a key or table nested deeper is not a config.
# NOTE: tomllib keeps every prefix of a dotted key: 100,000 parts grew to 23.7 GB.
MAX_TOML_DEPTH = 32
MAX_CONFIG_BYTES = 1_000_000
MAX_BASELINE_BYTES = 200_000_000
_CHUNK = 1 << 16


def read_bytes(path: str | Path, limit: int, *, stream_timeout: float | None = None, kind: type[FigcheckError] = InputError) -> bytes:
    """The bytes of `path`, at most `limit` of them, else `kind` with a one-line reason.

    Only a regular file is read, unless `stream_timeout` is given: then a FIFO is read too (the
    user named it: `figcheck check <(curl …)`), for at most that many seconds.
    """
    try:
        # O_NONBLOCK: opening a FIFO with no writer, or a device, must not wait for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise kind(_reason(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISREG(mode):
            return _read_capped(fd, limit, kind)
        if stat.S_ISFIFO(mode) and stream_timeout is not None:
            return _read_stream(fd, limit, stream_timeout, kind)
        raise kind("not a regular file")
    except OSError as exc:
        raise kind(_reason(exc)) from None
    except MemoryError:
        raise kind("out of memory reading it") from None
    finally:
        os.close(fd)


def read_stdin(limit: int) -> bytes:
    """Standard input, at most `limit` bytes (`-` from /dev/zero must end)."""
    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None or _closed(sys.stdin):
        raise InputError("standard input is closed")
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read standard input: {_reason(exc)}") from None
    except MemoryError:
        raise InputError("out of memory reading standard input") from None
    if len(data) > limit:
        raise InputError(too_big(None, limit))
    return data


def too_big(size: int | None, limit: int) -> str:
    """The one-line message for an input over --max-bytes."""
    shown = f"{size:,} bytes" if size is not None else "more bytes than that"
    return f"{shown}, over the limit of {limit:,} (--max-bytes)"


def load_json(text: str | bytes, with_line: bool = True) -> Any:
    """JSON with its limits: numbers of at most 4,300 digits; nesting as deep as Python's stack allows.

    Raises InputError("invalid JSON: ...") with line and column (column only when not `with_line`).
    """
    try:
        return json.loads(text, parse_int=_int)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if with_line else f"column {exc.colno}"
        raise InputError(f"invalid JSON: {exc.msg} ({where})") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    except MemoryError:
        raise InputError("invalid JSON: too large to hold in memory") from None
    except ValueError as exc:  # a float or int the runtime refuses
        raise InputError(f"invalid JSON: {str(exc).splitlines()[0][:120]}") from None


def _int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise InputError(f"invalid JSON: a number of {len(digits):,} digits (at most {MAX_DIGITS:,})")
    return int(digits)


def load_toml(text: str, where: str) -> dict[str, Any]:
    """TOML with its limits: nesting and dotted keys at most MAX_TOML_DEPTH deep, bounded numbers."""
    depth = toml_depth(text)
    if depth > MAX_TOML_DEPTH:
        raise ConfigError(f"{where}: invalid TOML: nested {depth:,} deep (at most {MAX_TOML_DEPTH})")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{where}: invalid TOML: nested too deeply") from None
    except MemoryError:
        raise ConfigError(f"{where}: invalid TOML: too large to hold in memory") from None
    except ValueError as exc:  # an integer past 4,300 digits
        raise ConfigError(f"{where}: invalid TOML: {str(exc).splitlines()[0][:120]}") from None


def toml_depth(text: str) -> int:
    """The deepest nesting in TOML text: open brackets and braces, or the parts of a dotted key.

    Strings and comments are stepped over, so a dot or bracket inside one does not count. One pass.
    """
    deepest = depth = dots = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            i = _string_end(text, i)
            continue
        if c == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth = max(0, depth - 1)
        if c == ".":
            dots += 1
        elif c in "=\n,[]{}":
            dots = 0
        deepest = max(deepest, depth, dots + 1 if dots else 0)
        i += 1
    return deepest


def _string_end(text: str, i: int) -> int:
    """The offset just past the TOML string opening at `i` (or the end of the text)."""
    quote = text[i]
    triple = text.startswith(quote * 3, i)
    closer = quote * 3 if triple else quote
    j = i + len(closer)
    while True:
        k = text.find(closer, j)
        if k < 0:
            return len(text)
        if quote == "'" or not _escaped(text, k):
            end = k + len(closer)
            while triple and text.startswith(quote, end) and end - k < 5:  # """a"""" ends on the last three
                end += 1
            return end
        j = k + 1


def _escaped(text: str, k: int) -> bool:
    backslashes = 0
    while k - backslashes - 1 >= 0 and text[k - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _read_capped(fd: int, limit: int, kind: type[FigcheckError]) -> bytes:
    size = os.fstat(fd).st_size
    if size > limit:
        raise kind(too_big(size, limit))
    parts: list[bytes] = []
    total = 0
    while True:
        # The size may have grown since fstat (a log being written): read one past the cap at most.
        chunk = os.read(fd, min(_CHUNK * 16, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        total = _keep(parts, chunk, total, limit, kind)


def _read_stream(fd: int, limit: int, seconds: float, kind: type[FigcheckError]) -> bytes:
    # NOTE: on Linux a FIFO no writer has opened yet polls as "nothing to read" (no POLLHUP) while
    # read() would say end of file: so wait for it to be readable, within the deadline, first.
    deadline = time.monotonic() + seconds
    parts: list[bytes] = []
    total = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise kind(f"no end of input within {seconds:g} s (--timeout)")
        try:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        except BlockingIOError:
            continue
        if not chunk:
            return b"".join(parts)
        total = _keep(parts, chunk, total, limit, kind)


def _keep(parts: list[bytes], chunk: bytes, total: int, limit: int, kind: type[FigcheckError]) -> int:
    """Add a chunk read and return the bytes read so far; past the cap the input is refused, not read on."""
    parts.append(chunk)
    total += len(chunk)
    if total > limit:
        raise kind(too_big(None, limit))
    return total


def _closed(stream: Any) -> bool:
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return False  # not a file descriptor (a test's BytesIO): read it as it is
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
