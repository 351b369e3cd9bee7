"""SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from figcheck.report.fingerprint import fingerprints
from figcheck.report.rule_docs import anchor, docs_url

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"info": "note", "warning": "warning", "error": "error"}


def render(report: dict[str, Any], rules: list[dict[str, Any]], tool_version: str) -> str:
    """The whole report as one SARIF log with one run; rules[] lists every rule passed."""
    index = {rule["code"]: i for i, rule in enumerate(rules)}
    page = docs_url()
    results, notifications = [], []
    for file in report["files"]:
        path = file["path"]
        record = file.get("record")
        if file.get("error"):
            where: dict[str, Any] = {"artifactLocation": _artifact(path)}
            if record:
                where["region"] = {"startLine": record}
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": file["error"]},
                    "descriptor": {"id": "figcheck-input-error"},
                    "locations": [{"physicalLocation": where}],
                }
            )
        findings = file.get("findings", [])
        key = f"{path}:{record}" if record else path  # records of one file apart
        for finding, print_ in zip(findings, fingerprints(key, findings), strict=True):
            result = _result(path, finding, print_, index)
            if record:
                # The region is in the real file; which article of a JSON Lines file it is, apart.
                result["properties"] = {"record": record}
            results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "figcheck",
                "version": tool_version,
                "rules": [_rule(rule, page) for rule in rules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        # NOTE: the spec requires columnKind whenever a text artifact has results (§3.14.27).
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(rule: dict[str, Any], page: str) -> dict[str, Any]:
    docs = rule.get("docs", {})
    what = docs.get("what") or rule.get("name") or rule["code"]
    full = " ".join(part for part in (what, docs.get("why")) if part)
    entry: dict[str, Any] = {
        "id": rule["code"],
        "name": rule.get("name", rule["code"]),
        "shortDescription": {"text": what},
        "fullDescription": {"text": full},
        "help": {"text": _help(full, rule)},
        "helpUri": f"{page}#{anchor(rule)}",
    }
    if rule.get("severity") in _LEVEL:
        entry["defaultConfiguration"] = {"level": _LEVEL[rule["severity"]]}
    return entry


def _help(full: str, rule: dict[str, Any]) -> str:
    # A flagged example shows the problem faster than the description does.
    examples = [flag["text"] for flag in rule.get("flag", []) if flag.get("text")]
    return f"{full}\n\nExample: {examples[0]}" if examples else full


def _result(
    path: str, finding: dict[str, Any], print_: str, index: dict[str, int]
) -> dict[str, Any]:
    text = finding["message"]
    if finding.get("working"):
        text += "\n" + finding["working"]
    result: dict[str, Any] = {"ruleId": finding["code"]}
    if finding["code"] in index:
        result["ruleIndex"] = index[finding["code"]]
    result |= {
        "level": _LEVEL[finding["severity"]],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(path),
                    "region": _region(finding),
                }
            }
        ],
        "partialFingerprints": {"figcheck/v1": print_},
    }
    return result


def _region(finding: dict[str, Any]) -> dict[str, int]:
    # NOTE: line/column only, never charOffset: reviewdog's SARIF parser rejects offset
    # regions, and the schema's minimum of 1 makes GitHub refuse a 0 (codacy-action#34).
    start_line = max(1, finding.get("line") or 1)
    region = {"startLine": start_line, "startColumn": max(1, finding.get("column") or 1)}
    if finding.get("end_line"):
        region["endLine"] = max(start_line, finding["end_line"])
    if finding.get("end_column"):
        region["endColumn"] = max(1, finding["end_column"])
    return region


def _artifact(path: str) -> dict[str, str]:
    uri = quote(path.replace("\\", "/"), safe="/")
    if path.startswith("/"):
        return {"uri": "file://" + uri}
    # Relative to the checkout, which is what GitHub code scanning expects.
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}
