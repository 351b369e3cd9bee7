"""Malformed numbers are read as written (kind "malformed", a reader's guess, an open range), never
dropped or cut short; well-formed numbers are read as before."""

from __future__ import annotations

import math

import pytest

from figcheck import extract_figures


@pytest.mark.parametrize(("text", "written", "guess", "unit"), [
    ("It sold 1,234,5678 units.", "1,234,5678", 12_345_678, None),
    ("Net 5,112,00 vs 4,000", "5,112,00", 5_112_000, None),
    ("It cost 2,4500 dlrs.", "2,4500 dlrs", 24_500, "USD"),
    ("It sold for $110,00 (£59,000).", "$110,00", 110_000, "USD"),     # not "$11"
    ("Net profit 904,00 vs 952,000", "904,00", 904_000, None),          # not "90"
    ("It paid 3.4,000 dlrs.", "3.4,000 dlrs", 3.4, "USD"),
    ("It closed at 3.817.69 on Friday.", "3.817.69", 3817.69, None),   # not "3.81"
    ("It rose 1.234,5 tonnes.", "1.234,5 tonnes", 1234.5, "metric_ton"),   # not "1.23"
    ("It sold 12,345.67.89 units.", "12,345.67.89", 12345.6789, None),
])
def test_a_malformed_number_is_read_as_written(text, written, guess, unit):
    (f,) = [f for f in extract_figures(text) if f.kind == "malformed"]
    assert (f.text, f.unit) == (written, unit)
    assert f.value == pytest.approx(guess)
    assert f.low == 0 and math.isinf(f.high)


@pytest.mark.parametrize(("text", "written"), [
    ("It sold 1,234,567 units.", "1,234,567"),
    ("It sold 1,234.5 units.", "1,234.5"),
    ("It sold 25.269 cars.", "25.269"),
    ("It is 17-1/4 dlrs.", "17-1/4 dlrs"),
])
def test_well_formed_numbers_are_read_as_before(text, written):
    assert [f.text for f in extract_figures(text)] == [written]


@pytest.mark.parametrize("text", ["on 10.5.2020 it rained", "version 2.6.11 shipped", "the 117........125 price"])
def test_dates_versions_and_leaders_are_no_malformed_numbers(text):
    assert not [f for f in extract_figures(text) if f.kind == "malformed"]
