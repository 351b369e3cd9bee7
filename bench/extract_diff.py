#!/usr/bin/env python3
"""What changed, figure by figure, between two versions of the extractor, on a whole corpus.

    .venv/bin/python bench/extract_diff.py [--base REV] [--head REV] [FILE.jsonl] [--show N]
                                           [--context N] [--fail-on-change]

Builds each version of `figcheck/` into a temporary directory (`git archive REV`; the head is the
working tree unless --head names a revision), imports it in a subprocess of its own whose
sys.path starts there, and dumps `figcheck.extract_figures(body, published)` for every article of
the corpus (default ../shared/corpus/news.jsonl) as rows (id, start, end, text, kind, value, low,
high, bound, unit, noun). Figures are paired by span, then by overlap; each added, removed or
changed figure is printed with a little of its sentence, the figure in [[ ]], and the changes are
counted by kind of change. A refactor must print zero changes; any other change is read, one by
one, before it lands. Prints and exits 0 when the corpus is absent. The corpus is research
material: the context printed here goes to the terminal, never into the repo.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
FIELDS = ("start", "end", "text", "kind", "value", "low", "high", "bound", "unit", "noun")

# Runs inside each version's own interpreter: argv = [root, corpus]. It prints one JSON line
# per figure, [id, start, end, text, kind, value, low, high, bound, unit, noun].
_WORKER = r"""
import json, sys
root, corpus = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
import figcheck
if not figcheck.__file__.startswith(root):
    sys.exit(f"imported {figcheck.__file__}, not the version under {root}")
def plain(x):
    return getattr(x, "value", x)  # an enum (Bound, a kind) as its value
out = sys.stdout
with open(corpus, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        r = json.loads(line)
        try:
            figs = figcheck.extract_figures(r["body"], r.get("published"))
        except TypeError:  # a version whose extract_figures takes no `published`
            figs = figcheck.extract_figures(r["body"])
        for g in figs:
            out.write(json.dumps([r["id"], g.start, g.end, g.text, plain(g.kind), g.value, g.low, g.high,
                                  plain(g.bound), g.unit, g.noun]) + "\n")
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--base", default="HEAD", help="git revision of the old extractor (default HEAD)")
    ap.add_argument("--head", default=None, help="git revision of the new one (default: the working tree)")
    ap.add_argument("--show", type=int, default=None, help="print at most N changes of each kind (default all)")
    ap.add_argument("--context", type=int, default=60, help="characters of text either side of a figure")
    ap.add_argument("--fail-on-change", action="store_true", help="exit 1 when any figure changed")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}: skipped")
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="extract_diff_") as tmp:
        base_root = _archive(args.base, Path(tmp) / "base")
        head_root = _archive(args.head, Path(tmp) / "head") if args.head else ROOT
        # Both versions run at once, each in its own interpreter: no module of one leaks into the other.
        procs = [_start(root, args.corpus) for root in (base_root, head_root)]
        base, head = (_collect(p) for p in procs)
    bodies = _bodies(args.corpus)
    changes = _diff(base, head)
    _print(changes, bodies, args.show, args.context)
    n_base, n_head = sum(map(len, base.values())), sum(map(len, head.values()))
    counts = Counter(label for label, *_ in changes)
    print(f"\nbase {args.base}: {n_base} figures; head {args.head or 'working tree'}: {n_head} figures; "
          f"{len(bodies)} articles; {time.perf_counter() - started:.1f}s")
    print(f"{len(changes)} changes in {len({c[1] for c in changes})} articles")
    for label, n in counts.most_common():
        print(f"  {n:6d}  {label}")
    return 1 if args.fail_on_change and changes else 0


def _archive(rev: str, dest: Path) -> Path:
    """`figcheck/` as it stands at `rev`, unpacked under `dest`."""
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "figcheck"],
                         capture_output=True, check=True).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        t.extractall(dest, filter="data")
    return dest


def _start(root: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _WORKER, str(root), str(corpus.resolve())], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _collect(proc: subprocess.Popen) -> dict[str, list[tuple]]:
    out, err = proc.communicate()
    if proc.returncode:
        sys.exit(f"extraction failed:\n{err[-3000:]}")
    by_id: dict[str, list[tuple]] = defaultdict(list)
    for line in out.splitlines():
        row = json.loads(line)
        by_id[row[0]].append(tuple(row[1:]))
    return by_id


def _bodies(corpus: Path) -> dict[str, str]:
    with open(corpus, encoding="utf-8") as f:
        return {r["id"]: r["body"] for r in map(json.loads, filter(str.strip, f))}


def _diff(base: dict[str, list[tuple]], head: dict[str, list[tuple]]) -> list[tuple]:
    """(label, id, old row or None, new row or None), in article order then text order."""
    changes = []
    for aid in sorted(set(base) | set(head)):
        old, new = base.get(aid, []), head.get(aid, [])
        if old == new:
            continue
        by_span = {r[:2]: r for r in new}
        paired, left_old = [], []
        for r in old:
            twin = by_span.pop(r[:2], None)
            if twin is None:
                left_old.append(r)
            elif twin != r:
                paired.append((r, twin))
        # A figure whose span grew or shrank ("$20" -> "$20 to $25 billion") is one changed figure.
        left_new = sorted(by_span.values())
        for r in left_old:
            twin = next((n for n in left_new if n[0] < r[1] and r[0] < n[1]), None)
            if twin is None:
                changes.append((f"removed {r[3]}", aid, r, None))
            else:
                left_new.remove(twin)
                paired.append((r, twin))
        changes.extend((f"added {n[3]}", aid, None, n) for n in left_new)
        for r, n in paired:
            changes.append((_label(r, n), aid, r, n))
    changes.sort(key=lambda c: (c[1], (c[2] or c[3])[0]))
    return changes


def _label(old: tuple, new: tuple) -> str:
    fields = [f for f, a, b in zip(FIELDS, old, new, strict=True) if a != b]
    if "start" in fields or "end" in fields:
        fields = ["span"] + [f for f in fields if f not in ("start", "end", "text")]
    kind = f" {old[3]}->{new[3]}" if old[3] != new[3] else f" ({old[3]})"
    return "changed " + ",".join(f for f in fields if f != "kind") + kind if fields != ["kind"] else "changed kind" + kind


def _print(changes: list[tuple], bodies: dict[str, str], show: int | None, context: int) -> None:
    shown: Counter = Counter()
    for label, aid, old, new in changes:
        shown[label] += 1
        if show is not None and shown[label] > show:
            continue
        row = new or old
        start, end = (min(old[0], new[0]), max(old[1], new[1])) if old and new else row[:2]
        print(f"{label:<34} {aid}  {_snippet(bodies.get(aid, ''), start, end, context)}")
        if old:
            print(f"    - {_row(old)}")
        if new:
            print(f"    + {_row(new)}")


def _snippet(body: str, start: int, end: int, context: int) -> str:
    text = f"{body[max(0, start - context):start]}[[{body[start:end]}]]{body[end:end + context]}"
    return " ".join(text.split())


def _row(r: tuple) -> str:
    start, _, text, kind, value, low, high, bound, unit, noun = r
    return (f"@{start} {text!r} {kind} {value:g} [{low:g}, {high:g}] {bound}"
            + (f" unit={unit}" if unit else "") + (f" noun={noun}" if noun else ""))


if __name__ == "__main__":
    sys.exit(main())
