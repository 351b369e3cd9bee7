"""Stated shares against the counts they share: '45 of the 150 nurses, or 40%'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from figcheck import lexicon
from figcheck.extract.context import lemma
from figcheck.kinds.base import Hit, Kind, fmt, fmt_range, held, ratio_range
from figcheck.model import Figure
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    compare: Literal["share", "shares_total"]
    fraction_tolerance: float = 0.05   # "a third" read as 0.317–0.35: prose rounds fractions
    max_total: float = 100.0           # shares of one whole add up to at most this (percent)


def share_range(f: Figure, tolerance: float) -> tuple[float, float]:
    """The share a percent or a fraction allows, in percent."""
    if f.kind == "fraction":
        return f.low * 100 * (1 - tolerance), f.high * 100 * (1 + tolerance)
    return f.low, f.high


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.compare == "shares_total":
        yield from _shares(doc, params)
        return
    seen = set()
    for _s, m, _extra in doc.matches("percent"):
        part, whole, share = doc.fig(m, "part"), doc.fig(m, "whole"), doc.fig(m, "share")
        if not part or not whole or not share or whole.value <= 0 or (part.start, whole.start) in seen:
            continue
        if share.kind == "fraction" and share.bound.value not in ("exact", "about"):
            continue  # "fewer than half": a proportion word, checked by its own kind
        if part.kind != whole.kind or part.bound.value == "range" or whole.bound.value == "range":
            continue
        if _own_whole(doc, share, whole):
            continue
        seen.add((part.start, whole.start))
        low, high = ratio_range(part, whole)
        s_low, s_high = share_range(share, params.fraction_tolerance)
        if high * 100 < s_low or low * 100 > s_high:
            actual = part.value / whole.value * 100
            yield Hit((part, whole, share),
                      {"part": part.text, "whole": whole.text, "share": share.text, "actual": f"{fmt(actual)}%"},
                      f"{fmt(part.value)} / {fmt(whole.value)} = {fmt(actual)}%, not {fmt_range(s_low, s_high)}%")
        else:
            yield held((part, whole, share), f"{fmt(part.value)} / {fmt(whole.value)} = "
                                             f"{fmt(part.value / whole.value * 100)}%, as {share.text} says")


_OF = regex.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\p{L}]+[’']s\s+)?(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)", regex.I)


_POSSESSIVE = regex.compile(r"[’']s\s")


def _own_whole(doc: Doc, share: Figure, whole: Figure) -> bool:
    """'around a quarter of the company's dancers', said after '12 principal dancers': another whole."""
    if share.end <= whole.start:
        return False
    m = _OF.match(doc.body, share.end)
    if not m:
        return False
    return bool(_POSSESSIVE.search(m.group())) or (
        lemma(m.group(1)) not in (whole.noun, *lexicon.load("groups")["whole_words"]))


def _shares(doc: Doc, params: Params) -> Iterator[Hit]:
    # A list the frames read ("health 45%, education 35% and defence 30%"), then an answer and
    # the other answer relate/ found ("53% said yes, with 40% saying they did not").
    found = [(doc.figs_in(m, "shares"), ()) for _s, m, _extra in doc.matches("shares")] \
        + [(list(s.shares), s.times) for s in doc.shares()]
    for shares, times in found:
        if len(shares) < 2 or any(f.bound.value not in ("exact", "about") for f in shares):
            continue
        times = times or (1,) * len(shares)
        terms = [(f"{n} × " if n > 1 else "") + f"{fmt(f.value)}%" for f, n in zip(shares, times, strict=True)]
        low = sum(f.low * n for f, n in zip(shares, times, strict=True))
        if low > params.max_total:
            value = sum(f.value * n for f, n in zip(shares, times, strict=True))
            yield Hit(tuple(shares), {"shares": ", ".join(f.text for f in shares), "total": f"{fmt(value)}%"},
                      f"{' + '.join(terms)} = {fmt(value)}% > {fmt(params.max_total)}%")
        else:
            yield held(shares, f"{' + '.join(terms)} ≤ {fmt(params.max_total)}%")


KIND = Kind("percent", Params, check, ("part", "whole", "share", "actual", "shares", "total"))
