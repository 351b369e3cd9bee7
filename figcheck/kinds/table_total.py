"""Tables against their totals: a row or column labelled total against the cells it adds up, and
a column of shares against 100%."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from figcheck.kinds.base import Hit, Kind, fmt, fmt_range, overlaps, rounding_slack
from figcheck.model import Figure
from figcheck.relate import Doc
from figcheck.relate.tables import Cell, Table, tables


@dataclass(frozen=True)
class Params:
    check: Literal["total", "shares"]
    slack: float = 0.0   # how far the parts may miss their total beyond their rounding, as a fraction


def _same(figures: list[Figure]) -> bool:
    """All figures of one kind and unit: seats are not added to shares."""
    return len({(f.kind, f.unit) for f in figures}) == 1 and all(f.bounded for f in figures)


def _against(parts: list[Figure], whole: Figure, label: str, params: Params) -> Hit | None:
    if not parts or not _same([*parts, whole]):
        return None
    low, high = sum(p.low for p in parts), sum(p.high for p in parts)
    slack = rounding_slack([*parts, whole]) + params.slack * whole.value
    if overlaps(low, high, whole.low, whole.high, slack):
        return None
    value = sum(p.value for p in parts)
    return Hit((*parts, whole), {"whole": whole.text, "label": label, "parts_total": fmt(value),
                                 "parts": ", ".join(p.text for p in parts)},
               f"{' + '.join(p.text for p in parts)} = {fmt_range(low, high) if low != high else fmt(value)}, "
               f"not {whole.text}")


def _columns(table: Table) -> Iterator[tuple[list[Cell], Cell, str]]:
    """(the cells a total row adds up, its cell, the column's header) for each column of numbers."""
    rows = table.rows
    last = 0  # the header, or the last total row: a total adds the rows since
    for i, row in enumerate(rows):
        if i == 0 or not table.is_total(row[0]):
            continue
        # A total right under the header heads the rows below it instead.
        body = rows[last + 1:i] if i > last + 1 else [r for r in rows[i + 1:] if not table.is_total(r[0])]
        last = i
        for j in range(1, len(row)):
            if row[j].figure is not None and body:
                yield [r[j] for r in body], row[j], rows[0][j].text.strip()


def _rows(table: Table) -> Iterator[tuple[list[Cell], Cell, str]]:
    """(a row's cells, its total cell, the row's label) when a header cell says total."""
    header = table.rows[0]
    for j, cell in enumerate(header):
        if j == 0 or not table.is_total(cell):
            continue
        for row in table.rows[1:]:
            parts = [c for k, c in enumerate(row) if k not in (0, j) and not table.is_total(header[k])]
            yield parts, row[j], row[0].text.strip()


def _totals(table: Table, params: Params) -> Iterator[Hit]:
    for cells, whole, label in (*_columns(table), *_rows(table)):
        # Every part must be a figure: an empty or worded cell ("n/a", "-") leaves the sum unknown.
        if whole.figure is None or any(c.figure is None for c in cells):
            continue
        hit = _against([c.figure for c in cells], whole.figure, label, params)
        if hit is not None:
            yield hit


def _shares(table: Table, params: Params) -> Iterator[Hit]:
    # A column of percentages with no total row: the shares of one whole, which may fall short
    # of 100% (a row left out) but never pass it.
    if any(table.is_total(r[0]) for r in table.rows[1:]):
        return
    for j in range(1, len(table.rows[0])):
        cells = [r[j] for r in table.rows[1:]]
        figures = [c.figure for c in cells if c.figure is not None]
        if len(figures) != len(cells) or len(figures) < 2 or {f.kind for f in figures} != {"percent"}:
            continue
        low = sum(f.low for f in figures)
        if low > 100 * (1 + params.slack):
            yield Hit(tuple(figures), {"whole": "100%", "label": table.rows[0][j].text.strip(),
                                       "parts_total": fmt(sum(f.value for f in figures)) + "%",
                                       "parts": ", ".join(f.text for f in figures)},
                      f"{' + '.join(f.text for f in figures)} = {fmt(sum(f.value for f in figures))}% > 100%")


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    for table in tables(doc):
        yield from (_totals if params.check == "total" else _shares)(table, params)


KIND = Kind("table_total", Params, check, ("whole", "label", "parts_total", "parts"))
