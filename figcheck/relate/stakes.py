"""Owners' stakes in one company, in one sentence: 'Honeywell Bull is 42.5 pct owned by Honeywell,
42.5 pct by Bull and 15 pct by NEC'; 'a consortium, 50 pct owned by Teck and 25 pct each by MIM
and Metallgesellschaft'; 'the group in which Conoco has a 67.5 pct interest, Louisiana Land 20 pct
and Orange-Nassau 12.5 pct'. The stakes of one company's owners are together at most all of it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import Shares
from figcheck.relate.changes import SCHEMA

_NAMED = regex.compile(r"(?:,|\band)\s+(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3}\s+$")
_EACH_BY = regex.compile(r"\s+each\s+by\s+([^,;.]*)")


@functools.cache
def _cues() -> dict[str, regex.Pattern]:
    w = lexicon.load_strict("cues", SCHEMA)["stakes"]
    return {
        "owned": regex.compile(rf"\s+(?:{alternation(w['owned'])})\b", regex.I),
        "held": regex.compile(rf"\b(?:{alternation(w['holds'])})\s+(?:an?\s+)?$", regex.I),
        "stake": regex.compile(rf"\s+(?:{alternation(w['stake'])})\b", regex.I),
        "by": regex.compile(r"\s+(?:each\s+)?by\b", regex.I),
    }


def find(body: str, figures: list[Figure], members: dict[int, list[int]]) -> list[Shares]:
    return list(_stakes(body, figures, members))


def _stakes(body: str, figures: list[Figure], members: dict[int, list[int]]) -> Iterator[Shares]:
    cues = _cues()
    for idx in members.values():
        shares = [figures[i] for i in idx if figures[i].kind == "percent"]
        for i, first in enumerate(shares[:-1]):
            owned = bool(cues["owned"].match(body, first.end))
            held = bool(cues["held"].search(body[max(0, first.start - 12):first.start]) and cues["stake"].match(body, first.end))
            if not (owned or held):
                continue
            stakes, times = [first], [1]
            for later in shares[i + 1:]:
                # Each later stake follows the one before in the same list: "42.5 pct by Bull and
                # 15 pct by NEC" after "owned by"; "Louisiana Land 20 pct" after "has a ... interest".
                gap = body[stakes[-1].end:later.start]
                if owned and cues["by"].match(body, later.end) and _listed(gap):
                    each = _EACH_BY.match(body, later.end)
                    times.append(1 + len(regex.findall(r"\s(?:and|&)\s|,\s", each.group(1))) if each else 1)
                elif held and _NAMED.search(gap) and ";" not in gap and len(gap) < 60:
                    times.append(1)
                else:
                    break
                stakes.append(later)
            if len(stakes) > 1:
                yield Shares(tuple(stakes), "stakes in one company", tuple(times))
            break


def _listed(gap: str) -> bool:
    """'Honeywell, 42.5 pct by Bull' or '... Teck and 25 pct': the next stake in the list."""
    return len(gap) < 80 and ";" not in gap and bool(regex.search(r"(?:,|\band)\s+$", gap))
