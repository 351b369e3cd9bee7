"""Rates against totals: count × each = total; distance ÷ time = speed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.extract.units import convert
from figcheck.kinds.base import Hit, Kind, fmt, held, overlaps
from figcheck.kinds.conversion import rounding
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.candidates import Product


@dataclass(frozen=True)
class Params:
    slack: float = 0.02


def _span(f: Figure, set_: bool = False) -> tuple[float, float]:
    """The values a figure's words allow: its hedge ("nearly", "just over"), or half its last
    digit's place either side of a figure given plainly ('55 cts' a share may be 54.5 to 55.5);
    a price or wage set (`set_`) is what it says."""
    if f.bound.value == "exact" and set_:
        return f.value, f.value
    if f.bound.value == "exact":
        return f.value - f.step / 2, f.value + f.step / 2
    return f.low, f.high


def _product(p: Product, params: Params) -> Hit | None:
    """count × each × times against the total, as ranges; one-sided where preferred dividends
    may part a per-share figure from net ÷ shares in one direction."""
    if not all(f.bounded for f in (p.count, p.each, p.total)):
        return None
    (c_low, c_high), (e_low, e_high), (t_low, t_high) = _span(p.count), _span(p.each, p.set_each), _span(p.total)
    k = p.scale * p.times
    low, high = c_low * e_low * k, c_high * e_high * k
    slack = params.slack * p.total.value
    if p.one_sided > 0:
        ok = low <= t_high + slack
    elif p.one_sided < 0:
        ok = high >= t_low - slack
    else:
        ok = overlaps(low, high, t_low, t_high, slack)
    product = p.count.value * p.each.value * k
    times = f" × {fmt(p.times)}" if p.times != 1 else ""
    working = f"{fmt(p.count.value)} × {p.each.text}{times} = {fmt(product)}"
    if ok:
        return held((p.count, p.each, p.total), f"{working} ({p.cue}), as {p.total.text}")
    return Hit((p.count, p.each, p.total), {"count": p.count.text, "each": p.each.text, "total": p.total.text,
                                            "actual": fmt(product)}, f"{working} ({p.cue}), not {p.total.text}")


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    for p in doc.products():
        hit = _product(p, params)
        if hit is not None:
            yield hit
    for _s, m, _extra in doc.matches("rate"):
        groups = m.groupdict()
        if groups.get("count"):
            count, each, total = doc.fig(m, "count"), doc.fig(m, "each"), doc.fig(m, "total")
            if each.kind != total.kind or each.unit != total.unit or not all(f.bounded for f in (count, each, total)):
                continue
            low, high = count.low * each.low, count.high * each.high
            if not overlaps(low, high, total.low, total.high, params.slack * total.value):
                product = count.value * each.value
                yield Hit((count, each, total), {"count": count.text, "each": each.text, "total": total.text,
                                                  "actual": fmt(product)},
                          f"{fmt(count.value)} × {fmt(each.value)} = {fmt(product)}, not {fmt(total.value)}")
            else:
                yield held((count, each, total), f"{fmt(count.value)} × {fmt(each.value)} = "
                                                 f"{fmt(count.value * each.value)}, as {total.text}")
        else:
            dist, time, speed = doc.fig(m, "distance"), doc.fig(m, "time"), doc.fig(m, "speed")
            hours = convert(time.value, time.unit or "", "hour")
            h_low, h_high = (convert(x, time.unit or "", "hour") for x in (time.low, time.high))
            if not hours or not h_low or not h_high or not speed.unit or not dist.unit:
                continue
            per_hour = convert(1.0, speed.unit, f"{dist.unit} / hour")
            if per_hour is None:
                continue
            d_low, d_high = dist.low, dist.high  # stated; the average is the derived, rounded figure
            s_low, s_high = rounding(speed)
            actual = dist.value / hours
            if not overlaps(d_low / h_high, d_high / h_low, s_low * per_hour, s_high * per_hour, params.slack * actual):
                unit = speed.text.split()[-1] if " " in speed.text else speed.unit
                yield Hit((dist, time, speed), {"count": dist.text, "each": speed.text, "total": time.text,
                                                "actual": f"{fmt(actual / per_hour)} {unit}"},
                          f"{fmt(dist.value)} ÷ {fmt(hours)} h = {fmt(actual / per_hour)} {unit}, not {fmt(speed.value)}")
            else:
                yield held((dist, time, speed), f"{dist.text} in {time.text} is about {speed.text}")


KIND = Kind("rate", Params, check, ("count", "each", "total", "actual"))
