"""Inline suppressions: what each directive covers, and which ones go unused."""

from __future__ import annotations

import pytest

from figcheck.errors import InputError
from figcheck.inputs.html import read_html
from figcheck.inputs.markdown import read_markdown
from figcheck.model import Finding, Placed, Severity
from figcheck.suppress import Suppression, apply, from_record, parse_comments


def finding(code: str, line: int, end_line: int | None = None) -> Placed:
    return Placed(Finding(code, "sum", Severity.ERROR, "", ()), line, 1, line if end_line is None else end_line, 1)


def split(suppressions, findings):
    kept, suppressed, unused = apply(suppressions, findings)
    return [(p.finding.code, p.line) for p in kept], [(p.finding.code, p.line) for p, _ in suppressed], unused


# -- parsing -------------------------------------------------------------------------------------

def test_next_line_with_codes_and_reason():
    [s] = parse_comments([(4, " figcheck-disable-next-line FC101, FC203 -- checked with the ministry ")])
    assert s == Suppression(4, ("FC101", "FC203"), "next-line", 5, 5, "checked with the ministry")


def test_codes_are_optional_and_space_or_comma_separated():
    [blanket] = parse_comments([(1, "figcheck-disable-next-line")])
    [spaced] = parse_comments([(1, "figcheck-disable-file FC1 FC2,FC3")])
    assert blanket.codes == () and blanket.reason is None
    assert spaced.codes == ("FC1", "FC2", "FC3")
    assert spaced.kind == "file" and (spaced.first_line, spaced.last_line) == (1, None)


def test_other_comments_are_not_directives():
    assert parse_comments([(1, " a note "), (2, "figcheck-disabled FC1"), (3, "see figcheck-disable")]) == []


def test_next_line_skips_blank_and_comment_only_lines_when_given_the_source():
    source = "<!-- figcheck-disable-next-line FC101 -->\n\n<!-- figcheck-disable-next-line FC2 -->\nText\n"
    doc = read_markdown(source)
    first, second = parse_comments(doc.comments, source)
    assert first.first_line == second.first_line == 4


def test_multi_line_comment_targets_the_line_after_its_end():
    [s] = parse_comments([(2, " figcheck-disable-next-line FC101\n  -- long reason\n")])
    assert s.first_line == 5
    assert s.reason == "long reason"


def test_unknown_codes_are_kept_so_they_can_be_reported():
    [s] = parse_comments([(1, "figcheck-disable-file FC101 E501 fc2")])
    assert s.codes == ("FC101", "E501", "FC2")
    assert s.unknown_codes == ("E501",)


# -- next-line and line ----------------------------------------------------------------------------

def test_next_line_covers_a_finding_on_that_line_only():
    sups = parse_comments([(3, "figcheck-disable-next-line FC101")])
    kept, suppressed, unused = split(sups, [finding("FC101", 4), finding("FC101", 5), finding("FC102", 4)])
    assert suppressed == [("FC101", 4)]
    assert kept == [("FC101", 5), ("FC102", 4)]
    assert unused == []


def test_next_line_covers_a_finding_whose_lines_touch_the_target():
    sups = parse_comments([(3, "figcheck-disable-next-line FC101")])
    _, suppressed, _ = split(sups, [finding("FC101", 2, 4), finding("FC101", 1, 3)])
    assert suppressed == [("FC101", 2)]


def test_prefix_and_blanket_codes_match():
    prefix = parse_comments([(1, "figcheck-disable-next-line FC1")])
    blanket = parse_comments([(1, "figcheck-disable-next-line")])
    assert split(prefix, [finding("FC101", 2), finding("FC201", 2)])[1] == [("FC101", 2)]
    assert split(blanket, [finding("FC101", 2), finding("FC201", 2)])[1] == [("FC101", 2), ("FC201", 2)]


def test_disable_line_covers_its_own_line():
    sups = parse_comments([(7, "figcheck-disable-line FC2")])
    kept, suppressed, _ = split(sups, [finding("FC201", 7), finding("FC201", 8)])
    assert suppressed == [("FC201", 7)]
    assert kept == [("FC201", 8)]


# -- ranges ----------------------------------------------------------------------------------------

def test_range_between_disable_and_enable():
    sups = parse_comments([(3, "figcheck-disable FC1 -- table from the agency"), (10, "figcheck-enable FC1")])
    assert sups == [Suppression(3, ("FC1",), "range", 3, 10, "table from the agency")]
    kept, suppressed, _ = split(sups, [finding("FC101", 5), finding("FC101", 12), finding("FC201", 5)])
    assert suppressed == [("FC101", 5)]
    assert kept == [("FC101", 12), ("FC201", 5)]


