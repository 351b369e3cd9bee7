"""Count × each = total (relate/products.py, FC901): shares at a price, earnings shared out over
shares, hours at an hourly wage; the links made, and the near misses left alone."""

from __future__ import annotations

from figcheck.engine import run
from figcheck.relate import document
from figcheck.rules import load_rules


def codes(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, tuple(x.text for x in f.figures)) for f in run(document(text), load_rules())]


def products(text: str) -> list[tuple[str, str, str, str]]:
    return [(p.count.text, p.each.text, p.total.text, p.cue) for p in document(text).products()]


def test_shares_at_a_price_or_their_value():
    assert products("Acme agreed to buy 1.5 mln shares from the founder at 12 dlrs a share, or 18 mln dlrs.") == [
        ("1.5 mln", "12 dlrs a share", "18 mln dlrs", "price")]
    assert codes("Acme agreed to buy 1.5 mln shares from the founder at 12 dlrs a share, or 18 mln dlrs.") == []


def test_shares_at_a_price_that_do_not_make_their_value_are_flagged():
    found = codes("Acme agreed to buy 1.5 mln shares from the founder at 12 dlrs a share, or 24 mln dlrs.")
    assert found == [("FC901", ("1.5 mln", "12 dlrs a share", "24 mln dlrs"))]


def test_the_part_of_a_holding_is_what_is_priced():
    text = "Acme will buy the 1.5 mln of the 2.2 mln shares held by the founder at 12 dlrs a share, or 18 mln dlrs."
    assert products(text) == [("1.5 mln", "12 dlrs a share", "18 mln dlrs", "price")]
    assert codes(text) == []


def test_a_deal_named_by_its_value_before_the_shares():
    assert codes("Acme plans a 90 mln dlr issue of three mln common shares at 30 dlrs a share.") == []
    found = codes("Acme plans a 60 mln dlr issue of three mln common shares at 30 dlrs a share.")
    assert [c for c, _ in found] == ["FC901"]


def test_a_total_in_another_currency_is_no_product():
    assert products("Acme sold 1.5 mln shares at 12 dlrs each, raising 9 mln stg.") == []


def test_a_loss_per_share_below_net_over_shares_is_flagged():
    found = codes("Last year the company lost 40.0 mln dlrs or 30 cts per share on 100.0 mln shares outstanding.")
    assert found == [("FC901", ("100.0 mln", "30 cts", "40.0 mln dlrs"))]


def test_a_profit_per_share_below_net_over_shares_is_what_preferred_dividends_do():
    assert codes("Last year the company earned 40.0 mln dlrs or 30 cts per share on 100.0 mln shares outstanding.") == []
    assert products("Last year the company earned 40.0 mln dlrs or 30 cts per share on 100.0 mln shares outstanding.")[0][3] \
        == "net ÷ shares"


def test_a_profit_per_share_above_net_over_shares_is_flagged():
    found = codes("Last year the company earned 40.0 mln dlrs or 50 cts per share on 100.0 mln shares outstanding.")
    assert [c for c, _ in found] == ["FC901"]


def test_earnings_not_said_to_be_a_share_are_no_product():
    assert products("Profit was 40.0 mln dlrs or 30 cts on 100.0 mln shares traded.") == []


def test_hours_at_a_wage_against_a_years_pay():
    text = "A 40 hour week at £7.50 gives an annual income of just over £15,000 and raising it to £9 leaves it under £19,000."
    assert [p[:3] for p in products(text)] == [("40 hour", "£7.50", "just over £15,000"), ("40 hour", "£9", "under £19,000")]
    assert codes(text) == []


def test_hours_at_a_wage_that_do_not_make_the_years_pay_are_flagged():
    text = "A 40 hour week at £7.50 gives an annual income of just over £12,000."
    assert codes(text) == [("FC901", ("40 hour", "£7.50", "just over £12,000"))]


def test_a_wage_against_a_week_is_not_multiplied_by_the_weeks_of_a_year():
    assert codes("A 40 hour week at £7.50 brings a weekly wage of £300.") == []


def test_an_average_and_its_total():
    text = "The bank handled 2.0 million transfers, with an average value of $400 each, worth $800m in all."
    assert products(text) == [("2.0 million", "$400", "$800m", "average")]
    assert [c for c, _ in codes(text.replace("$800m", "$600m"))] == ["FC901"]


def test_a_total_paid_for_shares_at_a_price():
    assert codes("Acme paid 36 mln dlrs for 1.5 mln shares of Beta at 24 dlrs each.") == []
    found = codes("Acme paid 30 mln dlrs for 1.5 mln shares of Beta at 24 dlrs each.")
    assert found == [("FC901", ("1.5 mln", "24 dlrs each", "30 mln dlrs"))] or [c for c, _ in found] == ["FC901"]


def test_an_average_price_is_rounded():
    # 1.5 mln × 24.5 = 36.75 mln: an average of "24 dlrs" may be 24.49.
    text = "Acme bought 1.5 mln shares at an average price of 24 dlrs a share, or 36.7 mln dlrs."
    assert [p[3] for p in products(text)] == ["average"]
    assert codes(text) == []


def test_pay_stated_after_its_period():
    assert codes("A 40 hour week at £7.50 comes to £15,600 a year.") == []
    assert [c for c, _ in codes("A 40 hour week at £7.50 comes to £12,600 a year.")] == ["FC901"]


def test_shares_at_a_price_beside_a_sum_of_another_kind_are_no_product():
    # "or 15 pct" is a share of the company, not the shares' value.
    assert products("Acme sold 1.5 mln shares at 24 dlrs a share, or 15 pct of its stock.") == []


def test_an_hourly_wage_written_with_its_unit():
    assert codes("Workers on a 37.5-hour week at $8 an hour earn $15,600 a year.") == []
    assert [c for c, _ in codes("Workers on a 37.5-hour week at $8 an hour earn $12,600 a year.")] == ["FC901"]
