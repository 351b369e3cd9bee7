"""GitLab Code Quality: the fields GitLab reads, severities and stable fingerprints."""

from __future__ import annotations

import json

from figcheck.report import gitlab


def test_issues_for_findings_and_errored_files(report):
    issues = json.loads(gitlab.render(report))
    assert issues[:2] == [
        {
            "description": "FC102: 138 and 119 add up to 257, 10 short of the 267 drones launched.",
            "check_name": "FC102",
            "fingerprint": "3f2a0c9e1b7d4a6f8e2c5b1d9a7f3e60",
            "severity": "info",
            "location": {"path": "seeds/a.txt", "lines": {"begin": 12, "end": 13}},
        },
        {
            "description": "FC101: 90 and 45 add up to 135, more than the 120 they are part of.",
            "check_name": "FC101",
            "fingerprint": "9b1e55d0a4c84f0e8d7a2b3c4d5e6f70",
            "severity": "major",
            "location": {"path": "seeds/a.txt", "lines": {"begin": 3, "end": 3}},
        },
    ]
    error = issues[2]
    assert error["check_name"] == "figcheck-input-error"
    assert error["severity"] == "major"
    assert error["description"] == "figcheck-input-error: not valid UTF-8 at byte 17"
    assert error["location"] == {"path": "seeds/broken.txt", "lines": {"begin": 1}}
    assert len(issues) == 3


def test_warning_maps_to_minor(one_file, share):
    (issue,) = json.loads(gitlab.render(one_file("b.txt", share)))
    assert issue["severity"] == "minor"


def test_clean_report_is_an_empty_array(one_file):
    assert gitlab.render(one_file("clean.txt")) == "[]\n"


def test_output_is_a_json_array_without_bom(report):
    out = gitlab.render(report)
    assert not out.startswith("\ufeff")
    assert out.startswith("[")
    assert out.endswith("]\n")


def test_fingerprint_ignores_line_numbers(one_file, exceeds):
    before = json.loads(gitlab.render(one_file("a.txt", exceeds)))[0]["fingerprint"]
    exceeds.update(line=40, column=2, end_line=41, end_column=9)
    after = json.loads(gitlab.render(one_file("a.txt", exceeds)))[0]
    assert after["fingerprint"] == before
    assert after["location"]["lines"] == {"begin": 40, "end": 41}


def test_computed_fingerprint_ignores_line_numbers_and_tells_twins_apart(one_file, exceeds):
    del exceeds["fingerprint"]
    twin = dict(exceeds)
    before = [i["fingerprint"] for i in json.loads(gitlab.render(one_file("a.txt", exceeds, twin)))]
    moved = [dict(f, line=f["line"] + 5, end_line=f["end_line"] + 5) for f in (exceeds, twin)]
    after = [i["fingerprint"] for i in json.loads(gitlab.render(one_file("a.txt", *moved)))]
    assert before == after
    assert len(set(before)) == 2


def test_errored_file_fingerprint_is_stable_and_per_path(one_file):
    def print_of(path, error):
        return json.loads(gitlab.render(one_file(path, error=error)))[0]["fingerprint"]

    assert print_of("a.txt", "bad byte at 3") == print_of("a.txt", "bad byte at 9")
    assert print_of("a.txt", "bad byte at 3") != print_of("b.txt", "bad byte at 3")


def test_description_stays_on_one_line(one_file, share):
    share["message"] = "Shares add up\nto 115%."
    (issue,) = json.loads(gitlab.render(one_file("b.txt", share)))
    assert issue["description"] == "FC201: Shares add up to 115%."


def test_non_ascii_path_is_kept_as_written(one_file, share):
    (issue,) = json.loads(gitlab.render(one_file("news/café, q1.txt", share)))
    assert issue["location"]["path"] == "news/café, q1.txt"
