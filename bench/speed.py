#!/usr/bin/env python3
"""Speed and memory of figcheck on a JSON Lines corpus, next to a one-regex floor. Prints figures, asserts nothing.

    .venv/bin/python bench/speed.py [FILE.jsonl] [--jobs-compare] [--repeat N]     (FILE: ../shared/corpus/news.jsonl)

On one pinned core after a warm-up: articles/s and MB/s of extract, of check (figcheck.cli.pipeline.process, every rule) and of
the floor; ms per KB on 500 articles joined into one vs one by one; peak memory; cold start. --jobs-compare: the CLI's
wall time with --jobs 1 and 2; --repeat N: the CLI's peak RSS on FILE and on FILE N times over. Exits 0 if FILE is absent.
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from figcheck.cli.pipeline import Job, process
from figcheck.extract import extract_figures
from figcheck.inputs.article import Article
from figcheck.inputs.files import articles
from figcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SEED = ROOT / "seeds" / "000_b2df989740c2b814.txt"
FLOOR = re.compile(r"\d+(?:[.,]\d+)*")
TIME = Path("/usr/bin/time")
WARM_UP = "About 120 of the 267 drones, 45%, flew 57 kilometres (35 miles) on 3 March 2020, up 10% on 2019."


def floor(texts: list[str]) -> None:
    for text in texts:
        for _ in FLOOR.finditer(text):
            pass


def timed(job: Job) -> tuple[float, str | None]:
    """Seconds of one check on the CLI's path, and its error, or the exception if figcheck crashed."""
    start, problem = time.perf_counter(), None
    try:
        problem = process(job)["error"]
    except Exception as exc:  # a bug in figcheck: report it, time it, go on
        problem = f"crash: {type(exc).__name__}: {exc}"
    return time.perf_counter() - start, problem


