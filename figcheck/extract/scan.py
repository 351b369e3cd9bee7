"""Find every figure's words in a body: value, range, bound, kind and unit; no context yet."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from dataclasses import dataclass

import regex

from figcheck import lexicon
from figcheck.extract import dates, malformed
from figcheck.extract.numerals import magnitude_step, parse_digits, parse_words, words
from figcheck.extract.patterns import ARTICLES, compiled, trie
from figcheck.extract.text import folded

INF = math.inf

SCHEMA = (("carry", ("joins",)), ("one", ("before_number", "pronoun_after")), ("mixed", ("joins",)),
          ("glued", ("suffixes", "not_money")), ("sign", ("negative", "margin_before")),
          ("metres", ("before", "after_units")),
          ("words", ("scales_after_words", "rounding_scales", "ordinals_in_order", "shares_after_numerals_only")),
          ("ages", ("compounds", "persons", "being", "after")),
          ("ranking", ("placed_after",)))

_DOT_THOUSANDS = regex.compile(r"[1-9]\d{0,2}\.\d{3}(?!\d)")


@dataclass(slots=True)
class Raw:
    """A figure under construction (mutable while the passes fill it in)."""

    start: int
    end: int
    value: float
    low: float
    high: float
    step: float = 1.0  # place value of the last written digit: the rounding the wording allows
    bound: str = "exact"
    kind: str = "count"
    unit: str | None = None
    counted: str | None = None
    rounded: bool = False  # the wording rounds: decimals, scale words, percentages
    factor: float = 1.0  # the scale word's ("5bn": 1e9), which a number before may share


@functools.cache
def _hedges() -> dict[str, tuple[str, float, float]]:
    table = {}
    for h in lexicon.load("hedges")["hedge"]:
        low, high = (float(x) for x in h["range"])
        for word in h["words"]:
            table[" ".join(word.lower().split())] = (h["bound"], low, high)
    return table


def hedge_range(words: str) -> tuple[float, float]:
    """The range a hedge allows, as multiples of the value: 'nearly' -> (0.85, 1.0); unknown -> (1, 1)."""
    _, low, high = _hedges().get(" ".join(words.lower().split()), ("exact", 1.0, 1.0))
    return low, high


@functools.cache
def _hedge_tails() -> frozenset[str]:
    """Last words of the hedges ("than" of "more than"), and the articles a hedge may precede."""
    return frozenset({w.split()[-1] for w in _hedges()} | {"a", "an", "the"})


@functools.cache
def _unit_names() -> dict[str, str]:
    table = {}
    for name, spec in lexicon.load("units")["units"].items():
        for alias in spec["aliases"]:
            table[alias] = name
            table.setdefault(alias.lower(), name)
    return table


@functools.cache
def _currency() -> tuple[dict[str, str], dict[str, str]]:
    cur = lexicon.load("currencies")
    return ({k: v for k, v in cur["prefixes"].items()},
            {" ".join(k.lower().split()): v for k, v in cur["words"].items()})


@functools.cache
def _labels() -> tuple[frozenset[str], frozenset[str]]:
    nf = lexicon.load("not_figures")
    months = lexicon.load("context")["months"]
    return frozenset(nf["labels"]), frozenset([*nf["capitalised_ok"], *months])


@functools.cache
def _possessive_names() -> frozenset[str]:
    return frozenset(lexicon.load("not_figures")["possessive_names"])


def _number(text: str) -> tuple[float, float] | None:
    """Digits or words -> (value, step)."""
    text = text.strip()
    if text[:1].isdigit() or text[:1] in "½¼¾⅓⅔⅛" or (text[:1] == "." and text[1:2].isdigit()):
        try:
            return parse_digits(text)
        except (ValueError, ZeroDivisionError, OverflowError):
            return None
    value = parse_words(text)
    return None if value is None else (value, 1.0)


def scan(body: str, published: float | None = None) -> list[Raw]:
    """Every figure in `body`, in order, with value, range, bound, kind and unit."""
    pats = compiled()
    digits = [m.start() for m in _DIGIT_RUNS.finditer(body)]
    skipped = _Spans(_skipped(body, digits, pats))
    core = pats["core"]
    found: list[Raw] = []
    pos = 0
    # NOTE: cheap stdlib passes propose where a figure may start (digits, or a word that some
    # figure's words begin with); the full pattern runs only there. Ten times faster than
    # letting the full pattern scan every position.
    for at in _candidates(body, digits):
        if at < pos:
            continue
        m = core.match(body, at)
        if m is None or _inside(skipped, m.start(), m.end()):
            continue
        raw = _read(body, m, pats)
        if raw is None:
            continue
        pos = raw.end
        # A number past a float ("1e309", four hundred nines) cannot be reasoned about: drop it.
        if raw.kind != "skip" and math.isfinite(raw.value) and not math.isnan(raw.low) and not math.isnan(raw.high):
            found.append(raw)
    _carry_scale(body, found)
    return _with_malformed(body, found, skipped, pats)


def _with_malformed(body: str, found: list[Raw], skipped: _Spans | list[tuple[int, int]], pats: dict) -> list[Raw]:
    """The figures and, in order among them, each malformed number ("5,112,00"), which the core
    pattern passes over: kind "malformed", the value a reader would guess, and an open range."""
    if "," not in body and "." not in body:  # every malformed number has a comma or a dot
        return found
    extra = []
    spans = list(zip(skipped.starts, skipped.ends, strict=True)) if isinstance(skipped, _Spans) else list(skipped)
    for start, end, value in malformed.tokens(body, [(r.start, r.end) for r in found] + spans):
        raw = _extend(body, Raw(start, end, value, value, value), pats, words_core=False)
        if raw is None or raw.kind == "skip" or not math.isfinite(raw.value):
            continue
        # Currency and scale are read as for any figure ("$110,00", "2,4500 dlrs"); no rule may
        # take the guess for a stated value, so the range stays open.
        raw.unit = raw.unit if raw.kind in ("money", "quantity") else None
        raw.kind, raw.bound, raw.low, raw.high, raw.counted = "malformed", "exact", 0.0, INF, None
        extra.append(raw)
    return sorted(found + extra, key=lambda r: r.start) if extra else found


_DIGIT_RUNS = re.compile(r"\d+")
_FRACTIONS = "½¼¾⅓⅔⅛"
_FRACTION = re.compile(f"[{_FRACTIONS}]")


def _candidates(body: str, digits: list[int]) -> list[int]:
    """Where a figure may start, in order: digit runs, fraction signs and the words some
    figure's words start with."""
    starts = digits
    if any(f in body for f in _FRACTIONS):
        starts = starts + [m.start() for m in _FRACTION.finditer(body)]
    lower = folded(body)
    if lower is not None:
        starts = starts + [m.start() for m in _word_starts()[0].finditer(lower)]
    else:  # read as written, and check each word
        first = _first_words()
        starts = starts + [m.start() for m in _word_starts()[1].finditer(body) if m.group().lower() in first]
    return sorted(starts)


