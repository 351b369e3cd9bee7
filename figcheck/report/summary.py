"""The run's summary in words: "2 articles checked, 1 warning, 3,115 figures"."""

from __future__ import annotations

from typing import Any

# Words whose plural is not the word and an "s": a count of notes reads "3 info", as ruff and
# the severity names have it.
_IRREGULAR = {"info": "info", "input": "inputs", "was": "were"}


def plural(n: int, word: str) -> str:
    """`n` with thousands separators and `word` agreeing with it: "1 warning", "3,115 articles"."""
    if n == 1:
        return f"{n:,} {word}"
    head, _, last = word.rpartition(" ")
    many = _IRREGULAR.get(last, last + "s")
    return f"{n:,} {head + ' ' if head else ''}{many}"


def summary_line(summary: dict[str, Any]) -> str:
    """One line for the end of a report: articles, findings by severity, figures, unread inputs."""
    found = summary.get("findings") or {}
    parts = [f"{plural(summary.get('files', 0), 'article')} checked",
             plural(found.get("error", 0), "error"), plural(found.get("warning", 0), "warning"),
             plural(found.get("info", 0), "info"),
             f"{plural(summary.get('figures', 0), 'figure')}, {summary.get('checked', 0):,} taking part in a check"]
    if summary.get("errors"):
        parts.append(f"{plural(summary['errors'], 'input')} could not be read")
    if summary.get("suppressed"):
        parts.append(f"{summary['suppressed']:,} suppressed")
    return ", ".join(parts)
