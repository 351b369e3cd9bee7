"""Inline suppressions (`<!-- figcheck-disable… -->`, a record's figcheck_ignore) and their use."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from figcheck.errors import InputError
from figcheck.model import Placed

Kind = Literal["next-line", "line", "range", "file", "record"]

_CODE = re.compile(r"FC\d{0,3}")
_DIRECTIVE = re.compile(
    r"\s*figcheck-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)",
    re.DOTALL,
)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_KINDS = {
    "disable-next-line": "next-line",
    "disable-line": "line",
    "disable-file": "file",
    "disable": "range",
}
_COMMENT_ONLY = re.compile(r"\s*(?:<!--.*?-->\s*)*")


@dataclass(frozen=True)
class Suppression:
    """One directive: which codes it silences and on which source lines."""

    line: int                    # source line of the comment (the record's first line)
    codes: tuple[str, ...]       # codes or prefixes, as written; () silences every rule
    kind: Kind
    first_line: int              # first source line covered
    last_line: int | None        # last line covered; None: to the end of the file
    reason: str | None = None    # the text after " -- "

    @property
    def unknown_codes(self) -> tuple[str, ...]:
        """Codes that are not FC codes or prefixes: they can never match (report them)."""
        return tuple(code for code in self.codes if not _CODE.fullmatch(code))

    def covers(self, placed: Placed) -> bool:
        """Whether this suppression silences the finding `placed`."""
        code = placed.finding.code
        if self.codes and not any(code.startswith(prefix) for prefix in self.codes):
            return False
        if self.kind in ("file", "record") and self.first_line <= 1 and self.last_line is None:
            return True
        start = placed.line
        end = max(placed.end_line, start)
        # Touching is enough: a finding that starts, ends or spans the covered lines counts.
        return end >= self.first_line and (self.last_line is None or start <= self.last_line)


def parse_comments(
    comments: Iterable[tuple[int, str]], source: str | None = None
) -> list[Suppression]:
    """The suppressions in a document's (line, text) comments, in source order.

    With `source`, a next-line directive covers the next line that is neither blank nor only
    comments (so directives can be stacked); without it, the line after the comment.
    """
    lines = source.split("\n") if source is not None else None
    found: list[Suppression] = []
    open_ranges: list[Suppression] = []
    for line, text in sorted(comments, key=lambda item: item[0]):
        match = _DIRECTIVE.match(text)
        if match is None:
            continue
        directive, codes, reason = match[1], *_codes_and_reason(match[2])
        if directive == "enable":
            open_ranges = _enable(open_ranges, codes, line, found)
            continue
        kind = _KINDS[directive]
        last_line_of_comment = line + text.count("\n")
        if kind == "next-line":
            target = _next_line(last_line_of_comment, lines)
            found.append(Suppression(line, codes, "next-line", target, target, reason))
        elif kind == "line":
            found.append(Suppression(line, codes, "line", line, last_line_of_comment, reason))
        elif kind == "file":
            found.append(Suppression(line, codes, "file", 1, None, reason))
        else:
            opened = Suppression(line, codes, "range", line, None, reason)
            open_ranges.append(opened)
            found.append(opened)
    return sorted(found, key=lambda s: (s.line, s.first_line))


def from_record(
    codes: object, first_line: int = 1, last_line: int | None = None
) -> list[Suppression]:
    """The suppression a JSON article's `figcheck_ignore` asks for: its codes, whole article.

    For a JSONL record give its lines, so that it silences that record only.
    """
    if isinstance(codes, str):
        codes = [code for code in re.split(r"[,\s]+", codes) if code]
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise InputError("figcheck_ignore: expected a list of rule codes, like [\"FC101\"]")
    if not codes:
        return []
    cleaned = tuple(code.strip().upper() for code in codes)
    return [Suppression(first_line, cleaned, "record", first_line, last_line, None)]


def apply(
    suppressions: Sequence[Suppression], findings: list[Placed]
) -> tuple[list[Placed], list[tuple[Placed, Suppression]], list[Suppression]]:
    """Split `findings` into (kept, suppressed) and list the suppressions that silenced nothing.

    Each suppressed finding comes with the first suppression that covers it (its kind, line and
    reason are what a SARIF writer would give as `suppressions[].justification`).
    """
    kept: list[Placed] = []
    suppressed: list[tuple[Placed, Suppression]] = []
    used: set[int] = set()
    for finding in findings:
        matching = [index for index, s in enumerate(suppressions) if s.covers(finding)]
        if not matching:
            kept.append(finding)
            continue
        used.update(matching)
        suppressed.append((finding, suppressions[matching[0]]))
    # A range split by a partial enable is one directive: used if any piece was.
    used_directives = {(suppressions[i].kind, suppressions[i].line) for i in used}
    unused = [
        s for index, s in enumerate(suppressions)
        if index not in used and (s.kind, s.line) not in used_directives
    ]
    unique = list({(s.kind, s.line, s.codes): s for s in unused}.values())
    return kept, suppressed, unique


def _codes_and_reason(rest: str) -> tuple[tuple[str, ...], str | None]:
    split = _REASON.search(rest)
    codes_text, reason = (rest[: split.start()], rest[split.end() :]) if split else (rest, None)
    codes = tuple(code.upper() for code in re.split(r"[,\s]+", codes_text) if code)
    reason = " ".join(reason.split()) if reason else None
    return codes, reason or None


def _next_line(after: int, lines: list[str] | None) -> int:
    target = after + 1
    if lines is None:
        return target
    while target <= len(lines) and _COMMENT_ONLY.fullmatch(lines[target - 1]):
        target += 1
    return target


def _enable(
    open_ranges: list[Suppression], codes: tuple[str, ...], line: int, found: list[Suppression]
) -> list[Suppression]:
    """Close the open ranges `codes` re-enables (all when empty); return those still open.

    A range loses each of its codes that starts with a re-enabled code; if some remain, it
    goes on from this line as a new piece of the same directive.
    """
    still_open = []
    for opened in open_ranges:
        remaining = () if not codes else tuple(
            code for code in opened.codes if not any(code.startswith(e) for e in codes)
        )
        if codes and (not opened.codes or remaining == opened.codes):
            still_open.append(opened)  # not named by this enable: it stays disabled
            continue
        index = next(i for i, s in enumerate(found) if s is opened)
        found[index] = Suppression(
            opened.line, opened.codes, "range", opened.first_line, line, opened.reason
        )
        if remaining:
            piece = Suppression(opened.line, remaining, "range", line, None, opened.reason)
            found.append(piece)
            still_open.append(piece)
    return still_open