_WEB_HINTS = ("http", "www.", "@", ".com", ".org", ".net", ".co.uk", ".gov", ".edu", ".io")


@functools.cache
def _cur_tails() -> frozenset[str]:
    """The last characters of the currency prefixes: a figure after none of them has no prefix."""
    return frozenset(p[-1] for p in lexicon.load("currencies")["prefixes"])


@functools.cache
def _starts() -> dict[str, frozenset[str]]:
    """First letters (lower case) of what may follow a number: scale words, currencies, time
    units, units. A figure followed by anything else skips those look-ups."""
    units = [a for spec in lexicon.load("units")["units"].values() for a in spec["aliases"]]
    cur = lexicon.load("currencies")
    return {
        "scale": frozenset(w[0].lower() for w in words()["scale_suffixes"]),
        "cur_word": frozenset(w[0].lower() for w in [*cur["words"], *cur["qualifiers"]]),
        "duration": frozenset(w[0].lower() for w in lexicon.load("durations")),
        "unit": frozenset(a[0].lower() for a in units),
    }


@functools.cache
def _word_starts() -> tuple[re.Pattern, re.Pattern]:
    """The words some figure's words start with, as whole words (stdlib re: fast): for a body in
    lower case, and for one as written."""
    follow = r"(?=[\s-]+(?:" + "|".join(sorted(_article_followers())) + "))"
    source = trie(_first_words(), after_first=r"(?<!\w.)", tails=dict.fromkeys(ARTICLES, follow)) + r"(?![^\W\d_])"
    return re.compile(source), re.compile(source, re.IGNORECASE)


@functools.cache
def _article_followers() -> frozenset[str]:
    """The words after which 'a' or 'an' opens a figure: a fraction ('a third'), 'in' or 'out'
    ('a in 10', as the core pattern allows), or a named phrase's next word ('a dozen')."""
    w = words()
    phrases = [p.split() for p in (*w["named"], *w["vague"], *w["cardinals"], *w["scales"])]
    return frozenset({*w["fractions"], "in", "out"} | {p[1] for p in phrases if p[0] in ARTICLES and len(p) > 1})


@functools.cache
def _first_words() -> frozenset[str]:
    """Lower-case words a figure's words can start with: 'twenty', 'a' (a dozen), 'hundreds'."""
    w = words()
    ctx = lexicon.load("context")
    phrases = [*w["cardinals"], *w["scales"], *w["ordinals"], *w["fractions"], *w["vague"], *w["named"],
               *w["multipliers"], *w["folds"], *ctx["months"], *ARTICLES, "half"]
    return frozenset(p.split()[0].split("-")[0].lower() for p in phrases)


def _skipped(body: str, digits: list[int], pats: dict) -> list[tuple[int, int]]:
    """Clock times, phone numbers, scores, decades, names: spans no figure may overlap.

    Each starts at a run of digits or one sign before it ("+44", "(555)", "'90s"), so the
    pattern is tried only there, in order, as finditer would, and not at every position.
    """
    spans: list[tuple[int, int]] = []
    skip, end = pats["skip"], 0
    for d in digits:
        for at in (d - 1, d) if d and body[d - 1] in "+('" else (d,):
            if at >= end and (m := skip.match(body, at)):
                spans.append(m.span())
                end = m.end()
    if any(h in body for h in _WEB_HINTS):
        spans.extend(m.span() for m in pats["web"].finditer(body))
    return spans


