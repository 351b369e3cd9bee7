"""Sums of money stated in two currencies, "$42.8m (£23.7m)", and the rate of exchange each implies."""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.extract.patterns import alternation
from figcheck.model import Bound, Figure
from figcheck.relate import Doc


@functools.cache
def words() -> dict[str, Any]:
    """lexicon/currency_pairs.toml, checked: three lists of words and a table of names, nothing else."""
    data = lexicon.load("currency_pairs")
    lists = ("between", "foreign_dollars", "rate_links")
    if set(data) != {*lists, "rate_names"} or not all(isinstance(data[k], list) for k in lists) \
            or not all(isinstance(v, str) for v in dict(data["rate_names"]).values()):
        raise FigcheckError("currency_pairs.toml: needs exactly `between`, `foreign_dollars` and `rate_links`, "
                            "three lists, and `rate_names`, a table of names to codes")
    return data


@functools.cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    w = words()
    gap = regex.compile(rf"\s*\(\s*(?:(?:{alternation(w['between'])})\s+)?", regex.I)
    foreign = regex.compile(rf"\b(?:{alternation(w['foreign_dollars'])})\b", regex.I)
    return gap, foreign


@dataclass(frozen=True)
class Pair:
    """One sum and its conversion, read as a rate: `quote` units of one currency per `base` unit."""

    a: Figure                  # as written first: "$42.8m"
    b: Figure                  # in the brackets: "£23.7m"
    base: Figure               # the two in the alphabetical order of their currencies, so that
    quote: Figure              # "£5 ($9)" and "$9 (£5)" give one rate: USD per GBP
    rate: float
    low: float                 # the rates the two figures' rounding allows
    high: float
    group: tuple[Figure, ...] = ()   # every sum of its bracket: "5bn rupees ($50m; £27m)"


def _range(f: Figure, converted: bool = False) -> tuple[float, float]:
    """A sum's range as a conversion reads it: its scale's rounding ("$42.8m": 42.75m-42.85m), else
    half its last digit, at most a tenth of it ("$12": 11.5-12.5). A hedge on the sum converted is
    not its range here: "more than $163m (£90m)" converts the written 163m, and the hedge covers
    both sums alike. A hedge on the conversion itself, "$19.5m (about £11m)", says it is loose,
    and a range ("$10m-$12m") is kept."""
    if f.bound is Bound.RANGE or (f.bound is Bound.ABOUT and converted) or (f.bound is Bound.EXACT and f.low != f.high):
        return f.low, f.high
    half = min(f.step / 2, abs(f.value) / 10)
    return f.value - half, f.value + half


def pairs(doc: Doc) -> list[Pair]:
    """Every sum followed by its conversion in brackets; read once."""
    if "currency_pairs" not in doc.cache:
        doc.cache["currency_pairs"] = list(_pairs(doc))
    return doc.cache["currency_pairs"]


def _known(f: Figure) -> bool:
    # "SEK/NOK/DKK" (crowns) names no one currency; "Australian dollars" is read as USD.
    return f.kind == "money" and bool(f.unit) and "/" not in f.unit and "-" not in f.unit \
        and not _patterns()[1].search(f.text) and f.value > 0


_SECOND = regex.compile(r"\s*[;,]\s*")


def _pairs(doc: Doc) -> Iterator[Pair]:
    gap = _patterns()[0]
    money = [f for f in doc.figures if f.kind == "money"]
    for i, (a, b) in enumerate(itertools.pairwise(money)):
        if not (_known(a) and _known(b)) or a.unit == b.unit or not gap.fullmatch(doc.body, a.end, b.start):
            continue
        if doc.body[b.end:b.end + 1] == ")":
            yield from _pair(a, b)
            continue
        # "5bn rupees ($50m; £27m)": two conversions in one bracket, three pairs.
        c = money[i + 2] if i + 2 < len(money) else None
        if c is not None and _known(c) and len({a.unit, b.unit, c.unit}) == 3 \
                and _SECOND.fullmatch(doc.body, b.end, c.start) and doc.body[c.end:c.end + 1] == ")":
            for x, y in ((a, b), (a, c), (b, c)):
                yield from _pair(x, y, (a, b, c))


def _pair(a: Figure, b: Figure, group: tuple[Figure, ...] = ()) -> Iterator[Pair]:
    (x, y) = (a, b) if a.unit < b.unit else (b, a)
    first = group[0] if group else a   # the sum converted; the others are its conversions
    (x_low, x_high), (y_low, y_high) = _range(x, x is not first), _range(y, y is not first)
    if x_low <= 0 or not (math.isfinite(x_high) and math.isfinite(y_high)):
        return  # "more than $163m": a rate with no upper end says nothing
    yield Pair(a, b, x, y, y.value / x.value, y_low / x_high, y_high / x_low, group or (a, b))


@dataclass(frozen=True)
class Stated:
    """A rate of exchange the text states, "close to 100 rupees to the US dollar", as a Pair reads
    rates: `quote` units per `base` unit, the two codes in alphabetical order."""

    figure: Figure             # the rate as written: "close to 100 rupees", "8.30"
    base: str
    quote: str
    low: float
    high: float


@functools.cache
def _rate_patterns() -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    w = words()
    names = {k.lower(): v for k, v in w["rate_names"].items()}
    name = rf"(?P<name>{alternation(list(w['rate_names']))})s?"
    link = rf"\s+(?:{alternation(w['rate_links'])})\s+"
    # "... to the US dollar" after a rate; "the dollar at" / "the yuan around" before one: the
    # currency, then up to four words, none of them a number or a clause's end.
    after = regex.compile(rf"{link}{name}\b", regex.I)
    before = regex.compile(rf"\b(?:the\s+)?{name}\s+(?:[a-z]+\s+){{0,4}}$", regex.I)
    return after, before, names


_SCALED = regex.compile(r"\d\s*(?:[mkb]n?|mln|bln|million|billion|trillion|thousand)\b", regex.I)


def stated(doc: Doc) -> list[Stated]:
    """Every rate of exchange the text states; read once."""
    if "stated_rates" not in doc.cache:
        doc.cache["stated_rates"] = list(_stated(doc))
    return doc.cache["stated_rates"]


def _stated(doc: Doc) -> Iterator[Stated]:
    after, before, names = _rate_patterns()
    for f in doc.figures:
        # A rate is a small number with no scale: "100 rupees", "8.30", never "8bn rupees".
        if f.kind not in ("money", "count", "number") or not 0 < f.value < 10000 or _SCALED.search(f.text):
            continue
        unit = f.unit if f.kind == "money" and f.unit and _known(f) else None
        m = after.match(doc.body, f.end)
        per = names.get(m.group("name").lower()) if m else None
        if unit and per:                            # "100 rupees to the dollar"
            yield from _rate(f, unit, per)
            continue
        b = before.search(doc.body[max(0, f.start - 80):f.start])
        of = names.get(b.group("name").lower()) if b else None
        if of and unit:                             # "the dollar at 105 yen"
            yield from _rate(f, unit, of)
        elif of and per and f.kind != "money":      # "the yuan around 8.30 to the dollar"
            yield from _rate(f, of, per)


def _rate(f: Figure, unit: str, per: str) -> Iterator[Stated]:
    """`f` units of `unit` to one `per`, in a Pair's terms."""
    low, high = (f.low, f.high) if f.low != f.high else _range(f)
    if unit == per or low <= 0 or not math.isfinite(high):
        return
    if per < unit:
        yield Stated(f, per, unit, low, high)
    else:
        yield Stated(f, unit, per, 1 / high, 1 / low)
