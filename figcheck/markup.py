"""Plain text, Markdown and HTML articles read into prose, with a way back to source positions."""

from __future__ import annotations

import bisect
import html
import re
import typing
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser

if typing.TYPE_CHECKING:
    from collections.abc import Callable

# One run of body text and the source text it came from:
# (body_start, source_start, body_length, source_length). Equal lengths mean the run is a
# verbatim copy; otherwise it is one decoded entity, one collapsed space or one inserted break.
Run = tuple[int, int, int, int]


@dataclass(frozen=True)
class Document:
    """An article's prose (`body`) and how each body offset maps back to its `source`."""

    body: str                                   # the prose the extractor reads
    source: str                                 # the text as read from the file
    published: str | None = None                # "YYYY-MM-DD", when the article says
    offsets: tuple[Run, ...] = ()               # body -> source runs; () means body is source
    comments: tuple[tuple[int, str], ...] = ()  # (source line, text) of every HTML comment
    wrapped: str | None = None                  # body with the source's line breaks kept

    def __post_init__(self) -> None:
        if self.wrapped is None:
            object.__setattr__(self, "wrapped", self.body)

    def source_offset(self, offset: int) -> int:
        """The source offset of the body character at `offset`."""
        if not self.offsets:
            return max(0, min(offset, len(self.source)))
        offset = max(0, offset)
        if offset >= len(self.body):
            return self.source_end(len(self.body))
        body_start, source_start, body_length, source_length = self._run(offset)
        if body_length == source_length:
            return source_start + offset - body_start
        return source_start + min(offset - body_start, max(source_length - 1, 0))

    def source_end(self, end: int) -> int:
        """The source offset just after the body text that ends (exclusive) at `end`."""
        if not self.offsets:
            return max(0, min(end, len(self.source)))
        if end <= 0:
            return self.offsets[0][1]
        end = min(end, len(self.body))
        body_start, source_start, body_length, source_length = self._run(end - 1)
        if body_length == source_length:
            return source_start + end - body_start
        return source_start + source_length  # an entity ends where its ";" does

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the source, in code points, of body offset `offset`."""
        return self._position(self.source_offset(offset))

    def locate_end(self, end: int) -> tuple[int, int]:
        """1-based (line, column) just past the body text ending at `end` (for end_column)."""
        return self._position(self.source_end(end))

    def _run(self, offset: int) -> Run:
        return self.offsets[bisect.bisect_right(self._run_starts, offset) - 1]

    def _position(self, source_offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, source_offset) - 1
        return index + 1, source_offset - self._line_starts[index] + 1

    @cached_property
    def _run_starts(self) -> list[int]:
        return [run[0] for run in self.offsets]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [match.end() for match in re.finditer("\n", self.source)]


def read_plain(text: str) -> Document:
    """A plain-text article: the body is the text itself."""
    return Document(body=text, source=text)


# -- Markdown -----------------------------------------------------------------------------------
# Blank, don't strip: every character that is not prose becomes a space (newlines stay), so a
# body offset IS a source offset. Patterns run over `scan`, the text blanked so far, with
# backslash-escaped characters replaced by _LITERAL so that no later pattern sees them as markup.

_LITERAL = "\x01"
_DATE = re.compile(r"\s*[\"']?(\d{4}-\d{2}-\d{2})")
_DATE_KEYS = ("date", "published", "pubdate", "date_published", "published_at")
_FRONT_KEY = re.compile(r"\s*([A-Za-z_][\w-]*)\s*[:=]\s*(.*)")
_FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
_LIST_ITEM = re.compile(r"([ \t]*)([-*+]|(\d{1,9})[.)])(?:[ \t]+|$)")
_TASK_BOX = re.compile(r"\[[ xX]\](?=[ \t])")
_QUOTE = re.compile(r"(?: {0,3}>[ \t]?)+")
_HEADING = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]++(#+)[ \t]*+$")
_THEMATIC = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_TABLE_DELIMITER = re.compile(r"[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+")
# [label]: https://example.com "title" -- a link definition, not shown when rendered.
_REFERENCE = re.compile(
    r" {0,3}\[([^\]^][^\]]*)\]:[ \t]*(?:<[^<>]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*"
)
_FOOTNOTE_LABEL = re.compile(r" {0,3}\[\^[^\]]+\]:")
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.DOTALL)
_RAW_ELEMENT = re.compile(
    r"<(script|style|pre|code|textarea|svg)\b[^>]*>(?:.*?</\1\s*>|.*)", re.DOTALL | re.IGNORECASE
)
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
# Only lowercase element names (or custom ones, which hold a "-") count as tags: wire copy
# writes company names and tickers in angle brackets ("<Jones International Ltd>", "<EM>").
_HTML_ELEMENTS = frozenset({
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote",
    "body", "br", "button", "canvas", "caption", "center", "cite", "col", "colgroup", "data", "dd",
    "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption",
    "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
    "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main",
    "map", "mark", "meta", "meter", "nav", "object", "ol", "optgroup", "option", "output", "p",
    "param", "picture", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select",
    "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "track", "tt", "u", "ul", "var", "video", "wbr"
})
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# [text](target "title") and ![alt](src): the text may wrap onto the next line, never across a
# blank line; the target may hold one level of balanced parentheses (Wikipedia links do).
# NOTE: the possessive quantifiers (*+, ++) keep a long run of spaces from backtracking.
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n))*+)\]"
    r"\(\s*+(?:<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*+)"
    r"(?:\s++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^()\n]*+\)))?\s*+\)"
)
_REF_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\n(?![ \t]*\n))++)\]\[([^\[\]\n]*)\]")
_SHORTCUT = re.compile(r"\[([^\[\]\n]+)\](?![\[(:])")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")
_BARE_URL = re.compile(r"(?<![\w/@])(?:https?://|ftp://|www\.)[^\s<>]+", re.IGNORECASE)
_URL_TAIL = ".,;:!?*_~'\""
_EMPHASIS = re.compile(r"\*+|_+|~~+")


def read_markdown(text: str) -> Document:
    """A Markdown article: code, URLs, comments, front matter and markup blanked to spaces."""
    chars = list(text)
    lines = _lines(text)
    kinds = ["prose"] * len(lines)  # prose, item, heading, code, table, break, front, refdef
    if text.startswith("\ufeff"):
        chars[0] = " "
    published, first = _front_matter(text, lines, chars, kinds)
    _code_blocks(text, lines, chars, kinds, first)
    comments = _blank_comments(chars)
    hard, quoted, references = _block_markers(text, lines, chars, kinds)
    _inline(chars, references)
    for _, end in lines:
        if end < len(chars) and chars[end - 1 : end] == ["\r"]:
            chars[end - 1] = " "  # "\r\n" line ends: the "\r" is not prose either
    wrapped = "".join(chars)
    body = list(wrapped)
    for index in range(len(lines) - 1):
        if _joins(index, lines, kinds, wrapped, hard, quoted):
            body[lines[index][1]] = " "
    return Document(
        body="".join(body),
        source=text,
        published=published,
        offsets=((0, 0, len(text), len(text)),) if text else (),
        comments=tuple(comments),
        wrapped=wrapped,
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line; `end` is the offset of its "\n" (or len(text))."""
    spans, start = [], 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = " "


