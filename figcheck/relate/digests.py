"""Wire earnings digests read as tables: blocks of periods, rows of lines, columns of values.

    Shr 36 cts vs 29 cts          block 0 (the headline's period), column 0 vs column 1
    Net 2,880,000 vs 2,320,000
    Year                          a line naming a period starts block 1
    Shr 1.10 dlrs vs 95 cts
    ...

The words come from lexicon/digests.toml; each value keeps its span in the body, so a finding
points at the line of each figure.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.extract.numerals import parse_digits, parse_words
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate import Doc

_SECTIONS = {"preferred": list, "missing": list, "rows": dict, "qualifiers": dict, "signs": dict,
             "scales": dict, "units": dict, "periods": dict, "values": dict}
_ROLES = {"per_share", "net", "revenue", "shares"}


@functools.cache
def words() -> dict[str, Any]:
    """lexicon/digests.toml, checked: unknown sections, roles or non-numbers are errors."""
    data = lexicon.load("digests")
    for key, value in data.items():
        if key not in _SECTIONS or not isinstance(value, _SECTIONS[key]):
            raise FigcheckError(f"digests.toml: {key}: unknown section or wrong type")
    if set(data) != set(_SECTIONS):
        raise FigcheckError(f"digests.toml: missing {sorted(set(_SECTIONS) - set(data))[0]}")
    bad = [k for k, v in data["rows"].items() if v not in _ROLES]
    bad += [k for s in ("signs", "scales", "units", "periods") for k, v in data[s].items()
            if isinstance(v, bool) or not isinstance(v, int | float)]
    bad += [k for k, v in data["values"].items()
            if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int | float) for x in v))]
    if bad:
        raise FigcheckError(f"digests.toml: {bad[0]!r}: unknown role or not a number")
    return {k: ({w.lower(): x for w, x in v.items()} if isinstance(v, dict) else [w.lower() for w in v])
            for k, v in data.items()}


@functools.cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    w = words()
    # One value: "loss 1.38 dlrs", "profit 284,945", "nine mln", "nil", "one-half ct".
    value = (rf"(?:(?P<sign>{alternation(w['signs'])})\s+)?"
             rf"(?:(?P<qual>{alternation(w['qualifiers'])})\s+)?"
             r"(?P<num>\d[\d,]*(?:\.\d+)?|nil|[a-z]+(?:-[a-z]+)?)"
             rf"(?:\s+(?P<scale>{alternation(w['scales'])})\b)?"
             rf"(?:\s*(?P<unit>{alternation(w['units'])})\b)?")
    # A line: its label, maybe a sign word and a basis, then values joined by "vs".
    row = regex.compile(
        rf"^(?P<label>{alternation(w['rows'])})\b\s+(?:(?P<qual>{alternation(w['qualifiers'])})\s+)?(?P<rest>.+)$",
        regex.I)
    period = regex.compile(rf"^(?P<period>{alternation(w['periods'])})\s*[.:]?$", regex.I)
    return row, period, regex.compile(value, regex.I)


@dataclass(frozen=True)
class Cell:
    """One value of a digest line: its figure (a span in the body) and its sign."""

    figure: Figure
    sign: int            # +1 profit, -1 loss: from its sign word or the line's earlier one
    value: float         # in the currency's main unit (or shares): "36 cts" -> 0.36
    low: float           # the range its rounding allows, same unit
    high: float
    marked: bool         # a sign word stands before it

    @property
    def signed(self) -> tuple[float, float]:
        """Smallest and largest signed value: 'loss 22 cts' -> (-0.225, -0.215)."""
        return (self.low, self.high) if self.sign > 0 else (-self.high, -self.low)


@dataclass(frozen=True)
class Row:
    role: str                          # per_share, net, revenue, shares
    label: str                         # as written: "Oper shr"
    oper: bool                         # operating figures ("Oper net")
    diluted: bool
    cells: tuple[Cell | None, ...]     # one per column; None where not given or not read
    line: int                          # 1-based line in the body


@dataclass(frozen=True)
class Block:
    months: int | None                 # None for the first block: the headline's period
    label: str
    rows: tuple[Row, ...]

    def row(self, role: str, oper: bool | None = None) -> Row | None:
        """The block's first row of a role (and basis, when asked); diluted rows only if alone."""
        rows = [r for r in self.rows if r.role == role and (oper is None or r.oper == oper)]
        plain = [r for r in rows if not r.diluted]
        return (plain or rows or [None])[0]


@dataclass(frozen=True)
class Digest:
    blocks: tuple[Block, ...]
    preferred: bool                    # per-share figures said to be after preferred dividends


def digest(doc: Doc) -> Digest | None:
    """The article as an earnings digest, or None when it has no two digest lines; read once."""
    if "digest" not in doc.cache:
        doc.cache["digest"] = _read(doc)
    return doc.cache["digest"]


# A line's text without the spaces around it.
_LINE = regex.compile(r"^[^\S\n]*(\S[^\n]*?)[^\S\n]*$", regex.M)
# Every digest row sets values against each other with "vs": an article without it is no digest.
_VS = regex.compile(r"\svs\.?\s", regex.I)
_VS_SPLIT = regex.compile(r"(\s+vs\.?\s+)", regex.I)


