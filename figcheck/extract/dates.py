"""Dates, years and publication dates as intervals on one axis: years with a fraction."""

from __future__ import annotations

import datetime as dt
import functools

from figcheck import lexicon

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@functools.cache
def month_numbers() -> dict[str, int]:
    names = lexicon.load("context")["months"]
    full = names[:12]
    table = {name: i + 1 for i, name in enumerate(full)}
    for short in names[12:]:
        table[short] = next(i + 1 for i, name in enumerate(full) if name.startswith(short[:3]))
    return table


def fractional(year: int, month: int = 1, day: int = 1) -> float:
    """A calendar day as a year with a fraction: 1 July 2024 -> 2024.5.

    NOTE: every month is read as 31 days of a 372-day year, so that a calendar day has the same
    fraction in every year: 15 June 2000 to 15 June 2023 is exactly 23, leap years or not, which
    is what ages and anniversaries turn on. Spans of days are off by a day or two, which no rule
    reads.
    """
    return year + (month - 1) / 12 + (min(max(day, 1), 31) - 1) / 372


def interval(year: int, month: int | None = None, day: int | None = None) -> tuple[float, float]:
    """The span of time a date as written allows: a year, a month or a day."""
    # Each end is the start of a day: a year runs from 1 January to 31 December.
    if month is None:
        return float(year), fractional(year, 12, 31)
    if day is None:
        days = _MONTH_DAYS[month - 1] + (1 if month == 2 and year % 4 == 0 else 0)
        return fractional(year, month, 1), fractional(year, month, days)
    return fractional(year, month, day), fractional(year, month, day)


def parse_published(text: str | None) -> float | None:
    """'2024-03-15' (or an ISO timestamp) -> fractional year; raises ValueError when malformed."""
    if text is None or text == "":
        return None
    day = dt.date.fromisoformat(str(text).strip()[:10])
    return fractional(day.year, day.month, day.day)
