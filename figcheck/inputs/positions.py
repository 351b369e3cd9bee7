"""Where an article's prose came from: a Document maps each body offset back to its source's line and column."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

# One run of body text and the source text it came from:
# (body_start, source_start, body_length, source_length). Equal lengths mean the run is a
# verbatim copy; otherwise it is one decoded entity, one collapsed space or one inserted break.
Run = tuple[int, int, int, int]

# A YYYY-MM-DD at the start of a value that names the publication date (front matter, <meta>,
# JSON-LD): both markup readers fill Document.published with it.
DATE = re.compile(r"\s*[\"']?(\d{4}-\d{2}-\d{2})")


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
