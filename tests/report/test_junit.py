"""JUnit XML: one suite, a case per file, counts, and escaping that parses back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from figcheck.report import junit


def _suite(text):
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    (suite,) = root
    return root, suite


def test_a_case_per_file_with_failures_and_errors(report):
    _, suite = _suite(junit.render(report))
    assert suite.tag == "testsuite"
    assert suite.get("name") == "figcheck"
    assert [case.get("name") for case in suite] == [
        "seeds/a.txt",
        "seeds/clean.txt",
        "seeds/broken.txt",
    ]
    a, clean, broken = suite
    # The info finding is no failure: it is the case's output.
    assert [(f.tag, f.get("type")) for f in a] == [("failure", "FC101"), ("system-out", None)]
    assert a[0].get("message") == "90 and 45 add up to 135, more than the 120 they are part of."
    assert a[1].text == (
        "seeds/a.txt:12:45: FC102 [info] "
        "138 and 119 add up to 257, 10 short of the 267 drones launched.\n"
        "138 + 119 = 257 < 267 (10 unaccounted for)"
    )
    assert list(clean) == []
    (error,) = broken
    assert error.tag == "error"
    assert error.get("message") == "not valid UTF-8 at byte 17"


def test_counts_are_of_test_cases(report):
    root, suite = _suite(junit.render(report))
    for element in (root, suite):
        assert element.get("tests") == "3"
        assert element.get("failures") == "1"
        assert element.get("errors") == "1"


def test_clean_report_has_passing_cases(one_file):
    _, suite = _suite(junit.render(one_file("clean.txt")))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("1", "0", "0")
    (case,) = suite
    assert list(case) == []


def test_empty_report_is_an_empty_suite():
    _, suite = _suite(junit.render({"version": 1, "files": [], "summary": {}}))
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("0", "0", "0")
    assert list(suite) == []


def test_markup_characters_survive_a_round_trip(one_file, share):
    share["message"] = "Shares <60%> & \"55%\" add up to '115%'"
    share["working"] = "60 + 55 > 100 && <b>"
    out = junit.render(one_file('a&b <"c">.txt', share))
    assert "<b>" not in out
    _, suite = _suite(out)
    (case,) = suite
    assert case.get("name") == 'a&b <"c">.txt'
    (failure,) = case
    assert failure.get("message") == "Shares <60%> & \"55%\" add up to '115%'"
    assert failure.text.endswith("'115%'\n60 + 55 > 100 && <b>")


def test_errored_file_message_with_markup_parses_back(one_file):
    _, suite = _suite(junit.render(one_file("x.txt", error='expected "<" & found ">"')))
    (error,) = suite[0]
    assert error.get("message") == 'expected "<" & found ">"'


def test_newlines_in_a_message_attribute_survive(one_file, share):
    share["message"] = "two\nlines"
    _, suite = _suite(junit.render(one_file("b.txt", share)))
    assert suite[0][0].get("message") == "two\nlines"


def test_characters_xml_cannot_hold_are_replaced(one_file, share):
    share["message"] = "form\x0cfeed and \x00null"
    _, suite = _suite(junit.render(one_file("b.txt", share)))
    assert suite[0][0].get("message") == "form\ufffdfeed and \ufffdnull"


def test_output_has_an_xml_declaration_and_ends_with_a_newline(report):
    out = junit.render(report)
    assert out.startswith("<?xml version='1.0' encoding='utf-8'?>")
    assert out.endswith("</testsuites>\n")
