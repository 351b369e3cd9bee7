#!/usr/bin/env python3
"""False alarms on published copy: warnings and errors per 100 articles, by rule and by source.

    .venv/bin/python bench/false_alarms.py [FILE.jsonl] [--out bench/out/alarms.jsonl] [--jobs N]

Runs `figcheck check --format json` on a JSON Lines corpus (default ../shared/corpus/news.jsonl),
prints warnings and errors per 100 articles for each rule code and each source, and writes every
alarm (article id, code, sentence, working) to --out for reading. Prints and exits 0 when the
corpus is absent. Info findings are counted apart: they are notes, not alarms.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "alarms.jsonl")
    ap.add_argument("--jobs", default="2")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}: skipped")
        return 0
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    figcheck = shutil.which("figcheck", path=str(ROOT / ".venv" / "bin")) or "figcheck"
    start = time.perf_counter()
    proc = subprocess.run([figcheck, "check", "--format", "json", "--jobs", args.jobs, "--fail-on", "never",
                           str(args.corpus)], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1, 2):
        print(proc.stderr[-2000:])
        return 1
    report = json.loads(proc.stdout)
    by_code, by_source, infos, articles_by_source = Counter(), Counter(), Counter(), Counter()
    for r in records:
        articles_by_source[r.get("source", "?")] += 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n_alarms = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for entry in report["files"]:
            line = int(entry["record"])  # the article's line in the JSON Lines file
            record = records[line - 1]
            for f in entry.get("findings", []):
                if f["severity"] == "info":
                    infos[f["code"]] += 1
                    continue
                n_alarms += 1
                by_code[f["code"]] += 1
                by_source[record.get("source", "?")] += 1
                sentences = list(dict.fromkeys(x["sentence"] for x in f["figures"]))
                out.write(json.dumps({"id": record.get("id"), "code": f["code"], "severity": f["severity"],
                                      "message": f["message"], "working": f["working"],
                                      "figures": [x["text"] for x in f["figures"]], "sentence": " … ".join(sentences)},
                                     ensure_ascii=False) + "\n")
    n = len(records)
    print(f"{n} articles in {elapsed:.1f} s; warnings and errors: {n_alarms} ({n_alarms / n * 100:.2f} per 100 articles)")
    print("by rule:   " + ", ".join(f"{c} {k} ({k / n * 100:.2f}/100)" for c, k in sorted(by_code.items())) or "none")
    for source, count in sorted(articles_by_source.items()):
        k = by_source[source]
        print(f"by source: {source}: {k} in {count} articles ({k / count * 100:.2f}/100)")
    print("info notes: " + (", ".join(f"{c} {k}" for c, k in sorted(infos.items())) or "none"))
    print(f"every alarm: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
