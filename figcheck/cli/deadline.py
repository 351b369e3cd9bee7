"""A time limit on one article: past it, the article is an error, not a hang."""

from __future__ import annotations

import signal

from figcheck.errors import LimitError

MAX_TIMEOUT = 365 * 24 * 3600.0


class deadline:
    """Turn an article that runs past `seconds` into a LimitError (main thread, POSIX only)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False

    def __enter__(self) -> None:
        if self.seconds and hasattr(signal, "setitimer") and main_thread():
            signal.signal(signal.SIGALRM, self._expire)
            # NOTE: setitimer overflows past about 9e9 s (1e308 from a config made every article
            # an internal error): a year is no limit in practice.
            signal.setitimer(signal.ITIMER_REAL, min(self.seconds, MAX_TIMEOUT))
            self.armed = True

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def _expire(self, *_: object) -> None:
        raise LimitError(f"took longer than {self.seconds:g} s (--timeout)")


def main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
