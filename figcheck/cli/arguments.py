"""The arguments of `figcheck extract`, `check` and `rule`, and the checks on their values."""

from __future__ import annotations

import argparse
import math
import os
from pathlib import Path

from figcheck import __version__
from figcheck.errors import FigcheckError

FORMATS = ("full", "concise", "json", "jsonl", "json-lines", "sarif", "github", "gitlab", "junit", "html", "markdown")
EXTRA_OUTPUTS = ("json", "sarif", "junit", "gitlab", "html", "markdown")  # --output-FMT FILE

EPILOG = """\
exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 a usage, config or input
error (which wins over findings). Inputs: .txt, .json ({"title", "published", "body"}), .jsonl
(one such object a line), .md, .html, folders (recursively) and - for standard input.
examples:
  figcheck check seeds/                      the report on a terminal
  figcheck check --format json article.json  machine-readable findings
  figcheck check --format github --output-sarif figcheck.sarif news/
  figcheck extract --format json article.txt every figure, with its range and context
  figcheck rule FC101                        what a rule checks, and why
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figcheck", description="Check the arithmetic of the figures in news articles.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"figcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
        p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date when the input gives none")
        p.add_argument("--stdin-filename", metavar="NAME",
                       help="the name of the file read from standard input (-): picks its reader and is the path reported")
        p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
        p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                       help="worker processes (default: the number of cores; 1 for none)")
        p.add_argument("--max-bytes", type=int, default=None, metavar="N", help="skip inputs larger than N bytes")
        p.add_argument("--timeout", type=float, default=None, metavar="S",
                       help="seconds one article may take before it is reported as an error (default 10)")

    ext = sub.add_parser("extract", help="list every figure in the articles",
                         description="List every figure: value, the range its wording allows, kind, unit and context.")
    common(ext)
    ext.add_argument("--format", choices=("table", "json"), default="table")

    chk = sub.add_parser("check", help="check the figures' arithmetic and report what does not add up",
                         description="Check the figures' arithmetic and report what does not add up.",
                         epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    common(chk)
    chk.add_argument("--output-format", "--format", dest="format", choices=FORMATS, default=None, metavar="FORMAT",
                     help=f"report format: {', '.join(FORMATS)} (default: full on a terminal, concise otherwise)")
    for fmt in EXTRA_OUTPUTS:
        chk.add_argument(f"--output-{fmt}", metavar="FILE", help=f"also write the {fmt} report to FILE")
    chk.add_argument("--fail-on", choices=("info", "warning", "error", "never"), default=None,
                     help="lowest severity that makes the exit code 1 (default: warning)")
    chk.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings (2 still means errors)")
    # Repeated options add up ("--ignore FC1 --ignore FC601"), as in ruff.
    chk.add_argument("--select", metavar="CODES", action="append",
                     help="comma-separated codes or prefixes to run, instead of the config's (e.g. FC1,FC301)")
    chk.add_argument("--extend-select", metavar="CODES", action="append",
                     help="codes or prefixes to run as well, even ones the config ignores")
    chk.add_argument("--ignore", metavar="CODES", action="append", help="codes or prefixes not to run, added to the config's")
    chk.add_argument("--extend-exclude", metavar="GLOBS", action="append",
                     help="comma-separated globs of files or folders to leave out, added to the config's exclude")
    chk.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                     help="walk into files and folders that .gitignore leaves out")
    chk.add_argument("--allow-no-articles", action="store_true",
                     help="exit 0, not 2, when every input is excluded (for pre-commit, which passes excluded files too)")
    chk.add_argument("--show-settings", action="store_true",
                     help="print the settings that apply to the first PATH, and the rules they run, then exit")
    chk.add_argument("--config", metavar="FILE", help="use this figcheck.toml or pyproject.toml, not the nearest one")
    chk.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline file")
    chk.add_argument("--write-baseline", metavar="FILE", help="record every finding in FILE and exit 0")
    chk.add_argument("--statistics", action="store_true",
                     help="print figures found, figures checked and findings by severity on standard error")
    chk.add_argument("--quiet", "-q", action="store_true", help="no summary line, no progress")
    chk.add_argument("--progress", action="store_true",
                     help="a progress line every few seconds on standard error even when it is not a terminal (CI logs)")
    chk.add_argument("--show-checks", action="store_true",
                     help="full report: also list every check that held, with its working (JSON always has them under 'held')")

    rule = sub.add_parser("rule", help="explain a rule, or list them all",
                          description="Show a rule's name, kind, severity, what it finds, why, and its examples.")
    rule.add_argument("code", nargs="?", help="a rule code such as FC101")
    rule.add_argument("--all", action="store_true", help="every rule")
    rule.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse values no run can use, and reports that would overwrite an input, before any input is read."""
    if args.published:
        from figcheck.extract.dates import parse_published

        try:
            parse_published(args.published)
        except ValueError:
            raise FigcheckError(f"--published: {args.published!r} is not a date (use YYYY-MM-DD)") from None
    if args.jobs is not None and args.jobs < 1:
        raise FigcheckError("--jobs: must be at least 1")
    if args.timeout is not None and not (math.isfinite(args.timeout) and args.timeout > 0):
        raise FigcheckError("--timeout: must be a number of seconds above 0 (not inf or nan)")
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise FigcheckError("--max-bytes: must be more than 0")
    from figcheck.inputs.files import SUFFIXES
    from figcheck.outputs import check_not_inputs

    targets = [("--output", args.output)] + [
        (f"--{name.replace('_', '-')}", getattr(args, name, None))
        for name in ("output_json", "output_sarif", "output_junit", "output_gitlab", "write_baseline")]
    check_not_inputs(targets, args.paths, SUFFIXES)
    if args.command == "check" and args.write_baseline:
        target = Path(args.write_baseline).resolve().parent
        if not os.path.isdir(target) or not os.access(target, os.W_OK):
            raise FigcheckError(f"--write-baseline: cannot write in {target}")


def split_codes(given: list[str] | None, upper: bool = True) -> list[str] | None:
    """Comma-separated values from each use of a repeatable option, in one list; None if not given."""
    if given is None:
        return None
    values = [value.strip() for text in given for value in text.split(",") if value.strip()]
    return [value.upper() for value in values] if upper else values
