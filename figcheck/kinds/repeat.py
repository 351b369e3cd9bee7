"""The same thing restated with another value: '189 people on board' ... 'the 198 people on board'."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from figcheck import lexicon
from figcheck.extract import with_verb
from figcheck.extract.context import _lists as _context_lists
from figcheck.extract.patterns import alternation
from figcheck.kinds.base import Hit, Kind, fmt, held, overlaps
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.candidates import Restatement

_WORDS = regex.compile(r"[\p{L}]+")
_CLAUSE_END = regex.compile(r"[,.;:()!?\"“”]")


@dataclass(frozen=True)
class Params:
    context_words: int = 2   # words after the noun that must match: "people on board"
    close: float = 0.1       # 'the 156 passengers' after '162 passengers', other words after the noun: within this share
    transposed: bool = False  # instead: two figures of one noun whose digits are the same in another order
    min_digits: int = 3      # with transposed: shorter figures share their digits too often by chance
    recognised: bool = False  # instead: the restatements relate/ recognised (one person's age given twice)


@functools.cache
def _lists() -> tuple[frozenset[str], regex.Pattern]:
    data = lexicon.load("groups")
    return frozenset(data["restate"]), regex.compile(rf"\b(?:{alternation(data['updates'])})\b", regex.I)


@functools.cache
def _clause_words() -> frozenset[str]:
    return frozenset(lexicon.load("groups")["clause_words"])


def _phrase(doc: Doc, f: Figure) -> tuple[str, ...]:
    """The words after the noun up to a verb or the clause's end: ('on', 'board')."""
    _, aux, _, verbs, _ = _context_lists()
    tail = doc.body[f.end:f.end + 80]
    tail = _CLAUSE_END.split(tail, maxsplit=1)[0]
    words = [w.lower() for w in _WORDS.findall(tail)[1:8]]
    out = []
    for w in words:
        if w in _clause_words() or w in aux or w in verbs or (w.endswith("ed") and len(w) > 4):
            break
        out.append(w)
    return tuple(out)


def _same_thing(a: tuple[str, ...], b: tuple[str, ...], n: int) -> bool:
    """Both phrases say the same: the shorter is the start of the longer, and long enough."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= n and long_[:len(short)] == short


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.transposed:
        yield from _transposed(doc, params)
        return
    if params.recognised:
        yield from restated(doc.restatements())
        return
    restate, updates = _lists()
    n = params.context_words
    # Two phrases can say the same thing only if they share their first n words: bucket by
    # those, so an article with thousands of figures is not compared pair by pair.
    first_seen: dict[tuple[str, ...], list[tuple[Figure, tuple[str, ...]]]] = {}
    for f in doc.figures:
        if f.noun is None or f.kind not in ("count", "money"):
            continue
        phrase = _phrase(doc, f)
        if len(phrase) < n:
            continue
        bucket = first_seen.setdefault((f.noun, *phrase[:n]), [])
        earlier = next((e for e, p in bucket if _same_thing(p, phrase, n)), None)
        bucket.append((f, phrase))
        if earlier is None:
            continue
        before = doc.body[max(doc.layout.sentence_starts[f.sentence], f.start - 12):f.start].lower().split()
        # Only a definite restatement ("the 198 people on board") claims to be the same figure.
        if not before or before[-1] not in restate or f.sentence == earlier.sentence:
            continue
        if overlaps(earlier.low, earlier.high, f.low, f.high) or earlier.unit != f.unit:
            continue
        # "40 people in the square were hurt" ... "the 60 people in the square had left": another verb,
        # another group of people.
        verbs = [with_verb(doc.body, x, doc.layout).verb for x in (earlier, f)]
        if all(verbs) and verbs[0] != verbs[1]:
            continue
        between = doc.body[earlier.start:f.end]
        if updates.search(between) or (f.when and earlier.when and f.when != earlier.when):
            continue
        yield _hit(earlier, f, f"{fmt(earlier.value)} ≠ {fmt(f.value)}")
    yield from _close(doc, params)


def restated(candidates: Iterable[Restatement]) -> Iterator[Hit]:
    """Two values for one quantity where their ranges cannot meet."""
    for c in candidates:
        # One cap or floor stated twice ("up to 250" ... "up to 205") is compared as stated: both
        # ranges hold 200, but the two caps are not one.
        same_bound = c.first.bound == c.second.bound and c.first.bound.value in ("at_most", "at_least", "more_than", "less_than")
        differ = c.first.value != c.second.value if same_bound else not overlaps(c.first.low, c.first.high, c.second.low, c.second.high)
        if differ:
            yield Hit((c.first, c.second), {"first": c.first.text, "second": c.second.text, "counted": c.cue},
                      f"{fmt(c.first.value)} ≠ {fmt(c.second.value)} ({c.cue})")
        else:
            yield held((c.first, c.second), f"{c.first.text} and {c.second.text}: {c.cue}, stated alike")


def _close(doc: Doc, params: Params) -> Iterator[Hit]:
    """'162 passengers' ... 'the names of the 156 passengers': a definite restatement of the last
    count of that noun, a few per cent off, with no word of an update between: a slip. Further
    apart, or with a clause after the noun ('the 145 passengers who survived'), it may be
    another group."""
    restate, updates = _lists()
    last: dict[str, Figure] = {}
    for f in doc.figures:
        if f.noun is None or f.kind != "count" or f.bound.value != "exact":
            continue
        earlier, last[f.noun] = last.get(f.noun), f
        if earlier is None or earlier.sentence == f.sentence or not f.value or earlier.unit != f.unit:
            continue
        before = doc.body[max(doc.layout.sentence_starts[f.sentence], f.start - 12):f.start].lower().split()
        if not before or before[-1] not in restate or overlaps(earlier.low, earlier.high, f.low, f.high):
            continue
        if abs(earlier.value - f.value) > params.close * max(earlier.value, f.value) or _qualified(doc, f):
            continue
        if _one_claim(doc, earlier, f, updates):
            yield _hit(earlier, f, f"{fmt(earlier.value)} ≠ {fmt(f.value)}")


def _qualified(doc: Doc, f: Figure) -> bool:
    """A clause or a participle right after the noun narrows the group: 'the 145 passengers who
    survived', 'the 21 people charged', 'the 30 workers remaining'."""
    _, aux, _, verbs, _ = _context_lists()
    words = _WORDS.findall(_CLAUSE_END.split(doc.body[f.end:f.end + 60], maxsplit=1)[0])
    if len(words) < 2:
        return False
    w = words[1].lower()
    return w in _clause_words() or w in aux or w in verbs or w.endswith(("ed", "ing"))


