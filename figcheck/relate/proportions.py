"""A proportion in words with its share in brackets: 'A majority of voters (48%)', 'Almost a
quarter (27%) of those polled'; a count out of a total with its share: '13 out of 659 MPs (2%)',
'only 2% of MPs - 13 out of 659 -'.

The words give a range ("a majority": over half; "almost a quarter": a little under 25%) and the
bracket gives the share: the two are one claim said twice.
"""

from __future__ import annotations

import functools
import itertools
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
    return list(_bracketed(body, figures)) + list(_counted(body, figures))


# Between a count out of a total and its share: the noun counted and a bracket, comma or dash
# ("13 out of 659 MPs (2%)"); between a share and the count: "of" and the noun ("2% of MPs - ").
_COUNT_THEN_SHARE = regex.compile(r"^(?:\s+[\p{L}’'-]+){0,2}\s*(?:\(|,|-|–|—)\s*(?:or\s+|some\s+|about\s+|just\s+)?$")
_SHARE_THEN_COUNT = regex.compile(r"^\s+of\s+(?:the\s+|all\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,2}\s*(?:\(|,|-|–|—|:)\s*"
                                  r"(?:or\s+|some\s+|about\s+|just\s+|only\s+)?$")


def _counted(body: str, figures: list[Figure]) -> Iterator[Proportion]:
    for a, b in itertools.pairwise(figures):
        if a.sentence != b.sentence:
            continue
        gap = body[a.end:b.start]
        if _is_count_out_of(a) and b.kind == "percent" and _COUNT_THEN_SHARE.match(gap):
            yield Proportion(a, b, a.text, counted=True)
        elif a.kind == "percent" and _is_count_out_of(b) and _SHARE_THEN_COUNT.match(gap):
            yield Proportion(b, a, b.text, counted=True)


_OUT_OF = regex.compile(r"^\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?(\d[\d,]*)$")


def _is_count_out_of(f: Figure) -> bool:
    """'13 out of 659': a count out of a stated total, exact as written. 'Nine out of 10' and
    '3 out of 4' are ratios said round, as often of 88% as of 90%."""
    m = _OUT_OF.match(f.text) if f.kind == "fraction" and f.bound == Bound.EXACT else None
    if m is None:
        return False
    whole = int(m.group(1).replace(",", ""))
    return whole > 10 and whole not in (100, 1000)


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
