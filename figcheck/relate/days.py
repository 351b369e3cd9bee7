"""Days between calendar days: 'the first leg on the weekend of 27-28 November and the second
leg three weeks later on 11 December'.

A date written without its year ("11 December") is a figure with no bounds, and a day range
("27-28 November") is a count: neither sits on the year axis the span rule reads. Here each is
read as the calendar days it names, in the year written with it ("October 28 1989") or, when
none is, in no year at all: the span between two such days is then counted forward from the
first, since the frames ("three weeks later") say the second comes after it. Spans whose two
ends both have years are left to the span rule, which reads them on the year axis.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator

import regex

from figcheck.extract.dates import month_numbers
from figcheck.model import Figure
from figcheck.relate.candidates import DaySpan

_REFERENCE_YEAR = 2001   # a year of 365 days, for days written without one
_LEAP_YEAR = 2000        # a day is a day of some year: 29 February is
_NUMBER = regex.compile(r"\d{1,2}")
_YEAR_AFTER = regex.compile(r"^,?\s+$")
_DAY_RANGE = regex.compile(r"^(\d{1,2})(?:\s*(?:-|–|to)\s*(\d{1,2}))?$")


@functools.cache
def _month_after() -> regex.Pattern:
    """A month's name right after a day or a range of days: '27-28 November'."""
    names = "|".join(sorted(month_numbers(), key=len, reverse=True))
    return regex.compile(rf"\s+(?:of\s+)?(?P<month>{names})\b\.?", regex.I)


@functools.cache
def _month_in() -> regex.Pattern:
    names = "|".join(sorted(month_numbers(), key=len, reverse=True))
    return regex.compile(rf"\b(?P<month>{names})\b", regex.I)


def calendar(body: str, f: Figure, figures: list[Figure]) -> tuple[int | None, int, int, int] | None:
    """The year (None when not written), month, and first and last day a figure names: '11
    December', 'Dec. 11', 'October 28 1989', and a count before a month, '27-28 November'."""
    if f.kind == "date":
        month = _month_in().search(f.text)
        days = _NUMBER.findall(f.text[:month.start()] + " " + f.text[month.end():])[:1] if month else []
        if not month or not days:
            return None
        first = last = int(days[0])
        after = f.end
    elif f.kind == "count":
        m, month = _DAY_RANGE.match(f.text), _month_after().match(body, f.end)
        if not m or not month:
            return None
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        after = month.end()
    else:
        return None
    number = month_numbers()[month.group("month").lower()]
    year = int(f.low) if f.kind == "date" and f.bounded else _year_after(body, after, figures)
    try:   # "31 February", "28-3 March": not days of the calendar
        dt.date(year or _LEAP_YEAR, number, first), dt.date(year or _LEAP_YEAR, number, last)
    except ValueError:
        return None
    return (year, number, first, last) if first <= last else None


def _year_after(body: str, at: int, figures: list[Figure]) -> int | None:
    """A year written right after a date: 'October 28 1989', 'October 28, 1989'."""
    g = next((g for g in figures if g.start >= at), None)
    if g is not None and g.kind == "year" and _YEAR_AFTER.match(body[at:g.start]):
        return int(g.value)
    return None


def _days(a: tuple[int | None, int, int, int], b: tuple[int | None, int, int, int]) -> tuple[int, int] | None:
    """The fewest and most days from the first day to the second; a day without its year is
    taken in the other's year, or the year after where it would come first."""
    year_a = a[0] or b[0] or _REFERENCE_YEAR
    year_b = b[0] or year_a
    for _ in range(2):
        try:
            low = (dt.date(year_b, b[1], b[2]) - dt.date(year_a, a[1], a[3])).days
            high = (dt.date(year_b, b[1], b[3]) - dt.date(year_a, a[1], a[2])).days
        except ValueError:   # 29 February in a year without one
            return None
        if high >= 0 or (a[0] is not None and b[0] is not None):
            break
        if b[0] is None:
            year_b += 1
        else:
            year_a -= 1
    if high < 0:
        return None
    return max(low, 0), high   # overlapping ranges: "10-20 February" and "15 February"


def find(body: str, figures: list[Figure], spans: Iterable[tuple[Figure, Figure, Figure]]) -> Iterator[DaySpan]:
    """The days from `first` to `second` of each (first, second, gap) a frame found, where the
    two are calendar days and at least one is written without its year."""
    for first, second, gap in spans:
        if first.bounded and second.bounded:
            continue
        a, b = calendar(body, first, figures), calendar(body, second, figures)
        days = _days(a, b) if a is not None and b is not None else None
        if days is not None:
            yield DaySpan(first, second, gap, *days)
