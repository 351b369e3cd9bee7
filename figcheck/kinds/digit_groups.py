"""Malformed numbers: digit groups no convention writes ("1,234,5678", "5,112,00", "3.4,000")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from figcheck.digit_groups import reason
from figcheck.extract.malformed import guess
from figcheck.kinds.base import Hit, Kind
from figcheck.relate import Doc


@dataclass(frozen=True)
class Params:
    pass


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    for f in doc.figures:
        if f.kind != "malformed":
            continue
        found = reason(doc, f)
        if found is None:
            continue
        text, why = found
        read = _written(guess(text), text)
        yield Hit((f,), {"number": text, "reason": why, "guess": read},
                  f"{text}: {why}; a reader may take it for {read}")


def _written(value: float, text: str) -> str:
    """The guess with as many decimals as the number's last group: 3817.69 -> '3,817.69'."""
    if value == int(value):
        return f"{int(value):,}"
    decimals = len(regex.split(r"[.,]", text)[-1])
    return f"{value:,.{decimals}f}"


KIND = Kind("digit_groups", Params, check, ("number", "reason", "guess"))
