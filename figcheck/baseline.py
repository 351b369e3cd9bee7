"""Baseline files: the fingerprints of known findings, so only new ones are reported.

A baseline names each file by its path relative to the baseline file's own folder, and its
fingerprints leave the path out, so a baseline written from one folder matches the same
articles checked from another (`figcheck check archive/` in the repository or `figcheck check .`
inside archive/).
"""

from __future__ import annotations

import json
import os
import posixpath
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from figcheck import reading
from figcheck.errors import ConfigError, FigcheckError, InputError, OutputError
from figcheck.model import Placed
from figcheck.report.fingerprint import placed_fingerprint

VERSION = 2  # 1 keyed files by the path as typed, and hashed it into every print


@dataclass(frozen=True)
class Baseline:
    """Known findings by path; a finding is known when its fingerprint is listed for its path."""

    path: Path | None = None
    fingerprints: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def total(self) -> int:
        return sum(len(prints) for prints in self.fingerprints.values())

    def filter(self, path: str, findings: list[Placed], record: int | None = None) -> tuple[list[Placed], int]:
        """The findings of `path` (its JSON Lines `record`) not in the baseline, and how many were dropped."""
        known = self.fingerprints.get(_key(path, self._folder, record), frozenset())
        kept = [finding for finding, print_ in zip(findings, _prints(findings), strict=True) if print_ not in known]
        return kept, len(findings) - len(kept)

    @property
    def _folder(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()

    def stale(self, report: dict) -> dict[str, tuple[str, ...]]:
        """Fingerprints of files in `report` ({"files": [file results]}, findings placed) that no finding has any more.

        Give it the report before filtering; files the report does not cover are left out,
        since they were not checked this time.
        """
        stale = {}
        for entry in report.get("files", []):
            key = _key(entry["path"], self._folder, entry.get("record"))
            seen = set(_prints(entry.get("findings") or []))
            gone = sorted(self.fingerprints.get(key, frozenset()) - seen)
            if gone:
                stale[key] = tuple(gone)
        return stale


def write_baseline(report: dict, path: Path) -> int:
    """Write every finding of `report` ({"files": [file results]}, findings placed) to the baseline file `path`; return how many."""
    prints: dict[str, set[str]] = {}
    folder = Path(os.path.abspath(path)).parent
    for entry in report.get("files", []):
        key = _key(entry["path"], folder, entry.get("record"))
        for print_ in _prints(entry.get("findings") or []):
            prints.setdefault(key, set()).add(print_)
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
    if data.get("version") == 1:
        raise ConfigError(f"{path}: a version 1 baseline names files as they were typed; write it again with --write-baseline")
    if data.get("version") != VERSION:
        raise ConfigError(f"{path}: baseline version {data.get('version')!r} is not supported (use {VERSION})")
    table = data["fingerprints"]
    if not isinstance(table, dict) or not all(
        isinstance(prints, list) and all(isinstance(p, str) for p in prints) for prints in table.values()
    ):
        raise ConfigError(f"{path}: fingerprints: expected {{path: [fingerprint, ...]}}")
    return Baseline(
        path=path,
        fingerprints=MappingProxyType({_normal(key): frozenset(prints) for key, prints in table.items()}),
    )


def _key(path: str, folder: Path, record: int | None = None) -> str:
    """`path` relative to the baseline's folder, with "/" (a baseline is shared across systems);
    a JSON Lines record adds its line: "archive/news.jsonl:12"."""
    if path != "-":
        try:
            path = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
        except ValueError:  # another drive (Windows): no relative path exists
            path = os.path.abspath(path)
    return _normal(path) + (f":{record}" if record is not None else "")


def _normal(path: str) -> str:
    return posixpath.normpath(str(path).replace(os.sep, "/").replace("\\", "/"))


def _prints(findings: list[Placed]) -> list[str]:
    """Each finding's print without its path (the baseline's key names the file); identical
    findings in one file are told apart by their order, as the report's own prints are."""
    seen: Counter[str] = Counter()
    prints = []
    for finding in findings:
        plain = placed_fingerprint("", finding)
        prints.append(placed_fingerprint("", finding, seen[plain]))
        seen[plain] += 1
    return prints
