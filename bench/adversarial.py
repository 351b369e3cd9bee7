#!/usr/bin/env python3
"""Time and peak memory of an article's whole life on adversarial text at 0.25, 0.5 and 1 MB. Prints; asserts nothing.

    .venv/bin/python bench/adversarial.py
    .venv/bin/python bench/adversarial.py --only html --sizes 0.25,1

Each shape is one unit repeated to the size, read as the CLI reads it: markup parsed, figures
extracted, every rule run, suppressions applied (cli.pipeline.process, no deadline). Each size runs in a
child process, so its time and peak resident memory are its own (ru_utime + ru_stime and
ru_maxrss of that child, which starts from the parent's resident code and lexicons: CPU seconds,
so that other work on a shared machine does not count). Columns: CPU seconds at each size, per MB at the
largest, the growth from the smallest to the largest size over the growth of the size (1.0 is
linear, 2.0 quadratic), and peak memory at the largest size. Issue 16's bar: at most 5 s per MB
at 1 MB, linear from 0.25 MB, peak memory at most 10 times the input plus 100 MB.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_b2df989740c2b814.txt"

# name -> (suffix, unit). The issue 16 shapes first, then the ones this bench has always had.
SHAPES = {
    "time scopes, one sentence": (".txt", "overnight 5 6 7 8, "),
    "5 per day, one sentence": (".txt", "5 per day, "),
    "clock times 12:30": (".txt", "12:30 "),
    "phone numbers": (".txt", "(555) 123-4567 "),
    "5 newline": (".txt", "5\n"),
    "1 space": (".txt", "1 "),
    "html <a b unclosed": (".html", "<a b"),
    "html <a unclosed": (".html", "<a"),
    "html <!-- unclosed": (".html", "<!--x>"),
    "markdown comments": (".md", "<!-- x -->\n"),
    "1,1,1,...": (".txt", "1,"),
    "1.1.1.1...": (".txt", "1."),
    "hedge words": (".txt", "about nearly more than at least up to some "),
    "number words": (".txt", "twenty-one hundred and "),
    "long sentence, figures": (".txt", "the 5 cats and 12 dogs, "),
    "scores 1-2-3-4": (".txt", "1-2-3-4-"),
    "conversions": (".txt", "5 km (3 miles) "),
    "prose (seed article)": (".txt", None),
}


def _job(suffix: str, text: str) -> Any:  # a cli.pipeline.Job
    from figcheck.cli.pipeline import Job
    from figcheck.inputs.article import Article
    from figcheck.rules import load_rules

    markup = suffix if suffix in (".md", ".html") else None
    article = Article(f"bench{suffix}", body=text, markup=markup)
    return Job(article, "check", codes=tuple(r.code for r in load_rules()), timeout=0)


def _measure(suffix: str, text: str) -> tuple[float, float]:
    """(CPU seconds, peak MB) of one article's life, in a child process."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report the time through the pipe, leave at once
        os.close(read)
        from figcheck.cli.pipeline import process

        started = time.perf_counter()
        result = process(_job(suffix, text))
        took = time.perf_counter() - started
        os.write(write, f"{took} {result['error'] or ''}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        took, _, error = pipe.read().partition(" ")
    _, _, usage = os.wait4(pid, 0)
    if error:
        print(f"  ({error.strip()})", file=sys.stderr)
    # CPU time, not the wall time `took`: on a shared machine the wall clock counts other work too.
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="shapes whose name holds this text")
    parser.add_argument("--sizes", default="0.25,0.5,1", help="sizes in MB, comma-separated")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    seed = SEED.read_text(encoding="utf-8")
    # Load lexicons, rules and patterns before forking, so no child pays for them.
    from figcheck.cli.pipeline import process

    process(_job(".txt", "warm up: 57 km (45 miles), 5 cats overnight, 12:30, (555) 123-4567"))
    process(_job(".html", "<p>5 cats</p>"))
    process(_job(".md", "5 *cats*"))
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"parent after loading: {base:.0f} MB resident")
    head = "".join(f"{s:g} MB".rjust(9) for s in sizes)
    print(f"{'shape':28}{head}{'s/MB':>8}{'growth':>8}{'peak MB':>9}")
    for name, (suffix, unit) in SHAPES.items():
        if args.only not in name:
            continue
        unit = unit or seed
        times, peak = [], 0.0
        for mb in sizes:
            text = unit * max(1, int(mb * 1_000_000 / len(unit.encode("utf-8"))))
            took, peak = _measure(suffix, text)
            times.append(took)
        growth = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0]) if len(sizes) > 1 and times[0] > 0 else float("nan")
        print(f"{name:28}" + "".join(f"{t:>8.2f}s" for t in times) + f"{times[-1] / sizes[-1]:>8.2f}{growth:>8.2f}{peak:>9.0f}",
              flush=True)


if __name__ == "__main__":
    main()
