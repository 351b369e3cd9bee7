"""Ratios in words against the figures: 'three times as many ... 210 km against 90 km'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.kinds.base import Hit, Kind, fmt, held, overlaps, ratio_range
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    tolerance: float = 0.1   # "three times" is said of 2.7 to 3.3


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    for _s, m, _extra in doc.matches("ratio"):
        a, b = doc.fig(m, "a"), doc.fig(m, "b")
        if not a or not b or b.value <= 0 or a.kind != b.kind or a.unit != b.unit:
            continue
        times = doc.fig(m, "times")
        if times is not None:
            stated, figs, label = times.value, (times, a, b), times.text
        else:
            r1, r2 = doc.fig(m, "r1"), doc.fig(m, "r2")
            if not r1 or not r2 or r2.value <= 0:
                continue
            stated, figs, label = r1.value / r2.value, (r1, r2, a, b), f"{r1.text} to {r2.text}"
        low, high = ratio_range(a, b)
        tol = params.tolerance
        if not overlaps(low, high, stated * (1 - tol), stated * (1 + tol)):
            actual = a.value / b.value
            yield Hit(figs, {"ratio": label, "a": a.text, "b": b.text, "actual": fmt(actual)},
                      f"{fmt(a.value)} / {fmt(b.value)} = {fmt(actual)}, not {fmt(stated)}")
        else:
            yield held(figs, f"{fmt(a.value)} / {fmt(b.value)} = {fmt(a.value / b.value)}, as {label} says")


KIND = Kind("ratio", Params, check, ("ratio", "a", "b", "actual"))