def _line_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].removesuffix("\r")


def _is_blank(chars: list[str], span: tuple[int, int]) -> bool:
    return not "".join(chars[span[0] : span[1]]).strip()


def _front_matter(
    text: str, lines: list[tuple[int, int]], chars: list[str], kinds: list[str]
) -> tuple[str | None, int]:
    """Blank a leading ---/+++ block; return its date and the index of the first line after."""
    opening = _line_text(text, lines[0]).lstrip("\ufeff").rstrip()
    if opening not in ("---", "+++"):
        return None, 0
    closers = ("---", "...") if opening == "---" else ("+++",)
    for index in range(1, len(lines)):
        if _line_text(text, lines[index]).rstrip() in closers:
            break
    else:
        return None, 0  # no closing line: a thematic break, not front matter
    values: dict[str, str] = {}
    for start, end in lines[1:index]:
        if match := _FRONT_KEY.match(text, start, end):
            values.setdefault(match[1].lower(), match[2])
    published = None
    for key in _DATE_KEYS:
        if key in values and (date := _DATE.match(values[key])):
            published = date[1]
            break
    else:
        # A date the reader cannot read is passed on as written, so that it is reported
        # (inputs._article warns) instead of quietly turning the date checks off.
        written = [values[key].strip().strip("\"'") for key in _DATE_KEYS if key in values]
        published = next((w for w in written if w), None)
    _blank(chars, 0, lines[index][1])
    for line in range(index + 1):
        kinds[line] = "front"
    return published, index + 1