def test_range_without_enable_runs_to_the_end():
    [s] = parse_comments([(3, "figcheck-disable FC1")])
    assert s.last_line is None
    assert split([s], [finding("FC101", 2), finding("FC101", 900)])[1] == [("FC101", 900)]


def test_enable_without_codes_reenables_everything():
    sups = parse_comments([(1, "figcheck-disable FC1"), (2, "figcheck-disable FC2"), (5, "figcheck-enable")])
    assert [(s.codes, s.last_line) for s in sups] == [(("FC1",), 5), (("FC2",), 5)]


def test_enable_with_other_codes_leaves_the_range_open():
    [s] = parse_comments([(1, "figcheck-disable FC1"), (5, "figcheck-enable FC2")])
    assert s.last_line is None


def test_partial_enable_keeps_the_other_codes_disabled():
    sups = parse_comments([(1, "figcheck-disable FC101 FC203"), (5, "figcheck-enable FC101")])
    kept, suppressed, unused = split(sups, [finding("FC101", 3), finding("FC101", 8), finding("FC203", 8)])
    assert suppressed == [("FC101", 3), ("FC203", 8)]
    assert kept == [("FC101", 8)]
    assert unused == []


# -- file and record ---------------------------------------------------------------------------------

def test_file_directive_covers_the_whole_file_from_anywhere():
    sups = parse_comments([(40, "figcheck-disable-file FC203")])
    kept, suppressed, _ = split(sups, [finding("FC203", 1), finding("FC203", 999), finding("FC101", 1)])
    assert suppressed == [("FC203", 1), ("FC203", 999)]
    assert kept == [("FC101", 1)]


def test_record_codes_cover_the_whole_article():
    [s] = from_record(["FC101", "fc2"])
    assert (s.kind, s.codes, s.first_line, s.last_line) == ("record", ("FC101", "FC2"), 1, None)
    kept, suppressed, _ = split([s], [finding("FC101", 3), finding("FC203", 9), finding("FC301", 9)])
    assert suppressed == [("FC101", 3), ("FC203", 9)]
    assert kept == [("FC301", 9)]


def test_record_in_a_jsonl_file_covers_its_own_lines():
    [s] = from_record("FC101, FC102", first_line=7, last_line=7)
    assert s.codes == ("FC101", "FC102")
    assert split([s], [finding("FC101", 7), finding("FC101", 8)])[1] == [("FC101", 7)]


def test_record_without_codes_and_bad_records():
    assert from_record([]) == []
    with pytest.raises(InputError, match=r"^figcheck_ignore: expected a list of rule codes"):
        from_record({"codes": "FC1"})
    with pytest.raises(InputError):
        from_record(["FC101", 5])


# -- apply -----------------------------------------------------------------------------------------

def test_unused_suppressions_are_returned():
    sups = parse_comments([(1, "figcheck-disable-next-line FC101"), (5, "figcheck-disable-file FC9")])
    kept, suppressed, unused = apply(sups, [finding("FC101", 2)])
    assert [s.line for s in unused] == [5]
    assert len(kept) == 0 and len(suppressed) == 1


def test_suppressed_findings_come_with_the_directive_that_silenced_them():
    sups = parse_comments([(1, "figcheck-disable-next-line FC101 -- checked")])
    original = finding("FC101", 2)
    _, [(suppressed, by)], _ = apply(sups, [original])
    assert (by.kind, by.line, by.reason) == ("next-line", 1, "checked")
    assert suppressed is original


def test_markdown_article_end_to_end():
    text = (
        "# Title\n"
        "\n"
        "<!-- figcheck-disable-next-line FC101 -- agency table -->\n"
        "Of 120 drones, 90 and 45.\n"
        "\n"
        "Later 10 and 20 of 25.\n"
        "<!-- figcheck-disable-file FC3 -->\n"
    )
    doc = read_markdown(text)
    sups = parse_comments(doc.comments, doc.source)
    kept, suppressed, unused = split(sups, [finding("FC101", 4), finding("FC101", 6)])
    assert suppressed == [("FC101", 4)]
    assert kept == [("FC101", 6)]
    assert [s.codes for s in unused] == [("FC3",)]


def test_html_article_end_to_end():
    text = "<p>One 5.</p>\n<!-- figcheck-disable-next-line FC2 -->\n<p>Two 50%.</p>\n"
    doc = read_html(text)
    sups = parse_comments(doc.comments, doc.source)
    assert split(sups, [finding("FC201", 3), finding("FC201", 1)])[1] == [("FC201", 3)]
