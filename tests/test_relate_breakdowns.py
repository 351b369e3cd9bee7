"""A total, then its parts one a sentence (relate/breakdowns.py), and the sum kind that checks them."""

from __future__ import annotations

from figcheck.engine import check_text
from figcheck.relate import document
from figcheck.rules import load_rules


def breakdowns(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(b.whole.text, tuple(p.text for p in b.parts), b.complete) for b in document(text).breakdowns()]


def codes(text: str) -> list[str]:
    return [f.code for f in check_text(text)]


MEN_WOMEN = ("Claims in the region rose to a total 41,200 in June from 40,800 in May. "
             "The figure for men rose by 300 to {men}. The figure for women was {women} in June.")


def test_a_total_and_a_part_for_each_member_of_a_line():
    text = MEN_WOMEN.format(men="22,900", women="18,300")
    assert breakdowns(text) == [("41,200", ("22,900", "18,300"), True)]


def test_parts_over_the_total_are_flagged():
    assert "FC104" in codes(MEN_WOMEN.format(men="22,900", women="19,300"))


def test_a_whole_breakdown_short_of_the_total_is_flagged():
    assert "FC102" in codes(MEN_WOMEN.format(men="22,900", women="17,300"))


def test_parts_that_add_up_are_quiet():
    assert codes(MEN_WOMEN.format(men="22,900", women="18,300")) == []


def test_the_total_sentence_may_open_with_total():
    text = ("Total bookings in March were 9,400 tonnes, down from 9,900 tonnes in February. "
            "Bookings by male farmers were 5,100 tonnes, down from 5,500 tonnes. "
            "Bookings by female farmers fell to 4,900 tonnes from 4,400 tonnes.")
    assert breakdowns(text) == [("9,400 tonnes", ("5,100 tonnes", "4,900 tonnes"), True)]


def test_without_a_total_the_figures_are_not_parts():
    text = ("Claims in the region rose to 41,200 in June from 40,800 in May. "
            "The figure for men rose to 22,900. The figure for women was 19,300 in June.")
    assert breakdowns(text) == []


def test_a_plain_number_does_not_take_the_total_unit():
    text = ("Sales reached a total of 230 mln dlrs in the year. "
            "Two stores were closed. The chain said three more would open.")
    assert breakdowns(text) == []


def test_later_figures_that_do_not_move_like_the_total_are_not_parts():
    # Neither a whole line (men, women) nor each reported as a move from one time to another.
    text = ("The offering was raised to a total of 38 mln shares. "
            "Underwriters bought an additional 5 mln shares. Originally it planned to offer 30 mln shares.")
    assert breakdowns(text) == []


def test_parts_that_each_move_like_the_total_are_some_of_it():
    text = ("Total imports fell to 75,500 tonnes in May from 97,000 tonnes in April. "
            "Brazil supplied 41,200 tonnes, down from 46,800 tonnes. "
            "Argentina supplied 37,600 tonnes, down from 41,300 tonnes.")
    assert breakdowns(text) == [("75,500 tonnes", ("41,200 tonnes", "37,600 tonnes"), False)]
    fc112 = [r for r in load_rules() if r.code == "FC112"]
    assert [f.code for f in check_text(text, rules=fc112)] == ["FC112"]


def test_a_sentence_with_a_new_total_ends_the_breakdown():
    text = ("Exports rose to a total of 22.5 billion dlrs this year. "
            "In 1986 exports totalled 22.4 billion dlrs. Imports were 12.9 billion dlrs.")
    assert breakdowns(text) == []
