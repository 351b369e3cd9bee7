#!/usr/bin/env python3
"""Mine exact arithmetic coincidences among the figures of a paragraph in clean copy, to find the
cue words that state relations and to measure how often figcheck already checks them.

    .venv/bin/python bench/mine.py [FILE.jsonl] [--show N] [--kind sum|share|change]

For every paragraph of every article it looks for A + B = C (two or three parts, same kind and
unit, every figure at least 10: sums of small integers are noise), P% of W = A (to the rounding
of P), and a percentage change between two figures that a third states. Each coincidence is
printed with the words between its figures, and counted by whether figcheck checked those
figures (held or failed). Coincidences are candidates, not relations: read before you trust.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from figcheck.engine import run  # noqa: E402
from figcheck.relate import document  # noqa: E402
from figcheck.rules import load_rules  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol


def _sums(figs: list) -> list[tuple[str, tuple]]:
    out = []
    for whole in figs:
        parts = [f for f in figs if f is not whole and f.value < whole.value]
        for n in (2, 3):
            for combo in itertools.combinations(parts, n):
                if _close(sum(f.value for f in combo), whole.value, 1e-9 * whole.value):
                    out.append(("sum", (whole, *combo)))
    return out


def _shares(figs: list, percents: list) -> list[tuple[str, tuple]]:
    out = []
    for p in percents:
        for w, a in itertools.permutations(figs, 2):
            if w.value > a.value > 0 and _close(a.value / w.value * 100, p.value, max(p.step, 0.1) / 2 + 1e-9):
                out.append(("share", (p, w, a)))
    return out


def _changes(figs: list, percents: list) -> list[tuple[str, tuple]]:
    out = []
    for p in percents:
        for old, new in itertools.permutations(figs, 2):
            if old.value > 0 and old.start < new.start and abs(new.value / old.value - 1) * 100 > 0.5 \
                    and _close(abs(new.value / old.value - 1) * 100, p.value, max(p.step, 0.1) / 2 + 1e-9):
                out.append(("change", (p, old, new)))
    return out


def coincidences(doc) -> list[tuple[str, tuple]]:
    by_para: dict[int, list] = {}
    for f in doc.figures:
        if f.bound.value == "exact" and f.value > 0:
            by_para.setdefault(f.paragraph, []).append(f)
    out = []
    for figs in by_para.values():
        if len(figs) > 25:      # a table, not prose
            continue
        percents = [f for f in figs if f.kind == "percent"]
        groups: dict[tuple, list] = {}
        for f in figs:
            if f.kind in ("count", "money", "quantity") and f.value >= 10:
                groups.setdefault((f.kind, f.unit), []).append(f)
        for same in groups.values():
            out += _sums(same) + _shares(same, percents) + _changes(same, percents)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--show", type=int, default=10, help="coincidences printed per kind")
    ap.add_argument("--kind", choices=("sum", "share", "change"))
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}: skipped")
        return 0
    rules = load_rules()
    found, checked, words = Counter(), Counter(), Counter()
    shown = Counter()
    for line in args.corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = document(record["body"], record.get("published"))
        run(doc, rules)
        starts = {doc.figures[i].start for i in doc.checked}
        for kind, figs in coincidences(doc):
            if args.kind and kind != args.kind:
                continue
            found[kind] += 1
            checked[kind] += all(f.start in starts for f in figs)
            lo, hi = min(f.start for f in figs), max(f.end for f in figs)
            words.update((kind, w) for w in set(_WORD.findall(doc.body[lo:hi].lower())))
            if shown[kind] < args.show:
                shown[kind] += 1
                print(f"{kind:6} {record['id']}: {' | '.join(f.text for f in figs)}\n       {' '.join(doc.body[lo:hi].split())[:240]}")
    print()
    for kind in sorted(found):
        print(f"{kind:6} {found[kind]:>6,} coincidences, {checked[kind]:,} of them among figures figcheck checked")
        common = [w for (k, w), _ in words.most_common(400) if k == kind][:25]
        print(f"       words between them most often: {', '.join(common)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
