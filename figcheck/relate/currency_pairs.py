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
from figcheck.model import Figure
from figcheck.relate import Doc


@functools.cache
def words() -> dict[str, Any]:
    """lexicon/currency_pairs.toml, checked: two lists of words, nothing else."""
    data = lexicon.load("currency_pairs")
    if set(data) != {"between", "foreign_dollars"} or not all(isinstance(v, list) for v in data.values()):
        raise FigcheckError("currency_pairs.toml: needs exactly `between` and `foreign_dollars`, two lists")
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


def _range(f: Figure) -> tuple[float, float]:
    """A sum's range: its hedge or its scale's rounding ("$42.8m": 42.75m-42.85m), else half its last
    digit, at most a tenth of it ("$12": 11.5-12.5)."""
    if f.low != f.high:
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
    (x_low, x_high), (y_low, y_high) = _range(x), _range(y)
    if x_low <= 0 or not (math.isfinite(x_high) and math.isfinite(y_high)):
        return  # "more than $163m": a rate with no upper end says nothing
    yield Pair(a, b, x, y, y.value / x.value, y_low / x_high, y_high / x_low, group or (a, b))
