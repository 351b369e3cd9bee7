"""Parts against their whole: shot down + decoys against launched."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.kinds.base import Hit, Kind, fmt, held, rounding_slack, total, unique
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.candidates import Difference


@dataclass(frozen=True)
class Params:
    # exceeds: parts add up to more than the whole; short: a breakdown presented as complete
    # falls short; remainder: an open breakdown leaves some unaccounted for (info); difference:
    # "A, D less than B" where A − B is not ±D (relate/differences.py).
    compare: Literal["exceeds", "short", "remainder", "difference"]
    # within: whole and parts in one sentence; across: parts in the sentences after the whole
    where: Literal["within", "across", "both"] = "within"
    min_parts: int = 2


@dataclass(frozen=True)
class Group:
    whole: Figure
    parts: tuple[Figure, ...]
    complete: bool
    across: bool


@functools.cache
def _group_nouns() -> frozenset[str]:
    return frozenset(lexicon.load("groups")["group_nouns"])


def _is_group(f: Figure) -> bool:
    """A noun that splits a group: 'women', 'civilians', or a people named in the plural ('Britons')."""
    return f.noun in _group_nouns() or bool(f.counted and f.counted[:1].isupper() and f.counted.endswith("s"))


@functools.cache
def _remainder_pattern() -> regex.Pattern:
    words = lexicon.load("groups")["remainder"]
    return regex.compile(rf"\b(?:{alternation(words)})\b[^.;:!?,]*", regex.I)


_LETTERS = regex.compile(r"\p{L}+")
# After a figure, words that make it refer back to a whole already named.
@functools.cache
def _anaphora() -> regex.Pattern:
    data = lexicon.load("groups")
    of, aux = alternation(data["refer_back_of"]), alternation(data["refer_back_aux"])
    return regex.compile(rf"\s+(?:of\s+(?:{of})\b|(?:\p{{L}}+\s+)?(?:{aux})\s+\p{{L}}+ed\b)", regex.I)


def groups(doc: Doc) -> list[Group]:
    """Every whole with its parts in the article, found once and shared by the rules."""
    if "sum" in doc.cache:
        return doc.cache["sum"]
    found: list[Group] = []
    seen: set[tuple[int, ...]] = set()
    for _s, m, extra in doc.matches("sum"):
        whole = doc.fig(m, "whole")
        parts = tuple(doc.figs_in(m, "parts"))
        if whole is None or not _compatible(whole, parts, extra.get("group_nouns", False)) or _overlapping(doc, parts):
            continue
        key = (whole.start, *(p.start for p in parts))
        if key not in seen:
            seen.add(key)
            complete = bool(extra.get("complete")) or _complementary(doc, parts)
            found.append(Group(whole, parts, complete, False))
    # A figure listed as a part is not also the whole of the parts listed after it.
    part_starts = {p.start for g in found for p in g.parts}
    found = [g for g in found if g.whole.start not in part_starts]
    in_frames = {f.start for g in found for f in (g.whole, *g.parts)}
    found.extend(_across(doc, in_frames))
    found.extend(_led(doc, in_frames | {f.start for g in found for f in (g.whole, *g.parts)}))
    found.extend(_released(doc, {f.start for g in found for f in (g.whole, *g.parts)}))
    doc.cache["sum"] = found
    return found


def _overlapping(doc: Doc, parts: tuple[Figure, ...]) -> bool:
    """'300 had a fever and 250 had a cough': parts named by what they have can overlap."""
    attributes = frozenset(lexicon.load("groups")["attributes"])
    firsts = [_LETTERS.findall(doc.body[p.end:p.end + 20].lower())[:1] for p in parts]
    return all(w and w[0] in attributes for w in firsts)


def _complementary(doc: Doc, parts: tuple[Figure, ...]) -> bool:
    """'388 passed and 142 failed', 'six women and five men': two parts that leave nothing over."""
    if len(parts) != 2:
        return False
    words = [_LETTERS.findall(doc.body[p.end:p.end + 30].lower())[:3] for p in parts]
    return any((a in words[0] and b in words[1]) or (b in words[0] and a in words[1]) for a, b in lexicon.load("groups")["complements"])


def _compatible(whole: Figure, parts: tuple[Figure, ...], group_nouns: bool) -> bool:
    if len(parts) < 2 or any(p.kind != whole.kind or p.unit != whole.unit for p in parts):
        return False
    # One part alone larger than the whole means these are not its parts ("a six-cylinder
    # engine - the 147, 156 and 166"); a subset named as such is the subset kind's to check.
    if any(p.low > whole.high for p in parts):
        return False
    if any(p.bound.value == "range" for p in (whole, *parts)):
        return False
    # Parts of a series over time are not parts of one whole: "310 in 2023 and 275 in 2024".
    whens = {p.when for p in parts if p.when}
    if len(whens) > 1:
        return False
    if group_nouns:
        # "1,150 drones, 1,400 bombs and 35 missiles" is a list; "twelve protesters, eight men
        # and seven women" a breakdown: only nouns that split a group make the second.
        nouns = _group_nouns()
        return whole.noun is not None and whole.noun not in nouns - {"person"} and all(
            p.noun is not None and (_is_group(p) or p.noun == whole.noun) for p in parts)
    # Parts that name another thing than the whole are a list, not a breakdown.
    return all(p.noun is None or p.noun == whole.noun or _is_group(p) or whole.noun is None for p in parts)


def _across(doc: Doc, taken: set[int]) -> Iterator[Group]:
    """A whole, then its parts in the next sentences: '267 drones ... 138 of the drones ... 119'."""
    figs = doc.figures
    # Where each sentence's figures end, so the parts are sought from the next sentence on.
    next_sentence = [0] * len(figs)
    k = len(figs)
    for i in range(len(figs) - 1, -1, -1):
        if i + 1 < len(figs) and figs[i + 1].sentence != figs[i].sentence:
            k = i + 1
        next_sentence[i] = k
    for i, whole in enumerate(figs):
        if whole.kind != "count" or not whole.noun or whole.start in taken or whole.bound.value not in ("exact", "about"):
            continue
        parts: list[Figure] = []
        indices = [i]
        start = next_sentence[i]
        for j, f in enumerate(figs[start:start + 400], start):
            if f.sentence > whole.sentence + 5 or f.paragraph > whole.paragraph + 1:
                break
            if f.kind != "count" or f.noun != whole.noun:
                continue
            if f.value >= whole.value or (f.when and whole.when and f.when.lower() != whole.when.lower()):
                break  # a new whole, or another time: the breakdown ends
            if f.bound.value != "exact" or f.start in taken or any(p.sentence == f.sentence for p in parts):
                continue
            if not _anaphora().match(doc.body, f.end):
                continue  # "eight nominations" is a new count; "138 of the drones" refers back
            parts.append(f)
            indices.append(j)
        if len(parts) >= 2:
            doc.checked.update(indices)
            yield Group(whole, tuple(parts), False, True)


@functools.cache
def _lead() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(lexicon.load('groups')['refer_back_lead'])})\b", regex.I)


def led(doc: Doc) -> list[tuple[Figure, tuple[Figure, ...]]]:
    """Each sentence led by words pointing back ('Of those,', 'Among them'): its exact figures,
    with the last counted figure of the sentence before as their whole. Shared by the sum kind
    (two parts or more) and the subset kind (one)."""
    if "led" not in doc.cache:
        lay, lead, by_sentence, found = doc.layout, _lead(), {}, []
        for f in doc.figures:
            by_sentence.setdefault(f.sentence, []).append(f)
        for s, figs in by_sentence.items():
            if not lead.match(doc.body, lay.sentence_starts[s]):  # anchored: cheap for every sentence
                continue
            before = [f for f in by_sentence.get(s - 1, []) if f.kind in ("count", "money", "quantity") and f.noun]
            parts = tuple(f for f in figs if f.bound.value == "exact")
            if before and parts and lay.paragraph_of_sentence[s] - lay.paragraph_of_sentence[s - 1] <= 1:
                found.append((before[-1], parts))
        doc.cache["led"] = found
    return doc.cache["led"]


def _led(doc: Doc, taken: set[int]) -> Iterator[Group]:
    """'2,450 people were displaced. Of those, 1,520 were in schools and 1,080 with relatives'."""
    for whole, figs in led(doc):
        parts = tuple(f for f in figs if f.kind == "count" and f.start not in taken)
        if (len(parts) >= 2 and whole.kind == "count" and whole.start not in taken and whole.bound.value in ("exact", "about")
                and _compatible(whole, parts, False) and not _overlapping(doc, parts)):
            yield Group(whole, parts, False, True)


def _released(doc: Doc, taken: set[int]) -> Iterator[Group]:
    """'a total 693,000' ... 'the figure for men 436,500' ... 'for women 256,500': a total broken
    down one part a sentence, along a line whose members the parts all name (relate/breakdowns.py).
    Parts that are only some of the total are the subset kind's."""
    for b in doc.breakdowns():
        if b.complete and b.whole.start not in taken and not any(p.start in taken for p in b.parts):
            doc.checked.update(i for i, f in enumerate(doc.figures) if f.start in {b.whole.start, *(p.start for p in b.parts)})
            yield Group(b.whole, b.parts, True, True)


