"""Markdown report for a CI job summary: a table of findings per article, capped, with counts."""

from __future__ import annotations

from typing import Any

from figcheck.report.summary import plural, summary_line

# GitHub caps a step summary at 1 MiB and annotations at 10 per severity per step; these caps
# keep the summary far below the first while still listing what the annotations leave out.
ROWS_PER_ARTICLE = 20
ARTICLES = 50
_ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def render(report: dict[str, Any]) -> str:
    """A heading with the summary line, then one table per article with findings or an error."""
    lines = ["## figcheck", "", summary_line(report.get("summary") or {}), ""]
    shown = 0
    left_files = left_findings = 0
    for file in report["files"]:
        findings = file.get("findings") or []
        if not findings and not file.get("error"):
            continue
        if shown >= ARTICLES:
            left_files += 1
            left_findings += len(findings)
            continue
        shown += 1
        lines.extend(_article(file, findings))
    if left_files:
        lines += [f"… and {plural(left_files, 'more article')} with {plural(left_findings, 'finding')}"
                  " (see the full report).", ""]
    if shown == 0:
        lines += ["Every figure checked adds up.", ""]
    return "\n".join(lines)


def _article(file: dict[str, Any], findings: list[dict[str, Any]]) -> list[str]:
    where = file["path"] + (f" (record on line {file['record']})" if file.get("record") else "")
    lines = [f"### `{_code(where)}`", ""]
    if file.get("error"):
        return [*lines, f"error: {_cell(file['error'])}", ""]
    lines += ["| line | rule | severity | finding | working |", "| ---: | --- | --- | --- | --- |"]
    for f in findings[:ROWS_PER_ARTICLE]:
        lines.append(f"| {f['line']}:{f['column']} | {f['code']} {_cell(f.get('name', ''))} | {_ICON[f['severity']]} "
                     f"| {_cell(f['message'])} | {_cell(f.get('working', ''))} |")
    if len(findings) > ROWS_PER_ARTICLE:
        lines.append(f"| | | | … and {plural(len(findings) - ROWS_PER_ARTICLE, 'more finding')} | |")
    return [*lines, ""]


def _cell(text: str) -> str:
    # A table cell is one line; "|" would end it, and raw HTML from an article must stay text.
    text = " ".join(str(text).split())
    for char, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|")):
        text = text.replace(char, escaped)
    for char in "*_`[]":
        text = text.replace(char, "\\" + char)
    return text


def _code(text: str) -> str:
    return text.replace("`", "'")
