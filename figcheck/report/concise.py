"""Concise text report: one `path:line:col: CODE [severity] message` line per finding."""

from __future__ import annotations

from typing import Any

from figcheck.report.escape import prose, visible


def render(report: dict[str, Any]) -> str:
    """Every finding on its own line, every unreadable file as `path: error: message`."""
    lines = []
    for file in report["files"]:
        path = visible(file["path"])  # a newline in a file name must not forge a line
        if file.get("error"):
            # A bad record of a JSON Lines file is named by its line, as a finding would be.
            where = f"{path}:{file['record']}" if file.get("record") else path
            lines.append(f"{where}: error: {_one_line(file['error'])}")
        for f in file.get("findings", []):
            lines.append(
                f"{path}:{f['line']}:{f['column']}: {f['code']} [{f['severity']}] "
                f"{_one_line(f['message'])}"
            )
    return "".join(line + "\n" for line in lines)


def _one_line(text: str) -> str:
    # One finding per line is the contract that grep and editors' error parsers rely on.
    return prose(" ".join(text.splitlines()))
