"""Stated changes against the before and after: 'fell 12% to 198,000 from 210,000'."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from figcheck import lexicon
from figcheck.extract.scan import hedge_range
from figcheck.kinds.base import Hit, Kind, fmt, fmt_range, held, overlaps
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.candidates import Change, shared_unit


@dataclass(frozen=True)
class Params:
    # mismatch: the change matches no reading of the figures; points: "fell 0.2 pct to 6.6 pct
    # from 6.8 pct" where the figures show percentage points, not a relative change.
    # direction: "cut from 1.8% to 2.8%", the new figure on the wrong side of the old.
    # comparison: "sales of 5.2 mln were behind last year's 5.4 mln", the described figure on the
    # wrong side of the one it is set against.
    compare: Literal["mismatch", "points", "direction", "comparison"]
    multiplier_tolerance: float = 0.1   # "tripled" for 2.8 times is how prose speaks
    percent_slack: float = 0.1          # points: "29.5 pct" computed from unrounded figures gives 29.56


@functools.cache
def _words() -> tuple[frozenset[str], dict[str, float]]:
    data = lexicon.load("changes")
    return frozenset(data["down"]), dict(data["multipliers"])


def _diff(new: Figure, old: Figure) -> tuple[float, float]:
    return new.low - old.high, new.high - old.low


def _relative(new: Figure, old: Figure) -> tuple[float, float] | None:
    if old.low <= 0:
        return None
    return (new.low / old.high - 1) * 100, (new.high / old.low - 1) * 100


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    if params.compare == "direction":
        yield from direction(doc.changes())
        return
    if params.compare == "comparison":
        yield from comparison(doc)
        return
    down, mults = _words()
    seen = set()
    for _s, m, _extra in doc.matches("change"):
        new, old = doc.fig(m, "new"), doc.fig(m, "old")
        if not new or not old or (new.start, old.start) in seen:
            continue
        new, old = shared_unit(new, old)
        if new.kind != old.kind or new.unit != old.unit:
            continue
        if any(f.bound.value == "range" or not f.bounded for f in (new, old)):
            continue
        seen.add((new.start, old.start))
        if m.groupdict().get("mult"):
            hit = _multiplier(new, old, m.group("mult").lower(), mults, params, m.groupdict().get("hedge"))
            if hit and params.compare == "mismatch":
                yield hit
            continue
        delta = doc.fig(m, "delta")
        if delta is None or not delta.bounded:
            continue
        word = (m.group("dir") or "").lower()
        sign = -1 if word in down else 1
        hit = _delta(new, old, delta, sign, params)
        if hit:
            yield hit
    # Changes relate/ found with the percent that states them, sentences apart or not ("fell 40%"
    # ... "27, compared with 54"); those a frame read above are not read twice.
    for c in doc.changes():
        if c.delta is None or (c.new.start, c.old.start) in seen:
            continue
        seen.add((c.new.start, c.old.start))
        hit = _delta(c.new, c.old, c.delta, c.delta_sign, params)
        if hit:
            yield hit


def direction(changes: Iterable[Change]) -> Iterator[Hit]:
    """Changes whose new figure lies, in every reading, on the other side of the old one from
    where the words put it: 'increased from 450 to 400'. A rank rises as its number falls."""
    for c in changes:
        if c.direction is None:
            continue
        old, new = c.old, c.new
        (o_low, o_high), (n_low, n_high) = _stated(old), _stated(new)
        if c.direction == 0:
            if overlaps(o_low, o_high, n_low, n_high):
                yield held((old, new), f"{old.text} → {new.text}: {c.cue}, as the figures are")
                continue
            said, actual = "unchanged", "higher" if n_low > o_high else "lower"
        else:
            way = -c.direction if c.rank or c.per else c.direction
            if (n_high > o_low) if way > 0 else (n_low < o_high):
                yield held((old, new), f"{old.text} → {new.text}: {c.cue}, as the figures go")
                continue
            said = ("up" if c.direction > 0 else "down") + (" (a rank: a smaller number is higher)" if c.rank else "") \
                + (f" (quoted per {c.per}: a higher number is a weaker currency)" if c.per else "")
            actual = "lower" if n_high <= o_low else "higher"
        fields = {"cue": c.cue, "new": new.text, "old": old.text, "said": said, "actual": actual}
        yield Hit((old, new), fields, f"{fmt(old.value)} → {fmt(new.value)} is {actual}, but the text says {c.cue!r}")


def comparison(doc: Doc) -> Iterator[Hit]:
    """Comparisons ('A, below B') whose figures, in every reading their hedges and rounding
    allow, stand the other way round. A pair read as a change or a stated difference is left to
    those rules: "5,000 more than last year's 35,000" says a difference, not which is larger."""
    taken = {(c.old.start, c.new.start) for c in doc.changes()}
    taken |= {(d.b.start, f.start) for d in doc.differences() for f in (d.a, d.delta)}
    for c in doc.comparisons():
        if (c.old.start, c.new.start) in taken:
            continue
        old, new = c.old, c.new
        named = old.text[len(old.text) - len(old.text.lstrip("abcdefghijklmnopqrstuvwxyz ")):]  # "less than the 3 mln"
        if (new.high > old.low) if c.direction > 0 else (new.low < old.high):
            yield held((new, old), f"{new.text} {c.cue} {named}, as the figures are")
            continue
        said = "larger" if c.direction > 0 else "smaller"
        actual = "smaller" if c.direction > 0 else "larger"
        if new.value == old.value:
            actual = "the same"
        fields = {"cue": c.cue, "new": new.text, "old": named, "said": said, "actual": actual}
        yield Hit((new, old), fields, f"{fmt(new.value)} is {actual} than {fmt(old.value)}, but the text says {c.cue!r}")


def _stated(f: Figure) -> tuple[float, float]:
    """The values a figure's words allow, without the rounding of an exact figure: rounding cannot
    turn '2.5% to 3%' into no change, since a writer who rounds 2.5 to 3 would not write 2.5 first."""
    return (f.value, f.value) if f.bound.value == "exact" else (f.low, f.high)


def _delta(new: Figure, old: Figure, delta: Figure, sign: int, params: Params) -> Hit | None:
    d_low, d_high = sorted((sign * delta.low, sign * delta.high))
    fields = {"delta": delta.text, "new": new.text, "old": old.text}
    figs = (delta, new, old)
    diff = _diff(new, old)
    if delta.kind == "percent":
        rel = _relative(new, old)
        if rel is None:
            return None
        if overlaps(*rel, d_low, d_high, params.percent_slack):
            return _held(figs, params)
        actual = (new.value / old.value - 1) * 100
        if new.kind == "percent" and overlaps(*diff, d_low, d_high):
            if params.compare != "points":
                return None
            return Hit(figs, {**fields, "actual": f"{fmt(new.value - old.value)} percentage points"},
                       f"{fmt(new.value)} − {fmt(old.value)} = {fmt(new.value - old.value)} points, "
                       f"a relative change of {fmt(actual)}%")
        if params.compare != "mismatch":
            return None
        return Hit(figs, {**fields, "actual": f"{fmt(actual)}%"},
                   f"{fmt(new.value)} / {fmt(old.value)} − 1 = {fmt(actual)}%, not {fmt_range(d_low, d_high)}%")
    if params.compare != "mismatch":
        return None
    if delta.kind == "percentage_points":
        if new.kind != "percent":
            return None
        if overlaps(*diff, d_low, d_high):
            return _held(figs, params)
        return Hit(figs, {**fields, "actual": f"{fmt(new.value - old.value)} points"},
                   f"{fmt(new.value)} − {fmt(old.value)} = {fmt(new.value - old.value)} points, not {fmt_range(d_low, d_high)}")
    if delta.kind != new.kind or delta.unit != new.unit:
        return None
    if overlaps(*diff, d_low, d_high):
        return _held(figs, params)
    return Hit(figs, {**fields, "actual": fmt(new.value - old.value)},
               f"{fmt(new.value)} − {fmt(old.value)} = {fmt(new.value - old.value)}, not {fmt_range(d_low, d_high)}")


def _held(figs: tuple[Figure, ...], params: Params, working: str = "") -> Hit | None:
    """A change that adds up, reported once (by the 'mismatch' rule) among the checks made."""
    if params.compare != "mismatch":
        return None
    delta, new, old = figs if len(figs) == 3 else (None, *figs)
    return held(figs, working or f"{old.text} → {new.text}: {delta.text}, as the figures go")


def _multiplier(new: Figure, old: Figure, word: str, mults: dict[str, float], params: Params,
                hedge: str | None = None) -> Hit | None:
    factor = mults.get(word)
    if factor is None or old.low <= 0:
        return None
    low, high = new.low / old.high, new.high / old.low
    tol = params.multiplier_tolerance
    f_low, f_high = factor * (1 - tol), factor * (1 + tol)
    if hedge:  # "more than doubled", "nearly tripled": the hedge's range, as for any figure
        h_low, h_high = hedge_range(hedge)
        f_low, f_high = min(f_low, factor * h_low), max(f_high, factor * h_high)
    if overlaps(low, high, f_low, f_high):
        return _held((new, old), params, f"{old.text} → {new.text}: {word}, as the figures go")
    actual = new.value / old.value
    return Hit((new, old), {"delta": word, "new": new.text, "old": old.text, "actual": f"{fmt(actual)} times"},
               f"{fmt(new.value)} / {fmt(old.value)} = {fmt(actual)}, not {fmt(factor)} ({word})")


KIND = Kind("change", Params, check, ("delta", "new", "old", "actual", "cue", "said"))