class _Spans:
    """Skipped spans as disjoint, sorted runs, to ask in O(log n) whether a point falls in one.

    A figure is dropped when its first or last character falls in a skipped span (the test the
    figures have always met); merging overlapping spans keeps exactly those points covered. A
    linear look at every span for every figure was quadratic on text made of clock times.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(span for span in spans if span[0] < span[1]):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, point: int) -> bool:
        i = bisect.bisect_right(self.starts, point) - 1
        return i >= 0 and point < self.ends[i]


def _inside(spans: _Spans, start: int, end: int) -> bool:
    # Either end of the figure inside a span: s <= start < e, or s < end <= e.
    return spans.covers(start) or spans.covers(end - 1)


def _read(body: str, m, pats: dict) -> Raw | None:
    """The figure the core pattern matched, read by the kind of words it matched."""
    group = m.lastgroup
    start, end = m.span()
    text = m.group()
    if group == "date":
        return _date(body, start, end, text)
    if group == "vague":
        low, high = words()["vague"][" ".join(text.lower().split())]
        return Raw(start, end, low, low, high, bound="range", step=low)
    if group == "named":
        value = words()["named"][" ".join(text.lower().split())]
        return _extend(body, Raw(start, end, value, value, value), pats, words_core=True)
    if group == "frac":
        return _fraction(body, start, end, text, pats)
    if group == "mult":
        return _multiplier(body, start, end, text)
    if group == "ordw":
        return _ordinal_word(body, start, end, text)
    if group == "card":
        return _cardinal(body, start, end, text, pats)
    return _digits(body, start, end, text, pats)


def _ordinal_word(body: str, start: int, end: int, text: str) -> Raw | None:
    """'third', 'fifth'; 'first' and 'second' only before nouns counted in order."""
    lower = text.lower()
    # "a second", "per second": the unit of time, not an ordinal.
    before = body[max(0, start - 8):start].lower()
    last = before.split()[-1:]
    if lower == "second" and last and last[0] in lexicon.load("reading")["second_unit_before"]:
        return None
    if lower in _scan_words("words", "ordinals_in_order") and not _ordinal_context(body, end):
        return None
    value = words()["ordinals"][lower]
    return Raw(start, end, value, value, value, kind="ordinal")


def _cardinal(body: str, start: int, end: int, text: str, pats: dict) -> Raw | None:
    """Number words: 'twenty-five', 'two million'; 'one' only where it is a figure."""
    lower = text.lower()
    if lower in ("one",) and not _one_is_figure(body, start, end):
        return None
    parsed = _number(text)
    if parsed is None:
        return None
    raw = Raw(start, end, parsed[0], parsed[0], parsed[0], step=parsed[1])
    if any(w in lower for w in _scan_words("words", "rounding_scales")):
        # "two million": rounded to its scale word.
        raw.rounded, raw.step = True, magnitude_step(parsed[0])
    raw.factor = _word_scale(lower)[1]
    _mixed(body, raw, pats)
    _sign(body, raw, pats)
    return _extend(body, raw, pats, words_core=True)


def _digits(body: str, start: int, end: int, text: str, pats: dict) -> Raw | None:
    """A number in digits, with a unit written before it ("No. 5" aside), its sign and its words."""
    if body[start - 1:start] == "." and (start == 1 or body[start - 2].isspace() or body[start - 2] in _LEADING_DOT_AFTER):
        start, text = start - 1, "." + text  # ".05 per cent", "a .300 average": a decimal as written
    if "/" in text and "-" not in text and not _proper(text):
        return None  # "7/4", "3 5/4": no fraction a reader would write; a date or a ratio
    parsed = _number(text)
    if parsed is None or not math.isfinite(parsed[0]):
        return None
    value, step = parsed
    raw = Raw(start, end, value, value, value, step=step, rounded="." in text or "/" in text)
    before = body[max(0, start - 12):start].split()
    if before and before[-1].lower() in lexicon.load("units")["prefix_units"]:
        raw.kind, raw.unit = "quantity", lexicon.load("units")["prefix_units"][before[-1].lower()]
        raw.low, raw.high = value - step / 2, value + step / 2
        return raw
    _sign(body, raw, pats)
    raw = _extend(body, raw, pats, words_core=False)
    # "Boeing 737", "Windows 10": a bare whole number after a name is part of the name; "Gold
    # 4.71 billion" is a figure, since a scale, unit or decimal says so.
    if raw and raw.kind in ("count", "year") and raw.bound == "exact" and raw.end == end and _is_name(body, start, pats):
        return None
    return raw


def _proper(text: str) -> bool:
    """'3/4', '1 1/2': the fraction after the whole number is below one."""
    num, _, den = text.split()[-1].partition("/")
    return int(num) < int(den)


# What may stand before a decimal written without its leading zero (besides a space).
_LEADING_DOT_AFTER = frozenset("([\"'“‘$£€¥")


def _sign(body: str, raw: Raw, pats: dict) -> None:
    """A minus sign ('-3.2%') or word ('minus 40 degrees') before the number: a negative value;
    not after 'plus or', where it states a margin."""
    start = raw.start
    if body[start - 1:start] in ("-", "−"):
        sign = pats["sign"].search(body, max(0, start - 2), start)
        if sign:
            raw.start = sign.start()
            raw.value = raw.low = raw.high = -raw.value
        return
    before = body[max(0, start - 20):start].split()
    if not before or before[-1].lower() not in _scan_words("sign", "negative") or not body[start - 1:start].isspace():
        return
    prior = before[-2].lower() if len(before) > 1 else ""
    if prior in _scan_words("sign", "margin_before") or prior[:1].isdigit() or prior in words()["cardinals"]:
        return  # "plus or minus 3", "10 minus 4": a margin or a sum, not a negative number
    raw.start = start - 1 - len(before[-1])
    raw.value = raw.low = raw.high = -raw.value


def _ordinal_context(body: str, end: int) -> bool:
    # "first anniversary", "second round": only before nouns that are counted in order.
    nxt = body[end:end + 16].lower()
    return nxt.startswith(tuple(" " + w for w in lexicon.load("reading")["ordinal_nouns"]))


def _one_is_figure(body: str, start: int, end: int) -> bool:
    # "one" is mostly a pronoun ("one of them", "no one"); count it only before a noun or scale.
    before = body[max(0, start - 24):start].lower().split()
    if before and before[-1] == "number":
        # "rose to number one", "last week's number one": a place in a ranking, as digits are
        # read there (`_is_name`); "number one" alone is a label.
        return _placed(body, start - 1 - len(before[-1]))
    if before and before[-1] in _scan_words("one", "pronoun_after"):
        return False
    if len(before) >= 2 and before[-1] == "to" and (before[-2][:1].isdigit() or before[-2] in words()["cardinals"]):
        return True  # "three to one": a ratio
    after = body[end:end + 24].lower().split()
    if not after:
        return False
    if len(after) >= 2 and after[0] in _scan_words("one", "before_number") \
            and (after[1][:1].isdigit() or after[1].split("-")[0] in words()["cardinals"]):
        return True  # "between one and two", "one or two"
    # "one lever-action rifle": a hyphened modifier is a word before the noun too.
    word = after[0]
    return word not in lexicon.load("context")["stop"] and word[:1].isalpha() \
        and word.replace("-", "").isalpha() and not word.endswith("ed")


@functools.cache
def _placed_pattern() -> regex.Pattern:
    words = "|".join(sorted(_scan_words("ranking", "placed_after")))
    return regex.compile(rf"(?:\b(?:{words})|\w['’]s)\s+$")


def _placed(body: str, at: int) -> bool:
    return bool(_placed_pattern().search(body[max(0, at - 12):at]))


def _is_name(body: str, start: int, pats: dict) -> bool:
    """'Boeing 737', 'Windows 10', 'Source 1': a capitalised word or a label right before."""
    m = pats["word_before"].search(body, max(0, start - 30), start)
    if not m or m.end() != start or body[m.end(1):start] not in (" ", "\u00a0"):
        return False
    word = m.group(1)
    labels, ok = _labels()
    lower = word.lower().rstrip(".")
    if lower in labels:
        # "rose to number 22", "at number one": a place in a ranking is a figure; "number 22"
        # alone is a label.
        return not (word == "number" and _placed(body, m.start(1)))
    if lower == "of":  # "Photo 1 of 12"
        prior = body[max(0, m.start(1) - 24):m.start(1)].split()
        return len(prior) >= 2 and prior[-1].isdigit() and prior[-2].lower().rstrip(".") in labels
    # "NBC's 8,000 workers", "Britain's 60 million": a possessive is followed by what it owns.
    if lower.endswith(("'s", "’s")) and lower not in _possessive_names():
        return False
    # "Pumping 25 litres": a capitalised verb or adverb opens a sentence; it names nothing.
    prev = body[max(0, m.start(1) - 4):m.start(1)].rstrip()
    opens = not prev or prev[-1] in ".!?\"“”’:;"
    if opens and lower.endswith(("ing", "ed", "ly")):
        return False
    # "the (Liberal) Democrats 14": a group named in the plural, then its count; a model is singular.
    if lower.endswith("s"):
        words = body[max(0, m.start(1) - 40):m.start(1)].split()
        while words and words[-1][:1].isupper():
            words.pop()
        if words and words[-1].lower() == "the":
            return False
    return word[:1].isupper() and lower not in ok and not word.isupper()


def _date(body: str, start: int, end: int, text: str) -> Raw | None:
    months = dates.month_numbers()
    tokens = text.replace(",", " ").replace(".", " ").split()
    month = day = year = None
    for tok in tokens:
        low = tok.lower()
        if low in months and month is None:
            month = months[low]
        elif tok[:1].isdigit():
            digits = tok.rstrip("stndrh")
            if len(digits) == 4:
                year = int(digits)
            elif digits.isdigit():
                day = int(digits)
    if month is None or (day is not None and not 1 <= day <= 31):
        return None
    span = _DAY_SPAN.match(body, end) if day is not None and year is None else None
    if span and day < int(span.group(1)) <= 31:
        # "Sept. 20-24" (", 2004"): a span of days is one date, to the last day.
        end, last = span.end(), int(span.group(1))
        if span.group(2):
            low, high = dates.fractional(int(span.group(2)), month, day), dates.fractional(int(span.group(2)), month, last)
            return Raw(start, end, (low + high) / 2, low, high, kind="date", step=0, bound="range")
    if year is None:
        # "June 5": a day with no year, so no place on the time axis: an open range.
        return Raw(start, end, float(day or 0), -INF, INF, kind="date", step=0)
    if year < 1000 or year > 2200:
        return None
    low, high = dates.interval(year, month, day)
    return Raw(start, end, low, low, high, kind="date", step=0)


_DAY_SPAN = re.compile(r"[-–](\d{1,2})(?![\d:.,/-]\d)(?:,\s+(\d{4})\b)?")


def _fraction(body: str, start: int, end: int, text: str, pats: dict) -> Raw | None:
    lower = " ".join(text.lower().replace("-", " ").split())
    w = words()
    if lower == "half":
        before = body[max(0, start - 12):start].lower().split()
        after = body[end:end + 8].lower()
        # "in the first half", "half-time": halves of a match, not a share.
        if before[-1:] in (["first"], ["second"], ["the"]) or after.startswith(("-", " time")):
            return None
        value = 0.5
    elif " in " in lower or " out of " in lower:
        num, _, den = lower.replace(" out of ", " in ").partition(" in ")
        a, b = _number(num), _number(den)
        if not a or not b or b[0] == 0:
            return None
        value = a[0] / b[0]
    else:
        num, _, den = lower.rpartition(" ")
        if num in ARTICLES and den in w["ordinals"] and (den in _scan_words("words", "shares_after_numerals_only")
                                                         or _ordinal_not_share(body, start, end, len(den))):
            # "a third term", "a fourth straight win": an ordinal before its noun, not a share.
            return Raw(end - len(den), end, w["ordinals"][den], w["ordinals"][den], w["ordinals"][den], kind="ordinal")
        n = 1.0 if num in ("a", "an", "one") else (_number(num) or (None,))[0]
        d = w["fractions"].get(den)
        if n is None or d is None:
            return None
        value = n / d
    raw = Raw(start, end, value, value, value, kind="fraction", step=0)
    _hedge(body, raw, pats)
    # "half a percentage point": the fraction is the figure's value.
    if body[end:end + 3] == " a ":
        pts = pats["points"].match(body, end + 2)
        if pts and pts.group("pts").lower().startswith(("percentage", "point")):
            raw.end, raw.kind = pts.end(), "percentage_points"
    return raw


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


def _ordinal_not_share(body: str, start: int, end: int, size: int) -> bool:
    """'a third term', 'a fourth-quarter charge', 'a Fourth of July', 'a fourth World title': an
    ordinal before its noun; 'a third of', 'a third.', 'nearly a fifth saying' are shares."""
    if body[end:end + 1] == "-" or body[end - size].isupper():
        return True
    m = _NEXT_WORD.match(body, end)
    if not m:
        return False
    word = m.group(1)
    if word[0].isupper():
        return True
    before = body[max(0, start - 16):start].split()[-1:]
    if before and before[0].lower() in _hedge_tails():
        return False  # "nearly a fifth": a share, whatever follows
    return word not in lexicon.load("context")["stop"] and not word.startswith(("percent", "point"))


def _multiplier(body: str, start: int, end: int, text: str) -> Raw | None:
    lower = text.lower()
    table, folds = words()["multipliers"], words()["folds"]
    if lower in table or lower in folds:
        value = float(table.get(lower) or folds[lower])
    else:
        head = lower.replace("-", " ").split()[0]
        parsed = _number(head)
        if parsed is None:
            return None
        value = parsed[0]
    return Raw(start, end, value, value, value, kind="multiplier", step=0)


def _extend(body: str, raw: Raw, pats: dict, words_core: bool) -> Raw | None:
    """Read the words around a number, one pass per job, each moving `raw.end` past what it reads:
    currency, scale, range, percent, currency word, duration or unit, rate, hedge, year or age."""
    # NOTE: each pass first checks a character or two with plain string tests: most figures
    # have no currency, range or percent, and a regex call costs more than the test.
    _currency_before(body, raw, pats, words_core)
    _scale(body, raw, pats, words_core)
    _range(body, raw, pats)
    if raw.kind == "skip":
        return raw  # a score: both numbers are skipped, nothing more to read
    _percent(body, raw, pats)
    _currency_after(body, raw, pats)
    # The first reading that matches wins: "5 years" is no unit, "5-day" no ordinal.
    if raw.kind == "count" and not (_duration(body, raw, pats) or _unit(body, raw, pats)
                                    or _compound(body, raw, pats)) and not words_core:
        _ord_suffix(body, raw, pats)
    _per(body, raw, pats)
    _hedge(body, raw, pats)
    if raw.kind == "count" and not words_core:
        _year_or_age(body, raw, pats)
    _rounding(body, raw, words_core)
    return raw


def _next_letter(body: str, end: int) -> str:
    """The first letter of what follows a figure, lower case, for the passes' cheap guards."""
    return body[end:end + 3].lstrip(" -\u00a0")[:1].lower()


