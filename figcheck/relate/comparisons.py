"""Comparisons the text states: 'sales of 5.2 mln were slightly behind last year's 5.4 mln', 'a
loss of 2 mln, less than the 3 mln forecast', 'the 3.1% rate is below last year's peak of 3.4%'.

The shape is A ... COMPARATIVE [fillers] B in one sentence, A and B the figures on either side
(no figure between), of one quantity. Each becomes a `Change` from B (the figure compared
against) to A (the one described), its direction the comparative's.

Not comparisons: "more than 5,000 people" is a bound (the extractor reads it so), and is read
as a comparison only when a determiner stands between the word and the figure ("less than the
3 mln forecast"); "5,000 more than last year's" with nothing between A and the word is a stated
difference (relate/differences.py); "higher than in 2003" names a time, not a figure.
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
from figcheck.relate.candidates import MAX_FIGURES, Change
from figcheck.relate.changes import compatible

SCHEMA = (("comparison", ("more", "less", "fillers", "not_between")),)
_KINDS = frozenset({"count", "money", "quantity", "percent"})
_GAP = 60       # the most characters between the first figure and the comparative


@functools.cache
def _cues() -> tuple[regex.Pattern, regex.Pattern, frozenset[str], regex.Pattern]:
    c = lexicon.load_strict("comparisons", SCHEMA)["comparison"]
    fill = rf"(?:{alternation(c['fillers'])}|[a-z]+'s)"
    shape = regex.compile(
        rf"^(?P<gap>[^;:()\[\]\d]*?[^\s;:()\[\]\d][^;:()\[\]\d]*?)\s+(?P<w>{alternation(c['more'] + c['less'])})"
        rf"\s+(?P<fill>(?:{fill}\s+){{0,4}})$", regex.I)
    not_between = regex.compile(rf"\b(?:{alternation(c['not_between'])})\b", regex.I)
    # The words a figure's text may hold before its number: "less than the £3 mln".
    prefix = regex.compile(r"^[^\d£$€¥]*")
    return shape, not_between, frozenset(w.lower() for w in c["more"]), prefix


def find(body: str, figures: list[Figure], members: dict[int, list[int]]) -> list[Change]:
    if not any(w in body for w in (" than", "above", "below", "behind", "ahead", "short", "exceed", "outstrip",
                                   "surpass", "top", "trail", " up on", " down on", "shy", "excess")):
        return []
    found = []
    for idx in members.values():
        if 2 <= len(idx) <= MAX_FIGURES:
            figs = [figures[i] for i in idx]
            found.extend(_in_sentence(body, figs))
    return found


def _in_sentence(body: str, figs: list[Figure]) -> Iterator[Change]:
    shape, not_between, more, prefix = _cues()
    for a, b in itertools.pairwise(figs):
        if a.kind not in _KINDS or b.kind not in _KINDS:
            continue
        lead = prefix.match(b.text).group()
        m = shape.match(" " + body[a.end:b.start] + lead)
        if m is None or len(m.group("gap")) > _GAP or not_between.search(m.group("gap")):
            continue
        if lead.strip():
            # The extractor read the comparative as the figure's bound: a comparison only with a
            # determiner between ("less than the 3 mln"), and then the figure is the value itself.
            if not m.group("fill").strip() or b.bound.value not in ("less_than", "more_than", "at_most", "at_least"):
                continue
            b = dataclasses.replace(b, low=b.value, high=b.value, bound=type(b.bound)("exact"))
        pair = compatible(a, b)
        if pair is None:
            continue
        new, old = pair
        word = m.group("w").lower()
        yield Change(old, new, 1 if word in more else -1, word)
