"""The engine: findings in order, one finding per kind and set of figures."""

from __future__ import annotations

from figcheck import check_text
from figcheck.rules import load_rules

ON_BOARD = ("The plane had 189 people on board when it crashed. Investigators found the recorders. "
            "Relatives of the 198 people on board gathered at the airport.")


def test_two_rules_of_one_kind_on_the_same_figures_give_one_finding():
    # FC601 (restated with another value) and FC602 (transposed digits) both see 189 and 198.
    assert [f.code for f in check_text(ON_BOARD)] == ["FC601"]


def test_the_other_rule_reports_when_the_first_is_not_run():
    rules = [r for r in load_rules() if r.code == "FC602"]
    assert [f.code for f in check_text(ON_BOARD, rules=rules)] == ["FC602"]


# One mistyped sterling figure set against the euro pair before it (FC412) and the dollar pairs
# around it (FC411): both rules point at the same figure.
ONE_SLIP = ("The insurer's exposure is below 100m euros (£68m; $125m). It has paid 300 million euros "
            "(£290m; $380m) for storms. A second insurer paid £50m ($92m) and a third £40m ($73m), while "
            "a fourth set aside £30m ($55m).")


def test_rules_of_one_kind_that_share_a_figure_give_one_finding_the_lower_code_s():
    # FC411 names the pair off the article's rate first, then the pairs that agree on it.
    found = [(f.code, [x.text for x in f.figures][:2]) for f in check_text(ONE_SLIP)]
    assert found == [("FC411", ["£290m", "$380m"])]


def test_rules_of_one_kind_on_figures_apart_both_report():
    text = ("The insurer's exposure is below 100m euros (£68m). It has paid 300 million euros (£290m) for "
            "storms. Others paid £50m ($92m), £40m ($73m), £30m ($55m) and £20m ($50m).")
    found = [(f.code, [x.text for x in f.figures]) for f in check_text(text)]
    assert found == [("FC412", ["below 100m euros", "£68m", "300 million euros", "£290m"]),
                     ("FC411", ["£20m", "$50m", "£50m", "$92m", "£40m", "$73m", "£30m", "$55m"])]
