"""Proportion words against counts: 'most of the 30 victims, 11'."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from figcheck import lexicon
from figcheck.kinds.base import Hit, Kind, fmt, held, ratio_range
from figcheck.relate import Doc
from figcheck.relate.candidates import Proportion


@dataclass(frozen=True)
class Params:
    slack: float = 0.0   # widen every proportion word's range by this share
    bracketed: bool = False  # instead: a proportion in words with its share in brackets, "a majority (48%)"
    counted: bool = False    # with bracketed: a count out of a total instead of words, "13 out of 659 (2%)"


@functools.cache
def _table() -> dict[str, list[float]]:
    """Each proportion word's range of shares, keyed by its words in lower case."""
    return {" ".join(k.lower().split()): v for k, v in lexicon.load("proportions").items()}


def bracketed(candidates: Iterable[Proportion], params: Params) -> Iterator[Hit]:
    """The share in brackets against the range its words allow, each at its own rounding."""
    for c in candidates:
        if c.counted != params.counted:
            continue
        s_low, s_high = c.share.low / 100, c.share.high / 100
        low, high = c.said.low - params.slack, c.said.high + params.slack
        fields = {"word": c.words, "whole": "", "part": c.share.text, "actual": f"{fmt(c.said.value * 100)}%"}
        if c.counted:
            if s_low <= c.said.value <= s_high:
                yield held((c.said, c.share), f"{c.words} is {fmt(c.said.value * 100)}%, as {c.share.text}")
            else:
                yield Hit((c.said, c.share), fields, f"{c.words} is {fmt(c.said.value * 100)}%, not {c.share.text}")
            continue
        # "a majority": more than half, so 50% is not one; "almost a quarter": under 25%.
        strict_low = c.said.bound.value == "range" and math.isclose(low, 0.5)
        if s_high < low or s_low > high or (strict_low and s_high <= low):
            yield Hit((c.said, c.share), fields, f"'{c.words}' means {fmt(low * 100)}–{fmt(high * 100)}%, not {c.share.text}")
        else:
            yield held((c.said, c.share), f"'{c.words}' ({c.share.text}), as its words allow")


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.bracketed:
        yield from bracketed(doc.proportions(), params)
        return
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
