"""What a figure counts, the verb that acts on it, and when: read from the words around it."""

from __future__ import annotations

import bisect
import functools
import re

import regex

from figcheck import lexicon
from figcheck.extract.text import folded

_WORD = regex.compile(r"[\p{L}][\p{L}'’-]*")
# "138 of the drones"; not "of the plant's 6,000 workers", where the noun follows the number.
_OF_THE = regex.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|all)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\b(?!['’])", regex.I)
_OF_THEM = regex.compile(r"\s+of\s+(?:them|whom)\s+(\p{L}[\p{L}-]*)\b", regex.I)
_AS_NP = regex.compile(r"\s+as\s+(?:(?:a|an|the)\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)", regex.I)
_PASSIVE = regex.compile(r"\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+(?:\p{L}+\s+){0,2}?\p{L}+ed")
_CLAUSE_END = regex.compile(r"[,;:.()\"“”—–]|\s-\s")


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], dict[str, str]]:
    ctx = lexicon.load("context")
    return (frozenset(ctx["stop"]), frozenset(ctx["aux"]), frozenset(ctx["particles"]),
            frozenset(ctx["verbs"]), dict(ctx["plurals"]))


@functools.cache
def _when_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The time-scope phrases: for a sentence in lower case, and for one as written.

    The stdlib engine, case-sensitive on a lower-cased copy, runs this alternation twice as fast
    as a case-blind one (the phrases in context.toml are written in lower case)."""
    ctx = lexicon.load("context")
    months = "|".join(m for m in ctx["months"][:12])
    weekdays = "|".join(ctx["weekdays"])
    pieces = [p.replace("{MONTH}", f"(?:{months})").replace("{WEEKDAY}", f"(?:{weekdays})")
              .replace("{YEAR}", r"\d{4}") for p in ctx["when"]]
    source = r"\b(?:" + "|".join(pieces) + r")\b"
    return re.compile(source), re.compile(source, re.IGNORECASE)


@functools.cache
def _not_verbs() -> frozenset[str]:
    return frozenset(lexicon.load("reading")["lists"]["not_verbs"])


def lemma(word: str | None) -> str | None:
    """'drones' -> 'drone', 'people' -> 'person', 'casualties' -> 'casualty'."""
    if not word:
        return None
    w = word.lower().strip("'’-")
    plurals = _lists()[4]
    if w in plurals:
        return plurals[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _verbish(word: str, verbs: frozenset[str]) -> bool:
    w = word.lower()
    return w in verbs or (w.endswith("ed") and len(w) > 4)


def counted(body: str, end: int, limit: int) -> str | None:
    """The head noun after a figure: '267 drones in ...' -> 'drones'; '138 of the drones' -> 'drones'."""
    tail = body[end:min(limit, end + 80)]
    m = _OF_THE.match(tail)
    if m:
        return m.group(1)
    m = _OF_THEM.match(tail)  # "60 of them children": the noun after "of them", if one follows
    if m:
        return _of_them(m.group(1))
    head = _head_noun(tail)
    return _passive_as(tail) if head is None else head


def _of_them(word: str) -> str | None:
    """The word after "of them", if it is a noun: "children", not "were" or "mostly"."""
    stop, aux, _, verbs, _ = _lists()
    lower = word.lower()
    return word if lower not in stop and lower not in aux and not lower.endswith("ly") and not _verbish(lower, verbs) else None


def _head_noun(tail: str) -> str | None:
    """The last word of the noun phrase that opens `tail`: '267 newly built' has none."""
    stop, aux, _, verbs, _ = _lists()
    head = None
    pos = 0
    for w in _WORD.finditer(tail):
        gap = tail[pos:w.start()]
        if _CLAUSE_END.search(gap) or w.start() - pos > 3:
            break
        word = w.group()
        lower = word.lower()
        if w.start() > 0 and tail[w.start() - 1].isdigit():
            pos = w.end()  # "five 2D side-scrolling levels": the letters of "2D" name a kind, not the noun
            continue
        if lower in stop or lower in aux:
            break
        if lower.endswith("ly") and head is None:  # "267 newly built": adverbs are not nouns
            break
        if head is not None and (_verbish(word, verbs) or lower.endswith("ing")):
            break  # "10 major airlines saying": the noun phrase has ended
        if _verbish(word, verbs) and head is None and lower not in _not_verbs():
            # "388 passed": a verb, unless a noun follows ("registered voters").
            nxt = _WORD.match(tail, w.end() + 1)
            if not nxt or nxt.group().lower() in stop or nxt.group().lower() in aux or _verbish(nxt.group(), verbs):
                break
        head = word
        pos = w.end()
        if pos > 40:
            break
    return head


def _passive_as(tail: str) -> str | None:
    """'12 were listed as missing persons' -> 'persons': the noun a passive names them as."""
    m = _PASSIVE.match(tail)
    np = _AS_NP.match(tail, m.end()) if m else None
    if not np:
        return None
    stop = _lists()[0]
    keep = []
    for word in np.group(1).split():
        if word.lower() in stop:
            break
        keep.append(word)
    return keep[-1] if keep else None


def verb(body: str, start: int, end: int, sent_start: int, sent_end: int, counted_word: str | None = None) -> str | None:
    """The verb acting on a figure: before it ('launched 267') or after ('119 were identified')."""
    _, aux, particles, verbs, _ = _lists()
    before = body[max(sent_start, start - 60):start]
    tokens = list(_WORD.finditer(before))
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 6), -1):
        tok = tokens[i].group()
        lower = tok.lower()
        if _CLAUSE_END.search(before[tokens[i].end():]):
            break
        if lower in particles and i > 0 and _verbish(tokens[i - 1].group(), verbs):
            return f"{tokens[i - 1].group().lower()} {lower}"
        if _verbish(tok, verbs) and lower not in _not_verbs():
            return lower
    if counted_word:  # read after the noun phrase: "5.3 million registered voters went"
        at = body.find(counted_word, end, min(sent_end, end + 40))
        if at >= 0 and len(body[end:at].split()) <= 2:
            end = at + len(counted_word)
    after = body[end:min(sent_end, end + 80)]
    words = list(_WORD.finditer(after))
    seen_aux = False
    for i, w in enumerate(words[:6]):
        lower = w.group().lower()
        if _CLAUSE_END.search(after[(words[i - 1].end() if i else 0):w.start()]):
            break
        if lower in aux:
            seen_aux = True
            continue
        if _verbish(lower, verbs) and (seen_aux or i <= 2):
            if i + 1 < len(words) and words[i + 1].group().lower() in particles:
                return f"{lower} {words[i + 1].group().lower()}"
            return lower
    return None


def time_phrases(body: str, sent_start: int, sent_end: int) -> list[tuple[int, int, str]]:
    """Every time-scope phrase in a sentence, found once for all its figures."""
    lower = folded(body[sent_start:sent_end])
    if lower is None:
        return [(m.start(), m.end(), m.group()) for m in _when_patterns()[1].finditer(body, sent_start, sent_end)]
    return [(m.start() + sent_start, m.end() + sent_start, body[m.start() + sent_start:m.end() + sent_start])
            for m in _when_patterns()[0].finditer(lower)]


def when(phrases: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The time scope nearest the figure in its sentence: 'overnight', 'throughout the week'.

    `phrases` come from time_phrases: in order and never overlapping, so their starts and their
    ends both rise. The nearest phrase after the figure and the nearest before it are found by
    bisection: a sentence of 10,000 figures and 10,000 phrases costs no more per figure than one
    of ten (a linear look at every phrase for every figure was quadratic).
    """
    after = bisect.bisect_left(phrases, end, key=_start)          # first phrase starting at or after `end`
    before = bisect.bisect_right(phrases, start, key=_end) - 1    # last phrase ending at or before `start`
    best, best_dist = None, None
    if before >= 0:
        # Scope words after a figure usually belong to it ("267 drones ... overnight"): the ones
        # before it count half again their distance, and win a tie.
        best, best_dist = phrases[before][2], (start - phrases[before][1]) * 1.5
    if after < len(phrases) and (best_dist is None or phrases[after][0] - end < best_dist):
        best = phrases[after][2]
    return best


def _start(phrase: tuple[int, int, str]) -> int:
    return phrase[0]


def _end(phrase: tuple[int, int, str]) -> int:
    return phrase[1]
