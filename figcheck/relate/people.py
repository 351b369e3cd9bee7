"""Whose age a figure gives: 'Thanou, 30,' ... 'Thanou, 32,'; 'the 101-year-old Torao Toshitsune'
... 'At 104, he chuckles'.

An age names its person in one of four ways: a name before it ("Thanou, 30"), a name after it
("the 101-year-old Torao Toshitsune", "At 36, Holmes"), the subject of its sentence ("Gloria
Vanderbilt died at the age of 95"), or none ("the 34-year-old", "She was 93"). One that names
none refers back to the person named last, within a few sentences; where no named person is
near, it is left alone: sports copy gives the ages of many players as "the 27-year-old".
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.model import Figure
from figcheck.relate.candidates import AgeBirth, Restatement

SCHEMA = (("people", ("not_names", "verbs", "person_nouns", "max_apart", "past", "past_before", "reach", "event_age", "death")),)

_NAME = r"\p{Lu}[\p{L}'’-]+"
_BEFORE = regex.compile(rf"({_NAME})\s*,\s+(?:an?\s+|the\s+)?$")
_AFTER = regex.compile(rf"^\s+((?:[\p{{Ll}}-]+\s+){{0,3}})(?:{_NAME}\s+){{0,2}}({_NAME})(?:\s+(\p{{Ll}}+))?")
_AT = regex.compile(rf"^,\s+(?:{_NAME}\s+){{0,2}}({_NAME})\s+\p{{Ll}}")
_CAPITALISED = regex.compile(rf"(?<=\s)({_NAME})")
_RANGE = regex.compile(r"^(?:s\b|\s*(?:to|-|–|and|or)\s*\d)|\d\s*(?:to|-|–|and|or)\s*$")


@functools.cache
def _words() -> dict:
    data = lexicon.load_strict("people", SCHEMA)["people"]

    def words(key: str) -> str:
        return "|".join(regex.escape(w) for w in data[key])

    return {
        "not_names": frozenset(data["not_names"]), "verbs": frozenset(data["verbs"]),
        "person_nouns": frozenset(data["person_nouns"]), "reach": int(data["reach"]), "max_apart": float(data["max_apart"]),
        "past": regex.compile(rf"^[^.;]{{0,30}}?\b(?:{words('past')})\b", regex.I),
        "past_before": regex.compile(rf"\b(?:{words('past_before')})\s+$", regex.I),
        "event_age": regex.compile(rf"\b(?:{words('event_age')})\s+$", regex.I),
        "death": regex.compile(rf"\b(?:{words('death')})\b", regex.I),
    }


def _named(body: str, f: Figure, floor: int, words: dict) -> str | None:
    """The surname an age names, if it names one."""
    not_names = words["not_names"]
    before = body[max(floor, f.start - 40):f.start]
    after = body[f.end:f.end + 60]
    m = _BEFORE.search(before)
    if m and m.group(1) not in not_names:
        return m.group(1)
    if f.text.lower().endswith("old") and "-" in f.text:
        m = _AFTER.match(after)
        if m and m.group(2) not in not_names and _describes(m.group(1).split(), words) \
                and (m.group(3) or "") not in words["person_nouns"]:
            return m.group(2)
    if before.endswith("At "):
        m = _AT.match(after)
        if m and m.group(1) not in not_names:
            return m.group(1)
    if regex.search(r"\b(?:aged|age of)\s+$", before, regex.I):
        return _subject(body[floor:f.start], not_names)
    return None


_RUN = regex.compile(r"(?:\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*)*")


def _subject(text: str, not_names: frozenset[str]) -> str | None:
    """The surname of the first name in a sentence, its subject in news copy: 'Gloria Vanderbilt'
    in 'U.S. heiress Gloria Vanderbilt died ...', 'Qaboos' in 'Qaboos bin Said, the Sultan of
    Oman, died ...'."""
    for m in _RUN.finditer(text):
        words = [w for w in m.group().split() if w not in not_names]
        if words:
            return words[-1]
    return None


def _describes(lower: list[str], words: dict) -> bool:
    """'defender', 'fly-half': words describing a person before the name, not a verb ('plays')."""
    return not any(w in words["verbs"] or w.endswith(("s", "ed")) for w in lower)


def ages(body: str, figures: list[Figure], sentence_starts: tuple[int, ...]) -> dict[str, list[Figure]]:
    """Each person's present ages, in text order: what `find` and `births` both read."""
    return _ages_by_person(body, figures, sentence_starts)


def find(by_person: dict[str, list[Figure]]) -> list[Restatement]:
    """Pairs of ages given for one person with different values."""
    return list(_pairs(by_person, _words()["max_apart"]))


_BORN = regex.compile(r"\bborn\s+(?:(?:in|on)\s+)?(?:[^.;,]{0,30}?\s(?:in|on)\s+)?$", regex.I)


