"""figcheck in a CI pipeline: SARIF and annotations through the CLI, config, suppressions, baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from figcheck.cli import main

BAD = "Of the 520 students who sat the exam, 388 passed and 142 failed."
SCHEMA = Path(__file__).parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_sarif_from_the_cli_validates_and_lists_every_rule(tmp_path, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("SARIF schema not beside the repo")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    sarif_file = tmp_path / "out.sarif"
    code, out, _ = run(capsys, "check", "--format", "github", "--output-sarif", str(sarif_file), str(tmp_path / "a.txt"))
    assert code == 1
    assert out.startswith("::error file=")
    doc = json.loads(sarif_file.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert {"FC101", "FC301", "FC901"} <= {r["id"] for r in rules}
    [result] = doc["runs"][0]["results"]
    assert result["ruleId"] == "FC101" and result["level"] == "error"


def test_config_in_pyproject_selects_and_reweights(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text('[tool.figcheck]\nseverity = { FC101 = "info" }\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path / "a.txt"))
    assert code == 0 and json.loads(out)["files"][0]["findings"][0]["severity"] == "info"
    cfg.write_text('[tool.figcheck]\nignore = ["FC1"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path / "a.txt"))
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []
    # the command line overrides the file
    code, _, _ = run(capsys, "check", "--select", "FC101", str(tmp_path / "a.txt"))
    assert code == 1


def test_per_file_ignores_and_exclude(tmp_path, capsys):
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "news.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "figcheck.toml").write_text('[per-file-ignores]\n"opinion/*" = ["FC101"]\n', encoding="utf-8")
    report = json.loads(run(capsys, "check", "--format", "json", str(tmp_path))[1])
    found = {Path(f["path"]).name: [x["code"] for x in f["findings"]] for f in report["files"]}
    assert found == {"a.txt": [], "news.txt": ["FC101"]}
    (tmp_path / "figcheck.toml").write_text('exclude = ["opinion"]\n', encoding="utf-8")
    report = json.loads(run(capsys, "check", "--format", "json", str(tmp_path))[1])
    assert [Path(f["path"]).name for f in report["files"]] == ["news.txt"]


def test_bad_config_is_one_line_naming_file_and_key(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "figcheck.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "a.txt"))
    assert code == 2 and "figcheck.toml" in err and "fail-on" in err and err.count("\n") == 1


def test_markdown_positions_and_suppressions(tmp_path, capsys):
    md = tmp_path / "a.md"
    md.write_text("---\ndate: 2024-03-15\n---\n# Exam results\n\nSome text first.\n" + BAD + "\n\n"
                  "<!-- figcheck-disable-next-line FC101 -- checked with the exam board -->\n"
                  "Of the 52 teachers, 38 passed and 42 failed.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(md))
    [finding] = json.loads(out)["files"][0]["findings"]
    assert code == 1
    assert (finding["line"], finding["column"]) == (7, 8)   # "520" in the source file
    assert finding["figures"][0]["text"] == "520"


def test_unused_suppression_is_reported(tmp_path, capsys):
    md = tmp_path / "a.md"
    md.write_text("<!-- figcheck-disable-next-line FC301 -->\n" + BAD + "\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(md))
    assert code == 1 and "matches nothing" in err
    md.write_text("<!-- figcheck-disable-next-line FC301 -->\nA clean paragraph.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(md))
    assert code == 0 and "a.md:1: suppression of FC301 matches nothing" in err


def test_html_positions_point_at_the_source(tmp_path, capsys):
    page = tmp_path / "a.html"
    page.write_text('<html><head><meta property="article:published_time" content="2024-03-15T10:00:00Z">'
                    "<script>var x = 5;</script></head>\n<body>\n<p>Intro.</p>\n<p>" + BAD + "</p>\n</body></html>\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(page))
    [finding] = json.loads(out)["files"][0]["findings"]
    assert code == 1 and (finding["line"], finding["column"]) == (4, 11)


def test_json_record_ignore_list(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"body": BAD, "figcheck_ignore": ["FC101"]}), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path / "a.json"))
    assert code == 0 and json.loads(out)["files"][0]["findings"] == []


def test_baseline_hides_known_findings_and_survives_edits_above(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(BAD, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "check", "--write-baseline", str(baseline), str(article))[0] == 0
    article.write_text("A new first paragraph.\n\n" + BAD, encoding="utf-8")
    assert run(capsys, "check", "--baseline", str(baseline), str(article))[0] == 0
    article.write_text(BAD + "\nOf the 30 pupils, 20 passed and 15 failed.", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--baseline", str(baseline), "--format", "concise", str(article))
    assert code == 1 and out.count("FC101") == 1 and ":2:" in out


def test_tolerances_tune_rule_parameters(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("The city now has three times as many cycle lanes: 240 km against 100 km.", encoding="utf-8")
    assert run(capsys, "check", str(article))[0] == 1          # 2.4 is not three times, within 10%
    (tmp_path / "figcheck.toml").write_text('[tolerance]\n"FC801.tolerance" = 0.25\n', encoding="utf-8")
    assert run(capsys, "check", str(article))[0] == 0          # within 25%
    (tmp_path / "figcheck.toml").write_text('[tolerance]\nwobble = 0.25\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(article))
    assert code == 2 and "tolerance.wobble" in err