def _indent(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _code_blocks(
    text: str, lines: list[tuple[int, int]], chars: list[str], kinds: list[str], first: int
) -> None:
    """Blank fenced and indented code blocks, whole lines at a time."""
    fence: tuple[str, int] | None = None
    previous_blank, in_list = True, False
    for index in range(first, len(lines)):
        start, end = lines[index]
        line = _line_text(text, lines[index])
        if fence is not None:
            kinds[index] = "code"
            _blank(chars, start, end)
            closing = _FENCE.fullmatch(line)
            if (
                closing and closing[1][0] == fence[0] and len(closing[1]) >= fence[1]
                and not closing[2].strip()
            ):
                fence = None
            continue
        if not line.strip():
            previous_blank = True
            continue
        indent = _indent(line)
        # Indented code cannot interrupt a paragraph, and in a list an indent is a continuation.
        code_before = index > 0 and kinds[index - 1] == "code"
        if indent >= 4 and (previous_blank or code_before) and not in_list:
            kinds[index] = "code"
            _blank(chars, start, end)
            previous_blank = False
            continue
        if _LIST_ITEM.match(line) and indent < 4:
            in_list = True
        elif indent < 2 and previous_blank:
            in_list = False
        previous_blank = False
        opening = _FENCE.fullmatch(line)
        if opening and not (opening[1][0] == "`" and "`" in opening[2]):
            fence = (opening[1][0], len(opening[1]))
            kinds[index] = "code"
            _blank(chars, start, end)


def _blank_comments(chars: list[str]) -> list[tuple[int, str]]:
    scan = "".join(chars)
    comments = []
    line, counted = 1, 0  # lines counted up to `counted`: each comment counts only from the last
    for match in _COMMENT.finditer(scan):
        line += scan.count("\n", counted, match.start())
        counted = match.start()
        comments.append((line, match[1]))
        _blank(chars, match.start(), match.end())
    return comments


def _block_markers(
    text: str, lines: list[tuple[int, int]], chars: list[str], kinds: list[str]
) -> tuple[set[int], set[int], set[str]]:
    """Blank heading, quote, list and table markers line by line.

    Returns the lines ending in a hard break, the lines in a block quote, and the labels of
    link reference definitions.
    """
    hard: set[int] = set()
    quoted: set[int] = set()
    references: set[str] = set()
    _tables(text, lines, chars, kinds)
    item_paragraph = False  # whether the paragraph going on began as a list item
    for index, span in enumerate(lines):
        if kinds[index] != "prose" or _is_blank(chars, span):
            item_paragraph = False
            continue
        start, end = span
        line = _line_text(text, span)
        if line.endswith(("  ", "\\")):
            hard.add(index)
        if reference := _REFERENCE.fullmatch(line):
            kinds[index] = "refdef"
            item_paragraph = False
            references.add(reference[1].strip().lower())
            _blank(chars, start, end)
            continue
        if footnote := _FOOTNOTE_LABEL.match(line):  # a footnote's text is prose, its label not
            _blank(chars, start, start + footnote.end())
        quote = _QUOTE.match(line)
        position = quote.end() if quote else 0
        if quote:
            quoted.add(index)
        _blank(chars, start, start + position)
        rest = line[position:]
        previous = index - 1
        after_prose = (
            previous >= 0 and kinds[previous] in ("prose", "item")
            and not _is_blank(chars, lines[previous])
        )
        if _THEMATIC.fullmatch(rest) or (after_prose and _SETEXT.fullmatch(rest)):
            kinds[index] = "break"
            _blank(chars, start, end)
            if after_prose:
                kinds[previous] = "heading"
            item_paragraph = False
            continue
        if heading := _HEADING.match(rest):
            kinds[index] = "heading"
            item_paragraph = False
            _blank(chars, start + position, start + position + heading.end())
            if closing := _CLOSING_HASHES.search(rest):
                _blank(chars, start + position + closing.start(1), start + position + len(rest))
            continue
        item = _LIST_ITEM.match(rest)
        # An ordered item may interrupt a paragraph only when it starts at 1 (CommonMark), so
        # "2024. That year…" inside a paragraph stays prose; inside a list it is the next item.
        if item and (
            not item[3] or item[3] == "1" or not after_prose or item_paragraph
        ):
            kinds[index] = "item"
            item_paragraph = True
            marker_end = start + position + item.end()
            _blank(chars, start + position + item.start(2), marker_end)
            if box := _TASK_BOX.match(text, marker_end, end):
                _blank(chars, box.start(), box.end())
    return hard, quoted, references


def _tables(text: str, lines: list[tuple[int, int]], chars: list[str], kinds: list[str]) -> None:
    """GFM tables: a header row, a |---| row, then rows; pipes and the delimiter row blanked."""
    index = 1
    while index < len(lines):
        line = _line_text(text, lines[index])
        header = _line_text(text, lines[index - 1])
        if (
            kinds[index] == "prose" and kinds[index - 1] == "prose"
            and "|" in line and "|" in header and _TABLE_DELIMITER.fullmatch(line)
        ):
            _blank(chars, *lines[index])
            kinds[index] = kinds[index - 1] = "table"
            rows = [index - 1]
            index += 1
            while index < len(lines) and kinds[index] == "prose" and "|" in _line_text(
                text, lines[index]
            ) and not _is_blank(chars, lines[index]):
                kinds[index] = "table"
                rows.append(index)
                index += 1
            for row in rows:
                start, end = lines[row]
                for offset in range(start, end):
                    if chars[offset] == "|" and (offset == 0 or text[offset - 1] != "\\"):
                        chars[offset] = " "
        index += 1


def _inline(chars: list[str], references: set[str]) -> None:
    """Blank code spans, escapes' backslashes, HTML, links' syntax, URLs and emphasis."""
    _code_spans(chars)
    literal: set[int] = set()
    for match in _ESCAPE.finditer("".join(chars)):
        chars[match.start()] = " "
        literal.add(match.start(1))

    def scan() -> str:
        hidden = chars.copy()
        for index in literal:
            hidden[index] = _LITERAL
        return "".join(hidden)

    _html(chars, scan)
    _links(chars, scan, references)
    for match in _BARE_URL.finditer(scan()):
        _blank(chars, match.start(), match.start() + len(_trim_url(match[0])))
    _emphasis(chars, scan())


def _html(chars: list[str], scan: Callable[[], str]) -> None:
    """Blank raw HTML elements, autolinks, footnote marks and known tags."""
    for pattern in (_RAW_ELEMENT, _AUTOLINK, _FOOTNOTE):
        for match in pattern.finditer(scan()):
            _blank(chars, match.start(), match.end())
    for match in _TAG.finditer(scan()):
        name = match[1]
        if name.islower() and (name in _HTML_ELEMENTS or "-" in name):
            _blank(chars, match.start(), match.end())


def _links(chars: list[str], scan: Callable[[], str], references: set[str]) -> None:
    """Blank links' syntax and keep their text: inline, by reference and shortcut."""
    # Innermost first: blanking an image's brackets lets the link around it match next time.
    for _ in range(8):
        matches = list(_LINK.finditer(scan()))
        if not matches:
            break
        for match in matches:
            _blank(chars, match.start(), match.start(2))
            _blank(chars, match.end(2), match.end())
    for match in _REF_LINK.finditer(scan()):
        _blank(chars, match.start(), match.start(2))
        _blank(chars, match.end(2), match.end())
    for match in _SHORTCUT.finditer(scan()):
        if match[1].strip().lower() in references:
            _blank(chars, match.start(), match.start(1))
            _blank(chars, match.end(1), match.end())


def _emphasis(chars: list[str], text: str) -> None:
    """Blank emphasis delimiters, not a lone '*' or a snake_case underscore."""
    for match in _EMPHASIS.finditer(text):
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isspace() and after.isspace():
            continue  # "3 * 4" or a lone "_" is text, not a delimiter
        if match[0][0] == "_" and before.isalnum() and after.isalnum():
            continue  # snake_case: underscores inside a word never emphasise
        _blank(chars, match.start(), match.end())


def _trim_url(url: str) -> str:
    # A sentence's closing "." or ")" is not part of the URL it ends on.
    opened, closed = url.count("("), url.count(")")
    end = len(url)
    while end and (url[end - 1] in _URL_TAIL or (url[end - 1] == ")" and opened < closed)):
        closed -= url[end - 1] == ")"
        end -= 1
    return url[:end]


def _code_spans(chars: list[str]) -> None:
    """Blank `code` spans: a run of n backticks up to the next run of exactly n."""
    text = "".join(chars)
    runs = [(match.start(), match.end()) for match in re.finditer(r"`+", text)]
    breaks = [match.start() for match in re.finditer(r"\n[ \t]*\n", text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        position = bisect.bisect_right(same, index)
        # A code span never crosses a blank line; without a closer the backticks are text.
        limit = breaks[bisect.bisect_left(breaks, end)] if bisect.bisect_left(breaks, end) < len(breaks) else None
        if position < len(same) and (limit is None or runs[same[position]][0] < limit):
            closer = same[position]
            _blank(chars, start, runs[closer][1])
            index = closer
        index += 1


def _joins(
    index: int,
    lines: list[tuple[int, int]],
    kinds: list[str],
    wrapped: str,
    hard: set[int],
    quoted: set[int],
) -> bool:
    """Whether the line break after line `index` is a soft wrap inside one paragraph."""
    here, there = lines[index], lines[index + 1]
    if index in hard or kinds[index] not in ("prose", "item") or kinds[index + 1] != "prose":
        return False
    if index + 1 in quoted and index not in quoted:
        return False  # a block quote starts
    return bool(wrapped[here[0] : here[1]].strip() and wrapped[there[0] : there[1]].strip())


# -- HTML ---------------------------------------------------------------------------------------

_SKIPPED = frozenset(
    {"script", "style", "code", "pre", "noscript", "template", "head", "title", "svg", "textarea"}
)
_BLOCKS = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "blockquote",
    "section", "article", "ul", "ol", "dl", "dt", "dd", "table", "caption", "header", "footer",
    "main", "aside", "nav", "figure", "figcaption", "hr", "address", "details", "summary",
    "form", "fieldset",
})
# <meta> names for the publication time, best first.
_META_DATES = (
    "article:published_time", "og:article:published_time", "datepublished", "published_time",
    "pubdate", "publishdate", "publish-date", "date", "dc.date.issued", "dc.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date",
)
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;?")


def read_html(text: str) -> Document:
    """An HTML page: its visible prose, blocks as lines, entities decoded, mapped to source."""
    reader = _HTMLReader(text)
    reader.feed(_unopened(text, reader.placeholder) if reader.placeholder else text)
    reader.close()
    body = "".join(reader.parts)
    return Document(
        body=body,
        source=text,
        published=reader.published(),
        offsets=tuple(reader.runs),
        comments=tuple(reader.comments),
    )


# Where each construct the stdlib parser looks for the end of, ends: "<!--" at "-->", "<![" at
# "]]>" or "]>", every other "<" at ">".
_MARKED_END = re.compile(r"\]\s*>")
_CONSTRUCTS = ((re.compile("<!--"), 4, lambda text: text.rfind("-->")),
               (re.compile(r"<!\["), 3, lambda text: max((m.start() for m in _MARKED_END.finditer(text)), default=-1)),
               (re.compile("<"), 1, lambda text: text.rfind(">")))


def _unopened(text: str, placeholder: str) -> str:
    """`text` with the "<" of every construct that never ends made a placeholder, of one character.

    NOTE: html.parser looks from such a "<" to the end of the text for its end, then reads the "<"
    as text and looks again from the next: quadratic ("<a b" 40,000 times took 140 s). A construct
    that cannot end is text anyway, as the parser would read it; offsets stay the same, and
    handle_data turns the placeholder back into "<".
    """
    chars: list[str] | None = None
    for opener, length, last_end in _CONSTRUCTS:
        end = last_end(text)
        # Openers are found from the last end on only: the ones before it end somewhere.
        for match in opener.finditer(text, max(0, end - length + 1)):
            if match.start() + length > end:
                chars = chars if chars is not None else list(text)
                chars[match.start()] = placeholder
    return text if chars is None else "".join(chars)


class _HTMLReader(HTMLParser):
    """Collects prose and its runs; whitespace collapses to one space, as a browser shows it."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # keep entities apart, to know their offsets
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0
        self.open_skipped: list[str] = []
        self.article_depth = 0
        self.comments: list[tuple[int, str]] = []
        self.meta_dates: dict[str, str] = {}
        self.times: list[tuple[bool, str]] = []  # (inside an <article>, datetime)
        self.linked_data: list[str] = []          # the text of each <script type="application/ld+json">
        self.in_linked_data = False
        # A character the source does not hold, to stand for a "<" that opens nothing (_unopened).
        # A page holding all 32 of these noncharacters is read as it is (quadratic, within the deadline).
        self.placeholder = next((c for c in map(chr, range(0xFDD0, 0xFDF0)) if c not in source), None)

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def emit(self, text: str, source_start: int, source_length: int) -> None:
        if not text:
            return
        if self.runs and len(text) == source_length:
            body_start, start, body_length, length = self.runs[-1]
            if body_length == length and start + length == source_start:
                self.runs[-1] = (body_start, start, body_length + len(text), length + len(text))
                self.parts.append(text)
                self.length += len(text)
                return
        self.runs.append((self.length, source_start, len(text), source_length))
        self.parts.append(text)
        self.length += len(text)

    def paragraph_break(self) -> None:
        if self.open_skipped or self.last_char() == "\n":
            return
        if self.last_char() == " ":
            # The space just written becomes the break: it keeps its source, and no line of
            # the body ends in a stray blank.
            self.parts[-1] = self.parts[-1][:-1] + "\n"
            return
        self.emit("\n", self.here(), 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "")
            if key.lower() in _META_DATES and values.get("content"):
                self.meta_dates.setdefault(key.lower(), values["content"])
        elif tag == "time" and values.get("datetime"):
            self.times.append((self.article_depth > 0, values["datetime"]))
        elif tag == "script" and values.get("type", "").split(";")[0].strip().lower() == "application/ld+json":
            self.in_linked_data = True
            self.linked_data.append("")
        elif tag == "body" and "head" in self.open_skipped:
            del self.open_skipped[self.open_skipped.index("head") :]  # an unclosed <head>
        if tag == "article":
            self.article_depth += 1
        if tag in _BLOCKS:
            self.paragraph_break()
        if tag in _SKIPPED:
            self.open_skipped.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_linked_data = False
        if tag in _SKIPPED and tag in self.open_skipped:
            position = len(self.open_skipped) - 1 - self.open_skipped[::-1].index(tag)
            del self.open_skipped[position:]
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag in _BLOCKS:
            self.paragraph_break()

    def handle_data(self, data: str) -> None:
        if self.in_linked_data:
            self.linked_data[-1] += data
            return
        if self.open_skipped:
            return
        if self.placeholder:
            data = data.replace(self.placeholder, "<")
        start = self.here()
        for piece in _SPACE_RUN.finditer(data):
            if piece[0][0] in " \t\n\r\f":
                if self.last_char() not in " \n":
                    self.emit(" ", start + piece.start(), len(piece[0]))
            else:
                self.emit(piece[0].replace("\xa0", " "), start + piece.start(), len(piece[0]))

    def handle_entityref(self, name: str) -> None:
        self.entity()

    def handle_charref(self, name: str) -> None:
        self.entity()

    def entity(self) -> None:
        if self.open_skipped:
            return
        start = self.here()
        raw = _ENTITY.match(self.source, start)
        written = raw[0] if raw else "&"
        decoded = html.unescape(written)
        # &nbsp; reads as a space; a decoded newline or tab is just whitespace too.
        decoded = re.sub(r"[\xa0\t\n\r\f]", " ", decoded)
        self.emit(decoded, start, len(written))

    def handle_comment(self, data: str) -> None:
        self.comments.append((self.getpos()[0], data))

    def published(self) -> str | None:
        for key in _META_DATES:
            if key in self.meta_dates and (date := _DATE.match(self.meta_dates[key])):
                return date[1]
        # Then schema.org linked data, which most news sites carry: NewsArticle.datePublished.
        if (date := _linked_data_date(self.linked_data)) is not None:
            return date
        # Fallback: the first <time datetime> inside the <article>, else anywhere on the page.
        for in_article in (True, False):
            for inside, value in self.times:
                if (inside or not in_article) and (date := _DATE.match(value)):
                    return date[1]
        return None


def _linked_data_date(scripts: list[str]) -> str | None:
    """The first datePublished (YYYY-MM-DD) in JSON-LD, an Article's before any other item's."""
    import json

    found: list[tuple[bool, str]] = []

    def walk(node: object, depth: int) -> None:
        if depth > 20:  # hostile nesting: the date is never this deep
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and (date := _DATE.match(value)):
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                found.append((any(isinstance(k, str) and k.endswith("Article") for k in kinds), date[1]))
            for item in node.values():
                walk(item, depth + 1)

    for text in scripts:
        try:
            walk(json.loads(text), 0)
        except (ValueError, RecursionError):
            continue  # broken linked data is common; the page's other dates still count
    articles = [date for is_article, date in found if is_article]
    return (articles or [date for _, date in found] or [None])[0]
