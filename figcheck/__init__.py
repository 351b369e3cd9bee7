"""figcheck: checks the arithmetic of the figures in news articles."""

from __future__ import annotations

import typing as _typing

from figcheck.errors import FigcheckError
from figcheck.model import Bound, Figure, Finding, Severity

if _typing.TYPE_CHECKING:
    from collections.abc import Sequence

    from figcheck.rules import Rule

__version__ = "0.1.0"
__all__ = ["Bound", "FigcheckError", "Figure", "Finding", "Severity", "__version__", "check_text", "extract_figures"]


def extract_figures(text: str, published: str | None = None) -> list[Figure]:
    """Every figure in `text`, in order: value, the range its wording allows, kind, unit and context.

    `published` is accepted beside `check_text`'s; no figure's reading depends on it today.
    """
    from figcheck.extract import extract_figures as _extract

    return _extract(text, published)


def check_text(text: str, published: str | None = None, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Every finding in one article's text, as `figcheck check` reports them.

    `published` (YYYY-MM-DD) enables the checks of ages and anniversaries; `rules` (from
    `figcheck.rules.load_rules()`) narrows the rules run.
    """
    from figcheck.engine import check_text as _check

    return _check(text, published, rules)
