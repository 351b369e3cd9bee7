"""Rates against totals: count × each = total; distance ÷ time = speed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.extract.units import convert
from figcheck.kinds.base import Hit, Kind, fmt, held, overlaps
from figcheck.kinds.conversion import rounding
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    slack: float = 0.02


def check(doc: Doc, params: Params) -> Iterator[Hit]:
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
