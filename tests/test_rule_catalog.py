"""The rule files: unique codes, names that match files, known kinds, docs and examples."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from figcheck.errors import RuleFileError
from figcheck.kinds import KINDS
from figcheck.rules import load_rule, load_rules, rules_dir


def test_codes_are_unique_and_files_named_for_them():
    rules = load_rules()
    assert len({r.code for r in rules}) == len(rules)
    for r in rules:
        assert Path(r.path).name == f"{r.code}-{r.name}.toml"


@pytest.mark.parametrize("rule", load_rules(), ids=lambda r: r.code)
def test_rule_is_complete(rule):
    assert rule.kind in KINDS
    fields = {f for _, f, _, _ in string.Formatter().parse(rule.message) if f}
    assert fields <= set(KINDS[rule.kind].fields)
    assert rule.what and rule.why
    assert rule.flags, "every rule needs a flag example"
    assert rule.traps, "every rule needs a trap example"


def test_every_kind_has_a_rule():
    assert {r.kind for r in load_rules()} == set(KINDS)


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = '''code = "FC999"
name = "x"
kind = "sum"
severity = "error"
message = "{whole}"
[params]
compare = "exceeds"
[docs]
what = "w"
why = "y"
'''


def test_loader_accepts_a_good_file(tmp_path):
    assert load_rule(_write(tmp_path, "FC999-x.toml", GOOD)).code == "FC999"


@pytest.mark.parametrize(("change", "complaint"), [
    (('kind = "sum"', 'kind = "nope"'), "kind: unknown kind 'nope'"),
    (('compare = "exceeds"', 'compare = "exceeds"\nbogus = 1'), "params:"),
    (('message = "{whole}"', 'message = "{nothing}"'), "message: unknown field 'nothing'"),
    (('severity = "error"', 'severity = "fatal"'), "severity:"),
    (('what = "w"\n', ''), "docs: needs what and why"),
    (('name = "x"', 'name = "x"\ncolour = "red"'), "unknown key 'colour'"),
])
def test_loader_names_the_file_and_key(tmp_path, change, complaint):
    path = _write(tmp_path, "FC999-x.toml", GOOD.replace(*change))
    with pytest.raises(RuleFileError, match=r"FC999-x\.toml: " + complaint.replace("(", r"\(")):
        load_rule(path)


def test_file_name_must_match_code_and_name(tmp_path):
    with pytest.raises(RuleFileError, match=r"must be named FC999-x\.toml"):
        load_rule(_write(tmp_path, "FC999-y.toml", GOOD))


def test_shipped_rules_dir_has_the_rules():
    assert len(list(rules_dir().glob("FC*.toml"))) == len(load_rules())


def test_shipped_rule_package_does_not_shadow_a_module():
    # rules/ ships as the package figcheck.rule_files; were it named like a module of the package
    # (figcheck.rules), an installed wheel would import the folder instead of the loader.
    import tomllib

    import figcheck

    config = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    package_dir = config["tool"]["setuptools"]["package-dir"]
    here = Path(figcheck.__file__).parent
    for package in package_dir:
        name = package.split(".")[-1]
        assert not (here / f"{name}.py").exists() and not (here / name).is_dir(), package


@pytest.mark.parametrize(("change", "complaint"), [
    (('compare = "exceeds"', 'compare = "exceed"'), "params.compare: 'exceed' is not one of"),
    (('message = "{whole}"', 'message = "{whole"'), "message:"),
    (('compare = "exceeds"', 'compare = "exceeds"\nmin_parts = "two"'), "params.min_parts: expected a number"),
])
def test_loader_checks_parameter_values_and_templates(tmp_path, change, complaint):
    path = _write(tmp_path, "FC999-x.toml", GOOD.replace(*change))
    with pytest.raises(RuleFileError, match=r"FC999-x\.toml: " + complaint):
        load_rule(path)


def test_the_readme_lists_every_rule():
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for rule in load_rules():
        assert f"| {rule.code} | {rule.name} | {rule.kind} | {rule.severity.label} |" in readme, rule.code


def test_a_rule_may_report_the_relation_its_kind_checks(tmp_path):
    rule = load_rule(_write(tmp_path, "FC999-x.toml", GOOD.replace('kind = "sum"', 'kind = "sum"\nrelation = "rate"')))
    assert (rule.kind, rule.reports, rule.as_dict()["relation"]) == ("sum", "rate", "rate")
    assert load_rule(_write(tmp_path, "FC999-x.toml", GOOD)).reports == "sum"
    with pytest.raises(RuleFileError, match=r"FC999-x\.toml: relation: unknown relation 'speed'"):
        load_rule(_write(tmp_path, "FC999-x.toml", GOOD.replace('kind = "sum"', 'kind = "sum"\nrelation = "speed"')))


def test_findings_carry_the_rule_s_relation():
    from figcheck.engine import check_text

    (rule,) = [r for r in load_rules() if r.code == "FC911"]
    (finding,) = check_text(rule.flags[0].text, rules=[rule])
    assert (finding.kind, rule.kind) == ("rate", "digest")
