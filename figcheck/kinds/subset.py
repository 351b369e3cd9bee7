"""Subsets against their total: 'at least 37 died, including 41 in the capital'."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from figcheck import lexicon
from figcheck.kinds.base import Hit, Kind, fmt, held, rounding_slack, stated_high, total, unique
from figcheck.kinds.part_whole import _is_group, led
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.candidates import Subset


@dataclass(frozen=True)
class Params:
    together: bool = False   # False: one subset larger than its total; True: subsets together
    # The same thing counted over a shorter time and a longer one that holds it: "267 drones
    # overnight" against "1,150 drones throughout the week".
    scope: bool = False
    # The parts relate/subsets.py recognised: "eight years of a five-year sentence", "Nine of the murders".
    recognised: bool = False


@functools.cache
def _scopes() -> tuple[tuple[regex.Pattern, int], ...]:
    ctx = lexicon.load("context")
    months = "|".join(ctx["months"][:12])
    weekdays = "|".join(ctx["weekdays"])
    return tuple((regex.compile(p.replace("{MONTH}", months).replace("{WEEKDAY}", weekdays), regex.I), rank)
                 for p, rank in ctx["scopes"])


def scope_rank(when: str | None) -> int | None:
    """1 for a day or night, 2 a week, 3 a month, 4 a year; None when unknown."""
    if not when:
        return None
    return next((rank for pattern, rank in _scopes() if pattern.search(when)), None)


def _by_scope(doc: Doc) -> Iterator[Hit]:
    figs = [(i, f) for i, f in enumerate(doc.figures)
            if f.kind == "count" and f.noun and f.bound.value in ("exact", "about", "at_least")]
    for k, (i, short) in enumerate(figs):
        r_short = scope_rank(short.when)
        if r_short is None:
            continue
        for j, long_ in figs[k + 1:]:
            if long_.paragraph > short.paragraph + 2:
                break
            r_long = scope_rank(long_.when)
            if r_long is None or r_long <= r_short or long_.noun != short.noun:
                continue
            doc.checked.update((i, j))
            if short.low > stated_high(long_):
                yield Hit((short, long_), {"whole": long_.text, "part": short.text, "parts": short.text},
                          f"{fmt(short.value)} {short.when} > {fmt(long_.value)} {long_.when}")
            else:
                yield held((short, long_), f"{short.text} {short.counted} {short.when} sits within the {long_.text} "
                                           f"{long_.counted} {long_.when}")
            break


def partitive(candidates: Iterable[Subset]) -> Iterator[Hit]:
    """Parts that, in every reading of their words, are larger than the whole they are of."""
    for c in candidates:
        part, whole = c.part, c.whole
        limit = stated_high(whole) + rounding_slack((whole, part))
        if part.low > limit:
            yield Hit((whole, part), {"whole": whole.text, "part": part.text, "parts": part.text},
                      f"{fmt(part.value)} > {fmt(whole.value)} ('{c.cue}')")
        else:
            yield held((whole, part), f"{part.text} ('{c.cue}') is within {whole.text}")


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.scope:
        yield from _by_scope(doc)
        return
    if params.recognised:
        yield from partitive(doc.subsets())
        return
    seen = set()
    for whole, parts in _subsets(doc):
        parts = [p for p in parts if p is not None and _fits(whole, p)]
        if whole is None or not parts:
            continue
        limit = stated_high(whole) + rounding_slack((whole, *parts))
        if not params.together:
            for p in parts:
                if (whole.start, p.start) in seen:
                    continue
                seen.add((whole.start, p.start))
                if p.low > limit:
                    yield Hit((whole, p), {"whole": whole.text, "part": p.text, "parts": p.text},
                              f"{fmt(p.value)} > {fmt(whole.value)}")
                else:
                    yield held((whole, p), f"{p.text} within {whole.text}")
        elif len(parts) > 1 and all(p.low <= limit for p in parts) and not _may_overlap(parts):
            value, low, _ = total(parts)
            # Several subsets may together reach past "more than 1,000": only a closed total binds.
            if low > whole.high + rounding_slack((whole, *parts)):
                names = ", ".join(p.text for p in parts)
                yield Hit(unique((whole, *parts)), {"whole": whole.text, "part": names, "parts": names},
                          f"{' + '.join(fmt(p.value) for p in parts)} = {fmt(value)} > {fmt(whole.value)}")


def _subsets(doc: Doc) -> Iterator[tuple[Figure | None, list[Figure | None]]]:
    """Each whole with the parts said to be among it: by the frames, and in a sentence led by
    words pointing back ('140 hostages ... Among them are 162 foreign workers')."""
    for _s, m, _extra in doc.matches("subset"):
        whole = doc.fig(m, "whole")
        yield whole, doc.figs_in(m, "parts") if "parts" in m.groupdict() and m.group("parts") else [doc.fig(m, "part")]
    # One figure in a sentence led by words pointing back; two or more are a breakdown (FC104).
    yield from ((whole, list(parts)) for whole, parts in led(doc) if len(parts) == 1)
    # A total, then some of its parts one a sentence: 'Total exports were 128,015 tonnes' ...
    # 'EC countries took 122,355 tonnes' (relate/breakdowns.py); a whole breakdown is FC104's.
    yield from ((b.whole, list(b.parts)) for b in doc.breakdowns() if not b.complete)


def _may_overlap(parts: list[Figure]) -> bool:
    """'including 20 passengers and 15 women', '60 of them children and 40 for burns': named
    along two lines, the parts may overlap."""
    return len({_line(p) for p in parts}) > 1


def _line(f: Figure) -> tuple[str, object]:
    """The line `f`'s noun splits a group along: a family in groups.toml, 'peoples' for a people
    named in the plural ('Britons'), a line of its own for any other noun, and one line for all
    the parts without a noun ('600 in Moscow and 500 in St Petersburg')."""
    if f.noun is None:
        return ("none", None)
    if f.counted and f.counted[:1].isupper():
        return ("peoples", None)
    for i, family in enumerate(lexicon.load("groups")["families"]):
        if f.noun in family:
            return ("family", i)
    return ("noun", f.noun)


@functools.cache
def _roles() -> frozenset[str]:
    return frozenset(lexicon.load("groups")["roles"])


def _fits(whole, part) -> bool:
    if whole is None or part.kind != whole.kind or part.unit != whole.unit or part.bound.value == "range":
        return False
    return part.noun is None or whole.noun is None or part.noun == whole.noun or _is_group(part) \
        or part.noun in _roles()


KIND = Kind("subset", Params, check, ("whole", "part", "parts"))
