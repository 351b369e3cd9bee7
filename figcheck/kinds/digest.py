"""Earnings digests against themselves: net ÷ average shares against the per-share line, the
sign words of the two lines, a quarter's revenue against its year's, periods that add up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from figcheck.kinds.base import Hit, Kind, fmt, held
from figcheck.relate import Doc
from figcheck.relate.digests import Block, Cell, Digest, Row, digest, line_of


@dataclass(frozen=True)
class Params:
    check: Literal["per_share", "sign", "part_period", "sum_periods"]
    # Per-share figures are rounded, but average shares are sometimes a period's end count, not
    # its average: a stated figure may pass net ÷ shares by this fraction before it is flagged,
    # or by as much as the share count moved between the digest's columns, when it moved more
    # (a company that issued shares in the year has an average below its end count).
    slack: float = 0.03


def _signed_text(c: Cell) -> str:
    """A cell as written, with its sign word when the line gives it only once: 'loss 53 cts'."""
    return c.figure.text if c.marked or c.sign > 0 or c.figure.text.lower().startswith("loss") else f"loss {c.figure.text}"


def _per_share_text(x: float) -> str:
    """0.4215 -> '42.2 cts'; -1.77 -> 'loss 1.77 dlrs'."""
    sign = "loss " if x < 0 else ""
    x = abs(x)
    return f"{sign}{fmt(round(x * 100, 1))} cts" if x < 1 else f"{sign}{fmt(round(x, 3))} dlrs"


def _where(doc: Doc, *cells: Cell) -> str:
    return "; ".join(f"line {line_of(doc, c.figure)}: {c.figure.text}" for c in cells)


def _columns(block: Block, *rows: Row | None) -> Iterator[tuple[Cell, ...]]:
    """The cells of the given rows column by column, where every row gives one."""
    if any(r is None for r in rows):
        return
    for cells in zip(*(r.cells for r in rows), strict=False):
        if all(c is not None for c in cells):
            yield cells


def _spread(shares: Row | None) -> float:
    """How far a block's share counts move between its columns: 6.0 mln vs 2.4 mln -> 1.5."""
    values = [c.value for c in shares.cells if c is not None and c.value > 0] if shares else []
    return max(values) / min(values) - 1 if len(values) > 1 else 0.0


def _per_share(doc: Doc, d: Digest, params: Params) -> Iterator[Hit]:
    for block in d.blocks:
        shares = block.row("shares")
        slack = max(params.slack, _spread(shares))
        for oper in (False, True):
            eps_row, net_row = block.row("per_share", oper), block.row("net", oper)
            if eps_row is None or eps_row.diluted:
                continue
            for eps, net, shr in _columns(block, eps_row, net_row, shares):
                if shr.low <= 0:
                    continue
                n_low, n_high = net.signed
                low, high = n_low / (shr.high if n_low >= 0 else shr.low), n_high / (shr.low if n_high >= 0 else shr.high)
                e_low = eps.signed[0]
                # Preferred dividends come out of net before it is shared out, and primary
                # shares include options: a per-share figure may fall below net ÷ shares, never
                # rise above it.
                if e_low <= high + slack * max(abs(high), abs(low)):
                    yield held((eps.figure, net.figure, shr.figure),
                               f"{_signed_text(net)} ÷ {shr.figure.text} = {_per_share_text(net.sign * net.value / shr.value)} "
                               f"a share, as {_signed_text(eps)} allows")
                    continue
                actual = _per_share_text(net.sign * net.value / shr.value)
                yield Hit((eps.figure, net.figure, shr.figure), {
                    "a": eps.figure.text, "b": net.figure.text, "c": shr.figure.text,
                    "actual": actual, "lines": _where(doc, eps, net, shr)},
                    f"{_signed_text(net)} ÷ {shr.figure.text} = {actual} a share (at most {_per_share_text(high)}), "
                    f"below the {_signed_text(eps)} stated ({_where(doc, eps, net, shr)})")