def _transposed(doc: Doc, params: Params) -> Iterator[Hit]:
    """'412 homes were destroyed' ... 'the 421 destroyed homes': the same digits in another
    order, said of the same thing in two sentences, is the commonest typo in copy."""
    _, updates = _lists()
    seen: dict[tuple, list[Figure]] = {}
    for f in doc.figures:
        digits = "".join(c for c in f.text if c.isdigit())
        if f.noun is None or f.kind not in ("count", "money") or len(digits) < params.min_digits or f.bound.value != "exact":
            continue
        bucket = seen.setdefault((f.noun, f.unit, "".join(sorted(digits))), [])
        for earlier in bucket:
            # Same digits, same order of magnitude: '2.95 billion' and '592 million' share digits only.
            if earlier.sentence == f.sentence or earlier.value == f.value or not f.value \
                    or not 0.1 < abs(earlier.value / f.value) < 10:
                continue
            if _one_claim(doc, earlier, f, updates):
                yield _hit(earlier, f, f"{fmt(earlier.value)} ≠ {fmt(f.value)}: the same digits in another order")
                break
        bucket.append(f)


def _one_claim(doc: Doc, earlier: Figure, f: Figure, updates: regex.Pattern) -> bool:
    """Nothing says the two figures are two things: no update word between them, one time scope,
    and not two different verbs acting on them ('cut 1,750 jobs' ... 'added 1,570 jobs')."""
    if updates.search(doc.body[earlier.start:f.end]) or (f.when and earlier.when and f.when != earlier.when):
        return False
    verbs = [_verb_right_before(doc, x) for x in (earlier, f)]
    return not (all(verbs) and verbs[0] != verbs[1])


def _hit(earlier: Figure, f: Figure, working: str) -> Hit:
    return Hit((earlier, f), {"first": earlier.text, "second": f.text, "counted": earlier.counted or ""}, working)


def _verb_right_before(doc: Doc, f: Figure) -> str | None:
    """The figure's verb if it stands right before it ('cut 1,750'), not in another clause."""
    verb = with_verb(doc.body, f, doc.layout).verb
    if verb and doc.body[max(0, f.start - len(verb) - 2):f.start].strip().lower() == verb:
        return verb
    return None


KIND = Kind("repeat", Params, check, ("first", "second", "counted"))
