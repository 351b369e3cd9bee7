"""Named lists right after a counted noun: the count, the list's span, and its items.

    the nine other cities (Helsinki, Oslo, ... and Sydney)      bracket: the list ends at ")"
    three countries: France, Germany and Italy.                 colon: at the sentence's end or ";"
    two venues - Hylands Park and Weston Park - were chosen     dash: at the next dash

Only lists that name every item are read: no "including" before them, no "and others" after,
every item a name (a capital letter early in it), and no figure in it ("five Republicans,
five Democrats" is a breakdown, not a list). The words come from lexicon/lists.toml.

A list of years alone names one time each: "four successive runs for governor — 2010, 2014,
2018" after a dash, colon or bracket names every item, so exactly as many; "won the race three
times, in 1987, 1994 and 2001" after a comma says when they fell, and two may fall in one year,
so at least as many items as years.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from figcheck import lexicon
from figcheck.errors import FigcheckError
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate import Doc

_KEYS = {"open_leads": list, "open_tails": list, "joiners": list, "plurals": list, "max_count": int,
         "max_item_words": int, "name_particles": list, "phrase_preps": list}


@functools.cache
def words() -> dict[str, Any]:
    """lexicon/lists.toml, checked: every key known and of its type, none missing."""
    data = lexicon.load("lists")
    for key, kind in _KEYS.items():
        if not isinstance(data.get(key), kind) or isinstance(data.get(key), bool):
            raise FigcheckError(f"lists.toml: {key}: required, a {kind.__name__}")
    if set(data) - set(_KEYS):
        raise FigcheckError(f"lists.toml: unknown key {sorted(set(data) - set(_KEYS))[0]!r}")
    return data


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    w = words()
    # A name, word by word: "Peter Martin", "the Netherlands", "Ludwig van Beethoven", "BBC1".
    name = rf"(?:the\s+)?\p{{Lu}}[\p{{L}}\d.'’-]*(?:\s+(?:\p{{Lu}}[\p{{L}}\d.'’-]*|(?:{alternation(w['name_particles'])})\b))*"
    return {
        # Up to three lower-case words (the last one plural), then where the list opens.
        # Or the noun, a phrase of place or purpose, and "are": "The four shortlisted candidates
        # for the women's award are Mia Hamm, Birgit Prinz and Marta."
        "noun": regex.compile(r"(?P<noun>(?:\s+[\p{Ll}][\p{Ll}'-]*){1,3}?)(?P<open>\s*\(\s*|:\s+|\s+[-–—]\s+|\s*—\s*|,\s+"
                              r"|(?:\s+(?:for|of|in|at|on)\s+(?:the\s+)?[\p{L}'’-]+(?:\s+[\p{Ll}'’-]+){0,2})?\s+(?:are|were)\s+)"),
        # After a comma only names joined by commas and a last "and" or "or", closed by a
        # comma, a stop or the sentence's end: "the two men, Smith and Jones, were held".
        "names": regex.compile(rf"{name}(?:,\s+{name})*,?\s+(?:and|or)\s+{name}(?=\s*[,.;)]|\s*$)"),
        "lead": regex.compile(rf"^(?:{alternation(w['open_leads'])})\b", regex.I),
        "tail": regex.compile(rf"(?:{alternation(w['open_tails'])})\W*$", regex.I),
        "joiner": regex.compile(rf"\s+(?:{alternation(w['joiners'])})\s+", regex.I),
        "dash": regex.compile(r"\s[-–—]\s|—"),
        "end": regex.compile(r"\s[-–—]\s|—|;"),
        # A name within its item's first four words: "market leader Mengniu Dairy", "the U.K.",
        # but not "were extended to all police forces in England".
        "name": regex.compile(r"^(?:[\p{Ll}'-]+\s+){0,3}(?:\p{Lu}|['‘\"“]\S)"),
        # A counted noun, a short phrase after it ("runs for governor"), and where a list of years
        # opens: a dash, colon or bracket (every item), or a comma and "in" (when they fell).
        "years_noun": regex.compile(rf"(?P<noun>(?:\s+[\p{{Ll}}][\p{{Ll}}'-]*){{1,3}}?)"
                                    rf"(?:\s+(?:{alternation(w['phrase_preps'])})\s+(?:the\s+)?[\p{{L}}'’-]+)?"
                                    r"(?:(?P<every>\s*\(\s*|:\s+|\s+[-–—]\s+|\s*—\s*)|,\s+in\s+)(?=\d{4}\b)"),
        "years": regex.compile(r"\d{4}(?:\s*,\s*(?:and\s+)?\d{4}|\s+and\s+\d{4})+(?=\s*(?:[.;,)]|\s[-–—]\s|—|$))"),
    }


_PLAIN = regex.compile(r"\d+|[\p{L}-]+")  # a bare count: "nine", "12"; not "about 12", "12%"
_COMMA = regex.compile(r",\s*")


@dataclass(frozen=True)
class Listing:
    count: Figure              # "nine"
    noun: str                  # "other cities"
    start: int                 # the list's span in the body
    end: int
    readings: tuple[int, ...]  # item counts the list allows ("Procter and Gamble, Unilever and Nestle": 3 or 4)
    items: tuple[str, ...]     # the items of the first reading
    figures: tuple[Figure, ...] = ()  # the items when they are figures: a list of years


def listings(doc: Doc) -> list[Listing]:
    """Every named list after a counted figure in the article; read once."""
    if "listings" not in doc.cache:
        doc.cache["listings"] = [x for f in doc.figures if (x := _listing(doc, f) or _years(doc, f)) is not None]
    return doc.cache["listings"]


def _plural(noun: str) -> bool:
    last = noun.split()[-1].lower()
    return last in words()["plurals"] or (last.endswith("s") and not last.endswith("ss"))


def _listing(doc: Doc, f: Figure) -> Listing | None:
    if f.kind != "count" or f.bound.value != "exact" or f.value != int(f.value) \
            or not 2 <= f.value <= words()["max_count"] or not _PLAIN.fullmatch(f.text):
        return None
    # NOTE: three words and an opener fit in 80 characters; most figures have none near: a plain
    # string test spares them the pattern.
    near = doc.body[f.end:f.end + 80]
    if not any(c in near for c in "(:-–—,") and " are " not in near and " were " not in near:
        return None
    p = _patterns()
    m = p["noun"].match(doc.body, f.end)
    if m is None or not _plural(m.group("noun")):
        return None
    opener = m.group("open").strip()
    if opener.endswith((" are", " were")) or opener in ("are", "were"):
        opener = ":"  # the list runs, as after a colon, to the sentence's end
    if opener in "-–—" and _closes_aside(doc, f.start, opener):
        return None  # "The powers - piloted in six areas - were extended": the dash closes an aside
    span = _span(doc, m.end(), opener)
    if span is None:
        return None
    start, end = span
    if any(start <= g.start < end for g in doc.figures):
        return None  # "five Labour, four Tory and three Green": a breakdown, not a list of names
    text = doc.body[start:end].strip()
    if p["lead"].match(text) or p["tail"].search(text):
        return None  # "including ...", "... and others": names only some of them
    readings = _items(text)
    if readings is None:
        return None
    return Listing(f, m.group("noun").strip(), start, end, tuple(sorted({len(r) for r in readings})), readings[0])


def _years(doc: Doc, f: Figure) -> Listing | None:
    """'four successive runs for governor — 2010, 2014, 2018': a count and the years its items fell in."""
    if f.kind != "count" or f.bound.value != "exact" or f.value != int(f.value) \
            or not 2 <= f.value <= words()["max_count"] or not _PLAIN.fullmatch(f.text):
        return None
    p = _patterns()
    m = p["years_noun"].match(doc.body, f.end)
    if m is None or not _plural(m.group("noun")):
        return None
    s = doc.layout.sentence_at(f.start)
    listed = p["years"].match(doc.body, m.end(), doc.layout.sentence_ends[s])
    if listed is None:
        return None
    years = [g for g in doc.figures if listed.start() <= g.start < listed.end()]
    if any(g.kind != "year" for g in years) or len({g.value for g in years}) != len(years):
        return None
    n = len(years)
    # After a comma, "in" says when: two items may share a year, never one be in no year listed.
    readings = (n,) if m.group("every") else tuple(range(n, words()["max_count"] + 1))
    return Listing(f, m.group("noun").strip(), listed.start(), listed.end(), readings, tuple(g.text for g in years),
                   tuple(years))


def _closes_aside(doc: Doc, at: int, dash: str) -> bool:
    """Whether an odd number of dashes stand before `at` in its sentence: then the next one closes."""
    start = doc.layout.sentence_starts[doc.layout.sentence_at(at)]
    return len(_patterns()["dash"].findall(doc.body, start, at)) % 2 == 1


def _span(doc: Doc, start: int, opener: str) -> tuple[int, int] | None:
    """Where the list ends: its closing bracket, the next dash or ';', or the sentence's end."""
    s = doc.layout.sentence_at(start)
    sentence_end = doc.layout.sentence_ends[s]
    if opener == "(":
        close = doc.body.find(")", start, sentence_end + 1)
        inner = doc.body.find("(", start, close)
        return None if close < 0 or inner >= 0 else (start, close)
    if opener == ",":
        names = _patterns()["names"].match(doc.body, start, sentence_end)
        if names is None:
            return None
        end = names.end()
    else:
        dash = _patterns()["end"].search(doc.body, start, sentence_end)
        end = dash.start() if dash else sentence_end
    # NOTE: the sentence's own stop is not part of the last item.
    while end > start and doc.body[end - 1] in ".!?\"”’' ":
        end -= 1
    return (start, end) if end > start else None


def _items(text: str) -> list[tuple[str, ...]] | None:
    """The list's readings, each a tuple of items: the last comma item split at its last joiner,
    and every joiner split; None when an item is no name."""
    p = _patterns()
    commas = [c.strip() for c in _COMMA.split(text)]
    if commas and p["joiner"].match(" " + commas[-1]):  # "A, B, and C": the serial comma
        commas[-1] = p["joiner"].sub("", " " + commas[-1], count=1).strip()
    last = p["joiner"].split(commas[-1])
    one = [*commas[:-1], *([" and ".join(last[:-1]), last[-1]] if len(last) > 1 else last)]
    every = [piece for c in commas for piece in p["joiner"].split(c)]
    readings = [tuple(one), tuple(every)]
    for reading in readings:
        if len(reading) < 2 or any(not _is_name(item) for item in reading):
            return None
    return readings


def _is_name(item: str) -> bool:
    """A named item: a capital letter or a quotation mark early in it, not a clause."""
    return bool(_patterns()["name"].search(item)) and len(item.split()) <= words()["max_item_words"]
