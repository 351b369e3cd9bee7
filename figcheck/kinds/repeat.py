"""The same thing restated with another value: '189 people on board' ... 'the 198 people on board'."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from figcheck import lexicon
from figcheck.kinds.base import Hit, Kind, fmt, overlaps
from figcheck.model import Figure
from figcheck.relate import Doc

_WORDS = regex.compile(r"[\p{L}]+")


@dataclass(frozen=True)
class Params:
    context_words: int = 2   # words after the noun that must match: "people on board"


@functools.cache
def _lists() -> tuple[frozenset[str], regex.Pattern]:
    data = lexicon.load("groups")
    updates = "|".join(regex.escape(w) for w in data["updates"])
    return frozenset(data["restate"]), regex.compile(rf"\b(?:{updates})\b", regex.I)


def _key(doc: Doc, f: Figure, n: int) -> tuple[str, ...] | None:
    """The noun and the words after it: ('person', 'on', 'board')."""
    if f.noun is None or f.kind not in ("count", "money"):
        return None
    tail = doc.body[f.end:f.end + 60]
    words = _WORDS.findall(tail.split(",")[0].split(".")[0])
    if not words:
        return None
    rest = [w.lower() for w in words[1:1 + n]]
    if len(rest) < n:
        return None
    return (f.noun, *rest)


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    restate, updates = _lists()
    first_seen: dict[tuple[str, ...], Figure] = {}
    for f in doc.figures:
        key = _key(doc, f, params.context_words)
        if key is None:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = f
            continue
        before = doc.body[max(doc.layout.sentence_starts[f.sentence], f.start - 12):f.start].lower().split()
        # Only a definite restatement ("the 198 people on board") claims to be the same figure.
        if not before or before[-1] not in restate or f.sentence == earlier.sentence:
            continue
        if overlaps(earlier.low, earlier.high, f.low, f.high) or earlier.unit != f.unit:
            continue
        between = doc.body[earlier.start:f.end]
        if updates.search(between) or (f.when and earlier.when and f.when != earlier.when):
            continue
        yield Hit((earlier, f), {"first": earlier.text, "second": f.text, "counted": earlier.counted or ""},
                  f"{fmt(earlier.value)} ≠ {fmt(f.value)}")


KIND = Kind("repeat", Params, check, ("first", "second", "counted"))
