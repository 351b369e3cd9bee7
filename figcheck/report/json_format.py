"""Figures and findings as the JSON report writes them: the one place the report dicts are made, which every format reads."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from figcheck.model import Figure, Placed

Locate = Callable[[int], tuple[int, int]]


def _num(x: float) -> float | int | None:
    if not math.isfinite(x):
        return None
    return int(x) if x == int(x) and abs(x) < 2**53 else round(x, 6)


def figure_dict(fig: Figure, locate: Locate, sentence: str) -> dict[str, Any]:
    """A figure as JSON: `text` is exactly body[start:end]; open bounds are null."""
    line, column = locate(fig.start)
    return _figure(fig, line, column, sentence)


def _figure(fig: Figure, line: int, column: int, sentence: str) -> dict[str, Any]:
    return {
        "text": fig.text, "start": fig.start, "end": fig.end, "line": line, "column": column,
        "value": _num(fig.value), "low": _num(fig.low), "high": _num(fig.high), "bound": fig.bound.value,
        "kind": fig.kind, "unit": fig.unit, "counted": fig.counted, "verb": fig.verb, "when": fig.when,
        "sentence": sentence,
    }


def finding_dict(placed: Placed) -> dict[str, Any]:
    """A finding as JSON, with its region and a fingerprint that survives edits above it."""
    finding = placed.finding
    return {
        "code": finding.code, "name": finding.name, "kind": finding.kind, "severity": finding.severity.label,
        "message": finding.message, "working": finding.working,
        "line": placed.line, "column": placed.column, "end_line": placed.end_line, "end_column": placed.end_column,
        "context": list(finding.context),
        "figures": [_figure(f, *where) for f, where in zip(finding.figures, placed.figures, strict=True)],
        "fingerprint": placed.fingerprint,
    }


def as_json(result: dict[str, Any]) -> dict[str, Any]:
    """A file result as the writers take it: its placed findings made JSON-shaped."""
    return {**result, "findings": [finding_dict(placed) for placed in result["findings"]]}
