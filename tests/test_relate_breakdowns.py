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


COMPONENTS = ("The measure rose to 84.0 billion marks in May from 80.0 billion in April. "
              "The data showed it grew at an annualized 6.1 percent. "
              "Of the two components comprising the money stock, cash rose to 44.0 billion marks in May from {cash} billion in April. "
              "This gave a 7.2 percent rise. Reserves grew to {reserves} billion marks in May from 39.0 billion in April.")


def test_the_components_named_after_a_total_are_its_parts_one_a_sentence():
    text = COMPONENTS.format(cash="41.0", reserves="40.0")
    assert breakdowns(text) == [("84.0 billion marks", ("44.0 billion marks", "40.0 billion marks"), True),
                                ("80.0 billion", ("41.0 billion", "39.0 billion"), True)]
    assert codes(text) == []


def test_components_over_the_total_are_flagged_now_and_before():
    assert "FC104" in codes(COMPONENTS.format(cash="41.0", reserves="41.0"))
    assert "FC102" in codes(COMPONENTS.format(cash="31.0", reserves="40.0"))


def test_a_count_of_components_without_a_whole_before_links_nothing():
    text = ("Of the two components comprising the money stock, cash rose to 44.0 billion marks. "
            "Reserves grew to 40.0 billion marks.")
    assert breakdowns(text) == []


COMPRISES = ("The Treasury will sell a {whole} billion dlr package of notes this week. "
             "The refunding, which will raise 9.1 billion dlrs in new cash, comprises 12 billion dlrs of two-year notes, "
             "9 billion dlrs of five-year notes and 6 billion dlrs of ten-year notes.")


def test_a_subject_without_a_figure_comprises_the_total_before():
    assert breakdowns(COMPRISES.format(whole="27")) == [
        ("27 billion dlr", ("12 billion dlrs", "9 billion dlrs", "6 billion dlrs"), True)]
    assert "FC102" in codes(COMPRISES.format(whole="37"))


def test_a_subject_with_its_own_figure_is_the_frames_to_read():
    text = ("The Treasury will sell a 27 billion dlr package of notes this week. "
            "The 30 billion dlr refunding comprises 12 billion dlrs of two-year notes and 9 billion dlrs of five-year notes.")
    assert breakdowns(text) == []


def test_two_totals_before_leave_the_whole_unsaid():
    text = ("The Treasury will sell 27 billion dlrs of notes and 14 billion dlrs of bills this week. "
            "The refunding comprises 12 billion dlrs of two-year notes and 9 billion dlrs of five-year notes.")
    assert breakdowns(text) == []


def test_a_make_up_inside_an_aside_is_not_the_sentence_list():
    text = ("Operating income rose to 900 mln dlrs. Services, which consists of insurance and hotels, "
            "saw income rise to 454 mln dlrs from 297 mln dlrs.")
    assert breakdowns(text) == []


def test_adults_and_children_are_a_whole_line():
    text = ("Admissions reached a total of 5,200 in May. Admissions of adults were 3,900 in May. "
            "Admissions of children were 1,500 in May.")
    assert breakdowns(text) == [("5,200", ("3,900", "1,500"), True)]
    assert "FC104" in codes(text)


def test_one_sentence_after_the_total_may_give_every_member():
    text = "Claims rose to a total of 41,200 in June. Claims by men were 22,900 and by women {women}."
    assert breakdowns(text.format(women="18,300")) == [("41,200", ("22,900", "18,300"), True)]
    assert "FC104" in codes(text.format(women="19,300"))
    assert "FC102" in codes(text.format(women="17,300"))


def test_one_sentence_naming_one_member_is_no_breakdown():
    text = "Claims rose to a total of 41,200 in June. Claims by men were 22,900 in June and 21,000 in May."
    assert breakdowns(text) == []


def test_a_total_may_be_said_after_its_figure():
    text = "Claims reached 41,200 in all in June. The figure for men was 22,900. The figure for women was 18,300."
    assert breakdowns(text) == [("41,200", ("22,900", "18,300"), True)]