def run_cli(argv: list[str]) -> tuple[float, float | None, int]:
    """Wall seconds, peak RSS in MB (None if unknown) and exit code of a fresh `python -m figcheck` run."""
    wrap = [str(TIME), "-v"] if TIME.exists() else []
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter()
    proc = subprocess.run([*wrap, sys.executable, "-m", "figcheck", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    after = int(found.group(1)) if found else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # else: largest child yet
    return elapsed, (after / 1024 if found or after > before else None), proc.returncode


def median_ms(*argv: str) -> float:
    return statistics.median(run_python(argv) for _ in range(5)) * 1e3


def run_python(argv: tuple[str, ...]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--jobs-compare", action="store_true", help="time the CLI with --jobs 1 and --jobs 2")
    ap.add_argument("--repeat", type=int, default=0, metavar="N", help="peak RSS of the CLI on FILE repeated N times")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}: skipped")
        return 0
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if cores:
        os.sched_setaffinity(0, {max(cores)})  # one core for the in-process loops
    arts = [a for a in articles([str(args.corpus)]) if a.error is None]
    if not arts:
        return print(f"no readable articles in {args.corpus}: skipped") or 0
    texts = [a.body for a in arts]
    sizes = [len(t.encode("utf-8")) for t in texts]
    n, nbytes, codes = len(arts), sum(sizes), tuple(r.code for r in load_rules())
    jobs = [Job(a, "check", codes) for a in arts]  # as the CLI builds them: every rule, the default 10 s timeout
    print(f"{args.corpus}: {n} articles, {nbytes / 1e6:.2f} MB of body text; os.cpu_count() {os.cpu_count()}, timed on "
          f"{'1 pinned core' if cores else 'any core'}; load average {os.getloadavg()[0]:.2f}")
    # Warm-up: lexicons, regexes and rules load on first use, pint on the first conversion (~0.5 s).
    process(Job(Article("warm-up", WARM_UP, "2020-03-05"), "check", codes)), extract_figures(texts[0]), floor(texts[:1])

    start = time.perf_counter()
    for t in texts:
        extract_figures(t)
    t_extract = time.perf_counter() - start
    each, problems = zip(*map(timed, jobs), strict=True)
    start, t_check, errors = time.perf_counter(), sum(each), sum(p is not None for p in problems)
    floor(texts)
    t_floor = time.perf_counter() - start
    for label, secs in (("extract", t_extract), ("check", t_check), ("floor", t_floor)):
        print(f"{label:<8} {secs:8.3f} s  {n / secs:10.1f} articles/s  {nbytes / 1e6 / secs:9.4f} MB/s (10^6 bytes of UTF-8 body)")
    slow = max(range(n), key=each.__getitem__)
    print(f"check / floor {t_check / t_floor:,.0f}x; extract / check {t_extract / t_check:.0%}; check per article: median "
          f"{statistics.median(each) * 1e3:.1f} ms, p99 {sorted(each)[int(n * 0.99)] * 1e3:.0f} ms, max {each[slow] * 1e3:.0f} ms "
          f"({arts[slow].path}, {sizes[slow] / 1024:.1f} KB); {errors} with errors")
    for job, problem in [(j, p) for j, p in zip(jobs, problems, strict=True) if p][:10]:
        print(f"  {job.article.path}: {problem}")

    k = min(500, n)
    joined = Job(Article("joined", "\n\n".join(texts[:k])), "check", codes, timeout=0)
    t_joined, problem = timed(joined)
    per_kb_joined = t_joined / (len(joined.article.body.encode("utf-8")) / 1024) * 1e3
    per_kb_each = sum(each[:k]) / (sum(sizes[:k]) / 1024) * 1e3
    print(f"ms per KB: {per_kb_joined:.2f} on {k} articles joined into one ({t_joined:.1f} s{', ' + problem if problem else ''}), "
          f"{per_kb_each:.2f} on the same one by one, {t_check / (nbytes / 1024) * 1e3:.2f} on the corpus; "
          f"joined / one by one {per_kb_joined / per_kb_each:.2f}")

    tracemalloc.start()
    for job in jobs[:300]:
        timed(job)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"memory: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (this process, corpus and "
          f"joined article included); tracemalloc peak of a check loop over {min(300, n)} articles {peak / 1024:.0f} KB; "
          f"load average {os.getloadavg()[0]:.2f}")

    if cores:
        os.sched_setaffinity(0, cores)  # subprocesses get every core back
    print(f"cold start, median of 5: figcheck check {SEED.name} {median_ms('-m', 'figcheck', 'check', str(SEED)):.0f} ms; "
          f"import figcheck.cli {median_ms('-c', 'import figcheck.cli'):.0f} ms; bare interpreter {median_ms('-c', 'pass'):.0f} ms")

    if args.jobs_compare:
        wall = {}
        for j in (1, 2):
            wall[j], _, code = run_cli(["check", "--format", "json", "--jobs", str(j), str(args.corpus)])
            print(f"CLI --jobs {j}: {wall[j]:.1f} s wall, {n / wall[j]:.1f} articles/s (exit {code})")
        print(f"speed-up of --jobs 2 over --jobs 1: {wall[1] / wall[2]:.2f}x on {os.cpu_count()} cores")

    if args.repeat:
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "repeated.jsonl"
            big.write_bytes((args.corpus.read_bytes().rstrip(b"\n") + b"\n") * args.repeat)
            peaks = []
            for label, path in ((f"x1 ({n:,} articles)", args.corpus), (f"x{args.repeat} ({n * args.repeat:,})", big)):
                secs, mb, code = run_cli(["check", "--format", "concise", "--jobs", "1", str(path)])
                peaks.append(mb)
                print(f"CLI peak RSS on {label}: {'unknown' if mb is None else f'{mb:.1f} MB'}, {secs:.1f} s (exit {code})")
        if all(peaks):
            print(f"peak RSS x{args.repeat} / x1: {peaks[1] / peaks[0]:.3f} (issue: at most 150 MB on x10, within 10% of x1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
