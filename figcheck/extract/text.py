"""Paragraphs and sentences: where each begins, so figures can be grouped by them."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

import regex

from figcheck import lexicon

# A full stop, question or exclamation mark, maybe a closing quote or bracket, then space and
# something that can open a sentence.
# (\K keeps the stop out of the match; as a look-behind it was tried at every position, twice as slow.)
_BOUNDARY = regex.compile(r"""[.!?]["”’')\]]?\K[ \t]+(?=["“‘'(\[]?[\p{Lu}\d])""")
_WORD_BEFORE = regex.compile(r"([\p{L}.']+)\.$", regex.REVERSE)  # backwards: fails at once, not 12 times


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
    line_starts = [0]
    para = -1
    pos = 0
    for line in body.split("\n"):
        line_end = pos + len(line)
        if line.strip():
            para += 1
            first = pos + (len(line) - len(line.lstrip()))
            starts.append(first)
            paras.append(para)
            for m in _BOUNDARY.finditer(body, pos, line_end):
                before = _WORD_BEFORE.search(body, max(pos, m.start() - 12), m.start())
                if before:
                    word = before.group(1).lower()
                    # "Mr. Smith", "J. Smith", "U.S. Army": not the end of a sentence.
                    if word in abbreviations or (len(word) == 1 and word.isalpha()):
                        continue
                ends.append(m.start())
                starts.append(m.end())
                paras.append(para)
            ends.append(line_end)
        pos = line_end + 1
        line_starts.append(pos)
    if not starts:
        starts, ends, paras = [0], [len(body)], [0]
    return Layout(tuple(starts), tuple(ends), tuple(paras), tuple(line_starts[:-1]) or (0,))
