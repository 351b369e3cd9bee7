"""GitHub Actions workflow commands: commands, positions and toolkit escaping."""

from __future__ import annotations

from figcheck.report import github


def test_commands_for_findings_and_errored_files(report):
    assert github.render(report) == (
        "::notice file=seeds/a.txt,line=12,endLine=13,title=figcheck (FC102)::"
        "138 and 119 add up to 257, 10 short of the 267 drones launched."
        "%0A138 + 119 = 257 < 267 (10 unaccounted for)\n"
        "::error file=seeds/a.txt,line=3,endLine=3,col=8,endColumn=61,title=figcheck (FC101)::"
        "90 and 45 add up to 135, more than the 120 they are part of.%0A90 + 45 = 135 > 120\n"
        "::error file=seeds/broken.txt::not valid UTF-8 at byte 17\n"
    )


def test_warning_maps_to_warning(one_file, share):
    out = github.render(one_file("b.txt", share))
    assert out.startswith("::warning file=b.txt,line=7,endLine=7,col=1,endColumn=30,")


def test_multiline_span_omits_columns(one_file, falls_short):
    # The runner drops col/endColumn when line != endLine.
    out = github.render(one_file("a.txt", falls_short))
    assert "col=" not in out
    assert "endColumn=" not in out
    assert "line=12,endLine=13," in out


def test_clean_report_prints_nothing(one_file):
    assert github.render(one_file("clean.txt")) == ""


def test_no_working_means_no_trailing_newline_escape(one_file, share):
    share["working"] = ""
    out = github.render(one_file("b.txt", share))
    assert out.endswith("::Shares of 60%25 and 55%25 add up to more than 100%25.\n")


def test_message_escapes_percent_cr_lf_but_not_colon_or_comma(one_file, share):
    share["message"] = "100% up: a, b\r\nc"
    share["working"] = "%0A stays literal"
    out = github.render(one_file("b.txt", share))
    assert out.endswith("::100%25 up: a, b%0D%0Ac%0A%250A stays literal\n")


def test_file_property_escapes_percent_cr_lf_colon_and_comma(one_file, share):
    out = github.render(one_file("news/50%: a,b\r\n.txt", share))
    assert out.startswith("::warning file=news/50%25%3A a%2Cb%0D%0A.txt,line=7,")


def test_errored_file_escapes_path_and_message(one_file):
    out = github.render(one_file("q1, 2024: draft.txt", error="bad byte: 0xff, 100%\nstop"))
    assert out == "::error file=q1%2C 2024%3A draft.txt::bad byte: 0xff, 100%25%0Astop\n"


def test_every_finding_is_one_physical_line(report, share):
    share["message"] = "a\nb\rc"
    report["files"][0]["findings"].append(share)
    lines = github.render(report).split("\n")
    assert lines[-1] == ""
    assert all(line.startswith("::") for line in lines[:-1])
    assert len(lines) - 1 == 4
