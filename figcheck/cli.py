"""The command line: arguments, the batch over inputs, and exit 0 clean / 1 findings / 2 bad input."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from figcheck import __version__
from figcheck.errors import FigcheckError, LimitError, OutputError
from figcheck.inputs.article import Article, prepare
from figcheck.inputs.files import articles
from figcheck.model import Severity
from figcheck.outputs import Output

FORMATS = ("full", "concise", "json", "jsonl", "json-lines", "sarif", "github", "gitlab", "junit", "html", "markdown")
EXTRA_OUTPUTS = ("json", "sarif", "junit", "gitlab", "html", "markdown")  # --output-FMT FILE
STREAMED = ("full", "concise", "jsonl", "github")
MAX_TIMEOUT = 365 * 24 * 3600.0

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


def _parser() -> argparse.ArgumentParser:
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


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `figcheck` command; returns the exit code."""
    _standard_streams()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe in another encoding (cp1252) still gets every line: "−" becomes "\u2212".
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    code = _guarded(argv)
    if _pool_left_busy:
        # A batch stopped early and its pool's task thread is stuck on a pipe no worker reads
        # (seen once in ~80 runs of `figcheck check --format jsonl DIR | head -1`); the workers
        # are stopped, but multiprocessing's exit hook would wait for that thread for ever.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)
    return code


def _standard_streams() -> None:
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
        _say("figcheck: interrupted")
        return 130
    except _Terminated:
        _say("figcheck: terminated")
        return 143
    except OutputError as exc:
        # A full disk, a reader gone (`| head -1`), a closed stream: the report is incomplete.
        _quiet_stdout()
        _say(f"figcheck: {exc}")
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        _say("figcheck: cannot write to standard output: Broken pipe")
        return 2
    except FigcheckError as exc:
        _say(f"figcheck: {exc}")
        return 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class _Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so the pool is stopped and no worker prints a traceback."""


def _on_sigterm() -> Any:
    if not _main_thread():
        return None

    def stop(*_: object) -> None:
        raise _Terminated

    return signal.signal(signal.SIGTERM, stop)


def _say(line: str) -> None:
    # stderr itself may be gone: the exit code still tells.
    from figcheck.report.escape import visible

    with contextlib.suppress(OSError, ValueError):
        print(visible(line), file=sys.stderr, flush=True)


def _draw(text: str) -> None:
    # The progress line's own codes (carriage return, clear to end of line) go out as they are:
    # no article text is in it, so there is nothing to escape.
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(text)
        sys.stderr.flush()


def _quiet_stdout() -> None:
    # Whatever is still buffered for stdout must not fail again at exit ("Exception ignored").
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _main(argv: list[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "rule":
        return _rule(args)
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
    if args.command == "extract":
        return _extract(args)
    return _check(args)


# ---------------------------------------------------------------- the batch

@dataclasses.dataclass(frozen=True)
class Job:
    """What a worker needs for one article: picklable, no open handles."""

    article: Article
    mode: str                      # "extract" or "check"
    codes: tuple[str, ...] = ()    # the rules to run
    severity: tuple[tuple[str, str], ...] = ()
    timeout: float = 10.0
    params: tuple[tuple[str, str, float], ...] = ()   # (code, parameter, value) from [tolerance]
    document: bool = False         # send the body and every figure back, for the HTML report


def process(job: Job) -> dict[str, Any]:
    """One article in, one JSON-shaped file result out: figures or findings, or an error."""
    art = job.article
    empty = "figures" if job.mode == "extract" else "findings"
    if art.error is not None:
        return {**_head(art), "error": art.error, empty: []}
    try:
        with _deadline(job.timeout):
            # Markup is read here, within the deadline: a slow page is its own error, not a hang.
            art = prepare(art)
            if art.error is not None:
                return {**_head(art), "error": art.error, empty: []}
            result = _process(dataclasses.replace(job, article=art))
    except FigcheckError as exc:
        return {**_head(art), "error": str(exc), empty: []}
    except Exception as exc:  # one odd article must not stop a newsroom's batch
        message = f"internal error ({type(exc).__name__}: {exc}); please report it with this article"
        return {**_head(art), "error": message[:300], empty: []}
    if art.warning:
        result["warnings"] = [art.warning]
    return result


def _head(art: Article) -> dict[str, Any]:
    """The first keys of a file result: the real file, and the record's line in a JSON Lines file."""
    return {"path": art.path, "record": art.record} if art.record is not None else {"path": art.path}


