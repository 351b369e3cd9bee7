"""Every rule's own flag, trap and todo examples, each run against that rule alone."""

from __future__ import annotations

import re

import pytest

from figcheck.engine import check_text
from figcheck.rules import load_rules


def covers(finding, cover) -> bool:
    """Each wanted string stands in some figure's text as a whole figure ("9" is not in "19")."""
    texts = [f.text for f in finding.figures]
    return all(any(re.search(r"(?<![\d.,])" + re.escape(c) + r"(?![\d]|[.,]\d)", t, re.I) for t in texts)
               for c in cover)


def rule_examples():
    for rule in load_rules():
        for i, e in enumerate(rule.flags):
            yield pytest.param(rule, e, "flag", id=f"{rule.code}-flag{i}")
        for i, e in enumerate(rule.traps):
            yield pytest.param(rule, e, "quiet", id=f"{rule.code}-trap{i}")
        for i, e in enumerate(rule.todos):
            yield pytest.param(rule, e, e.expect, id=f"{rule.code}-todo{i}", marks=pytest.mark.xfail(strict=True))


@pytest.mark.parametrize(("rule", "example", "expect"), list(rule_examples()))
def test_rule_example(rule, example, expect):
    findings = check_text(example.text, example.published, rules=[rule])
    if expect == "flag":
        assert any(covers(f, example.cover) for f in findings), f"{rule.code} missed: {example.text!r}"
    else:
        assert not findings, f"{rule.code} false alarm ({example.why}): {example.text!r}"