def _currency_before(body: str, raw: Raw, pats: dict, words_core: bool) -> None:
    """A currency before the digits: "$5bn", "US$ 4.3 billion" ("two million" takes none)."""
    before = body[max(0, raw.start - 2):raw.start]
    tails = _cur_tails()
    if words_core or not before or not (before[-1] in tails or before.rstrip()[-1:] in tails):
        return
    cur = pats["cur_prefix"].search(body, max(0, raw.start - 5), raw.start)
    if cur:
        raw.kind, raw.unit, raw.start = "money", _currency()[0][cur.group("cur")], cur.start()


def _scale(body: str, raw: Raw, pats: dict, words_core: bool) -> None:
    """A scale word or suffix: "1.2 million", "4.1m", "5bn"; after number words only a full word."""
    m = pats["scale"].match(body, raw.end) if _next_letter(body, raw.end) in _starts()["scale"] else None
    if not m or (words_core and m.group("scale").lower() not in _scan_words("words", "scales_after_words")):
        return
    if body[m.end():m.end() + 1] == "." and body[m.end() + 1:m.end() + 2].isalpha():
        return  # "60 m.p.h.": the first letter of an abbreviation, not a scale
    if m.group("scale") == "m" and raw.kind == "count" and _metres(body, raw, m.end()):
        raw.kind, raw.unit, raw.rounded, raw.end = "quantity", "meter", True, m.end()
        return
    factor = words()["scale_suffixes"][m.group("scale").lower()]
    raw.value *= factor
    raw.low *= factor
    raw.high *= factor
    raw.step *= factor
    raw.rounded, raw.factor = True, factor
    raw.end = m.end()


