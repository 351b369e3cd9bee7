"""Typed relation candidates: what the text says about its figures, for the kinds to solve.

The kinds receive these records and never read text; finding them is the job of the modules
beside this one (changes.py, restate.py).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from figcheck.model import Figure

# A "sentence" of more figures than this is a table or a list, not prose that relates its
# figures: the finders skip it, which keeps adversarial text linear.
MAX_FIGURES = 40


@dataclass(frozen=True, slots=True)
class Change:
    """'cut its forecast from 1.8% to 1.6%': a figure said to move from `old` to `new`."""

    old: Figure
    new: Figure
    direction: int | None  # +1 said to go up, -1 down, 0 said to stay the same, None not said ("compared with")
    cue: str            # the word that says so: "cut", "down", "unchanged", "compared with"
    rank: bool = False  # a rank or place: going up is a smaller number ("rose from 21st to 12th")
    delta: Figure | None = None   # the change stated as a percent: "fell 40%" ... "27, compared with 54"
    delta_sign: int = 0           # +1 "rose 40%", -1 "fell 40%"
    # A price of one currency in another said of the other: "the rupee climbed to 43.5 per US
    # dollar" is more rupees a dollar, a weaker rupee, so a rise is a smaller number.
    per: str | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    """'£35bn - £2.5bn less than the £37.5bn predicted': `a` − `b` = `sign` × `delta`."""

    a: Figure
    delta: Figure
    b: Figure
    sign: int           # +1 "more than", -1 "less than"


@dataclass(frozen=True, slots=True)
class Term:
    """'a 20-year note launched in 1984 matures on November 15, 2004': a length of years from
    `start` to `end`, either of which None stands for the publication date ('a five year freeze
    since March 1983')."""

    length: Figure
    end: Figure | None
    start: Figure | None


@dataclass(frozen=True, slots=True)
class DaySpan:
    """'on 27-28 November ... three weeks later on 11 December': `gap` said to run from the
    calendar day `first` to `second`, which are `low` to `high` days apart (relate/days.py)."""

    first: Figure
    second: Figure
    gap: Figure
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class ZonePair:
    """'0630 BST (0530 GMT)': one moment in two zones; `a_offset` is None for "local time"."""

    a: Figure           # a clock time, its value in minutes after midnight
    a_zone: str
    b: Figure
    b_zone: str
    a_offset: float | None
    b_offset: float
    # A local time whose place the text names ("London" ... "2:20 a.m. local time"), or a
    # "London time": the offsets that place was at on the days the article can be about.
    a_offsets: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Proportion:
    """'A majority of voters (48%)': a proportion in words (`said`, its range as low and high, a
    share of one) and the share that states it (a percent)."""

    said: Figure
    share: Figure
    words: str
    counted: bool = False   # `said` is a count out of a total, "13 out of 659", not words


@dataclass(frozen=True, slots=True)
class Shares:
    """Shares of one group that cannot overlap: together at most the whole."""

    shares: tuple[Figure, ...]
    cue: str
    times: tuple[int, ...] = ()   # how many owners each share is said of: "25 pct each by MIM and MG" is 2


@dataclass(frozen=True, slots=True)
class AgeBirth:
    """'Gloria Vanderbilt died at the age of 95' ... 'Vanderbilt was born in 1924': one person's
    age now and the year or date of their birth."""

    age: Figure
    born: Figure
    person: str


@dataclass(frozen=True, slots=True)
class Subset:
    """'22 of the 36 projects': `part` is said to be a part of `whole`."""

    part: Figure
    whole: Figure
    cue: str            # the words that say so: "of", "of which", "of the murders"


@dataclass(frozen=True, slots=True)
class Breakdown:
    """'a total 693,000' ... 'The figure for men was 436,500' ... 'for women 256,500': a total
    and its parts given one a sentence after it; `complete` when the parts name every member of
    a group split along one line (men, women), else they are only some of the total."""

    whole: Figure
    parts: tuple[Figure, ...]
    complete: bool
    cue: str


@dataclass(frozen=True, slots=True)
class Restatement:
    """Two figures the text gives for one quantity: 'Thanou, 30,' ... 'Thanou, 32,'."""

    first: Figure
    second: Figure
    cue: str            # why they are one quantity: "the same person", "the same words"


@dataclass(frozen=True, slots=True)
class Product:
    """'2.6 mln shares at 24 dlrs a share, or 62.4 mln dlrs': `count` × `each` × `times` = `total`,
    `each` taken in the total's unit by `scale` ('55 cts' of a dollar is 0.55)."""

    count: Figure
    each: Figure
    total: Figure
    cue: str            # the reading: "price", "average", "net ÷ shares", "hours × wage"
    scale: float = 1.0
    times: float = 1.0  # a factor the words give: 52 for an annual income from a week's hours
    set_each: bool = False  # `each` is a price or wage set as written, not a rounded average
    one_sided: int = 0  # +1: count × each may fall short of the total, never pass it (a per-share
                        # profit after preferred dividends); -1: may pass it, never fall short (a loss)


def shared_unit(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """'from 200 to 180 dollars': a unit written once serves a bare number beside it."""
    if a.kind == "count" and a.unit is None and b.kind in ("money", "quantity"):
        a = dataclasses.replace(a, kind=b.kind, unit=b.unit)
    elif b.kind == "count" and b.unit is None and a.kind in ("money", "quantity"):
        b = dataclasses.replace(b, kind=a.kind, unit=a.unit)
    return a, b
