"""FC413: a conversion against the range its two currencies traded in (lexicon/rates.toml)."""

from __future__ import annotations

import pytest

from figcheck import lexicon, rates
from figcheck.kinds import currency
from figcheck.relate import document

HISTORY = currency.Params(history=True, margin=0.1)


def flagged(text: str, published: str | None = None) -> list[tuple[str, ...]]:
    return [tuple(f.text for f in h.figures) for h in currency.check(document(text, published), HISTORY) if not h.holds]


def test_a_rate_no_year_allows_is_flagged_with_every_sum_of_its_bracket():
    assert flagged("It paid 160m euros ($280m; £111m) in bonuses.") == [("160m euros", "$280m", "£111m")]


def test_a_rate_of_its_time_holds():
    text = "It paid 160m euros ($208m; £111m) in bonuses."
    assert flagged(text, "2005-03-01") == []
    assert [h.holds for h in currency.check(document(text, "2005-03-01"), HISTORY)] == [True]


def test_a_dated_article_is_held_to_its_own_years():
    text = "It will raise an extra £4bn ($4.7bn) over ten years."
    assert flagged(text) == []                       # 1.18 dollars a pound: some year allows it
    assert flagged(text, "2005-06-01") == [("£4bn", "$4.7bn")]   # not 2004 or 2005


def test_a_year_named_in_the_sentence_is_one_the_sum_may_be_from():
    assert flagged("In 1985 it lost £4bn ($4.7bn).", "2005-06-01") == []


def test_a_pair_another_pair_vouches_for_is_left_to_fc412():
    text = "It offered £1.35bn ($3.5bn) and may return $500m (£266m) instead."
    assert flagged(text) == []


def test_currencies_whose_words_name_several_are_not_read():
    # 500 rupees a dollar: no rate of the Indian rupee, but "rupees" may be Sri Lankan or Pakistani.
    assert flagged("The bank set aside 25bn rupees ($50m) for loans.") == []
    assert not rates.known("INR") and not rates.known("CHF")


def test_a_band_crosses_two_currencies_through_the_dollar():
    low, high = rates.band("EUR", "GBP", [2005])
    assert low == pytest.approx(1.17 / 1.93) and high == pytest.approx(1.36 / 1.71)


def test_a_currency_not_in_use_in_a_year_leaves_that_year_out():
    assert rates.band("EUR", "USD", [1990]) is None
    assert rates.band("EUR", "USD", [1990, 2005]) == (1.17, 1.36)


def test_the_table_is_read_strictly(monkeypatch):
    rates.per_usd.cache_clear()
    monkeypatch.setattr(lexicon, "load", lambda name: {"GBP": {"quote": "USD per GBP", "1985": [1.0, 1.5], "yr": 1}})
    with pytest.raises(lexicon.LexiconError, match=r"rates.toml: \[GBP\]: unknown key 'yr'"):
        rates.per_usd()
    rates.per_usd.cache_clear()
