"""Which changes the text states: the shapes, and the links back to an earlier figure."""

from __future__ import annotations

from figcheck.relate import document


def pairs(text: str) -> list[tuple[str, str, int, bool]]:
    return [(c.old.text, c.new.text, c.direction, c.rank) for c in document(text).changes()]


def test_from_then_to_with_a_year_between():
    assert pairs("Exports fell from 72 in 2003 to 81 last year.") == [("72", "81", -1, False)]


def test_to_then_from():
    assert pairs("The price will increase to 600 dlrs a tonne from 570 dlrs a tonne.") == \
        [("570 dlrs a tonne", "600 dlrs a tonne", 1, False)]


def test_new_figure_then_down_from():
    assert pairs("The firm has a 36% share, down from 38% a year ago.") == [("38%", "36%", -1, False)]


def test_a_second_clause_is_another_change():
    # "while" opens another subject: 2.5% is not paired with 3.25%.
    assert pairs("Life bonuses were cut from 3% to 2.5%, while pension bonuses were reduced from 3.25% to 2.5%.") == \
        [("3%", "2.5%", -1, False), ("3.25%", "2.5%", -1, False)]


def test_a_sentence_opening_with_this_links_to_the_sentence_before():
    assert pairs("The debt reached 42bn euros by 2002. This has since been reduced to 38bn euros.") == \
        [("42bn euros", "38bn euros", -1, False)]


def test_a_new_subject_does_not_link_to_the_sentence_before():
    assert pairs("The debt reached 42bn euros by 2002. Revenue has since been reduced to 38bn euros.") == []


def test_a_participle_links_within_its_sentence():
    assert pairs("The court awarded £60,000 in damages, later reduced to £50,000 on appeal.") == \
        [("£60,000", "£50,000", -1, False)]


def test_a_participle_does_not_reach_into_the_sentence_before():
    assert pairs("Subscribers reached 5.4 million. Broadband customers also increased, rising to 5.1 million.") == []


def test_a_rank_word_marks_a_rank():
    assert pairs("She has climbed from 17th in the rankings to 14th.") == [("17th", "14th", 1, True)]


def test_a_loss_is_not_read_for_direction():
    assert pairs("The firm fell to a loss of 12 mln dlrs from a profit of 4 mln dlrs.") == []


def test_an_exchange_rate_quoted_per_currency_is_not_read_without_a_currency_to_read_it_of():
    assert pairs("It climbed to 43.3 per US dollar, up from 43.4.") == []


def test_a_rate_quoted_per_another_currency_goes_against_the_currency_the_sentence_is_about():
    (c,) = document("The peso fell to 18.2 per US dollar, down from 17.9.").changes()
    assert (c.old.text, c.new.text, c.direction, c.per) == ("17.9", "18.2", -1, "dollar")


def test_a_rate_quoted_per_the_currency_the_sentence_is_about_goes_its_way():
    (c,) = document("The euro rose to 1.35 dollars per euro, up from 1.31.").changes()
    assert (c.old.text, c.direction, c.per) == ("1.31", 1, None)


def diffs(text: str) -> list[tuple[str, str, str, int]]:
    return [(d.a.text, d.delta.text, d.b.text, d.sign) for d in document(text).differences()]


def test_a_difference_read_through_the_bound_the_extractor_gives_it():
    assert diffs("Spending was £42bn - £2bn less than the £44bn planned.") == [("£42bn", "£2bn", "less than the £44bn", -1)]


def test_a_difference_with_words_between():
    assert diffs("It sold 41,000, 6,000 more than last year's 35,000.") == [("41,000", "6,000", "35,000", 1)]


def test_more_than_alone_is_no_difference():
    assert diffs("It sold 41,000, more than the 35,000 sold last year.") == []


def terms(text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(t.length.text, t.end.text if t.end else None, t.start.text if t.start else None)
            for t in document(text, published).terms()]


def test_a_term_reaches_its_end_date_in_a_later_sentence_naming_the_issue():
    text = "The city sold a 10-year bond.\n\nThe issue was launched in 2015 and matures on June 1, 2025."
    assert terms(text) == [("10-year", "June 1, 2025", "2015")]


def test_the_end_of_another_thing_is_not_the_terms_end():
    assert terms("It sold seven-year notes and debentures due 2039.", "2026-04-01") == []


def test_two_terms_for_one_thing_are_not_guessed_between():
    assert terms("It sold a seven-year note and a 12-year note. The issue matures in 2038.", "2026-04-01") == []


def test_times_in_two_zones_are_read_in_minutes_with_their_zones():
    (pair,) = document("It starts at 9:30 a.m. EDT (1330 GMT).").zone_pairs()
    assert (pair.a.text, pair.a.value, pair.a_zone, pair.b.value, pair.a_offset) == ("9:30 a.m. EDT", 570, "EDT", 810, -4.0)


