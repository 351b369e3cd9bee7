"""A total stated in one sentence and broken down in the sentences after it, one part a
sentence, as statistics releases write it:

    Unemployment rose in the month to a total 693,000 from 690,600 ...
    The figure for male jobless rose by 2,000 in the month to 436,500 ...
    The figure for women was 256,500 at end-March against 256,100 a month earlier ...

The words say the first figure is a total ("a total", "Total exports ... were"); each sentence
after it gives one figure of the same thing for the same time: the figure it moves to, when the
sentence states a change, or else its first figure of the total's kind and unit. Parts that name
every member of a group split along one line, one each ("male" ... "women"), are the whole
breakdown; other parts are only some of the total ("The U.S. was the largest supplier with ...").
The words come from lexicon/breakdowns.toml.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import Any

import regex

from figcheck import lexicon
from figcheck.extract.patterns import alternation
from figcheck.model import Figure
from figcheck.relate.candidates import MAX_FIGURES, Breakdown, Change, shared_unit

SCHEMA = (("breakdown", ("total_before", "total_after", "total_lead", "max_lead", "max_parts", "dimensions", "ends", "change_before",
                             "components", "comprises", "includes", "relative", "subjects",
                             "max_subject", "period_words", "year_earlier", "month_earlier", "rises", "falls",
                             "month_span", "year_span", "compared")),)
_KINDS = frozenset({"count", "money", "quantity"})


@functools.cache
def _words() -> dict[str, Any]:
    data = lexicon.load_strict("breakdowns", SCHEMA)["breakdown"]

    def alt(words: list[str]) -> str:
        return alternation(words)

    return {
        "before": regex.compile(rf"\b(?:{alt(data['total_before'])})\s+$", regex.I),
        "after": regex.compile(rf"\s*(?:\p{{L}}+\s+)?(?:{alt(data['total_after'])})\b", regex.I),
        "lead": regex.compile(rf"\W*(?:{alt(data['total_lead'])})\b", regex.I),
        "max_lead": int(data["max_lead"]),
        "max_parts": int(data["max_parts"]),
        "dimensions": tuple(tuple(regex.compile(rf"\b(?:{alt(member)})\b", regex.I) for member in dim)
                            for dim in data["dimensions"]),
        "ends": regex.compile(rf"\b(?:{alt(data['ends'])})\b", regex.I),
        "change_before": regex.compile(rf"\b(?:{alt(data['change_before'])})\s+$", regex.I),
        "of_the": regex.compile(r"\W*of\s+the\s+$", regex.I),
        "components": regex.compile(rf"\s+(?:[\p{{L}}-]+\s+){{1,2}}?(?:{alt(data['components'])})\b", regex.I),
        "comprises": regex.compile(rf"\b(?:{alt(data['comprises'])})\s+(?=\S)", regex.I),
        # 'The haul included 300kg of cocaine and ...': only a few words between the cue and the list.
        "includes": regex.compile(rf"\b(?:{alt(data['includes'])})\s+", regex.I),
        "near": regex.compile(r"[^\d,;]{0,20}"),
        "subject": regex.compile(rf"\W*(?:{alt(data['subjects'])})\b", regex.I),
        "max_subject": int(data["max_subject"]),
        "month": regex.compile(rf"(?:{alt(data['period_words'])}|\s|-)*\b(?P<month>{alt(_month_names())})\b\.?"
                               r"(?!\s+\d{1,2}\b)(?:\s+(?P<year>\d{4})\b)?", regex.I),
        "earlier": regex.compile(rf"[\s,]*(?:(?P<year>{alt(data['year_earlier'])})|(?P<month>{alt(data['month_earlier'])}))\b",
                                 regex.I),
        "months_in": regex.compile(rf"\b(?P<month>{alt(_month_names())})\b\.?(?!\s+\d{{1,2}}\b)(?:\s+(?P<year>\d{{4}})\b)?",
                                   regex.I),
        # 'rose by 2,000 in the month to ': the size of a change over a month or a year, before its end.
        "moved_by": regex.compile(rf"(?:(?P<up>{alt(data['rises'])})|{alt(data['falls'])})\s+by\s+$", regex.I),
        "over": regex.compile(rf"\s+(?:(?P<month>{alt(data['month_span'])})|{alt(data['year_span'])})\s+to\s+$", regex.I),
        "compared": regex.compile(rf"[\s,]*(?:{alt(data['compared'])})\b", regex.I),
        "relative": regex.compile(rf"\b(?:{alt(data['relative'])})\b[^,;]*,", regex.I),
    }


@functools.cache
def _month_names() -> list[str]:
    return list(lexicon.load("context")["months"])


def _month_number(name: str) -> int:
    """1 for 'January' or 'Jan', 9 for 'Sept'."""
    name = name.lower()[:3]
    return next(i for i, m in enumerate(_month_names()[:12], 1) if m.startswith(name))


def find(body: str, figures: list[Figure], members: dict[int, list[int]], starts: Sequence[int],
         paragraphs: Sequence[int], changes: list[Change], published: float | None = None) -> list[Breakdown]:
    """Every total with the parts the sentences after it give."""
    ctx = _Context(body, figures, members, starts, paragraphs, changes, published)
    out: list[Breakdown] = []
    for s, idx in sorted(members.items()):
        if len(idx) > MAX_FIGURES:
            continue
        found = _totalled(ctx, s) or _components(ctx, s) or _comprised(ctx, s)
        if found is not None:
            out.append(found)
            earlier = _earlier(ctx, found)
            if earlier is not None:
                out.append(earlier)
            out.extend(_same_times(ctx, found))
    return out


def _same_times(ctx: _Context, b: Breakdown) -> list[Breakdown]:
    """'to end-March to a total 693,000 from 690,600 at end-February, ... 730,100 at end-March
    1986' ... 'men ... 436,500 compared with 470,700 a year earlier' ... 'women 256,500 against
    256,100 a month earlier and 259,400 at end-March 1986': the figures each sentence gives for
    one earlier time (a month named, or 'a year earlier' from the total's own month) are a
    breakdown too."""
    sentences = [f.sentence for f in (b.whole, *b.parts)]
    if not b.complete or b.cue != "total" or len(set(sentences)) != len(sentences):
        return []
    now = _now(ctx, b.whole)
    if now is None:
        return []
    by_time = [_times(ctx, f, now) for f in (b.whole, *b.parts)]
    out = []
    for when in sorted(set(by_time[0]).intersection(*by_time[1:])):
        whole, *parts = (t[when] for t in by_time)
        if whole is not None and all(p is not None for p in parts):
            out.append(Breakdown(whole, tuple(p for p in parts if p is not None), True, "total"))
    return out


# A year far from any the text names: the total's month when neither it nor the publication date
# gives its year, so that months named with a year never match the times counted back from it.
_NO_YEAR = 100_000


def _month_of(m: regex.Match, now: int) -> int:
    """A month named ('end-February', 'March 1986') as a count of months; without a year, the
    last such month up to `now`."""
    month, year = _month_number(m.group("month")), m.group("year")
    if year:
        return int(year) * 12 + month - 1
    year_now, month_now = divmod(now, 12)
    return (year_now if month - 1 <= month_now else year_now - 1) * 12 + month - 1


def _now(ctx: _Context, whole: Figure) -> int | None:
    """The total's own month: the last month its sentence names before it ('to end-March to a
    total'), in the year it names, or else the last such month up to the publication."""
    s = whole.sentence
    named = list(_words()["months_in"].finditer(ctx.body, ctx.starts[s], whole.start))
    if not named:
        return None
    published = ctx.published
    reference = _NO_YEAR * 12 + 11 if published is None else int(published) * 12 + int((published % 1) * 12)
    return _month_of(named[-1], reference)


def _moved_from(ctx: _Context, delta: Figure, current: Figure) -> tuple[int, Figure] | None:
    """'rose by 2,000 in the month to 436,500': the figure a month (or a year) before, 434,500,
    as a figure spanning the words that give it, with the range its two figures allow."""
    w, body = _words(), ctx.body
    sign = w["moved_by"].search(body, max(ctx.starts[delta.sentence], delta.start - 30), delta.start)
    over = w["over"].fullmatch(body, delta.end, current.start)
    if sign is None or over is None or _alike(delta, current) is None:
        return None
    up = sign.group("up") is not None
    low = current.low - delta.high if up else current.low + delta.low
    high = current.high - delta.low if up else current.high + delta.high
    value = current.value - delta.value if up else current.value + delta.value
    earlier = dataclasses.replace(current, text=body[delta.start:current.end], start=delta.start, value=value, low=low, high=high)
    return (-1 if over.group("month") else -12), earlier


def _times(ctx: _Context, current: Figure, now: int) -> dict[int, Figure | None]:
    """The figures of `current`'s sentence for other months, by month (None for a month given twice)."""
    w, out = _words(), {}
    for f in ctx.figs(current.sentence):
        if f.start == current.start or f.kind not in _KINDS or _alike(f, current) is None:
            continue
        if w["change_before"].search(ctx.body, max(ctx.starts[f.sentence], f.start - 12), f.start):
            moved = _moved_from(ctx, f, current)
            if moved is not None and moved[0] + now not in out:
                out[moved[0] + now] = moved[1]
            continue
        when = None
        if m := w["earlier"].match(ctx.body, f.end):
            when = now - (12 if m.group("year") else 1)
        elif m := w["month"].match(ctx.body, f.end):
            when = _month_of(m, now)
        if when is not None and when != now:
            out[when] = None if when in out else _alike(f, current)
    return out


def _earlier(ctx: _Context, b: Breakdown) -> Breakdown | None:
    """A whole breakdown whose total and parts each move from an earlier figure ('rose to 223.2
    billion marks in February from 221.8 billion'; 'cash rose to 117.7 billion marks from 110.9
    billion in January'; 'reserves grew to 111.5 billion marks from 101.9 billion in January'):
    the earlier figures are a breakdown too, when the parts say they are for one time."""
    changes = [ctx.change_of.get(f.start) for f in (b.whole, *b.parts)]
    if not b.complete or any(c is None for c in changes):
        return None
    whole, *parts = (c.old for c in changes if c is not None)
    whens = {(p.when or "").lower() for p in parts}
    if len(whens) != 1 or "" in whens or any(_alike(p, whole) is None or p.low > whole.high for p in parts):
        return None
    return Breakdown(whole, tuple(parts), True, b.cue)


class _Context:
    """The article as the readings need it: its figures by sentence, and which figures a change
    moves from (`olds`) and to (`news`, by sentence)."""

    def __init__(self, body: str, figures: list[Figure], members: dict[int, list[int]], starts: Sequence[int],
                 paragraphs: Sequence[int], changes: list[Change], published: float | None = None) -> None:
        self.body, self.figures, self.members, self.starts, self.paragraphs = body, figures, members, starts, paragraphs
        self.published = published
        self.olds = {c.old.start for c in changes}
        self.news: dict[int, list[Figure]] = {}
        self.change_of: dict[int, Change] = {}
        for c in changes:
            self.news.setdefault(c.new.sentence, []).append(c.new)
            self.change_of.setdefault(c.new.start, c)
        self.moved = {f.start for fs in self.news.values() for f in fs}

    def figs(self, s: int) -> list[Figure]:
        return [self.figures[i] for i in self.members.get(s, [])]

    def current(self, s: int, whole: Figure, after: int = 0) -> Figure | None:
        figs = [f for f in self.figs(s) if f.start >= after]
        if not figs:
            return None
        news = [f for f in self.news.get(s, []) if f.start >= after]
        return _current(self.body, figs, news, whole, max(self.starts[s], after), self.olds)


def _totalled(ctx: _Context, s: int) -> Breakdown | None:
    """'to a total 693,000' ... 'The figure for men ... 436,500' ... 'The figure for women ... 256,500'."""
    w, idx = _words(), ctx.members[s]
    whole = next((ctx.figures[i] for i in idx if _is_total(ctx.body, ctx.figures, idx, ctx.figures[i], ctx.starts[s], ctx.olds)),
                 None)
    if whole is None:
        return None
    split = _split(ctx, s + 1, whole)
    if split:
        return Breakdown(whole, split, True, "total")
    parts: list[tuple[Figure, str]] = []
    for t in range(s + 1, s + 1 + w["max_parts"]):
        if t not in ctx.members or ctx.paragraphs[t] - ctx.paragraphs[t - 1] > 1 or len(ctx.members[t]) > MAX_FIGURES:
            break
        part = ctx.current(t, whole)
        if part is None:
            break
        parts.append((part, ctx.body[ctx.starts[t]:part.start]))
    complete = _complete([lead for _, lead in parts])
    # Parts that do not name a whole line are only taken when every sentence reports its
    # figure as the total's does, moving from one time to another ('fell to 75,500 tonnes in
    # January from 97,070 in December' ... 'Brazil supplied 1,263 tonnes, down from 7,411'):
    # the same statistic for each member, not any later figure of the same unit.
    if len(parts) < 2 or not (complete or all(_reported(ctx, f) for f in (whole, *(p for p, _ in parts)))):
        return None
    return Breakdown(whole, tuple(p for p, _ in parts), complete, "total")


def _reported(ctx: _Context, f: Figure) -> bool:
    """Whether a figure is given as a release gives it: moved to from another time, or set
    beside another time's ('11,985 tonnes compared with nil in December')."""
    return f.start in ctx.moved or bool(_words()["compared"].match(ctx.body, f.end))


def _split(ctx: _Context, t: int, whole: Figure) -> tuple[Figure, ...]:
    """'Male unemployment was 1.38 million and female 720,000': the sentence after a total gives
    a part for every member of one line, each named before its figure; () when it does not."""
    if t not in ctx.members or ctx.paragraphs[t] - ctx.paragraphs[t - 1] > 1 or len(ctx.members[t]) > MAX_FIGURES:
        return ()
    change_before = _words()["change_before"]
    parts, leads, pos = [], [], ctx.starts[t]
    for f in ctx.figs(t):
        lead, pos = ctx.body[pos:f.start], f.end
        if f.kind not in _KINDS or f.start in ctx.olds or change_before.search(lead):
            continue
        part = _alike(f, whole)
        if part is None or part.low > whole.high or f.bound.value not in ("exact", "about"):
            return ()
        parts.append(part)
        leads.append(lead)
    return tuple(parts) if len(parts) >= 2 and _complete(leads) else ()


def _components(ctx: _Context, s: int) -> Breakdown | None:
    """'Of the two components comprising central bank money stock, cash rose to 117.7 billion
    marks ... Minimum reserves grew to 111.5 billion marks': the whole is the figure the last
    sentences before moved to, the parts the next figures of its kind, as many as the count."""
    w, body, figs = _words(), ctx.body, ctx.figs(s)
    n = figs[0]
    if not (n.kind == "count" and n.bound.value == "exact" and 2 <= n.value <= w["max_parts"]
            and w["of_the"].match(body, ctx.starts[s], n.start) and w["components"].match(body, n.end)):
        return None
    whole = next((f for t in (s - 1, s - 2, s - 3) for f in reversed(ctx.news.get(t, [])) if f.kind in _KINDS), None)
    if whole is None:
        return None
    parts, after = [], n.end
    for t in range(s, s + 2 * int(n.value) + 1):
        part = ctx.current(t, whole, after)
        after = 0
        if part is not None:
            parts.append(part)
        if len(parts) == n.value:
            return Breakdown(whole, tuple(parts), True, "comprising")
    return None


def _comprised(ctx: _Context, s: int) -> Breakdown | None:
    """'a 25 billion dlr package ...' then 'The mini-refunding, which will raise 9.27 billion dlrs,
    comprises 10 billion dlrs of ..., 8.75 billion dlrs of ... and 7.25 billion dlrs of ...': a
    subject without a figure of its own made up of a list, and one total in the sentence before."""
    w, body, start = _words(), ctx.body, ctx.starts[s]
    figs = ctx.figs(s)
    m = w["comprises"].search(body, start, figs[-1].start)
    complete = m is not None
    m = m or w["includes"].search(body, start, figs[-1].start)
    if m is None:
        return None
    # A figure before the cue outside an aside (', which will raise 9.27 billion dlrs,') is the
    # subject's own: the frames read that sentence alone.
    asides = [a.span() for a in w["relative"].finditer(body, start, m.end())]
    if any(a <= m.start() < b for a, b in asides):
        return None  # 'services, which consists of insurance and hotels,': the aside's own make-up
    if any(f.start < m.start() and not any(a <= f.start < b for a, b in asides) for f in figs):
        return None
    if not _refers_back(body, start, m.start(), asides):
        return None
    # What a listed figure moved from is no item of the list: 'rose to 454 mln dlrs from 297 mln'.
    listed = [f for f in figs if f.start >= m.end() and f.kind in _KINDS and f.start not in ctx.olds]
    if len(listed) < 2 or s - 1 not in ctx.members:
        return None
    wholes = [f for f in ctx.figs(s - 1) if f.kind in _KINDS and _alike(listed[0], f) is not None]
    if len(wholes) != 1:
        return None  # none, or several: which one the subject stands for is not said
    parts = [p for f in listed if (p := _current(body, [f], [], wholes[0], start, ctx.olds)) is not None]
    if len(parts) != len(listed) or (not complete and not w["near"].fullmatch(body, m.end(), listed[0].start)):
        return None
    return Breakdown(wholes[0], tuple(parts), complete, m.group().strip())


def _refers_back(body: str, start: int, end: int, asides: list[tuple[int, int]]) -> bool:
    """Whether the words before the cue are a short subject that points back ('It', 'The package',
    'The "mini-refunding," which ...,'), not another thing of its own ('Its portfolio')."""
    w = _words()
    subject = body[start:end]
    for a, b in reversed(asides):
        subject = subject[:a - start] + subject[b - start:]
    return bool(w["subject"].match(subject)) and len(subject.split()) <= w["max_subject"]


def _is_total(body: str, figures: list[Figure], idx: list[int], f: Figure, start: int, olds: set[int]) -> bool:
    """'to a total 693,000'; 'Total exports in January were 128,015 tonnes' (its first figure)."""
    if f.kind not in _KINDS or f.bound.value not in ("exact", "about") or f.start in olds:
        return False
    w = _words()
    if w["before"].search(body, max(start, f.start - 30), f.start) or w["after"].match(body, f.end):
        return True
    first = next((figures[i] for i in idx if figures[i].kind in _KINDS), None)
    return first is f and f.start - start <= w["max_lead"] and bool(w["lead"].match(body, start, f.start))


def _current(body: str, figs: list[Figure], news: list[Figure], whole: Figure, start: int,
             olds: set[int]) -> Figure | None:
    """The sentence's figure for the total's time: what a change moves to, or else its first
    figure of the total's kind; None when the sentence gives none, or a figure that is no part."""
    w = _words()
    if w["ends"].search(body, start, figs[-1].end):
        return None  # a new total, a share or an average: the breakdown has ended
    pool = [f for f in news if f.kind in _KINDS] or [f for f in figs if f.kind in _KINDS and f.start not in olds
                                                      and not w["change_before"].search(body, max(start, f.start - 12), f.start)]
    if not pool:
        return None
    part = min(pool, key=lambda f: f.start)
    a = _alike(part, whole)
    if a is None or part.bound.value not in ("exact", "about"):
        return None
    if part.low > whole.high or (part.noun and whole.noun and part.noun != whole.noun):
        return None  # larger than the total alone, or another thing counted: not one of its parts
    return a


def _alike(part: Figure, whole: Figure) -> Figure | None:
    """`part` in the total's kind and unit, or None. A bare number takes the total's unit only
    when written to the same scale: '110.9 billion' after '223.2 billion marks'; a plain 'two' or
    '103' is some other count."""
    a, b = shared_unit(part, whole) if _scale(part) and _scale(part) == _scale(whole) else (part, whole)
    return a if (a.kind, a.unit) == (b.kind, b.unit) else None


_SCALE = regex.compile(r"\d\s*(\p{L}+)")


def _scale(f: Figure) -> str | None:
    """The scale word a figure is written with: 'mln' in '200 mln', 'billion' in '1.2 billion marks'."""
    m = _SCALE.search(f.text)
    return m.group(1).lower() if m else None


def _complete(leads: list[str]) -> bool:
    """Whether the parts name every member of one line, one each: 'male' ... 'women'."""
    for dim in _words()["dimensions"]:
        if len(leads) != len(dim):
            continue
        named = [{k for k, member in enumerate(dim) if member.search(lead)} for lead in leads]
        if all(len(n) == 1 for n in named) and len(set().union(*named)) == len(dim):
            return True
    return False
