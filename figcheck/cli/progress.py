"""Progress on standard error for long runs."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from figcheck.cli.streams import draw, isatty, say


def count_articles(paths: list[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know: files named on the command
    line (a JSON Lines file counts its lines); None for folders and standard input."""
    total = 0
    for arg in paths:
        path = Path(arg)
        if arg == "-" or not path.is_file():
            return None
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with open(path, "rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                return None
        else:
            total += 1
    return total


class Progress:
    """Progress on standard error for long runs: on a terminal a line redrawn in place, with the
    total when the inputs tell it and the rate; off a terminal, with --progress, a line every few
    seconds. The terminal line is cleared before a report writes to the same terminal."""

    EVERY = 200          # articles between redraws on a terminal
    SECONDS = 5.0        # between lines off a terminal

    def __init__(self, enabled: bool, forced: bool = False, total: int | None = None) -> None:
        self.tty = enabled and isatty(sys.stderr)
        self.lines = enabled and forced and not self.tty
        self.total, self.n, self.shown = total, 0, False
        self.start = self.last = time.monotonic()

    def _text(self) -> str:
        rate = self.n / max(time.monotonic() - self.start, 1e-9)
        of = f" of {self.total:,}" if self.total else ""
        return f"figcheck: {self.n:,}{of} articles, {rate:,.0f}/s"

    def tick(self) -> None:
        self.n += 1
        if self.tty and self.n % self.EVERY == 0:
            draw(f"\r\x1b[K{self._text()}")
            self.shown = True
        elif self.lines and time.monotonic() - self.last >= self.SECONDS:
            self.last = time.monotonic()
            say(self._text())

    def clear(self) -> None:
        """Take the terminal line away before a report prints beside it."""
        if self.shown:
            draw("\r\x1b[K")
            self.shown = False

    def done(self) -> None:
        if self.tty and self.n >= self.EVERY:
            draw(f"\r\x1b[K{self._text()}\n")
        elif self.lines:
            say(self._text())
