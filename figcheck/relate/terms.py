"""Terms the text states: 'a 20-year Euronote ... launched in 1984 and matures on November 15,
2004', 'a five year eurobond ... The bond matures on March 17, 1992' (from publication).

A length in years right before a thing that runs for a term (a bond, a note, a contract), an
end date in that sentence or one of the next two whose sentence names the same thing (or a
generic word for it: "the issue"), and a start date said with "launched", "issued"... in the
article, or else the publication date. The end is paired only when the article gives one such
length for that thing: two bonds of different terms and one maturity cannot be told apart.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import Term
from figcheck.relate.changes import SCHEMA as CHANGE_SCHEMA

SCHEMA = CHANGE_SCHEMA


@functools.cache
def _cues() -> dict:
    t = lexicon.load_strict("cues", SCHEMA)["term"]

    def alt(key: str) -> str:
        return alternation(t[key])

    return {
        "thing": regex.compile(rf"(?:\s+[\w-]+){{0,5}}?\s+(?P<thing>{alt('instruments')})\b", regex.I),
        "end": regex.compile(rf"\b(?:{alt('ends')})\s+(?:(?:on|in|at)\s+)?(?:par\s+on\s+)?$", regex.I),
        "start": regex.compile(rf"\b(?:{alt('starts')})\s+(?:(?:on|in)\s+)?$", regex.I),
        "things": regex.compile(rf"\b(?P<thing>{alt('instruments')})\b", regex.I),
        "since": regex.compile(r"\bsince\s+$", regex.I),
        "generic_stems": frozenset(_stem(g) for g in t["generic"]),
        # "He will serve a two-year term and succeeds Marks, who had served since 1978": another clause.
        "clause": regex.compile(rf"[,;]|\b(?:{alt('clause_words')})\b", regex.I),
    }




def _stem(word: str) -> str:
    return word.lower().rstrip("s").removeprefix("euro")


def find(body: str, figures: list[Figure], members: dict[int, list[int]]) -> list[Term]:
    cues = _cues()
    lengths: dict[str, list[Figure]] = {}
    for f in figures:
        if f.kind == "duration" and f.unit == "year" and f.bound.value == "exact":
            m = cues["thing"].match(body, f.end)
            if m:
                lengths.setdefault(_stem(m.group("thing")), []).append(f)
    start = next((f for f in figures if f.kind in ("year", "date") and cues["start"].search(body[max(0, f.start - 25):f.start])),
                 None)
    return list(_terms(body, figures, members, lengths, start, cues))


def _terms(body: str, figures: list[Figure], members: dict[int, list[int]], lengths: dict[str, list[Figure]],
           start: Figure | None, cues: dict) -> Iterator[Term]:
    for thing, found in lengths.items():
        if len({f.value for f in found}) != 1:
            continue
        length = found[0]
        # "a five year freeze on rates since March 1983": from that date to publication.
        since = next((f for f in (figures[i] for i in members.get(length.sentence, [])) if f.kind in ("year", "date")
                      and f.start > length.end and cues["since"].search(body[max(0, f.start - 12):f.start])
                      and not cues["clause"].search(body, length.end, f.start)), None)
        if since is not None:
            yield Term(length, None, since)
            continue
        # The end date may come after the length or, named by its thing, before it.
        for s in (length.sentence, length.sentence + 1, length.sentence + 2, length.sentence - 1, length.sentence - 2):
            ends = [figures[i] for i in members.get(s, []) if figures[i].kind in ("year", "date")
                    and (figures[i].start > length.end or s < length.sentence)
                    and cues["end"].search(body[max(0, figures[i].start - 30):figures[i].start])]
            if not ends:
                continue
            # The thing named last before the end date is the one that ends then: "seven-year notes
            # and ... debentures due 1999" ends the debentures.
            clause_start = body.rfind(".", 0, ends[0].start) + 1
            words = body[max(length.end, clause_start) if s >= length.sentence else clause_start:ends[0].start]
            named = [_stem(m.group("thing")) for m in cues["things"].finditer(words)]
            if (named and named[-1] in (thing, *cues["generic_stems"])) or (not named and s == length.sentence):
                yield Term(length, ends[0], start if start is not None and start.start < ends[0].start else None)
            break
