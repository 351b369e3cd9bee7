"""Differences the text states: 'Borrowing was £35bn - £2.5bn less than the £37.5bn predicted',
'sales of 40,000, 5,000 more than last year's 35,000'.

The shape is A ... D more/less than B in one sentence, with A the last figure of the same
quantity before D. The extractor reads "less than the £37.5bn" as a bound; right after a
difference it is the value B itself.

A score and its margin are a difference too: "down by only four points, 12 points to 10", "by
310 votes to 264, a majority of 46" (the larger side less the smaller; words in
lexicon/margins.toml).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import MAX_FIGURES, Difference
from figcheck.relate.changes import SCHEMA as CHANGE_SCHEMA
from figcheck.relate.changes import compatible

SCHEMA = CHANGE_SCHEMA
_KINDS = frozenset({"count", "money", "quantity", "percent"})


@functools.cache
def _cues() -> tuple[regex.Pattern, regex.Pattern, frozenset[str]]:
    d = lexicon.load_strict("cues", SCHEMA)["difference"]
    words = "|".join(regex.escape(w) for w in sorted(d["more"] + d["less"], key=len, reverse=True))
    # Between D and B as separate figures: "5,000 more than last year's 35,000".
    gap = regex.compile(rf"^\s+(?P<w>{words})\s+than\s+(?:(?:the|a|an|last|this|next|year's|month's|week's|\w+'s)\s+){{0,3}}$", regex.I)
    # B read with its comparative: "less than the £37.5bn".
    bound = regex.compile(rf"^(?P<w>{words})\s+than\s+(?:the\s+|a\s+)?(?=\S*\d)", regex.I)
    return gap, bound, frozenset(w.lower() for w in d["more"])


def find(body: str, figures: list[Figure], members: dict[int, list[int]]) -> list[Difference]:
    sentences = [[figures[i] for i in idx] for idx in members.values() if 3 <= len(idx) <= MAX_FIGURES]
    found = [m for figs in sentences if (m := _margin(body, figs)) is not None]
    if " than" not in body:  # every other difference says "more than" or "less than"
        return found
    return [d for figs in sentences for d in _in_sentence(body, figs)] + found


@functools.cache
def _margin_cues() -> dict[str, regex.Pattern]:
    w = lexicon.load_strict("margins", (("margin", ("units", "by", "named", "not_before_score")),))["margin"]
    units = alternation(w["units"])
    return {
        "to": regex.compile(rf"\s+(?:(?:{units})\s+)?to\s+$", regex.I),
        "not_score": regex.compile(rf"\b(?:{alternation(w['not_before_score'])})\s+(?:by\s+)?$", regex.I),
        "by": regex.compile(rf"\b(?:{alternation(w['by'])})\s+$", regex.I),
        "named": regex.compile(rf"\b(?:{alternation(w['named'])})\s+$", regex.I),
        "unit": regex.compile(rf"\s+(?:{units})\b", regex.I),
    }


def _margin(body: str, figs: list[Figure]) -> Difference | None:
    """The one score ('12 points to 10') and the one margin ('by four points', 'a majority of
    two') of a sentence; None unless each is alone, as two of either may pair either way."""
    cues = _margin_cues()
    plain = [f for f in figs if f.kind == "count" and f.bound.value == "exact"]
    scores = [(a, b) for a, b in itertools.pairwise(plain)
              if cues["to"].match(body[a.end:b.start]) and not cues["not_score"].search(body[max(0, a.start - 20):a.start])]
    if len(scores) != 1:
        return None
    a, b = scores[0]
    margins = [d for d in plain if d is not a and d is not b and (
        cues["named"].search(body[max(0, d.start - 30):d.start])
        or (cues["by"].search(body[max(0, d.start - 20):d.start]) and cues["unit"].match(body, d.end)))]
    if len(margins) != 1:
        return None
    high, low = (a, b) if a.value >= b.value else (b, a)
    return Difference(high, margins[0], low, 1)


def _in_sentence(body: str, figs: list[Figure]) -> Iterator[Difference]:
    gap_re, bound_re, more = _cues()
    for i in range(1, len(figs) - 1):
        delta, b = figs[i], figs[i + 1]
        gap = body[delta.end:b.start]
        m = gap_re.match(gap)
        if m is None and not gap.strip():
            m = bound_re.match(b.text)
            if m:
                b = dataclasses.replace(b, low=b.value, high=b.value, bound=type(b.bound)("exact"))
        if m is None or b.kind not in _KINDS or not compatible(delta, b):
            continue
        a = next((f for f in reversed(figs[:i]) if f.kind in _KINDS and compatible(f, b)), None)
        if a is None:
            continue
        (a, b), (delta, _) = compatible(a, b), compatible(delta, b)
        yield Difference(a, delta, b, 1 if m.group("w").lower() in more else -1)
