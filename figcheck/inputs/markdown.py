"""Markdown articles read into prose: code, URLs, comments, front matter and markup blanked to spaces."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from figcheck.inputs.positions import DATE, Document

# Blank, don't strip: every character that is not prose becomes a space (newlines stay), so a
# body offset IS a source offset. Patterns run over `scan`, the text blanked so far, with
# backslash-escaped characters replaced by _LITERAL so that no later pattern sees them as markup.

_LITERAL = "\x01"
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
        if key in values and (date := DATE.match(values[key])):
            published = date[1]
            break
    else:
        # A date the reader cannot read is passed on as written, so that it is reported
        # (inputs.article.dated warns) instead of quietly turning the date checks off.
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

    for pattern in (_RAW_ELEMENT, _AUTOLINK, _FOOTNOTE):
        for match in pattern.finditer(scan()):
            _blank(chars, match.start(), match.end())
    for match in _TAG.finditer(scan()):
        name = match[1]
        if name.islower() and (name in _HTML_ELEMENTS or "-" in name):
            _blank(chars, match.start(), match.end())
    _links(chars, scan, references)
    text = scan()
    for match in _BARE_URL.finditer(text):
        _blank(chars, match.start(), match.start() + len(_trim_url(match[0])))
    _emphasis(chars, scan())


def _links(chars: list[str], scan: Callable[[], str], references: set[str]) -> None:
    """Blank the syntax of inline, reference and shortcut links and images; their text stays."""
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
    """Blank emphasis delimiters (`text` is `chars` with escaped characters hidden)."""
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