def _metres(body: str, raw: Raw, end: int) -> bool:
    """'the 60m hurdles', '30ft (10m)': an 'm' that is metres, not million."""
    after = body[end:end + 16].split()
    if after and after[0].lower().strip(",.;:)") in _scan_words("metres", "before"):
        return True
    if body[raw.start - 1:raw.start] != "(" or body[end:end + 1] != ")":
        return False
    unit = body[max(0, raw.start - 12):raw.start - 1].rstrip().split()[-1:]
    unit = unit[0].lstrip("0123456789.,") if unit else ""
    return _unit_names().get(unit) in _scan_words("metres", "after_units")


def _range(body: str, raw: Raw, pats: dict) -> None:
    """A second number: "10-15", "between 10 and 15" (one figure, low and high), or a score
    ("3-1", or any dash in a sports story), whose two numbers are skipped (kind "skip")."""
    end = raw.end
    near = body[max(0, raw.start - 9):raw.start].lower()
    between = pats["between"].search(body, max(0, raw.start - 9), raw.start) if ("tween" in near or "from" in near) else None
    m = pats["range"].match(body, end) if (body[end:end + 1] in "-–" or between) else None
    is_between = bool(between) and between.group().lower().startswith("between")
    if m is None and is_between:
        m = _percent_range(body, end, pats)
    if not m or not (m.group("dash") or (is_between and m.group("and"))):
        return
    second = _number(m.group("n2"))
    if second is None:
        return
    if _year_span(body, raw, m):
        raw.start = between.start() if is_between else raw.start
        return
    if m.group("dash") and (second[0] <= raw.value or _sports(body, raw.start, pats)):
        raw.end, raw.kind = m.end(), "skip"
        return
    factor = words()["scale_suffixes"].get((m.group("scale2") or "").lower(), 1.0)
    if factor == 1.0 and not m.group("n2")[:1].isdigit():
        # "between three and four thousand": the scale word is the first number's too.
        numeral, word_factor = _word_scale(m.group("n2").lower())
        if word_factor != 1.0 and raw.value < numeral:
            second, factor = (numeral, second[1]), word_factor
    if second[0] <= raw.value:
        return
    if factor != 1.0 and raw.value * factor < second[0] * factor and raw.step < factor:
        raw.value, raw.low, raw.step = raw.value * factor, raw.low * factor, raw.step * factor
    raw.high = second[0] * factor
    raw.value = (raw.low + raw.high) / 2
    raw.bound = "range"
    if is_between:
        raw.start = between.start()
    raw.end = m.end()


