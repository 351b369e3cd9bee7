"""Dates against each other and the publication date: ages, anniversaries, spans of years."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from figcheck import lexicon
from figcheck.kinds.base import Hit, Kind, fmt, held
from figcheck.relate import Doc
from figcheck.relate.candidates import DaySpan, Term


def _days_per(unit: str | None) -> float | None:
    """A duration unit's length in days, from lexicon/durations.toml."""
    return lexicon.load("durations").get(unit or "") or lexicon.load("durations").get(f"{unit}s")


def _years_per(unit: str | None) -> float | None:
    """A duration unit's length in years."""
    days = _days_per(unit)
    return days / 365.25 if days else None


@dataclass(frozen=True)
class Params:
    compare: Literal["age", "anniversary", "span", "term"]
    slack_years: float = 0.0


# Dates are day starts on a year axis on which a calendar day has the same fraction every year
# (extract/dates.fractional): only float error needs absorbing.
_AXIS_SLACK = 1e-9
# A span of days read on that axis is off by a day or two.
_DAY_SLACK = 2 / 365.25


def _whole_years(low: float, high: float) -> tuple[int, int]:
    """The whole numbers of years a span from `low` to `high` years can be called."""
    return math.floor(low - _AXIS_SLACK), math.floor(high + _AXIS_SLACK)


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.compare == "age":
        yield from _ages(doc, params)
    elif params.compare == "anniversary":
        yield from _anniversaries(doc, params)
    elif params.compare == "term":
        yield from term(doc.terms(), doc.published, params)
    else:
        yield from _spans(doc, params)


def _ages(doc: Doc, params: Params) -> Iterator[Hit]:
    if doc.published is None:
        return
    seen = set()
    # A sentence the frames read ("Garcia, 39, who was born in 1979"), then a person's age and
    # birth given sentences apart (relate/people.py).
    pairs = [(doc.fig(m, "age"), doc.fig(m, "born")) for _s, m, _extra in doc.matches("age")]
    for age, born in pairs + [(b.age, b.born) for b in doc.births()]:
        if not age or not born or born.kind not in ("year", "date") or not born.bounded or age.start in seen \
                or born.low > doc.published:
            continue
        seen.add(age.start)
        lo, hi = _whole_years(doc.published - born.high, doc.published - born.low)
        if not lo - params.slack_years <= age.value <= hi + params.slack_years:
            allowed = fmt(lo) if lo == hi else f"{fmt(lo)} or {fmt(hi)}"
            yield Hit((age, born), {"age": age.text, "born": born.text, "actual": allowed},
                      f"born {born.text}, so {allowed} at publication, not {fmt(age.value)}")
        else:
            yield held((age, born), f"born {born.text}, so {fmt(age.value)} at publication, as {age.text} says")


def term(candidates: Iterable[Term], published: float | None, params: Params) -> Iterator[Hit]:
    """A term's end against its start plus its length, each as the span its words allow."""
    for t in candidates:
        start = (t.start.low, t.start.high) if t.start is not None else (published, published)
        end = (t.end.low, t.end.high) if t.end is not None else (published, published)
        if None in (*start, *end) or not t.length.bounded or not all(math.isfinite(x) for x in (*start, *end)):
            continue
        low, high = end[0] - start[1], end[1] - start[0]
        said = t.length.value
        from_ = t.start.text if t.start is not None else "publication"
        to = t.end.text if t.end is not None else "publication"
        figs = tuple(f for f in (t.length, t.start, t.end) if f is not None)
        if low > said + params.slack_years or high < said - params.slack_years:
            actual = fmt(round((low + high) / 2))
            yield Hit(figs, {"gap": t.length.text, "actual": actual},
                      f"{from_} to {to} is {actual} years, not {fmt(said)}")
        else:
            yield held(figs, f"{from_} to {to}: {t.length.text}, as said")


