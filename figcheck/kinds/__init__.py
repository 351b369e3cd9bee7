"""The registry of rule kinds: the only place a kind is named."""

from figcheck.kinds import (
    change,
    conversion,
    currency,
    dates,
    digest,
    digit_groups,
    listed,
    part_whole,
    percent,
    proportion,
    rate,
    ratio,
    repeat,
    subset,
    table_total,
)
from figcheck.kinds.base import Hit, Kind

KINDS: dict[str, Kind] = {k.name: k for k in (
    part_whole.KIND, subset.KIND, percent.KIND, change.KIND, conversion.KIND, dates.KIND, repeat.KIND,
    proportion.KIND, ratio.KIND, rate.KIND, digest.KIND,
    listed.KIND, currency.KIND, digit_groups.KIND, table_total.KIND,
)}

__all__ = ["KINDS", "Hit", "Kind"]
