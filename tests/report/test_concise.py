"""The line formats: concise text and JSON lines."""

from __future__ import annotations

import json

from figcheck.report import concise, jsonl_format


def test_concise_lines_for_findings_and_errored_files(report):
    assert concise.render(report) == (
        "seeds/a.txt:12:45: FC102 [info] "
        "138 and 119 add up to 257, 10 short of the 267 drones launched.\n"
        "seeds/a.txt:3:8: FC101 [error] "
        "90 and 45 add up to 135, more than the 120 they are part of.\n"
        "seeds/broken.txt: error: not valid UTF-8 at byte 17\n"
    )


def test_concise_says_nothing_for_clean_files(one_file):
    assert concise.render(one_file("seeds/clean.txt")) == ""
    assert concise.render({"version": 1, "files": [], "summary": {}}) == ""


def test_concise_keeps_a_finding_on_one_line(one_file, share):
    share["message"] = "Shares add up\nto 115%."
    assert concise.render(one_file("b.txt", share)) == (
        "b.txt:7:1: FC201 [warning] Shares add up to 115%.\n"
    )


def test_concise_keeps_paths_and_text_as_written(one_file, exceeds):
    exceeds["message"] = "Über 90 % — “more”."
    out = concise.render(one_file("news/café, q1.txt", exceeds))
    assert out == "news/café, q1.txt:3:8: FC101 [error] Über 90 % — “more”.\n"


def test_jsonl_is_one_object_per_finding_with_its_path(report, falls_short, exceeds):
    lines = jsonl_format.render(report).splitlines()
    assert [json.loads(line) for line in lines] == [
        {"path": "seeds/a.txt", **falls_short},
        {"path": "seeds/a.txt", **exceeds},
        {"path": "seeds/broken.txt", "error": "not valid UTF-8 at byte 17"},
    ]
    assert next(iter(json.loads(lines[0]))) == "path"


def test_jsonl_ends_each_line_with_a_newline_and_is_empty_when_clean(report, one_file):
    assert jsonl_format.render(report).endswith("}\n")
    assert jsonl_format.render(one_file("seeds/clean.txt")) == ""


def test_jsonl_keeps_a_multiline_message_on_one_line(one_file, share):
    share["message"] = "two\nlines"
    out = jsonl_format.render(one_file("b.txt", share))
    assert out.count("\n") == 1
    assert json.loads(out)["message"] == "two\nlines"
