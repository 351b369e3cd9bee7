"""Extraction gaps that kept relations from being read: a place in a chart written in words, a
size hyphened to its noun before a name, "one" before a hyphened modifier, "N.Z. dlrs".
Invented text throughout."""

from __future__ import annotations

import pytest

from figcheck import extract_figures


def texts(text: str) -> list[str]:
    return [f.text for f in extract_figures(text)]


def found(text: str, wanted: str):
    figs = [f for f in extract_figures(text) if f.text == wanted]
    assert figs, f"{wanted!r} not found in {texts(text)}"
    return figs[0]


@pytest.mark.parametrize("text", [
    "The band's single rose to number one this week.",
    "Last month's number one, a ballad, slipped to number six.",
    "The album went in at number one in the charts.",
])
def test_number_one_placed_is_a_figure(text: str) -> None:
    assert found(text, "one").value == 1


@pytest.mark.parametrize("text", [
    "The world number one player lost in the first round.",
    "She beat the number one seed in straight sets.",
])
def test_number_one_unplaced_is_a_label(text: str) -> None:
    assert "one" not in texts(text)


@pytest.mark.parametrize(("text", "wanted", "noun"), [
    ("Talks in the 11-nation Pacific bloc ended.", "11-nation", "nation"),
    ("The 9-member Northern council voted.", "9-member", "member"),
])
def test_hyphened_size_before_a_name_is_a_figure(text: str, wanted: str, noun: str) -> None:
    assert found(text, wanted).counted == noun


@pytest.mark.parametrize("text", ["He lives at 10 Downing Street now.", "The rapper 50 Cent released an album."])
def test_number_before_a_name_is_part_of_it(text: str) -> None:
    assert not [t for t in texts(text) if t[0].isdigit()]


def test_one_before_a_hyphened_modifier() -> None:
    assert found("Police found one bolt-action rifle in the car.", "one").counted == "rifle"


@pytest.mark.parametrize("text", ["No one knows.", "She was the one-time favourite.", "It is one of them."])
def test_one_as_pronoun_is_no_figure(text: str) -> None:
    assert "one" not in texts(text)


def test_nz_dollars_are_money_in_one_sentence() -> None:
    fig = found("The fund raised 40 mln N.Z. Dlrs in the offer.", "40 mln N.Z. Dlrs")
    assert (fig.kind, fig.unit) == ("money", "NZD")


def test_plain_dlrs_stay_us() -> None:
    assert found("The fund raised 40 mln dlrs.", "40 mln dlrs").unit == "USD"
