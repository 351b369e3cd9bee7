"""Rates of exchange: each '$42.8m (£23.7m)' against the other pairs of the same two currencies
in the article, and against the range the two currencies traded in (lexicon/rates.toml)."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from figcheck import rates
from figcheck.kinds.base import Hit, Kind, fmt, held
from figcheck.relate import Doc, era
from figcheck.relate.currency_pairs import Pair, pairs, stated


@dataclass(frozen=True)
class Params:
    drift: float = 0.03   # rates move while a story is written, and editors convert on different days
    min_agreeing: int = 2  # other pairs that must agree with each other before one is called out
    # instead: an article with just two pairs of the same currencies, whose rates disagree (which
    # of the two is off cannot be told, so both are reported).
    two: bool = False
    # instead: each pair against the range its currencies traded in over the years the article can
    # be from (its publication year and the one before, and any year its sentence names; every
    # year in the table when it is not dated), widened by `margin` for the table's rounding.
    history: bool = False
    margin: float = 0.1
    # instead: each pair against the rates of exchange the text states for its two currencies
    # ("close to 100 rupees to the US dollar"), widened by `drift`: a pair none of them allows.
    stated: bool = False
    # instead: the pairs of one bracket, "400m euros ($528m; £275m)", against one another: one sum
    # converted at one time, so some year the article can be from must allow all of its rates
    # (each widened by `margin`), not one year each.
    joint: bool = False


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


def _years(doc: Doc, p: Pair) -> list[int]:
    if doc.published is None:
        # Undated: every year of the table, within what the years the text names as past or
        # ahead allow ("fell in 2004", "expected to slow in 2005"; relate/era.py).
        low, high = era.bounds(doc)
        return [y for y in rates.all_years() if (low is None or y >= low) and (high is None or y <= high)]
    year = int(doc.published)
    named = {int(f.value) for f in doc.figures if f.kind == "year" and f.sentence == p.a.sentence and f.value <= year}
    return sorted({year - 1, year} | named)


def _span(p: Pair, low: float, high: float) -> str:
    """'1.04 to 2.11 USD per GBP': a range of rates in the units a pair's rate is written in."""
    (n1, unit), (n2, _) = (_rate_text(p, x).split(" ", 1) for x in (low, high))
    a, b = sorted((float(n1.replace(",", "")), float(n2.replace(",", ""))))
    return f"{fmt(a)} to {fmt(b)} {unit}"


def _history(doc: Doc, found: list[Pair], params: Params) -> Iterator[Hit]:
    years_of = {id(p): _years(doc, p) for p in found if rates.known(p.base.unit) and rates.known(p.quote.unit)}
    bands = {i: b for p in found if (i := id(p)) in years_of and (b := rates.band(p.base.unit, p.quote.unit, years_of[i]))}
    inside = {id(p) for p in found if id(p) in bands
              and p.high * (1 + params.margin) >= bands[id(p)][0] and p.low <= bands[id(p)][1] * (1 + params.margin)}
    # Where another pair of the same currencies keeps to the range, the two disagree, and FC411
    # or FC412 says which: the range speaks only for pairs no other pair in the article vouches for.
    vouched = {(p.base.unit, p.quote.unit) for p in found if id(p) in inside}
    done: set[tuple[int, ...]] = set()
    checked: dict[tuple[int, ...], Pair] = {}
    for p in found:
        key = tuple(f.start for f in p.group)
        if id(p) not in bands or key in done:
            continue
        band = bands[id(p)]
        if id(p) in inside:
            checked.setdefault(key, p)
            continue
        if (p.base.unit, p.quote.unit) in vouched:
            continue
        done.add(key)
        # The years both currencies were in use: a sum in euros is not from 1985.
        years = [y for y in years_of[id(p)] if rates.band(p.base.unit, p.quote.unit, [y])]
        when = f"in {years[0]}" if len(years) == 1 else f"from {years[0]} to {years[-1]}"
        yield Hit(p.group, {"a": p.a.text, "b": p.b.text, "rate": _rate_text(p, p.rate), "others": _span(p, *band),
                            "count": "0", "expected": when},
                  f"{p.quote.text} ÷ {p.base.text} = {_rate_text(p, p.rate)}; {when} the rate stayed "
                  f"within {_span(p, *band)}")
    for key, p in checked.items():
        if key not in done:
            yield held(p.group, f"{p.a.text} ({p.b.text}): a rate the two currencies traded at")