def _percent_range(body: str, end: int, pats: dict):
    """'between 5% and 7%': the range after the first number's percent sign, when the second
    number has one too (the percent pass then reads it)."""
    pct = pats["percent"].match(body, end)
    m = pats["range"].match(body, pct.end()) if pct else None
    return m if m and m.group("and") and not m.group("scale2") and pats["percent"].match(body, m.end()) else None


def _year_span(body: str, raw: Raw, m) -> bool:
    """'1994-96', '(1948-2019)', 'between 2001 and 2004': two years, the second later, are a span
    of years (a score or a count range otherwise); `_year_or_age` reads them as years."""
    first, n2 = body[raw.start:raw.end], m.group("n2")
    if not ((m.group("dash") or len(n2) == 4) and first.isdigit() and len(first) == 4 and n2.isdigit() and len(n2) in (2, 4)
            and not m.group("cur2") and not m.group("scale2") and 1000 <= raw.value <= 2199):
        return False
    y1 = int(first)
    y2 = int(n2) if len(n2) == 4 else y1 // 100 * 100 + int(n2)
    if len(n2) == 2 and y2 <= y1:
        y2 += 100  # "1998-02": into the next century
    if not y1 < y2 <= 2199:
        return False
    raw.low, raw.high, raw.value, raw.bound, raw.end = float(y1), float(y2), (y1 + y2) / 2, "range", m.end()
    return True


def _word_scale(lower: str) -> tuple[float, float]:
    """'four thousand' -> (4, 1000): a number word and its scale word; else (0, 1)."""
    tokens = lower.split()
    scales = words()["scales"]
    if len(tokens) != 2 or tokens[1] not in scales:
        return 0.0, 1.0
    numeral = parse_words(tokens[0])
    return (numeral, float(scales[tokens[1]])) if numeral else (0.0, 1.0)


def _carry_scale(body: str, found: list[Raw]) -> None:
    """'$20 to $25 billion', 'three to four thousand': a bare number, a join word, then a number
    with a scale; the first number is read at the second's scale (and currency), and the two stay
    two figures. Only when the first number is below the second's numeral, or above it by less
    than ten times ('from 12 to 8 billion'): '600,000 to 1.1 million' keeps its 600,000."""
    joins = _scan_words("carry", "joins")
    for a, b in itertools.pairwise(found):
        f = b.factor
        if f == 1.0 or a.factor != 1.0 or a.kind not in ("count", "money") or b.kind not in ("count", "money") \
                or b.bound != "exact" or a.bound == "range" or a.step >= f or a.value <= 0:
            continue
        gap = body[a.end:b.start].split()
        if len(gap) != 1 or gap[0].lower() not in joins or not body[a.end:a.end + 1].isspace():
            continue
        numeral = b.value / f
        if (a.unit and b.unit and a.unit != b.unit) or a.value >= numeral * 10:
            continue
        a.value, a.step, a.factor, a.rounded = a.value * f, a.step * f, f, True
        if a.bound == "exact":
            a.low, a.high = max(0.0, a.value - a.step / 2), a.value + a.step / 2
        else:  # "about 20 to 25 billion": the hedge's range, at the scale
            a.low, a.high = a.low * f, a.high * f
        if a.kind != b.kind:  # "20 to 25 billion dollars", "$20 to 25 billion": one currency
            a.kind = b.kind = "money"
            a.unit = b.unit = a.unit or b.unit


@functools.cache
def _scan_words(table: str, key: str) -> frozenset[str]:
    return frozenset(lexicon.load_strict("scan", SCHEMA)[table][key])


def _mixed(body: str, raw: Raw, pats: dict) -> None:
    """'three and a half', 'two and three-quarters': a whole number and a fraction are one number."""
    gap = body[raw.end:raw.end + 6].split(None, 1)
    if raw.value != int(raw.value) or not gap or gap[0].lower() not in _scan_words("mixed", "joins") \
            or not body[raw.end:raw.end + 1].isspace():
        return
    at = raw.end + 1 + len(gap[0])
    if not body[at:at + 1].isspace():
        return
    m = pats["core"].match(body, at + 1)
    frac = _fraction(body, m.start(), m.end(), m.group(), pats) if m and m.lastgroup == "frac" else None
    if frac and frac.kind == "fraction" and frac.start == m.start() and 0 < frac.value < 1:
        raw.value = raw.low = raw.high = raw.value + frac.value
        raw.end = frac.end


def _percent(body: str, raw: Raw, pats: dict) -> None:
    """Percent, percentage points and basis points; a bare "points" is left to the sentence."""
    end = raw.end
    ahead = body[end:end + 3].lower()
    m = pats["percent"].match(body, end) if ("%" in ahead or "p" in ahead) else None
    if m:
        raw.kind, raw.rounded, raw.end = "percent", True, m.end()
        pts = pats["points"].match(body, raw.end)
        if pts and pts.group("pts").lower().startswith("point"):
            raw.kind, raw.end = "percentage_points", pts.end()
        return
    m = pats["points"].match(body, end) if ("p" in ahead or "b" in ahead) else None
    if not m:
        return
    pts = m.group("pts").lower()
    if pts.startswith(("percentage", "pct", "basis", "bp")):
        raw.kind, raw.rounded, raw.end = "percentage_points", True, m.end()
        if pts.startswith(("basis", "bp")):
            raw.value, raw.low, raw.high, raw.step = (x / 100 for x in (raw.value, raw.low, raw.high, raw.step))
    else:
        raw.kind, raw.unit = "count", "point"  # decided by the sentence later


