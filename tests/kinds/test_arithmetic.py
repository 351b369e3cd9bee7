"""Each kind's arithmetic on hand-built figures: no extraction, edges of the tolerance included."""

from __future__ import annotations

import math

import pytest

from figcheck.extract.text import layout
from figcheck.kinds import change, part_whole, percent, proportion, ratio
from figcheck.kinds.base import fmt, ratio_range, stated_high
from figcheck.model import Bound, Figure
from figcheck.relate import Doc


def fig(text: str, value: float, low: float | None = None, high: float | None = None, kind: str = "count",
        bound: Bound = Bound.EXACT, noun: str | None = "drone") -> Figure:
    return Figure(text, 0, len(text), value, value if low is None else low, value if high is None else high,
                  bound, kind, noun=noun, counted=noun and noun + "s")


def failures(hits) -> list:
    """The hits that are findings: a check that held is reported apart."""
    return [h for h in hits if not h.holds]


def doc_of(template: str, *figures: Figure) -> Doc:
    """A Doc whose one sentence is `template` with {0}, {1}... standing for the figures."""
    placed, body = [], template
    for i, f in enumerate(figures):
        at = body.index(f"{{{i}}}")
        body = body[:at] + f.text + body[at + 3:]
        placed.append(Figure(f.text, at, at + len(f.text), f.value, f.low, f.high, f.bound, f.kind,
                             counted=f.counted, noun=f.noun))
    return Doc(body, placed, layout(body), None).prepare()


def test_parts_exceed_whole_only_past_the_range():
    whole = fig("about 120", 120, 108, 132, bound=Bound.ABOUT)
    fits = doc_of("{0} drones: {1} shot down and {2} decoys.", whole, fig("90", 90), fig("42", 42))
    assert not failures(part_whole.check(fits, part_whole.Params("exceeds")))
    over = doc_of("{0} drones: {1} shot down and {2} decoys.", whole, fig("90", 90), fig("43", 43))
    hits = failures(part_whole.check(over, part_whole.Params("exceeds")))
    assert [h.working for h in hits] == ["90 + 43 = 133 > 120"]


def test_at_least_whole_is_read_as_the_count_known():
    assert stated_high(fig("at least 37", 37, 37, math.inf, bound=Bound.AT_LEAST)) == 37
    assert stated_high(fig("about 37", 37, 33.3, 40.7, bound=Bound.ABOUT)) == 40.7


def test_share_tolerance_edges():
    whole, part = fig("150", 150, noun="nurse"), fig("45", 45, noun="nurse")
    template = "{0} of the {1} nurses, or {2}, got it."
    assert not failures(percent.check(doc_of(template, part, whole, fig("30%", 30, 29.5, 30.5, "percent", noun=None)),
                                  percent.Params("share")))
    hits = failures(percent.check(doc_of(template, part, whole, fig("31%", 31, 30.5, 31.5, "percent", noun=None)),
                              percent.Params("share")))
    assert len(hits) == 1 and hits[0].fields["actual"] == "30%"


def test_change_relative_points_and_mismatch():
    old, new = fig("6.8 pct", 6.8, 6.75, 6.85, "percent"), fig("6.6 pct", 6.6, 6.55, 6.65, "percent")
    template = "It fell {0} to {1} from {2}."
    as_points = doc_of(template, fig("0.2 pct", 0.2, 0.15, 0.25, "percent"), new, old)
    assert len(failures(change.check(as_points, change.Params("points")))) == 1
    assert not failures(change.check(as_points, change.Params("mismatch")))
    relative = doc_of(template, fig("2.9 pct", 2.9, 2.85, 2.95, "percent"), new, old)
    assert not failures(change.check(relative, change.Params("points")))
    assert not failures(change.check(relative, change.Params("mismatch")))


def test_multiplier_tolerance():
    template = "Profit tripled to {0} from {1}."
    ok = doc_of(template, fig("$87m", 87e6, kind="money", noun=None), fig("$30m", 30e6, kind="money", noun=None))
    assert not failures(change.check(ok, change.Params("mismatch")))
    bad = doc_of(template, fig("$90m", 90e6, kind="money", noun=None), fig("$45m", 45e6, kind="money", noun=None))
    assert [h.fields["actual"] for h in change.check(bad, change.Params("mismatch"))] == ["2 times"]


def test_proportion_most_excludes_half():
    template = "Most of the {0} victims, {1} in total, were children."
    half = doc_of(template, fig("30", 30, noun="victim"), fig("15", 15, noun=None))
    assert len(failures(proportion.check(half, proportion.Params()))) == 1
    more = doc_of(template, fig("30", 30, noun="victim"), fig("16", 16, noun=None))
    assert not failures(proportion.check(more, proportion.Params()))


def test_ratio_tolerance():
    template = "There are {0} as many lanes: {1} against {2}."
    times = fig("three times", 3, kind="multiplier", noun=None)
    near = doc_of(template, times, fig("270", 270, noun="lane"), fig("100", 100, noun="lane"))
    assert not failures(ratio.check(near, ratio.Params(tolerance=0.1)))
    far = doc_of(template, times, fig("260", 260, noun="lane"), fig("100", 100, noun="lane"))
    assert len(failures(ratio.check(far, ratio.Params(tolerance=0.1)))) == 1


def test_ratio_range_uses_both_ends():
    assert ratio_range(fig("a", 10, 9, 11), fig("b", 5, 4, 6)) == (1.5, 2.75)


@pytest.mark.parametrize(("x", "text"), [(1150, "1,150"), (35.36, "35.36"), (2.5e6, "2.5 million"), (0.125, "0.125")])
def test_fmt(x, text):
    assert fmt(x) == text


def test_rounding_slack_counts_each_rounding_once():
    from figcheck.kinds.base import rounding_slack

    exact = Figure("57,900", 0, 6, 57_900, 57_900, 57_900, Bound.EXACT, "count", step=100)
    spanned = Figure("£4.2m", 0, 5, 4.2e6, 4.15e6, 4.25e6, Bound.EXACT, "money", step=1e5)
    assert rounding_slack((exact, exact)) == 100            # half a step each, the ranges are points
    assert rounding_slack((spanned, spanned, spanned)) == 0  # their ranges already span the rounding
    assert rounding_slack((exact, fig("12", 12))) == 0       # a small count is not a rounding
