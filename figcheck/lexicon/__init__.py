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


class LexiconError(ValueError):
    """A lexicon file holds a key its reader does not know: a typo that would silently do nothing."""


@functools.cache
def load_strict(name: str, schema: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, Any]:
    """`lexicon/{name}.toml`, checked against `schema` ((table, (key, ...)), ...): an unknown
    table or key is an error naming the file and the key."""
    data = load(name)
    tables = dict(schema)
    for table, entries in data.items():
        if table not in tables:
            raise LexiconError(f"lexicon/{name}.toml: unknown table [{table}]")
        for key in entries:
            if key not in tables[table]:
                raise LexiconError(f"lexicon/{name}.toml: unknown key {key!r} in [{table}]")
    return data
