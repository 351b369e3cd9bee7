"""What every kind shares: the Hit it yields, the Kind record, and range arithmetic."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from figcheck.model import Figure
from figcheck.relate import Doc


@dataclass(frozen=True)
class Hit:
    """Figures that do not add up, the fields for the rule's message, and the working."""

    figures: tuple[Figure, ...]
    fields: dict[str, Any]
    working: str
    context: tuple[str, ...] = field(default=())
    holds: bool = False   # a check that held: reported among the checks made, not as a finding


def held(figures: Sequence[Figure], working: str) -> Hit:
    """A relation that was checked and holds: '12 ≤ 18', shown to the fact-checker as verified."""
    return Hit(tuple(figures), {}, working, holds=True)


@dataclass(frozen=True)
class Kind:
    """A kind of check: implemented once, parameterised by rule files."""

    name: str
    params: type
    check: Callable[[Doc, Any], Iterator[Hit]]
    fields: tuple[str, ...]


def fmt(x: float) -> str:
    """A number as a reader writes it: 1,150; 5.3; 35.4; 2.5 million."""
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 1e6 and x == round(x, -4):
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(x) >= scale:
                return f"{x / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if x < 0:
        return "−" + fmt(-x)  # a minus sign, as news copy prints it
    if x == int(x):
        return f"{int(x):,}"
    digits = 1 if abs(x) >= 100 else 2 if abs(x) >= 1 else 3
    return f"{x:,.{digits}f}".rstrip("0").rstrip(".")


def fmt_range(low: float, high: float) -> str:
    """'35.4–36.1'; with a negative end, '−12.5 to −11.5', which a dash would garble."""
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-12):
        return fmt(low)
    return f"{fmt(low)} to {fmt(high)}" if low < 0 or high < 0 else f"{fmt(low)}–{fmt(high)}"


def total(figures: Sequence[Figure]) -> tuple[float, float, float]:
    """Value, low and high of a sum of figures."""
    return (sum(f.value for f in figures), sum(f.low for f in figures), sum(f.high for f in figures))


def stated_high(f: Figure) -> float:
    """The largest a whole can be when its parts are named: "at least 37" is read as the 37 known."""
    return f.value if f.bound.value in ("at_least", "more_than") else f.high


def ratio_range(num: Figure, den: Figure) -> tuple[float, float]:
    """Smallest and largest num/den the ranges allow (den > 0)."""
    lo_den, hi_den = max(den.low, 1e-12), max(den.high, 1e-12)
    return num.low / hi_den, (num.high / lo_den if math.isfinite(num.high) else math.inf)


def overlaps(a_low: float, a_high: float, b_low: float, b_high: float, slack: float = 0.0) -> bool:
    """True when two ranges can agree, within `slack` (absolute)."""
    return a_low <= b_high + slack and b_low <= a_high + slack


def rounding_slack(figures: Sequence[Figure], min_step: float = 100, min_value: float = 10_000) -> float:
    """How far large round figures (57,900; 43,800) may miss adding up: half a step each.

    Only when every figure is large and round: "1,200 votes, 700 and 600" are counts, not roundings.
    """
    round_ = [f for f in figures if f.step >= min_step and f.value >= min_value and f.bound.value == "exact"]
    if len(round_) != len(figures):
        return 0.0
    # A figure whose range already spans its rounding ("£4.2m": 4.15m to 4.25m) adds nothing more.
    return sum(f.step / 2 for f in round_ if f.low == f.high)


def unique(figures: Sequence[Figure]) -> tuple[Figure, ...]:
    seen, out = set(), []
    for f in figures:
        if f.start not in seen:
            seen.add(f.start)
            out.append(f)
    return tuple(out)
