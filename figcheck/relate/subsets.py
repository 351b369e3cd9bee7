"""Parts the text names of a whole: 'eight years of a five-year sentence', '22 of the 36
projects', '8,000 interviews, of which 8,700 ...', and across sentences 'eight murders' ...
'Nine of the murders were ...', '5,667 cases. Out of these, 6,846 ...'.

The partitive "A of (the) B" says A is a part of B whatever the words around it. The whole may
stand in the same sentence, or be named by its noun ("of the murders") or a pronoun ("of
these") and then be the last count of that noun, or the last count, before.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import MAX_FIGURES, Subset, shared_unit
from figcheck.relate.restate import SCHEMA

_KINDS = frozenset({"count", "money", "quantity", "duration"})


@functools.cache
def _cues() -> dict:
    data = lexicon.load_strict("restate", SCHEMA)["subset"]

    def alt(key: str) -> str:
        return alternation(data[key])

    det = alt("determiners")
    possessive = r"\p{Lu}[\p{L}.]*['’]s"
    return {
        # "A of the UK's B", "A of an eight-year B": only determiners and a possessive between.
        "of_whole": regex.compile(rf"^\s+(?:out\s+)?of\s+(?:(?:{det})\s+)?(?:{possessive}\s+)?$", regex.I),
        "of_which": regex.compile(r",\s*of\s+(?:which|whom)\s+(?:(?:only|just|some|about|more than|at least)\s+)?$", regex.I),
        # "Nine of the murders", "seven of those", "Out of these, 1,846 ..."
        "of_noun": regex.compile(r"^\s+of\s+(?:the|these|those|its|their)\s+(?P<noun>\p{L}+)", regex.I),
        "of_pronoun": regex.compile(rf"^\s+of\s+(?:{alt('pronouns')})\b", regex.I),
        # "Out of these, 1,846 ...", and as one article printed it, "Out these, ...".
        "lead_pronoun": regex.compile(rf"(?:^|\.\s+)(?:out\s+(?:of\s+)?|of\s+)(?:{alt('pronouns')}),?\s+$", regex.I),
        "needed": regex.compile(rf"^\s+(?:\w+\s+)?(?:are|is|were|was|be)\s+(?:{alt('required')})\b", regex.I),
        "measure_after": regex.compile(rf"^[\s-]*(?:{alt('measure_after')})\b", regex.I),
        "not_partitive": regex.compile(rf"^\s+of\s+(?:{alt('not_partitive')})\b", regex.I),
    }


def _counts(f: Figure, noun: str) -> bool:
    return (f.counted or "").lower().split()[-1:] == [noun]


def compatible(part: Figure, whole: Figure) -> tuple[Figure, Figure] | None:
    if part.kind not in _KINDS or whole.kind not in _KINDS or "range" in (part.bound.value, whole.bound.value):
        return None
    part, whole = shared_unit(part, whole)
    return (part, whole) if part.kind == whole.kind and part.unit == whole.unit else None


def find(body: str, figures: list[Figure], members: dict[int, list[int]], sentence_starts: tuple[int, ...]) -> list[Subset]:
    """Every part-of-a-whole the text states, at most one whole per part."""
    cues = _cues()
    out: dict[int, Subset] = {}
    # The last count of each noun in the sentences read so far: one look-up a part, however long
    # the article.
    last: dict[str, Figure] = {}
    for s, idx in sorted(members.items()):
        if len(idx) > MAX_FIGURES:
            continue
        figs = [figures[i] for i in idx]
        # A plain test a sentence: a part names its whole with "of" or a pronoun.
        text = body[sentence_starts[s]:figs[-1].end + 40].lower()
        if " of " in text or "these" in text or "those" in text:
            for sub in _within(cues, body, figs):
                out.setdefault(sub.part.start, sub)
            for sub in _across(cues, body, figures, members, s, sentence_starts[s], last):
                out.setdefault(sub.part.start, sub)
        for f in figs:
            if f.counted:
                last[f.counted.lower().split()[-1]] = f
    for sub in _out_of(figures):
        out.setdefault(sub.part.start, sub)
    return list(out.values())


_OUT_OF = regex.compile(r"(\d[\d,]*)\s+(?:out\s+of|in)\s+(\d[\d,]*)$")


def _out_of(figures: list[Figure]) -> Iterator[Subset]:
    """'39 out of 30 charges': the extractor reads a ratio as one figure; its two numbers are a
    part and its whole."""
    for f in figures:
        m = _OUT_OF.search(f.text) if f.kind == "fraction" else None
        if m is None:
            continue
        part, whole = (_number_at(f, m, g) for g in (1, 2))
        yield Subset(part, whole, "out of")


def _number_at(f: Figure, m: regex.Match, group: int) -> Figure:
    value = float(m.group(group).replace(",", ""))
    start = f.start + m.start(group)
    return Figure(m.group(group), start, start + len(m.group(group)), value, value, value, sentence=f.sentence,
                  paragraph=f.paragraph)


def _within(cues: dict, body: str, figs: list[Figure]) -> Iterator[Subset]:
    for a, b in itertools.pairwise(figs):
        gap = body[a.end:b.start]
        if cues["of_whole"].match(gap) and not cues["measure_after"].match(body[b.end:b.end + 12]):
            pair = compatible(a, b)
            if pair:
                yield Subset(pair[0], pair[1], "of")
        # "two polls, of which four are needed": a requirement, not a part.
        elif cues["of_which"].search(body[a.end:b.start]) and len(gap) < 80 and not cues["needed"].match(body[b.end:b.end + 30]):
            pair = compatible(b, a)
            if pair:
                yield Subset(pair[0], pair[1], "of which")


def _across(cues: dict, body: str, figures: list[Figure], members: dict[int, list[int]], s: int,
            floor: int, last: dict[str, Figure]) -> Iterator[Subset]:
    """A part in this sentence whose whole is named by its noun or a pronoun: the last count of
    that noun, or the last count, in the sentences before (or earlier in this one)."""
    here = [figures[i] for i in members.get(s, [])]
    earlier: list[Figure] | None = None   # made only for a part that names its whole
    for j, part in enumerate(here):
        after = body[part.end:part.end + 40]
        lead = body[max(floor, part.start - 30):part.start].lower()
        # A plain test first: a part names its whole with "of" right after it or a pronoun before it.
        if not after[:6].lower().lstrip().startswith("of ") and "these" not in lead and "those" not in lead:
            continue
        if cues["not_partitive"].match(after):
            continue
        if earlier is None:
            earlier = [figures[i] for k in (s - 2, s - 1) for i in members.get(k, [])][-MAX_FIGURES:]
        before = earlier + here[:j]
        whole, cue = None, "of these"
        if cues["of_pronoun"].match(after) or cues["lead_pronoun"].search(body[max(floor, part.start - 30):part.start]):
            whole = next((f for f in reversed(before) if compatible(part, f)), None)
        elif m := cues["of_noun"].match(after):
            # Named by its noun, the whole may be anywhere before: the last count of that noun.
            noun, cue = m.group("noun").lower(), "of the " + m.group("noun")
            whole = next((f for f in reversed(here[:j]) if _counts(f, noun)), None) or last.get(noun)
        # "if one GameBoy can make music, ... six of them": a kind of thing, not a group of one.
        pair = compatible(part, whole) if whole and whole.value > 1 else None
        if pair:
            yield Subset(pair[0], pair[1], cue)
