"""What was verified: checks that held are listed with their working, in JSON always, in the full
report on request, and counted per kind by --statistics."""

from __future__ import annotations

import json

from figcheck.cli import main

HOLDS = "The council will increase the number of school nurses from 300 to 350 next year. Only 12 of the 18 stations have lifts."


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_each_check_that_held_with_its_kind_and_working(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(HOLDS, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(article))
    [result] = json.loads(out)["files"]
    assert code == 0 and result["findings"] == []
    assert [(h["code"], h["kind"], h["figures"]) for h in result["held"]] == [
        ("FC303", "change", ["300", "350"]), ("FC114", "subset", ["18", "12"])]
    assert result["held"][0]["working"] == "300 → 350: increase, as the figures go"


def test_the_full_report_lists_checks_only_on_request(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(HOLDS, encoding="utf-8")
    _, quiet, _ = run(capsys, "check", "--format", "full", str(article))
    _, shown, _ = run(capsys, "check", "--format", "full", "--show-checks", str(article))
    assert "checked, holds" not in quiet
    assert "checked, holds: FC303 300 → 350: increase, as the figures go" in " ".join(shown.split())


def test_statistics_count_relations_per_kind(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(HOLDS + " Exports fell from 40 to 45.", encoding="utf-8")
    _, _, err = run(capsys, "check", "--statistics", "--fail-on", "never", str(article))
    assert "change           2 relations checked: 1 held, 1 failed" in err
    assert "subset           1 relations checked: 1 held, 0 failed" in err
    assert "% of figures take part in a relation that was checked" in err


def test_a_correct_earnings_digest_is_listed_as_checked(tmp_path, capsys):
    digest = "Shr profit 50 cts vs 40 cts\nNet profit 5,000,000 vs 4,000,000\nRevs 60 mln vs 50 mln\nAvg shrs 10,000,000 vs 10,000,000\n"
    article = tmp_path / "d.txt"
    article.write_text(digest, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "json", str(article))
    [result] = json.loads(out)["files"]
    assert result["findings"] == []
    assert {h["code"] for h in result["held"]} >= {"FC911", "FC912"}
