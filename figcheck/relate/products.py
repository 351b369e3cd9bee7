"""Count × each = total, read from the `product` frames (lexicon/frames.toml):

    2.6 mln shares at 24 dlrs a share, or 62.4 mln dlrs             price
    lost 60.0 mln dlrs or 55 cts per share on 108.4 mln shares      earnings: net ÷ shares
    a 35 hour week at £5.05 gives an annual income of £9,191        wage: hours × wage × weeks

The frames place the figures; this reader keeps a match only when its figures have the types the
reading needs (a price in the currency of its total, a count of hours), and says which way a
stated per-share figure may part from net ÷ shares.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from figcheck import lexicon
from figcheck.model import Figure
from figcheck.relate.candidates import Product

SCHEMA = (("periods", ("annual", "a year", "per year", "yearly", "per annum", "a week", "per week", "weekly",
                       "a month", "per month", "monthly")),
          ("subunits", ("-cent", "-pence")))
SLOTS = ("count", "each", "total", "hours", "each2", "total2")


@functools.cache
def _words() -> dict[str, dict[str, float]]:
    data = lexicon.load_strict("products", SCHEMA)
    return {table: {k.lower(): float(v) for k, v in entries.items()} for table, entries in data.items()}


def currency(f: Figure) -> tuple[str, float] | None:
    """A money figure's currency and its size in that currency's main unit: '45 cts' -> ('USD',
    0.01), '24 dlrs a share' -> ('USD', 1.0); None for anything else."""
    if f.kind != "money" or not f.unit:
        return None
    code = f.unit.split(" / ")[0].strip()
    for suffix, part in _words()["subunits"].items():
        if code.endswith(suffix):
            return code[: -len(suffix)], part
    return code, 1.0


def _priced(count: Figure | None, each: Figure | None, total: Figure | None) -> tuple[float, bool] | None:
    """The scale of `each` in `total`'s unit, and whether `each` is itself a per-unit figure,
    when each and total are sums of one currency and the total is no per-unit figure."""
    if count is None or each is None or total is None or count.kind != "count":
        return None
    a, b = currency(each), currency(total)
    if a is None or b is None or a[0] != b[0] or " / " in (total.unit or ""):
        return None
    return a[1] / b[1], " / " in (each.unit or "")


def _price(slots: dict[str, Figure | None], words: dict[str, str | None], extra: dict[str, Any]) -> Iterable[Product]:
    priced = _priced(slots["count"], slots["each"], slots["total"])
    if priced is None:
        return
    scale, per_unit = priced
    reading = extra.get("reading")
    if reading == "earnings":
        if not (per_unit or words.get("per")):
            return  # "or 45 cts" without "a share" is not shared out
        # Preferred dividends come out of net before it is shared: a per-share profit may fall
        # below net ÷ shares, a per-share loss may pass it; neither the other way.
        side = -1 if words.get("loss") else 1
        yield Product(slots["count"], slots["each"], slots["total"], "net ÷ shares", scale=scale, one_sided=side)
    else:
        # A price is set as written ("at 24 dlrs a share"); an average ("at an average price of")
        # is a total shared out, rounded.
        average = reading == "average" or bool(words.get("avg"))
        yield Product(slots["count"], slots["each"], slots["total"], "average" if average else "price", scale=scale,
                      set_each=not average)


def _wage(slots: dict[str, Figure | None], words: dict[str, str | None]) -> Iterable[Product]:
    hours, total = slots["hours"], slots["total"]
    period = words.get("period")
    if not period and total is not None and " / " in (total.unit or ""):
        period = "a " + (total.unit or "").split(" / ")[1]   # "£9,191 a year" read as GBP / year
    weeks = _words()["periods"].get((period or "").lower())
    if hours is None or hours.unit != "hour" or weeks is None:
        return
    for each, total in ((slots["each"], slots["total"]), (slots["each2"], slots["total2"])):
        if each is None or total is None:
            continue
        a, b = currency(each), currency(total)
        if a is None or b is None or a[0] != b[0]:
            continue
        yield Product(hours, each, total, "hours × wage", scale=a[1] / b[1], times=weeks, set_each=True)


def find(matches: Iterable[tuple[dict[str, Figure | None], dict[str, str | None], dict[str, Any]]]) -> list[Product]:
    """Products from the product frames' matches: (figures by slot, words by group, frame extras)."""
    out: list[Product] = []
    for slots, words, extra in matches:
        if extra.get("reading") == "wage":
            out.extend(_wage(slots, words))
        else:
            out.extend(_price(slots, words, extra))
    return out
