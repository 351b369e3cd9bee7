"""SARIF 2.1.0: valid against the OASIS schema, and the fields code scanning relies on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from figcheck.report import sarif

SCHEMA = Path(__file__).parents[2] / ".." / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _log(report, rules):
    return json.loads(sarif.render(report, rules, "0.1.0"))


def _assert_valid(validator, text):
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_valid_with_results_and_an_errored_file(validator, report, rules):
    _assert_valid(validator, sarif.render(report, rules, "0.1.0"))


def test_valid_without_results(validator, one_file, rules):
    text = sarif.render(one_file("seeds/clean.txt"), rules, "0.1.0")
    _assert_valid(validator, text)
    assert json.loads(text)["runs"][0]["results"] == []


def test_valid_without_rules_or_files(validator):
    _assert_valid(validator, sarif.render({"version": 1, "files": [], "summary": {}}, [], "0"))


def test_valid_with_an_errored_file_only(validator, one_file, rules):
    _assert_valid(validator, sarif.render(one_file("x.txt", error="unreadable"), rules, "0.1.0"))


def test_valid_with_spaces_commas_and_non_ascii_in_the_path(validator, one_file, rules, exceeds):
    report = one_file("news/2024, q1/café – draft.txt", exceeds)
    _assert_valid(validator, sarif.render(report, rules, "0.1.0"))


def test_header_and_run_properties(report, rules):
    log = _log(report, rules)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "figcheck"
    assert run["tool"]["driver"]["version"] == "0.1.0"


def test_rules_come_from_every_rule_passed(report, rules):
    driver = _log(report, rules)["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["FC101", "FC102", "FC103"]
    fc102 = driver["rules"][1]
    assert fc102["name"] == "parts-fall-short-of-whole"
    assert fc102["shortDescription"] == {
        "text": "Finds parts of a stated total that add up to less than the total."
    }
    assert fc102["fullDescription"] == {
        "text": "Finds parts of a stated total that add up to less than the total. "
        "A shortfall may be fine, but the reader may wonder where the rest went."
    }
    assert fc102["help"]["text"].startswith(fc102["fullDescription"]["text"])
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == [
        "error",
        "note",
        "warning",
    ]


def test_results_point_at_their_rule_and_map_levels(report, rules):
    results = _log(report, rules)["runs"][0]["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("FC102", 1, "note"),
        ("FC101", 0, "error"),
    ]


def test_result_without_a_known_rule_has_no_rule_index(one_file, share, rules):
    (result,) = _log(one_file("b.txt", share), rules)["runs"][0]["results"]
    assert result["ruleId"] == "FC201"
    assert "ruleIndex" not in result
    assert result["level"] == "warning"


def test_result_message_location_and_fingerprint(report, rules):
    result = _log(report, rules)["runs"][0]["results"][0]
    assert result["message"]["text"] == (
        "138 and 119 add up to 257, 10 short of the 267 drones launched.\n"
        "138 + 119 = 257 < 267 (10 unaccounted for)"
    )
    (location,) = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "seeds/a.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 12, "startColumn": 45, "endLine": 13, "endColumn": 20},
    }
    assert result["partialFingerprints"] == {"figcheck/v1": "3f2a0c9e1b7d4a6f8e2c5b1d9a7f3e60"}


def test_region_is_never_below_one(one_file, share, rules):
    share.update(line=0, column=0, end_line=None, end_column=None)
    (result,) = _log(one_file("b.txt", share), rules)["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 1}


def test_uri_escapes_spaces_commas_and_non_ascii(one_file, exceeds, rules):
    report = one_file("news/2024, q1/café 50%.txt", exceeds)
    (result,) = _log(report, rules)["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "news/2024%2C%20q1/caf%C3%A9%2050%25.txt", "uriBaseId": "%SRCROOT%"}


def test_colon_in_a_relative_path_is_not_read_as_a_scheme(one_file, exceeds, rules):
    (result,) = _log(one_file("a:b.txt", exceeds), rules)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%3Ab.txt"


def test_absolute_path_becomes_a_file_uri(one_file, exceeds, rules):
    (result,) = _log(one_file("/tmp/a b.txt", exceeds), rules)["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///tmp/a%20b.txt"}


def test_errored_file_is_a_notification_and_fails_the_invocation(report, rules):
    (invocation,) = _log(report, rules)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == "not valid UTF-8 at byte 17"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "seeds/broken.txt"
    )


def test_clean_run_is_successful(one_file, rules):
    (invocation,) = _log(one_file("clean.txt"), rules)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_missing_fingerprint_is_computed_and_unique(one_file, exceeds, rules):
    twin = dict(exceeds)
    del exceeds["fingerprint"], twin["fingerprint"]
    results = _log(one_file("a.txt", exceeds, twin), rules)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["figcheck/v1"] for r in results]
    assert len(set(prints)) == 2
    assert all(len(p) == 32 for p in prints)


def test_output_ends_with_a_newline(report, rules):
    assert sarif.render(report, rules, "0.1.0").endswith("}\n")