def _currency_after(body: str, raw: Raw, pats: dict) -> None:
    """A currency word after the number: "40 dollars", "5 million euros"; a subunit glued: "55p"."""
    if raw.kind == "count" and _glued_subunit(body, raw, pats):
        return
    if raw.kind not in ("count", "money") or _next_letter(body, raw.end) not in _starts()["cur_word"]:
        return
    m = pats["cur_word"].match(body, raw.end)
    if m:
        raw.kind, raw.unit, raw.end = "money", _currency()[1][" ".join(m.group("curw").lower().split())], m.end()


def _glued_subunit(body: str, raw: Raw, pats: dict) -> bool:
    """'55p': a currency subunit glued to digits, one letter ending a word ('5pm' is a time, 'Section
    5p' a name)."""
    end = raw.end
    suffixes = lexicon.load_strict("scan", SCHEMA)["glued"]["suffixes"]
    letter = body[end:end + 1]
    if letter not in suffixes or not body[end - 1:end].isdigit() or body[end + 1:end + 2].isalnum() \
            or body[end + 1:end + 3] in (".m", ".M") or body[raw.start:end] in _scan_words("glued", "not_money") \
            or _is_name(body, raw.start, pats):
        return False
    raw.kind, raw.unit, raw.end = "money", suffixes[letter], end + 1
    return True


def _duration(body: str, raw: Raw, pats: dict) -> bool:
    """A time unit: "3 hours" (a duration, joined with "2 hours 6 minutes"), "6 years old" (an age)."""
    m = pats["duration"].match(body, raw.end) if _next_letter(body, raw.end) in _starts()["duration"] else None
    if not m:
        return False
    dur = m.group("dur").lower()
    # "six years older" is a gap between two ages, not an age.
    is_age = m.group("old") or (dur.startswith(("year", "yr")) and body[m.end():m.end() + 4].lower() == " old"
                                and body[m.end() + 4:m.end() + 6].lower() not in ("er", "es"))
    if is_age:
        raw.kind = "age"
        raw.end = m.end() + (0 if m.group("old") else 4)
    else:
        raw.kind, raw.unit = "duration", _duration_unit(dur)
        _joined_duration(body, raw, m.end(), pats)
    return True


def _unit(body: str, raw: Raw, pats: dict) -> bool:
    """A unit of measure: "41C", "5 km", "12 tonnes"."""
    end = raw.end
    m = (pats["unit"].match(body, end) or pats["unit_ci"].match(body, end)) \
        if _next_letter(body, end) in _starts()["unit"] else None
    if not m or not _unit_ok(body, m):
        return False
    raw.kind, raw.unit, raw.end = "quantity", _unit_names().get(m.group("unit")) or _unit_names()[m.group("unit").lower()], m.end()
    raw.rounded = True
    return True


def _compound(body: str, raw: Raw, pats: dict) -> bool:
    """A hyphened word: "the 71-year-old" (an age), "a 5-day" (a duration), "a 12-member" (counted)."""
    m = pats["compound"].match(body, raw.end) if body[raw.end:raw.end + 1] == "-" else None
    if not m:
        return False
    word = m.group("cw").lower()
    if word in _scan_words("ages", "compounds"):
        raw.kind, raw.end = "age", m.end()
    elif word in lexicon.load("durations"):
        raw.kind, raw.unit, raw.end = "duration", _duration_unit(word), m.end()
    elif "-" not in word:
        raw.counted, raw.end = word, m.end()
    return True


def _ord_suffix(body: str, raw: Raw, pats: dict) -> bool:
    """An ordinal written in digits: "21st", "3rd"."""
    m = pats["ord_suffix"].match(body, raw.end)
    if m:
        raw.kind, raw.end = "ordinal", m.end()
    return bool(m)


def _per(body: str, raw: Raw, pats: dict) -> None:
    """A rate: "5 a day", "$40 per barrel", "12 each": the unit becomes "<unit> / <per>"."""
    end = raw.end
    if raw.kind not in ("count", "money", "quantity") or body[end:end + 1] != " " or body[end + 1:end + 2] not in "apeAPE":
        return
    m = pats["per"].match(body, end)
    if m:
        raw.unit = f"{raw.unit or raw.counted or 'count'} / {m.group('per').lower()}"
        raw.end = m.end()


def _rounding(body: str, raw: Raw, words_core: bool) -> None:
    """The range the written digits allow: "25.269" read both ways, "4.1m" to its last digit."""
    if not words_core and raw.kind in ("count", "money") and _DOT_THOUSANDS.match(body, raw.start, raw.end) \
            and raw.value < 1000:
        # "25.269 units" is 25,269 in much of Europe's copy: no reading is ruled out.
        raw.low, raw.high, raw.rounded = raw.value, raw.value * 1000, False
    if raw.rounded and raw.bound in ("exact",) and raw.step:
        raw.low, raw.high = raw.value - raw.step / 2, raw.value + raw.step / 2
        if raw.value >= 0 and raw.low < 0:
            raw.low = 0.0


def _unit_ok(body: str, m) -> bool:
    unit = m.group("unit")
    # Single capital letters ("C", "F", "W", "t", "g", "l") only glued to the digits: "41C", "-10C".
    if len(unit) <= 2 and not unit.startswith(("°", "º")) and m.group().startswith((" ", "-")):
        return unit in lexicon.load("reading")["spaced_short_units"] and m.group()[0] == " "
    return True


