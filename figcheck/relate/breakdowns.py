"""A total stated in one sentence and broken down in the sentences after it, one part a
sentence, as statistics releases write it:

    Unemployment rose in the month to a total 693,000 from 690,600 ...
    The figure for male jobless rose by 2,000 in the month to 436,500 ...
    The figure for women was 256,500 at end-March against 256,100 a month earlier ...

The words say the first figure is a total ("a total", "Total exports ... were"); each sentence
after it gives one figure of the same thing for the same time: the figure it moves to, when the
sentence states a change, or else its first figure of the total's kind and unit. Parts that name
every member of a group split along one line, one each ("male" ... "women"), are the whole
breakdown; other parts are only some of the total ("The U.S. was the largest supplier with ...").
The words come from lexicon/breakdowns.toml.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import MAX_FIGURES, Breakdown, Change, shared_unit

SCHEMA = (("breakdown", ("total_before", "total_lead", "max_lead", "max_parts", "dimensions", "ends", "change_before")),)
_KINDS = frozenset({"count", "money", "quantity"})


@functools.cache
def _words() -> dict[str, Any]:
    data = lexicon.load_strict("breakdowns", SCHEMA)["breakdown"]

    def alt(words: list[str]) -> str:
        return alternation(words)

    return {
        "before": regex.compile(rf"\b(?:{alt(data['total_before'])})\s+$", regex.I),
        "lead": regex.compile(rf"^\W*(?:{alt(data['total_lead'])})\b", regex.I),
        "max_lead": int(data["max_lead"]),
        "max_parts": int(data["max_parts"]),
        "dimensions": tuple(tuple(regex.compile(rf"\b(?:{alt(member)})\b", regex.I) for member in dim)
                            for dim in data["dimensions"]),
        "ends": regex.compile(rf"\b(?:{alt(data['ends'])})\b", regex.I),
        "change_before": regex.compile(rf"\b(?:{alt(data['change_before'])})\s+$", regex.I),
    }


def find(body: str, figures: list[Figure], members: dict[int, list[int]], starts: Sequence[int],
         paragraphs: Sequence[int], changes: list[Change]) -> list[Breakdown]:
    """Every total with the parts the sentences after it give, one a sentence."""
    w = _words()
    olds = {c.old.start for c in changes}
    news: dict[int, list[Figure]] = {}
    for c in changes:
        news.setdefault(c.new.sentence, []).append(c.new)
    out: list[Breakdown] = []
    for s, idx in sorted(members.items()):
        if len(idx) > MAX_FIGURES:
            continue
        whole = next((figures[i] for i in idx if _is_total(body, figures, idx, figures[i], starts[s], olds)), None)
        if whole is None:
            continue
        parts: list[tuple[Figure, str]] = []
        for t in range(s + 1, s + 1 + w["max_parts"]):
            if t not in members or paragraphs[t] - paragraphs[t - 1] > 1 or len(members[t]) > MAX_FIGURES:
                break
            part = _current(body, [figures[i] for i in members[t]], news.get(t, []), whole, starts[t], olds)
            if part is None:
                break
            parts.append((part, body[starts[t]:part.start]))
        complete = _complete([lead for _, lead in parts])
        # Parts that do not name a whole line are only taken when every sentence reports its
        # figure as the total's does, moving from one time to another ('fell to 75,500 tonnes in
        # January from 97,070 in December' ... 'Brazil supplied 1,263 tonnes, down from 7,411'):
        # the same statistic for each member, not any later figure of the same unit.
        moved = {f.start for fs in news.values() for f in fs}
        if not complete and not (whole.start in moved and all(p.start in moved for p, _ in parts)):
            continue
        if len(parts) >= 2:
            out.append(Breakdown(whole, tuple(p for p, _ in parts), complete, "total"))
    return out


def _is_total(body: str, figures: list[Figure], idx: list[int], f: Figure, start: int, olds: set[int]) -> bool:
    """'to a total 693,000'; 'Total exports in January were 128,015 tonnes' (its first figure)."""
    if f.kind not in _KINDS or f.bound.value not in ("exact", "about") or f.start in olds:
        return False
    w = _words()
    if w["before"].search(body, max(start, f.start - 30), f.start):
        return True
    first = next((figures[i] for i in idx if figures[i].kind in _KINDS), None)
    return first is f and f.start - start <= w["max_lead"] and bool(w["lead"].match(body, start, f.start))


def _current(body: str, figs: list[Figure], news: list[Figure], whole: Figure, start: int,
             olds: set[int]) -> Figure | None:
    """The sentence's figure for the total's time: what a change moves to, or else its first
    figure of the total's kind; None when the sentence gives none, or a figure that is no part."""
    w = _words()
    if w["ends"].search(body, start, figs[-1].end):
        return None  # a new total, a share or an average: the breakdown has ended
    pool = [f for f in news if f.kind in _KINDS] or [f for f in figs if f.kind in _KINDS and f.start not in olds
                                                      and not w["change_before"].search(body, max(start, f.start - 12), f.start)]
    if not pool:
        return None
    part = min(pool, key=lambda f: f.start)
    # A bare number takes the total's unit only when written to the same scale: '110.9 billion'
    # after '223.2 billion marks'; a plain 'two' or '103' is some other count.
    a, b = shared_unit(part, whole) if _scale(part) and _scale(part) == _scale(whole) else (part, whole)
    if (a.kind, a.unit) != (b.kind, b.unit) or part.bound.value not in ("exact", "about"):
        return None
    if part.low > whole.high or (part.noun and whole.noun and part.noun != whole.noun):
        return None  # larger than the total alone, or another thing counted: not one of its parts
    return a


_SCALE = regex.compile(r"\d\s*(\p{L}+)")


def _scale(f: Figure) -> str | None:
    """The scale word a figure is written with: 'mln' in '200 mln', 'billion' in '1.2 billion marks'."""
    m = _SCALE.search(f.text)
    return m.group(1).lower() if m else None


def _complete(leads: list[str]) -> bool:
    """Whether the parts name every member of one line, one each: 'male' ... 'women'."""
    for dim in _words()["dimensions"]:
        if len(leads) != len(dim):
            continue
        named = [{k for k, member in enumerate(dim) if member.search(lead)} for lead in leads]
        if all(len(n) == 1 for n in named) and len(set().union(*named)) == len(dim):
            return True
    return False
