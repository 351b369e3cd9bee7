"""Parts the text names of a whole: within a sentence, and across sentences by noun or pronoun."""

from __future__ import annotations

from figcheck.kinds.subset import partitive
from figcheck.model import Figure
from figcheck.relate import document
from figcheck.relate.candidates import Subset


def parts(text: str) -> list[tuple[str, str]]:
    return [(s.part.text, s.whole.text) for s in document(text).subsets()]


def test_a_of_the_b_within_a_sentence():
    assert parts("Only 12 of the 18 stations have lifts.") == [("12", "18")]


def test_a_possessive_may_stand_before_the_whole():
    assert parts("About 300 of the city's 900 buses run on gas.") == [("About 300", "900")]


def test_of_which_after_the_whole():
    assert parts("The survey reached 2,400 households, of which 1,600 had a car.") == [("1,600", "2,400")]


def test_a_requirement_is_not_a_part():
    assert parts("She reached 3 percent in two polls, of which four are needed.") == []


def test_the_noun_names_a_whole_sentences_before():
    text = "The council runs 12 libraries. It has cut staff. Budgets are tight. Under the plan, 14 of the libraries will close."
    assert parts(text) == [("14", "12")]


def test_another_noun_does_not_link():
    assert parts("The council runs 12 libraries. Under the plan, 14 of the schools will close.") == []


def test_a_pronoun_links_to_the_last_count():
    assert parts("The team reported 5,667 cases. Out of these, 1,846 were treated in hospital.") == [("1,846", "5,667")]


def test_a_group_of_one_is_not_a_whole():
    assert parts("If one console can make music, what could six of them do?") == []


def test_the_solver_flags_only_a_part_larger_in_every_reading():
    def fig(text: str, value: float, high: float | None = None) -> Figure:
        return Figure(text, 0, 1, value, value, value if high is None else high)
    (larger,) = partitive([Subset(fig("14", 14), fig("12", 12), "of the libraries")])
    (equal,) = partitive([Subset(fig("12", 12), fig("12", 12), "of")])
    assert not larger.holds and equal.holds


def test_a_ratio_read_as_one_figure_gives_its_part_and_whole():
    assert parts("He will plead guilty to 39 out of 30 federal charges.") == [("39", "30")]


def props(text: str) -> list[tuple[str, str]]:
    return [(p.said.text, p.share.text) for p in document(text).proportions()]


def test_a_proportion_word_with_its_share_in_brackets():
    assert props("A majority of members (46%) voted to strike.") == [("A majority", "46%")]


def test_a_fraction_with_its_share_in_brackets():
    assert props("Almost a third (36%) of staff said they would leave.") == [("Almost a third", "36%")]


def test_a_bracket_after_another_figure_is_not_the_proportions():
    assert props("A majority voted, and 46% of them (the night shift, 12%) stayed home.") == []


def test_an_answer_and_the_other_answer_are_shares_of_one_group():
    [s] = document("Some 58% said they backed it, with 37% saying they did not.").shares()
    assert [f.text for f in s.shares] == ["Some 58%", "37%"]


def test_two_shares_of_different_things_are_not_one_group():
    assert document("Some 58% said they backed it, and 37% said they would vote.").shares() == []


def test_a_group_of_people_may_include_a_part_named_by_role():
    from figcheck import check_text

    assert [f.code for f in check_text("The 36 people infected included 46 army personnel.")] == ["FC111"]
    assert check_text("The 36 people infected included 26 army personnel.") == []
    assert check_text("The 36 people infected included 46 army trucks.") == []


def test_with_a_part_of_them_after_the_whole():
    from figcheck import check_text

    assert [f.code for f in check_text("There were £68m in gifts, with £72m of them from banks.")] == ["FC111"]
    assert check_text("There were £68m in gifts, with £12m of them from banks.") == []
