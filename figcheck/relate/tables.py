"""Tables in an article's body: rows of cells, each cell's span and its figure.

A Markdown table reaches the body either with its pipes ("| Red | 120 |") or with pipes and the
delimiter row blanked to spaces, as the Markdown reader leaves it ("  Red   120  "): cells are
split at pipes when a line has them, else at runs of two spaces or more. Cell spans are body
offsets, which map back to the cell in the source file. An HTML table reaches the body a row a
line, its cells between " | " (inputs/html.py), and is read as a Markdown table with pipes.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.model import Figure
from figcheck.relate import Doc

_LINE = regex.compile(r"^[^\n]*", regex.M)
_PIPE_CELL = regex.compile(r"[^|]+")
_SPACE_CELL = regex.compile(r"\S+(?: \S+)*")   # words joined by single spaces
_DELIMITER = regex.compile(r"^[\s|:-]*$")        # "|---|--:|", or the same blanked to spaces


@functools.cache
def words() -> dict[str, Any]:
    """lexicon/tables.toml, checked: `totals` a list of words, `min_rows` a number."""
    data = lexicon.load("tables")
    if set(data) != {"totals", "min_rows"} or not isinstance(data["totals"], list) \
            or not isinstance(data["min_rows"], int) or isinstance(data["min_rows"], bool):
        raise FigcheckError("tables.toml: needs exactly `totals` (a list) and `min_rows` (a number)")
    return {"totals": {w.lower() for w in data["totals"]}, "min_rows": data["min_rows"]}


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    figure: Figure | None     # the one figure that fills the cell, if one does


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]   # every row has as many cells as the first

    def is_total(self, cell: Cell) -> bool:
        return cell.text.strip(" *_:").lower() in words()["totals"]


def tables(doc: Doc) -> list[Table]:
    """Every table of the body: three rows or more of two cells or more, each row as wide; read once."""
    if "tables" not in doc.cache:
        doc.cache["tables"] = list(_tables(doc)) if ("|" in doc.body or "  " in doc.body) else []
    return doc.cache["tables"]


def _tables(doc: Doc) -> Iterator[Table]:
    starts = [f.start for f in doc.figures]
    run: list[tuple[Cell, ...]] = []
    for line in _LINE.finditer(doc.body):
        text = line.group()
        if run and text and _DELIMITER.match(text):
            continue  # the delimiter row, as written or blanked to spaces; an empty line ends the table
        row = _row(doc, starts, text, line.start())
        if row is not None and (not run or len(row) == len(run[0])):
            run.append(row)
            continue
        if len(run) >= words()["min_rows"]:
            yield Table(tuple(run))
        run = [row] if row is not None else []
    if len(run) >= words()["min_rows"]:
        yield Table(tuple(run))


def _row(doc: Doc, starts: list[int], text: str, at: int) -> tuple[Cell, ...] | None:
    """A line's cells, or None when it is no row: fewer than two cells, or prose."""
    if "|" in text:
        spans = [(m.start(), m.end()) for m in _PIPE_CELL.finditer(text)]
        spans = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
                 for a, b in spans if text[a:b].strip()]
    elif "  " in text.strip():
        spans = [m.span() for m in _SPACE_CELL.finditer(text)]
    else:
        return None
    if len(spans) < 2:
        return None
    return tuple(_cell(doc, starts, text[a:b], at + a, at + b) for a, b in spans)


def _cell(doc: Doc, starts: list[int], text: str, start: int, end: int) -> Cell:
    # The figures are in text order: the cell's are found by bisection, not by a scan of all.
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    inside = [f for f in doc.figures[first:last] if f.end <= end]
    # A cell holds a figure only when the figure is the cell ("120", "40%", "$1.2m"), not one
    # figure among words ("up 3 on 2019").
    figure = inside[0] if len(inside) == 1 and len(inside[0].text) >= len(text.strip(" *_")) - 1 else None
    return Cell(text, start, end, figure)