def remainder_words(doc: Doc, group: Group) -> tuple[str, ...]:
    """Words near the group that may account for a remainder: 'several drones penetrated'."""
    first = group.whole.sentence
    last = max(p.sentence for p in group.parts) + 1
    out = []
    for s in range(first, min(last + 1, len(doc.layout.sentence_starts))):
        for m in _remainder_pattern().finditer(doc.sentence_text(s)):
            text = m.group().strip(" ,")
            if group.whole.noun is None or group.whole.noun in text.lower() or len(text) < 60:
                out.append(text[:80])
    return tuple(out)


def difference(candidates: Iterable[Difference]) -> Iterator[Hit]:
    """'£35bn - £1.5bn less than the £37.5bn': A − B against the stated difference, as ranges."""
    for c in candidates:
        a, d, b = c.a, c.delta, c.b
        low, high = a.low - b.high, a.high - b.low
        d_low, d_high = sorted((c.sign * d.low, c.sign * d.high))
        slack = rounding_slack((a, d, b))
        said = "more" if c.sign > 0 else "less"
        fields = {"whole": b.text, "parts": f"{a.text} and {d.text}", "parts_total": fmt(a.value - b.value),
                  "counted": a.counted or "", "remainder": fmt(abs(a.value - b.value))}
        if high + slack < d_low or low - slack > d_high:
            yield Hit((a, d, b), fields, f"{fmt(a.value)} − {fmt(b.value)} = {fmt(a.value - b.value)}, "
                                         f"not {said} by {fmt(d.value)}")
        else:
            yield held((a, d, b), f"{fmt(a.value)} − {fmt(b.value)} = {fmt(a.value - b.value)}: {d.text} {said}, as said")


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.compare == "difference":
        yield from difference(doc.differences())
        return
    for g in groups(doc):
        if (params.where != "both" and g.across != (params.where == "across")) or len(g.parts) < params.min_parts:
            continue
        value, low, high = total(g.parts)
        whole_high = g.whole.high  # "more than 100: 60 and 45" can be true
        slack = rounding_slack((g.whole, *g.parts))
        low, high = low - slack, high + slack
        terms = " + ".join(fmt(p.value) for p in g.parts)
        base = {"whole": g.whole.text, "parts": _names(g.parts), "parts_total": fmt(value),
                "counted": g.whole.counted or "", "remainder": fmt(abs(g.whole.value - value))}
        if params.compare == "exceeds":
            if low > whole_high:
                yield Hit(unique((g.whole, *g.parts)), base, f"{terms} = {fmt(value)} > {fmt(g.whole.value)}")
            elif high >= g.whole.low:
                yield held(unique((g.whole, *g.parts)), f"{terms} = {fmt(value)}, within {g.whole.text}")
        elif high < g.whole.low and (g.complete == (params.compare == "short")):
            context = remainder_words(doc, g) if params.compare == "remainder" else ()
            working = f"{fmt(g.whole.value)} − {' − '.join(fmt(p.value) for p in g.parts)} = {fmt(g.whole.value - value)}"
            working += " unaccounted for" if params.compare == "remainder" else f" ({terms} = {fmt(value)} < {fmt(g.whole.value)})"
            yield Hit(unique((g.whole, *g.parts)), base, working, context)


def _names(parts: tuple[Figure, ...]) -> str:
    texts = [p.text for p in parts]
    return ", ".join(texts[:-1]) + " and " + texts[-1] if len(texts) > 1 else texts[0]


KIND = Kind("sum", Params, check, ("whole", "parts", "parts_total", "remainder", "counted"))
