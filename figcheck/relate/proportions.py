"""A proportion in words with its share in brackets: 'A majority of voters (48%)', 'Almost a
quarter (27%) of those polled'.

The words give a range ("a majority": over half; "almost a quarter": a little under 25%) and the
bracket gives the share: the two are one claim said twice.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.model import Bound, Figure
from figcheck.relate.candidates import Proportion

_BRACKET = regex.compile(r"\s*(?:of\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?\s*)?\(\s*$")


@functools.cache
def _words() -> tuple[regex.Pattern, dict[str, list[float]]]:
    table = {" ".join(k.lower().split()): v for k, v in lexicon.load("proportions").items()}
    words = "|".join(regex.escape(w) for w in sorted(table, key=len, reverse=True))
    return regex.compile(rf"\b(?P<w>{words})$", regex.I), table


def find(body: str, figures: list[Figure]) -> list[Proportion]:
    return list(_bracketed(body, figures))


def _bracketed(body: str, figures: list[Figure]) -> Iterator[Proportion]:
    pattern, table = _words()
    previous: Figure | None = None
    for f in figures:
        if f.kind == "percent" and body[f.end:f.end + 2].lstrip()[:1] == ")":
            before = body[max(0, f.start - 60):f.start]
            m = _BRACKET.search(before)
            if m:
                head = before[:m.start()]
                word = pattern.search(head)
                if word:
                    low, high = table[" ".join(word.group("w").lower().split())]
                    start = f.start - len(before) + word.start()
                    said = Figure(word.group(), start, start + len(word.group()), (low + high) / 2, low, high, Bound.RANGE,
                                  kind="fraction", sentence=f.sentence, paragraph=f.paragraph)
                    yield Proportion(said, f, word.group())
                # "Almost a quarter (27%)": a fraction the extractor read, right before the bracket.
                elif previous is not None and previous.kind == "fraction" and previous.end == f.start - len(before) + m.start() \
                        and previous.bounded:
                    yield Proportion(previous, f, previous.text)
        previous = f
