"""Baseline files: the fingerprints of known findings, so only new ones are reported."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from figcheck import reading
from figcheck.errors import ConfigError, FigcheckError, InputError, OutputError
from figcheck.report.fingerprint import fingerprint

VERSION = 1


@dataclass(frozen=True)
class Baseline:
    """Known findings by path; a finding is known when its fingerprint is listed for its path."""

    path: Path | None = None
    fingerprints: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def total(self) -> int:
        return sum(len(prints) for prints in self.fingerprints.values())

    def filter(self, path: str, findings: list[dict]) -> tuple[list[dict], int]:
        """The findings of `path` not in the baseline, and how many were dropped."""
        known = self.fingerprints.get(_key(path), frozenset())
        kept = [finding for finding in findings if finding.get("fingerprint") not in known]
        return kept, len(findings) - len(kept)

    def stale(self, report: dict) -> dict[str, tuple[str, ...]]:
        """Fingerprints of files in `report` that no finding has any more (fixed since).

        Give it the report before filtering; files the report does not cover are left out,
        since they were not checked this time.
        """
        stale = {}
        for entry in report.get("files", []):
            key = _key(entry["path"])
            seen = {finding.get("fingerprint") for finding in _findings(entry)}
            gone = sorted(self.fingerprints.get(key, frozenset()) - seen)
            if gone:
                stale[key] = tuple(gone)
        return stale


def write_baseline(report: dict, path: Path) -> int:
    """Write every finding of `report` to the baseline file `path`; return how many."""
    prints: dict[str, set[str]] = {}
    for entry in report.get("files", []):
        key = _key(entry["path"])
        for finding in _findings(entry):
            prints.setdefault(key, set()).add(finding["fingerprint"])
    data = {
        "version": VERSION,
        "fingerprints": {key: sorted(values) for key, values in sorted(prints.items())},
    }
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    # Written beside the target and renamed, so an interrupted run never leaves half a baseline;
    # a symbolic link stays a link and a device stays a device (outputs.Output).
    from figcheck.outputs import Output

    try:
        out = Output(str(path))
        out.write(text)
        out.commit()
    except OutputError as error:
        raise FigcheckError(f"{path}: cannot write baseline: {error}") from None
    return sum(len(values) for values in prints.values())


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is a ConfigError naming the file."""
    if not os.path.lexists(path):
        raise ConfigError(f"{path}: no such baseline file (write one with --write-baseline)")
    try:
        # The guarded reader: a regular file (a FIFO or /dev/zero would never end), capped, and
        # JSON with bounded numbers and nesting.
        raw = reading.read_bytes(path, reading.MAX_BASELINE_BYTES, kind=ConfigError)
        data = reading.load_json(raw.decode("utf-8"))
    except ConfigError as error:
        raise ConfigError(f"{path}: cannot read baseline: {error}") from None
    except InputError as error:  # "invalid JSON: ..."
        raise ConfigError(f"{path}: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read baseline: not UTF-8 ({error.reason} at byte {error.start})") from None
    shape = '{"version": 1, "fingerprints": {path: [fingerprint, ...]}}'
    if not isinstance(data, dict) or "fingerprints" not in data:
        raise ConfigError(f"{path}: not a figcheck baseline (expected {shape})")
    if data.get("version") != VERSION:
        raise ConfigError(f"{path}: baseline version {data.get('version')!r} is not supported (use {VERSION})")
    table = data["fingerprints"]
    if not isinstance(table, dict) or not all(
        isinstance(prints, list) and all(isinstance(p, str) for p in prints) for prints in table.values()
    ):
        raise ConfigError(f"{path}: fingerprints: expected {{path: [fingerprint, ...]}}")
    return Baseline(
        path=path,
        fingerprints=MappingProxyType({_key(key): frozenset(prints) for key, prints in table.items()}),
    )


def _key(path: str) -> str:
    # Paths are compared as written with "/" (a baseline is shared across systems).
    return str(path).replace(os.sep, "/").replace("\\", "/").removeprefix("./")


def _findings(entry: dict) -> list[dict]:
    """The file's findings, each with a fingerprint (computed when the report lacks one)."""
    findings = entry.get("findings") or []
    if all("fingerprint" in finding for finding in findings):
        return findings
    seen: Counter[str] = Counter()
    filled = []
    for finding in findings:
        if "fingerprint" not in finding:
            # Identical findings in one file are told apart by their order, as the report does.
            plain = fingerprint(entry["path"], finding)
            finding = {**finding, "fingerprint": fingerprint(entry["path"], finding, seen[plain])}
            seen[plain] += 1
        filled.append(finding)
    return filled