def test_an_hour_alone_is_not_read_as_a_time():
    assert document("Route 66 BST (5 GMT) is closed.").zone_pairs() == []


def test_a_percent_said_alone_links_to_the_comparison_in_the_next_sentence():
    text = "The number of films made in Wales fell 30% last year. Only 21 films were made, compared with 40 in 2023."
    [c] = document(text).changes()
    assert (c.old.text, c.new.text, c.direction, c.delta.text, c.delta_sign) == ("40", "21", None, "30%", -1)


def test_a_percent_with_a_figure_of_its_own_is_not_linked():
    text = "Sales of films fell 30% to 500 last year. Only 21 films were made, compared with 40 in 2023."
    [c] = document(text).changes()
    assert c.delta is None


def test_a_term_since_a_date_runs_to_publication():
    assert terms("We have had a five year freeze on fares since March 2021.", "2026-03-04") == [("five year", None, "March 2021")]


def test_since_in_another_clause_is_not_the_terms_start():
    assert terms("She will serve a two-year term and succeeds a chairman who served since 2016.", "2026-03-04") == []


def test_an_end_date_named_by_its_thing_may_come_before_the_length():
    text = "It rated its debentures due 1999. The plan is financed by 12-year debenture issues."
    assert terms(text, "1987-06-19") == [("12-year", "1999", None)]


def test_a_direction_phrase_read_backwards_is_read_whole():
    assert pairs("The forecast was scaled back from 2.6% to 2.9%.") == [("2.6%", "2.9%", -1, False)]


def test_a_rise_in_a_ranking_to_number_n_is_a_smaller_number():
    (c,) = document("Hantuchova has risen from 31 in the world in January to number 22.").changes()
    assert (c.old.text, c.new.text, c.direction, c.rank) == ("31", "22", 1, True)


def test_new_then_a_direction_on_the_old_is_a_change():
    (c,) = document("Profits were £5m, up on last year's £4m.").changes()
    assert (c.old.text, c.new.text, c.direction) == ("£4m", "£5m", 1)
    (c,) = document("It had 8% of output, an improvement on its current 8.5%.").changes()
    assert (c.old.text, c.new.text, c.direction) == ("8.5%", "8%", 1)


def test_a_difference_up_on_the_old_is_not_the_new_figure():
    assert document("Profits were £5m, £1m up on last year's £4m.").changes() == []


def test_a_figure_named_as_last_weeks_is_the_old_value_of_a_change_later_in_its_clause():
    assert pairs("The film followed last week's fifth-place debut with a climb to fourth place.") == \
        [("fifth", "fourth", 1, True)]


def test_last_weeks_figure_and_a_change_in_another_clause_are_not_linked():
    assert pairs("The film followed last week's fifth-place debut, while its sequel rose to fourth place.") == []


def test_a_date_first_set_then_postponed():
    assert pairs("The opera, originally scheduled for 2010, has been postponed until 2012.") == [("2010", "2012", 1, False)]


def test_a_date_first_set_then_brought_forward():
    assert pairs("The vote, initially planned for 2012, has been brought forward to 2011.") == [("2012", "2011", -1, False)]


def test_a_date_not_named_as_the_one_first_set_is_not_the_old_date():
    assert pairs("The opera, which opened in 2010, has been postponed until 2012.") == []


def test_a_figure_open_at_one_end_and_a_rate_written_once():
    assert pairs("Staff must be paid at least £7.10 an hour, up from £6.90.") == [("£6.90", "at least £7.10 an hour", 1, False)]


def test_a_further_change_goes_on_from_the_last_one_the_same_way():
    text = "Fares rose to £3.20 a ticket, up from £3.00. A further rise in fares to £3.50 a ticket is planned."
    assert ("£3.20", "£3.50", 1, False) in pairs(text)


def test_a_further_change_the_other_way_is_not_linked():
    text = "Fares rose to £3.20 a ticket, up from £3.00. A further fall in fares to £3.50 a ticket is planned."
    assert all(new != "£3.50" for _old, new, _d, _r in pairs(text))


def deltas(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.old.text, c.new.text, c.delta.text if c.delta else None) for c in document(text).changes()]


def test_the_amount_of_a_change_said_the_sentence_before_with_the_same_verb():
    text = "The mill raised its list price by 25 dlrs a tonne. Its pulp will be raised to 525 dlrs a tonne from 500 dlrs a ton."
    assert deltas(text) == [("500 dlrs a ton", "525 dlrs a tonne", "25 dlrs a tonne")]


def test_an_amount_a_year_is_not_the_whole_of_a_change():
    text = "The mill will raise its price by 25 dlrs a tonne annually. The price will be raised to 600 dlrs a tonne from 500 dlrs."
    assert [d for _o, _n, d in deltas(text)] == [None]


