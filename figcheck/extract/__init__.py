"""Text -> figures: runs the scan, then reads each figure's context from its sentence."""

from __future__ import annotations

import dataclasses

import regex

from figcheck import lexicon
from figcheck.extract import context
from figcheck.extract.numerals import magnitude_step
from figcheck.extract.scan import Raw, scan
from figcheck.extract.text import Layout, layout
from figcheck.model import Bound, Figure

__all__ = ["extract_figures", "extract_with_layout", "with_verb"]

_MODEL_NUMBER = regex.compile(r"\d{4,}")
_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3})+(?:-|$)")
# A size hyphened to its noun names what it counts, so a name after it is no part of it:
# "the 14-nation Andean bloc" (but "50 Cent", "10 Downing Street" stay names).
_COMPOUND = regex.compile(r"\d-\p{L}")
# A capitalised word that is not a plural, not followed by a lower-case plural: "50 Cent has",
# "Six Nations teams" (a name), but not "267 Russian drones" or "40 Britons".
_CAPITAL_AFTER = regex.compile(r" \p{Lu}\p{Ll}")
_NAME_AFTER = regex.compile(r" (?!(?:" + "|".join(m.capitalize() for m in lexicon.load("context")["months"][:12])
                            + r")\b)\p{Lu}\p{Ll}+(?<!s)\b(?! [\p{Ll}-]+s\b)(?!-)")


def extract_figures(text: str, published: str | None = None) -> list[Figure]:
    """Every figure in `text`, in order of appearance."""
    return extract_with_layout(text)[0]


_BOUNDS = {b.value: b for b in Bound}  # by value: a dict look-up, not Enum's slower constructor

# The kinds whose time scope ("overnight", "this week") the rules compare; `check` reads the
# scope of no other figure until a finding shows it.
SCOPED = frozenset({"count", "money"})


def extract_with_layout(text: str, verbs: bool = True) -> tuple[list[Figure], Layout]:
    """The figures and the sentence layout they were placed in (the rules need both).

    No rule reads a figure's verb, nor the time scope of a figure outside SCOPED, so `check`
    skips them (verbs=False) and fills them in only for the figures its findings show (`with_verb`).
    """
    lay = layout(text)
    raws = scan(text)
    figures = []
    phrases: dict[int, list[tuple[int, int, str]]] = {}
    percent_sentences = {lay.sentence_at(r.start) for r in raws if r.kind in ("percent", "percentage_points")}
    for raw in raws:
        s = lay.sentence_at(raw.start)
        fig = _figure(text, raw, lay, s, s in percent_sentences, verbs, phrases)
        if fig.kind == "count" and fig.counted is None and _MODEL_NUMBER.fullmatch(fig.text):
            continue  # "the 3230 and 7710": uncounted long bare numbers name models, not amounts
        # A number grouped in thousands names nothing: "9,000 Model Ys" is a count ("10,000m
        # Olympic champion" is no count of millions: the rule stays for it).
        if fig.kind == "count" and fig.bound.value == "exact" and (
                (fig.text[0].isdigit() and not _GROUPED.match(fig.text) and not _COMPOUND.search(fig.text)
                 and _NAME_AFTER.match(text, fig.end))
                or (fig.text[0].isupper() and fig.start != lay.sentence_starts[s] and _CAPITAL_AFTER.match(text, fig.end))):
            continue  # "50 Cent", "10 Downing Street", "the Six Nations": part of a name
        figures.append(fig)
    return figures, lay


def with_verb(body: str, fig: Figure, lay: Layout) -> Figure:
    """The figure with its verb and time scope read, for one extracted without (verbs=False)."""
    s = fig.sentence
    start, end = lay.sentence_starts[s], lay.sentence_ends[s]
    verb = fig.verb or context.verb(body, fig.start, fig.end, start, end, fig.counted)
    when = fig.when if fig.kind in SCOPED else context.when(context.time_phrases(body, start, end), fig.start, fig.end)
    return fig if (verb, when) == (fig.verb, fig.when) else dataclasses.replace(fig, verb=verb, when=when)


def _figure(body: str, raw: Raw, lay: Layout, s: int, percent_sentence: bool, verbs: bool,
            phrases: dict[int, list[tuple[int, int, str]]]) -> Figure:
    """One figure read in its sentence; `phrases` keeps each sentence's time phrases, found once."""
    sent_start, sent_end = lay.sentence_starts[s], lay.sentence_ends[s]
    kind, unit = raw.kind, raw.unit
    if unit == "point":
        # "4 points" is percentage points in a sentence about percentages, else points scored.
        kind, unit = ("percentage_points", None) if percent_sentence else ("count", None)
    counted = raw.counted
    if counted is None and kind in ("count", "money", "quantity", "percent", "fraction", "ordinal"):
        counted = context.counted(body, raw.end, sent_end)
    if counted is None and unit is None and kind == "count" and raw.unit == "point":
        counted = "points"
    when = None
    if verbs or kind in SCOPED:
        if s not in phrases:
            phrases[s] = context.time_phrases(body, sent_start, sent_end)
        when = context.when(phrases[s], raw.start, raw.end)
    return Figure(
        text=body[raw.start:raw.end],
        start=raw.start,
        end=raw.end,
        value=raw.value,
        low=raw.low,
        high=raw.high,
        bound=_BOUNDS[raw.bound],
        kind=kind,
        unit=unit,
        counted=counted,
        verb=context.verb(body, raw.start, raw.end, sent_start, sent_end, counted) if verbs else None,
        when=when,
        sentence=s,
        paragraph=lay.paragraph_of_sentence[s],
        noun=context.lemma(counted),
        # How round the figure is: "300 metres" may stand for anything from 250 to 350.
        step=magnitude_step(raw.value) if raw.step == 1.0 and raw.value == int(raw.value) else raw.step,
    )
