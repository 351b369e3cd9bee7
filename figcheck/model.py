"""Plain frozen records passed between the stages: Figure, Finding, Placed, Severity, Bound."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field


class Bound(enum.StrEnum):
    """How the wording bounds a figure: "about 120" is ABOUT, "at least 37" is AT_LEAST."""

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


class Severity(enum.IntEnum):
    """Ordered, so `severity >= Severity.WARNING` reads as it should."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use info, warning or error)") from None


@dataclass(frozen=True, slots=True)
class Figure:
    """One number as the article states it, with the range its wording allows."""

    text: str                    # as written: "more than 1.2 million"
    start: int                   # offsets into the body: body[start:end] == text
    end: int
    value: float                 # best reading: 1_200_000
    low: float                   # smallest value the wording allows (-inf when open)
    high: float                  # largest ("more than" -> inf)
    bound: Bound = Bound.EXACT
    kind: str = "count"          # count, percent, money, quantity, year, date, age, ...
    unit: str | None = None      # pint unit name or ISO currency code, never a Quantity
    counted: str | None = None   # "drones", as written (the lemma is in `noun`)
    verb: str | None = None      # "launched", "shot down"
    when: str | None = None      # "overnight", "throughout the week"
    sentence: int = 0            # index of the sentence in the body
    paragraph: int = 0           # index of the paragraph in the body
    noun: str | None = None      # lemma of `counted`: "drone"
    step: float = 0.0            # place value of the last written digit: 1,150 -> 10 (see numerals)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that does not add up, ready for any report format."""

    code: str                    # "FC101"
    kind: str                    # "sum"
    severity: Severity
    message: str                 # the rule's template, filled in
    figures: tuple[Figure, ...]
    working: str = ""            # "138 + 119 = 257 < 267", shown to the fact-checker
    name: str = ""               # the rule's name: "parts-exceed-whole"
    context: tuple[str, ...] = field(default=())  # words that may explain it: "several drones"

    @property
    def start(self) -> int:
        return min(f.start for f in self.figures) if self.figures else 0

    @property
    def end(self) -> int:
        return max(f.end for f in self.figures) if self.figures else 0


@dataclass(frozen=True, slots=True)
class Placed:
    """A finding placed in its file, as suppressions, baselines and reports take it.

    Lines and columns are the file's own (a JSON string's escapes counted), worked out where the
    article's text is at hand; the JSON shape is made from this only by the report writers.
    """

    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    figures: tuple[tuple[int, int, str], ...] = ()  # (line, column, sentence as shown) of each of finding.figures
    fingerprint: str = ""                            # see report.fingerprint.placed_fingerprint
