"""The figures of one article, masked into their sentences, and the frames that group them.

A frame is a pattern over a sentence in which every figure stands as a token `«K:i»`
(K is the figure's kind letter, i its index), so "45 of the 150 nurses, or 40%" reads
"«N:0» of the «N:1» nurses, or «P:2»" and one data-file pattern finds whole, part and share.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import regex

from figcheck import lexicon
from figcheck.extract import extract_with_layout
from figcheck.extract.dates import parse_published
from figcheck.extract.patterns import alternation
from figcheck.extract.text import Layout, folded
from figcheck.model import Figure
from figcheck.relate import (
    breakdowns,
    changes,
    comparisons,
    days,
    differences,
    people,
    polls,
    products,
    proportions,
    restate,
    stakes,
    subsets,
    terms,
    zones,
)
from figcheck.relate.candidates import (
    MAX_FIGURES,
    AgeBirth,
    Breakdown,
    Change,
    DaySpan,
    Difference,
    Product,
    Proportion,
    Restatement,
    Shares,
    Subset,
    Term,
    ZonePair,
)

KIND_LETTER = {"count": "N", "money": "M", "quantity": "U", "percent": "P", "percentage_points": "Q",
               "year": "Y", "date": "D", "age": "A", "ordinal": "O", "duration": "T", "fraction": "F",
               "multiplier": "X"}

MAX_SENTENCE = 3000    # characters in one sentence that frames still read
_MACRO = regex.compile(r"(?<!\\[pP])\{([A-Z]+|_|__|list|plist)(?::(\w+))?\}")
_TOKEN = regex.compile(r"«[A-Z]:(\d+)»")
_TOKEN_KINDS = regex.compile(r"«\[[A-Z]+\]")   # a slot's kind letters in a frame, lower-cased for folded text


def expand(pattern: str) -> str:
    """Turn a frame's macros into regex: {N:whole}, {NMU:part}, {_}, {__}, {list:parts}."""
    def sub(m: regex.Match) -> str:
        macro, name = m.group(1), m.group(2)
        if macro == "_":
            return r"[^«»]{0,50}?"
        if macro == "__":
            return r"[^«»]{0,140}?"
        if macro in ("list", "plist"):
            letters = "NM" if macro == "list" else "P"
            item = rf"«[{letters}]:\d+»"
            # Shares often stand in brackets: "health (45%), education (35%) and defence (30%)".
            gap = r"[^«»;:.–—]{0,50}?" if macro == "plist" else r"[^«»;:.()–—]{0,50}?"
            # A breakdown names a handful of parts; the bound keeps a run of figures linear.
            body = rf"{item}(?:{gap}(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[^«»;:.,]{{0,30}}?{item}){{1,15}}"
            return f"(?P<{name}>{body})" if name else f"(?:{body})"
        inner = rf"«[{macro}]:(\d+)»" if not name else rf"«[{macro}]:(?P<{name}>\d+)»"
        return inner
    return _MACRO.sub(sub, pattern)


# A figure slot ({N:whole}) or a named list ({list:parts}: two figures or more) as expanded.
_SLOT = regex.compile(r"\(\?P<(\w+)>«\[([A-Z]+)\]|«\[([A-Z]+)\]:\(\?P<(\w+)>")
_BIT = {letter: 1 << i for i, letter in enumerate(sorted(set(KIND_LETTER.values())))}


def _mask(letters: str) -> int:
    """Kind letters as bits, so that a sentence's kinds and a slot's are compared with one '&'."""
    return sum(_BIT[c] for c in set(letters))


def _needs(pattern: str) -> tuple[int, ...]:
    """The kinds (as bits) of the figures every match of an expanded frame holds, one entry a
    figure: a sentence with fewer figures, or without their kinds, cannot match.

    Only slots outside optional groups and alternatives count ("(?:in {YD:marked})?" may be
    absent), and a slot named twice ("to {new} from {old}|from {old} to {new}") is one figure.
    """
    loose = _loose_spans(pattern)
    slots: dict[str, tuple[int, int]] = {}
    for m in _SLOT.finditer(pattern):
        if any(a < m.start() < b for a, b in loose):
            continue
        list_name, list_kinds, kinds, name = m.groups()
        slots[name or list_name] = (_mask(kinds), 1) if name else (_mask(list_kinds), 2)
    return tuple(sorted(mask for mask, figures in slots.values() for _ in range(figures)))


