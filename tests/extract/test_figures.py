"""Extraction tables: text -> figures as written, with value, range, bound and kind; and traps."""

from __future__ import annotations

import math

import pytest

from figcheck import extract_figures

INF = math.inf


def one(text: str, wanted: str):
    figs = [f for f in extract_figures(text) if f.text == wanted]
    assert figs, f"{wanted!r} not found in {[f.text for f in extract_figures(text)]}"
    return figs[0]


@pytest.mark.parametrize(("text", "written", "value", "low", "high", "bound", "kind"), [
    ("Russia had fired 1,150 drones.", "1,150", 1150, 1150, 1150, "exact", "count"),
    ("Growth was 5.3 in May.", "5.3", 5.3, 5.25, 5.35, "exact", "count"),
    ("It fell to -10C overnight.", "-10C", -10, -10.5, -9.5, "exact", "quantity"),
    ("Nine ministers resigned.", "Nine", 9, 9, 9, "exact", "count"),
    ("There were twenty-one of them.", "twenty-one", 21, 21, 21, "exact", "count"),
    ("A dozen eggs.", "A dozen", 12, 12, 12, "exact", "count"),
    ("Hundreds of drones flew.", "Hundreds of", 200, 200, 999, "range", "count"),
    ("The 1.2 million voters.", "1.2 million", 1.2e6, 1.15e6, 1.25e6, "exact", "count"),
    ("It costs $5bn.", "$5bn", 5e9, 4.5e9, 5.5e9, "exact", "money"),
    ("A bill of £60bn.", "£60bn", 60e9, 59.5e9, 60.5e9, "exact", "money"),
    ("Revenue was 4.1m last year.", "4.1m", 4.1e6, 4.05e6, 4.15e6, "exact", "count"),
    ("Sales reached $4.32 billion.", "$4.32 billion", 4.32e9, 4.315e9, 4.325e9, "exact", "money"),
    ("Turnout was 45% this time.", "45%", 45, 44.5, 45.5, "exact", "percent"),
    ("Turnout was 12 per cent.", "12 per cent", 12, 11.5, 12.5, "exact", "percent"),
    ("It rose 0.3 percentage points.", "0.3 percentage points", 0.3, 0.25, 0.35, "exact", "percentage_points"),
    ("At least 37 people died.", "At least 37", 37, 37, INF, "at_least", "count"),
    ("More than 50 died.", "More than 50", 50, 50, INF, "more_than", "count"),
    ("Nearly 300 came.", "Nearly 300", 300, 255, 300, "about", "count"),
    ("About 120 drones.", "About 120", 120, 108, 132, "about", "count"),
    ("Up to 40 people.", "Up to 40", 40, 0, 40, "at_most", "count"),
    ("Fewer than 10 people.", "Fewer than 10", 10, 0, 10, "less_than", "count"),
    ("Between 10 and 15 people.", "Between 10 and 15", 12.5, 10, 15, "range", "count"),
    ("Some 10-15 people came.", "10-15", 12.5, 10, 15, "range", "count"),
    ("The tunnel is 57 kilometres long.", "57 kilometres", 57, 56.5, 57.5, "exact", "quantity"),
    ("Winds of 130 mph.", "130 mph", 130, 129.5, 130.5, "exact", "quantity"),
    ("It was 41C in the shade.", "41C", 41, 40.5, 41.5, "exact", "quantity"),
    ("An area of 1,544 sq miles.", "1,544 sq miles", 1544, 1543.5, 1544.5, "exact", "quantity"),
    ("It sailed at 20 knots.", "20 knots", 20, 19.5, 20.5, "exact", "quantity"),
    ("Pumping 25 litres a second.", "25 litres a second", 25, 24.5, 25.5, "exact", "quantity"),
    ("It lasted six hours.", "six hours", 6, 6, 6, "exact", "duration"),
    ("She won in 2 hours 6 minutes.", "2 hours 6 minutes", 2.1, 2.1, 2.1, "exact", "duration"),
    ("The 78-year-old spoke.", "78-year-old", 78, 78, 78, "age", "age"),
    ("Garcia, 39, spoke.", "39", 39, 39, 39, "exact", "age"),
    ("Half of the teams.", "Half", 0.5, 0.5, 0.5, "exact", "fraction"),
    ("Two-thirds of voters.", "Two-thirds", 2 / 3, 2 / 3, 2 / 3, "exact", "fraction"),
    ("One in five adults.", "One in five", 0.2, 0.2, 0.2, "exact", "fraction"),
    ("Its 100th anniversary.", "100th", 100, 100, 100, "exact", "ordinal"),
    ("The third anniversary.", "third", 3, 3, 3, "exact", "ordinal"),
])
def test_figure_is_read(text, written, value, low, high, bound, kind):
    f = one(text, written)
    assert f.kind == kind
    assert f.value == pytest.approx(value)
    assert f.low == pytest.approx(low)
    assert f.high == pytest.approx(high)
    if bound != "age":
        assert f.bound.value == bound


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("An offer of 38.50 dlrs a share in cash.", "38.50 dlrs a share", "USD / share"),
    ("It costs $5bn a year to run.", "$5bn a year", "USD / year"),
    ("It fell to 210,000 pounds a year ago.", "210,000 pounds", "GBP"),
    ("Quakes over magnitude 4.5 hit.", "4.5", "magnitude"),
])
def test_rates_and_measures_carry_their_unit(text, written, unit):
    assert one(text, written).unit == unit


