"""Earnings digests: the reader's table (blocks, rows, cells) and each check at its edges."""

from __future__ import annotations

import pytest

from figcheck.kinds import digest as kind
from figcheck.relate import document
from figcheck.relate.digests import digest


def lines(*rows: str) -> str:
    return "\n\n".join(rows)


def hits(text: str, check: str, slack: float = 0.03) -> list:
    return [h for h in kind.check(document(text), kind.Params(check, slack)) if not h.holds]  # checks that held are not findings


CORRECT = lines("Shr profit 42 cts vs loss 10 cts", "Net profit 2,100,000 vs loss 500,000",
                "Revs 20.5 mln vs 18.0 mln", "Avg shrs 5,000,000 vs 5,000,000",
                "Year", "Shr profit 1.20 dlrs vs profit 12 cts", "Net profit 6.0 mln vs profit 600,000",
                "Revs 80.1 mln vs 70.4 mln", "Avg shrs 5.0 mln vs 5.0 mln")


@pytest.mark.parametrize("check", ["per_share", "sign", "part_period", "sum_periods"])
def test_a_correct_digest_stays_quiet(check):
    assert hits(CORRECT, check) == []


def test_the_reader_makes_blocks_rows_and_signed_cells():
    d = digest(document(CORRECT))
    assert [b.months for b in d.blocks] == [None, 12]
    eps = d.blocks[0].row("per_share")
    assert [(c.sign, c.value) for c in eps.cells] == [(1, 0.42), (-1, 0.10)]
    assert d.blocks[1].row("net").cells[0].value == 6_000_000
    assert d.blocks[1].row("net").line == 13


def test_an_unmarked_value_takes_the_sign_and_a_short_one_the_scale_before_it():
    d = digest(document(lines("Net loss 3,100 vs 2,900", "Revs 428.4 mln vs 429.6")))
    net, revs = d.blocks[0].rows
    assert [c.sign for c in net.cells] == [-1, -1]
    assert revs.cells[1].value == pytest.approx(429.6e6)


def test_a_malformed_or_missing_value_is_left_out_not_guessed():
    d = digest(document(lines("Net 904,00 vs 952,000", "Shr 22 cts vs NA")))
    net, eps = d.blocks[0].rows
    assert net.cells[0] is None and net.cells[1].value == 952_000
    assert eps.cells[1] is None


@pytest.mark.parametrize(("eps", "flagged"), [
    ("43 cts", False),   # may be 42.5 cts: 1.2% over 42, within the 3% slack
    ("44 cts", True),    # at least 43.5 cts: 3.6% over 42
    ("40 cts", False),   # below net ÷ shares: preferred dividends
])
def test_per_share_against_net_over_shares_at_the_rounding_edge(eps, flagged):
    text = lines(f"Shr {eps} vs 30 cts", "Net 2,100,000 vs 1,500,000", "Avg shrs 5,000,000 vs 5,000,000")
    assert bool(hits(text, "per_share")) is flagged


@pytest.mark.parametrize(("shares", "flagged"), [
    ("5,000,000 vs 4,700,000", False),   # 6.4% more shares than a year ago: 44 cts is 4.8% over 42
    ("5,000,000 vs 4,900,000", True),    # 2% more: the 3% slack stands, and 44 cts passes it
    ("5,000,000 vs 4,000,000", False),   # shares issued in the year: an end count far above the average
])
def test_per_share_may_pass_net_over_shares_by_as_much_as_the_shares_moved(shares, flagged):
    text = lines("Shr 44 cts vs 30 cts", "Net 2,100,000 vs 1,500,000", f"Avg shrs {shares}")
    assert bool(hits(text, "per_share")) is flagged


def test_per_share_working_names_each_line():
    text = lines("Shr 45 cts vs 30 cts", "Net 2,100,000 vs 1,500,000", "Avg shrs 5,000,000 vs 5,000,000")
    (hit,) = hits(text, "per_share")
    assert "line 1: 45 cts; line 3: 2,100,000; line 5: 5,000,000" in hit.working


def test_diluted_lines_are_not_divided_out():
    text = lines("Shr diluted 45 cts vs 30 cts", "Net 2,100,000 vs 1,500,000", "Avg shrs 5,000,000 vs 5,000,000")
    assert hits(text, "per_share") == []


def test_an_operating_line_is_set_only_against_an_operating_line():
    text = lines("Shr profit 20 cts vs profit 10 cts", "Oper net loss 700,000 vs profit 500,000")
    assert hits(text, "sign") == []
    assert len(hits(text.replace("Shr", "Oper shr"), "sign")) == 1


def test_sign_loss_a_share_beside_a_net_profit_needs_no_preferred_note_to_flag():
    text = lines("Shr loss 2 cts vs profit 3 cts", "Net profit 34,000 vs profit 170,000")
    assert len(hits(text, "sign")) == 1
    assert hits(text + "\n\nNote: after preferred dividends.", "sign") == []


def test_part_period_needs_a_longer_named_block():
    quarter_above = lines("Revs 38.2 mln vs 35.3 mln", "Six mths", "Revs 37.0 mln vs 70.3 mln")
    assert len(hits(quarter_above, "part_period")) == 1
    same_length = lines("Revs 38.2 mln vs 35.3 mln", "3rd qtr", "Revs 37.0 mln vs 70.3 mln")
    assert hits(same_length, "part_period") == []


def test_part_period_allows_the_rounding():
    assert hits(lines("Revs 36.04 mln vs 1.0 mln", "Year", "Revs 36.0 mln vs 2.0 mln"), "part_period") == []


def test_sum_periods_adds_two_named_periods_against_the_third():
    text = lines("Six mths", "Revs 60.0 mln vs 55.0 mln", "3rd qtr", "Revs 31.0 mln vs 28.0 mln",
                 "Nine mths", "Revs 97.0 mln vs 83.0 mln")
    (hit,) = hits(text, "sum_periods", 0.01)
    assert hit.working.startswith("60 million + 31 million = 91 million, not 97 million")


def test_prose_is_no_digest():
    assert digest(document("Net profit rose to 5 mln dlrs from 4 mln, the company said.")) is None
