"""Hand-written reports and rules shared by the report format tests."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

FALLS_SHORT = {
    "code": "FC102",
    "name": "parts-fall-short-of-whole",
    "kind": "sum",
    "severity": "info",
    "message": "138 and 119 add up to 257, 10 short of the 267 drones launched.",
    "working": "138 + 119 = 257 < 267 (10 unaccounted for)",
    "line": 12,
    "column": 45,
    "end_line": 13,
    "end_column": 20,
    "fingerprint": "3f2a0c9e1b7d4a6f8e2c5b1d9a7f3e60",
    "context": ["several drones penetrated defenses"],
    "figures": [
        {
            "text": "267",
            "start": 310,
            "end": 313,
            "line": 12,
            "column": 45,
            "value": 267.0,
            "low": 267.0,
            "high": 267.0,
            "bound": "exact",
            "kind": "count",
            "unit": None,
            "counted": "drones",
            "verb": "launched",
            "when": "overnight",
            "sentence": "Russia launched 267 drones overnight.",
        }
    ],
}

EXCEEDS = {
    "code": "FC101",
    "name": "parts-exceed-whole",
    "kind": "sum",
    "severity": "error",
    "message": "90 and 45 add up to 135, more than the 120 they are part of.",
    "working": "90 + 45 = 135 > 120",
    "line": 3,
    "column": 8,
    "end_line": 3,
    "end_column": 61,
    "fingerprint": "9b1e55d0a4c84f0e8d7a2b3c4d5e6f70",
    "context": [],
    "figures": [],
}

SHARE = {
    "code": "FC201",
    "name": "shares-exceed-whole",
    "kind": "percent",
    "severity": "warning",
    "message": "Shares of 60% and 55% add up to more than 100%.",
    "working": "60% + 55% = 115% > 100%",
    "line": 7,
    "column": 1,
    "end_line": 7,
    "end_column": 30,
    "fingerprint": "0c0ffee0000000000000000000000001",
    "context": [],
    "figures": [],
}


def _rule(code: str, name: str, kind: str, severity: str, what: str, why: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "severity": severity,
        "message": "{parts} add up to {parts_total}.",
        "docs": {"what": what, "why": why},
        "flag": [{"text": f"An example that {name}.", "cover": ["1"]}],
        "trap": [{"text": "A quiet example.", "why": "Nothing to add up."}],
    }


@pytest.fixture
def report() -> dict[str, Any]:
    """Three files: one with an info and an error finding, one clean, one unreadable."""
    return {
        "version": 1,
        "files": [
            {
                "path": "seeds/a.txt",
                "error": None,
                "findings": [copy.deepcopy(FALLS_SHORT), copy.deepcopy(EXCEEDS)],
            },
            {"path": "seeds/clean.txt", "error": None, "findings": []},
            {"path": "seeds/broken.txt", "error": "not valid UTF-8 at byte 17", "findings": []},
        ],
        "summary": {"files": 3, "errors": 1, "findings": {"info": 1, "warning": 0, "error": 1}},
    }


@pytest.fixture
def rules() -> list[dict[str, Any]]:
    """Three rules, one of which (FC103) matches no finding in `report`."""
    return [
        _rule(
            "FC101",
            "parts-exceed-whole",
            "sum",
            "error",
            "Finds parts of a stated total that add up to more than the total.",
            "Parts cannot exceed their whole: a figure or the grouping is wrong.",
        ),
        _rule(
            "FC102",
            "parts-fall-short-of-whole",
            "sum",
            "info",
            "Finds parts of a stated total that add up to less than the total.",
            "A shortfall may be fine, but the reader may wonder where the rest went.",
        ),
        _rule(
            "FC103",
            "total-misstated",
            "sum",
            "warning",
            "Finds a stated total that differs from the sum of its listed items.",
            "A total is checkable; readers notice when it is off.",
        ),
    ]


@pytest.fixture
def falls_short() -> dict[str, Any]:
    """An info finding whose span runs over two lines."""
    return copy.deepcopy(FALLS_SHORT)


@pytest.fixture
def exceeds() -> dict[str, Any]:
    """An error finding on one line."""
    return copy.deepcopy(EXCEEDS)


@pytest.fixture
def share() -> dict[str, Any]:
    """A warning finding on one line."""
    return copy.deepcopy(SHARE)


@pytest.fixture
def one_file() -> Callable[..., dict[str, Any]]:
    """Builds a report holding a single file with the given findings or error."""
    return _one_file


def _one_file(path: str, *findings: dict[str, Any], error: str | None = None) -> dict[str, Any]:
    counts = {"info": 0, "warning": 0, "error": 0}
    for finding in findings:
        counts[finding["severity"]] += 1
    return {
        "version": 1,
        "files": [{"path": path, "error": error, "findings": [copy.deepcopy(f) for f in findings]}],
        "summary": {"files": 1, "errors": int(error is not None), "findings": counts},
    }