def _anniversaries(doc: Doc, params: Params) -> Iterator[Hit]:
    if doc.published is None:
        return
    for _s, m, _extra in doc.matches("anniversary"):
        nth, event, marked = doc.fig(m, "nth"), doc.fig(m, "event"), doc.fig(m, "marked")
        if not nth or not event or event.kind not in ("year", "date") or not event.bounded:
            continue
        # "its 100th anniversary in 2005" is marked then, not at publication.
        at = (marked.low + marked.high) / 2 if marked is not None and marked.bounded else doc.published
        # An anniversary is marked around its day: allow the year before and after.
        lo, hi = _whole_years(at - event.high - 0.5, at - event.low + 0.5)
        if not lo - params.slack_years <= nth.value <= hi + params.slack_years:
            expected = at - (event.low + event.high) / 2
            figs = (event, nth) if marked is None else (event, nth, marked)
            yield Hit(figs, {"nth": nth.text, "event": event.text, "actual": fmt(round(expected))},
                      f"{fmt(math.floor(at))} − {event.text} ≈ {fmt(round(expected))} years, not {fmt(nth.value)}")
        else:
            yield held((event, nth), f"{event.text} to {fmt(math.floor(at))}: the {nth.text} anniversary")


def _spans(doc: Doc, params: Params) -> Iterator[Hit]:
    for _s, m, _extra in doc.matches("span"):
        gap = doc.fig(m, "gap") or doc.fig(m, "since")
        per = _years_per(gap.unit) if gap is not None else None
        if per is None:
            continue
        years = gap.value * per
        g_low, g_high = gap.low * per, gap.high * per
        if "first" in m.groupdict() and m.group("first"):
            first, second = doc.fig(m, "first"), doc.fig(m, "second")
            # A date without its year has no place on the axis: relate/days.py reads it.
            if not first.bounded or not second.bounded or second.low < first.low:
                continue
            low, high = second.low - first.high, second.high - first.low
            figs = (first, second, gap)
            label = f"{second.text} − {first.text}"
        else:
            first = doc.fig(m, "event")
            if doc.published is None or first is None or not first.bounded:
                continue
            low, high = doc.published - first.high, doc.published - first.low
            figs = (first, gap)
            label = f"publication − {first.text}"
        if per < 1:
            # "ten months later", "three weeks later": not whole years, but a count of a shorter
            # unit, true to within half that unit.
            ok = g_low - per / 2 <= high + _DAY_SLACK and g_high + per / 2 >= low - _DAY_SLACK
            actual = f"{fmt(round((low + high) / 2 / per))} {gap.unit}s"
        else:
            lo_years, hi_years = _whole_years(low, high)
            ok = not (g_low > hi_years + params.slack_years or g_high < lo_years - params.slack_years)
            actual = f"{fmt(round((low + high) / 2))} years"
        if not ok:
            yield Hit(figs, {"gap": gap.text, "actual": actual}, f"{label} = {actual}, not {fmt(years / per)} {gap.unit}s"
                      if per < 1 else f"{label} = {actual}, not {fmt(years)}")
        else:
            yield held(figs, f"{label} = {gap.text}")
    yield from day_spans(doc.day_spans())


def day_spans(candidates: Iterable[DaySpan]) -> Iterator[Hit]:
    """Days between calendar days against the span said: 'three weeks later' is 21 days, true
    to within half a week; a hedge ('almost two weeks') widens it."""
    for d in candidates:
        per = _days_per(d.gap.unit)
        if per is None or per > 366:
            continue
        slack = max(per / 2, 1.0)   # "two days later" for a day range's end is still fair
        figs = (d.first, d.second, d.gap)
        said_low, said_high = d.gap.low * per - slack, d.gap.high * per + slack
        days = f"{d.low} days" if d.low == d.high else f"{d.low}–{d.high} days"
        if d.high < said_low or d.low > said_high:
            yield Hit(figs, {"gap": d.gap.text, "actual": days}, f"{d.first.text} to {d.second.text} is {days}, not {d.gap.text}")
        else:
            yield held(figs, f"{d.first.text} to {d.second.text}: {days}, {d.gap.text}")


KIND = Kind("date", Params, check, ("age", "born", "nth", "event", "gap", "actual"))
