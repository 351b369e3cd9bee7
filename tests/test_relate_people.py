"""Whose age a figure gives: the links between two ages of one person, and the near misses."""

from __future__ import annotations

from figcheck.kinds.repeat import restated
from figcheck.model import Figure
from figcheck.relate import document
from figcheck.relate.candidates import Restatement


def linked(text: str) -> list[tuple[str, str, str]]:
    return [(r.first.text, r.second.text, r.cue) for r in document(text).restatements()]


def test_one_name_given_two_ages_links():
    assert linked("Okafor, 41, spoke first. Okafor, 44, left early.") == [("41", "44", "the age of Okafor")]


def test_two_names_do_not_link():
    assert linked("Okafor, 41, spoke first. Mensah, 44, then left.") == []


def test_an_unnamed_age_is_the_main_persons_once_named():
    text = "Lena Brandt, a 29-year-old engineer, won. Brandt built it. Brandt is proud. The 31-year-old works late."
    assert linked(text) == [("29-year-old", "31-year-old", "the age of Brandt")]


def test_an_unnamed_age_before_anyone_is_named_does_not_link():
    assert linked("The 31-year-old works late. Lena Brandt, a 29-year-old engineer, won. Brandt built it.") == []


def test_an_age_in_the_past_does_not_link():
    assert linked("Brandt, 29, joined as a 22-year-old graduate. Brandt stayed.") == []


def test_ages_far_apart_are_two_people():
    assert linked("Okafor, 41, spoke. Okafor, 71, his father, listened.") == []


def test_at_an_age_opening_a_sentence_names_its_person():
    assert linked("Holmes, 34, withdrew. At 36, Holmes knows time is short.") == [("34", "36", "the age of Holmes")]


def fig(text: str, value: float) -> Figure:
    return Figure(text, 0, 1, value, value, value, kind="age")


def test_the_solver_flags_two_values_and_passes_one():
    (failed,) = restated([Restatement(fig("41", 41), fig("44", 44), "the age of Okafor")])
    (same,) = restated([Restatement(fig("41", 41), fig("41", 41), "the age of Okafor")])
    assert not failed.holds and same.holds


def test_a_larger_group_referred_back_to_links():
    text = "Four people took part in the trial. It ran for a month. The five people faced a screen."
    assert linked(text) == [("Four", "five", "the same people")]


def test_a_smaller_group_referred_back_to_is_a_part():
    assert linked("Four men were accused. The two men denied it.") == []


def test_a_group_joined_to_another_may_be_larger():
    assert linked("Borden is buying Prince Co and three companies. Borden said the four companies are profitable.") == []


def test_an_increment_is_not_the_group():
    assert linked("Four people took part in May. Another five people joined in June.") == []


def test_a_birth_year_sentences_away_links_to_the_persons_age():
    text = "Ada Okonkwo, 81, has won. The jury praised her.\n\nOkonkwo was born in 1950."
    assert [(b.age.text, b.born.text, b.person) for b in document(text, "2025-05-01").births()] == [("81", "1950", "Okonkwo")]


def test_an_age_at_a_past_event_is_not_linked_to_the_birth():
    text = "Okonkwo moved to Lagos at the age of 12. Okonkwo was born in 1950."
    assert document(text, "2025-05-01").births() == []


def test_words_far_from_both_counts_do_not_make_an_update():
    text = "Four people took part. They now hope for another trial next year. The five people faced a screen."
    assert linked(text) == [("Four", "five", "the same people")]


def test_an_update_beside_the_later_count_is_an_update():
    assert linked("Four people took part. By May the toll had risen to the five people named.") == []


def test_decades_are_not_counts_referred_back_to():
    assert linked("She worked in the 70s as an editor. In the 90s she moved to TV.") == []


def test_a_sentence_printed_twice_with_one_figure_changed_links_the_two():
    sentence = "The court ordered the insurer to pay a {} billion dlr award to the growers of the valley."
    text = sentence.format("4.2") + "\n\nIt may appeal.\n\n" + sentence.format("4.7")
    assert linked(text) == [("4.2 billion dlr", "4.7 billion dlr", "the same sentence, repeated")]


