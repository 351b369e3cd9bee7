"""Baseline files: written from a report, read back, and used to drop known findings."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from figcheck.baseline import Baseline, load_baseline, write_baseline
from figcheck.errors import ConfigError
from figcheck.model import Figure, Finding, Placed, Severity
from figcheck.report.fingerprint import placed_fingerprint

SENTENCE = "Of the 120 drones launched, 90 were shot down and 45 were decoys."


def make_finding(path: str, line: int, start: int, code: str = "FC101", occurrence: int = 0) -> Placed:
    parts = (("120", 7), ("90", 28), ("45", 50))
    figures = tuple(Figure(text, start + offset, start + offset + len(text), float(text), float(text), float(text))
                    for text, offset in parts)
    placed = Placed(Finding(code, "sum", Severity.ERROR, "", figures), line, 8, line, 53,
                    tuple((line, offset + 1, SENTENCE) for _, offset in parts))
    return replace(placed, fingerprint=placed_fingerprint(path, placed, occurrence))


def make_report(*files: tuple[str, list[Placed]]) -> dict:
    return {"version": 1, "files": [{"path": p, "error": None, "findings": f} for p, f in files], "summary": {}}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    # Baselines name files relative to their own folder: these tests write them where they run.
    monkeypatch.chdir(tmp_path)


def test_write_then_load_round_trip(tmp_path):
    report = make_report(
        ("news/a.md", [make_finding("news/a.md", 3, 40), make_finding("news/a.md", 9, 400, "FC203")]),
        ("news/b.md", []),
        ("news/c.md", [make_finding("news/c.md", 1, 0)]),
    )
    target = tmp_path / "figcheck-baseline.json"
    assert write_baseline(report, target) == 3
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert sorted(data["fingerprints"]) == ["news/a.md", "news/c.md"]
    assert len(data["fingerprints"]["news/a.md"]) == 2
    baseline = load_baseline(target)
    assert baseline.total == 3
    assert baseline.path == target


def test_filter_drops_known_findings_and_keeps_new_ones(tmp_path):
    known = make_finding("news/a.md", 3, 40)
    target = tmp_path / "baseline.json"
    write_baseline(make_report(("news/a.md", [known])), target)
    new = make_finding("news/a.md", 12, 900, "FC102")
    kept, dropped = load_baseline(target).filter("news/a.md", [known, new])
    assert kept == [new]
    assert dropped == 1


def test_a_finding_keeps_matching_when_a_paragraph_is_added_above(tmp_path):
    before = make_finding("news/a.md", 3, 40)
    after = make_finding("news/a.md", 7, 312)  # same finding, four lines and 272 characters lower
    assert before.line != after.line
    assert before.fingerprint == after.fingerprint
    target = tmp_path / "baseline.json"
    write_baseline(make_report(("news/a.md", [before])), target)
    assert load_baseline(target).filter("news/a.md", [after]) == ([], 1)


def test_filter_is_per_path():
    finding = make_finding("news/a.md", 3, 40)
    baseline = Baseline(fingerprints={"news/a.md": frozenset({placed_fingerprint("", finding)})})
    assert baseline.filter("news/b.md", [finding]) == ([finding], 0)
    assert baseline.filter("./news/a.md", [finding]) == ([], 1)


def test_identical_findings_are_told_apart_by_occurrence(tmp_path):
    first = make_finding("a.md", 3, 40, occurrence=0)
    second = make_finding("a.md", 8, 300, occurrence=1)
    target = tmp_path / "baseline.json"
    write_baseline(make_report(("a.md", [first])), target)
    assert load_baseline(target).filter("a.md", [first, second]) == ([second], 1)


def test_findings_without_fingerprint_get_one_when_written(tmp_path):
    finding = make_finding("a.md", 3, 40)
    bare = replace(finding, fingerprint="")
    target = tmp_path / "baseline.json"
    assert write_baseline(make_report(("a.md", [bare])), target) == 1
    assert load_baseline(target).filter("a.md", [finding]) == ([], 1)


def test_stale_lists_fingerprints_no_longer_found(tmp_path):
    fixed, still = make_finding("a.md", 3, 40), make_finding("a.md", 9, 400, "FC203")
    target = tmp_path / "baseline.json"
    write_baseline(make_report(("a.md", [fixed, still]), ("b.md", [make_finding("b.md", 1, 0)])), target)
    stale = load_baseline(target).stale(make_report(("a.md", [still])))
    assert stale == {"a.md": (placed_fingerprint("", fixed),)}  # b.md was not checked: nothing stale there


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"baseline\.json: no such baseline file"),
        ("{not json", r"baseline\.json: invalid JSON: "),
        ("[1, 2]", r"baseline\.json: not a figcheck baseline"),
        ('{"version": 3, "fingerprints": {}}', r"baseline\.json: baseline version 3 is not supported"),
        ('{"version": 1, "fingerprints": {}}', r"baseline\.json: a version 1 baseline .* write it again"),
        ('{"version": 2, "fingerprints": {"a.md": "abc"}}', r"baseline\.json: fingerprints: expected"),
    ],
)
def test_missing_or_malformed_baseline_is_a_one_line_error(tmp_path, content, message):
    target = tmp_path / "baseline.json"
    if content is not None:
        target.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_baseline(target)
    assert "\n" not in str(caught.value)
