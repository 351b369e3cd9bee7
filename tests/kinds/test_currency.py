"""Currency pairs within one article: rates read from '$42.8m (£23.7m)', and the rounding edge."""

from __future__ import annotations

import pytest

from figcheck.kinds import currency
from figcheck.relate import document
from figcheck.relate.currency_pairs import pairs


def hits(text: str, drift: float = 0.03) -> list:
    return [h for h in currency.check(document(text), currency.Params(drift)) if not h.holds]


BASE = "It cost $75m (£40m), took $46.8m (£24.8m) and then $73.4m (£38.9m). "


def test_pairs_read_one_rate_whichever_currency_comes_first():
    a, b = pairs(document("A $18.9m (£10m) loan and a £20m ($37.8m) one."))
    assert (a.base.unit, a.quote.unit) == (b.base.unit, b.quote.unit) == ("GBP", "USD")
    assert a.rate == pytest.approx(1.89) and b.rate == pytest.approx(1.89)


@pytest.mark.parametrize(("pair", "flagged"), [
    ("$19.5m (£10.3m)", False),   # 1.89: the rate the others agree on (1.884-1.889)
    ("$19.5m (£10.7m)", False),   # at most 19.55 / 10.65 = 1.836, and 1.836 × 1.03 = 1.891 reaches 1.884
    ("$19.5m (£10.8m)", True),    # at most 19.55 / 10.75 = 1.819, and 1.819 × 1.03 = 1.873 falls short
    ("$19.5m (£14.9m)", True),
])
def test_a_pair_is_flagged_only_past_rounding_and_drift(pair, flagged):
    found = hits(BASE + f"The film took {pair}.")
    assert bool(found) is flagged


def test_the_working_says_what_the_other_rate_gives():
    (hit,) = hits(BASE + "The film took $19.5m (£14.9m).")
    assert hit.working == ("$19.5m ÷ £14.9m = 1.31 USD per GBP; 3 other pairs give 1.89 USD per GBP, "
                           "at which $19.5m is 10.3 million GBP, not £14.9m")


def test_hedged_and_open_ended_sums():
    # "about £10m" spans 9m-11m: the rate may be anything from 1.77 to 2.17.
    assert hits(BASE + "The film took $19.5m (about £11m).") == []
    # "more than $163m (£90m)" converts the written 163m: the hedge covers both sums alike.
    (p,) = pairs(document("It made more than $163m (£90m)."))
    assert (p.low, p.high) == pytest.approx((162.5 / 90.5, 163.5 / 89.5))
    # "about" on the sum converted is the same; on its conversion, it loosens the rate.
    (p,) = pairs(document("It made about $163m (£90m)."))
    assert p.high < 1.83
    (p,) = pairs(document("It made $163m (about £90m)."))
    assert p.high > 1.95


def test_two_hedged_pairs_that_disagree():
    two = currency.Params(drift=0.05, two=True)
    text = "It took $42.8m (£23.7m) at the weekend, and more than $163m (£{}m) in twelve days."
    assert [h for h in currency.check(document(text.format(90)), two) if not h.holds] == []
    assert [h for h in currency.check(document(text.format(80)), two) if not h.holds]


def test_no_agreement_among_the_others_no_finding():
    text = "It cost $10.0m (£5.0m), took $10.0m (£8.0m) and then $10.0m (£2.0m)."
    assert hits(text) == []


def test_two_conversions_in_one_bracket_make_three_pairs():
    text = "The bank set aside 5bn rupees ($50m; £27m) for loans."
    assert sorted((p.base.unit, p.quote.unit) for p in pairs(document(text))) == [("GBP", "INR"), ("GBP", "USD"), ("INR", "USD")]


def stated_hits(text: str) -> list:
    return list(currency.check(document(text), currency.Params(drift=0.05, stated=True)))


@pytest.mark.parametrize("rate", [
    "The rupee trades close to 100 rupees to the US dollar.",     # a sum, then the currency it buys
    "The central bank keeps the rupee around 100 to the dollar.",  # a number between two currencies
    "The dollar rose to 100 rupees on Monday.",                    # the currency, then its price
])
def test_a_rate_the_text_states(rate):
    off = stated_hits(f"The fund holds 6bn rupees ($40m) for farmers. {rate}")
    assert [h.holds for h in off] == [False]
    assert "100" in off[0].figures[-1].text
    fair = stated_hits(f"The fund holds 6bn rupees ($62m) for farmers. {rate}")
    assert [h.holds for h in fair] == [True]


def test_a_pair_at_any_rate_the_text_states_holds():
    text = ("The fund holds 6bn rupees ($130m). The rupee has fallen from 45 rupees to the dollar "
            "to 60 rupees to the dollar.")
    assert [h.holds for h in stated_hits(text)] == [True]


@pytest.mark.parametrize("text", [
    "The fund holds 6bn rupees ($40m). Beef costs $2 per pound.",           # a pound of weight
    "The fund holds 6bn rupees ($40m). It raised 100bn rupees to the dollar bond.",  # a scaled sum
    "The fund holds 6bn rupees ($40m). The yen rose to 110 against the euro.",       # other currencies
])
def test_no_stated_rate(text):
    assert stated_hits(text) == []


def joint_hits(text: str) -> list:
    return list(currency.check(document(text), currency.Params(joint=True, margin=0.1)))


def test_a_bracket_whose_rates_are_of_no_one_year():
    # 0.82 dollars a euro (2000-2001) and 1.19 dollars a pound (2016 on): never both.
    (hit,) = joint_hits("The carrier made 400m euros ($327.6m; £274.7m) last year.")
    assert [f.text for f in hit.figures] == ["400m euros", "$327.6m", "£274.7m"]


@pytest.mark.parametrize("text", [
    "The carrier made 400m euros ($527.6m; £274.7m) last year.",   # 1.32, 1.92 and 0.69: all of 2005
    "The carrier made 400m euros ($327.6m) and £274.7m ($327.6m).",  # two brackets: two times
    "The carrier made 400m euros ($3.28bn; £274.7m) last year.",    # 8.2 dollars a euro: FC413's to report
])
def test_no_bracket_of_no_one_year(text):
    assert joint_hits(text) == []


def test_pairs_off_the_article_rate_at_one_rate_between_them_are_one_finding():
    # Two sums converted on another day: one stale rate, reported once with both pairs.
    (hit,) = hits(BASE + "The film took $19.5m (£10.8m) and $36.2m (£20.1m).")
    assert [f.text for f in hit.figures] == ["$19.5m", "£10.8m", "$36.2m", "£20.1m",    # then the pairs that agree
                                             "$75m", "£40m", "$46.8m", "£24.8m", "$73.4m", "£38.9m"]
    assert "$36.2m ÷ £20.1m = 1.8 USD per GBP too" in hit.working


def test_pairs_off_the_article_rate_at_two_rates_are_two_findings():
    assert len(hits(BASE + "The film took $19.5m (£10.8m) and $39m (£27m).")) == 2
