"""The command line: `figcheck` parses its arguments, runs a command, and turns what went wrong into exit 2, 130 or 143."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any

from figcheck.cli import batch
from figcheck.cli.arguments import build_parser, check_arguments
from figcheck.cli.commands import check, extract, rule
from figcheck.cli.deadline import main_thread
from figcheck.cli.streams import quiet_stdout, say, standard_streams
from figcheck.errors import FigcheckError, OutputError

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `figcheck` command; returns the exit code."""
    standard_streams()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe in another encoding (cp1252) still gets every line: "−" becomes "\u2212".
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    code = _guarded(argv)
    if batch.pool_left_busy:
        # A batch stopped early and its pool's task thread is stuck on a pipe no worker reads
        # (seen once in ~80 runs of `figcheck check --format jsonl DIR | head -1`); the workers
        # are stopped, but multiprocessing's exit hook would wait for that thread for ever.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)
    return code


def _guarded(argv: list[str] | None) -> int:
    previous = _on_sigterm()
    try:
        code = _main(argv)
        try:
            sys.stdout.flush()  # a reader gone early must fail here, where it is handled, not at exit
        except (OSError, ValueError) as exc:
            raise OutputError(f"cannot write to standard output: {getattr(exc, 'strerror', None) or exc}") from None
        return code
    except KeyboardInterrupt:
        say("figcheck: interrupted")
        return 130
    except _Terminated:
        say("figcheck: terminated")
        return 143
    except OutputError as exc:
        # A full disk, a reader gone (`| head -1`), a closed stream: the report is incomplete.
        quiet_stdout()
        say(f"figcheck: {exc}")
        return 2
    except BrokenPipeError:
        quiet_stdout()
        say("figcheck: cannot write to standard output: Broken pipe")
        return 2
    except FigcheckError as exc:
        say(f"figcheck: {exc}")
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class _Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so the pool is stopped and no worker prints a traceback."""


def _on_sigterm() -> Any:
    if not main_thread():
        return None

    def stop(*_: object) -> None:
        raise _Terminated

    return signal.signal(signal.SIGTERM, stop)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "rule":
        return rule(args)
    check_arguments(args)
    if args.command == "extract":
        return extract(args)
    return check(args)