def test_a_dot_may_separate_thousands():
    f = one("Car sales fell to 25.269 units.", "25.269")
    assert (f.low, f.high) == (25.269, 25269)


@pytest.mark.parametrize(("text", "kept"), [
    ("Gold 4.71 billion, up from 3.99 billion.", ["4.71 billion", "3.99 billion"]),
    ("Two handsets - the 3230 and 7710 - are due.", ["Two"]),
    ("The bank said it had 2,000 staff.", ["2,000"]),
])
def test_names_and_model_numbers_are_not_figures(text, kept):
    assert [f.text for f in extract_figures(text)] == kept


def test_text_is_exactly_the_body_slice():
    text = "Some 900 migrants crossed in June, including 1,100 in a week; at least 37 died."
    for f in extract_figures(text):
        assert text[f.start:f.end] == f.text


@pytest.mark.parametrize(("text", "written", "counted", "verb", "when"), [
    ("Russia launched a record 267 drones in a strike overnight.", "267", "drones", "launched", "overnight"),
    ("Ukraine managed to shoot down 138 of the drones.", "138", "drones", "shoot down", None),
    ("Meanwhile, 119 were identified as decoy drones.", "119", "drones", "identified", None),
    ("Russia had fired 1,150 drones throughout the week.", "1,150", "drones", "fired", "throughout the week"),
    ("Sales fell in March to 5,000 cars.", "5,000", "cars", "fell", "in March"),
    ("The 5.3 million registered voters went last year.", "5.3 million", "voters", "went", "last year"),
    ("The studio made three 3D cartoons last year.", "three", "cartoons", "made", "last year"),
])
def test_context_is_read(text, written, counted, verb, when):
    f = one(text, written)
    assert (f.counted, f.verb, f.when) == (counted, verb, when)


@pytest.mark.parametrize(("text", "kind", "year"), [
    ("He was elected in May 2019.", "date", 2019),
    ("The invasion began in February 2022.", "date", 2022),
    ("It was declared on 24 August 1991.", "date", 1991),
    ("He was born in 1979.", "year", 1979),
])
def test_dates_and_years(text, kind, year):
    figs = extract_figures(text)
    assert len(figs) == 1
    assert figs[0].kind == kind
    assert int(figs[0].value) == year


@pytest.mark.parametrize("text", [
    "See Source 1 and Source 2.", "Figure 3 shows it.", "Part 2 follows.", "Photo 1 of 12.",
    "The COVID-19 pandemic.", "The G7 summit.", "An F-16 jet.", "A Boeing 737 jet.", "Updated 12:45 GMT.",
    "Chelsea won 3-1 on Sunday.", "She won 6-4, 3-6, 6-2.", "Call +44 20 7946 0958 now.",
    "See https://example.com/2024/05/story-12 for more.", "In the 1990s.", "At 5 pm.",
])
def test_not_figures(text):
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "figures"), [
    ("She has risen to number 22 in the world.", ["22"]),
    ("The single went in at number 14.", ["14"]),
    ("Last week's number 3 fell away.", ["3"]),
    ("Take the number 22 bus.", []),
    ("He wore number 9 for years.", []),
])
def test_a_place_in_a_ranking_is_a_figure_and_number_alone_a_label(text, figures):
    assert [f.text for f in extract_figures(text)] == figures


def test_first_seed_figures():
    from pathlib import Path

    body = (Path(__file__).parents[2] / "seeds" / "000_b2df989740c2b814.txt").read_text(encoding="utf-8")
    by_text = {f.text: f for f in extract_figures(body)}
    expected = {  # text as written: (value, kind, thing counted)
        "267": (267, "count", "drones"), "138": (138, "count", "drones"), "119": (119, "count", "drones"),
        "1,150": (1150, "count", "drones"), "1,400": (1400, "count", "bombs"), "35": (35, "count", "missiles"),
        "six hours": (6, "duration", None), "at least three": (3, "count", "casualties"),
        "third": (3, "ordinal", "anniversary"),
    }
    for text, (value, kind, counted) in expected.items():
        f = by_text[text]
        assert (f.value, f.kind, f.counted) == (value, kind, counted), text
    assert by_text["May 2019"].kind == by_text["February 2022"].kind == "date"
    assert int(by_text["February 2022"].value) == 2022
    assert by_text["267"].when == "overnight"
    assert by_text["1,150"].when == "throughout the week"
    assert by_text["at least three"].high == float("inf")