def test_an_amount_told_with_another_verb_may_be_one_cause_among_others():
    text = "This cut income by 2 mln dlrs. Income fell to 40 mln dlrs from 45 mln dlrs."
    assert [d for _o, _n, d in deltas(text)] == [None]


def test_a_percent_against_a_year_whose_figure_a_sentence_opening_with_it_gives():
    text = "The farm grew 5.2 million tonnes of wheat in 2008, 30% higher than in 2007. In 2007, wheat output totalled 4 million tonnes."
    assert deltas(text) == [("4 million tonnes", "5.2 million tonnes", "30%")]


def test_a_year_that_opens_two_sentences_gives_no_old_figure():
    text = ("The farm grew 5.2 million tonnes of wheat in 2008, 30% higher than in 2007. In 2007, wheat output "
            "totalled 4 million tonnes. In 2007, rice output totalled 2 million tonnes.")
    assert deltas(text) == []


def test_a_sentence_opening_with_the_subject_of_the_one_before_changes_the_value_it_stated():
    text = "Spending in 2009 was £40bn, the treasury said. Spending is expected to rise to £44bn by 2012."
    assert pairs(text) == [("£40bn", "£44bn", 1, False)]


def test_a_sentence_opening_with_another_subject_changes_nothing_before():
    text = "Spending in 2009 was £40bn, the treasury said. Borrowing is expected to rise to £44bn by 2012."
    assert pairs(text) == []


def test_a_new_record_low_against_the_previous_record_low_in_the_next_sentence():
    text = "The index closed at a record low of 412.5 points on Friday. The previous record low was 418.2 points, set in May."
    assert pairs(text) == [("418.2", "412.5", -1, False)]


def test_a_record_without_a_side_is_a_high():
    text = "Reserves rose to a record 61 billion dlrs, officials said. The previous record of 58 billion dlrs was set in June."
    assert pairs(text) == [("58 billion dlrs", "61 billion dlrs", 1, False)]


def test_a_record_high_is_not_set_against_a_previous_record_low():
    text = "The index closed at a record high of 412.5 points on Friday. The previous record low was 318.2 points, set in May."
    assert pairs(text) == []


def test_two_losses_compare_by_size():
    assert pairs("The mills had losses of 4.2 mln dlrs, up from 3.1 mln dlrs a year before.") == \
        [("3.1 mln dlrs", "4.2 mln dlrs", 1, False)]


def test_a_loss_set_against_a_profit_is_not_read():
    assert pairs("The unit fell to a loss of 6 mln dlrs from 2 mln dlrs profit.") == []


def test_a_figure_below_zero_is_read_with_its_minus():
    # The extractor reads "minus 1.5 pct" as -1.5, so the fall from 0.5 is a change like any other.
    assert pairs("Growth fell to minus 1.5 pct from 0.5 pct.") == [("0.5 pct", "minus 1.5 pct", -1, False)]
    from figcheck.kinds.change import direction
    assert all(h.holds for h in direction(document("Growth fell to minus 1.5 pct from 0.5 pct.").changes()))


def test_a_comma_may_set_off_the_from_of_a_change():
    assert pairs("The board raised its dividend to 16 cts a share, from 14 cts a share.") == \
        [("14 cts a share", "16 cts a share", 1, False)]


def test_a_sentence_referring_back_with_a_direction_from_the_old_figure():
    text = "Loss-making farms had losses of 1.4 bln dlrs. The figure for those farms was up from 0.9 bln dlrs in 2001."
    assert pairs(text) == [("0.9 bln dlrs", "1.4 bln dlrs", 1, False)]


def test_a_sentence_about_another_thing_with_a_direction_from_is_not_linked_back():
    text = "Loss-making farms had losses of 1.4 bln dlrs. Profits at the others were up from 0.9 bln dlrs in 2001."
    assert pairs(text) == []


def test_another_countrys_dollar_quoted_per_us_dollar_goes_the_other_way():
    (c,) = document("The Fiji dollar could appreciate to 1.8 to the U.S. dollar by June from 2.1 now.").changes()
    assert (c.old.text, c.new.text, c.direction, c.per) == ("2.1", "1.8", 1, "dollar")


def test_the_verbs_object_behind_a_determiner_is_the_old_value():
    assert pairs("The plan would cut the 40 bln dlr deficit next year to 31 bln dlrs.") == \
        [("40 bln dlr", "31 bln dlrs", -1, False)]
    assert pairs("It raised its 4.5 pct stake in the bank to 9.8 pct.") == [("4.5 pct", "9.8 pct", 1, False)]


def test_a_count_cut_without_a_determiner_or_after_a_is_the_amount():
    assert pairs("The mill will cut 1,500 jobs to 9,000.") == []
    assert pairs("The mill will cut an estimated 1,500 jobs to 9,000.") == []
    assert pairs("It cut a further 2 pct to 6 pct.") == []