def test_a_subject_without_a_figure_that_includes_a_list_names_some_of_the_total():
    text = "Police seized 500 kg of drugs on Friday. The haul included 300 kg of cocaine and {heroin} kg of heroin."
    assert breakdowns(text.format(heroin="150")) == [("500 kg", ("300 kg", "150 kg"), False)]
    assert "FC112" in codes(text.format(heroin="250"))
    assert codes(text.format(heroin="150")) == []


def test_a_list_far_after_includes_is_not_what_it_includes():
    text = ("Police seized 500 kg of drugs on Friday. The operation included raids on homes where officers "
            "later found 300 kg and 250 kg.")
    assert breakdowns(text) == []


def test_a_subject_of_its_own_is_not_the_total_before():
    text = ("The fund raised 5 billion dlrs last year. Its bond portfolio comprises 2 billion dlrs of "
            "Treasuries and 1 billion dlrs of municipal bonds.")
    assert breakdowns(text) == []


RELEASE = ("Unemployment rose in the month to end-March to a total 693,000 from 690,600 at end-February, "
           "but was down from 730,100 at end-March 1986. "
           "The figure for men rose to 436,500 compared with {men} a year earlier. "
           "The figure for women was 256,500 at end-March against 256,100 a month earlier and 259,400 at end-March 1986.")


def test_figures_for_one_earlier_time_are_a_breakdown_too():
    found = [(b.whole.text, tuple(p.text for p in b.parts)) for b in
             document(RELEASE.format(men="470,700"), "1987-04-08").breakdowns()]
    assert found == [("693,000", ("436,500", "256,500")), ("730,100", ("470,700", "259,400"))]
    assert [f.code for f in check_text(RELEASE.format(men="407,700"), "1987-04-08")] == ["FC102"]


def test_without_the_year_a_year_earlier_is_not_matched_to_a_named_year():
    found = [b.whole.text for b in document(RELEASE.format(men="470,700")).breakdowns()]
    assert found == ["693,000"]


def test_a_month_earlier_matches_the_month_before_named_without_a_year():
    text = ("Claims rose in the month to end-March to a total 41,200 from 40,800 at end-February. "
            "The figure for men was 22,900 against 22,500 a month earlier. "
            "The figure for women was 18,300 at end-March against {women} at end-February.")
    found = [(b.whole.text, tuple(p.text for p in b.parts)) for b in document(text.format(women="18,300")).breakdowns()]
    assert found == [("41,200", ("22,900", "18,300")), ("40,800", ("22,500", "18,300"))]
    assert "FC104" in codes(text.format(women="19,300"))


def test_a_rise_over_the_month_gives_the_figure_a_month_before():
    text = ("Claims rose in the month to end-March to a total 41,200 from 40,800 at end-February. "
            "The figure for men rose by {rise} in the month to 22,900. "
            "The figure for women was 18,300 at end-March against 18,200 a month earlier.")
    found = [(b.whole.text, tuple(p.value for p in b.parts)) for b in document(text.format(rise="300")).breakdowns()]
    assert found == [("41,200", (22900.0, 18300.0)), ("40,800", (22600.0, 18200.0))]
    assert codes(text.format(rise="300")) == []
    assert "FC102" in codes(text.format(rise="1,300"))


def test_a_rise_without_its_span_gives_no_earlier_figure():
    text = ("Claims rose in the month to end-March to a total 41,200 from 40,800 at end-February. "
            "The figure for men rose by 1,300 to 22,900. "
            "The figure for women was 18,300 at end-March against 18,200 a month earlier.")
    assert [b.whole.text for b in document(text).breakdowns()] == ["41,200"]


def test_a_part_set_beside_another_time_is_reported_like_the_total():
    text = ("Total exports in May were 128,000 tonnes, down from 133,500 tonnes in April. "
            "EC countries took 102,000 tonnes compared with 104,000 in April. "
            "The Soviet Union took {soviet} tonnes compared with nil in April.")
    assert breakdowns(text.format(soviet="11,900")) == [("128,000 tonnes", ("102,000 tonnes", "11,900 tonnes"), False)]
    assert "FC112" in codes(text.format(soviet="31,900"))
