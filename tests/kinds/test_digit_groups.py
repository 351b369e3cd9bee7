"""Malformed numbers: which are slips, and which a convention (continental, Indian, decimal comma)."""

from __future__ import annotations

import pytest

from figcheck.kinds import digit_groups
from figcheck.relate import document


def reasons(text: str) -> list[str]:
    return [h.fields["reason"] for h in digit_groups.check(document(text), digit_groups.Params())]


@pytest.mark.parametrize("text", [
    "Output rose to 1.234,5 tonnes.",                              # continental, decimal comma
    "It sold 1.234.567,89 euros of stock.",                        # continental, longer
    "Loans of Rs 1,00,000 and 12,34,567 rupees were made.",       # lakhs, in Indian copy
    "\"We want 1,5 million,\" he said of the 900,000 now.",      # a decimal comma before a scale word
    "The stamp costs 2,50 euros.",                                 # no thousands commas elsewhere
    "Articles 1,2,3 cover the 1,200 members.",                     # small numbers in a row
])
def test_conventions_stay_quiet(text):
    assert reasons(text) == []


@pytest.mark.parametrize(("text", "reason"), [
    ("A loan of 1,00,000 dollars was made in Ohio.", "grouped in pairs"),
    ("It sold 904,00 vs 952,000 a year ago.", "a group of 2 digits after the comma"),
    ("It sold 6,186,51 shares.", "a group of 2 digits after a comma, where thousands take three"),
    ("It sold 2,4500 shares.", "a group of 4 digits"),
    ("It paid 3.4,000 dlrs.", "a decimal point before a thousands comma"),
    ("It sold 12,345.67.89 units.", "two decimal points"),
    ("It closed at 3.817.69 on Friday.", "thousands and decimals both marked with a dot"),
])
def test_slips_name_their_reason(text, reason):
    (found,) = reasons(text)
    assert found.startswith(reason)


def test_the_working_gives_a_reader_s_guess():
    (hit,) = digit_groups.check(document("Avg shrs 7,169,871 vs 6,186,51"), digit_groups.Params())
    assert hit.working.endswith("a reader may take it for 6,186,510")
