"""Why a malformed number is malformed, or which convention it follows ("1.234,5", "1,00,000").

The extractor marks every number it cannot read as kind "malformed" (figcheck/extract/malformed.py);
this module names what is wrong with it, in the light of how the rest of the article writes numbers.
"""

from __future__ import annotations

import functools

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.extract.malformed import TOKEN
from figcheck.extract.numerals import words as number_words
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate import Doc

# Continental grouping: thousands in dots, maybe a decimal comma ("25.269", "1.234,5").
EUROPEAN = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
# Indian grouping: the last three digits, then pairs ("1,00,000", "12,34,567.50").
LAKH = regex.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
# One comma before one or two digits: a decimal comma ("1,5 million"), or a thousands group
# missing a digit ("904,00" beside "952,000").
DECIMAL_COMMA = regex.compile(r"\d+,\d{1,2}")
# A number written with thousands commas somewhere else in the article.
THOUSANDS = regex.compile(r"\d,\d{3}(?![\d,])")


@functools.cache
def _indian() -> regex.Pattern:
    data = lexicon.load("digit_groups")
    if set(data) != {"indian"} or not isinstance(data["indian"], list):
        raise FigcheckError("digit_groups.toml: needs exactly `indian`, a list of words")
    return regex.compile(rf"\b(?:{alternation(data['indian'])})\b", regex.I)


@functools.cache
def _scale() -> regex.Pattern:
    return regex.compile(rf"\s?(?:{alternation(number_words()['scale_suffixes'])})\b", regex.I)


def _commas_elsewhere(doc: Doc, f: Figure) -> bool:
    return any(g is not f and g.kind != "malformed" and THOUSANDS.search(g.text) for g in doc.figures)


def reason(doc: Doc, f: Figure) -> tuple[str, str] | None:
    """(the number as written, what is wrong with it), or None for a convention the article may follow."""
    m = TOKEN.search(f.text)
    if m is None:
        return None
    text, after = m.group(), f.text[m.end():]
    if EUROPEAN.fullmatch(text):
        return None
    if LAKH.fullmatch(text):
        return None if _indian().search(doc.body) else (text, "grouped in pairs, as Indian copy writes lakhs, in copy that is not Indian")
    if DECIMAL_COMMA.fullmatch(text):
        # "1,5 million" can only be one and a half million; "904,00" beside "952,000" is a
        # thousands group missing a digit. In copy with no thousands commas it may be a decimal comma.
        if _scale().match(after) or not _commas_elsewhere(doc, f):
            return None
        return text, f"a group of {len(text.split(',')[1])} digits after the comma, where this article writes thousands in threes"
    return _shape(text)


def _shape(text: str) -> tuple[str, str] | None:
    """What is wrong with a grouping no convention writes; None for a run of small numbers ("1,2,3")."""
    if "," not in text:
        return text, "thousands and decimals both marked with a dot"
    whole, dot, _ = text.partition(".")
    if dot and "," not in whole:
        return text, "a decimal point before a thousands comma"
    if text.count(".") > 1:
        return text, "two decimal points"
    groups = whole.split(",")
    wrong = [g for g in groups[1:] if len(g) != 3]
    if any(len(g) > 3 for g in wrong) or (wrong and len(wrong) < len(groups) - 1):
        # A long group ("2,4500"), or a short one beside a group of three ("6,186,51").
        return text, f"a group of {len(wrong[0])} digits after a comma, where thousands take three"
    if not wrong:  # "1234,567": every group after a comma is right, the first is too long
        return text, f"{len(groups[0])} digits before the first thousands comma"
    return None
