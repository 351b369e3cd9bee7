"""figcheck's own pint definitions (lexicon/pint_units.txt) against pint's full registry."""

from __future__ import annotations

import itertools
import math

import pint
import pytest

from figcheck import lexicon
from figcheck.extract import units

FULL = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
# Where figcheck reads a unit as a newspaper does, not as pint does.
OURS_ONLY = {"cubic_meter", "decade"}   # pint has no cubic_meter; its decade is a factor of ten


def lexicon_units() -> list[str]:
    names = set(lexicon.load("units")["units"])
    reading = lexicon.load("reading")["duration_names"]
    names |= {reading.get(d.rstrip("s"), d.rstrip("s")) for d in lexicon.load("durations")}
    return sorted(names)


def test_every_unit_the_lexicon_names_is_defined():
    ureg = units.registry()
    for name in lexicon_units():
        ureg.parse_expression(name)  # raises UndefinedUnitError


@pytest.mark.parametrize("name", [n for n in lexicon_units() if n not in OURS_ONLY])
def test_each_unit_has_pints_value(name):
    ours, full = units.registry().Quantity(1, name), FULL.Quantity(1, name)
    ours_base, full_base = ours.to_base_units(), full.to_base_units()
    assert math.isclose(ours_base.magnitude, full_base.magnitude, rel_tol=1e-12)
    assert str(ours_base.units) == str(full_base.units)


def test_conversions_between_lexicon_units_agree_with_pint():
    names = [n for n in lexicon_units() if n not in OURS_ONLY]
    per = [f"{a} / hour" for a in ("kilometer", "mile", "meter")] + ["kilometer / hour", "mile / hour", "knot"]
    checked = 0
    for a, b in itertools.chain(itertools.product(names, repeat=2), itertools.product(per, repeat=2)):
        try:
            want = float(FULL.Quantity(3.5, FULL.parse_expression(a).units).to(FULL.parse_expression(b).units).magnitude)
        except pint.errors.DimensionalityError:
            want = None
        got = units.convert(3.5, a, b)
        assert (got is None) == (want is None), (a, b, got, want)
        if want is not None:
            assert math.isclose(got, want, rel_tol=1e-9), (a, b, got, want)
            checked += 1
    assert checked > 100


def test_a_decade_is_ten_years_and_cubic_metres_convert():
    assert units.convert(1, "decade", "year") == pytest.approx(10)
    assert units.convert(1, "cubic_meter", "liter") == pytest.approx(1000)
    assert units.convert(3, "count / day", "count / week") == pytest.approx(21)
    assert units.convert(1, "USD", "GBP") is None and units.convert(5, "drones / day", "drones / hour") is None
