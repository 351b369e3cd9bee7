"""A share and the share that answered the other way, in one sentence: '53% of those polled said
they had sympathy for him, with 40% saying they did not', '63% supported a ban compared with
24% against'. The two are parts of one group: together at most 100%.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import Shares
from figcheck.relate.changes import SCHEMA


@functools.cache
def _cues() -> tuple[regex.Pattern, regex.Pattern]:
    p = lexicon.load_strict("cues", SCHEMA)["poll"]

    def alt(key: str) -> str:
        return alternation(p[key])

    against = regex.compile(rf"^\s+(?:of\s+\w+\s+)?(?:saying|said|say|says|think|thought|believing|believe|were|was)?\s*"
                            rf"(?:they\s+)?(?:{alt('against')})\b", regex.I)
    joins = regex.compile(rf"\b(?:{alt('joins')})\s*$", regex.I)
    return against, joins


def find(body: str, figures: list[Figure], members: dict[int, list[int]]) -> list[Shares]:
    return list(_opposed(body, figures, members))


def _opposed(body: str, figures: list[Figure], members: dict[int, list[int]]) -> Iterator[Shares]:
    against, joins = _cues()
    for idx in members.values():
        shares = [figures[i] for i in idx if figures[i].kind == "percent" and figures[i].bounded]
        for a, b in itertools.pairwise(shares):
            if against.match(body[b.end:b.end + 40]) and joins.search(body[max(a.end, b.start - 25):b.start]):
                yield Shares((a, b), "one answer and the other")
