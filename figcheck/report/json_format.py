"""Figures and findings as the JSON report writes them; every other format reads these dicts."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from figcheck.model import Figure, Finding
from figcheck.report.fingerprint import fingerprint

Locate = Callable[[int], tuple[int, int]]


def _num(x: float) -> float | int | None:
    if not math.isfinite(x):
        return None
    return int(x) if x == int(x) and abs(x) < 2**53 else round(x, 6)


def figure_dict(fig: Figure, locate: Locate, sentence: str) -> dict[str, Any]:
    """A figure as JSON: `text` is exactly body[start:end]; open bounds are null."""
    line, column = locate(fig.start)
    return {
        "text": fig.text, "start": fig.start, "end": fig.end, "line": line, "column": column,
        "value": _num(fig.value), "low": _num(fig.low), "high": _num(fig.high), "bound": fig.bound.value,
        "kind": fig.kind, "unit": fig.unit, "counted": fig.counted, "verb": fig.verb, "when": fig.when,
        "sentence": sentence,
    }


def finding_dict(path: str, finding: Finding, locate: Locate, sentence_of: Callable[[Figure], str],
                 occurrence: int = 0, locate_end: Locate | None = None) -> dict[str, Any]:
    """A finding as JSON, with its region and a fingerprint that survives edits above it."""
    line, column = locate(finding.start)
    end_line, end_column = (locate_end or locate)(finding.end)
    out = {
        "code": finding.code, "name": finding.name, "kind": finding.kind, "severity": finding.severity.label,
        "message": finding.message, "working": finding.working,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "context": list(finding.context),
        "figures": [figure_dict(f, locate, sentence_of(f)) for f in finding.figures],
    }
    out["fingerprint"] = fingerprint(path, out, occurrence)
    return out
