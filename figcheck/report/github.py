"""GitHub Actions workflow commands (`::error file=…::message`), one per finding."""

from __future__ import annotations

from typing import Any

from figcheck.report.escape import visible

_COMMAND = {"info": "notice", "warning": "warning", "error": "error"}


def render(report: dict[str, Any]) -> str:
    """One annotation command per finding and per unreadable file, escaped as toolkit does."""
    lines = []
    for file in report["files"]:
        path = file["path"]
        if file.get("error"):
            line = f",line={file['record']}" if file.get("record") else ""
            lines.append(f"::error file={_prop(path)}{line}::{_data(file['error'])}")
        for f in file.get("findings", []):
            props = [("file", path), *_position(f), ("title", f"figcheck ({f['code']})")]
            text = f["message"] + (f"\n{f['working']}" if f.get("working") else "")
            joined = ",".join(f"{key}={_prop(str(value))}" for key, value in props)
            lines.append(f"::{_COMMAND[f['severity']]} {joined}::{_data(text)}")
    return "".join(line + "\n" for line in lines)


def _position(f: dict[str, Any]) -> list[tuple[str, int]]:
    line = f["line"]
    end_line = f.get("end_line") or line
    props = [("line", line), ("endLine", end_line)]
    # NOTE: the runner drops col/endColumn when line != endLine (ActionCommandManager.cs,
    # ValidateLinesAndColumns), so they are only worth sending for a one-line span.
    if end_line == line:
        props.append(("col", f["column"]))
        if f.get("end_column"):
            props.append(("endColumn", f["end_column"]))
    return props


def _data(text: str) -> str:
    # Same order as toolkit's escapeData: "%" first, or the other escapes get escaped again.
    return _controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    # The runner splits properties on "," and the command from its data on "::".
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _controls(text: str) -> str:
    # An ESC or other control in a file name or message would reach the job log raw: written out.
    return visible(text)
