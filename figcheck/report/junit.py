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
    <failure> elements: a file with three findings is one failed test.
    """
    suite = ET.Element("testsuite", name="figcheck")
    failures = errors = 0
    for file in report["files"]:
        path = _clean(file["path"])
        name = f"{path}:{file['record']}" if file.get("record") else path  # one test case a record
        case = ET.SubElement(suite, "testcase", name=name, classname="figcheck", file=path)
        findings = file.get("findings", [])
        if file.get("error"):
            errors += 1
            message = _clean(file["error"])
            error = ET.SubElement(case, "error", type="figcheck-input-error", message=message)
            error.text = f"{path}: {message}"
        elif findings:
            failures += 1
        for f in findings:
            failure = ET.SubElement(case, "failure", type=f["code"], message=_clean(f["message"]))
            text = f"{path}:{f['line']}:{f['column']}: {f['code']} [{f['severity']}] {f['message']}"
            failure.text = _clean(text + (f"\n{f['working']}" if f.get("working") else ""))
    suite.set("tests", str(len(report["files"])))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites", name="figcheck", tests=suite.get("tests", "0"))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
