"""Digits, separators and number words -> value and the place value of the last digit written."""

from __future__ import annotations

import functools
import math

from figcheck import lexicon

_DIGIT_TRANS = str.maketrans({",": "", "\u00a0": "", "\u202f": "", "\u2009": "", "\u200b": "", "−": "-", "–": "-"})
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


@functools.cache
def words() -> dict[str, dict]:
    """The number_words lexicon, lower-cased keys."""
    data = lexicon.load("number_words")
    return {section: {k.lower(): v for k, v in table.items()} for section, table in data.items()}


def parse_digits(text: str) -> tuple[float, float]:
    """'1,150' -> (1150, 1); '5.3' -> (5.3, 0.1); '17-1/4' -> (17.25, 0.25); '2½' -> (2.5, 0.5).

    The second value is the place value of the last digit written: the rounding it may hide.
    Trailing zeros count as written here; `magnitude_step` says how round a whole number is.
    """
    text = text.strip().translate(_DIGIT_TRANS)
    extra = 0.0
    if text and text[-1] in _VULGAR:
        extra = _VULGAR[text[-1]]
        text = text[:-1]
        if not text:
            return extra, extra
    whole, sep, frac = text.partition("-") if "/" in text else (text, "", "")
    if not sep and " " in whole and "/" in whole:
        whole, _, frac = whole.partition(" ")
    if frac:
        num, _, den = frac.partition("/")
        value = float(whole) + float(num) / float(den)
        return value, 1 / float(den)
    if "/" in whole:  # "1/2" alone
        num, _, den = whole.partition("/")
        return float(num) / float(den), 1 / float(den)
    value = float(whole) + extra
    if extra:
        return value, extra
    if "." in whole:
        decimals = len(whole.split(".")[1])
        return value, 10.0 ** -decimals
    return value, 1.0


def parse_words(text: str) -> float | None:
    """'twenty-one' -> 21; 'one hundred and twenty' -> 120; 'two million' -> 2e6; else None."""
    table = words()
    cards, scales = table["cardinals"], table["scales"]
    total = current = 0.0
    seen = False
    tokens = text.lower().replace("-", " ").split()
    if tokens and (tokens[0] in scales or tokens[0] == "hundred"):
        return None  # "billion" alone names a scale, not a figure
    for token in tokens:
        if token == "and":
            continue
        if token in cards:
            current += cards[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in scales:
            total += (current or 1) * scales[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def magnitude_step(value: float) -> float:
    """The place value of the last nonzero digit of a whole value: 2e6 -> 1e6, 250 -> 10."""
    if value == 0 or not math.isfinite(value):
        return 1.0
    v = abs(value)
    step = 1.0
    while v >= step * 10 and (v / (step * 10)) == int(v / (step * 10)):
        step *= 10
    return step