def _stated(doc: Doc, found: list[Pair], params: Params) -> Iterator[Hit]:
    said = stated(doc)
    for p in found:
        rates = [r for r in said if (r.base, r.quote) == (p.base.unit, p.quote.unit)]
        if not rates:
            continue
        # The text may state the rate of more than one day ("from 45 to 60 rupees to the
        # dollar"): a pair is off only when it keeps to none of them.
        fits = [r for r in rates if p.high * (1 + params.drift) >= r.low and p.low <= r.high * (1 + params.drift)]
        if fits:
            yield held((p.a, p.b, fits[0].figure), f"{p.a.text} ({p.b.text}) at the rate the text states, "
                       f"{fits[0].figure.text}")
            continue
        r = rates[0]
        rate = (r.low + r.high) / 2
        expected = p.a.value * rate if p.a is p.base else p.a.value / rate
        yield Hit((p.a, p.b, r.figure), {
            "a": p.a.text, "b": p.b.text, "rate": _rate_text(p, p.rate), "others": _span(p, r.low, r.high),
            "count": str(len(rates)), "expected": f"{_sum(expected)} {p.b.unit}"},
            f"{p.quote.text} ÷ {p.base.text} = {_rate_text(p, p.rate)}; the text states {r.figure.text} "
            f"({_span(p, r.low, r.high)}), at which {p.a.text} is {_sum(expected)} {p.b.unit}, not {p.b.text}")


def _fits(p: Pair, year: int, margin: float) -> bool | None:
    """Whether `p` keeps to its currencies' range in `year` (None: not both in use)."""
    b = rates.band(p.base.unit, p.quote.unit, [year])
    return None if b is None else p.high * (1 + margin) >= b[0] and p.low <= b[1] * (1 + margin)


def _joint(doc: Doc, found: list[Pair], params: Params) -> Iterator[Hit]:
    groups: dict[tuple[int, ...], list[Pair]] = {}
    for p in found:
        if len(p.group) == 3 and rates.known(p.base.unit) and rates.known(p.quote.unit):
            groups.setdefault(tuple(f.start for f in p.group), []).append(p)
    for group in groups.values():
        if len(group) < 2:
            continue
        years = _years(doc, group[0])
        fits = {y: [_fits(p, y, params.margin) for p in group] for y in years}
        # Each pair alone must keep to some year (else FC413 speaks for it): what is left is a
        # bracket whose rates no one year gives together.
        if not all(any(fits[y][i] for y in years) for i in range(len(group))):
            continue
        if any(all(fits[y]) for y in years):
            continue
        p, o = group[0], group[1]
        years_p = [y for y in years if fits[y][0]]
        years_o = [y for y in years if fits[y][1]]
        yield Hit(p.group, {"a": p.a.text, "b": p.b.text, "rate": _rate_text(p, p.rate), "others": _rate_text(o, o.rate),
                            "count": _spell(years_p), "expected": _spell(years_o)},
                  f"{p.quote.text} ÷ {p.base.text} = {_rate_text(p, p.rate)} (rates of {_spell(years_p)}); "
                  f"{o.quote.text} ÷ {o.base.text} = {_rate_text(o, o.rate)} (rates of {_spell(years_o)})")


def _spell(years: list[int]) -> str:
    """[2000, 2001, 2016, 2017] -> '2000-2001, 2016-2017'."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    found = pairs(doc)
    if params.joint:
        yield from _joint(doc, found, params)
        return
    if params.stated:
        yield from _stated(doc, found, params)
        return
    if params.history:
        yield from _history(doc, found, params)
        return
    if params.two:
        yield from _two(found, params)
        return
    yield from _against_consensus(found, params)


def _against_consensus(found: list[Pair], params: Params) -> Iterator[Hit]:
    off: list[tuple[Pair, float, list[Pair]]] = []
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
        off.append((p, (low + high) / 2, agreeing))
    # Pairs off the article's rate but at one rate between them were converted on another day:
    # one stale conversion, reported once, with all its pairs.
    done: set[int] = set()
    for p, rate, agreeing in off:
        if id(p) in done:
            continue
        count = len(agreeing)
        same = [o for o, _, _ in off if (o.base.unit, o.quote.unit) == (p.base.unit, p.quote.unit)
                and o.high * (1 + params.drift) >= p.low and o.low <= p.high * (1 + params.drift)]
        done.update(id(o) for o in same)
        # The sum in brackets as the other pairs' rate gives it.
        expected = p.a.value * rate if p.a is p.base else p.a.value / rate
        also = "".join(f"; {o.quote.text} ÷ {o.base.text} = {_rate_text(o, o.rate)} too" for o in same if o is not p)
        # The pairs whose rate it is set against are figures of the finding too: its arithmetic.
        yield Hit(tuple(f for o in same + agreeing for f in (o.a, o.b)), {
            "a": p.a.text, "b": p.b.text, "rate": _rate_text(p, p.rate), "others": _rate_text(p, rate),
            "count": str(count), "expected": f"{_sum(expected)} {p.b.unit}"},
            f"{p.quote.text} ÷ {p.base.text} = {_rate_text(p, p.rate)}{also}; {count} other pairs give "
            f"{_rate_text(p, rate)}, at which {p.a.text} is {_sum(expected)} {p.b.unit}, not {p.b.text}")


KIND = Kind("currency_pair", Params, check, ("a", "b", "rate", "others", "count", "expected"))
