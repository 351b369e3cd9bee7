"""A JSON article (a .json file, or one line of a JSON Lines file) read into an Article."""

from __future__ import annotations

import re
from dataclasses import replace

from figcheck import reading
from figcheck.errors import InputError
from figcheck.inputs.article import Article, dated
from figcheck.inputs.json_positions import body_locators

_CODE = re.compile(r"FC\d{0,3}")


def read_record_line(label: str, line: str, published: str | None, number: int) -> Article:
    # The path stays the file's own; the record's line is a field of its own, so every report
    # points into the real file (SARIF, annotations) rather than at a "file.jsonl:3" that is none.
    try:
        record = reading.load_json(line, with_line=False)
    except InputError as exc:
        return Article(label, error=str(exc), record=number)
    return replace(read_record(label, record, published, raw=line, first_line=number), record=number)


def read_record(label: str, record: object, published: str | None, raw: str | None = None, first_line: int = 1) -> Article:
    if not isinstance(record, dict):
        return Article(label, error=f"a JSON article must be an object, not {type(record).__name__}")
    body = record.get("body")
    if body is None:
        return Article(label, error='a JSON article needs a "body"')
    if not isinstance(body, str):
        return Article(label, error=f'"body" must be a string, not {type(body).__name__}')
    date = record.get("published") or published
    if date is not None and not isinstance(date, str):
        return Article(label, error=f'"published" must be a YYYY-MM-DD string, not {type(date).__name__}')
    ignore = record.get("figcheck_ignore") or []
    # A code or a prefix ("FC1"); "" would be a prefix of every code and silence every rule.
    if not isinstance(ignore, list) or not all(isinstance(c, str) and _CODE.fullmatch(c) for c in ignore):
        return Article(label, error='"figcheck_ignore" must be a list of rule codes (like "FC101" or "FC1")')
    title = record.get("title")
    article = dated(label, _scalar_values(body), date, title if isinstance(title, str) else None, published)
    found = body_locators(raw, first_line) if raw is not None else None
    locate, locate_end = found if found else (None, None)
    return replace(article, ignore=tuple(ignore), locate=locate, locate_end=locate_end)


def _scalar_values(text: str) -> str:
    """JSON may hold lone surrogates ("\\ud800") no output can encode: each becomes U+FFFD, one for one."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