def test_a_short_stock_sentence_repeated_is_not_linked():
    assert linked("Shares rose 5 pct. Then they fell. Shares rose 7 pct.") == []


def test_the_figure_of_names_the_last_figure_again():
    text = "More than 5.2 million people were out of work in May. The figure of 5.126 million is a record."
    assert linked(text) == [("More than 5.2 million", "5.126 million", "the figure named again")]


def test_a_demonstrative_points_at_the_last_count_of_its_noun_whatever_its_size():
    assert linked("Parliament was suspended for five weeks. During these four weeks, no laws pass.") == \
        [("five weeks", "four weeks", "the same week")]


def test_a_narrowed_count_is_not_what_a_demonstrative_points_at():
    text = "We studied five tools. All four tools from the cave were bone. These five tools are alike."
    assert [r for r in document(text).restatements() if r.first.value != r.second.value] == []


def test_one_cap_stated_twice_a_little_apart_links():
    text = "It will fund up to 120 chargers. Work starts in May. The plan will see up to 102 chargers fitted."
    assert linked(text) == [("up to 120", "up to 102", "the same cap on chargers")]


def test_caps_far_apart_do_not_link():
    assert linked("Towers may rise up to four floors. This one had been built up to six floors.") == []


def test_the_subject_of_a_death_is_the_first_name_of_its_sentence():
    text = "Amara bin Said, the long-serving ruler of the isles, died aged 79. Amara was born 1940."
    assert [(b.age.text, b.born.text, b.person) for b in document(text, "2020-01-12").births()] == [("79", "1940", "Amara")]


def test_an_unnamed_age_is_the_persons_named_last_before_it():
    text = "Japan has many centenarians. The 101-year-old Torao Toshitsune eats fish. Japan ages. " \
           "Japan worries. None of this is Mr Toshitsune's concern. At 104, he feels fine."
    assert linked(text) == [("101-year-old", "104", "the age of Toshitsune")]


def test_an_unnamed_age_after_another_name_is_not_linked():
    text = "Dawson, 21, signed. Spurs made bids for the 22-year-old. Spurs also bid for Reid."
    assert linked(text) == []


def test_a_profile_naming_no_one_with_an_age_refers_to_its_subject():
    text = "The 17-year-old from Devon was nominated. Her album sold well. The 19-year-old singer will tour."
    assert linked(text) == [("17-year-old", "19-year-old", "the age of the article's subject")]


def test_many_unnamed_ages_are_several_people():
    text = "The 34-year-old won. The 30-year-old lost. The 28-year-old won bronze. The 35-year-old retired."
    assert linked(text) == []


def test_an_unnamed_age_in_mid_sentence_is_not_the_subject():
    assert linked("The 17-year-old won. Fans cheered for a 19-year-old from Leeds.") == []


def test_a_participle_standing_for_its_group_points_back_at_the_count_it_was_said_of():
    text = "Two clerks were charged on Monday with theft. The trial opens soon. The three indicted were named as Ray and Lee."
    assert linked(text) == [("Two", "three", "the same indicted")]


def test_a_participle_of_another_sense_does_not_point_back():
    assert linked("Two clerks were charged on Monday. The three injured were taken to hospital.") == []


def test_a_participle_said_of_two_counts_before_may_be_their_sum():
    text = "Two clerks were charged in May. Another clerk was charged in June. Three more were charged later. The five charged were named."
    assert linked(text) == []


def test_a_participle_not_said_of_the_count_does_not_point_back():
    assert linked("Two clerks met police who charged a driver. The three charged were named.") == []


def test_a_player_given_two_seeds_links():
    text = "Eighth seed Tomas Berg beat Ivo Kral. Later, second seed Jan Marek lost. Kral had no answer to fifth-seeded Tomas Berg."
    assert linked(text) == [("Eighth", "fifth", "the seed of Berg")]


def test_seeds_of_players_not_named_in_full_do_not_link():
    assert linked("The fourth seed Berg won. The sixth seed Berg's brother lost.") == []


