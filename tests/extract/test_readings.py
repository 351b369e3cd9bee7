"""Issue 14: figures read right, cause by cause (a range's scale, number words, mixed numbers,
currency codes, signs, multipliers, year and day spans, clock times, fractions, units, metres).
Each cause has positives and traps, in invented sentences."""

from __future__ import annotations

import pytest

from figcheck import extract_figures


def figures(text: str) -> list[tuple[str, str, float, float, float, str | None]]:
    return [(f.text, f.kind, f.value, f.low, f.high, f.unit) for f in extract_figures(text)]


def approx(rows: list[tuple]) -> list[tuple]:
    return [tuple(pytest.approx(x, abs=1e-3) if isinstance(x, (int, float)) else x for x in row) for row in rows]


# Each cause of issue 14, its positives and traps: text -> every figure read, as
# (text, kind, value, low, high, unit).
READINGS: dict[str, list[tuple[str, list[tuple]]]] = {
    "scale carried back": [
        # The scale (and currency) of the second number is the first's: two figures, as a change needs.
        ("Repairs could run from $30 to $45 billion.",
         [("$30", "money", 30e9, 29.5e9, 30.5e9, "USD"), ("$45 billion", "money", 45e9, 44.5e9, 45.5e9, "USD")]),
        ("The ferry line wants 70 to 90 million euros.",
         [("70", "money", 70e6, 69.5e6, 70.5e6, "EUR"), ("90 million euros", "money", 90e6, 89.5e6, 90.5e6, "EUR")]),
        ("Losses shrank from 14 to 9 billion.",
         [("14", "count", 14e9, 13.5e9, 14.5e9, None), ("9 billion", "count", 9e9, 8.5e9, 9.5e9, None)]),
        ("Six or seven thousand fans waited.",
         [("Six", "count", 6000, 5500, 6500, None), ("seven thousand", "count", 7000, 6500, 7500, None)]),
        ("Roughly two to three hundred boats sailed.",
         [("Roughly two", "count", 200, 180, 220, None), ("three hundred", "count", 300, 300, 300, None)]),
        ("She guessed between five and six million visits.",
         [("between five and six million", "count", 5.5e6, 5e6, 6e6, None)]),
        ("Its value fell between one and two pct.",
         [("between one and two pct", "percent", 1.5, 1, 2, None)]),
    ],
    "scale not carried": [
        # Far below the second number's numeral: a figure of its own size, not at the scale.
        ("The club grew from 900 to 1.4 million members.",
         [("900", "count", 900, 900, 900, None), ("1.4 million", "count", 1.4e6, 1.35e6, 1.45e6, None)]),
        ("It paid $750,000 to $1.2 million.",
         [("$750,000", "money", 750000, 750000, 750000, "USD"), ("$1.2 million", "money", 1.2e6, 1.15e6, 1.25e6, "USD")]),
        # A percentage before "to" is another quantity.
        ("Sales rose 8% to $3 billion.",
         [("8%", "percent", 8, 7.5, 8.5, None), ("$3 billion", "money", 3e9, 2.5e9, 3.5e9, "USD")]),
        # Not joined by "to" or "or".
        ("Of 40 bids, 3 billion dollars came in.",
         [("40", "count", 40, 40, 40, None), ("3 billion dollars", "money", 3e9, 2.5e9, 3.5e9, "USD")]),
    ],
    "and joins number words after a scale only": [
        # "and" joins number words only after a scale word.
        ("Chapters seven and eight were cut.", [("seven", "count", 7, 7, 7, None), ("eight", "count", 8, 8, 8, None)]),
        ("Three hundred and six passengers.", [("Three hundred and six", "count", 306, 306, 306, None)]),
        ("Four thousand and ten seats.", [("Four thousand and ten", "count", 4010, 4005, 4015, None)]),
        ("Volumes one and three are missing.", [("one", "count", 1, 1, 1, None), ("three", "count", 3, 3, 3, None)]),
        ("Pick one or two ripe pears.", [("one", "count", 1, 1, 1, None), ("two", "count", 2, 2, 2, None)]),
    ],
    "mixed numbers": [
        ("The dig lasted four and a half years.", [("four and a half years", "duration", 4.5, 4.5, 4.5, "year")]),
        ("They signed a nine and one-half year lease.", [("nine and one-half year", "duration", 9.5, 9.5, 9.5, "year")]),
        ("Nearly three and a half million tickets.",
         [("Nearly three and a half million", "count", 3.5e6, 2.975e6, 3.5e6, None)]),
        # A whole number and another whole number are two figures, not a mixed number.
        ("Rooms five and six months apart.", [("five", "count", 5, 5, 5, None), ("six months", "duration", 6, 6, 6, "month")]),
    ],
    "currency glued": [
        # A currency code glued to the digits, or before them.
        ("The grant was EUR40m in all.", [("EUR40m", "money", 40e6, 39.5e6, 40.5e6, "EUR")]),
        ("A meal cost RM23.50 there.", [("RM23.50", "money", 23.5, 23.495, 23.505, "MYR")]),
        ("Bids opened at $A15,000.", [("$A15,000", "money", 15000, 15000, 15000, "AUD")]),
        ("The prize is SEK2 million.", [("SEK2 million", "money", 2e6, 1.5e6, 2.5e6, "SEK")]),
        ("They paid CHF 7.5bn for it.", [("CHF 7.5bn", "money", 7.5e9, 7.45e9, 7.55e9, "CHF")]),
        # Pence glued to the digits.
        ("The stock slipped 6p to 212p.",
         [("6p", "money", 6, 6, 6, "GBP-pence"), ("212p", "money", 212, 212, 212, "GBP-pence")]),
        ("Duty rises 2.5p per litre.", [("2.5p per litre", "money", 2.5, 2.45, 2.55, "GBP-pence / litre")]),
    ],
    "negative values": [
        ("Nights drop to minus 15C up there.", [("minus 15C", "quantity", -15, -15.5, -14.5, "degree_Celsius")]),
        ("The balance ended at minus 3.4 billion dlrs.", [("minus 3.4 billion dlrs", "money", -3.4e9, -3.45e9, -3.35e9, "USD")]),
        ("Its score sank to minus twelve.", [("minus twelve", "count", -12, -12, -12, None)]),
        ("Margins were -1.5% last quarter.", [("-1.5%", "percent", -1.5, -1.55, -1.45, None)]),
        # A margin of error and a difference are no negative numbers.
        ("The poll is accurate to plus or minus 4%.", [("4%", "percent", 4, 3.5, 4.5, None)]),
        ("Eleven minus three is eight.",
         [("Eleven", "count", 11, 11, 11, None), ("three", "count", 3, 3, 3, None), ("eight", "count", 8, 8, 8, None)]),
    ],
    "fold multipliers": [
        ("Bookings grew sixfold in a year.", [("sixfold", "multiplier", 6, 6, 6, None)]),
        ("A hundredfold jump followed.", [("hundredfold", "multiplier", 100, 100, 100, None)]),
        ("It saw a seven-fold rise.", [("seven-fold", "multiplier", 7, 7, 7, None)]),
        # A word that only starts like one is not a multiplier.
        ("The tenfolds of the map.", []),
        ("She threefolded the cloth.", []),
    ],
    "year span traps": [
        # A span of counts before a plural, a score, digits that only look like years.
        ("It sent 1200-1500 medics north.", [("1200-1500", "count", 1350, 1200, 1500, None)]),
        ("Leeds won 3-2 away.", []),
        ("Code 1990-1980 is void.", []),
    ],
    "times decimals abbreviations": [
        # A clock time in four digits with its zone is no year and no count.
        ("Trading halted at 1415 GMT and resumed.", []),
        ("The vote closes at 2100 EST tonight.", []),
        ("Firms founded in 1890 still trade.", [("1890", "year", 1890, 1890, 1890.997, None)]),
        # A decimal without its leading zero, as written.
        ("Yields slipped .08 per cent.", [(".08 per cent", "percent", 0.08, 0.075, 0.085, None)]),
        ("Stamps were $.45 then.", [("$.45", "money", 0.45, 0.445, 0.455, "USD")]),
        ("Wait...7 came.", [("7", "count", 7, 7, 7, None)]),
        # "m.p.h." is a speed, not million.
        ("Gusts hit 85 m.p.h. overnight.", [("85 m.p.h.", "quantity", 85, 84.5, 85.5, "mile / hour")]),
        ("Turnover was 6.5m last year.", [("6.5m", "count", 6.5e6, 6.45e6, 6.55e6, None)]),
        # An index written in capitals keeps its number in its name.
        ("The FTSE 250 gained 1.5%.", [("1.5%", "percent", 1.5, 1.45, 1.55, None)]),
    ],
    "slash fractions": [
        ("The trail is 3/4 mile long.", [("3/4 mile", "quantity", 0.75, 0.625, 0.875, "mile")]),
        ("The wait was 2 1/2 hours.", [("2 1/2 hours", "duration", 2.5, 2.25, 2.75, "hour")]),
        ("The bond gained 5/16 today.", [("5/16", "count", 0.3125, 0.28125, 0.34375, None)]),
        ("Spreads of between 1/4 and 3/8 pct.", [("between 1/4 and 3/8 pct", "percent", 0.3125, 0.25, 0.375, None)]),
        # Not fractions: a date, a slogan, odds, a fiscal year, a year then a fraction.
        ("Since 9/11 it changed.", []),
        ("Open 24/7 now.", []),
        ("The colt is 11/4 to win.", []),
        ("Spending for 2005/6 rose.", [("2005", "year", 2005, 2005, 2005.997, None)]),
        ("By 2010 1/2 of homes had it.", [("2010", "year", 2010, 2010, 2010.997, None), ("1/2", "count", 0.5, 0.25, 0.75, None)]),
    ],
    "units the table lacked": [
        ("The tractor has 95 hp.", [("95 hp", "quantity", 95, 94.5, 95.5, "horsepower")]),
        ("A 250bhp engine.", [("250bhp", "quantity", 250, 249.5, 250.5, "horsepower")]),
        ("Each pill holds 75mg.", [("75mg", "quantity", 75, 74.5, 75.5, "milligram")]),
        ("A 5,000mAh cell.", [("5,000mAh", "quantity", 5000, 4999.5, 5000.5, "milliampere_hour")]),
        # Capitals or no number: no unit.
        ("Staff at HP 40 said so.", [("40", "count", 40, 40, 40, None)]),
    ],
    "counts before a name": [
        ("Ford recalled 14,200 Focus hatchbacks.", [("14,200", "count", 14200, 14200, 14200, None)]),
        ("It holds 2,350,000 Acme shares.", [("2,350,000", "count", 2350000, 2350000, 2350000, None)]),
        # A small bare number before a capitalised word is part of a name.
        ("He lives at 11 Downing Street.", []),
    ],
    "ages of a person": [
        ("The poet died in May. She was 88.", [("88", "age", 88, 88, 88, None)]),
        ("He was 9 when the war began.", [("9", "age", 9, 9, 9, None)]),
        # Not a person, not the clause's end, not a whole number.
        ("The score was 88.", [("88", "count", 88, 88, 88, None)]),
        ("She was 12 shots clear.", [("12", "count", 12, 12, 12, None)]),
    ],
    "ordinals after an article": [
        ("The mayor seeks a third term.", [("third", "ordinal", 3, 3, 3, None)]),
        ("It fell for a fifth straight week.", [("fifth", "ordinal", 5, 5, 5, None)]),
        ("She booked a sixth-floor room.", [("sixth", "ordinal", 6, 6, 6, None)]),
        ("It was a fourth year for him.", [("fourth", "ordinal", 4, 4, 4, None)]),
        # Shares: before "of", at a clause's end, after a hedge, after a numeral.
        ("A third of the crop failed.", [("A third", "fraction", 1 / 3, 1 / 3, 1 / 3, None)]),
        ("Costs fell by a fifth.", [("a fifth", "fraction", 0.2, 0.2, 0.2, None)]),
        ("Almost a tenth voted no.", [("Almost a tenth", "fraction", 0.1, 0.085, 0.1, None)]),
        ("Three fourths of pupils passed.", [("Three fourths", "fraction", 0.75, 0.75, 0.75, None)]),
    ],
    "m is metres or million": [
        ("He ran the 400m relay.", [("400m", "quantity", 400, 399.5, 400.5, "meter")]),
        ("A 42m yacht sank.", [("42m", "quantity", 42, 41.5, 42.5, "meter")]),
        ("The mast stood 90ft (27m) tall.",
         [("90ft", "quantity", 90, 89.5, 90.5, "foot"), ("27m", "quantity", 27, 26.5, 27.5, "meter")]),
        # Million elsewhere: money, people, a bare total, a bracket after money.
        ("A £42m yacht sank.", [("£42m", "money", 42e6, 41.5e6, 42.5e6, "GBP")]),
        ("About 3m viewers tuned in.", [("About 3m", "count", 3e6, 2.7e6, 3.3e6, None)]),
        ("It paid $40m (£27m) for it.",
         [("$40m", "money", 40e6, 39.5e6, 40.5e6, "USD"), ("£27m", "money", 27e6, 26.5e6, 27.5e6, "GBP")]),
    ],
}