def test_a_direction_and_to_before_a_comparison_say_the_way():
    assert pairs("Output has jumped to 3.1 mln bpd, compared with 2.2 mln bpd in 1990.") == [("2.2 mln bpd", "3.1 mln bpd", 1, False)]


def test_an_amount_between_the_direction_and_to_belongs_to_another_period():
    assert pairs("The rig count fell by 12 to 640, against 910 a year ago.") == [("910", "640", None, False)]


def test_a_usual_level_and_a_total_of_are_fillers():
    assert pairs("The bank raised its target to 50 mln dlrs from its usual 35 mln dlrs.") == [("35 mln dlrs", "50 mln dlrs", 1, False)]
    assert pairs("Rigs dropped to a total of 512 from 530.") == [("530", "512", -1, False)]


def test_an_initial_with_a_period_does_not_split_a_change():
    assert pairs("The index rose to 118 in the U.S. market from 112.") == [("112", "118", 1, False)]


def test_a_percent_the_sentence_before_with_no_noun_needs_the_same_way():
    text = "The number of long waits has fallen by 10%. Figures showed a decline from 500 to 450."
    assert deltas(text) == [("500", "450", "10%")]
    text = "The number of long waits has risen by 10%. Figures showed a decline from 500 to 450."
    assert deltas(text) == [("500", "450", None)]


def test_a_change_told_anew_with_a_verb_is_not_the_percent_before():
    text = "The currency has gained 5% since May. The surplus rose from 400 to 700."
    assert deltas(text) == [("400", "700", None)]


def test_but_this_refers_back_to_the_figure_before():
    assert pairs("It holds a share of 81% but this is down from 84% in 2003.") == [("84%", "81%", -1, False)]


def test_but_with_another_subject_is_another_quantity():
    assert pairs("It holds a share of 81% but rivals are down from 14% in 2003.") == []


def test_a_conversion_in_brackets_does_not_split_a_comparison():
    assert pairs("Profit was $24m (£13m; 18m euros) in the quarter, compared with $31m a year ago.") == \
        [("$31m", "$24m", None, False)]


def test_a_gap_that_narrows_shrinks_and_one_that_widens_grows():
    assert pairs("The trade deficit narrowed to 4.1 bln dlrs from 5.2 bln dlrs.") == [("5.2 bln dlrs", "4.1 bln dlrs", -1, False)]
    assert pairs("The spread widened to 2.9 pct from 2.4 pct.") == [("2.4 pct", "2.9 pct", 1, False)]


def test_a_conversion_in_brackets_does_not_split_a_change():
    assert pairs("Net income fell to 412m euros ($540m; £290m) in 2004, from 655m euros.") == \
        [("655m euros", "412m euros", -1, False)]


def test_went_up_to_new_from_old_is_a_rise():
    assert pairs("Imports were up to 12,400 tonnes from 9,800.") == [("9,800", "up to 12,400 tonnes", 1, False)]


def test_up_to_after_another_verb_is_a_bound():
    assert pairs("The hall holds up to 500 people from 12 countries.") == []


def test_a_year_between_the_new_figure_and_up_from_is_when_it_was():
    assert pairs("The mill earned 4.1 mln dlrs in 2003, up from 3.2 mln in 2002.") == [("3.2 mln", "4.1 mln dlrs", 1, False)]


def test_another_quantity_between_may_be_the_new_figure():
    assert pairs("Sales were 5 mln dlrs in 2003 and 40 pct in 2004, up from 3 mln dlrs.") == []


def moves(text: str) -> list[tuple[str, str, str | None, int]]:
    return [(c.old.text, c.new.text, c.delta.text if c.delta else None, c.delta_sign) for c in document(text).changes()]


def test_the_places_a_rank_moves_are_its_change_and_no_place():
    # A rise in the chart is a smaller number: 18 → 5 climbs 13 places, a change of −13.
    assert moves("The band's single climbed 13 places to number 5 from number 18.") == [("18", "5", "13", -1)]


def test_places_in_another_clause_are_not_the_move():
    assert moves("The single climbed to number 5 from number 18, and the album fell three places.") == \
        [("18", "5", None, 0)]


def test_an_earlier_week_s_place_links_across_an_appositive_subject():
    text = "Last week's number two, a ballad by a Glasgow duo, dropped nine places to number 11."
    assert moves(text) == [("two", "11", "nine", 1)]


def test_an_appositive_subject_does_not_link_a_figure_with_a_change_of_its_own():
    # 11 is a count of venues that fell from 14, not the place the song slipped to.
    text = "Last week's number two, the band's first hit, was played at 11 venues, down from 14."
    assert moves(text) == [("14", "11", None, 0)]
