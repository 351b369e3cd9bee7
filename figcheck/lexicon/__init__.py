"""Loads the lexicon's TOML files once: the extractor's word lists live there, not in code."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed `lexicon/{name}.toml`."""
    with open(HERE / f"{name}.toml", "rb") as fh:
        return tomllib.load(fh)
