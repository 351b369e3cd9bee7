"""The years an undated article can be from, read from the years it names as past or ahead, and
FC413 held to them."""

from __future__ import annotations

import pytest

from figcheck.kinds import currency
from figcheck.relate import document, era


@pytest.mark.parametrize(("text", "bounds"), [
    ("Inflation fell to 4.3% in 2004.", (2004, None)),                      # past: from 2004 on
    ("Sales rose sharply in 2001. Profits were flat.", (2001, None)),
    ("Margins are expected to be lower in 2009.", (None, 2010)),           # ahead: that year or the next
    ("The bank predicted that growth would slow to 2% in 2009.", (None, 2010)),
    ("Inflation fell in 2008. Margins are expected to be lower in 2009.", (2008, 2010)),
    ("Output has risen since 1997.", (1997, None)),
    ("Crews will be fully fit and motivated in 2030.", (None, 2031)),   # an -ed after "be" is not past
    ("The plant will be completed in 2030.", (None, 2031)),
    ("We expect the gap to continue to widen in 2009.", (None, 2010)),  # a forecast's chain of verbs
    ("Labour came to power in 1997.", (None, None)),                    # "to" and a noun: no intent, no tense
])
def test_years_named_as_past_or_ahead(text, bounds):
    assert era.bounds(document(text)) == bounds


@pytest.mark.parametrize("text", [
    "He said sales would reach $1bn in 2030.",              # reported forecast: a modal, not past
    "The city won the 2030 Games.",                         # a year naming an event, not a time
    "Growth is expected to fall from 5% in 2004.",          # the ground of a comparison
    "The firm, which is floating in 2030, hired staff.",    # -ing: an intent
    "The firm said it was looking to float in 2030.",       # "to" and a verb: an intent
])
def test_years_read_as_neither(text):
    assert era.bounds(document(text)) == (None, None)


def test_contradicting_years_bound_nothing():
    text = "Sales rose in 2009. Profits are expected to fall in 2005."
    assert era.bounds(document(text)) == (None, None)


def history(text: str) -> list:
    return [h for h in currency.check(document(text), currency.Params(history=True)) if not h.holds]


def test_an_undated_article_is_held_to_the_years_it_names():
    pair = "The tax cuts are worth $1.2bn (£910m)."
    # 1.32 dollars a pound is a rate of many years, but not of 2004-2006.
    assert history(pair) == []
    (hit,) = history(f"Inflation fell to 4.3% in 2004. {pair} Growth is expected to slow in 2005.")
    assert "from 2004 to 2006" in hit.working
    # Named only as the past, 1990 leaves every later year open.
    assert history(f"Inflation fell to 4.3% in 1990. {pair}") == []
