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
    schema = Path(__file__).parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if schema.exists():  # beside the repository in the project's workplace and CI
        import jsonschema

        jsonschema.Draft4Validator(json.loads(schema.read_text(encoding="utf-8"))).validate(json.loads(got["sarif"]))
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


# -- standard input -----------------------------------------------------------------------------

def stdin(monkeypatch, text: str) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_stdin_filename_picks_the_reader_and_is_the_path_reported(monkeypatch, capsys):
    html = "<html><body>\n<script>var n = 1;</script>\n<p>" + BAD.replace("388", "<b>388</b>") + "</p></body></html>"
    markdown = "---\ndate: 2024-03-15\n---\n# Results\n\n" + BAD.replace("520", "**520**") + "\n"
    lines = json.dumps({"body": "Fine."}) + "\n" + json.dumps({"body": BAD}) + "\n"
    for name, text, where in (("news/a.html", html, "news/a.html:3:11:"), ("news/a.md", markdown, "news/a.md:6:10:"),
                              ("news/a.jsonl", lines, "news/a.jsonl:2:"), ("news/a.json", json.dumps({"body": BAD}), "news/a.json:1:")):
        stdin(monkeypatch, text)
        code, out, _ = run(capsys, "check", "--format", "concise", "--stdin-filename", name, "-")
        assert code == 1 and out.startswith(where) and out.count("FC101") == 1, (name, out)


def test_without_a_name_markup_on_stdin_is_plain_text(monkeypatch, capsys):
    page = "<p>About 40 people came.</p><script>var width = 1280;</script>"

    def figures(*options: str) -> list[str]:
        stdin(monkeypatch, page)
        out = run(capsys, "extract", "--format", "json", *options, "-")[1]
        [file] = json.loads(out)["files"]
        return [f["text"] for f in file["figures"]]

    assert "1280" in figures()  # the script read as prose
    assert figures("--stdin-filename", "page.html") == ["About 40"]


# -- selectors, layering and settings ------------------------------------------------------------