def _print_key(art: Article) -> str:
    # Records of one JSON Lines file are told apart in fingerprints by their line, as before
    # the path became the file's own.
    return art.path if art.record is None else f"{art.path}:{art.record}"


def _process(job: Job) -> dict[str, Any]:
    from figcheck.relate import document
    from figcheck.report.json_format import figure_dict, finding_dict

    art = job.article
    doc = document(art.body, art.published, verbs=job.mode == "extract")
    locate = art.locate or doc.layout.line_col

    def sentence_of(f: Any) -> str:
        return _sentence_shown(doc.body, doc.layout.sentence_starts[f.sentence], doc.layout.sentence_ends[f.sentence], f)

    if job.mode == "extract":
        return {**_head(art), "error": None, "figures": [figure_dict(f, locate, sentence_of(f)) for f in doc.figures]}
    from figcheck.engine import run
    from figcheck.rules import load_rules

    wanted = set(job.codes)
    rules = [r for r in load_rules() if r.code in wanted]
    if job.params:
        rules = [_tuned(r, job.params) for r in rules]
    findings = run(doc, rules)
    overrides = dict(job.severity)
    counts: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        if f.code in overrides:
            f = dataclasses.replace(f, severity=Severity.parse(overrides[f.code]))
        d = finding_dict(_print_key(art), f, locate, sentence_of, 0, art.locate_end)
        key = (d["code"], d["fingerprint"])
        if key in counts:  # identical findings in one file get their own prints
            d = finding_dict(_print_key(art), f, locate, sentence_of, counts[key], art.locate_end)
        counts[key] = counts.get(key, 0) + 1
        out.append(d)
    relations: dict[str, list[int]] = {}   # kind -> [held, failed]
    for h in doc.held:
        relations.setdefault(h["kind"], [0, 0])[0] += 1
    for f in findings:
        relations.setdefault(f.kind, [0, 0])[1] += 1
    result = {**_head(art), "error": None, "findings": out,
              "stats": {"figures": len(doc.figures), "checked": len(doc.checked), "relations": relations}}
    if doc.held:
        result["held"] = sorted(doc.held, key=lambda h: h["start"])
    if job.document:
        lay = doc.layout
        result["document"] = {
            "body": doc.body,
            "figures": [[f.start, f.end, f.kind] for f in doc.figures],
            "sentences": [[s, e, p] for s, e, p in zip(lay.sentence_starts, lay.sentence_ends, lay.paragraph_of_sentence,
                                                           strict=True)],
        }
    return _suppress(art, result)


# A figure's sentence is shown whole up to this length (the corpus's longest is 689 characters);
# past it, only WINDOW characters either side of the figure. NOTE: every figure carries its
# sentence, so one sentence of 250,000 figures shown whole made a report of 250,000 times it.
SENTENCE_WHOLE = 1000
WINDOW = 120


def _sentence_shown(body: str, start: int, end: int, fig: Any) -> str:
    if end - start <= SENTENCE_WHOLE:
        return body[start:end]
    lo, hi = max(start, fig.start - WINDOW), min(end, fig.end + WINDOW)
    return ("…" if lo > start else "") + body[lo:hi] + ("…" if hi < end else "")