def _sign(doc: Doc, d: Digest, params: Params) -> Iterator[Hit]:
    for block in d.blocks:
        for oper in (False, True):
            for eps, net in _columns(block, block.row("per_share", oper), block.row("net", oper)):
                if not (eps.marked or net.marked) or eps.value == 0 or net.value == 0:
                    continue
                if eps.sign == net.sign:
                    yield held((eps.figure, net.figure), f"per share and net: both {'profit' if eps.sign > 0 else 'loss'}")
                    continue
                # A per-share loss beside a net profit is what preferred dividends do.
                if eps.sign < 0 and d.preferred:
                    continue
                a, b = _sign_words(eps), _sign_words(net)
                yield Hit((eps.figure, net.figure), {
                    "a": a, "b": b, "c": "", "actual": "", "lines": _where(doc, eps, net)},
                    f"per share: {a}; net: {b} ({_where(doc, eps, net)})")


def _sign_words(c: Cell) -> str:
    """'loss 53 cts'; for a value with no sign word of its own, where its sign comes from."""
    word = "profit" if c.sign > 0 else "loss"
    if c.marked:
        return f"{word} {c.figure.text}" if not c.figure.text.lower().startswith(word) else c.figure.text
    return f"{c.figure.text} (no sign word: {word}, as earlier on its line)"


def _part_period(doc: Doc, d: Digest, params: Params) -> Iterator[Hit]:
    # The first block is the headline's period; a later block naming a longer period holds it.
    first = d.blocks[0]
    for longer in d.blocks[1:]:
        if first.months is not None and (longer.months is None or longer.months <= first.months):
            continue
        if longer.months is None or longer.months < 6:
            continue
        for short, long_ in _columns(first, first.row("revenue"), longer.row("revenue")):
            if short.low <= long_.high:
                yield held((short.figure, long_.figure), f"{short.figure.text} within {long_.figure.text}")
            else:
                yield Hit((short.figure, long_.figure), {
                    "a": short.figure.text, "b": long_.figure.text, "c": longer.label, "actual": "",
                    "lines": _where(doc, short, long_)},
                    f"{fmt(short.value)} > {fmt(long_.value)} ({_where(doc, short, long_)})")


def _sum_periods(doc: Doc, d: Digest, params: Params) -> Iterator[Hit]:
    # Blocks that name their periods, such as a quarter, a half and nine months: the two shorter
    # add up to the longer when they meet end to end; the revenue lines must agree.
    named = [b for b in d.blocks if b.months is not None]
    for whole in named:
        for a in named:
            for b in named:
                if d.blocks.index(a) >= d.blocks.index(b) or whole in (a, b) or a.months + b.months != whole.months:
                    continue
                for pa, pb, pw in _columns(whole, a.row("revenue"), b.row("revenue"), whole.row("revenue")):
                    low, high = pa.low + pb.low, pa.high + pb.high
                    if high * (1 + params.slack) < pw.low or low > pw.high * (1 + params.slack):
                        yield Hit((pa.figure, pb.figure, pw.figure), {
                            "a": f"{pa.figure.text} and {pb.figure.text}", "b": pw.figure.text, "c": whole.label,
                            "actual": fmt(pa.value + pb.value), "lines": _where(doc, pa, pb, pw)},
                            f"{fmt(pa.value)} + {fmt(pb.value)} = {fmt(pa.value + pb.value)}, not {fmt(pw.value)} "
                            f"({_where(doc, pa, pb, pw)})")


_CHECKS = {"per_share": _per_share, "sign": _sign, "part_period": _part_period, "sum_periods": _sum_periods}


def check(doc: Doc, params: Params) -> Iterator[Hit]:
    d = digest(doc)
    if d is not None:
        yield from _CHECKS[params.check](doc, d, params)


KIND = Kind("digest", Params, check, ("a", "b", "c", "actual", "lines"))
