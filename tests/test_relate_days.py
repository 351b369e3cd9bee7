"""Spans of days and weeks between calendar days (relate/days.py, FC503), and a length of time
restated in other units (FC401): the links made, and the near misses left alone."""

from __future__ import annotations

from figcheck.engine import run
from figcheck.relate import document
from figcheck.rules import load_rules


def codes(text: str, published: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, tuple(x.text for x in f.figures)) for f in run(document(text, published), load_rules())]


def spans(text: str) -> list[tuple[str, str, str, int, int]]:
    return [(d.first.text, d.second.text, d.gap.text, d.low, d.high) for d in document(text).day_spans()]


def test_days_without_a_year_are_counted_forward():
    assert spans("Voting opened on 4 June and the count began three weeks later on 25 June.") == [
        ("4 June", "25 June", "three weeks", 21, 21)]


def test_a_span_of_weeks_that_the_days_do_not_make_is_flagged():
    found = codes("Voting opened on 4 June and the count began three weeks later on 14 June.")
    assert found == [("FC503", ("4 June", "14 June", "three weeks"))]


def test_the_span_may_cross_the_new_year():
    assert spans("The strike began on 22 December and ended two weeks later on 5 January.") == [
        ("22 December", "5 January", "two weeks", 14, 14)]


def test_a_range_of_days_before_a_month_is_its_days():
    assert spans("Trials run on 3-4 May and the finals two weeks later on 18 May.") == [
        ("3-4", "18 May", "two weeks", 14, 15)]


def test_a_year_written_after_the_date_is_its_year():
    found = codes("Talks opened on March 2 1988 and closed two weeks later on March 30.")
    assert [c for c, _ in found] == ["FC503"]


def test_a_hedged_span_is_a_range():
    assert codes("Talks opened on 2 March and closed almost two weeks later on 14 March.") == []


def test_weeks_after_a_named_event_are_not_counted_from_the_date():
    # "three weeks after the vote" counts from the vote, not from 4 June.
    assert spans("Voting opened on 4 June and on 9 June, three weeks after the primary, the count began.") == []


def test_a_day_range_that_is_a_score_is_not_a_date():
    assert spans("They won 3-1 in the first leg and two weeks later on 18 May lost.") == []


def test_a_span_of_months_between_years_is_not_read_as_whole_years():
    assert codes("The firm was founded in 1998 and listed in 1998, ten months later.") == []
    assert [c for c, _ in codes("The firm was founded in 1998 and listed in 2002, ten months later.")] == ["FC503"]


def test_a_date_without_its_year_is_not_placed_among_years():
    # Once an internal error: the year axis has no place for "26 May".
    assert codes("The vote was held on 5 May and the count on 26 May, three weeks later.") == []


def test_a_length_of_time_restated_in_years_and_months():
    assert codes("She was jailed for 150 months (12 years, 6 months).") == []
    found = codes("She was jailed for 160 months (12 years, 6 months).")
    assert found == [("FC401", ("160 months", "12 years", "6 months"))]


def test_a_length_of_time_restated_in_one_unit():
    assert codes("The trial lasted three weeks (21 days).") == []
    assert [c for c, _ in codes("The trial lasted three weeks (12 days).")] == ["FC401"]


def test_two_lengths_in_one_unit_are_not_a_conversion():
    assert codes("He served two years (3 years on appeal).") == []


def test_years_after_a_named_event_are_not_counted_from_the_first_year():
    assert codes("He joined the party in 1998 and became its leader in 2010, eight years after his father died.") == []
    assert [c for c, _ in codes("He joined the party in 1998 and became its leader in 2010, eight years after.")] == ["FC503"]
