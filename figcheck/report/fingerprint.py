"""Stable fingerprints for findings: the same finding keeps its print when text moves."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any

_SPACE = re.compile(r"\s+")


def fingerprint(path: str, finding: dict, occurrence: int = 0) -> str:
    """Hash of the path, code, figures as written and their sentence; not of line numbers.

    `finding` is a finding as the JSON report writes it. Offsets are left out on purpose, so
    that adding a paragraph above a finding does not change its print; `occurrence` tells
    apart identical findings in one file.
    """
    figures = finding.get("figures", [])
    parts = [
        path,
        finding.get("code", ""),
        "|".join(_SPACE.sub(" ", f.get("text", "")) for f in figures),
        "|".join(sorted({_SPACE.sub(" ", f.get("sentence", "") or "").strip() for f in figures})),
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
