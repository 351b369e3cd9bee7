#!/usr/bin/env python3
"""Time of check_text on adversarial text at 0.25, 0.5 and 1 MB: shows growth is linear. Prints; asserts nothing.

    .venv/bin/python bench/adversarial.py

Each pattern is repeated to the size; the last column is seconds per MB at 1 MB. The issue's
bar is 5 s for 1 MB; text denser in figures than prose ever is (one figure every 4 to 12
characters) stays linear but may pass it, and `--timeout` turns that into an error for the
article alone.
"""

from __future__ import annotations

import time
from pathlib import Path

from figcheck import check_text

PATTERNS = {
    "1,1,1,...": "1,",
    "1.1.1.1...": "1.",
    "hedge words": "about nearly more than at least up to some ",
    "number words": "twenty-one hundred and ",
    "long sentence, figures": "the 5 cats and 12 dogs, ",
    "scores 1-2-3-4": "1-2-3-4-",
    "conversions": "5 km (3 miles) ",
    "prose (seed article)": None,
}


def main() -> None:
    seed = (Path(__file__).parents[1] / "seeds" / "000_b2df989740c2b814.txt").read_text(encoding="utf-8")
    check_text("warm up: 57 km (45 miles), 5 cats")
    print(f"{'pattern':26}{'0.25 MB':>10}{'0.5 MB':>10}{'1 MB':>10}{'s/MB':>8}")
    for name, unit in PATTERNS.items():
        unit = unit or seed
        times = []
        for mb in (0.25, 0.5, 1.0):
            text = unit * int(mb * 1_000_000 / len(unit))
            start = time.perf_counter()
            check_text(text)
            times.append(time.perf_counter() - start)
        print(f"{name:26}" + "".join(f"{t:>9.2f}s" for t in times) + f"{times[-1]:>8.2f}")


if __name__ == "__main__":
    main()