def test_a_count_of_things_with_a_kind_written_in_digits_links_by_its_noun():
    text = "The game has five 3D scrolling levels. Bosses guard each of the six levels."
    assert linked(text) == [("five", "six", "the same levels")]


def test_the_participle_said_of_a_group_does_not_narrow_it_when_it_comes_before_the_noun():
    text = "Two people were hurt in the blast on Monday. Police said the three injured people were taken away."
    assert linked(text) == [("Two", "three", "the same people")]


def test_another_word_before_the_noun_still_narrows_the_group():
    assert linked("Two people were hurt in the blast. Police said the three elderly people were taken away.") == []


def test_a_bounded_count_said_of_the_participle_also_makes_the_group_uncertain():
    text = "At least two clerks were charged in May. Police said three clerks were charged in June. The five charged were named."
    assert linked(text) == []


def test_one_time_written_with_a_capital_opening_a_sentence_is_the_same_time():
    text = "On Monday, four people took part in the trial. It ran for a month. The five people had a screen on Monday."
    assert linked(text) == [("four", "five", "the same people")]


def test_counts_at_two_times_do_not_link():
    assert linked("On Monday, four people took part in the trial. The five people had a screen on Friday.") == []


def test_a_participle_said_again_between_of_someone_uncounted_may_have_grown_the_group():
    assert linked("Two men were charged on Friday. A third man was charged on Sunday. The three charged were named.") == []
    assert linked("Two men were charged on Friday. Police also charged a woman. The three charged were named.") == []
    assert linked("Two people were hurt in the blast. Another was hurt later. Police said the three injured people left.") == []


def test_a_participle_points_back_at_a_count_with_no_noun_it_was_said_of():
    text = "Three were charged today with fraud. The trial opens soon. The four indicted were named as Al, Bo and Cy."
    assert linked(text) == [("Three", "four", "the same indicted")]


def test_a_definite_count_with_no_noun_stands_for_the_count_right_before_it():
    text = "The court ordered the state to free or try 14 prisoners at Hexham jail. Judges ruled that the 15 were held unlawfully."
    assert linked(text) == [("14", "15", "the same prisoners")]


def test_a_definite_count_with_no_noun_after_another_figure_is_not_linked():
    text = "Two men were arrested on Monday. A third man was arrested later. All three were released on bail."
    assert linked(text) == []


def test_a_count_in_a_list_is_a_part_of_the_group_a_bare_count_stands_for():
    text = "Officers found three girls and a boy in the car. The four were taken to hospital."
    assert linked(text) == []


def test_a_definite_sum_and_the_verb_said_of_it_point_back_at_the_sum():
    text = "Norway lent Iceland $4bn to rescue its banks. The central bank said that the $5bn which Norway lent came from its reserves."
    assert linked(text) == [("$4bn", "$5bn", "the same sum lent")]


def test_a_definite_sum_with_another_verb_is_not_linked():
    text = "Norway lent Iceland $4bn to rescue its banks. The central bank said that the $5bn which Sweden raised came from bonds."
    assert linked(text) == []


def test_a_sum_of_money_pointed_back_at_with_its_noun_links():
    text = "The council set up a $30m fund for schools. Critics said the $35m fund would not be enough."
    assert linked(text) == [("$30m", "$35m", "the same fund")]


def test_a_group_named_with_its_size_links_to_its_members_counted():
    text = "The pact was signed by all 12 current NDC members last year. Critics say it weakens the 14-nation NDC."
    assert linked(text) == [("12", "14-nation", "the size of the NDC")]


def test_a_part_of_a_group_named_with_its_size_is_not_linked():
    text = "The pact was signed by the 4 new NDC members last year. Critics say it weakens the 12-nation NDC."
    assert linked(text) == []


def test_two_times_in_the_past_with_the_same_verb_date_one_event():
    text = "Ruiz, who won the cup three years ago, plays Ortega next. Ruiz won his only title in Lima four years ago."
    assert linked(text) == [("three years", "four years", "the time since it won")]


def test_two_times_in_the_past_with_other_verbs_are_two_events():
    text = "Ruiz, who won the cup three years ago, plays Ortega next. Ruiz lost his only final in Lima four years ago."
    assert linked(text) == []
