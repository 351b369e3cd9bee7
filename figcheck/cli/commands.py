"""The commands: `extract` lists figures, `check` drives the batch into its reports and exit code, `rule` explains rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from figcheck.cli.batch import job_count, results
from figcheck.cli.pipeline import Job
from figcheck.cli.progress import Progress, count_articles
from figcheck.cli.reports import check_outputs, close_early, finish, open_output, open_writers
from figcheck.cli.run import Run
from figcheck.cli.streams import isatty, say
from figcheck.cli.tally import Tally, print_statistics
from figcheck.errors import FigcheckError
from figcheck.inputs.files import articles
from figcheck.outputs import Output
from figcheck.report.json_format import as_json


def extract(args: argparse.Namespace) -> int:
    from figcheck.config import Config

    defaults = Config()  # the same limits as `check` without a config file
    max_bytes = args.max_bytes or defaults.max_bytes
    timeout = args.timeout or defaults.timeout
    jobs = (Job(a, "extract", timeout=timeout) for a in articles(args.paths, args.published, max_bytes, timeout,
                                                                  args.stdin_filename))
    out = open_output(args.output)
    errors = 0
    done = False
    try:
        if args.format == "json":
            from figcheck.report.stream import JsonStream

            stream = JsonStream(out, "files")
            for result in results(jobs, job_count(args)):
                errors += result["error"] is not None
                stream.write(result)
            stream.close({})
        else:
            from figcheck.report.terminal import figure_table

            for result in results(jobs, job_count(args)):
                errors += result["error"] is not None
                figure_table(result, out)
        done = True
    finally:
        finish([out], done)
    return 2 if errors else 0


def check(args: argparse.Namespace) -> int:
    run = Run(args)
    if args.show_settings:
        return run.show_settings()
    check_outputs(args)
    fmt = args.format or ("full" if isatty(sys.stdout) and not args.output else "concise")
    outputs: list[Output] = []
    writers = open_writers(args, fmt, run.rules, outputs)
    documents = any(getattr(w, "documents", False) for w in writers)
    done = False
    progress = Progress(not args.quiet, args.progress, count_articles(args.paths))
    tally = Tally(run.baseline, keep=bool(args.write_baseline))
    try:
        for result in results(run.jobs(documents), job_count(args)):
            result = as_json(tally.add(result))
            document = result.pop("document", None)
            if result.get("findings") or result.get("error"):
                progress.clear()
            for w in writers:
                w.write({**result, "document": document} if getattr(w, "documents", False) else result)
            progress.tick()
        progress.done()
        for w in writers:
            w.close(tally.summary.as_dict())
        done = True
    finally:
        if not done:
            close_early(writers, outputs, tally.summary.as_dict())
        finish(outputs, done)
    return _exit_code(args, run, tally)


def _exit_code(args: argparse.Namespace, run: Run, tally: Tally) -> int:
    summary = tally.summary
    if args.write_baseline:
        from figcheck.baseline import write_baseline
        from figcheck.report.summary import plural

        n = write_baseline({"version": 1, "files": tally.results}, Path(args.write_baseline))
        say(f"figcheck: wrote {plural(n, 'finding')} to {args.write_baseline}")
        return 2 if summary.errors else 0
    if args.statistics:
        print_statistics(summary)
    if summary.errors:
        return 2
    if summary.files == 0 and run.excluded:
        # Every input was left out: a green run here would say "checked, all clear" about nothing.
        from figcheck.report.summary import plural

        print(f"figcheck: no article checked: {plural(run.excluded, 'input')} excluded by exclude, extend-exclude "
              "or per-file settings (see --show-settings)", file=sys.stderr)
        return 0 if args.allow_no_articles else 2
    fail_on = run.first.fail_on
    if args.exit_zero or fail_on is None or summary.worst < fail_on:
        return 0
    return 1


def rule(args: argparse.Namespace) -> int:
    import json

    from figcheck.rules import load_rules

    rules = load_rules()
    if args.all:
        chosen = list(rules)
    elif args.code:
        chosen = [r for r in rules if r.code == args.code.upper() or r.name == args.code]
        if not chosen:
            raise FigcheckError(f"no rule {args.code!r} (see `figcheck rule --all`)")
    else:
        raise FigcheckError("name a rule code, e.g. `figcheck rule FC101`, or use --all")
    if args.format == "json":
        print(json.dumps([r.as_dict() for r in chosen], indent=2, ensure_ascii=False))
        return 0
    for r in chosen:
        print(f"{r.code} {r.name}  ({r.kind}, {r.severity.label})\n")
        print(f"  What it finds: {r.what}\n  Why it matters: {r.why}\n")
        for e in r.flags:
            print(f"  flags: {e.text}")
        for e in r.traps:
            print(f"  quiet: {e.text}\n         ({e.why})")
        print()
    return 0
