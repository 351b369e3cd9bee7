"""Properties over arbitrary and article-like text: extraction and checking never fail and agree with themselves."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figcheck
from figcheck.cli import main

# Cheap properties run 1,000 examples each; the whole file stays near a minute on two cores.
CHEAP = settings(max_examples=1000, deadline=None)

from article_text import PAIRS, PHRASES, PUNCT, SEPARATORS, WORDS  # noqa: E402

# Numbers as articles write them, up to ones past a float (10**309 and beyond), and the phrases joining two.
NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**7).map(str),
    st.integers(min_value=1000, max_value=10**12).map("{:,}".format),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.integers(min_value=10**15, max_value=10**420).map(str),
)
PAIR = st.tuples(st.sampled_from(PAIRS),
                 NUMBER, NUMBER).map(lambda t: t[0].format(t[1], t[2]))
TOKEN = st.one_of(st.sampled_from(PHRASES), st.sampled_from(WORDS), st.sampled_from(PUNCT), NUMBER, PAIR)
ARTICLE = st.lists(st.tuples(TOKEN, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(token + sep for token, sep in parts))
BODIES = pytest.mark.parametrize("bodies", [st.text(), ARTICLE], ids=["arbitrary", "article-like"])


@BODIES
def test_every_figure_is_its_slice_of_the_body(bodies):
    @CHEAP
    @given(bodies)
    def prop(body: str) -> None:
        figures = figcheck.extract_figures(body)
        assert [f.text for f in figures] == [body[f.start:f.end] for f in figures]
        assert all(f.text and 0 <= f.start < f.end <= len(body) for f in figures)
        assert [f.start for f in figures] == sorted(f.start for f in figures)  # in order of appearance

    prop()


@BODIES
def test_every_figure_lies_within_its_range(bodies):
    @CHEAP
    @given(bodies)
    def prop(body: str) -> None:
        for f in figcheck.extract_figures(body):
            assert not any(math.isnan(x) for x in (f.value, f.low, f.high)), f
            assert f.low <= f.high, f
            if math.isfinite(f.low) and math.isfinite(f.high):
                assert f.low <= f.value <= f.high, f

    prop()


@BODIES
def test_check_text_never_raises_and_repeats_itself(bodies):
    @CHEAP
    @given(bodies)
    def prop(body: str) -> None:
        findings = figcheck.check_text(body)
        assert figcheck.check_text(body) == findings
        for finding in findings:
            assert all(f.text == body[f.start:f.end] for f in finding.figures), finding

    prop()


# ---------------------------------------------------------------- the CLI over a batch

INPUT = st.tuples(st.sampled_from([".txt", ".md", ".json"]), st.one_of(ARTICLE, st.text(max_size=200)))


def _write(folder: Path, inputs: list[tuple[str, str]]) -> list[str]:
    paths = []
    for i, (suffix, body) in enumerate(inputs):
        path = folder / f"{i:02d}{suffix}"
        text = json.dumps({"body": body}) if suffix == ".json" else body
        path.write_bytes(text.encode("utf-8"))
        paths.append(str(path))
    return paths


def _check(folder: Path, paths: list[str], *options: str) -> tuple[int, str]:
    out = folder / "report.json"
    code = main(["check", "--format", "json", "--output", str(out), *options, *paths])
    return code, out.read_text(encoding="utf-8")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(INPUT, min_size=2, max_size=5), st.data())
def test_the_report_does_not_depend_on_the_order_of_inputs(inputs, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _write(folder, inputs)
        shuffled = data.draw(st.permutations(paths))
        code, forward = _check(folder, paths, "--jobs", "1")
        code2, backward = _check(folder, shuffled, "--jobs", "1")
    one, two = json.loads(forward), json.loads(backward)
    # An unexpected exception becomes an "internal error (...)" entry rather than a traceback: still a bug.
    assert not [f["error"] for f in one["files"] if (f["error"] or "").startswith("internal error")]
    assert code == code2
    assert [f["path"] for f in one["files"]] == paths and [f["path"] for f in two["files"]] == shuffled
    assert {f["path"]: f for f in one["files"]} == {f["path"]: f for f in two["files"]}
    assert one["summary"] == two["summary"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(INPUT, min_size=2, max_size=8))
def test_one_worker_and_two_give_the_same_report(inputs):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _write(folder, inputs)
        one = _check(folder, paths, "--jobs", "1")
        two = _check(folder, paths, "--jobs", "2")
    assert one == two


def _listed(words: list[str]) -> str:
    """The plain longest-first alternation the prefix tree stands in for."""
    import regex

    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


# Phrases as vocabularies write them: words with one space between (alternation refuses others).
WORD_LISTS = st.lists(st.text(alphabet="aAbc $.", min_size=1, max_size=5).filter(lambda w: w == " ".join(w.split()) and w),
                      min_size=1, max_size=8)


@CHEAP
@given(WORD_LISTS, st.text(alphabet="aAbc $.\n", max_size=12), st.booleans())
def test_a_prefix_tree_matches_what_the_word_list_matches(words, text, blind):
    # alternation() writes word lists as prefix trees for speed; followed by more pattern (here
    # a look-ahead that may force a shorter word), it must match exactly what the list matched.
    import regex

    from figcheck.extract.patterns import alternation

    flags = regex.IGNORECASE if blind else 0
    tree = regex.compile(f"(?:{alternation(words, blind=blind)})(?![ab])", flags)
    plain = regex.compile(f"(?:{_listed(words)})(?![ab])", flags)
    for at in range(len(text) + 1):
        got, want = tree.match(text, at), plain.match(text, at)
        assert (got and got.span()) == (want and want.span()), (words, text, at)


def test_a_phrase_with_a_stray_space_is_refused():
    # Found by the property above: " c" and "  cA" made a tree that stopped at "  c".
    import pytest

    from figcheck.extract.patterns import alternation

    for bad in (" c", "  cA", "a  b", "a "):
        with pytest.raises(ValueError, match="one space"):
            alternation(["x", bad])
