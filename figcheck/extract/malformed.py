"""Numbers whose digit groups no convention writes ("1,234,5678", "5,112,00", "3.4,000"): read
as written and marked malformed, instead of being dropped as no figure at all. Which of them
are slips and which a foreign convention ("1.234,5", "1,00,000") is the digit-group rule's call."""

from __future__ import annotations

import bisect
import itertools
import math
import re

# A run of digits and separators with at least one comma, not glued to a word or to more
# separators: "6,186,51", "2,4500", "3.4,000", "1,00,000", "1,5". Runs such as "117.......125"
# (a price table's leaders) never match: every separator needs a digit after it.
# Without a comma, only thousands in dots followed by a short decimal part: "3.817.69" (3,817.69
# with the wrong separator), but not a date or a version ("10.5.2020", "2.6.11").
TOKEN = re.compile(r"(?<![\w.,])(?:\d{1,4}(?:[.,]\d+)*,\d+(?:[.,]\d+)*|\d{1,3}(?:\.\d{3})+\.\d{1,2})(?![\w]|[.,]\d)")
# What the extractor reads as a number: thousands in threes after commas, then a decimal part.
WELL_FORMED = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# Groups that look like thousands ("6,186,51": 6 and 186) with a short last group: a dropped digit.
SHORT_LAST = re.compile(r"\d{1,3}(?:,\d{3})*,\d{1,2}")


# Continental grouping: dots between thousands, a comma before decimals ("1.234,5", "25.269,75").
EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")


def guess(text: str) -> float:
    """The value a reader would guess: continental grouping read as such ("1.234,5" -> 1,234.5),
    a short last group padded as a thousands group ("904,00" -> 904,000), else the digits with
    their commas dropped ("2,4500" -> 24,500)."""
    if EUROPEAN.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if SHORT_LAST.fullmatch(text):
        head, _, last = text.rpartition(",")
        return float(head.replace(",", "") + last.ljust(3, "0"))
    if "," not in text:  # "3.817.69": the last dot is the decimal point
        head, _, frac = text.rpartition(".")
        return float(f"{head.replace('.', '')}.{frac}")
    whole, _, frac = text.replace(",", "").partition(".")
    return float(f"{whole}.{frac.replace('.', '')}" if frac else whole)


def tokens(body: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """(start, end, guess) of each malformed number outside the spans already read as figures."""
    out = []
    # Spans sorted by start with the furthest end so far: one look-up a token, not a pass over all.
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))
    for m in TOKEN.finditer(body):
        if WELL_FORMED.fullmatch(m.group()):
            continue
        i = bisect.bisect_left(starts, m.end()) - 1
        if i >= 0 and reach[i] > m.start():
            continue
        value = guess(m.group())
        if math.isfinite(value):
            out.append((m.start(), m.end(), value))
    return out