def _loose_spans(pattern: str) -> list[tuple[int, int]]:
    """Spans of the groups a match may skip: quantified by ?, * or {0,...}, or holding a '|'."""
    spans, stack, i = [], [[0, False]], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":  # a class: its brackets and bars are literal
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += pattern[i:i + 1] == "]"
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            stack.append([i, False])
        elif c == "|":
            stack[-1][1] = True
        elif c == ")":
            start, alternatives = stack.pop()
            if alternatives or pattern[i + 1:i + 2] in ("?", "*") or pattern.startswith("{0", i + 1):
                spans.append((start, i))
        i += 1
    if stack[0][1]:
        spans.append((-1, len(pattern)))
    return spans


class Written:
    """A frame's match in a folded sentence, read in the sentence as written: the two have the
    same length and the same tokens, so each group's span picks out the words as written."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: regex.Match, text: str) -> None:
        self._match, self._text = match, text

    def group(self, name: int | str = 0) -> str | None:
        start, end = self._match.span(name)
        return None if start < 0 else self._text[start:end]

    def groupdict(self) -> dict[str, str | None]:
        return {name: self.group(name) for name in self._match.groupdict()}

    def span(self, name: int | str = 0) -> tuple[int, int]:
        return self._match.span(name)


Match = regex.Match | Written


class Frame:
    """One frame: compiled on first use, since most articles never offer a sentence it could match."""

    __slots__ = ("_compiled", "_folded", "extra", "memo", "needs", "source")

    def __init__(self, source: str, extra: dict[str, Any]) -> None:
        self.source, self.extra, self.needs = source, extra, _needs(source)
        self._compiled: regex.Pattern | None = None
        self._folded: regex.Pattern | None = None
        self.memo: dict[int, bool] = {}

    def fits(self, letters: int) -> bool:
        """Whether a sentence with these kinds (as bits) has a figure for each slot's kinds;
        remembered in `memo`, since sentences show few distinct sets of kinds."""
        ok = self.memo.get(letters)
        if ok is None:
            ok = self.memo[letters] = all(letters & need for need in set(self.needs))
        return ok

    @property
    def pattern(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.source, regex.I)
        return self._compiled

    @property
    def folded(self) -> regex.Pattern:
        """The pattern, case-sensitive, for a sentence in lower case (tokens «n:0» included)."""
        if self._folded is None:
            self._folded = regex.compile(_TOKEN_KINDS.sub(lambda m: m.group().lower(), self.source))
        return self._folded


@functools.cache
def _frame_words() -> dict[str, str]:
    """The word lists frames name ({DIRS}, {MULTS}...) as patterns, written once for all frames."""
    return {name: f"(?:{alternation(words)})" for name, words in lexicon.load("frames")["words"].items()}


@functools.cache
def frames(kind: str) -> tuple[Frame, ...]:
    """The compiled frames of a kind, from lexicon/frames.toml, with their extra keys."""
    data = lexicon.load("frames")
    out = []
    for entry in data.get(kind, []):
        extra = {k: v for k, v in entry.items() if k != "pattern"}
        pattern = entry["pattern"]
        for name, words in _frame_words().items():
            pattern = pattern.replace("{" + name + "}", words)
        out.append(Frame(expand(pattern), extra))
    return tuple(out)


@dataclass
class Doc:
    """One article ready for the rules: its figures, sentences and publication date."""

    body: str
    figures: list[Figure]
    layout: Layout
    published: float | None = None
    masked: dict[int, str] = field(default_factory=dict)    # each busy sentence with its figures as tokens
    cache: dict[str, Any] = field(default_factory=dict)
    checked: set[int] = field(default_factory=set)   # figures some frame related: the coverage
    held: list[dict[str, Any]] = field(default_factory=list)  # checks that held: kind, code, working, figures
    busy: list[int] = field(default_factory=list)     # sentences with two figures or more
    letters: dict[int, int] = field(default_factory=dict)  # the kinds in each busy sentence, as bits
    tokens: dict[int, int] = field(default_factory=dict)   # the figure tokens in each busy sentence
    folded: dict[int, str | None] = field(default_factory=dict)  # each busy sentence folded, as frames read it
    shapes: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, tokens, kinds) of the busy ones
    members: dict[int, list[int]] = field(default_factory=dict)  # the figures of each sentence, by index

    def prepare(self) -> Doc:
        """Mask each sentence's figures into tokens, and note which sentences frames can match."""
        body, figures, lay = self.body, self.figures, self.layout
        by_sentence: dict[int, list[int]] = {}
        for i, f in enumerate(figures):
            by_sentence.setdefault(f.sentence, []).append(i)
        self.members = by_sentence
        # A "sentence" of more than MAX_FIGURES figures is a table or a list, not prose that
        # relates its figures: frames skip it, which keeps adversarial text linear.
        self.busy = sorted(s for s, members in by_sentence.items() if 2 <= len(members) <= MAX_FIGURES
                           and lay.sentence_ends[s] - lay.sentence_starts[s] <= MAX_SENTENCE)
        for s in self.busy:  # only frames read masks, and only in these sentences
            start, end = lay.sentence_starts[s], lay.sentence_ends[s]
            parts, pos = [], start
            for i in by_sentence[s]:
                f = figures[i]
                if f.start < pos:
                    continue
                parts.append(body[pos:f.start])
                parts.append(f"«{KIND_LETTER.get(f.kind, 'N')}:{i}»")
                pos = f.end
            self.tokens[s] = len(parts) // 2
            parts.append(body[pos:max(end, pos)])
            self.masked[s] = "".join(parts)
        self.letters = {s: _mask("".join(KIND_LETTER.get(figures[i].kind, "N") for i in by_sentence[s])) for s in self.busy}
        self.folded = {s: folded(self.masked[s]) for s in self.busy}
        self.shapes = [(s, self.tokens[s], self.letters[s]) for s in self.busy]
        return self

    def changes(self) -> list[Change]:
        """Every change the text states (relate/changes.py), found once an article."""
        return self._once("changes", lambda: changes.find(self.body, self.figures, self.members, self.layout.sentence_starts))

    def comparisons(self) -> list[Change]:
        """'A, below B' (relate/comparisons.py): a change from B to A, found once an article."""
        return self._once("comparisons", lambda: comparisons.find(self.body, self.figures, self.members))

    def differences(self) -> list[Difference]:
        """'A, D less than B' (relate/differences.py), found once an article."""
        return self._once("differences", lambda: differences.find(self.body, self.figures, self.members))

    def terms(self) -> list[Term]:
        """'a 20-year note ... matures on November 15, 2004' (relate/terms.py), found once an article."""
        return self._once("terms", lambda: terms.find(self.body, self.figures, self.members))

    def day_spans(self) -> list[DaySpan]:
        """'on 27-28 November ... three weeks later on 11 December' (relate/days.py): the
        day_span frames' matches, read as calendar days."""
        return self._once("day_spans", lambda: list(days.find(self.body, self.figures, [
            (self.fig(m, "first"), self.fig(m, "second"), self.fig(m, "gap")) for _s, m, _x in self.matches("day_span")])))

    def products(self) -> list[Product]:
        """Count × each = total (relate/products.py): the product frames' matches, typed."""
        return self._once("products", lambda: products.find(
            ({g: self.fig(m, g) for g in products.SLOTS}, m.groupdict(), extra) for _s, m, extra in self.matches("product")))

    def zone_pairs(self) -> list[ZonePair]:
        """'0630 BST (0530 GMT)' (relate/zones.py), found once an article."""
        return self._once("zones", lambda: zones.find(self.body, self.layout.sentence_at, self.layout.sentence_starts,
                                                        self.published))

    def proportions(self) -> list[Proportion]:
        """'A majority of voters (48%)' (relate/proportions.py), found once an article."""
        return self._once("proportions", lambda: proportions.find(self.body, self.figures))

    def shares(self) -> list[Shares]:
        """'53% said yes, with 40% saying they did not' (relate/polls.py) and owners' stakes in one
        company (relate/stakes.py), found once an article."""
        return self._once("shares", lambda: polls.find(self.body, self.figures, self.members)
                          + stakes.find(self.body, self.figures, self.members))

    def births(self) -> list[AgeBirth]:
        """A person's age beside their birth year given in another sentence (relate/people.py)."""
        return self._once("births", lambda: people.births(self.body, self.figures, self.layout.sentence_starts,
                                                          self._ages()))

    def subsets(self) -> list[Subset]:
        """Parts the text names of a whole (relate/subsets.py), found once an article."""
        return self._once("subsets", lambda: subsets.find(self.body, self.figures, self.members, self.layout.sentence_starts))

    def breakdowns(self) -> list[Breakdown]:
        """A total and its parts one a sentence after it (relate/breakdowns.py), found once an article."""
        lay = self.layout
        return self._once("breakdowns", lambda: breakdowns.find(self.body, self.figures, self.members, lay.sentence_starts,
                                                                lay.paragraph_of_sentence, self.changes(), self.published))

    def restatements(self) -> list[Restatement]:
        """Figures the text gives twice for one quantity: one person's ages (relate/people.py), a
        count referred back to (relate/restate.py). Found once an article."""
        starts = self.layout.sentence_starts
        return self._once("restatements", lambda: people.find(self._ages())
                          + restate.find(self.body, self.figures, starts, self.layout.sentence_ends))

    def _ages(self) -> dict[str, list[Figure]]:
        """Each person's ages (relate/people.py): restatements and births both read them."""
        return self._once("ages", lambda: people.ages(self.body, self.figures, self.layout.sentence_starts))

    def _once(self, key: str, make: Callable[[], Any]) -> Any:
        """A relation finder's candidates, found once an article: several rules read them."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def sentence_text(self, s: int) -> str:
        return self.body[self.layout.sentence_starts[s]:self.layout.sentence_ends[s]]

    def matches(self, kind: str) -> list[tuple[int, Match, dict[str, Any]]]:
        """(sentence, match, frame extras) for every frame of `kind` in every sentence.

        Found once a kind: the rules sharing a kind (FC101, FC102, FC103...) share the matches.
        """
        key = "frames:" + kind
        if not self.busy:
            return []
        if key not in self.cache:
            found = []
            for frame in frames(kind):
                for s in self._fitting(frame):
                    # The folded copy is searched a third faster; its matches read their words
                    # from the sentence as written.
                    text = self.folded[s]
                    found_here = frame.pattern.finditer(self.masked[s]) if text is None else \
                        [Written(m, self.masked[s]) for m in frame.folded.finditer(text)]
                    for m in found_here:
                        self.checked.update(int(i) for i in _TOKEN.findall(m.group()))
                        found.append((s, m, frame.extra))
            self.cache[key] = found
        return self.cache[key]

    def _fitting(self, frame: Frame) -> list[int]:
        """The sentences with as many figures as the frame's slots and a figure of each kind."""
        n, memo = len(frame.needs), frame.memo
        # Called for every frame of every article with a busy sentence: kept to one loop with
        # the remembered answer inline, as a method call a sentence cost a third of the time.
        return [s for s, tokens, bits in self.shapes
                if tokens >= n and (memo[bits] if bits in memo else frame.fits(bits))]

    def fig(self, m: Match, group: str) -> Figure | None:
        value = m.group(group) if group in m.groupdict() else None
        return self.figures[int(value)] if value is not None else None

    def figs_in(self, m: Match, group: str) -> list[Figure]:
        text = m.group(group)
        return [self.figures[int(i)] for i in _TOKEN.findall(text)] if text else []


def document(body: str, published: str | None = None, verbs: bool = False) -> Doc:
    """Extract and mask one article; `verbs` reads every figure's verb (the rules need none)."""
    figures, lay = extract_with_layout(body, verbs)
    return Doc(body, figures, lay, parse_published(published)).prepare()
