"""Unit conversions against each other: '57 kilometres (45 miles)'; never currencies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.extract.units import alternate, convert
from figcheck.kinds.base import Hit, Kind, fmt
from figcheck.model import Figure
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    slack: float = 0.02   # conversions round their factors too: 1 mile = 1.6 km is fair copy


def rounding(f: Figure) -> tuple[float, float]:
    """The range a measurement allows: its hedge, or else half its roundness ('300' -> 250–350)."""
    if f.bound.value != "exact":
        return f.low, f.high
    step = 5.0 if f.step == 1 and f.value % 5 == 0 and f.value >= 20 else f.step  # "45 km/h": rounded to fives
    half = max(step / 2, f.high - f.value)
    return f.value - half, f.value + half


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    for _s, m, _extra in doc.matches("conversion"):
        a, b = doc.fig(m, "a"), doc.fig(m, "b")
        if not a or not b or not a.unit:
            continue
        b_unit = b.unit if b.kind == "quantity" else alternate(b.unit)
        if not b_unit or b_unit == a.unit:
            continue
        a_low, a_high = a.low, a.high  # the figure as stated; its conversion is the rounded one
        ends = [convert(x, a.unit, b_unit) for x in (a_low, a_high) if x == x]
        if any(e is None for e in ends) or len(ends) < 2:
            continue
        lo, hi = min(ends), max(ends)
        b_low, b_high = rounding(b)
        slack = params.slack * max(abs(lo), abs(hi))
        if b_low > hi + slack or b_high < lo - slack:
            exact = convert(a.value, a.unit, b_unit)
            if exact is None:
                continue
            unit_name = b.text[len(b.text.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ°/ ²")):].strip() or b_unit
            yield Hit((a, b), {"a": a.text, "b": b.text, "actual": f"{fmt(exact)} {unit_name}"},
                      f"{a.text} = {fmt(exact)} {unit_name}, not {fmt(b.value)}")


KIND = Kind("conversion", Params, check, ("a", "b", "actual"))
