"""The direction solver on hand-built change candidates: no text, no extraction."""

from __future__ import annotations

from figcheck.kinds.change import direction
from figcheck.model import Bound, Figure
from figcheck.relate.candidates import Change


def fig(value: float, low: float | None = None, high: float | None = None, bound: Bound = Bound.EXACT,
        kind: str = "count") -> Figure:
    return Figure(str(value), 0, 1, value, value if low is None else low, value if high is None else high, bound, kind)


def flagged(change: Change) -> bool:
    return any(not h.holds for h in direction([change]))


def test_a_check_that_holds_is_reported_as_held():
    (hit,) = direction([Change(fig(400), fig(450), +1, "increase")])
    assert hit.holds and hit.working == "400 → 450: increase, as the figures go"


def test_a_rise_to_a_smaller_figure_is_flagged():
    assert flagged(Change(fig(450), fig(400), +1, "increase"))


def test_a_rise_to_a_larger_figure_holds():
    assert not flagged(Change(fig(400), fig(450), +1, "increase"))


def test_a_fall_to_a_larger_figure_is_flagged():
    assert flagged(Change(fig(1.8, kind="percent"), fig(2.8, kind="percent"), -1, "cut"))


def test_equal_figures_break_a_stated_direction():
    assert flagged(Change(fig(5), fig(5), -1, "down"))


def test_a_rank_rises_as_its_number_falls():
    assert not flagged(Change(fig(21), fig(12), +1, "risen", rank=True))
    assert flagged(Change(fig(12), fig(21), +1, "risen", rank=True))


def test_hedged_figures_that_can_meet_the_words_hold():
    # "about 90%, down from almost 86%": about 90 reaches 81, below 86.
    about = fig(90, 81, 99, Bound.ABOUT, "percent")
    almost = fig(86, 73.1, 86, Bound.ABOUT, "percent")
    assert not flagged(Change(almost, about, -1, "down"))


def test_rounding_of_exact_figures_does_not_excuse_a_direction():
    # "cut from 2.5% to 3%": '3%' may stand for 2.5 to 3.5, but not after '2.5%'.
    assert flagged(Change(fig(2.5, 2.45, 2.55, kind="percent"), fig(3, 2.5, 3.5, kind="percent"), -1, "cut"))


def test_unchanged_needs_the_figures_to_meet():
    assert flagged(Change(fig(7.8, kind="percent"), fig(7.5, kind="percent"), 0, "unchanged"))
    assert not flagged(Change(fig(7.5, kind="percent"), fig(7.5, kind="percent"), 0, "unchanged"))


def test_the_working_names_both_figures_and_the_cue():
    (hit,) = direction([Change(fig(60000), fig(70000), -1, "reduced")])
    assert not hit.holds
    assert hit.working == "60,000 → 70,000 is higher, but the text says 'reduced'"


def test_a_rate_quoted_per_another_currency_rises_as_the_currency_falls():
    # "The peso fell to 18.2 per dollar, down from 17.9": more pesos a dollar is a weaker peso.
    assert not flagged(Change(fig(17.9), fig(18.2), -1, "fell", per="dollar"))
    assert flagged(Change(fig(17.9), fig(18.2), +1, "rose", per="dollar"))
