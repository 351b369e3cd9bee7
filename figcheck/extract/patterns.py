"""Named regex pieces, composed by name from the lexicon's word lists."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import regex

from figcheck import lexicon
from figcheck.extract.numerals import words

# VERSION0: simple case folding compiles four times faster than VERSION1, and news copy needs no more.
FLAGS = regex.IGNORECASE
# The words just before a figure are looked up with patterns ending in "$", searched from the end
# of a window: matched backwards, each fails at once instead of being tried at every position.
BACK = regex.REVERSE
# "a third", "an eighth", "a dozen": the articles that open a figure, only before certain words.
ARTICLES = ("a", "an")


def alternation(phrases: Iterable[str], backwards: bool = False, blind: bool = True) -> str:
    """Longest first, so "per cent" wins over "per"; spaces match any run of spaces.

    Written as a prefix tree: the regex engine tries a long list of words one by one, at a cost
    of several microseconds a call even where none fits; the tree rejects after a letter or two.
    At most one path of the tree fits a text, and it is tried longest first, so the tree matches
    what the list matched. For that, a tree for a case-blind pattern (`blind`, the default) is
    built from the words in lower case: "A" and "a." on two branches would both fit "A.", and
    the first branch would win over the longer word. A pattern matched `backwards`
    (regex.REVERSE) would read the tree from its leaves and take "$" before "A$": it gets the
    plain list."""
    # A space stands for any run of spaces, so "a  b" or " a" would ask for two runs where the
    # words mean one, and a prefix tree could then stop at a shorter word than the list would.
    phrases = list(phrases)  # callers may pass a generator, read twice below
    odd = next((p for p in phrases if p != " ".join(p.split())), None)
    if odd is not None:
        raise ValueError(f"a phrase is words with one space between them, not {odd!r}")
    if backwards:
        unique = sorted(set(phrases), key=len, reverse=True)
        return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in unique)
    return trie({p.lower() for p in phrases} if blind else set(phrases))


def trie(words: Iterable[str], after_first: str = "", tails: dict[str, str] | None = None) -> str:
    """An alternation of plain words as a prefix tree (a space matches any run of spaces): a regex engine rejects a word
    that starts no entry after a letter or two, instead of trying every entry in turn.

    `after_first` goes after each word's first letter: a start that is a plain branch of letters
    lets the stdlib engine skip ahead to those letters (a look-behind there checks the start).
    `tails` adds a pattern after some words: what must follow them."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = (tails or {}).get(w, "")
    return _branch(tree, after_first)


def _branch(node: dict, lead: str = "") -> str:
    tail = node.get("")
    arms = [(r"\s+" if ch == " " else ch if ch.isalnum() else regex.escape(ch)) + lead + _branch(child)
            for ch, child in sorted(node.items()) if ch]
    if tail:
        arms.append(tail)
    if not arms:
        return ""
    group = f"(?:{'|'.join(arms)})" if len(arms) > 1 or tail == "" else arms[0]
    return group + "?" if tail == "" else group


@functools.cache
def pieces() -> dict[str, str]:
    w = words()
    ctx = lexicon.load("context")
    pct = lexicon.load("percent")
    cur = lexicon.load("currencies")
    months = alternation(ctx["months"])
    card = alternation([*w["cardinals"], *w["scales"]])
    glued = [c for c in cur["prefixes"] if c[-1].isalpha()]
    p = {
        # Digits not glued to letters ("G7", "A320"), to a hyphenated name ("F-16", "COVID-19") or
        # to another number ("1.1.1"): those are names or versions, not figures.
        # Runs of digits are possessive (\d++): "$110,00" or "904,00" is no figure, and must not
        # be read as "$11" or "90" by giving back digits until what follows looks like an end.
        # A currency code glued to the digits is no name: "EUR25m", "RM12.80" (as written, case
        # and all: "eur25" is not one).
        "DIGITS": rf"(?:(?<![\p{{L}}\d_])|(?<=(?<![\p{{L}}\d_])(?-i:{alternation(glued, blind=False)})))(?<!\p{{L}}[-/])(?<!\d[.,:/])"
                  # Fractions: "17-1/4", "1 1/2", "3/4": after at most two digits ("2004 3/4" and
                  # "2003/4" are years), over a usual denominator ("9/11", "24/7" are no fractions).
                  r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009\u200b]\d{3})+(?!\d)|\d++)(?:\.\d++)?"
                  r"(?:-\d{1,2}/\d{1,2}|(?<!\d{3})(?:\s\d{1,2})?/(?:2|3|4|8|16|32|64)(?![\d/])|[½¼¾⅓⅔⅛])?"
                  r"(?![.,]\d)(?!-\d+/)",
        # At most a dozen words: "one hundred and twenty-three thousand four hundred and six" is
        # eleven, and a bound keeps a run of number words from being read as one endless number.
        # "and" joins number words only after a scale: "three hundred and four", never "three
        # and four thousand" (two numbers, 3 and 4,000, not 7,000).
        "CARD": rf"\b(?:{card})(?:(?:(?<=\b(?:{alternation(w['scales'])}))\s+and\s+|[\s-]+)(?:{card})){{0,12}}\b",
        "ORDWORD": rf"\b(?:{alternation(w['ordinals'])})\b",
        "FRACWORD": alternation(w["fractions"]),
        "VAGUE": rf"\b(?:{alternation(w['vague'])})",
        "NAMED": rf"\b(?:{alternation(w['named'])})\b",
        "MONTH": rf"(?:{months})\.?",
        "SCALE": rf"(?:{alternation(w['scale_suffixes'])})(?![\p{{L}}\d])",
        "PERCENT": rf"(?:{alternation(pct['percent'])})(?![\p{{L}}])",
        "POINTS": rf"(?:{alternation(pct['points'])})(?![\p{{L}}])",
        "CUR_PREFIX": alternation(cur["prefixes"]),
        "CUR_WORD": rf"(?:{alternation(cur['words'])})(?![\p{{L}}])",
        "DURATION": rf"(?:{alternation(lexicon.load('durations'))})(?![\p{{L}}])",
    }
    return p


