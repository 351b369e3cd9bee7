"""The Markdown summary (for $GITHUB_STEP_SUMMARY): a table per article, capped, with the rest counted."""

from __future__ import annotations

from figcheck.cli import main
from figcheck.report import markdown

BAD = "Of the 520 students who sat the exam, 388 passed and 142 failed."
TWO = BAD + "\n\nOf the 30 pupils, 20 passed and 15 failed."


def test_a_table_of_findings_per_article(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TWO, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Nothing to count here.", encoding="utf-8")
    code = main(["check", "--format", "markdown", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "2 articles checked, 2 errors, 0 warnings, 0 info" in out
    assert out.count("### `") == 1 and "clean.txt" not in out
    rows = [line for line in out.splitlines() if line.startswith("| 1:") or line.startswith("| 3:")]
    assert len(rows) == 2 and all(row.count(" | ") == 4 for row in rows)  # five cells a row
    assert "35 &gt; 30" in out  # HTML in a cell stays text


def test_capped_with_a_count_of_the_rest(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(markdown, "ROWS_PER_ARTICLE", 1)
    monkeypatch.setattr(markdown, "ARTICLES", 1)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TWO, encoding="utf-8")
    main(["check", "--format", "markdown", str(tmp_path)])
    out = capsys.readouterr().out
    assert "… and 1 more finding |" in out
    assert "… and 2 more articles with 4 findings" in out


def test_a_clean_run_says_so(tmp_path, capsys):
    (tmp_path / "clean.txt").write_text("Nothing to count here.", encoding="utf-8")
    assert main(["check", "--format", "markdown", str(tmp_path)]) == 0
    assert "Every figure checked adds up." in capsys.readouterr().out