class _deadline:
    """Turn an article that runs past `seconds` into a LimitError (main thread, POSIX only)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False

    def __enter__(self) -> None:
        if self.seconds and hasattr(signal, "setitimer") and _main_thread():
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


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _tuned(rule: Any, params: tuple[tuple[str, str, float], ...]) -> Any:
    changes = {name: value for code, name, value in params if code == rule.code}
    return dataclasses.replace(rule, params=dataclasses.replace(rule.params, **changes)) if changes else rule


def tolerances(config: Any, rules: Any) -> tuple[tuple[str, str, float], ...]:
    """[tolerance] keys as (code, parameter, value): 'slack' sets every rule's slack, 'FC801.tolerance' one rule's.

    A key no rule's parameters answer to is a config error naming the file and key.
    """
    out = []
    for key, value in config.tolerance.items():
        code, _, name = key.rpartition(".")
        hits = [(r.code, name, float(value)) for r in rules
                if (not code or r.code == code) and isinstance(getattr(r.params, name, None), (int, float))
                and not isinstance(getattr(r.params, name, None), bool)]
        if not hits:
            where = config.path.name if config.path else "config"
            raise FigcheckError(f"{where}: tolerance.{key}: no rule has a numeric parameter {name!r}")
        out.extend(hits)
    return tuple(out)


_pool_left_busy = False  # a batch stopped early, and its pool could not be stopped cleanly


def _results(jobs: Iterable[Job], n_jobs: int) -> Iterator[dict[str, Any]]:
    """Results in input order, from one process or a pool."""
    if n_jobs <= 1:
        yield from map(process, jobs)
        return
    import multiprocessing as mp

    global _pool_left_busy
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    pool = ctx.Pool(n_jobs, initializer=_worker_init)
    finished = False
    try:
        yield from pool.imap(process, jobs, chunksize=32)
        finished = True
    finally:
        if finished:
            pool.close()
            pool.join()
        else:
            # The reader left (a closed pipe, Ctrl-C). Pool.terminate() stops the workers, then
            # joins its task thread, which may be stuck for ever sending to a worker it stopped:
            # give it a few seconds, and if it is stuck, main() leaves without waiting for it.
            import threading

            stopper = threading.Thread(target=pool.terminate, daemon=True)
            stopper.start()
            stopper.join(timeout=2)
            _pool_left_busy = stopper.is_alive()


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle: workers stop quietly when it ends the pool. SIGTERM (from
    # Pool.terminate, or sent to the group) ends a worker at once, without the parent's handler.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _job_count(args: argparse.Namespace) -> int:
    if args.jobs is not None:
        return args.jobs
    if len(args.paths) == 1 and not os.path.isdir(args.paths[0]) and not args.paths[0].endswith(".jsonl"):
        return 1  # one article: a pool would only add start-up time
    return os.cpu_count() or 1


def _count_articles(paths: list[str]) -> int | None:
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


class _Progress:
    """Progress on standard error for long runs: on a terminal a line redrawn in place, with the
    total when the inputs tell it and the rate; off a terminal, with --progress, a line every few
    seconds. The terminal line is cleared before a report writes to the same terminal."""

    EVERY = 200          # articles between redraws on a terminal
    SECONDS = 5.0        # between lines off a terminal

    def __init__(self, enabled: bool, forced: bool = False, total: int | None = None) -> None:
        self.tty = enabled and _isatty(sys.stderr)
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
            _draw(f"\r\x1b[K{self._text()}")
            self.shown = True
        elif self.lines and time.monotonic() - self.last >= self.SECONDS:
            self.last = time.monotonic()
            _say(self._text())

    def clear(self) -> None:
        """Take the terminal line away before a report prints beside it."""
        if self.shown:
            _draw("\r\x1b[K")
            self.shown = False

    def done(self) -> None:
        if self.tty and self.n >= self.EVERY:
            _draw(f"\r\x1b[K{self._text()}\n")
        elif self.lines:
            _say(self._text())


# ---------------------------------------------------------------- extract

def _extract(args: argparse.Namespace) -> int:
    from figcheck.config import Config

    defaults = Config()  # the same limits as `check` without a config file
    max_bytes = args.max_bytes or defaults.max_bytes
    timeout = args.timeout or defaults.timeout
    jobs = (Job(a, "extract", timeout=timeout) for a in articles(args.paths, args.published, max_bytes, timeout,
                                                                  args.stdin_filename))
    out = _open_output(args.output)
    errors = 0
    done = False
    try:
        if args.format == "json":
            from figcheck.report.stream import JsonStream

            stream = JsonStream(out, "files")
            for result in _results(jobs, _job_count(args)):
                errors += result["error"] is not None
                stream.write(result)
            stream.close({})
        else:
            from figcheck.report.terminal import figure_table

            for result in _results(jobs, _job_count(args)):
                errors += result["error"] is not None
                figure_table(result, out)
        done = True
    finally:
        _finish([out], done)
    return 2 if errors else 0


# ---------------------------------------------------------------- check

def _check(args: argparse.Namespace) -> int:
    run = _Run(args)
    if args.show_settings:
        return run.show_settings()
    _check_outputs(args)
    fmt = args.format or ("full" if _isatty(sys.stdout) and not args.output else "concise")
    outputs: list[Output] = []
    writers = _writers(args, fmt, run.rules, outputs)
    documents = any(getattr(w, "documents", False) for w in writers)
    done = False
    progress = _Progress(not args.quiet, args.progress, _count_articles(args.paths))
    tally = _Tally(run.baseline, keep=bool(args.write_baseline))
    try:
        for result in _results(run.jobs(documents), _job_count(args)):
            result = tally.add(result)
            document = result.pop("document", None)
            if result.get("findings") or result.get("error"):
                progress.clear()
            for w in writers:
                w.write({**result, "document": document} if getattr(w, "documents", False) else result)
            progress.tick()
        progress.done()
        for w in writers:
            w.close(tally.summary)
        done = True
    finally:
        if not done:
            _close_early(writers, outputs, tally.summary)
        _finish(outputs, done)
    return _exit_code(args, run, tally)


def _exit_code(args: argparse.Namespace, run: _Run, tally: _Tally) -> int:
    summary = tally.summary
    if args.write_baseline:
        from figcheck.baseline import write_baseline
        from figcheck.report.summary import plural

        n = write_baseline({"version": 1, "files": tally.results}, Path(args.write_baseline))
        _say(f"figcheck: wrote {plural(n, 'finding')} to {args.write_baseline}")
        return 2 if summary["errors"] else 0
    if args.statistics:
        _statistics(summary)
    if summary["errors"]:
        return 2
    if summary["files"] == 0 and run.excluded:
        # Every input was left out: a green run here would say "checked, all clear" about nothing.
        from figcheck.report.summary import plural

        print(f"figcheck: no article checked: {plural(run.excluded, 'input')} excluded by exclude, extend-exclude "
              "or per-file settings (see --show-settings)", file=sys.stderr)
        return 0 if args.allow_no_articles else 2
    fail_on = run.first.fail_on
    if args.exit_zero or fail_on is None or tally.worst < fail_on:
        return 0
    return 1


class _Run:
    """What one `check` run reads once: the configs that apply to each input, the rules, the baseline."""

    def __init__(self, args: argparse.Namespace) -> None:
        from figcheck.config import clear_cache, load_config
        from figcheck.rules import load_rules

        clear_cache()  # a config file may change between runs in one process (tests, notebooks)
        self.args = args
        self.base = load_config(Path(args.config)) if args.config else None
        self.overrides = {"select": _codes(args.select), "extend_select": _codes(args.extend_select),
                          "ignore": _codes(args.ignore), "extend_exclude": _codes(args.extend_exclude, upper=False),
                          "fail_on": args.fail_on, "max_bytes": args.max_bytes, "timeout": args.timeout}
        self.rules = load_rules()
        first_path = args.stdin_filename if args.paths[0] == "-" and args.stdin_filename else args.paths[0]
        self.first = self.config(first_path)
        if not any(self.first.enabled(r.code) for r in self.rules):
            where = f" in {self.first.path}" if self.first.path else ""
            raise FigcheckError(f"no rule selected: --select, --ignore and the config{where} leave none to run "
                                "(`figcheck check --show-settings PATH` shows them)")
        self.baseline = None
        if args.baseline:
            from figcheck.baseline import load_baseline

            self.baseline = load_baseline(Path(args.baseline))
        self.excluded = 0
        self.gitignore = None
        if args.respect_gitignore:
            from figcheck.gitignore import GitIgnored

            self.gitignore = GitIgnored()

    def config(self, path: str) -> Any:
        from figcheck.config import config_for

        found = self.base if self.base is not None else config_for(_source_path(path))
        return found.merged(**self.overrides)

    def setup(self, path: str) -> tuple | None:
        """What a job needs from the config of one input file, or None if it is excluded."""
        cfg = self.config(path)
        if cfg.excluded(path):
            return None
        rules = self.rules
        codes = tuple(r.code for r in rules if cfg.enabled(r.code, path))
        severity = tuple((r.code, cfg.severity_for(r.code, r.severity).label) for r in rules
                         if cfg.severity_for(r.code, r.severity) != r.severity)
        return codes, severity, cfg.timeout, tolerances(cfg, rules)

    def jobs(self, documents: bool) -> Iterator[Job]:
        """A job for each article that is not excluded; counts the excluded ones in `excluded`."""
        args = self.args
        skip = self.gitignore.ignored if self.gitignore is not None else None
        # The records of one JSON Lines file share its config: read it once a file, not once a
        # record (a config look-up and 19 per-file-ignores matches cost 0.2 ms an article).
        last: tuple[str, tuple | None] = ("", None)
        for art in articles(args.paths, args.published, self.first.max_bytes, self.first.timeout, args.stdin_filename, skip):
            if art.path != last[0]:
                last = (art.path, self.setup(art.path))
            if last[1] is None:
                self.excluded += 1
            else:
                yield Job(art, "check", *last[1], document=documents)

    def show_settings(self) -> int:
        """Print the settings for the first path, in the config file's own words, and the rules they run."""
        cfg, args = self.first, self.args
        shown = args.stdin_filename if args.paths[0] == "-" and args.stdin_filename else args.paths[0]
        rows = [("path", shown), ("config file", str(cfg.path) if cfg.path else "none (defaults)"),
                ("select", cfg.select if cfg.cli_select is None else f"{list(cfg.cli_select)} (command line)"),
                ("extend-select", [*([] if cfg.cli_select is not None else cfg.extend_select), *cfg.cli_extend_select]),
                ("ignore", [*cfg.ignore, *cfg.cli_ignore]), ("per-file-ignores", dict(cfg.per_file_ignores)),
                ("exclude", cfg.exclude), ("extend-exclude", cfg.extend_exclude),
                ("respect-gitignore", args.respect_gitignore),
                ("severity", {code: level.label for code, level in cfg.severity.items()}),
                ("fail-on", cfg.fail_on.label if cfg.fail_on else "never"), ("tolerance", dict(cfg.tolerance)),
                ("max-bytes", cfg.max_bytes), ("timeout", cfg.timeout),
                ("rules run", [r.code for r in self.rules if cfg.enabled(r.code, shown)])]
        for key, value in rows:
            print(f"{key:<18} {list(value) if isinstance(value, tuple) else value}")
        return 0


