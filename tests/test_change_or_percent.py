"""A percent after "or" restating a change: 'fell from 7,000 to 6,300, or 10%'."""

from __future__ import annotations

from figcheck import check_text


def codes(text: str) -> list[str]:
    return [f.code for f in check_text(text)]


def test_a_percent_after_or_that_does_not_fit_the_change_is_flagged():
    assert "FC301" in codes("The number waiting a year fell from 8,000 to 7,200, or 15%.")


def test_a_percent_after_or_that_fits_the_change_is_not_flagged():
    assert codes("The number waiting a year fell from 8,000 to 7,200, or 10%.") == []


def test_a_share_after_or_is_not_the_change():
    assert codes("The jobless total fell from 3.3 mln to 3.2 mln, or 11 pct of the workforce.") == []