def _duration_unit(word: str) -> str:
    word = word.lower().rstrip("s")
    return lexicon.load("reading")["duration_names"].get(word, word)


def _joined_duration(body: str, raw: Raw, end: int, pats: dict) -> Raw:
    """'2 hours 6 minutes 51 seconds' is one duration, kept in the first unit."""
    table = lexicon.load("durations")
    total_days = raw.value * table.get(raw.unit, table.get(raw.unit + "s", 1))
    more = pats["core"].match(body, end + 1) if body[end:end + 1] in (" ", ",") else None
    joined = False
    while more and more.lastgroup in ("digits", "card"):
        parsed = _number(more.group())
        m = pats["duration"].match(body, more.end()) if parsed else None
        if not m:
            break
        unit = _duration_unit(m.group("dur"))
        total_days += parsed[0] * table.get(unit, table.get(unit + "s", 1))
        end, joined = m.end(), True
        more = pats["core"].match(body, end + 1) if body[end:end + 1] in (" ", ",") else None
    if joined:
        factor = table.get(raw.unit, table.get(raw.unit + "s", 1))
        raw.value = raw.low = raw.high = total_days / factor
        raw.end = end
    else:
        raw.end = end
    return raw


def _hedge(body: str, raw: Raw, pats: dict) -> None:
    last = body[max(0, raw.start - 16):raw.start].split()[-1:]
    if not last or last[0].lower().lstrip("\"“‘'([") not in _hedge_tails():
        return  # the word before is no hedge's last word: no regex needed
    m = pats["hedge"].search(body, max(0, raw.start - 40), raw.start)
    if not m:
        return
    bound, lo, hi = _hedges()[" ".join(m.group("hedge").lower().split())]
    if raw.bound == "range":
        return
    raw.start = m.start("hedge")
    raw.bound = bound
    v = raw.value
    base_low = raw.low
    base_high = raw.high
    if bound == "about":
        a, b = sorted((v * lo, v * hi))  # "about -20C" spans -22 to -18: sort the ends
        raw.low, raw.high = min(a, base_low), max(b, base_high)
    elif bound in ("at_least", "more_than"):
        raw.low, raw.high = base_low, INF
    else:
        raw.low, raw.high = 0.0 if v >= 0 else -INF, base_high


def _sports(body: str, start: int, pats: dict) -> bool:
    return bool(pats["sports"].search(body, max(0, start - 80), min(len(body), start + 80)))


_YEAR_SPAN = re.compile(r"(?:between\s+)?\d{4}(?:[-–]\d{2}|\s+and\s+\d{2})(?:\d{2})?", re.IGNORECASE)


def _year_before(body: str, end: int) -> bool:
    """Whether a four-digit number ending at `end` is a year: not before a plural ('1500 troops')."""
    nxt = body[end:end + 16].split()
    word = nxt[0].strip(",.;:)").lower() if nxt else ""
    stops = lexicon.load("context")["stop"]
    return not word or word in stops or not word.isalpha() or not word.endswith("s") or nxt[0][:1].isupper()


_AT_AGE_BEFORE = regex.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)At\s$")
_AT_AGE_AFTER = regex.compile(r",\s+(?:(?:\p{Lu}\p{Ll}+\s+){0,2}\p{Lu}\p{Ll}+|he|she)\s+\p{Ll}")


@functools.cache
def _person_is_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    ages = lexicon.load_strict("scan", SCHEMA)["ages"]
    persons, being = "|".join(ages["persons"]), "|".join(w.replace(" ", r"\s+") for w in ages["being"])
    after = "|".join(ages["after"])
    return (regex.compile(rf"\b(?:{persons})\s+(?:{being})\s+$", regex.IGNORECASE | regex.REVERSE),
            regex.compile(rf"(?:[.,;:!?)]|\s+(?:{after})\b)"))


def _person_is(body: str, raw: Raw) -> bool:
    """'She was 71.', 'he is 45, and': a person, a verb of being, and the number ending the clause."""
    before, after = _person_is_patterns()
    return body[raw.start - 1:raw.start].isspace() and bool(after.match(body, raw.end)) \
        and bool(before.search(body, max(0, raw.start - 20), raw.start))


def _at_age(body: str, raw: Raw) -> bool:
    return body[raw.start - 3:raw.start] == "At " and bool(_AT_AGE_BEFORE.search(body, max(0, raw.start - 8), raw.start)) \
        and bool(_AT_AGE_AFTER.match(body, raw.end))


def _year_or_age(body: str, raw: Raw, pats: dict) -> None:
    """A bare four-digit number is a year, and so is a span of them; 'Garcia, 39,' is an age."""
    text = body[raw.start:raw.end]
    span = _YEAR_SPAN.fullmatch(text) if raw.bound == "range" else None
    if (span or (raw.bound == "exact" and text.isdigit() and len(text) == 4)) and 1000 <= raw.value <= 2199:
        if _year_before(body, raw.end):
            raw.kind = "year"
            raw.low, raw.high = dates.interval(int(raw.low))[0], dates.interval(int(raw.high))[1]
            raw.value = (raw.low + raw.high) / 2 if span else raw.value
            raw.step = 0
        return
    if text.isdigit() and raw.value <= 120 and (_at_age(body, raw) or _person_is(body, raw)):
        # "At 36, Holmes knows ...": a sentence that opens on a bare number and then its person.
        raw.kind = "age"
        return
    if text.isdigit() and raw.value <= 120 and (body[raw.start - 2:raw.start] == ", " or "age" in body[raw.start - 8:raw.start]):
        left = pats["age_left"].search(body, max(0, raw.start - 40), raw.start)
        # "aged 70" is an age wherever the clause goes on; "Garcia, 39" only before ", who" or ")".
        if left and (left.group("aged") or pats["age_right"].match(body[raw.end:raw.end + 12])):
            raw.kind = "age"
