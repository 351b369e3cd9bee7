"""HTML pages read into their visible prose, blocks as lines, entities decoded, mapped to source."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from figcheck.inputs.positions import DATE, Document, Run

_SKIPPED = frozenset(
    {"script", "style", "code", "pre", "noscript", "template", "head", "title", "svg", "textarea"}
)
_BLOCKS = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "blockquote",
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
        # Open <td>/<th>: a table row is one line of cells between " | ", as a Markdown table
        # reads (relate/tables.py), and a block inside a cell ("<td><p>120</p></td>") breaks no row.
        self.cells = 0
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
        if self.cells:
            if self.last_char() != " ":
                self.emit(" ", self.here(), 0)
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
        if tag in ("tr", "table"):
            self.cells = 0   # a cell left open (no </td>) ends with its row
        if tag in _BLOCKS:
            self.paragraph_break()
        if tag in ("td", "th"):
            self.cell()
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
        if tag in ("tr", "table"):
            self.cells = 0
        if tag in _BLOCKS:
            self.paragraph_break()

    def cell(self) -> None:
        """A cell opens: after another cell of its row, a " | " between the two."""
        if not self.open_skipped and self.last_char() != "\n":
            self.emit("| " if self.last_char() == " " else " | ", self.here(), 0)
        self.cells = 1

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
            if key in self.meta_dates and (date := DATE.match(self.meta_dates[key])):
                return date[1]
        # Then schema.org linked data, which most news sites carry: NewsArticle.datePublished.
        if (date := _linked_data_date(self.linked_data)) is not None:
            return date
        # Fallback: the first <time datetime> inside the <article>, else anywhere on the page.
        for in_article in (True, False):
            for inside, value in self.times:
                if (inside or not in_article) and (date := DATE.match(value)):
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
            if isinstance(value, str) and (date := DATE.match(value)):
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