class _Tally:
    """Counts results into the summary as they arrive; drops baseline findings; prints notes."""

    def __init__(self, baseline: Any, keep: bool) -> None:
        self.baseline = baseline
        self.results: list[dict[str, Any]] = []
        self.keep = keep  # the results, for --write-baseline
        self.worst = 0
        self.summary: dict[str, Any] = {"files": 0, "errors": 0, "findings": {"info": 0, "warning": 0, "error": 0},
                                        "figures": 0, "checked": 0, "suppressed": 0, "relations": {}}

    def add(self, result: dict[str, Any]) -> dict[str, Any]:
        summary = self.summary
        where = f"{result['path']}:{result['record']}" if result.get("record") else result["path"]
        for line, codes in result.pop("unused", []):
            _say(f"figcheck: {result['path']}:{line}: suppression of {codes} matches nothing")
        for warning in result.pop("warnings", []):
            _say(f"figcheck: {where}: warning: {warning}")
        summary["suppressed"] += result.pop("suppressed", 0)
        if self.baseline is not None and result["findings"]:
            kept, dropped = self.baseline.filter(result["path"], result["findings"], result.get("record"))
            result = {**result, "findings": kept}
            summary["suppressed"] += dropped
        stats = result.pop("stats", {"figures": 0, "checked": 0})
        summary["files"] += 1
        summary["errors"] += result["error"] is not None
        summary["figures"] += stats["figures"]
        summary["checked"] += stats["checked"]
        for kind, (n_held, n_failed) in stats.get("relations", {}).items():
            tally = summary["relations"].setdefault(kind, [0, 0])
            tally[0] += n_held
            tally[1] += n_failed
        for f in result["findings"]:
            summary["findings"][f["severity"]] += 1
            self.worst = max(self.worst, Severity.parse(f["severity"]))
        if self.keep:
            self.results.append({key: value for key, value in result.items() if key != "document"})
        return result


