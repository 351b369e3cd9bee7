"""Counts against the items listed after them: how lists are read, and where they are not."""

from __future__ import annotations

import pytest

from figcheck.kinds import listed
from figcheck.relate import document
from figcheck.relate.lists import listings


def readings(text: str) -> list[tuple[int, ...]]:
    return [x.readings for x in listings(document(text))]


def flagged(text: str) -> bool:
    return any(not h.holds for h in listed.check(document(text), listed.Params()))


@pytest.mark.parametrize(("text", "expect"), [
    ("Three cities (Oslo, Rome and Paris) voted.", [(3,)]),
    ("Three cities: Oslo, Rome, and Paris.", [(3,)]),                 # the serial comma
    ("Two routes: via Dover or via Hull.", [(2,)]),                    # "or" joins too
    ("Two films - 'Alpha' and 'Omega' - won.", [(2,)]),                # quoted titles are names
    ("Three firms: Marks and Spencer, Tesco and Asda.", [(3, 4)]),    # a name may hold "and"
])
def test_lists_are_read_item_by_item(text, expect):
    assert readings(text) == expect


@pytest.mark.parametrize("text", [
    "Four cities, among them Oslo and Rome, voted.",
    "Four cities (including Oslo and Rome) voted.",
    "Four cities - Oslo, Rome, etc - voted.",
    "Four cities: Oslo, Rome and others.",
    "Twelve seats: five Labour, four Tory and three Green.",           # a breakdown, not names
    "Three awards - best song and best video.",                        # no names: not read
    "The plans - tried in three areas - were extended to England and Wales.",  # the dash closes an aside
    "Two cities (Oslo (Norway) and Rome) voted.",                      # brackets inside: not read
])
def test_partial_or_unnamed_lists_are_not_read(text):
    assert readings(text) == []


def test_a_list_one_short_is_flagged_and_the_working_numbers_the_items():
    doc = document("The test ran in the four other cities (Oslo, Rome and Paris) where it sells.")
    (hit,) = listed.check(doc, listed.Params())
    assert hit.working == "four other cities, 3 named: 1 Oslo; 2 Rome; 3 Paris"
    assert hit.figures[0].text == "four"


def test_one_item_is_no_list():
    assert not flagged("Two winners: Oslo.")


def test_count_of_one_is_never_read():
    assert readings("One city (Oslo and Rome) voted.") == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Police questioned the two men, Smith and Jones, on Monday.", [(2,)]),
    ("She has three sons, Avi, Joel and Ben.", [(3,)]),
    ("It named two firms, Hard Candy and Urban Decay, as buyers.", [(2,)]),
    ("In the two years, Britain and France have cut spending.", []),      # a clause, not a name
    ("For three days, the men and the women marched.", []),              # no names
])
def test_after_a_comma_only_names_make_a_list(text, expect):
    assert readings(text) == expect


@pytest.mark.parametrize(("text", "expect"), [
    ("The three finalists are Oslo, Rome and Paris.", [(3,)]),
    ("The four candidates for the top award are Ana Diaz of Spain, Peru's Rosa Vega and Jo Kim.", [(3,)]),
    ("The two teams were Leeds and Hull.", [(2,)]),
])
def test_the_n_things_are_names_the_list(text, expect):
    assert readings(text) == expect


@pytest.mark.parametrize("text", [
    "The two men are friends of Jones.",                 # a clause, not names
    "The three finalists are among Oslo, Rome and Paris.",
    "The three finalists are expected in May.",
])
def test_the_n_things_are_a_clause_is_no_list(text):
    assert readings(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("It was her best result in four straight bids for mayor — 2008, 2012, 2016.", True),   # a dash names every item
    ("He stood in three elections (2005, 2010 and 2015) for the seat.", False),
    ("The club won the cup twice, in 1971, 1983 and 1999.", False),  # "twice" is no figure: not read
    ("The club won the cup two times, in 1971, 1983 and 1999.", True),  # three years, at most two wins
    ("The club won the cup three times, in 1971 and 1999.", False),  # two wins may fall in one year
    ("The firm made three purchases in 1985 and 1986.", False),      # no opener: when, not a list
])
def test_a_list_of_years_names_one_item_each(text, expect):
    assert flagged(text) is expect


def test_a_flagged_list_of_years_covers_the_years():
    (hit,) = listed.check(document("The band played four tours: 2001, 2004, 2009."), listed.Params())
    assert [f.text for f in hit.figures] == ["four", "2001", "2004", "2009"]
