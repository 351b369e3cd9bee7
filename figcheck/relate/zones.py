"""Times given in two zones: '0630 BST (0530 GMT)', '15:30 local time (1430 UTC)'.

Times are not figures the extractor reads (a clock time adds to nothing), so this reader finds
the pair itself and makes a Figure of each time, in minutes after midnight, for the report.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Callable, Sequence

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import ZonePair
from figcheck.relate.changes import SCHEMA as CHANGE_SCHEMA

SCHEMA = CHANGE_SCHEMA
_TIME = r"(?P<{n}h>\d{{1,2}})(?:[:.]?(?P<{n}m>\d{{2}}))?\s*(?P<{n}ap>[ap]\.?m\.?)?"


@functools.cache
def places() -> dict[str, str]:
    """lexicon/zones.toml, checked: one table, `places`, each a place's name to a zone the tz
    database knows."""
    data = lexicon.load("zones")
    if set(data) != {"places"} or not isinstance(data["places"], dict):
        raise FigcheckError("lexicon/zones.toml: needs exactly one table, [places], of names to zones")
    for name, zone in data["places"].items():
        try:
            zoneinfo.ZoneInfo(str(zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as e:
            raise FigcheckError(f"lexicon/zones.toml: {name!r}: unknown zone {zone!r}") from e
    return dict(data["places"])


@functools.cache
def _place_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(list(places()), blind=False)})\b")


@functools.cache
def _pattern() -> tuple[regex.Pattern, dict[str, float]]:
    offsets = {k.upper(): float(v) for k, v in lexicon.load_strict("cues", SCHEMA)["zones"]["offsets"].items()}
    zones = "|".join(sorted(offsets, key=len, reverse=True))
    named = rf"(?P<place>{alternation(list(places()), blind=False)})\s+time"
    return regex.compile(
        rf"\b{_TIME.format(n='a')}\s*(?P<az>local\s+time|{named}|{zones})\s*\(\s*{_TIME.format(n='b')}\s*(?P<bz>{zones})\s*\)"), offsets


def _days(published: float | None) -> list[dt.datetime]:
    """The days a clock time in an article can be on: the publication date and three days either
    side (a story runs after the event); every winter and summer since 1985 when undated."""
    if published is None:
        return [dt.datetime(y, m, 15, 12) for y in range(1985, dt.date.today().year + 1) for m in (1, 7)]
    year = int(published)
    month = min(12, int((published - year) * 12) + 1)
    day = min(28, max(1, round((published - year - (month - 1) / 12) * 372) + 1))
    mid = dt.datetime(year, month, day, 12)
    return [mid + dt.timedelta(days=d) for d in range(-3, 4)]


def _offsets(zone: str, days: Sequence[dt.datetime]) -> frozenset[float]:
    tz = zoneinfo.ZoneInfo(zone)
    return frozenset(tz.utcoffset(d).total_seconds() / 3600 for d in days)  # type: ignore[union-attr]


def _local(body: str, m: regex.Match, starts: Sequence[int], sentence: int, days: Sequence[dt.datetime]) -> tuple[float, ...]:
    """The offsets a local time's place was at on the article's days: the place its sentence
    names, or else the sentence before; () when neither names one, or they name places in zones
    that differ."""
    if m.group("place"):
        zones = {places()[" ".join(m.group("place").split())]}
    else:
        zones = set()
        for s in (sentence, sentence - 1):
            if s < 0 or s >= len(starts):
                continue
            end = starts[s + 1] if s + 1 < len(starts) else len(body)
            zones = {places()[" ".join(p.group().split())] for p in _place_pattern().finditer(body, starts[s], end)}
            if zones:
                break
    found = {_offsets(z, days) for z in zones}
    return tuple(sorted(next(iter(found)))) if len(found) == 1 else ()


def _minutes(m: regex.Match, n: str) -> int | None:
    hours, minutes, ampm = int(m.group(n + "h")), int(m.group(n + "m") or 0), (m.group(n + "ap") or "").lower()
    if ampm:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if ampm.startswith("p") else 0)
    elif m.group(n + "m") is None:
        return None   # "at 6 (5 GMT)": an hour alone is too often something else
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None


def find(body: str, sentence_at: Callable[[int], int], starts: Sequence[int] = (),
         published: float | None = None) -> list[ZonePair]:
    pattern, offsets = _pattern()
    # Plain tests first: a pair needs a bracket and a zone's name, and most articles have neither.
    if "(" not in body or (not any(zone in body for zone in offsets) and " time" not in body):
        return []
    out = []
    for m in pattern.finditer(body):
        a, b = _minutes(m, "a"), _minutes(m, "b")
        if a is None or b is None:
            continue
        place = m.group("place")
        az = "local" if m.group("az").lower().startswith("local") else place or m.group("az").upper()
        figs = [_figure(body, m, n, value, sentence_at) for n, value in (("a", a), ("b", b))]
        local = _local(body, m, starts, figs[0].sentence, _days(published)) if az == "local" or place else ()
        out.append(ZonePair(figs[0], az, figs[1], m.group("bz").upper(), offsets.get(az), offsets[m.group("bz").upper()],
                            local))
    return out


def _figure(body: str, m: regex.Match, n: str, minutes: int, sentence_at: object) -> Figure:
    start, end = m.start(n + "h"), m.end(n + "z")
    s = sentence_at(start)  # type: ignore[operator]
    return Figure(body[start:end], start, end, minutes, minutes, minutes, kind="time", unit=m.group(n + "z"), sentence=s)