def _check_outputs(args: argparse.Namespace) -> None:
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


def _close_early(writers: list[Any], outputs: list[Output], summary: dict[str, Any]) -> None:
    # Stopped early (Ctrl-C, a write error): a report on standard output still gets its closing
    # lines if it can, and no half-written report file replaces the old one (_finish drops it).
    for w, out in zip(writers, outputs, strict=True):
        if out.temp is None:
            with contextlib.suppress(FigcheckError):
                w.close(summary)


def _source_path(label: str) -> Path:
    """The file an input label names; standard input without a name is read as if here."""
    return Path.cwd() if label == "-" else Path(label)


def _suppress(art: Article, result: dict[str, Any]) -> dict[str, Any]:
    """Drop the findings an editor silenced in the article; note the suppressions that matched nothing."""
    if not (art.comments or art.ignore):
        return result
    from figcheck import suppress

    sups = suppress.parse_comments(art.comments, art.source) + (suppress.from_record(list(art.ignore)) if art.ignore else [])
    kept, hidden, unused = suppress.apply(sups, result["findings"])
    return {**result, "findings": kept, "suppressed": len(hidden),
            "unused": [(s.line, ", ".join(s.codes) or "all") for s in unused]}


def _statistics(summary: dict[str, Any]) -> None:
    from figcheck.report.summary import plural

    f = summary["findings"]
    print(f"figcheck: {plural(summary['files'], 'article')}, {plural(summary['figures'], 'figure')}, "
          f"{summary['checked']:,} taking part in a check; findings: {plural(f['error'], 'error')}, "
          f"{plural(f['warning'], 'warning')}, {plural(f['info'], 'info')}; {summary['suppressed']:,} suppressed; "
          f"{plural(summary['errors'], 'input')} with errors", file=sys.stderr)
    share = summary["checked"] / summary["figures"] * 100 if summary["figures"] else 0.0
    print(f"figcheck: {share:.1f}% of figures take part in a relation that was checked", file=sys.stderr)
    for kind, (n_held, n_failed) in sorted(summary.get("relations", {}).items()):
        print(f"figcheck: {kind:<11} {n_held + n_failed:>6,} relations checked: {n_held:,} held, {n_failed:,} failed",
              file=sys.stderr)


