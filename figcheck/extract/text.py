"""Paragraphs and sentences: where each begins, so figures can be grouped by them."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import regex

from figcheck import lexicon

# A full stop, question or exclamation mark, maybe a closing quote or bracket, then space and
# something that can open a sentence.
# (\K keeps the stop out of the match; as a look-behind it was tried at every position, twice as slow.)
_BOUNDARY = regex.compile(r"""[.!?]["”’')\]]?\K[ \t]+(?=["“‘'(\[]?[\p{Lu}\d])""")
_WORD_BEFORE = regex.compile(r"([\p{L}.']+)\.$", regex.REVERSE)  # backwards: fails at once, not 12 times
# A line with text: its first non-space character, and its end. (str.split("\n") and strip()
# in a loop cost twice as much; re's \s is str.isspace.)
_TEXT_LINE = re.compile(r"^[^\S\n]*(\S)[^\n]*", re.MULTILINE)
_NEWLINE = re.compile("\n")


def folded(text: str) -> str | None:
    """`text` in lower case, for case-sensitive patterns (written in lower case) to read as a
    case-blind pattern reads `text`; those run up to twice as fast. None where the copy would
    mislead: lower-casing changed the length ("İ"), or a letter folds to ASCII but lower-cases
    to itself (the long s, "ſ", which a case-blind "s" matches)."""
    lower = text.lower()
    return lower if len(lower) == len(text) and "ſ" not in lower else None


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon.load("sentences")["abbreviations"])


@dataclass(frozen=True, slots=True)
class Layout:
    """Sentence and paragraph starts of one body, for looking up any offset."""

    sentence_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]
    paragraph_of_sentence: tuple[int, ...]
    line_starts: tuple[int, ...]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of an offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1


def layout(body: str) -> Layout:
    """Split a body into paragraphs (at newlines) and sentences (at stops not after abbreviations)."""
    abbreviations = _abbreviations()
    starts: list[int] = []
    ends: list[int] = []
    paras: list[int] = []
    # Whole-body passes, not one a line: a boundary's spaces and the letter after them never
    # cross a newline, so each boundary falls in the line it was found in anyway.
    stops = []
    for m in _BOUNDARY.finditer(body):
        before = _WORD_BEFORE.search(body, max(0, m.start() - 12), m.start())
        if before:
            word = before.group(1).lower()
            # "Mr. Smith", "J. Smith", "U.S. Army": not the end of a sentence.
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        stops.append(m.span())
    i = 0
    for para, line in enumerate(_TEXT_LINE.finditer(body)):
        starts.append(line.start(1))
        paras.append(para)
        while i < len(stops) and stops[i][0] < line.end():
            ends.append(stops[i][0])
            starts.append(stops[i][1])
            paras.append(para)
            i += 1
        ends.append(line.end())
    if not starts:
        starts, ends, paras = [0], [len(body)], [0]
    line_starts = (0, *(m.end() for m in _NEWLINE.finditer(body)))
    return Layout(tuple(starts), tuple(ends), tuple(paras), line_starts)
