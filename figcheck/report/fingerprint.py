"""Stable fingerprints for findings: the same finding keeps its print when text moves."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any

from figcheck.model import Placed

_SPACE = re.compile(r"\s+")


def fingerprint(path: str, finding: dict, occurrence: int = 0) -> str:
    """Hash of the path, code, figures as written and their sentence; not of line numbers.

    `finding` is a finding as the JSON report writes it. Offsets are left out on purpose, so
    that adding a paragraph above a finding does not change its print; `occurrence` tells
    apart identical findings in one file.
    """
    figures = finding.get("figures", [])
    return _digest(path, finding.get("code", ""), [f.get("text", "") for f in figures],
                   [f.get("sentence", "") or "" for f in figures], occurrence)


def placed_fingerprint(path: str, placed: Placed, occurrence: int = 0) -> str:
    """The print `fingerprint` gives the JSON shape of `placed`, made from the finding itself."""
    return _digest(path, placed.finding.code, [f.text for f in placed.finding.figures],
                   [sentence for _, _, sentence in placed.figures], occurrence)


def _digest(path: str, code: str, texts: list[str], sentences: list[str], occurrence: int) -> str:
    parts = [
        path,
        code,
        "|".join(_SPACE.sub(" ", text) for text in texts),
        "|".join(sorted({_SPACE.sub(" ", sentence).strip() for sentence in sentences})),
        str(occurrence),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def fingerprints(path: str, findings: list[dict[str, Any]]) -> list[str]:
    """Each finding's print: the one the report carries, or one computed for it.

    A computed print counts identical findings in the file, so each stays unique (GitLab shows
    findings with equal prints as one).
    """
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        first = fingerprint(path, finding)
        prints.append(finding.get("fingerprint") or fingerprint(path, finding, seen[first]))
        seen[first] += 1
    return prints
