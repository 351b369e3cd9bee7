"""Where a JSON article's "body" string sits in its file: body offsets to the file's line and column.

A JSON string holds its text escaped ("\\n", "\\u00e9", "\\"" ...), so the tenth character of
the body is not the tenth character after the opening quote. This finds the raw string token
of the record's last top-level "body" key (the one json.loads keeps) and maps each decoded
character back to where the file holds it, escapes included, as SARIF and annotations need.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from json.decoder import scanstring

Locate = Callable[[int], tuple[int, int]]

_SPACE = re.compile(r"[ \t\n\r]*")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)
_DECODER = json.JSONDecoder()


def body_locators(text: str, first_line: int = 1) -> tuple[Locate, Locate] | None:
    """(locate, locate_end) for the "body" of the JSON object `text`, or None if it has no body string.

    `first_line` is the file line `text` starts on (a JSON Lines record's line). Both give
    1-based (line, column) in code points; locate_end(end) is just past the body text ending
    at `end`, so locate_end(len(body)) is the closing quote.
    """
    quote = _body_token(text)
    if quote is None:
        return None
    keys, extras = _shifts(text, quote + 1)
    line_starts = (0, *(m.end() for m in re.finditer("\n", text)))
    where = BodyMap(quote, tuple(keys), tuple(extras), line_starts, first_line)
    return where.locate, where.locate


@dataclass(frozen=True)
class BodyMap:
    """Body offsets to file positions; a plain record, so an Article holding it can go to a worker process."""

    quote: int                      # offset of the body's opening quote in the record's text
    keys: tuple[int, ...]           # see _shifts
    extras: tuple[int, ...]
    line_starts: tuple[int, ...]    # offsets of the record text's lines
    first_line: int

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of body offset `offset` (len(body): the closing quote)."""
        offset = max(0, offset)
        raw = self.quote + 1 + offset + self.extras[bisect.bisect_right(self.keys, offset) - 1]
        index = bisect.bisect_right(self.line_starts, raw) - 1
        return self.first_line + index, raw - self.line_starts[index] + 1


def _body_token(text: str) -> int | None:
    """Offset of the opening quote of the last top-level "body" string, or None."""
    i = _SPACE.match(text).end()
    if text[i : i + 1] != "{":
        return None
    found = None
    i += 1
    try:
        while True:
            i = _SPACE.match(text, i).end()
            if text[i : i + 1] != '"':
                return found  # "}" ends the object; anything else json.loads has already refused
            key, i = scanstring(text, i + 1)
            i = _SPACE.match(text, i).end()
            if text[i : i + 1] != ":":
                return found
            i = _SPACE.match(text, i + 1).end()
            if key == "body" and text[i : i + 1] == '"':
                found = i
            _, i = _DECODER.raw_decode(text, i)  # skip the value, whatever it is
            i = _SPACE.match(text, i).end()
            if text[i : i + 1] != ",":
                return found
            i += 1
    except (ValueError, RecursionError):
        return found


def _shifts(text: str, start: int) -> tuple[list[int], list[int]]:
    """From each escape on, how many more raw characters than decoded ones lie before a body offset.

    keys[k] is the first decoded offset to which extras[k] applies; only escapes add entries, so
    an article without any costs two short lists, however long it is.
    """
    keys, extras = [0], [0]
    decoded, extra, pos = 0, 0, start
    matches = iter(_ESCAPE.finditer(text, start))
    pending = None
    while True:
        m = pending or next(matches, None)
        pending = None
        if m is None or _closes(text, pos, m.start()):
            break
        decoded += m.start() - pos
        end = m.end()
        if m[1] and 0xD800 <= int(m[1], 16) <= 0xDBFF:
            # A surrogate pair ("\ud83d\ude00") decodes to one character.
            after = next(matches, None)
            if after is not None and after.start() == end and after[1] and 0xDC00 <= int(after[1], 16) <= 0xDFFF:
                end = after.end()
            else:
                pending = after
        decoded += 1
        extra += end - m.start() - 1
        keys.append(decoded)
        extras.append(extra)
        pos = end
    return keys, extras


def _closes(text: str, pos: int, until: int) -> bool:
    # The string ends at the first unescaped quote; escapes after it belong to other values.
    return text.find('"', pos, until) >= 0
