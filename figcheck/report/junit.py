"""JUnit XML report: a test case per file, a failure per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

# XML 1.0 cannot carry these at all, not even escaped; ElementTree would write them anyway.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(report: dict[str, Any]) -> str:
    """One testsuite "figcheck"; each file a testcase with <failure>s or an <error>.

    NOTE: `failures` and `errors` count test cases, as JUnit consumers expect, not
    <failure> elements: a file with three findings is one failed test. An `info` finding
    fails nothing (it does not fail the run either): its case passes, with the note in
    <system-out> where CI test views show it.
    """
    suite = ET.Element("testsuite", name="figcheck")
    failures = errors = 0
    for file in report["files"]:
        path = _clean(file["path"])
        name = f"{path}:{file['record']}" if file.get("record") else path  # one test case a record
        case = ET.SubElement(suite, "testcase", name=name, classname="figcheck", file=path)
        findings = file.get("findings", [])
        failing = [f for f in findings if f["severity"] != "info"]
        if file.get("error"):
            errors += 1
            message = _clean(file["error"])
            error = ET.SubElement(case, "error", type="figcheck-input-error", message=message)
            error.text = f"{path}: {message}"
        elif failing:
            failures += 1
        for f in failing:
            failure = ET.SubElement(case, "failure", type=f["code"], message=_clean(f["message"]))
            failure.text = _clean(_line(path, f))
        notes = [_line(path, f) for f in findings if f["severity"] == "info"]
        if notes:
            ET.SubElement(case, "system-out").text = _clean("\n".join(notes))
    suite.set("tests", str(len(report["files"])))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites", name="figcheck", tests=suite.get("tests", "0"))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _line(path: str, f: dict[str, Any]) -> str:
    text = f"{path}:{f['line']}:{f['column']}: {f['code']} [{f['severity']}] {f['message']}"
    return text + (f"\n{f['working']}" if f.get("working") else "")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