@pytest.mark.parametrize(("text", "wanted"), [case for cases in READINGS.values() for case in cases],
                         ids=[f"{cause}: {text}" for cause, cases in READINGS.items() for text, _ in cases])
def test_readings(text, wanted):
    assert figures(text) == approx(wanted)


def test_no_one_stays_a_pronoun():
    assert [f.text for f in extract_figures("No one and nothing moved.")] == []
    assert [f.text for f in extract_figures("She is the one to watch.")] == []


@pytest.mark.parametrize(("text", "written"), [
    ("The B52 and the A380 landed.", []),               # a model glued to letters stays a name
    ("Its code was XUSD77 today.", []),                  # a code inside a longer word is no currency
    ("Streams come in 720p only.", ["720"]),             # a video resolution is no money
    ("Doors open at 7p.m. nightly.", []),                # a clock time
    ("See Clause 4p of the deal.", []),                  # a label
])
def test_currency_glued_traps(text, written):
    figs = extract_figures(text)
    assert [f.text for f in figs] == written
    assert all(f.kind != "money" for f in figs)


@pytest.mark.parametrize(("text", "written", "low", "high"), [
    ("She chaired the board 1971-79 and retired.", "1971-79", 1971, 1979),
    ("The painter Jan Roe (1902-1988) left no heirs.", "1902-1988", 1902, 1988),
    ("Their 2018–19 season was poor.", "2018–19", 2018, 2019),
    ("The audit covers 1997-03 in full.", "1997-03", 1997, 2003),
])
def test_year_spans(text, written, low, high):
    fig = next(f for f in extract_figures(text) if f.text == written)
    assert (fig.kind, fig.bound.value) == ("year", "range")
    assert int(fig.low) == low and int(fig.high) == high and low < fig.value < high + 1


