"""The ranges currencies traded in against the US dollar, year by year (lexicon/rates.toml), and
the range a pair of them allows over a span of years."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from figcheck import lexicon

_CODE = regex.compile(r"[A-Z]{3}")
_QUOTE = regex.compile(r"(USD) per ([A-Z]{3})|([A-Z]{3}) per (USD)")


@functools.cache
def per_usd() -> dict[str, dict[int, tuple[float, float]]]:
    """Each currency's yearly range in its units per US dollar, checked strictly: a table that is
    not a currency code, a key that is not `quote` or a year, or a range that is not [low, high]
    is an error naming the file and the key."""
    out: dict[str, dict[int, tuple[float, float]]] = {}
    for code, table in lexicon.load("rates").items():
        where = f"lexicon/rates.toml: [{code}]"
        quote = _QUOTE.fullmatch(str(table.get("quote", ""))) if _CODE.fullmatch(code) else None
        if quote is None or code not in quote.groups():
            raise lexicon.LexiconError(f"{where} needs quote = \"USD per {code}\" or \"{code} per USD\"")
        inverse = quote.group(1) == "USD"
        years: dict[int, tuple[float, float]] = {}
        for key, value in table.items():
            if key == "quote":
                continue
            if not (key.isdigit() and len(key) == 4) or not (isinstance(value, list) and len(value) == 2
                                                             and 0 < value[0] <= value[1]):
                raise lexicon.LexiconError(f"{where}: unknown key {key!r} (a year = [low, high])")
            low, high = float(value[0]), float(value[1])
            years[int(key)] = (1 / high, 1 / low) if inverse else (low, high)
        out[code] = years
    return out


def known(code: str) -> bool:
    return code == "USD" or code in per_usd()


def all_years() -> range:
    years = [y for table in per_usd().values() for y in table]
    return range(min(years), max(years) + 1)


def band(base: str, quote: str, years: Iterable[int]) -> tuple[float, float] | None:
    """The range of `quote` units per `base` unit over `years`, or None when neither currency was
    in use in any of them. A year one of the two was not in use under its name is left out: a
    sum in euros is not from 1990."""
    table = per_usd()
    lows, highs = [], []
    for y in years:
        b = (1.0, 1.0) if base == "USD" else table.get(base, {}).get(y)
        q = (1.0, 1.0) if quote == "USD" else table.get(quote, {}).get(y)
        if b is None or q is None:
            continue
        lows.append(q[0] / b[1])
        highs.append(q[1] / b[0])
    return (min(lows), max(highs)) if lows else None
