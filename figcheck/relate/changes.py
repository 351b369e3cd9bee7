"""Changes the text states: which figure is the old value, which the new, and which way it went.

Three shapes carry nearly every change in news copy, whatever the words between:
  "<dir> ... from OLD ... to NEW"          "cut its 2005 forecast for Germany from 1.8% to 1.6%"
  "<dir> ... to NEW ... from OLD"          "will increase to 600 dlrs a tonne from 570 dlrs"
  "NEW, <dir> from OLD"                    "a 36% share - down from 38%", "7.5%, unchanged from 7.5%"
and a fourth that reaches back one sentence:
  "OLD ... . This has since been <dir> to NEW", "awarded £60,000, later reduced to £50,000".
Figures of other kinds between (a year, a duration) do not break the shape; a figure of the
same kind and unit does, since it may be the real old or new value.

Readings that find the old value by what the words name it, not by "from":
  "followed last week's sixth-place opening with a slump to fifth place"   (an earlier period's)
  "originally due for release in 2005, has been delayed until 2006"        (a date first set, moved)
  "£5.05 an hour, up from £4.85" ... "A further increase ... to £5.35"     (goes on from the last change)
  "14.27m tonnes in 2004, 24% higher than in 2003" ... "In 2003, ... 11.49m tonnes"  (a year's sentence)
  "Borrowing figures for 2003/4 are £35bn." "Borrowing is tipped to fall to £31bn"  (the subject again)
  "a record Tokyo low of 143.75 yen." "The previous record low was 144.70 yen"     (records)
  "plans to reduce an estimated 171 bln dlr deficit next year to 134 bln"  (the verb's object)
  "had losses of 1.2 bln dlrs." "The figure for these firms was up from 2.1 bln"  (referring back)
  "has jumped to 2.4 mln bpd, compared with 474,000 bpd in 1973"          (a way with "compared")
Figures are read as sizes: two losses compare directly ("losses of 3.3 bln, up from 2.1 bln"),
a gap that narrows shrinks; a loss against a profit, or a figure that may have lost its minus,
is not read.
And the amount of a change said in the sentence before with the same verb ("increased its price
by 30 dlrs a tonne" ... "will increase to 600 dlrs a tonne from 570 dlrs a ton"). A rate quoted
per another currency goes against the currency the sentence is about ("the rupee climbed to
43.3 per US dollar, up from 43.4": fewer rupees a dollar).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Iterator

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import MAX_FIGURES, Change, shared_unit

SCHEMA = (
    ("difference", ("more", "less")),
    ("zones", ("offsets",)),
    ("poll", ("against", "joins")),
    ("stakes", ("owned", "holds", "stake")),
    ("term", ("instruments", "generic", "ends", "starts", "clause_words")),
    ("direction", ("up", "down", "same")),
    ("change", ("from_fillers", "to_fillers", "signed", "losses", "gains", "rank", "rank_sentence", "refer_back", "refer_within",
                "adverbs", "adverbs_on", "auxiliaries", "quoted_per", "currencies", "comparisons", "clause_words",
                "named_before", "further", "later", "earlier", "scheduled", "per_time", "states", "not_subjects",
                "record", "record_before", "record_sides", "determiners", "went", "hedges", "rank_moves")),
)
_KINDS = frozenset({"count", "money", "quantity", "percent", "percentage_points", "ordinal", "age", "duration"})
_AMOUNTS = frozenset({"count", "money", "quantity", "percent", "percentage_points"})
_APPOSITIVE = regex.compile(r",[^,;.\d]{1,60},\s")
_GAP = 90          # characters a change may spread between its two figures
_REACH = 90        # characters before "from" or "to" searched for the direction word


@functools.cache
def _cues() -> dict[str, regex.Pattern]:
    data = lexicon.load_strict("cues", SCHEMA)
    d, c = data["direction"], data["change"]

    def words(ws: list[str]) -> str:
        return alternation([w.lower() for w in ws])

    fill_from, fill_to = words(c["from_fillers"]), words(c["to_fillers"])
    return {
        # The last direction word of a stretch of text (searched backwards from its end).
        # Read backwards, so its words go in as a plain list, longest first (alternation's note).
        "dir": regex.compile(rf"\b(?P<w>{alternation([w.lower() for w in d['up'] + d['down'] + d['same']], backwards=True)})\b",
                             regex.I | regex.REVERSE),
        "from": regex.compile(rf"\bfrom\s+(?:(?:{fill_from})\s+){{0,4}}$", regex.I),
        "to": regex.compile(rf"\b(?:to|until)\s+(?:(?:{fill_to})\s+){{0,3}}$", regex.I),
        # "NEW, down from OLD": the direction word right before "from".
        "adverb_from": regex.compile(rf"\b(?P<w>{words(c['adverbs'])})\s+from\s+(?:(?:{fill_from})\s+){{0,4}}$", regex.I),
        "adverb_on": regex.compile(rf"[,;–—-]\s*(?:an?\s+)?(?P<w>{words(c['adverbs_on'])})\s+on\s+(?:(?:{fill_from})\s+){{0,4}}$",
                                   regex.I),
        "compared": regex.compile(rf"\b(?:{words(c['comparisons'])})\s+(?:(?:{fill_from})\s+){{0,4}}$", regex.I),
        # A percent said to be the change: "fell 40%", "rose by 12%", "up 5%" (the word right before it).
        "delta_before": regex.compile(rf"\b(?P<w>{words(d['up'] + d['down'])})\s+(?:by\s+)?"
                                      rf"(?:(?:{words(c['hedges'])})\s+)?$", regex.I),
        # "14.27 million tonnes in 2004, 24% higher than in 2003": a percent against another year's figure.
        "than_in": regex.compile(rf"\s+(?P<w>{words(data['difference']['more'] + data['difference']['less'])})\s+than\s+"
                                 r"(?:in|during|for)\s+$", regex.I),
        # "In 2003, crop production totalled 11.94 million tonnes": a year that scopes its sentence.
        "in_year": regex.compile(r"\s*(?:(?:but|and|by contrast|however),?\s+)?in\s+$", regex.I),
        # "Borrowing figures for 2003/4 are £35bn": a sentence's subject and the value it states.
        "subject": regex.compile(r"\s*(?:the\s+)?(?P<w>[^\W\d_]{4,})\b", regex.I),
        "states": regex.compile(rf"\b(?:{words(c['states'])})\s+(?:(?:{fill_from})\s+){{0,3}}$", regex.I),
        # "the previous record low was 144.70 yen", "a record Tokyo low of 143.75 yen": records.
        "record_old": regex.compile(rf"\b(?:{words(c['record_before'])})\s+(?:{words(c['record'])})\s+"
                                    rf"(?:(?P<side>{words(c['record_sides'])})\s+|\w+\s+)?(?:was\s+|of\s+|at\s+)?(?:about\s+)?$", regex.I),
        "record_new": regex.compile(rf"(?<!\b(?:{words(c['record_before'])})\s+)\b(?:{words(c['record'])})\s+"
                                    rf"(?:(?!(?:{words(c['record_sides'])})\b)\w+\s+)?(?:(?P<side>{words(c['record_sides'])})\s+)?"
                                    r"(?:\w+\s+){0,2}?(?:of\s+|at\s+)?(?:about\s+)?$", regex.I),
        # "reduce its workforce by 7,000 annually": a rate, not the whole of a change over years.
        "per_time": regex.compile(rf"\s*(?:{words(c['per_time'])})\b", regex.I),
        "by": regex.compile(rf"\bby\s+(?:(?:{words(c['hedges'])})\s+)?$", regex.I),
        "signed": regex.compile(rf"\b(?:{words(c['signed'])})\b[^.;,]{{0,25}}$", regex.I),
        "loss": regex.compile(rf"\b(?:{words(c['losses'])})\b[^.;,]{{0,25}}$", regex.I),
        "gain": regex.compile(rf"\b(?:{words(c['gains'])})\b", regex.I),
        "rank_before": regex.compile(rf"\b(?:{words(c['rank'])})\s*$", regex.I),
        "rank_after": regex.compile(rf"^[-\s]*(?:\w+\s+)?(?:{words(c['rank'])})\b", regex.I),
        "refer_back": regex.compile(rf"^\s*(?:(?:but|and|however|now|since then),?\s+)*(?:{words(c['refer_back'])})"
                                    rf"\s+(?:(?:{words(c['auxiliaries'])})\s+){{0,4}}$", regex.I),
        # "... losses of 1.2 bln." "The figure for these firms was up from 2.1 bln": the old value
        # of the figure the sentence before ended on.
        "refer_back_from": regex.compile(rf"^\s*(?:(?:but|and|however|now),?\s+)*(?:{words(c['refer_back'])})"
                                         rf"(?:\s+(?:for|of|in|at|among)\s+[^\d,;.]{{1,40}}?)?"
                                         rf"\s+(?:(?:{words(c['auxiliaries'])})\s+){{1,4}}(?P<w>{words(c['adverbs'])})\s+from\s+"
                                         rf"(?:(?:{fill_from})\s+){{0,4}}$", regex.I),
        # "reduce an estimated 171 bln dlr deficit to 134 bln", "cut its current 42.5 pct stake to
        # 19.9 pct": the old value as the verb's object, behind a determiner ("cut 2,000 jobs to
        # 10,000" has none: 2,000 is the amount).
        "object_old": regex.compile(rf"\b(?P<w>{words(d['up'] + d['down'])})\s+(?P<det>{words(c['determiners'])})\s+"
                                    rf"(?!(?:{words(c['further'])})\b)(?:[\p{{L}}-]+\s+){{0,2}}$", regex.I),
        # The same with the determiner read into the figure ("an estimated 171 bln").
        # Right behind its article: "a decline", not "the surplus rose".
        "named_change": regex.compile(r"\b(?:a|an|the|this|that)\s+$", regex.I),
        "went_up": regex.compile(rf"\b(?:{words(c['went'])})\s+$", regex.I),
        "object_bare": regex.compile(rf"\b(?P<w>{words(d['up'] + d['down'])})\s+$", regex.I),
        "determiner": regex.compile(rf"(?P<det>{words(c['determiners'])})\s", regex.I),
        "refer_within": regex.compile(rf",\s*(?:(?:{words(c['refer_within'])})\b[^,;.]{{0,25}})?$", regex.I),
        "rank_sentence": regex.compile(rf"\b(?:{words(c['rank_sentence'])})\b", regex.I),
        "rank_move": regex.compile(rf"\s+(?:{words(c['rank_moves'])})\b", regex.I),
        "quoted_per": regex.compile(rf"^\s*(?:\w+\s+)?(?:per|to the|against the|a)\s+(?P<us>u\.?s\.?\s+)?"
                                    rf"(?P<cur>{words(c['quoted_per'])})\b", regex.I),
        # The currency a sentence is about: "The rupee climbed to ...", "the Indian rupee fell".
        "currency": regex.compile(rf"\bthe\s+(?P<q>(?:[\w.]+\s+){{0,2}}?)(?P<cur>{words(c['currencies'])})\b", regex.I),
        "clause_end": regex.compile(rf"[;:(—–]|\s-\s|,\s|\b(?:{alternation(c['clause_words'], backwards=True)})\s",
                                    regex.I | regex.REVERSE),
        # Between the two figures of one change: no second clause, no second subject.
        # A period after a lone letter ends an abbreviation ("to the U.S. dollar"), not a sentence.
        "split": regex.compile(rf"(?<!\b\p{{L}})\.\s|;\s|,\s|\b(?:{words(c['clause_words'])})\b", regex.I),
        "separator": regex.compile(rf"[;\d]|\b(?:{words([*c['clause_words'], 'with'])})\b", regex.I),
        "clauses": regex.compile(rf"(?<!\b\p{{L}})\.\s|;\s|\b(?:{words(c['clause_words'])})\b", regex.I),
        # "last week's disappointing sixth-place opening": a figure named as an earlier period's.
        "named_before": regex.compile(rf"\b(?:{words(c['named_before'])})\s+(?:[\w-]+\s+){{0,2}}$", regex.I),
        # "A further increase in the adult rate to £4.35": a change that goes on from the last one.
        "further": regex.compile(rf"\b(?:{words(c['further'])})\s+(?P<w>{words(d['up'] + d['down'])})\b[^.;:\d]{{0,40}}?"
                                 rf"\bto\s+(?:(?:{fill_to})\s+){{0,3}}$", regex.I),
        # "has been delayed until 2004": a date moved later or earlier.
        "moved": regex.compile(rf"\b(?P<w>{words(c['later'] + c['earlier'])})\s+(?:(?:back|again|once more)\s+)?"
                               r"(?:until|till|to|into|for)\s+(?:(?:early|late|mid|the end of|the start of)[\s-]+)?$", regex.I),
        "scheduled": regex.compile(rf"\b(?:{words(c['scheduled'])})\b[^.;:\d]{{0,35}}$", regex.I),
        # "a one-in-five chance", "one in 10 adults": a figure inside a ratio is not a value that changes.
        "ratio_word": regex.compile(r"^-(?:in|to|for|of)-|^\s+(?:in|out of)\s+"
                                    r"(?:\d{1,3}\b|one|two|three|four|five|six|seven|eight|nine|ten)\b", regex.I),
    }


@functools.cache
def _signs() -> dict[str, int]:
    d = lexicon.load_strict("cues", SCHEMA)["direction"]
    return {**{w.lower(): 0 for w in d["same"]}, **{w.lower(): -1 for w in d["down"]}, **{w.lower(): 1 for w in d["up"]}}


def _sign_of(word: str) -> int:
    return _signs().get(word.lower(), 0)


def compatible(a: Figure, b: Figure, changed: bool = False) -> tuple[Figure, Figure] | None:
    """The two figures as one quantity (a bare number takes its neighbour's unit), or None.
    `changed`: the two ends of one change, which may also be open at one end ("at least £5.05
    an hour, up from £4.85": the range still says which way it went from a figure below its
    floor), and may write a rate's "an hour" once."""
    if a.kind not in _KINDS or b.kind not in _KINDS:
        return None
    if not (a.bounded and b.bounded) and not (changed and all(_one_end(f) for f in (a, b))):
        return None
    if "range" in (a.bound.value, b.bound.value):
        return None
    a, b = shared_unit(a, b)
    if changed and a.kind == b.kind == "money" and a.unit and b.unit and a.unit != b.unit:
        a, b = _rate_once(a, b)
    if changed and a.kind == b.kind and a.unit != b.unit:
        b = _measure(b, a) or b
    # "from six months to four": the bare count shares the duration's unit.
    if a.kind == "duration" and b.kind == "count" and b.unit is None and b.noun is None:
        b = dataclasses.replace(b, kind=a.kind, unit=a.unit)
    elif b.kind == "duration" and a.kind == "count" and a.unit is None and a.noun is None:
        a = dataclasses.replace(a, kind=b.kind, unit=b.unit)
    if a.kind == b.kind and a.unit == b.unit:
        return a, b
    if {a.kind, b.kind} == {"ordinal", "count"}:   # "from sixth to 12"
        return a, b
    return None


def _rate_once(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """"£5.05 an hour, up from £4.85": a currency alone takes the rate of the same currency beside it."""
    if b.unit.startswith(a.unit + " / "):
        return dataclasses.replace(a, unit=b.unit), b
    if a.unit.startswith(b.unit + " / "):
        return a, dataclasses.replace(b, unit=a.unit)
    return a, b


def _one_end(f: Figure) -> bool:
    return math.isfinite(f.value) and (math.isfinite(f.low) or math.isfinite(f.high))


def _direction_before(cues: dict[str, regex.Pattern], body: str, end: int, floor: int) -> str | None:
    """The nearest direction word in the clause that ends at `end`."""
    start = max(floor, end - _REACH)
    text = body[start:end]
    stop = cues["clause_end"].search(text)
    if stop:
        text = text[stop.end():]
    m = cues["dir"].search(text)
    return m.group("w") if m else None


def _is_rank(cues: dict[str, regex.Pattern], body: str, f: Figure) -> bool:
    return f.kind == "ordinal" or bool(cues["rank_before"].search(body[max(0, f.start - 12):f.start])) \
        or bool(cues["rank_after"].search(body[f.end:f.end + 20]))


def _signed(cues: dict[str, regex.Pattern], body: str, f: Figure, floor: int, key: str = "signed") -> bool:
    return bool(cues[key].search(body[max(floor, f.start - 30):f.start]))


def _unsigned_sizes(cues: dict[str, regex.Pattern], body: str, old: Figure, new: Figure, floor: int) -> bool:
    """Whether the sizes of the two figures say the direction: neither written without its sign,
    and no profit beside a loss. Every shape here reaches its figures through a few filler words
    ("to a", "from its"), so neither names a thing of its own: a loss word before either is said
    of both ("losses of 3.3 bln, up from 2.1 bln", "cut its deficit to 3 bln from 5 bln"), whose
    sizes then compare, but "fell to a loss of 5 mln from 3 mln profit" sets a loss against a gain."""
    if _signed(cues, body, old, floor) or _signed(cues, body, new, floor):
        return False
    if not (_signed(cues, body, new, floor, "loss") or _signed(cues, body, old, floor, "loss")):
        return True
    start, end = min(old.start, new.start), max(old.end, new.end)
    return not cues["gain"].search(body, max(floor, start - 30), end + 20)


def find(body: str, figures: list[Figure], members: dict[int, list[int]], sentence_starts: tuple[int, ...]) -> list[Change]:
    """Every change stated in the body, at most one per pair of figures."""
    cues = _cues()
    found: dict[tuple[int, int], Change] = {}
    for s, idx in members.items():
        if not 2 <= len(idx) <= MAX_FIGURES:
            continue
        floor = sentence_starts[s]
        # A plain test a sentence: a change says "from", or sets one figure against another.
        text = body[floor:figures[idx[-1]].start].lower()
        if "from" not in text and "compar" not in text and " vs" not in text and "against" not in text \
                and "versus" not in text and " on " not in text:
            continue
        figs = [figures[i] for i in idx]
        for change in _in_sentence(cues, body, figs, floor):
            found.setdefault((change.old.start, change.new.start), change)
    # The readings by other words than "from", in order: the first to link a pair keeps it.
    for reading in (_reaching_back, _referred_from, _object_old, _named_before, _moved, _subject_again, _records, _than_then):
        for change in reading(cues, body, figures, members, sentence_starts):
            found.setdefault((change.old.start, change.new.start), change)
    for change in list(_further(cues, body, figures, sentence_starts, list(found.values()))):
        found.setdefault((change.old.start, change.new.start), change)
    return [_with_moves(cues, body, _with_delta(cues, body, c, figures, members, sentence_starts), figures, members,
                        sentence_starts) for c in found.values()]


def _is_move(cues: dict[str, regex.Pattern], body: str, f: Figure) -> bool:
    """"15 places", "three spots": the steps a rank moves by, not a rank."""
    return f.kind == "count" and bool(cues["rank_move"].match(body, f.end, f.end + 12))


def _with_moves(cues: dict[str, regex.Pattern], body: str, c: Change, figures: list[Figure], members: dict[int, list[int]],
                sentence_starts: tuple[int, ...]) -> Change:
    """"slipped 15 places to number 16": the steps a rank moved, before its new place in the
    new place's clause, are the change's amount; a rise in rank is a fall in its number."""
    if not c.rank or not c.direction or c.delta is not None:
        return c
    s = c.new.sentence
    floor = c.old.end if c.old.sentence == s and c.old.start < c.new.start else sentence_starts[s]
    moves = [figures[i] for i in members.get(s, []) if floor <= figures[i].start < c.new.start
             and _is_move(cues, body, figures[i]) and figures[i].bounded]
    if len(moves) != 1 or cues["split"].search(body, moves[0].end, c.new.start):
        return c
    return dataclasses.replace(c, delta=moves[0], delta_sign=-c.direction)


def _with_delta(cues: dict[str, regex.Pattern], body: str, c: Change, figures: list[Figure], members: dict[int, list[int]],
                sentence_starts: tuple[int, ...]) -> Change:
    """The percent that states the change, when the sentence before says it alone, beside a
    direction word, of the same thing: "The number of films fell 40% in 2004." ... "27 films
    were made, compared with 54". In one sentence the frames pair a percent with its change."""
    s = c.new.sentence
    if c.old.sentence != s or s == 0 or c.delta is not None:
        return c
    by = _amount_before(cues, body, c, figures, members.get(s - 1, []), sentence_starts[s - 1])
    if by is not None:
        return by
    noun = (c.new.counted or c.old.counted or "").lower().split()[-1:]
    if noun and noun[0] not in body[sentence_starts[s - 1]:sentence_starts[s]].lower():
        return c
    # Without a noun to find again, the change must be named as one told already, the same way:
    # "has fallen by 9.8%." "Statistics showed a decline from 785 to 708" (not "Profits rose to 85
    # from 72" after "sales were up 70 pct": another quantity, told anew).
    if not noun and not (c.direction and _named_change(cues, body, c, sentence_starts[s])):
        return c
    before = members.get(s - 1, [])
    percents = [figures[i] for i in before if figures[i].kind == "percent" and figures[i].bounded]
    # The percent must stand alone: no other figure of a quantity in its sentence for it to be the change of.
    if len(percents) != 1 or any(figures[i].kind in ("count", "money", "quantity") for i in before):
        return c
    p = percents[0]
    m = cues["delta_before"].search(body[max(sentence_starts[s - 1], p.start - 30):p.start])
    if not m or (not noun and _sign_of(m.group("w")) != c.direction):
        return c
    return dataclasses.replace(c, delta=p, delta_sign=_sign_of(m.group("w")) or 1)


def _named_change(cues: dict[str, regex.Pattern], body: str, c: Change, floor: int) -> bool:
    """Whether the change's direction word is a noun behind an article: "showed a decline from"."""
    first = min(c.old.start, c.new.start)
    at = body.lower().rfind(c.cue, floor, first)
    return at >= 0 and bool(cues["named_change"].search(body[max(floor, at - 20):at]))


def _amount_before(cues: dict[str, regex.Pattern], body: str, c: Change, figures: list[Figure], before: list[int],
                   floor: int) -> Change | None:
    """"It increased its list price by 30 dlrs a tonne." then "The price will increase to 600 dlrs
    a tonne from 570 dlrs a ton": the amount of a change said the sentence before, "by" it beside
    a direction word the same way, the only figure there of the change's quantity."""
    same = [figures[i] for i in before if _measure(figures[i], c.new) is not None]
    if len(same) != 1 or not c.direction or not same[0].bounded:
        return None
    amount = same[0]
    if not cues["by"].search(body[max(floor, amount.start - 20):amount.start]) or cues["per_time"].match(body[amount.end:amount.end + 20]):
        return None
    # The same verb twice tells one event told twice ("increased ... by 30" ... "will increase to
    # 600 from 570"); another ("This reduced income by 1.5 mln" ... "income fell to 476 from
    # 489") may be one cause of the change among others.
    word = _direction_before(cues, body, amount.start, floor)
    if not word or _sign_of(word) != c.direction or word.lower()[:4] != c.cue[:4]:
        return None
    return dataclasses.replace(c, delta=_measure(amount, c.new), delta_sign=c.direction)


_TONS = regex.compile(r"\b(?:metric_ton|tonne|ton)\b")


def _measure(f: Figure, like: Figure) -> Figure | None:
    """`f` in `like`'s unit when it is one, None when not. A "ton" beside a "tonne" is read as
    either (a short ton is 0.907 tonne, a long ton 1.016), so the figure's range widens by a tenth."""
    if f.kind != like.kind or like.kind not in ("money", "quantity", "count"):
        return None
    if f.unit == like.unit:
        return f
    if f.unit and like.unit and _TONS.sub("t", f.unit) == _TONS.sub("t", like.unit):
        return dataclasses.replace(f, unit=like.unit, low=f.low * 0.9, high=f.high * 1.1)
    return None


def _in_sentence(cues: dict[str, regex.Pattern], body: str, figs: list[Figure], floor: int) -> Iterator[Change]:
    for i, x in enumerate(figs):
        before = body[max(floor, x.start - 60):x.start]
        low = before.lower()
        # Plain tests first: most figures have no "from" or "compared" before them, and a regex costs more.
        if any(w in low for w in ("compar", " vs", "against", "versus")):
            compared = _compared(cues, body, figs[:i], x, before, floor)
            if compared:
                yield compared
                continue
        if " on " in low:
            adverb = cues["adverb_on"].search(before)
            change = _adverb_change(cues, body, figs[:i], x, adverb.group("w"), floor) if adverb else None
            if change:
                yield change
                continue
        if "from" not in low:
            continue
        from_m = cues["from"].search(before)
        if not from_m:
            continue
        from_at = x.start - (len(before) - from_m.start())
        adverb = cues["adverb_from"].search(before)
        if adverb:
            # "NEW, down from OLD": the new figure is the last one of the same quantity before.
            change = _adverb_change(cues, body, figs[:i], x, adverb.group("w"), floor)
            if change:
                yield change
                continue
        # "<dir> ... from OLD ... to NEW"
        new = _next_compatible(figs[i + 1:], x)
        if new is not None and new.start - x.end <= _GAP and cues["to"].search(body[max(x.end, new.start - 30):new.start]) \
                and not cues["split"].search(body[x.end:new.start]):
            word = _direction_before(cues, body, from_at, floor)
            if word:
                yield from _make(cues, body, x, new, word, floor)
            continue
        yield from _to_then_from(cues, body, figs[:i], x, from_at, floor)


def _to_then_from(cues: dict[str, regex.Pattern], body: str, earlier: list[Figure], old: Figure, from_at: int,
                  floor: int) -> Iterator[Change]:
    """"<dir> ... to NEW ... from OLD"."""
    new = _previous_compatible(earlier, old)
    if new is None or old.start - new.end > _GAP:
        return
    # "to 11 cts per share, from 12.5 cts": a comma may set off the "from" that ends the change,
    # and brackets an aside ("fell to 537m euros ($701m; £371m) in 2004, from 798m euros").
    if cues["split"].search(_unbracketed(body[new.end:from_at]).rstrip().removesuffix(",")):
        return
    head = body[max(floor, new.start - 30):new.start]
    to_m = cues["to"].search(head)
    if to_m:
        word = _direction_before(cues, body, new.start - len(head) + to_m.start(), floor)
        if word:
            yield from _make(cues, body, old, new, word, floor)
    # "imports were up to 136,029 tonnes from 46,541": "up to" read into the figure as a bound
    # ("up to 100 people") is a rise after a verb of going ("went up to", "edged up to").
    elif new.text.lower().startswith("up to") and cues["went_up"].search(head):
        yield from _make(cues, body, old, new, "up", floor)


def _compared(cues: dict[str, regex.Pattern], body: str, earlier: list[Figure], old: Figure, before: str,
              floor: int) -> Change | None:
    """'27 films were made, compared with 54 in 2003': old and new, no direction said."""
    if not cues["compared"].search(before):
        return None
    new = _previous_compatible(earlier, old)
    if new is None or old.start - new.end > _GAP or cues["clauses"].search(_unbracketed(body[new.end:old.start])):
        return None
    pair = compatible(old, new, True)
    if pair is None:
        return None
    return _compared_way(cues, body, old, new, earlier, floor) or Change(pair[0], pair[1], None, "compared with")


_BRACKETS = regex.compile(r"\([^()]*\)")


def _unbracketed(text: str) -> str:
    """The text without what brackets hold: "$186m (£98m; 143m euros) in the quarter, compared
    with $1.13bn" sets the two dollar figures side by side; the conversions are an aside."""
    return _BRACKETS.sub(" ", text)


def _compared_way(cues: dict[str, regex.Pattern], body: str, old: Figure, new: Figure, earlier: list[Figure],
                  floor: int) -> Change | None:
    """"Consumption has jumped to 2.4 mln bpd, compared with 474,000 bpd in 1973": a direction
    word and "to NEW" before the comparison say which way it went. Not with an amount between
    ("rigs fell by 38 to 801, against 1,248 a year ago": the fall is the week's, the old figure
    the year's)."""
    head = body[max(floor, new.start - 30):new.start]
    to_m = cues["to"].search(head)
    if not to_m:
        return None
    to_at = new.start - len(head) + to_m.start()
    word = _direction_before(cues, body, to_at, floor)
    if not word or word.lower() in cues_adverbs():
        return None
    w_at = body.lower().rfind(word.lower(), floor, to_at)
    if any(w_at < f.start < to_at for f in earlier):
        return None
    return next(iter(_make(cues, body, old, new, word, floor)), None)


def _adverb_change(cues: dict[str, regex.Pattern], body: str, earlier: list[Figure], old: Figure, word: str,
                   floor: int) -> Change | None:
    new = _previous_compatible(earlier, old)
    if new is None or old.start - new.end > 70:
        return None
    # A year, a date or a period between is when the new figure was ("earned 3.28 bln dlrs in 1986,
    # up from 2.51 bln", "in the third quarter"); another amount between may be the real new figure.
    between = [f for f in earlier if f.start >= new.end]
    if any(f.kind in _AMOUNTS for f in between):
        return None
    gap = body[new.end:old.start]
    for f in between:
        gap = gap[:f.start - new.end] + " " * (f.end - f.start) + gap[f.end - new.end:]
    # "sales were 5 mln, while profits were down from 3 mln": another subject, another quantity;
    # but "a share of about 90% but this is down from 92%" refers back to it.
    seps = list(cues["separator"].finditer(gap))
    if seps and not (regex.search(r"^[^\d;]*$", gap) and cues["refer_back_from"].match(gap[seps[-1].start():])):
        return None
    return next(iter(_make(cues, body, old, new, word, floor)), None)


def _reaching_back(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
                   sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"OLD. This has since been cut to NEW", "OLD ..., later reduced to NEW": a clause that opens
    with a word referring back changes the last figure of its quantity, in the sentence before for
    a sentence opening with "This", in the same sentence for a clause after a comma."""
    for s, idx in members.items():
        if len(idx) > MAX_FIGURES or len(members.get(s - 1, ())) > MAX_FIGURES:
            continue
        floor = sentence_starts[s]
        text = body[floor:figures[idx[-1]].start]
        if "to " not in text and "until " not in text:  # a plain test a sentence before the patterns
            continue
        for i in idx:
            new = figures[i]
            before = body[max(floor, new.start - 40):new.start]
            if "to " not in before and "until " not in before:
                continue
            to_m = cues["to"].search(before)
            if not to_m or _FROM_AFTER.match(body, new.end, new.end + 60):
                continue
            to_at = new.start - (len(before) - to_m.start())
            head = body[max(floor, to_at - 60):to_at]
            verb = regex.search(r"(?:^|\s)(\w+)\s*$", head)
            if not verb or _sign_of(verb.group(1)) == 0 or verb.group(1).lower() in cues_adverbs():
                continue
            lead = head[:verb.start(1)]
            if cues["refer_within"].search(lead):
                earlier = [figures[j] for j in idx if figures[j].end <= to_at - len(head) + len(lead)]
            elif cues["refer_back"].search(body[floor:to_at - len(head) + len(lead)]):
                earlier = [figures[j] for j in members.get(s - 1, [])]
            else:
                continue
            old = _previous_compatible(earlier, new)
            if old is not None:
                yield from _make(cues, body, old, new, verb.group(1), sentence_starts[max(0, s - 1)])


def _object_old(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
                sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"plans to reduce an estimated 171 bln dlr deficit next year to 134 bln": a direction verb
    whose object, behind a determiner, holds the old value, and "to NEW" later in its clause."""
    adverbs = cues_adverbs()
    for s, idx in members.items():
        if not 2 <= len(idx) <= MAX_FIGURES:
            continue
        floor = sentence_starts[s]
        figs = [figures[i] for i in idx]
        for i, old in enumerate(figs[:-1]):
            m = cues["object_old"].search(body[max(floor, old.start - 50):old.start])
            det = m.group("det") if m else None
            if not m and (inner := cues["determiner"].match(old.text)):
                m, det = cues["object_bare"].search(body[max(floor, old.start - 20):old.start]), inner.group("det")
            if not m or m.group("w").lower() in adverbs:
                continue
            # "cut an estimated 2,000 jobs to 10,000": after "a", a count is the amount cut.
            if det.lower() in ("a", "an") and old.kind == "count":
                continue
            new = _next_compatible(figs[i + 1:], old)
            if new is None or new.start - old.end > _GAP or cues["split"].search(body[old.end:new.start]):
                continue
            if cues["to"].search(body[max(old.end, new.start - 30):new.start]) and not _FROM_AFTER.match(body, new.end, new.end + 60):
                yield from _make(cues, body, old, new, m.group("w"), floor)


def _referred_from(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
                   sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"... had losses of 1.2 bln dlrs." then "The figure for these firms was up from 2.1 bln": a
    sentence opening with a word referring back and a direction from OLD is about the last figure
    of OLD's quantity in the sentence before, the new value."""
    for s, idx in members.items():
        before = members.get(s - 1, ())
        if not before or len(before) > MAX_FIGURES:
            continue
        old = figures[idx[0]]
        m = cues["refer_back_from"].match(body[sentence_starts[s]:old.start])
        if not m:
            continue
        new = _previous_compatible([figures[j] for j in before], old)
        if new is not None:
            yield from _make(cues, body, old, new, m.group("w"), sentence_starts[s - 1])


_FROM_AFTER = regex.compile(r"[^,;.]{0,40}?\bfrom\b", regex.I)


@functools.cache
def cues_adverbs() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load_strict("cues", SCHEMA)["change"]["adverbs"])


def _next_compatible(figs: list[Figure], x: Figure) -> Figure | None:
    for f in figs:
        if compatible(x, f, True):
            return f
    return None


def _previous_compatible(figs: list[Figure], x: Figure) -> Figure | None:
    for f in reversed(figs):
        if compatible(x, f, True):
            return f
    return None


def _make(cues: dict[str, regex.Pattern], body: str, old: Figure, new: Figure, word: str, floor: int) -> Iterator[Change]:
    pair = compatible(old, new, True)
    if pair is None:
        return
    old, new = pair
    if not _unsigned_sizes(cues, body, old, new, floor):
        return
    # "from 591 mcf to 536 mln cubic feet": a scale lost in one of them, not a change of 900,000 times.
    small, large = sorted((abs(old.value), abs(new.value)))
    if small == 0 or large / small > 20:
        return
    if any(cues["ratio_word"].search(body[f.end:f.end + 8]) or regex.search(r"-(?:in|to|for|of)-$", body[max(0, f.start - 8):f.start])
           for f in (old, new)):
        return
    per = _quoted_per(cues, body, old, new, floor)
    if per is False:
        return
    sentence = body[floor:max(old.end, new.end) + 40]
    rank = _is_rank(cues, body, old) or _is_rank(cues, body, new) or bool(cues["rank_sentence"].search(sentence))
    yield Change(old, new, _sign_of(word), word.lower(), rank, per=per or None)


_US = regex.compile(r"^(?:u\.?s\.?|american|us)?$", regex.I)


def _currency(word: str, qualifier: str = "") -> str:
    """A currency's name; another country's dollar is named with its country ("the Taiwan dollar
    rose to 32 to the U.S. dollar" is a dollar quoted per another)."""
    word = word.lower()
    word = "pound" if word == "sterling" else word.removesuffix("s")
    qualifier = " ".join(qualifier.lower().split())
    return f"{qualifier} {word}" if word == "dollar" and not _US.match(qualifier) else word


def _quoted_per(cues: dict[str, regex.Pattern], body: str, old: Figure, new: Figure, floor: int) -> str | bool:
    """A price quoted per unit of a currency: "" when it is not, or when the sentence is about
    that currency ("the euro rose to $1.35 per euro"); the currency when the sentence is about
    another ("the rupee climbed to 43.5 per US dollar": a weaker rupee); False when the sentence
    names no currency to read the direction of, or the unit is a commodity's ("per ounce")."""
    quoted = [m for m in (cues["quoted_per"].search(body[f.end:f.end + 30]) for f in (old, new)) if m]
    if not quoted:
        return ""
    pers = {_currency(m.group("cur")) for m in quoted}
    subjects = [_currency(m.group("cur"), m.group("q")) for m in cues["currency"].finditer(body, floor, min(old.start, new.start))]
    if len(pers) != 1 or not subjects or pers - set(_currencies()):
        return False
    (per,) = pers
    return "" if subjects[-1] == per else per


@functools.cache
def _currencies() -> frozenset[str]:
    return frozenset(_currency(w) for w in lexicon.load_strict("cues", SCHEMA)["change"]["currencies"])


def _named_before(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
                  sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"followed last week's sixth-place opening with a slump to fifth place": a figure named as an
    earlier period's is the old value of a direction word and "to NEW" later in its clause."""
    for s, idx in members.items():
        if not 2 <= len(idx) <= MAX_FIGURES:
            continue
        floor = sentence_starts[s]
        figs = [figures[i] for i in idx]
        for i, old in enumerate(figs[:-1]):
            if not cues["named_before"].search(body[max(floor, old.start - 40):old.start]):
                continue
            new = _next_compatible([f for f in figs[i + 1:] if not _is_move(cues, body, f)], old)
            # "Last week's number one, a ballad by a Leeds band, slipped to 16": the old figure is
            # the subject, and an appositive after it opens no clause of its own.
            after = old.end + (a.end() if (a := _APPOSITIVE.match(body, old.end)) and old.start - floor < 40 else 0)
            if new is None or new.start - old.end > _GAP or cues["split"].search(body[after:new.start]):
                continue
            head = body[max(old.end, new.start - 30):new.start]
            to_m = cues["to"].search(head)
            if not to_m or _FROM_AFTER.match(body, new.end, new.end + 60):
                continue
            word = _direction_before(cues, body, new.start - len(head) + to_m.start(), old.end)
            if word:
                yield from _make(cues, body, old, new, word, floor)


def _further(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], sentence_starts: tuple[int, ...],
             found: list[Change]) -> Iterator[Change]:
    """"Adults must be paid £5.05, up from £4.85 ... A further increase in the adult rate to £4.35":
    a further change starts where the last change of its quantity, the same way, ended."""
    if not found:
        return
    for new in figures:
        floor = sentence_starts[new.sentence]
        start = max(floor, new.start - 80)
        m = cues["further"].search(body[start:new.start])
        if not m or _FROM_AFTER.match(body, new.end, new.end + 60):
            continue
        word = m.group("w")
        before = [c for c in found if c.new.end <= start + m.start() and c.direction == _sign_of(word) and compatible(c.new, new, True)]
        if before:
            last = max(before, key=lambda c: c.new.start)
            yield from _make(cues, body, last.new, new, word, floor)


_DATES = ("year", "date")


def _moved(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
           sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"originally due for release in 2005, has been delayed until 2006": a date moved later
    ("delayed", "postponed") or earlier ("brought forward") from the one first set."""
    later = _later()
    for s, idx in members.items():
        if not 2 <= len(idx) <= MAX_FIGURES:
            continue
        floor = sentence_starts[s]
        figs = [figures[i] for i in idx if figures[i].kind in _DATES and figures[i].bounded]
        for i, new in enumerate(figs):
            m = cues["moved"].search(body[max(floor, new.start - 45):new.start])
            olds = [f for f in figs[:i] if cues["scheduled"].search(body[max(floor, f.start - 45):f.start])]
            if not m or not olds or new.start - olds[-1].end > 2 * _GAP:
                continue
            word = m.group("w").lower()
            yield Change(olds[-1], new, 1 if word in later else -1, word)


@functools.cache
def _later() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load_strict("cues", SCHEMA)["change"]["later"])


def _than_then(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
               sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"14.27 million tonnes of crops in 2004, 24% higher than in 2003" ... "In 2003, crop production
    totalled 11.94 million tonnes": the old figure is the one of the same quantity in the sentence
    that a lone "In 2003," opens, wherever it stands."""
    years = _opening_years(cues, body, figures, members, sentence_starts)
    if not years:
        return
    for s, idx in members.items():
        figs = [figures[i] for i in idx]
        for i, p in enumerate(figs[1:-1], 1):
            m = cues["than_in"].match(body, p.end, figs[i + 1].start) if p.kind == "percent" and p.bounded else None
            if not m or m.end() != figs[i + 1].start or figs[i + 1].kind != "year":
                continue
            new = next((f for f in reversed(figs[:i]) if f.kind in ("money", "quantity", "count")), None)
            opened = years.get(figs[i + 1].value)
            if new is None or opened is None or opened == s or p.start - new.end > 60:
                continue
            olds = [f for f in (figures[j] for j in members[opened]) if compatible(f, new, True)]
            if len(olds) == 1 and new.bounded and olds[0].bounded:
                sign = 1 if m.group("w").lower() in _more() else -1
                yield Change(olds[0], new, sign, m.group("w").lower(), delta=p, delta_sign=sign)


def _opening_years(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
                   sentence_starts: tuple[int, ...]) -> dict[float, int]:
    """Each year that opens one sentence alone ("In 2003, ..."), with its sentence; a year that
    opens two is left out, since either may be the one meant."""
    seen: dict[float, list[int]] = {}
    for s, idx in members.items():
        first = figures[idx[0]]
        if first.kind == "year" and body[first.end:first.end + 1] == "," \
                and cues["in_year"].fullmatch(body, sentence_starts[s], first.start):
            seen.setdefault(first.value, []).append(s)
    return {year: ss[0] for year, ss in seen.items() if len(ss) == 1}


@functools.cache
def _more() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load_strict("cues", SCHEMA)["difference"]["more"])


def _subject_again(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
                   sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"Borrowing figures for 2003/4 are £35bn." then "Borrowing is tipped to fall to £31bn by
    2005/06": a sentence that opens with the subject of the one before and says where it goes
    ("to NEW", no "from") changes the value that sentence stated of it."""
    not_subjects = _not_subjects()
    for s, idx in members.items():
        if s == 0 or not members.get(s - 1) or len(idx) > MAX_FIGURES:
            continue
        floor, prev = sentence_starts[s], sentence_starts[s - 1]
        subj = cues["subject"].match(body, floor)
        subj_prev = cues["subject"].match(body, prev)
        if not subj or not subj_prev or subj.group("w").lower() != subj_prev.group("w").lower() \
                or subj.group("w").lower() in not_subjects:
            continue
        new = figures[idx[0]]
        to_m = cues["to"].search(body[max(floor, new.start - 30):new.start])
        if not to_m or _FROM_AFTER.match(body, new.end, new.end + 60):
            continue
        to_at = new.start - (min(30, new.start - floor) - to_m.start())
        word = _direction_before(cues, body, to_at, subj.end())
        stated = [figures[j] for j in members[s - 1] if cues["states"].search(body[max(prev, figures[j].start - 40):figures[j].start])]
        old = next((f for f in stated if compatible(f, new, True)), None)
        if word and old is not None and not any(compatible(figures[j], new, True) for j in members[s - 1] if figures[j].end <= old.start):
            yield from _make(cues, body, old, new, word, floor)


@functools.cache
def _not_subjects() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load_strict("cues", SCHEMA)["change"]["not_subjects"])


def _records(cues: dict[str, regex.Pattern], body: str, figures: list[Figure], members: dict[int, list[int]],
             sentence_starts: tuple[int, ...]) -> Iterator[Change]:
    """"a record Tokyo low of 143.75 yen ... The previous record low was 144.70 yen": a new record
    low lies below the previous one, a record (high) above it, in the same sentence or the next."""
    for s, idx in members.items():
        for i in idx:
            old = figures[i]
            m = cues["record_old"].search(body[max(sentence_starts[s], old.start - 50):old.start])
            if not m:
                continue
            near = [figures[j] for t in (s - 1, s, s + 1) for j in members.get(t, ()) if j != i]
            news = [(f, n) for f in near if (n := cues["record_new"].search(body[max(0, f.start - 40):f.start]))
                    and compatible(old, f, True)]
            low = _is_low(m)
            if len(news) != 1 or _is_low(news[0][1]) != low:
                continue
            new = news[0][0]
            pair = compatible(old, new, True)
            per = _quoted_per(cues, body, *pair, sentence_starts[min(old.sentence, new.sentence)])
            if per is not False:
                yield Change(pair[0], pair[1], -1 if low else 1, "record low" if low else "record", per=per or None)


def _is_low(m: regex.Match) -> bool:
    """A record low, not high: a record said without a side is a high ("a record 53 billion")."""
    return "low" in (m.group("side") or "").lower()