def test_day_spans_are_one_date():
    assert [(f.text, f.kind) for f in extract_figures("Talks are set for Oct. 12-14 in Oslo.")] == [("Oct. 12-14", "date")]
    fig = extract_figures("The fair ran May 3-6, 2011 downtown.")[0]
    assert (fig.text, fig.kind, fig.bound.value) == ("May 3-6, 2011", "date", "range")
    assert int(fig.low) == 2011 and fig.low < fig.high
    # A later number that is no day of the month stays its own figure.
    assert [f.text for f in extract_figures("On June 9-2.5 was the line.")] == ["June 9", "2.5"]


def test_a_date_before_a_clock_time_keeps_its_day():
    figs = extract_figures("Kick-off: Sunday, 14 March 1930 GMT at the Arms Park.")
    assert [(f.text, f.kind) for f in figs] == [("14 March", "date")]
    # A year after the day with no zone stays the date's year.
    assert extract_figures("It opened on 14 March 1930 in Leeds.")[0].text == "14 March 1930"


@pytest.mark.parametrize(("text", "wanted"), [
    ("Fees may rise between 4% and 6% next year.", [("between 4% and 6%", "percent", 5, 4, 6, None)]),
    ("Margins of between 2 per cent and 2.5 per cent.",
     [("between 2 per cent and 2.5 per cent", "percent", 2.25, 2, 2.5, None)]),
    # The second number is no percentage: two figures.
    ("Between 4% and 6 staff left.", [("4%", "percent", 4, 3.5, 4.5, None), ("6", "count", 6, 6, 6, None)]),
])
def test_percent_ranges(text, wanted):
    rows = figures(text)
    assert [r[:2] for r in rows] == [w[:2] for w in wanted]
    assert [r[2:5] for r in rows] == [tuple(pytest.approx(x) for x in w[2:5]) for w in wanted]


def test_years_between():
    fig = extract_figures("Output doubled between 1996 and 2001 there.")[0]
    assert (fig.text, fig.kind, fig.bound.value, int(fig.low), int(fig.high)) == ("between 1996 and 2001", "year", "range", 1996, 2001)
    # A count range before a plural, and a change from one year to another, stay as they were.
    assert [(f.text, f.kind) for f in extract_figures("It hired between 1500 and 1800 nurses.")] == [
        ("between 1500 and 1800", "count")]
    assert [(f.text, f.kind) for f in extract_figures("Prices rose from 1996 to 2001.")] == [
        ("1996", "year"), ("2001", "year")]
