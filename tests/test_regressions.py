"""Replays tests/regressions/: every input that once broke a reader must now read, or fail in one line, in time."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_targets import TARGETS

CORPUS = Path(__file__).parent / "regressions"
CASES = sorted(p for p in CORPUS.glob("*/*") if p.parent.name in TARGETS)


def test_every_target_folder_is_a_target():
    assert {p.name for p in CORPUS.iterdir() if p.is_dir()} <= set(TARGETS)


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_a_past_failure_stays_fixed(path):
    problems = TARGETS[path.parent.name](path.read_bytes(), 5.0)
    assert not problems, [(sig, detail[:500]) for sig, detail in problems]
