"""Owns the one pint UnitRegistry, built only when a conversion needs it (pint is slow to load)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from figcheck import lexicon

if TYPE_CHECKING:
    import pint


@functools.cache
def registry() -> pint.UnitRegistry:
    import pint

    # Our own short list of definitions: pint's full one costs 0.2 s in every process that
    # converts (each --jobs worker among them); this one 20 ms.
    return pint.UnitRegistry(str(lexicon.HERE / "pint_units.txt"), autoconvert_offset_to_baseunit=True)


def alternate(unit: str | None) -> str | None:
    """Another reading of a unit: pounds sterling can be pounds of weight beside a mass."""
    return lexicon.load("units").get("alternates", {}).get(unit or "")


def convert(value: float, source: str, target: str) -> float | None:
    """`value` in `source` units expressed in `target` units; None when they do not convert."""
    import pint

    ureg = registry()
    try:
        return float(ureg.Quantity(value, ureg.parse_expression(source).units if "/" in source or "*" in source
                                   else source).to(ureg.parse_expression(target).units if "/" in target or "*" in target
                                                   else target).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError, pint.errors.OffsetUnitCalculusError,
            AttributeError, ValueError, TypeError):
        return None
