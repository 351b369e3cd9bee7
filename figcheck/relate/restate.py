"""Figures that refer back to a count already given: 'Four people took part' ... 'The five people
faced a screen'; 'five levels' ... 'each of the six levels'.

A definite article ("the", "all the", "each of the") before a count of a noun already counted
says: the ones I told you of. The earlier count is the last of that noun, in an earlier sentence.
It is another group when the words say so: a clause or a participle after the noun ("the 145
passengers who survived", "the 21 people charged"), a word of increment ("another 12", "12
more"), a word of update between ("rose to"), another time, or a count far from the first, which
is more often a part or a new total than a slip.

A participle can stand for the group it was said of ("Three men were charged" ... "The four
indicted were named"), or come before the noun without narrowing it ("the three injured people"),
unless it is said again between of someone else ("A third man was charged"). A player named in
full has one seed ("sixth-seeded Filippo Volandri" ... "seventh seed Filippo Volandri").

Words tie two mentions in other ways too: a definite count with no noun, the subject of its verb,
stands for the count right before it ("charge 12 detainees" ... "the 12 were held"); a definite
sum with a clause naming the verb said of an earlier one ("lent Russia $6bn" ... "the $6bn which
VEB lent"); a group named with its size and its members counted with its name ("the 25-state EU"
... "all 25 current EU members"); two times in the past with the same verb ("won the cup two
years ago" ... "won his only title three years ago").
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract import context
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import Restatement

SCHEMA = (("restate", ("leads", "narrowing", "increments", "joined", "updates", "close", "small", "named_again", "demonstratives",
                          "participles", "participle_fillers", "participle_verbs", "seeds",
                          "bare_verbs", "relatives", "group_sizes", "member_nouns", "whole_group", "ago")),
          ("subset", ("determiners", "pronouns", "not_partitive", "measure_after", "required")))
_WORD = regex.compile(r"\p{L}[\p{L}'-]*")


@functools.cache
def _words() -> dict:
    data = lexicon.load_strict("restate", SCHEMA)["restate"]

    def alt(key: str) -> str:
        return alternation(data[key])

    return {
        "lead": regex.compile(rf"(?:^|[\s(\"“])(?:{alt('leads')})\s+$", regex.I),
        "narrowing": frozenset(data["narrowing"]), "lead_words": frozenset(data["leads"]),
        "increment_before": regex.compile(rf"\b(?:{alt('increments')})\s+$", regex.I),
        "increment_after": regex.compile(rf"^\s*(?:\S+\s+)?(?:{alt('increments')})\b", regex.I),
        "joined": regex.compile(rf"\b(?:{alt('joined')})\s+$", regex.I),
        "updates": regex.compile(rf"\b(?:{alt('updates')})\b", regex.I),
        "close": float(data["close"]), "small": float(data["small"]),
        "demonstrative": regex.compile(rf"(?:^|[\s(\"“])(?:{alt('demonstratives')})\s+$", regex.I),
        "named_again": regex.compile(rf"\b(?:{alt('named_again')})\s+$", regex.I),
        "sense": {p: i for i, words in enumerate(data["participles"]) for p in words},
        "fillers": frozenset(data["participle_fillers"]),
        "sense_words": [regex.compile(rf"\b(?:{alternation(words)})\b", regex.I) for words in data["participles"]],
        "participle_head": regex.compile(rf"^\s+(\p{{L}}+)\s+(?:{alt('participle_verbs')})\b", regex.I),
        "seed": regex.compile(rf"^[-\s](?:{alt('seeds')})\b", regex.I),
        "bare_verb": regex.compile(rf"^\s+(?:{alt('bare_verbs')})\b", regex.I),
        "relative": regex.compile(rf"^\s+(?:{alt('relatives')})\s", regex.I),
        "group_size": regex.compile(rf"^\S+-(?:{alt('group_sizes')})$", regex.I),
        "joined_words": frozenset(data["joined"]),
        "ago": regex.compile(rf"^\s+(?:{alt('ago')})\b", regex.I),
        "member_nouns": frozenset(data["member_nouns"]), "whole_group": frozenset(data["whole_group"]),
    }


def find(body: str, figures: list[Figure], sentence_starts: tuple[int, ...],
         sentence_ends: tuple[int, ...] = ()) -> list[Restatement]:
    w = _words()
    found = list(_definite(body, figures, sentence_starts, w)) + list(_named_again(body, figures, w)) \
        + list(_pointed_at(body, figures, w)) + list(_same_cap(body, figures, w)) \
        + list(_participle_group(body, figures, sentence_starts, w)) + list(_seeds(body, figures, w)) \
        + list(_bare_definite(body, figures, sentence_starts, w)) + list(_relative_verb(body, figures, sentence_starts, w)) \
        + list(_group_size(body, figures, w)) + list(_ago(body, figures, sentence_starts, w))
    return found + list(_repeated_sentences(body, figures, sentence_starts, sentence_ends)) if sentence_ends else found


def _pointed_at(body: str, figures: list[Figure], w: dict) -> Iterator[Restatement]:
    """'for five weeks' ... 'During these four weeks': a demonstrative points at the last count of
    its noun, or the last length of time in its unit, and says it is that one."""
    last: dict[tuple, Figure] = {}
    for f in figures:
        if f.kind == "duration" and f.unit:
            key: tuple = ("duration", f.unit)
        elif f.kind == "count" and f.noun and len(f.noun) > 2:
            key = ("count", f.noun)
        else:
            continue
        earlier, last[key] = last.get(key), f
        if earlier is None or earlier.sentence == f.sentence or f.bound.value != "exact" \
                or not w["demonstrative"].search(body[max(0, f.start - 8):f.start]):
            continue
        if not _same_group(body, earlier, f, w, opens=True):
            continue
        yield Restatement(earlier, f, f"the same {f.counted or f.unit}")


def _same_cap(body: str, figures: list[Figure], w: dict) -> Iterator[Restatement]:
    """'a network of up to 250 screens' ... 'will see up to 205 screens': one cap stated twice, in the
    same words, a little apart: a cap far from the first ('up to four floors' ... 'up to six
    floors') is another thing capped."""
    seen: dict[tuple, Figure] = {}
    for f in figures:
        if f.bound.value != "at_most" or f.kind not in ("count", "money", "percent") or not f.noun or len(f.noun) < 3:
            continue
        key = (f.kind, f.unit, f.noun, " ".join(f.text.lower().split()[:2]))
        earlier, seen[key] = seen.get(key), f
        if earlier is None or earlier.sentence == f.sentence or earlier.value == f.value:
            continue
        if abs(earlier.value - f.value) > w["close"] * max(earlier.value, f.value) or _other_time(earlier, f):
            continue
        near = body[max(0, f.start - 60):f.start].split(".")[-1]
        if not w["updates"].search(near):
            yield Restatement(earlier, f, f"the same cap on {f.counted or f.noun}")


def _participle_group(body: str, figures: list[Figure], sentence_starts: tuple[int, ...], w: dict) -> Iterator[Restatement]:
    """'Three men were charged' ... 'The four indicted were named': a definite count whose noun is
    a participle points back at the count that participle (or one of its sense) was said of. Only
    one such count before it: two ('three were charged' ... 'two more were charged') may add up."""
    said: dict[int, list[Figure]] = {}
    for f in figures:
        if f.kind != "count":
            continue
        head = w["participle_head"].match(body[f.end:f.end + 40])
        sense = w["sense"].get(head.group(1).lower()) if head and f.counted in (None, head.group(1)) else None
        floor = sentence_starts[f.sentence]
        # Every count said to be charged is kept, bounded or not ('at least two were charged'):
        # each makes the group pointed at less certain.
        if sense is not None and f.bound.value == "exact" and w["lead"].search(body[max(floor, f.start - 16):f.start]):
            earlier = said.get(sense, [])
            if len(earlier) == 1 and earlier[0].sentence != f.sentence and f.value > earlier[0].value \
                    and not _said_again(body, sentence_starts[earlier[0].sentence + 1], f.start, sense, w) \
                    and _same_group(body, earlier[0], f, w, opens=True) and _near(earlier[0], f, w):
                yield Restatement(earlier[0], f, f"the same {head.group(1).lower()}")
            continue
        sense = _said_of(body, f, w)
        if sense is not None:
            said.setdefault(sense, []).append(f)


def _said_again(body: str, start: int, end: int, sense: int, w: dict) -> bool:
    """The participle said again between the count and the reference, of someone uncounted: 'A
    third man was charged', 'Police also charged a woman': the group may have grown."""
    return bool(w["sense_words"][sense].search(body, start, end))


def _said_of(body: str, f: Figure, w: dict) -> int | None:
    """The sense of the participle said of a count: 'Three men were charged' -> charged's."""
    noun = set((f.counted or "").lower().split())
    clause = regex.split(r"[,.;:()!?\"“”]", body[f.end:f.end + 60], maxsplit=1)[0]
    for word in (x.lower() for x in _WORD.findall(clause)[:6]):
        if word in w["sense"]:
            return w["sense"][word]
        if word not in noun and word not in w["fillers"]:
            return None
    return None


def _near(earlier: Figure, f: Figure, w: dict) -> bool:
    """Two counts close enough to be one mistyped (any two small ones are), in one time."""
    if _other_time(earlier, f):
        return False
    # Any two small counts are near; two small sums of money ('$4' and '$9') are not.
    small = earlier.kind == f.kind and f.kind in ("count", "duration") and max(earlier.value, f.value) <= w["small"]
    return small or abs(earlier.value - f.value) <= w["close"] * max(earlier.value, f.value)


def _other_time(earlier: Figure, f: Figure) -> bool:
    """Both figures have a time and it is not the same: 'On Sunday' opening a sentence is 'on Sunday'."""
    return bool(f.when and earlier.when and f.when.lower() != earlier.when.lower())


def _seeds(body: str, figures: list[Figure], w: dict) -> Iterator[Restatement]:
    """'sixth-seeded Italian Filippo Volandri' ... 'seventh seed Filippo Volandri': a player has
    one seed in a tournament. The player is the name after the seed, given in full (a first name
    before it): 'the second seed Spaniard' may be two Spaniards."""
    seen: dict[str, Figure] = {}
    for f in figures:
        name = f.counted or ""
        if f.kind != "ordinal" or not name[:1].isupper() or not w["seed"].match(body[f.end:f.end + 8]):
            continue
        at = body.find(name, f.end, f.end + 60)
        given = _WORD.findall(body[f.end:at]) if at > 0 else []
        if not given or not given[-1][:1].isupper():
            continue
        earlier = seen.setdefault(name, f)
        if earlier is not f and earlier.sentence != f.sentence:
            yield Restatement(earlier, f, f"the seed of {name}")


def _named_again(body: str, figures: list[Figure], w: dict) -> Iterator[Restatement]:
    """'The figure of 5.126 million people' names the last figure of its kind and unit again."""
    for i, f in enumerate(figures):
        if not w["named_again"].search(body[max(0, f.start - 20):f.start]):
            continue
        earlier = next((e for e in reversed(figures[:i]) if e.kind == f.kind and e.unit == f.unit
                        and e.sentence in (f.sentence - 1, f.sentence - 2)), None)
        if earlier is not None:
            yield Restatement(earlier, f, "the figure named again")


_MIN_SKELETON = 60   # characters a repeated sentence needs to be more than a stock phrase


def _repeated_sentences(body: str, figures: list[Figure], starts: tuple[int, ...], ends: tuple[int, ...]) -> Iterator[Restatement]:
    """A sentence printed twice (wire copy repeats its lead) with one figure changed: the same
    words around it say it is the same quantity."""
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    # A sentence can be a repeat only of one as long with as many figures: the skeletons are
    # built for those alone, most articles having none.
    sizes: dict[tuple[int, int], int] = {}
    for s, figs in by_sentence.items():
        key = (len(figs), ends[s] - starts[s] - sum(f.end - f.start for f in figs))
        sizes[key] = sizes.get(key, 0) + 1
    seen: dict[str, list[Figure]] = {}
    for s, figs in by_sentence.items():
        if sizes[(len(figs), ends[s] - starts[s] - sum(f.end - f.start for f in figs))] < 2:
            continue
        text, pos, parts = body, starts[s], []
        for f in figs:
            parts.append(text[pos:f.start])
            pos = f.end
        parts.append(text[pos:ends[s]])
        skeleton = "#".join(" ".join(p.split()) for p in parts)
        if len(skeleton) < _MIN_SKELETON:
            continue
        first = seen.setdefault(skeleton, figs)
        if first is not figs:
            for a, b in zip(first, figs, strict=True):
                yield Restatement(a, b, "the same sentence, repeated")


def _definite(body: str, figures: list[Figure], sentence_starts: tuple[int, ...], w: dict) -> Iterator[Restatement]:
    last: dict[tuple[str, str], Figure] = {}
    for f in figures:
        # "the 70s": a decade. A sum of money is pointed back at the same way: "a £300m fund" ...
        # "the £300m fund".
        if f.kind not in ("count", "money") or f.noun is None or len(f.noun) < 3 or f.bound.value != "exact":
            continue
        earlier, last[f.kind, f.noun] = last.get((f.kind, f.noun)), f
        # A definite count smaller than the group may be part of it ("four men" ... "the two men");
        # a larger one cannot be the group: that is the slip.
        if earlier is None or earlier.sentence == f.sentence or earlier.unit != f.unit or f.value < earlier.value:
            continue
        if "-" in f.text or "-" in earlier.text or _narrower(body, earlier, f, sentence_starts, w):
            continue
        floor = sentence_starts[f.sentence]
        lead = w["lead"].search(body[max(floor, f.start - 16):f.start])
        opens = " ".join(body[floor:f.start].lower().split()) in w["lead_words"]
        if not lead or not _same_group(body, earlier, f, w, opens):
            continue
        if _near(earlier, f, w):
            yield Restatement(earlier, f, f"the same {f.counted or f.noun}")


def _narrower(body: str, earlier: Figure, f: Figure, sentence_starts: tuple[int, ...], w: dict) -> bool:
    """The later count names a narrower group: a word before its noun the earlier had not, other
    than the participle said of the earlier ('Two people were hurt' ... 'the three injured people'),
    unless that is said again between ('a third person was hurt')."""
    extra = _modifiers(body, f) - _modifiers(body, earlier)
    if not extra:
        return False
    sense = _said_of(body, earlier, w)
    if sense is None or any(w["sense"].get(x) != sense for x in extra):
        return True
    return _said_again(body, sentence_starts[earlier.sentence + 1], f.start, sense, w)


def _modifiers(body: str, f: Figure) -> set[str]:
    """Words between a count and its noun: 'the three group winners' names a narrower group."""
    words = [x.lower() for x in _WORD.findall(body[f.end:f.end + 60])]
    noun = (f.counted or "").lower().split()
    if not noun or noun[-1] not in words:
        return set()
    return set(words[:words.index(noun[-1])]) - set(noun)


def _after_noun(body: str, f: Figure) -> str:
    """The word after a count's noun: 'from' in 'four bone tools from Abri Peyrony'."""
    words = [x.lower() for x in _WORD.findall(body[f.end:f.end + 60].split(".")[0])]
    noun = (f.counted or "").lower().split()
    at = words.index(noun[-1]) + 1 if noun and noun[-1] in words else 1
    return words[at] if at < len(words) else ""


def _same_group(body: str, earlier: Figure, f: Figure, w: dict, opens: bool) -> bool:
    """Nothing in the words makes the later count another group than the earlier."""
    after = _WORD.findall(body[f.end:f.end + 40].split(".")[0])
    # "the 21 people charged", "the 145 passengers who survived", "the 30 workers remaining"
    nxt = after[1].lower() if len(after) > 1 else ""
    if nxt in w["narrowing"] or nxt.endswith("ing") or (nxt.endswith("ed") and not opens):
        return False
    for x in (earlier, f):
        if w["increment_before"].search(body[max(0, x.start - 20):x.start]) or w["increment_after"].match(body[x.end:x.end + 20]):
            return False
    if w["joined"].search(body[max(0, earlier.start - 12):earlier.start]):
        return False
    # "All four bone tools from Abri Peyrony" ... "these five bone tools": the earlier count was
    # itself a narrowed part, not the group pointed at again. A count with no noun ("Three were
    # charged") has no word after its noun: the participle said of it is not one.
    if (earlier.counted or earlier.kind != "count") and _after_noun(body, earlier) in w["narrowing"]:
        return False
    # An update word beside either figure ("the toll rose to"); the paragraphs between may say
    # "now" or "another" of anything else.
    near = body[earlier.end:earlier.end + 60].split(".")[0] + " " + body[max(0, f.start - 60):f.start].split(".")[-1]
    return not w["updates"].search(near)


def _plain(body: str, earlier: Figure, f: Figure, w: dict) -> bool:
    """Nothing beside either figure makes them two: no increment ('another 12'), the earlier not
    one joined to others ('Prince Co and three companies'), no update word, one time, close values."""
    for x in (earlier, f):
        if w["increment_before"].search(body[max(0, x.start - 20):x.start]) or w["increment_after"].match(body[x.end:x.end + 20]):
            return False
    if w["joined"].search(body[max(0, earlier.start - 12):earlier.start]):
        return False
    near = body[earlier.end:earlier.end + 60].split(".")[0] + " " + body[max(0, f.start - 60):f.start].split(".")[-1]
    return not w["updates"].search(near) and _near(earlier, f, w)


def _bare_definite(body: str, figures: list[Figure], sentence_starts: tuple[int, ...], w: dict) -> Iterator[Restatement]:
    """'either free or charge 12 detainees' ... 'the 12 were being held': a definite count with no
    noun, the subject of the verb after it, stands for the count given right before it, in the
    sentence before. Any figure between ('Two men were held. A third man was ... All three') may
    have grown the group; a count in a list ('three girls and a boy') is only a part of it; a
    smaller count may be a part too ('the two were freed')."""
    for earlier, f in itertools.pairwise(figures):
        if f.kind != "count" or earlier.kind != "count" or f.counted or not earlier.counted \
                or earlier.sentence != f.sentence - 1 or f.value < earlier.value:
            continue
        if f.bound.value != "exact" or earlier.bound.value != "exact" or _after_noun(body, earlier) in w["joined_words"]:
            continue
        floor = sentence_starts[f.sentence]
        if w["lead"].search(body[max(floor, f.start - 16):f.start]) and w["bare_verb"].match(body[f.end:f.end + 20]) \
                and _plain(body, earlier, f, w):
            yield Restatement(earlier, f, f"the same {earlier.counted}")


def _stem(word: str) -> str:
    """'received' and 'receive' alike: enough of a verb to say two mentions use the same one."""
    word = word.lower()
    for end in ("ing", "ed", "es", "s", "e"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[:-len(end)]
    return word


def _relative_verb(body: str, figures: list[Figure], sentence_starts: tuple[int, ...], w: dict) -> Iterator[Restatement]:
    """'China lent Russia $6bn' ... 'the $6bn which VEB lent': a definite figure with no noun and a
    clause after it saying what was done to it is the last figure of its kind and unit that verb
    was said of, in an earlier sentence."""
    for i, f in enumerate(figures):
        if f.kind not in ("count", "money") or f.counted or f.bound.value != "exact" \
                or not w["relative"].match(body[f.end:f.end + 8]):
            continue
        floor = sentence_starts[f.sentence]
        if not w["lead"].search(body[max(floor, f.start - 16):f.start]):
            continue
        clause = regex.split(r"[,.;:()!?\"“”]", body[f.end:f.end + 80], maxsplit=1)[0]
        stems = {_stem(x) for x in _WORD.findall(clause)[1:7]}
        earlier = next((e for e in reversed(figures[:i]) if e.sentence < f.sentence and e.kind == f.kind
                        and e.unit == f.unit and _stem(_verb_of(body, e, sentence_starts).split(" ")[0]) in stems), None)
        if earlier is not None and earlier.bound.value == "exact" and _plain(body, earlier, f, w):
            yield Restatement(earlier, f, f"the same sum {_verb_of(body, earlier, sentence_starts)}")


def _verb_of(body: str, f: Figure, sentence_starts: tuple[int, ...]) -> str:
    """The verb said of a figure, read in its sentence ('lent' in 'China lent Russia $6bn'), or ''."""
    start = sentence_starts[f.sentence]
    end = sentence_starts[f.sentence + 1] if f.sentence + 1 < len(sentence_starts) else len(body)
    return f.verb or context.verb(body, f.start, f.end, start, end, f.counted) or ""


def _group_size(body: str, figures: list[Figure], w: dict) -> Iterator[Restatement]:
    """'the enlarged 25-state EU' ... 'all 25 current EU members': a group named with its size has
    that many members, however the size is said again: the members counted with the group's name
    beside them, and no word that makes them a part ('the 10 new EU members')."""
    seen: dict[str, Figure] = {}
    for f in figures:
        if f.kind != "count" or f.bound.value != "exact":
            continue
        name = _sized_name(body, f, w) or _members_name(body, f, w)
        if not name:
            continue
        earlier, seen[name] = seen.get(name), f
        if earlier is not None and earlier.sentence != f.sentence and not _other_time(earlier, f) and _near(earlier, f, w):
            yield Restatement(earlier, f, f"the size of the {name}")


_NAME = r"(\p{Lu}[\p{L}.]*\p{L}|\p{Lu})"


def _sized_name(body: str, f: Figure, w: dict) -> str | None:
    """'the 25-state EU' -> 'EU': the name a size is written before."""
    if not w["group_size"].match(f.text):
        return None
    m = regex.match(rf"\s+{_NAME}(?![\p{{L}}'’])", body[f.end:f.end + 30])
    return m.group(1) if m else None


def _members_name(body: str, f: Figure, w: dict) -> str | None:
    """'all 25 current EU members', 'the EU's 25 members', '25 members of the EU' -> 'EU'."""
    if f.noun not in w["member_nouns"]:
        return None
    words = _WORD.findall(body[f.end:f.end + 60])
    noun = (f.counted or "").split()
    if not noun or noun[-1] not in words or len(f.text.split()) > 1:
        return None
    between = words[:words.index(noun[-1])]
    names = [x for x in between if x[:1].isupper()]
    if len(names) == 1 and all(x == names[0] or x.lower() in w["whole_group"] for x in between):
        return names[0]
    if between:
        return None
    before = regex.search(rf"{_NAME}['’]s\s+$", body[max(0, f.start - 30):f.start])
    after = regex.match(rf"\s+{regex.escape(noun[-1])}\s+of\s+(?:the\s+){_NAME}(?![\p{{L}}'’])", body[f.end:f.end + 60])
    return (before or after).group(1) if (before or after) else None


def _ago(body: str, figures: list[Figure], sentence_starts: tuple[int, ...], w: dict) -> Iterator[Restatement]:
    """'England A beat France 30-20 10 days ago' ... 'when England A beat France A 30-20 nine days
    ago': a time in the past dates the event its verb names; the same verb in the clause of a later
    one, in its unit, dates the same event."""
    ago = [f for f in figures if f.kind == "duration" and f.unit and w["ago"].match(body[f.end:f.end + 8])]
    for i, f in enumerate(ago):
        clause = regex.split(r"[,;:()!?\"“”]", body[sentence_starts[f.sentence]:f.start])[-1]
        stems = {_stem(x) for x in _WORD.findall(clause)}
        earlier = next((e for e in reversed(ago[:i]) if e.sentence != f.sentence and e.unit == f.unit
                        and _verb_of(body, e, sentence_starts) and _stem(_verb_of(body, e, sentence_starts).split(" ")[0]) in stems), None)
        # No update word is looked for: a time in the past is not revised as a toll is, and 'he
        # added' after the first is only speech.
        if earlier is not None and earlier.bound == f.bound and _near(earlier, f, w):
            yield Restatement(earlier, f, f"the time since it {_verb_of(body, earlier, sentence_starts)}")
