"""Times given in two zones: '0630 BST (0530 GMT)', '15:30 local time (1430 UTC)'.

Times are not figures the extractor reads (a clock time adds to nothing), so this reader finds
the pair itself and makes a Figure of each time, in minutes after midnight, for the report.
"""

from __future__ import annotations

import functools

import regex

from figcheck import lexicon
from figcheck.model import Figure
from figcheck.relate.candidates import ZonePair
from figcheck.relate.changes import SCHEMA as CHANGE_SCHEMA

SCHEMA = CHANGE_SCHEMA
_TIME = r"(?P<{n}h>\d{{1,2}})(?:[:.]?(?P<{n}m>\d{{2}}))?\s*(?P<{n}ap>[ap]\.?m\.?)?"


@functools.cache
def _pattern() -> tuple[regex.Pattern, dict[str, float]]:
    offsets = {k.upper(): float(v) for k, v in lexicon.load_strict("cues", SCHEMA)["zones"]["offsets"].items()}
    zones = "|".join(sorted(offsets, key=len, reverse=True))
    return regex.compile(
        rf"\b{_TIME.format(n='a')}\s*(?P<az>local\s+time|{zones})\s*\(\s*{_TIME.format(n='b')}\s*(?P<bz>{zones})\s*\)"), offsets


def _minutes(m: regex.Match, n: str) -> int | None:
    hours, minutes, ampm = int(m.group(n + "h")), int(m.group(n + "m") or 0), (m.group(n + "ap") or "").lower()
    if ampm:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if ampm.startswith("p") else 0)
    elif m.group(n + "m") is None:
        return None   # "at 6 (5 GMT)": an hour alone is too often something else
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def find(body: str, sentence_at: object) -> list[ZonePair]:
    pattern, offsets = _pattern()
    # Plain tests first: a pair needs a bracket and a zone's name, and most articles have neither.
    if "(" not in body or (not any(zone in body for zone in offsets) and "local time" not in body):
        return []
    out = []
    for m in pattern.finditer(body):
        a, b = _minutes(m, "a"), _minutes(m, "b")
        if a is None or b is None:
            continue
        az = "local" if m.group("az").lower().startswith("local") else m.group("az").upper()
        figs = [_figure(body, m, n, value, sentence_at) for n, value in (("a", a), ("b", b))]
        out.append(ZonePair(figs[0], az, figs[1], m.group("bz").upper(), offsets.get(az), offsets[m.group("bz").upper()]))
    return out


def _figure(body: str, m: regex.Match, n: str, minutes: int, sentence_at: object) -> Figure:
    start, end = m.start(n + "h"), m.end(n + "z")
    s = sentence_at(start)  # type: ignore[operator]
    return Figure(body[start:end], start, end, minutes, minutes, minutes, kind="time", unit=m.group(n + "z"), sentence=s)
