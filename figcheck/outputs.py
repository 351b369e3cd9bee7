"""Where reports go: standard output or files, written whole or not at all, never over an input.

A file report is written to a temporary file beside it and renamed over it at the end, so a
failed run leaves the old file, and a reader never sees half a report. A target that exists
and is not a regular file (/dev/null, a FIFO, a terminal) is written through, never replaced;
a symbolic link is followed, so the link stays. Every write error is an OutputError naming the
destination: one line on stderr and exit 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from figcheck.errors import OutputError

# Set by main() when the process started with file descriptor 1 closed (`figcheck ... >&-`).
STDOUT_CLOSED = False


class Output:
    """A text stream for one report; `commit()` makes a file report appear, `discard()` drops it."""

    def __init__(self, target: str | None) -> None:
        self.name = "standard output" if not target or target == "-" else target
        self.temp: str | None = None
        self.final: str | None = None
        if self.name == "standard output":
            if STDOUT_CLOSED or sys.stdout is None:
                raise OutputError("cannot write to standard output: it is closed")
            self.inner: TextIO = sys.stdout
            return
        self.inner = self._open(target)

    def _open(self, target: str) -> TextIO:
        real = os.path.realpath(target)
        try:
            st = os.stat(real)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise OutputError(f"{self.name}: cannot write: {exc.strerror}") from None
        try:
            if st is not None and stat.S_ISDIR(st.st_mode):
                raise OutputError(f"{self.name}: cannot write: it is a folder")
            if st is not None and not stat.S_ISREG(st.st_mode):
                return open(real, "w", encoding="utf-8")  # a device or FIFO: written through
            fd, self.temp = tempfile.mkstemp(dir=os.path.dirname(real) or ".", prefix=f".{os.path.basename(real)}.", suffix=".tmp")
            self.final = real
            if st is not None:
                with contextlib.suppress(OSError):
                    os.chmod(self.temp, stat.S_IMODE(st.st_mode))  # a replaced report keeps its mode
            else:
                # mkstemp makes 0600; a new report gets the usual 0666 less the umask.
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(self.temp, 0o666 & ~umask)
            return open(fd, "w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{self.name}: cannot write: {exc.strerror}") from None

    def write(self, text: str) -> int:
        try:
            return self.inner.write(text)
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def flush(self) -> None:
        try:
            self.inner.flush()
        except (OSError, ValueError) as exc:
            raise self._error(exc) from None

    def isatty(self) -> bool:
        try:
            return self.inner.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        # rich asks its file for `encoding` and the like: the stream's own answers.
        return getattr(self.inner, name)

    def commit(self) -> None:
        """Flush, and for a file report, put it in place of the target."""
        self.flush()
        if self.inner is sys.stdout:
            return
        try:
            self.inner.close()
            if self.temp is not None and self.final is not None:
                os.replace(self.temp, self.final)
                self.temp = None
        except OSError as exc:
            self.discard()
            raise self._error(exc) from None

    def discard(self) -> None:
        """Drop a file report that was not completed; the target keeps what it held."""
        if self.inner is not sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                self.inner.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None

    def _error(self, exc: BaseException) -> OutputError:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "the stream is closed"
        return OutputError(f"cannot write to {self.name}: {reason}")


def check_not_inputs(targets: Iterable[tuple[str, str]], inputs: Iterable[str], suffixes: tuple[str, ...]) -> None:
    """Refuse an output that names an input, or an article file inside an input folder.

    `targets` are (option, path). Writing there would replace the article being read
    (`-o a.txt a.txt` once truncated the input before reading it and exited 0).
    """
    named = [(arg, os.path.realpath(arg)) for arg in inputs if arg != "-"]
    for option, target in targets:
        if not target or target == "-":
            continue
        real = os.path.realpath(target)
        for arg, source in named:
            same = real == source or _same_file(real, source)
            # A report not yet written is no input of this run (it appears at the end, by rename).
            inside = (os.path.isdir(source) and real.lower().endswith(suffixes) and os.path.isfile(real)
                      and _under(real, source))
            if same or inside:
                raise OutputError(f"{option} {target}: is {'an input' if same else 'an article in ' + arg}; "
                                  "figcheck never writes over what it reads")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _under(path: str, folder: str) -> bool:
    try:
        return Path(path).is_relative_to(folder)
    except ValueError:
        return False
