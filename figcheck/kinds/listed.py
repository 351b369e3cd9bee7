"""A count against the items listed after it: 'the nine other cities (Helsinki, ... Sydney)'
naming eight."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.kinds.base import Hit, Kind, fmt, held
from figcheck.relate import Doc
from figcheck.relate.lists import listings


@dataclass(frozen=True)
class Params:
    min_count: int = 2   # "two men, Smith and Jones": the smallest count whose list is read


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    for x in listings(doc):
        stated = int(x.count.value)
        # A list may be read several ways ("Procter and Gamble, Unilever and Nestle": 3 or 4
        # items); it is flagged only when no reading gives the count.
        if stated < params.min_count:
            continue
        if stated in x.readings:
            yield held((x.count, *x.figures), f"{x.count.text} {x.noun}, {stated} named")
            continue
        named = len(x.items)
        yield Hit((x.count, *x.figures), {"count": x.count.text, "noun": x.noun, "named": fmt(named),
                               "items": ", ".join(x.items)},
                  f"{x.count.text} {x.noun}, {named} named: " + "; ".join(f"{i + 1} {item}" for i, item in enumerate(x.items)))


KIND = Kind("listed", Params, check, ("count", "noun", "named", "items"))
