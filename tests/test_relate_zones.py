"""Local times whose place the text names, against that place's offset on the article's days."""

from __future__ import annotations

import pytest

from figcheck.kinds import conversion
from figcheck.relate import document


def found(text: str, published: str | None = None) -> list[tuple[bool, str]]:
    doc = document(text, published)
    return [(h.holds, h.working) for h in conversion.check(doc, conversion.Params(zones=True))]


@pytest.mark.parametrize(("utc", "holds"), [("0120", True), ("0220", False), ("0320", False)])
def test_a_local_time_after_its_place_in_summer(utc, holds):
    text = f"A worker died at a station in Lisbon. The call came at 2:20 a.m. local time ({utc} UTC)."
    assert [h for h, _ in found(text, "2019-09-20")] == [holds]


def test_the_same_place_in_winter():
    text = "A worker died at a station in Lisbon. The call came at 2:20 a.m. local time (0220 UTC)."
    assert [h for h, _ in found(text, "2019-12-20")] == [True]


def test_an_undated_article_allows_either_clock():
    for utc in ("0120", "0220"):
        assert [h for h, _ in found(f"In Lisbon, the call came at 2:20 a.m. local time ({utc} UTC).")] == [True]
    assert [h for h, _ in found("In Lisbon, the call came at 2:20 a.m. local time (0420 UTC).")] == [False]


def test_a_time_named_by_its_place():
    assert [h for h, _ in found("Trading opens at 0900 Tokyo time (0000 GMT).")] == [True]
    ((holds, working),) = found("Trading opens at 0900 Tokyo time (0100 GMT).")
    assert not holds and "UTC+9" in working


def test_places_in_two_zones_name_no_one_place():
    # Two places: whose local time it is cannot be told, and one local time has nothing to compare.
    assert found("Fans in Lisbon and Tokyo watched. It began at 19:00 local time (1500 UTC).", "2019-04-15") == []


def test_a_place_two_sentences_back_is_not_read():
    text = "A worker died in Lisbon. Police came. Then at 2:20 a.m. local time (0420 UTC) the line shut."
    assert found(text, "2019-09-20") == []


def test_a_later_local_time_is_the_first_ones_place():
    text = ("A fire broke out at an airport in Lisbon at 15:30 local time (1530 UTC). Crews came. "
            "By 22:00 local time ({} UTC) it was out.")
    assert [h for h, _ in found(text.format("2200"), "2020-01-10")] == [True, True]
    assert [h for h, _ in found(text.format("2100"), "2020-01-10")] == [True, False]
