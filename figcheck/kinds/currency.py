"""Rates of exchange within one article: each '$42.8m (£23.7m)' against the other pairs of the
same two currencies; no outside rates."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from figcheck.kinds.base import Hit, Kind, fmt, held
from figcheck.relate import Doc
from figcheck.relate.currency_pairs import Pair, pairs


@dataclass(frozen=True)
class Params:
    drift: float = 0.03   # rates move while a story is written, and editors convert on different days
    min_agreeing: int = 2  # other pairs that must agree with each other before one is called out
    # instead: an article with just two pairs of the same currencies, whose rates disagree (which
    # of the two is off cannot be told, so both are reported).
    two: bool = False


def _consensus(others: list[Pair], drift: float) -> tuple[float, float, list[Pair]] | None:
    """The rate the other pairs agree on: those within `drift` of their median, and the range all
    of them allow (or the median itself, when their roundings leave no common range)."""
    median = statistics.median(p.rate for p in others)
    agreeing = [p for p in others if p.low <= median * (1 + drift) and p.high >= median / (1 + drift)]
    if not agreeing:
        return None
    low, high = max(p.low for p in agreeing), min(p.high for p in agreeing)
    return (low, high, agreeing) if low <= high else (median, median, agreeing)


def _rate_text(p: Pair, rate: float) -> str:
    """1.8059 -> '1.806 USD per GBP'; a small rate the other way up: '104.2 JPY per USD'."""
    base, quote = p.base.unit, p.quote.unit
    return f"{fmt(round(rate, 3))} {quote} per {base}" if rate >= 0.1 else f"{fmt(round(1 / rate, 1))} {base} per {quote}"


def _sum(x: float) -> str:
    """A converted sum to three significant figures: 10,334,442 -> '10.3 million'."""
    return fmt(float(f"{x:.3g}"))


_YEARS = regex.compile(r"\d{4}|\byears?\b", regex.I)


def _two(found: list[Pair], params: Params) -> Iterator[Hit]:
    groups: dict[tuple, list[Pair]] = {}
    for p in found:
        groups.setdefault((p.base.unit, p.quote.unit), []).append(p)
    for group in groups.values():
        if len(group) != 2:
            continue
        p, o = group
        # "a 684bn yen ($6.4bn) loss in 2000 ... a 331bn yen ($2.7bn) profit the following year":
        # sums of two times may be converted at the rates of their times.
        if len({f.when for f in (p.a, p.b, o.a, o.b) if f.when and _YEARS.search(f.when)}) > 1:
            continue
        if p.high * (1 + params.drift) >= o.low and p.low <= o.high * (1 + params.drift):
            yield held((p.a, p.b, o.a, o.b), f"{p.a.text} ({p.b.text}) and {o.a.text} ({o.b.text}): one rate")
            continue
        yield Hit((p.a, p.b, o.a, o.b), {
            "a": p.a.text, "b": p.b.text, "rate": _rate_text(p, p.rate), "others": _rate_text(o, o.rate),
            "count": "1", "expected": f"{o.a.text} ({o.b.text})"},
            f"{p.quote.text} ÷ {p.base.text} = {_rate_text(p, p.rate)}; {o.quote.text} ÷ {o.base.text} = "
            f"{_rate_text(o, o.rate)}")


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    found = pairs(doc)
    if params.two:
        yield from _two(found, params)
        return
    for p in found:
        others = [o for o in found if o is not p and (o.base.unit, o.quote.unit) == (p.base.unit, p.quote.unit)]
        if len(others) < params.min_agreeing:
            continue
        agreed = _consensus(others, params.drift)
        if agreed is None or len(agreed[2]) < params.min_agreeing:
            continue
        low, high, agreeing = agreed
        if p.high * (1 + params.drift) >= low and p.low <= high * (1 + params.drift):
            yield held((p.a, p.b), f"{p.a.text} ({p.b.text}) at the rate {len(agreeing)} other pairs agree on")
            continue
        rate = (low + high) / 2
        # The sum in brackets as the other pairs' rate gives it.
        expected = p.a.value * rate if p.a is p.base else p.a.value / rate
        yield Hit((p.a, p.b), {
            "a": p.a.text, "b": p.b.text, "rate": _rate_text(p, p.rate), "others": _rate_text(p, rate),
            "count": str(len(agreeing)), "expected": f"{_sum(expected)} {p.b.unit}"},
            f"{p.quote.text} ÷ {p.base.text} = {_rate_text(p, p.rate)}; {len(agreeing)} other pairs give "
            f"{_rate_text(p, rate)}, at which {p.a.text} is {_sum(expected)} {p.b.unit}, not {p.b.text}")


KIND = Kind("currency_pair", Params, check, ("a", "b", "rate", "others", "count", "expected"))
