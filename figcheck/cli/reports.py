"""Where the reports of a run go: one writer per report, each to its own file or standard output."""

from __future__ import annotations

import argparse
import contextlib
import os
from typing import Any

from figcheck.cli.arguments import EXTRA_OUTPUTS
from figcheck.errors import FigcheckError, OutputError
from figcheck.outputs import Output


def check_outputs(args: argparse.Namespace) -> None:
    """Two reports sent to one file would overwrite each other: refuse before writing either."""
    targets = [("-o/--output", args.output)] + [(f"--output-{fmt}", getattr(args, f"output_{fmt}")) for fmt in EXTRA_OUTPUTS]
    seen: dict[str, str] = {}
    for option, target in targets:
        if not target or target == "-":
            continue
        key = os.path.realpath(target)
        if key in seen:
            raise FigcheckError(f"{seen[key]} and {option} both write to {target}: give each report its own file")
        seen[key] = option


def open_writers(args: argparse.Namespace, fmt: str, rules: Any, outputs: list[Output]) -> list[Any]:
    """One writer per report; `outputs` receives their destinations, in the same order."""
    from figcheck.report.stream import writer

    targets = [(fmt, args.output, args.quiet)] + [
        (extra, getattr(args, f"output_{extra}"), True) for extra in EXTRA_OUTPUTS if getattr(args, f"output_{extra}")]
    writers = []
    try:
        for name, target, quiet in targets:
            outputs.append(open_output(target))
            writers.append(writer(name, outputs[-1], rules, quiet=quiet,
                                  show_checks=getattr(args, "show_checks", False) and name == fmt))
    except FigcheckError:
        finish(outputs, done=False)  # no temporary file left behind by the ones opened
        raise
    return writers


def open_output(path: str | None) -> Output:
    return Output(path)


def finish(outputs: list[Output], done: bool) -> None:
    """Put finished reports in place, or drop unfinished ones; the first write error wins."""
    failed: OutputError | None = None
    for out in outputs:
        if not done:
            out.discard()
            continue
        try:
            out.commit()
        except OutputError as exc:
            failed = failed or exc
            for rest in outputs:
                rest.discard()
            done = False
    if failed is not None:
        raise failed


def close_early(writers: list[Any], outputs: list[Output], summary: dict[str, Any]) -> None:
    # Stopped early (Ctrl-C, a write error): a report on standard output still gets its closing
    # lines if it can, and no half-written report file replaces the old one (finish drops it).
    for w, out in zip(writers, outputs, strict=True):
        if out.temp is None:
            with contextlib.suppress(FigcheckError):
                w.close(summary)
