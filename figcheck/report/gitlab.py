"""GitLab Code Quality report: a JSON array of CodeClimate issues."""

from __future__ import annotations

import json
from typing import Any

from figcheck.report.fingerprint import fingerprint, fingerprints

INPUT_ERROR = "figcheck-input-error"
_SEVERITY = {"info": "info", "warning": "minor", "error": "major"}


def render(report: dict[str, Any]) -> str:
    """One issue per finding and per unreadable file, keyed by a line-free fingerprint."""
    issues = []
    for file in report["files"]:
        path = file["path"]
        if file.get("error"):
            issues.append(
                {
                    "description": f"{INPUT_ERROR}: {file['error']}",
                    "check_name": INPUT_ERROR,
                    "fingerprint": fingerprint(f"{path}:{file.get('record') or ''}", {"code": INPUT_ERROR}),
                    "severity": "major",
                    "location": {"path": path, "lines": {"begin": file.get("record") or 1}},
                }
            )
        findings = file.get("findings", [])
        key = f"{path}:{file['record']}" if file.get("record") else path  # records of one file apart
        for f, print_ in zip(findings, fingerprints(key, findings), strict=True):
            lines = {"begin": max(1, f.get("line") or 1)}
            if f.get("end_line"):
                lines["end"] = max(lines["begin"], f["end_line"])
            issues.append(
                {
                    # GitLab's widget shows the description but not check_name.
                    "description": f"{f['code']}: {' '.join(f['message'].splitlines())}",
                    "check_name": f["code"],
                    "fingerprint": print_,
                    "severity": _SEVERITY[f["severity"]],
                    "location": {"path": path, "lines": lines},
                }
            )
    # NOTE: no BOM: GitLab rejects a report that starts with one.
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
