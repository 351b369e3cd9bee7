"""Issue 15 through the CLI as a user runs it: real-file locations, stdin names, dates, selectors, outputs."""

from __future__ import annotations

import json
from pathlib import Path

from figcheck.cli import main

BAD = "Of the 520 students who sat the exam, 388 passed and 142 failed."


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def where_in(path: Path, text: str) -> tuple[int, int]:
    """1-based line and column of the first `text` in the file as it is written."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(text)


def every_format(capsys, path: Path) -> dict[str, object]:
    out = {}
    for fmt in ("concise", "github", "gitlab", "sarif", "jsonl"):
        out[fmt] = run(capsys, "check", "--format", fmt, str(path))[1]
    return out


def test_json_lines_findings_point_at_the_real_file_line_and_column(tmp_path, capsys):
    lines = tmp_path / "small.jsonl"
    lines.write_text(json.dumps({"body": "Fine."}) + "\n\n"
                     + json.dumps({"title": "Exam", "body": 'Results:\n"Numbers" ' + BAD}) + "\n", encoding="utf-8")
    line, column = where_in(lines, "520")
    assert line == 3 and column > 40  # the body's own line 2 and column 8 would point nowhere
    got = every_format(capsys, lines)
    assert got["concise"] == f"{lines}:3:{column}: FC101 [error] 388 and 142 add up to 530, more than the 520 they are part of.\n"
    assert got["github"].startswith(f"::error file={lines},line=3,endLine=3,col={column},")
    [issue] = json.loads(got["gitlab"])
    assert issue["location"] == {"path": str(lines), "lines": {"begin": 3, "end": 3}}
    [result] = json.loads(got["sarif"])["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("/small.jsonl")
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (3, column)
    assert result["properties"] == {"record": 3}
    record = json.loads(got["jsonl"])
    assert (record["path"], record["record"], record["line"], record["column"]) == (str(lines), 3, 3, column)


def test_a_bad_record_is_named_by_its_line(tmp_path, capsys):
    lines = tmp_path / "small.jsonl"
    lines.write_text(json.dumps({"body": "Fine."}) + "\n{broken\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "concise", str(lines))
    assert code == 2 and out.startswith(f"{lines}:2: error: invalid JSON")


def test_pretty_printed_json_findings_use_the_files_line(tmp_path, capsys):
    article = tmp_path / "a.json"
    article.write_text(json.dumps({"title": "Exam", "published": "2024-03-15", "body": "Intro \u00e9\u2014.\n" + BAD},
                                  indent=2, ensure_ascii=True), encoding="utf-8")
    line, column = where_in(article, "520")
    assert line == 4
    got = every_format(capsys, article)
    assert got["concise"].startswith(f"{article}:4:{column}: FC101")
    assert f",line=4,endLine=4,col={column}," in got["github"]
    assert json.loads(got["gitlab"])[0]["location"]["lines"]["begin"] == 4
    region = json.loads(got["sarif"])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, column)
    assert region["endColumn"] == where_in(article, "142")[1] + 3


def test_an_unreadable_date_is_a_warning_and_the_article_is_checked(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"published": "March 5, 2024", "body": BAD}), encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 5th of March\n---\n" + BAD + "\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "concise", str(tmp_path))
    assert code == 1 and out.count("FC101") == 2
    assert err.splitlines() == [
        f"figcheck: {tmp_path / 'a.json'}: warning: cannot read the publication date 'March 5, 2024' (use YYYY-MM-DD);"
        " ages and anniversaries are not checked",
        f"figcheck: {tmp_path / 'b.md'}: warning: cannot read the publication date '5th of March' (use YYYY-MM-DD);"
        " ages and anniversaries are not checked",
    ]
