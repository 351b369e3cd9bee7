"""Unit conversions against each other: '57 kilometres (45 miles)'; never currencies."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from figcheck import lexicon
from figcheck.extract.units import alternate, convert
from figcheck.kinds.base import Hit, Kind, fmt, held, overlaps
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.candidates import ZonePair


@dataclass(frozen=True)
class Params:
    slack: float = 0.02   # conversions round their factors too: 1 mile = 1.6 km is fair copy
    zones: bool = False   # instead: times in two zones, '0630 BST (0530 GMT)', against the zones' offsets


def rounding(f: Figure) -> tuple[float, float]:
    """The range a measurement allows: its hedge, or else half its roundness ('300' -> 250–350)."""
    if f.bound.value != "exact":
        return f.low, f.high
    step = 5.0 if f.step == 1 and f.value % 5 == 0 and f.value >= 20 else f.step  # "45 km/h": rounded to fives
    # "10,000 feet" is not 10,000 give or take 5,000: rounding hides at most a tenth of a figure.
    half = max(min(step / 2, abs(f.value) / 10), f.high - f.value)
    return f.value - half, f.value + half


_UNIT_WORDS = regex.compile(r"[\p{L}°/ ²]+$")  # the unit as the article wrote it: "mph", "sq miles"
def _deltas() -> dict[str, str]:
    return lexicon.load("units")["deltas"]


def _converted(a: Figure, source: str, target: str) -> tuple[float, float] | None:
    """The range of `a` (as stated: its conversion is the rounded figure) in the target unit."""
    ends = [convert(x, source, target) for x in (a.low, a.high)]
    if any(e is None for e in ends):
        return None
    return min(ends), max(ends)


def _scale(*ends: float) -> float:
    return max((abs(x) for x in ends if math.isfinite(x)), default=0.0)


def zone_pairs(pairs: Sequence[ZonePair]) -> Iterator[Hit]:
    """Each pair's offset against its zones', and local times against the article's other local
    times: one article's 'local time' is one place's."""
    first_local = next((p for p in pairs if p.a_offset is None), None)
    for p in pairs:
        offset = _offset(p)
        # A named zone has its offset; a local time whose place the text names, that place's
        # (either, across a change of clocks, when the article is undated); another local time,
        # the first local time's.
        if p.a_offsets:
            yield from _placed(p, offset, p.a_offsets, (p.a, p.b))
            continue
        if p.a_offset is not None:
            expected, figs = p.a_offset % 24, (p.a, p.b)
        elif p is not first_local:
            expected, figs = _offset(first_local), (first_local.a, first_local.b, p.a, p.b)
        else:
            continue
        said = f"{p.a.text} ({p.b.text})"
        if math.isclose(offset, expected, abs_tol=1e-6):
            yield held(figs, f"{said}: UTC{_signed(offset)}, as {p.a_zone} is")
            continue
        yield Hit(figs, {"a": p.a.text, "b": p.b.text, "actual": f"UTC{_signed(expected)}"},
                  f"{said} puts {p.a_zone} at UTC{_signed(offset)}, not UTC{_signed(expected)}")


def _placed(p: ZonePair, offset: float, offsets: tuple[float, ...], figs: tuple[Figure, ...]) -> Iterator[Hit]:
    said = f"{p.a.text} ({p.b.text})"
    if any(math.isclose(offset, o % 24, abs_tol=1e-6) for o in offsets):
        yield held(figs, f"{said}: UTC{_signed(offset)}, as the place it is the time of was")
        return
    actual = " or ".join(f"UTC{_signed(o % 24)}" for o in offsets)
    yield Hit(figs, {"a": p.a.text, "b": p.b.text, "actual": actual},
              f"{said} puts {p.a_zone} time at UTC{_signed(offset)}, not {actual}")


def _offset(p: ZonePair) -> float:
    return ((p.a.value - p.b.value) / 60 + p.b_offset) % 24


def _signed(hours: float) -> str:
    h = hours - 24 if hours > 12 else hours
    return f"{h:+g}"


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.zones:
        yield from zone_pairs(doc.zone_pairs())
        return
    for _s, m, _extra in doc.matches("conversion"):
        a, b = doc.fig(m, "a"), doc.fig(m, "b")
        if not a or not b or not a.unit:
            continue
        if a.kind == "duration" or b.kind == "duration":
            yield from _durations(a, [f for f in (b, doc.fig(m, "c")) if f is not None])
            continue
        # "15 pounds (12 kg)": pounds beside a weight are pounds of weight. Two sums of money are
        # never compared: rates of exchange move.
        a_unit = a.unit if a.kind == "quantity" else alternate(a.unit)
        b_unit = b.unit if b.kind == "quantity" else alternate(b.unit)
        if not a_unit or not b_unit or b_unit == a_unit or (a.kind != "quantity" and b.kind != "quantity"):
            continue
        if a_unit != a.unit:
            a = dataclasses.replace(a, unit=a_unit)
        b_low, b_high = rounding(b)
        readings = [_converted(a, a.unit, b_unit)]
        deltas = _deltas()
        if a.unit in deltas and b_unit in deltas:  # "rose by 2C (3.6F)": a difference of temperature
            readings.append(_converted(a, deltas[a.unit], deltas[b_unit]))
        readings = [r for r in readings if r is not None]
        # The slack scales with the finite end: "over 1400 feet" has no upper end to scale by.
        if not readings:
            continue
        if any(overlaps(lo, hi, b_low, b_high, params.slack * _scale(lo, hi, b_low, b_high)) for lo, hi in readings):
            yield held((a, b), f"{a.text} is about {b.text}")
            continue
        exact = convert(a.value, a.unit, b_unit)
        if exact is not None:
            unit_name = _UNIT_WORDS.search(b.text).group().strip() if _UNIT_WORDS.search(b.text) else b_unit
            yield Hit((a, b), {"a": a.text, "b": b.text, "actual": f"{fmt(exact)} {unit_name}"},
                      f"{a.text} = {fmt(exact)} {unit_name}, not {fmt(b.value)}")


def _durations(a: Figure, parts: list[Figure]) -> Iterator[Hit]:
    """A length of time and the same length in other units, in days: "198 months (16 years, 6
    months)". Each side is true to half its smallest unit: "16 years, 6 months" is rounded to
    the month."""
    per = lexicon.load("durations")
    units = [per.get(f.unit or "") for f in (a, *parts)]
    if None in units or len(set(units)) < 2 or any(f.kind != "duration" for f in parts):
        return   # "two years (2 years)" restates, it does not convert
    a_low, a_high = a.low * units[0] - units[0] / 2, a.high * units[0] + units[0] / 2
    half = min(units[1:]) / 2
    b_low = sum(f.low * u for f, u in zip(parts, units[1:], strict=True)) - half
    b_high = sum(f.high * u for f, u in zip(parts, units[1:], strict=True)) + half
    said = ", ".join(f.text for f in parts)
    figs = (a, *parts)
    if overlaps(a_low, a_high, b_low, b_high, 1.0):   # a day: months and years are not whole days
        yield held(figs, f"{a.text} is about {said}")
        return
    exact = a.value * units[0] / units[-1]
    unit_name = parts[-1].unit + ("s" if not parts[-1].unit.endswith("s") else "")
    yield Hit(figs, {"a": a.text, "b": said, "actual": f"{fmt(exact)} {unit_name}" if len(parts) == 1
                     else _in_units(a.value * units[0], parts, units[1:])},
              f"{a.text} = {fmt(a.value * units[0])} days; {said} = {fmt(round((b_low + b_high) / 2))} days")


def _in_units(days: float, parts: list[Figure], units: list[float]) -> str:
    """A number of days in the units of a restatement: 6026 days in years and months -> '16 years, 6 months'."""
    out = []
    for f, u in zip(parts, units, strict=True):
        n = math.floor(days / u + 1e-6) if f is not parts[-1] else round(days / u)
        days -= n * u
        out.append(f"{fmt(n)} {f.unit}{'s' if n != 1 else ''}")
    return ", ".join(out)


KIND = Kind("conversion", Params, check, ("a", "b", "actual"))
