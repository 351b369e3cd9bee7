"""The years an undated article can be from, read from the years it names as past or ahead:
"inflation fell to 4.3% in 2004" (written in 2004 or later), "margins are expected to be lower in
2005" (written in 2005 or before). Read once an article; a dated article needs none of it."""

from __future__ import annotations

import functools
from typing import Any

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.extract.patterns import alternation
from figcheck.relate import Doc

_LISTS = ("before", "forecast", "modal", "forecast_to", "base", "to_nouns", "past")
SCHEMA = (("era", _LISTS),)


@functools.cache
def _words() -> dict[str, Any]:
    whole = lexicon.load("era")
    if set(whole) != {"era"} or not isinstance(whole["era"], dict):
        raise FigcheckError("lexicon/era.toml: needs exactly one table, [era]")
    data = lexicon.load_strict("era", SCHEMA)["era"]
    if set(data) != set(_LISTS) or not all(isinstance(v, list) for v in data.values()):
        raise FigcheckError(f"lexicon/era.toml: [era] needs exactly the lists {', '.join(_LISTS)}")
    out: dict[str, Any] = {k: {w.lower() for w in data[k]} for k in _LISTS}
    out["before"] = regex.compile(rf"\b(?:{alternation(data['before'])})\s+$", regex.I)
    out["since"] = regex.compile(r"\bsince\s+$", regex.I)
    return out


_WORD = regex.compile(r"[\p{L}']+|\d[\d.,%]*")
_CLAUSE = regex.compile(r"[,;:\u2013\u2014]|\s-\s")
_PASSIVE = {"be", "been", "being", "is", "are", "to"}


def _tense(words: list[str], w: dict[str, Any]) -> str | None:
    """'ahead', 'past' or None, from the words of a year's clause before it, nearest first: the
    nearest cue decides, but a modal ("would") only lets a forecast further back ("predicted ...
    would grow ... in 2005") speak: "said sales would reach $1bn in 2010" is neither."""
    modal = False
    for i in range(len(words) - 1, -1, -1):
        word = words[i].lower()
        if word in w["forecast"]:
            return "ahead"
        if modal:
            continue
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if word in w["base"] or (words[i].islower() and len(word) > 4 and word.endswith("ing")):
            return None
        if word == "to" and following.isalpha() and following not in w["to_nouns"]:
            near = {x.lower() for x in words[max(0, i - 6):i]}
            return "ahead" if near & (w["forecast_to"] | w["forecast"]) else None
        if word in w["modal"]:
            modal = True
            continue
        near = {x.lower() for x in words[max(0, i - 4):i]}
        # "was completed in 2004" is past; "will be completed in 2010" and "to be fully fit and
        # motivated in 2005" are not, whatever the -ed; nor a clause's first word ("followed by").
        if word in w["past"] or (words[i].islower() and len(word) > 4 and word.endswith("ed") and i > 0
                                 and not word.endswith("eed") and not near & _PASSIVE):
            return "past"
    return None


def bounds(doc: Doc) -> tuple[int | None, int | None]:
    """(earliest, latest) year the article can be from by the years it names; (None, None) when
    it names none as past or ahead, or the two contradict each other."""
    if "era" not in doc.cache:
        doc.cache["era"] = _bounds(doc)
    return doc.cache["era"]


def _bounds(doc: Doc) -> tuple[int | None, int | None]:
    w = _words()
    past, ahead = [], []
    starts = doc.layout.sentence_starts
    for f in doc.figures:
        if f.kind != "year" or f.value != int(f.value):
            continue
        start = starts[f.sentence] if f.sentence < len(starts) else 0
        lead = doc.body[start:f.start]
        if not w["before"].search(lead[-40:]):
            continue
        clause = _CLAUSE.split(lead)[-1]
        tense = "past" if w["since"].search(lead[-10:]) else _tense(_WORD.findall(clause), w)
        if tense == "past":
            past.append(int(f.value))
        elif tense == "ahead":
            ahead.append(int(f.value))
    # A forecast may be of the year just ended: "expected to make a loss in 2004", in January 2005.
    low, high = (max(past) if past else None), (min(ahead) + 1 if ahead else None)
    if low is not None and high is not None and low > high:
        return None, None
    return low, high