def test_second_seed_has_no_source_numbers():
    from pathlib import Path

    body = (Path(__file__).parents[2] / "seeds" / "002_9d77778acc55408f.txt").read_text(encoding="utf-8")
    assert not [f for f in extract_figures(body) if f.text in ("1", "2")]


@pytest.mark.parametrize(("text", "kept"), [
    ("Rapper 50 Cent has ended his feud.", []),
    ("He lives at 10 Downing Street.", []),
    ("A side made up of Six Nations teams.", []),
    ("Russia launched 267 Russian drones.", ["267"]),
    ("There were 40 Britons on board.", ["40"]),
])
def test_numbers_inside_names(text, kept):
    assert [f.text for f in extract_figures(text)] == kept


def test_a_day_after_a_month_is_not_an_age():
    figs = extract_figures("Tests are on 25 June, 2 and 9 July.")
    assert [f.kind for f in figs if f.text == "2"] == ["count"]


def test_noun_phrase_ends_before_a_participle():
    assert one("It wrote to 10 major airlines saying so.", "10").counted == "airlines"


def test_a_plural_group_before_its_count_is_no_name():
    figs = extract_figures("Labour holds 28, the Conservatives 22 and the Liberal Democrats 14.")
    assert [f.text for f in figs] == ["28", "22", "14"]


def test_a_body_whose_lower_case_is_longer_reads_the_same_figures():
    # "İ" lower-cases to two code points: the scan must not read offsets off the lower-cased copy.
    plain = extract_figures("In Izmir twenty-one ships and 45 boats docked in March 2020.")
    dotted = extract_figures("In İzmir twenty-one ships and 45 boats docked in March 2020.")
    assert [(f.text, f.start, f.value, f.kind) for f in dotted] == [(f.text, f.start, f.value, f.kind) for f in plain]
    assert [f.text for f in dotted] == ["twenty-one", "45", "March 2020"]


def test_a_finding_shows_each_figure_as_extract_reads_it():
    # check reads verbs and the time scope of uncounted kinds only for the figures a finding shows.
    from figcheck import check_text

    text = "Overnight, turnover rose by 20.8 pct to 87.1 mln dlrs from 72.6 mln dlrs last year."
    findings = check_text(text)
    assert findings
    extracted = {f.start: f for f in extract_figures(text)}
    for finding in findings:
        for f in finding.figures:
            assert f == extracted[f.start]
    assert any(f.kind == "percent" and f.when for finding in findings for f in finding.figures)


@pytest.mark.parametrize("town", ["Izmir", "İzmir"])
def test_time_scope_is_read_where_lower_casing_moves_offsets(town):
    fig = one(f"Over {town}, 267 drones were launched OVERNIGHT and 1,150 throughout the week.", "267")
    assert (fig.when, one(f"Over {town}, 267 drones flew overnight and 1,150 throughout the week.", "1,150").when) \
        == ("OVERNIGHT", "throughout the week")


def _article_phrases():
    from figcheck import lexicon
    from figcheck.extract.numerals import words
    from figcheck.extract.scan import SCHEMA

    w = words()
    named = [p for p in w["named"] if p.split()[0] in ("a", "an")]
    # "a fourth" is an ordinal by design: a share only after a numeral ("one-fourth").
    ordinal_after_a = set(lexicon.load_strict("scan", SCHEMA)["words"]["shares_after_numerals_only"])
    fractions = [("an " if f[0] in "aeiou" else "a ") + f for f in w["fractions"] if " " not in f and f not in ordinal_after_a]
    return named + fractions


@pytest.mark.parametrize("phrase", _article_phrases())
def test_every_phrase_an_article_opens_is_found(phrase):
    # The candidate pass proposes "a"/"an" only before the words that can follow: every phrase
    # in the word lists must still be read, in lower case and capitalised.
    for text in (f"They sold {phrase} the shares.", f"{phrase[0].upper()}{phrase[1:]} the shares went."):
        figs = extract_figures(text)
        assert figs and figs[0].start == text.lower().index(phrase), (text, [f.text for f in figs])


@pytest.mark.parametrize(("text", "written", "kind"), [
    ("The actor died on Sunday aged 81.", "81", "age"),
    ("The singer, 70, who was born in Leeds, retired.", "70", "age"),
    ("Garcia, 39, joined in 2015.", "39", "age"),
    ("The Agency, 45 staff strong, moved.", "45", "count"),   # "Agency" is not "aged"
    ("In the morning, 70 people queued.", "70", "count"),
])
def test_ages_by_the_words_around_them(text, written, kind):
    assert one(text, written).kind == kind


def test_a_possessive_is_followed_by_what_it_owns_not_a_name():
    assert [f.text for f in extract_figures("The strike covers 2,800 of NBC's 8,000 workers.")] == ["2,800", "8,000"]


def test_possessives_that_end_a_name_stay_names():
    assert [f.text for f in extract_figures("The Standard and Poor's 500 index rose 5 pct.")] == ["5 pct"]