def _read(doc: Doc) -> Digest | None:
    row_re, period_re, _ = _patterns()
    body = doc.body
    if not _VS.search(body):
        return None
    by_start = {f.start: f for f in doc.figures}
    blocks: list[Block] = []
    label, months, rows = "", None, []
    for line in _LINE.finditer(body):
        text, lead = line.group(1), line.start(1)
        line_no = doc.layout.line_col(lead)[0]
        p = period_re.match(text)
        if p:
            blocks.append(Block(months, label, tuple(rows)))
            label, months, rows = p.group("period"), words()["periods"][p.group("period").lower()], []
            continue
        m = row_re.match(text)
        if m:
            row = _row(doc, m, lead, line_no, by_start)
            if row is not None:
                rows.append(row)
    blocks.append(Block(months, label, tuple(rows)))
    blocks = [b for b in blocks if b.rows]
    if sum(len(b.rows) for b in blocks) < 2:
        return None
    return Digest(tuple(blocks), bool(_preferred().search(body)))


@functools.cache
def _preferred() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(words()['preferred'])})\b", regex.I)


def _row(doc: Doc, m: regex.Match, lead: int, line_no: int, by_start: dict[int, Figure]) -> Row | None:
    w = words()
    label = m.group("label")
    role = w["rows"][label.lower()]
    qual = (m.group("qual") or "").lower()
    rest_start = lead + m.start("rest")
    parts = _VS_SPLIT.split(m.group("rest"))
    if len(parts) < 3:
        return None  # one value: nothing to set against anything
    cells: list[Cell | None] = []
    offset, sign, scale, unit = rest_start, 0, None, None
    for i, part in enumerate(parts):
        if i % 2:
            offset += len(part)
            continue
        cell = _cell(doc, part.rstrip(" .;"), offset, sign, scale, unit, role, by_start)
        if cell is not None:
            cell, sign, scale, unit, cell_qual = cell
            qual = qual or cell_qual
        cells.append(cell)
        offset += len(part)
    if all(c is None for c in cells):
        return None
    return Row(role, label, label.lower().startswith("oper"), w["qualifiers"].get(qual) == "diluted",
               tuple(cells), line_no)


def _number(text: str) -> tuple[float, float] | None:
    """Value and rounding step of a written number: '1.38' -> (1.38, 0.01), 'nine' -> (9, 1)."""
    if text[0].isdigit():
        # "904,00", "6,186,51": a thousands group that is not three digits is no number to divide.
        groups = text.split(".")[0].split(",")
        if any(len(g) != 3 for g in groups[1:]):
            return None
        return parse_digits(text)
    named = words()["values"].get(text.lower())
    if named is not None:
        return float(named[0]), float(named[1])
    value = parse_words(text)
    return None if value is None else (value, 1.0)


def _cell(doc: Doc, text: str, offset: int, sign: int, scale: float | None, unit: float | None,
          role: str, by_start: dict[int, Figure]) -> tuple[Cell, int, float | None, float | None, str] | None:
    """One value read, with the sign, scale and unit the next value inherits; None if unreadable."""
    w = words()
    if text.lower() in w["missing"]:
        return None
    m = _patterns()[2].fullmatch(text)
    if m is None:
        return None
    number = _number(m.group("num"))
    if number is None:
        return None
    value, step = number
    marked = m.group("sign") is not None
    sign = w["signs"][m.group("sign").lower()] if marked else (sign or 1)
    this_scale = w["scales"][m.group("scale").lower()] if m.group("scale") else None
    # "Revs 428.4 mln vs 429.6": a short number after a scaled one shares its scale; "vs 7,709,000"
    # is written in full.
    if this_scale is None and scale and "," not in m.group("num") and value < 1000:
        this_scale = scale
    this_unit = w["units"][m.group("unit").lower()] if m.group("unit") else unit
    if role != "per_share" and m.group("unit") is None:
        this_unit = 1.0
    factor = (this_scale or 1.0) * (this_unit or 1.0)
    half = step / 2  # "22 cts" is 21.5 to 22.5 cents; "nine mln" 8.5 to 9.5 million
    start = offset + m.start()
    end = offset + m.end()
    # The extractor's figure where it read the same words ("36 cts"), else one for the cell.
    found = by_start.get(offset + m.start("num")) or by_start.get(start)
    figure = found if found is not None and found.end == end else _figure(doc, start, end, value * factor)
    cell = Cell(figure, sign, value * factor, max(0.0, value - half) * factor, (value + half) * factor, marked)
    return cell, sign, this_scale, this_unit, (m.group("qual") or "").lower()


def _figure(doc: Doc, start: int, end: int, value: float) -> Figure:
    """A figure for a value the extractor passed over ("profit 284,945" read as one cell)."""
    s = doc.layout.sentence_at(start)
    return Figure(text=doc.body[start:end], start=start, end=end, value=value, low=value, high=value,
                  kind="count", sentence=s, paragraph=doc.layout.paragraph_of_sentence[s])


def line_of(doc: Doc, f: Figure) -> int:
    """1-based line of a figure in the body."""
    return doc.layout.line_col(f.start)[0]