def test_an_unknown_code_or_prefix_is_exit_2_with_the_nearest_code(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, _, err = run(capsys, "check", "--ignore", "FC1O1,FC109", "a.txt")
    assert code == 2 and "'FC1O1' is not a rule code" in err
    code, _, err = run(capsys, "check", "--ignore", "FC109", "a.txt")
    assert (code, err) == (2, "figcheck: command line: ignore: 'FC109' matches no rule (did you mean FC105?); "
                              "`figcheck rule --all` lists them\n")
    code, _, err = run(capsys, "check", "--select", "FC35", "a.txt")
    assert code == 2 and "'FC35' matches no rule (did you mean FC30?)" in err
    (tmp_path / "figcheck.toml").write_text('extend-select = ["FC999"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and err.startswith("figcheck: figcheck.toml: extend-select: 'FC999' matches no rule (did you mean FC914?)")


def test_selecting_no_rule_or_excluding_every_input_is_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, _, err = run(capsys, "check", "--select", "FC1", "--ignore", "FC1", "a.txt")
    assert code == 2 and err.startswith("figcheck: no rule selected")
    (tmp_path / "figcheck.toml").write_text('exclude = ["a.txt"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "a.txt")
    assert code == 2 and "no article checked: 1 input excluded" in err
    assert run(capsys, "check", "--allow-no-articles", "a.txt")[0] == 0


def test_options_layer_over_the_config_as_in_ruff(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD + " The city now has three times as many cycle lanes: 240 km against 100 km.",
                                    encoding="utf-8")
    (tmp_path / "figcheck.toml").write_text('ignore = ["FC101"]\n', encoding="utf-8")

    def codes(*options: str) -> list[str]:
        out = run(capsys, "check", "--format", "json-lines", *options, "a.txt")[1]
        return sorted(json.loads(line)["code"] for line in out.splitlines())

    assert codes() == ["FC801"]
    assert codes("--ignore", "FC801") == []                         # adds to the config's ignore
    assert codes("--extend-select", "FC101") == ["FC101", "FC801"]  # turns back on what the config ignores
    assert codes("--select", "FC1") == []                           # the config's ignore of FC101 still holds
    assert codes("--select", "FC101") == ["FC101"]                  # the command line wins a tie
    assert codes("--select", "FC1", "--select", "FC8", "--extend-select", "FC101") == ["FC101", "FC801"]  # repeats add up
    assert codes("--output-format", "jsonl") == codes()


def test_show_settings_prints_the_layers_and_the_rules_run(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "figcheck.toml").write_text('ignore = ["FC1"]\nexclude = ["old"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "--show-settings", "--ignore", "FC2", "--extend-exclude", "drafts/*", "a.txt")
    settings = {line[:18].strip(): line[19:] for line in out.splitlines()}
    assert code == 0
    assert settings["config file"].endswith("figcheck.toml")
    assert settings["ignore"] == "['FC1', 'FC2']"
    assert settings["exclude"] == "['old']" and settings["extend-exclude"] == "['drafts/*']"
    assert "FC101" not in settings["rules run"] and "FC201" not in settings["rules run"] and "FC301" in settings["rules run"]


def test_extend_exclude_and_gitignore_leave_files_out_of_walks(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    for name in ("news/a.txt", "drafts/b.txt", "build/c.txt", "news/d.txt", "news/keep.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("build/\nnews/*.txt\n!news/keep.txt\n", encoding="utf-8")

    def checked(*options: str) -> list[str]:
        out = run(capsys, "check", "--format", "json", *options, ".")[1]
        return sorted(Path(f["path"]).as_posix() for f in json.loads(out)["files"])

    assert checked() == ["drafts/b.txt", "news/keep.txt"]
    assert checked("--extend-exclude", "drafts") == ["news/keep.txt"]
    assert checked("--no-respect-gitignore", "--extend-exclude", "drafts", "--extend-exclude", "news/d.txt") == [
        "build/c.txt", "news/a.txt", "news/keep.txt"]
    # A file named on the command line is checked even if git ignores it.
    assert run(capsys, "check", "--format", "concise", "build/c.txt")[1].startswith("build/c.txt:1:")


# -- baselines, outputs, JUnit ------------------------------------------------------------------

def test_a_baseline_written_from_one_folder_matches_from_another(tmp_path, capsys, monkeypatch):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "archive" / "b.jsonl").write_text(json.dumps({"body": "Fine."}) + "\n" + json.dumps({"body": BAD}) + "\n",
                                                  encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "check", "--write-baseline", "figcheck-baseline.json", "archive")[0] == 0
    keys = json.loads((tmp_path / "figcheck-baseline.json").read_text(encoding="utf-8"))["fingerprints"]
    assert sorted(keys) == ["archive/a.txt", "archive/b.jsonl:2"]
    monkeypatch.chdir(tmp_path / "archive")
    assert run(capsys, "check", "--baseline", "../figcheck-baseline.json", ".")[0] == 0
    assert run(capsys, "check", "--baseline", str(tmp_path / "figcheck-baseline.json"), "a.txt", "b.jsonl")[0] == 0
    (tmp_path / "archive" / "a.txt").write_text(BAD + "\nOf the 30 pupils, 20 passed and 15 failed.", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "concise", "--baseline", "../figcheck-baseline.json", "./a.txt")
    assert code == 1 and out.count("FC101") == 1 and out.startswith("a.txt:2:")


def test_two_reports_to_one_file_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    code, _, err = run(capsys, "check", "-o", "out.sarif", "--format", "sarif", "--output-sarif", "./out.sarif", "a.txt")
    assert code == 2 and err == "figcheck: -o/--output and --output-sarif both write to ./out.sarif: give each report its own file\n"
    assert not (tmp_path / "out.sarif").exists()


def test_junit_info_is_a_passing_test_case_with_output(tmp_path, capsys):
    import xml.etree.ElementTree as ET

    seeds = Path(__file__).parents[1] / "seeds"
    code, out, _ = run(capsys, "check", "--format", "junit", str(seeds))
    root = ET.fromstring(out)
    assert code == 0 and root.get("failures") == "0" and root.get("tests") == "2"
    [case] = [c for c in root.iter("testcase") if c.find("system-out") is not None]
    assert case.find("failure") is None
    assert "FC103 [info] 138 and 119 add up to 257" in case.find("system-out").text


def test_json_ld_date_published_in_html_enables_the_date_checks(tmp_path, capsys):
    page = tmp_path / "a.html"
    linked = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "datePublished": "2001-01-01"},
        {"@type": "NewsArticle", "headline": "Smith", "datePublished": "2024-06-01T08:00:00+01:00"}]})
    page.write_text(f'<html><head><script type="application/ld+json">{linked}</script></head>\n'
                    "<body><p>Smith, 45, was born in 1985 in Leeds.</p></body></html>\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "concise", str(page))
    assert code == 1 and f"{page}:2:17: FC501" in out and err == ""


def test_the_summary_agrees_in_number_and_groups_thousands(tmp_path, capsys):
    from figcheck.report.summary import plural

    (tmp_path / "a.txt").write_text("The jobless rate fell 0.2 pct to 6.6 pct from 6.8 pct in March.", encoding="utf-8")
    report = tmp_path / "report.txt"
    assert run(capsys, "check", "--format", "full", "-o", str(report), str(tmp_path / "a.txt"))[0] == 1
    text = " ".join(report.read_text(encoding="utf-8").split())  # the console wraps at 80 columns
    assert "1 article checked, 0 errors, 1 warning, 0 info, 3 figures, 3 taking part in a check" in text
    _, _, err = run(capsys, "check", "--statistics", "--fail-on", "never", str(tmp_path / "a.txt"))
    assert "figcheck: 1 article, 3 figures," in err and "1 warning," in err and "0 inputs with errors" in err
    assert (plural(3115, "article"), plural(1, "input"), plural(2, "info")) == ("3,115 articles", "1 input", "2 info")
