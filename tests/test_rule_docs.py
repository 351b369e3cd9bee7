"""docs/rules.md is made from the rule files, and SARIF's helpUri lands on a heading in it."""

from __future__ import annotations

import json
from pathlib import Path

from figcheck.cli import main
from figcheck.report import rule_docs
from figcheck.rules import load_rules

DOCS = Path(__file__).parents[1] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date():
    made = rule_docs.render([r.as_dict() for r in load_rules()])
    assert DOCS.read_text(encoding="utf-8") == made, "run: python -m figcheck.report.rule_docs > docs/rules.md"


def test_sarif_help_uri_points_at_the_rules_section(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Of the 520 students who sat the exam, 388 passed and 142 failed.", encoding="utf-8")
    main(["check", "--format", "sarif", str(tmp_path / "a.txt")])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    headings = {line[3:].lower().replace(" ", "-") for line in DOCS.read_text(encoding="utf-8").splitlines()
                if line.startswith("## ")}
    for rule in rules:
        page, _, anchor = rule["helpUri"].partition("#")
        assert page.startswith("https://") and page.endswith("/docs/rules.md")
        assert anchor in headings