def births(body: str, figures: list[Figure], sentence_starts: tuple[int, ...],
           by_person: dict[str, list[Figure]]) -> list[AgeBirth]:
    """Each person's present age beside the birth year or date the article gives them, when the two
    stand in different sentences (frames read a sentence that holds both)."""
    words = _words()
    if not by_person:
        return []
    main = _main_person(body, words["not_names"])
    out = []
    for f in figures:
        if f.kind not in ("year", "date") or not _BORN.search(body[max(sentence_starts[f.sentence], f.start - 50):f.start]):
            continue
        floor = max(sentence_starts[f.sentence], f.start - 200)
        names = [w for w in _CAPITALISED.findall(" " + body[floor:f.start]) if w not in words["not_names"]]
        person = names[-1] if names else main
        for age in by_person.get(person or "", [])[:1]:
            if age.sentence != f.sentence and not _dated(figures, age):
                out.append(AgeBirth(age, f, person))
    return out


def _present(body: str, f: Figure, floor: int) -> bool:
    """'moved to Montreal at the age of 12' is an age at an event; only a death ('died aged 95')
    gives the age a person has at publication that way."""
    words = _words()
    if not words["event_age"].search(body[max(floor, f.start - 20):f.start]):
        return True
    return bool(words["death"].search(body[floor:f.start]))


def _dated(figures: list[Figure], age: Figure) -> bool:
    """'died in 1994 aged 72': an age at a dated event, not at publication."""
    return any(f.sentence == age.sentence and f.kind in ("year", "date") for f in figures)


def _ages_by_person(body: str, figures: list[Figure], sentence_starts: tuple[int, ...]) -> dict[str, list[Figure]]:
    words = _words()
    ages = [f for f in figures if f.kind == "age" and f.bound.value == "exact" and f.value <= 120]
    ages = [f for f in ages if not _RANGE.search(body[f.end:f.end + 6]) and not _RANGE.search(body[max(0, f.start - 6):f.start])
            and not words["past"].match(body[f.end:f.end + 40]) and not words["past_before"].search(body[max(0, f.start - 20):f.start])
            and _present(body, f, sentence_starts[f.sentence])]
    if not ages:
        return {}
    named = {f.start: _named(body, f, sentence_starts[f.sentence], words) for f in ages}
    people = {n for n in named.values() if n}
    if not people:
        return _one_subject(body, ages, sentence_starts)
    # The main person is counted only when some age names no one: most articles need no count.
    unnamed = any(named[f.start] is None and _anaphoric(body, f) for f in ages)
    main = _main_person(body, words["not_names"]) if unnamed else None
    by_person: dict[str, list[Figure]] = {}
    for f in ages:
        person = named[f.start]
        # An age that names no one ("the 34-year-old", "She was 93 years old") is the person's
        # named last before it, or else the article's main person's, once either has been given
        # an age of their own: sports copy gives many players' ages that way, and a name between
        # ("bids for the 22-year-old" after "Reid") is someone else's.
        if person is None and _anaphoric(body, f):
            last = _named_last(body, f, sentence_starts[max(0, f.sentence - words["reach"])], words["not_names"])
            if last in people:
                person = last
            elif main in people and body.find(main, 0, f.start) >= 0:
                person = main
        if person:
            by_person.setdefault(person, []).append(f)
    return by_person


_SUBJECT = regex.compile(r"(?:^|[.!?\"”]\s+|\n\s*|\b(?:And|But)\s+)[Tt]he\s+$")
_ONE_SUBJECT_MAX = 3   # more ages than this, all unnamed, profile several people


def _one_subject(body: str, ages: list[Figure], sentence_starts: tuple[int, ...]) -> dict[str, list[Figure]]:
    """'The 17-year-old from a small Devon village' ... 'The 19-year-old singer': where no age in
    the article names anyone and each opens its sentence as "The N-year-old", a profile refers to
    its one subject that way. More such ages are several people."""
    if not 2 <= len(ages) <= _ONE_SUBJECT_MAX:
        return {}
    for f in ages:
        floor = sentence_starts[f.sentence]
        if not f.text.lower().endswith("year-old") or not _SUBJECT.search(body[max(0, floor - 2, f.start - 12):f.start]):
            return {}
    return {"the article's subject": ages}


def _named_last(body: str, f: Figure, floor: int, not_names: frozenset[str]) -> str | None:
    """The name nearest before an age, within a few sentences: 'Mr Toshitsune's concern. At 104,
    he' is Toshitsune's age; 'bids for the 22-year-old' after 'Spurs' is no one's we know."""
    names = [w for w in _CAPITALISED.findall(" " + body[floor:f.start]) if w not in not_names]
    return regex.sub(r"['’]s?$", "", names[-1]) if names else None


def _anaphoric(body: str, f: Figure) -> bool:
    """'the 34-year-old', 'She was 93 years old', 'At 104, he': ages that point back to a person."""
    text = f.text.lower()
    return text.endswith(("year-old", "years old")) or body[f.end:f.end + 6].lower().startswith((", he ", ", she "))


def _main_person(body: str, not_names: frozenset[str]) -> str | None:
    """The capitalised word the article names most: its subject, in news copy."""
    counts: dict[str, int] = {}
    for w in _CAPITALISED.findall(body):
        if w not in not_names:
            counts[w] = counts.get(w, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _pairs(by_person: dict[str, list[Figure]], max_apart: float) -> Iterator[Restatement]:
    for person, ages in by_person.items():
        first = ages[0]
        for later in ages[1:]:
            if abs(later.value - first.value) <= max_apart:
                yield Restatement(first, later, f"the age of {person}")
