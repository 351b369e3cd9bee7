"""The standard streams: notes on standard error, and closed or missing streams made safe to run with."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any


def standard_streams() -> None:
    """Make a closed stdin, stdout or stderr (`<&-`, `>&-`, `2>&-`) safe to run with.

    Python leaves sys.stdout None when descriptor 1 is closed, and the next file opened would
    take descriptor 1: so each closed one is pointed at /dev/null, and a closed stdout is noted,
    to refuse a report sent there with one line on stderr (outputs.STDOUT_CLOSED).
    """
    from figcheck import outputs

    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            if fd == 1:
                outputs.STDOUT_CLOSED = True
    if sys.stdout is None:
        outputs.STDOUT_CLOSED = True
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def say(line: str) -> None:
    # stderr itself may be gone: the exit code still tells.
    from figcheck.report.escape import visible

    with contextlib.suppress(OSError, ValueError):
        print(visible(line), file=sys.stderr, flush=True)


def draw(text: str) -> None:
    # The progress line's own codes (carriage return, clear to end of line) go out as they are:
    # no article text is in it, so there is nothing to escape.
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(text)
        sys.stderr.flush()


def quiet_stdout() -> None:
    # Whatever is still buffered for stdout must not fail again at exit ("Exception ignored").
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False