def _codes(given: list[str] | None, upper: bool = True) -> list[str] | None:
    """Comma-separated values from each use of a repeatable option, in one list; None if not given."""
    if given is None:
        return None
    values = [value.strip() for text in given for value in text.split(",") if value.strip()]
    return [value.upper() for value in values] if upper else values


def _writers(args: argparse.Namespace, fmt: str, rules: Any, outputs: list[Output]) -> list[Any]:
    """One writer per report; `outputs` receives their destinations, in the same order."""
    from figcheck.report.stream import writer

    rule_dicts = [r.as_dict() for r in rules]
    targets = [(fmt, args.output, args.quiet)] + [
        (extra, getattr(args, f"output_{extra}"), True) for extra in EXTRA_OUTPUTS if getattr(args, f"output_{extra}")]
    writers = []
    try:
        for name, target, quiet in targets:
            outputs.append(_open_output(target))
            writers.append(writer(name, outputs[-1], rule_dicts, quiet=quiet,
                                  show_checks=getattr(args, "show_checks", False) and name == fmt))
    except FigcheckError:
        _finish(outputs, done=False)  # no temporary file left behind by the ones opened
        raise
    return writers


def _open_output(path: str | None) -> Output:
    return Output(path)


def _finish(outputs: list[Output], done: bool) -> None:
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


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


# ---------------------------------------------------------------- rule

def _rule(args: argparse.Namespace) -> int:
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
