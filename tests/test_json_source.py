"""JSON article bodies mapped back to their file: escapes, surrogate pairs, pretty-printing, later keys."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.inputs.json_positions import body_locators


def raw_at(text: str, line: int, column: int) -> int:
    return sum(len(x) + 1 for x in text.split("\n")[: line - 1]) + column - 1


@settings(max_examples=200, deadline=None)
@given(body=st.text(min_size=1, max_size=40), ascii_only=st.booleans(), indent=st.sampled_from([None, 2]),
       before=st.dictionaries(st.sampled_from(["title", "tags", "bodyx"]), st.text(max_size=5), max_size=2))
def test_each_body_character_maps_to_its_escape_in_the_file(body, ascii_only, indent, before):
    text = json.dumps({**before, "body": body, "after": ["x\\"]}, ensure_ascii=ascii_only, indent=indent)
    locate, locate_end = body_locators(text)
    for i, char in enumerate(body):
        start = raw_at(text, *locate(i))
        end = raw_at(text, *locate_end(i + 1))
        assert json.loads('"' + text[start:end] + '"') == char
    assert text[raw_at(text, *locate_end(len(body)))] == '"'


def test_the_last_body_key_wins_and_lines_count_from_the_record():
    text = '{"body": "old", "title": "a \\"b\\"", "body": "Caf\\u00e9 \\ud83d\\ude00 had 520 seats"}'
    locate, _ = body_locators(text, first_line=7)
    assert locate(0) == (7, text.index("Caf") + 1)
    assert locate(len("Café 😀 had ")) == (7, text.index("520") + 1)
    assert body_locators('{"title": "no body"}') is None and body_locators("[1, 2]") is None
