"""Subsets against their total: 'at least 37 died, including 41 in the capital'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.kinds.base import Hit, Kind, fmt, rounding_slack, stated_high, total, unique
from figcheck.kinds.part_whole import _group_nouns
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    together: bool = False   # False: one subset larger than its total; True: subsets together


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    seen = set()
    for _s, m, _extra in doc.matches("subset"):
        whole = doc.fig(m, "whole")
        parts = doc.figs_in(m, "parts") if "parts" in m.groupdict() and m.group("parts") else [doc.fig(m, "part")]
        parts = [p for p in parts if p is not None and _fits(whole, p)]
        if whole is None or not parts:
            continue
        limit = stated_high(whole) + rounding_slack((whole, *parts))
        if not params.together:
            for p in parts:
                if p.low > limit and (whole.start, p.start) not in seen:
                    seen.add((whole.start, p.start))
                    yield Hit((whole, p), {"whole": whole.text, "part": p.text, "parts": p.text},
                              f"{fmt(p.value)} > {fmt(whole.value)}")
        elif len(parts) > 1 and all(p.low <= limit for p in parts):
            value, low, _ = total(parts)
            if low > limit:
                names = ", ".join(p.text for p in parts)
                yield Hit(unique((whole, *parts)), {"whole": whole.text, "part": names, "parts": names},
                          f"{' + '.join(fmt(p.value) for p in parts)} = {fmt(value)} > {fmt(whole.value)}")


def _fits(whole, part) -> bool:
    if whole is None or part.kind != whole.kind or part.unit != whole.unit or part.bound.value == "range":
        return False
    return part.noun is None or whole.noun is None or part.noun == whole.noun or part.noun in _group_nouns()


KIND = Kind("subset", Params, check, ("whole", "part", "parts"))
