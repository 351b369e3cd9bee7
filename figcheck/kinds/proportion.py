"""Proportion words against counts: 'most of the 30 victims, 11'."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from dataclasses import dataclass

from figcheck import lexicon
from figcheck.kinds.base import Hit, Kind, fmt, held, ratio_range
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    slack: float = 0.0   # widen every proportion word's range by this share


@functools.cache
def _table() -> dict[str, list[float]]:
    """Each proportion word's range of shares, keyed by its words in lower case."""
    return {" ".join(k.lower().split()): v for k, v in lexicon.load("proportions").items()}


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if not doc.busy:
        return
    table = _table()
    for _s, m, _extra in doc.matches("proportion"):
        whole, part = doc.fig(m, "whole"), doc.fig(m, "part")
        if not whole or not part or whole.value <= 0 or part.kind != whole.kind:
            continue
        if m.groupdict().get("word"):
            word = " ".join(m.group("word").lower().split())
            low, high = table[word]
            label = m.group("word")
            figs = (whole, part)
        else:
            share = doc.fig(m, "share")
            if share is None or share.bound.value in ("exact", "about"):
                continue  # plain fractions are shares, checked by the percent kind
            low, high = share.low, min(share.high, 1.0)
            label = share.text
            figs = (share, whole, part)
        r_low, r_high = ratio_range(part, whole)
        if r_high < low - params.slack or r_low > high + params.slack or (
            # "fewer than half": 50% itself is not fewer; "most": 50% is not most.
            math.isclose(r_low, r_high) and ((math.isclose(r_low, high) and label.lower().startswith(("fewer", "less")))
                                            or (math.isclose(r_low, low) and low == 0.5))):
            share_pct = part.value / whole.value * 100
            yield Hit(figs, {"word": label, "whole": whole.text, "part": part.text, "actual": f"{fmt(share_pct)}%"},
                      f"{fmt(part.value)} / {fmt(whole.value)} = {fmt(share_pct)}%; '{label}' means "
                      f"{fmt(low * 100)}–{fmt(high * 100)}%")
        else:
            yield held(figs, f"{fmt(part.value)} / {fmt(whole.value)} = {fmt(part.value / whole.value * 100)}%, "
                             f"which '{label}' allows")


KIND = Kind("proportion", Params, check, ("word", "whole", "part", "actual"))
