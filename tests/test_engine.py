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
