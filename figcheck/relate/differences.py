"""Differences the text states: 'Borrowing was £35bn - £2.5bn less than the £37.5bn predicted',
'sales of 40,000, 5,000 more than last year's 35,000'.

The shape is A ... D more/less than B in one sentence, with A the last figure of the same
quantity before D. The extractor reads "less than the £37.5bn" as a bound; right after a
difference it is the value B itself.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator

import regex

from figcheck import lexicon
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
    if " than" not in body:  # every difference says "more than" or "less than"
        return []
    return [d for idx in members.values() if 3 <= len(idx) <= MAX_FIGURES
            for d in _in_sentence(body, [figures[i] for i in idx])]


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