class _Lazy(dict):
    """Pattern sources, compiled on first use: a one-article run needs about half of them, and
    compiling them all cost 55 ms of a 270 ms start."""

    def __getitem__(self, name: str) -> regex.Pattern | re.Pattern:
        value = super().__getitem__(name)
        if isinstance(value, tuple):
            compile_, *args = value
            value = compile_(*args)
            self[name] = value
        return value


@functools.cache
def compiled() -> Mapping[str, regex.Pattern | re.Pattern]:
    """Every pattern the extractor runs, each compiled once, when first used."""
    p = pieces()
    w = words()
    hedges = [word for h in lexicon.load("hedges")["hedge"] for word in h["words"]]
    nf = lexicon.load("not_figures")
    units = lexicon.load("units")["units"]
    unit_aliases = [a for spec in units.values() for a in spec["aliases"]]
    reading = lexicon.load("reading")["lists"]
    cur = lexicon.load("currencies")
    # A 24-hour clock time in four digits needs its zone: "at 1040 GMT" (not the year 1040); a
    # lone "h" after four digits may be hours.
    zone = rf"\s?(?:{alternation(z for z in reading['time_zones'] if len(z) > 1)})(?!\w)"
    zone_after = rf"(?!{zone})"
    frac_num = rf"(?:one|two|three|four|five|six|seven|eight|nine|{'|'.join(ARTICLES)}|\d{{1,2}})"
    return _Lazy({
        # Every figure starts a word, with a digit or a letter some number word starts with:
        # checking that first lets the scan skip most positions at once.
        "core": (regex.compile,
            # A date's year is no clock time: "Saturday, 26 February 1500 GMT" is a date and a time.
            rf"(?:(?P<date>\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:(?=\p{{Lu}})){p['MONTH']}(?:,?\s+\d{{4}}{zone_after})?"
            rf"|(?-i:(?=\p{{Lu}})){p['MONTH']}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s+\d{{4}}{zone_after})?(?!\d|,\d)"
            rf"|(?-i:(?=\p{{Lu}})){p['MONTH']},?\s+\d{{4}}{zone_after})\b)"
            rf"|(?P<vague>{p['VAGUE']})"
            rf"|(?P<named>{p['NAMED']})"
            rf"|(?P<frac>\b(?:{frac_num}[\s-](?:{p['FRACWORD']})|half|{frac_num}\s+(?:in|out\s+of)\s+(?:\d{{1,3}}(?![\d,.])|{p['CARD']}))\b)"
            rf"|(?P<mult>\b(?:twice|thrice|(?:{p['CARD']}|\d+(?:\.\d+)?)[\s-](?:times|fold)\b)(?=\s+(?:as|more|less|larger|bigger|higher|greater|smaller|faster|slower|the|that|than|over|what)\b)|\b(?:{p['CARD']}|\d+)-fold\b|\b(?:{alternation(w['folds'])})\b)"
            rf"|(?P<ordw>{p['ORDWORD']})"
            rf"|(?P<digits>{p['DIGITS']})"
            rf"|(?P<card>{p['CARD']}))",
            FLAGS,
        ),
        # Everything skipped starts with a digit, "+", "(" or "'": checking that first is cheap.
        "skip": (regex.compile,
            rf"(?=[\d+('])(?:\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s?(?:{alternation(reading['time_zones'])})\b)?"
            r"|\b\d{1,2}(?:\.\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"
            rf"|\b(?:[01]\d|2[0-3])[0-5]\d{zone}"
            r"|\+\d[\d\s().-]{7,}\d|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
            r"|\b\d{4}s\b|'\d0s\b|\b\d{2}0s\b"
            r"|\b\d{1,2}-\d{1,2}(?:\s?,\s?\d{1,2}-\d{1,2}(?:\s?\(\d+-\d+\))?)+"
            # Names glued to letters ("G7", "COVID-19") never match DIGITS; these start with one.
            rf"|(?=\d)\b(?:{alternation(n for n in nf['names'] if n[0].isdigit())})(?![\w-]))",
            FLAGS,
        ),
        # Web addresses are rare and their pattern is slow: run only when one of these is in the text.
        # Bounded runs ({1,64}) keep a long token without "@" from costing quadratic time.
        # (stdlib re: twice as fast on this pattern, which needs nothing of regex's.)
        "web": (re.compile, r"(?:https?://|www\.)\S+|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}|\b[\w-]{1,63}\.(?:com|org|net|co\.uk|gov|edu|io)\b\S*", re.IGNORECASE),
        "hedge": (regex.compile, rf"(?:^|(?<=[^\p{{L}}]))(?P<hedge>{alternation(hedges, backwards=True)})\s+(?:(?:a|an|the)\s+)?$", FLAGS | BACK),
        "cur_prefix": (regex.compile, rf"(?P<cur>{alternation(cur['prefixes'], backwards=True)})\s?$", BACK),
        "sign": (regex.compile, r"(?:^|(?<=[\s(\[]))[-−]$", BACK),
        "between": (regex.compile, r"\b(?:between|from)\s+$", FLAGS | BACK),
        "scale": (regex.compile, rf"\s?(?P<scale>{p['SCALE']})", FLAGS),
        "range": (regex.compile, rf"(?:(?P<dash>[-–])|\s+(?P<and>and|to)\s+)(?P<cur2>{p['CUR_PREFIX']})?(?P<n2>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:-\d{{1,2}}/\d{{1,2}}|/(?:2|3|4|8|16|32|64)(?![\d/]))?|{p['CARD']})(?:\s?(?P<scale2>{p['SCALE']}))?", FLAGS),
        "percent": (regex.compile, rf"\s?(?P<pct>{p['PERCENT']})", FLAGS),
        "points": (regex.compile, rf"\s(?P<pts>{p['POINTS']})", FLAGS),
        "cur_word": (regex.compile, rf"\s(?:(?:{alternation(lexicon.load('currencies')['qualifiers'])})\s+)?(?P<curw>{p['CUR_WORD']})", FLAGS),
        "unit": (regex.compile, rf"(?:\s?|-)(?P<unit>{alternation(unit_aliases, blind=False)})(?![\p{{L}}\d/²³])"),
        "unit_ci": (regex.compile, rf"\s(?P<unit>{alternation(a for a in unit_aliases if len(a) > 3)})(?![\p{{L}}\d/²³])", FLAGS),
        "duration": (regex.compile, rf"[\s-](?P<dur>{p['DURATION']})(?P<old>[\s-]old(?!er|est))?", FLAGS),
        "compound": (regex.compile, r"-(?P<cw>[a-z]+(?:-[a-z]+)?)\b(?!-)"),
        "per": (regex.compile, rf"\s+(?:a|an|per|each)\s+(?P<per>{alternation(lexicon.load('units')['per'])})\b(?!\s+(?:ago|earlier|before|later|after|on|or)\b)(?!-)", FLAGS),
        "ord_suffix": (regex.compile, r"(?:st|nd|rd|th)\b"),
        # "Garcia, 39,", "The singer, 70,", "aged 70": what an age follows; `aged` marks the words
        # that make the number an age wherever the clause goes on.
        "age_left": (regex.compile, rf"(?:(?!(?i:{p['MONTH']}),)(?:\p{{Lu}}[\p{{L}}'’.-]+),\s+|\b(?:[Tt]he|[Aa])\s+(?:\p{{Ll}}+\s+){{0,2}}\p{{Ll}}+,\s+|\b(?P<aged>aged|age|ages|at\s+the\s+age\s+of)\s+)$", BACK),
        "age_right": (regex.compile, r"^(?:,|\)|\s+(?:years?|yrs)\s+old\b|\s+(?:and|or)\s+\d)"),
        # Lazy marks: read backwards, the fewest trailing marks keep "Elvis'" whole.
        "word_before": (regex.compile, r"([\p{L}][\p{L}'’.]*)\W{0,2}?$", BACK),
        "sports": (regex.compile, rf"\b(?:{alternation(reading['sports'])})\b", FLAGS),
    })
