"""Extraction passes that were quadratic, now indexed: the same answers as the plain scans, in linear time."""

from __future__ import annotations

import importlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck import check_text
from figcheck.extract import context

# The module, not the function figcheck.extract exports under the same name.
scan = importlib.import_module("figcheck.extract.scan")


def _when_plain(phrases: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    # The linear look the bisection replaced, kept here as the definition it must agree with.
    best, best_dist = None, None
    for p_start, p_end, text in phrases:
        if p_start < end and p_end > start:
            continue
        dist = p_start - end if p_start >= end else (start - p_end) * 1.5
        if best_dist is None or dist < best_dist:
            best, best_dist = text, dist
    return best


# Phrases as time_phrases gives them: in order, never overlapping.
PHRASES = st.lists(st.tuples(st.integers(0, 6), st.integers(1, 6)), max_size=12).map(
    lambda gaps: _layout(gaps))


def _layout(gaps: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for gap, length in gaps:
        out.append((pos + gap, pos + gap + length, f"p{len(out)}"))
        pos += gap + length
    return out


@settings(max_examples=200, deadline=None)
@given(PHRASES, st.integers(0, 90), st.integers(0, 8))
def test_when_by_bisection_equals_the_linear_look(phrases, start, length):
    assert context.when(phrases, start, start + length) == _when_plain(phrases, start, start + length)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10)), max_size=10), st.integers(0, 80), st.integers(0, 8))
def test_skipped_span_index_equals_the_linear_look(pairs, start, length):
    spans = [(s, s + n) for s, n in pairs]
    end = start + length
    plain = any(s <= start < e or s < end <= e for s, e in spans)
    assert scan._inside(scan._Spans(spans), start, end) == plain


# Shapes that took 90-300 s per MB when each figure looked at every phrase or skipped span of its
# sentence. 50 KB of each must take under 1.2 s of this process's CPU time (a quadratic pass needs
# 2.6-6.5 s; CPU time, so that other work on the machine does not count); the seconds per MB at
# 0.25-1 MB are bench/adversarial.py's to print.
@pytest.mark.parametrize("unit", ["overnight 5 6 7 8, ", "5 per day, ", "12:30 ", "(555) 123-4567 "],
                         ids=["time-scopes", "per-day", "clock-times", "phone-numbers"])
def test_adversarial_sentence_checks_in_linear_time(unit):
    text = unit * (50_000 // len(unit))
    check_text("warm up: 5 cats overnight")
    started = time.process_time()
    check_text(text)
    assert time.process_time() - started < 1.2
