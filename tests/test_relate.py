"""Frames: which sentences a frame is tried on. The prefilter may only skip a sentence that the
frame's pattern cannot match, so each case pairs the needs with a sentence that does match."""

from __future__ import annotations

import pytest

from figcheck import lexicon
from figcheck.relate import _BIT, Frame, document, expand, frames
from figcheck.rules import load_rules


def needs(pattern: str) -> tuple[int, ...]:
    return Frame(expand(pattern), {}).needs


def matches(pattern: str, text: str) -> list[str]:
    """The frame's matches in every sentence the prefilter lets it see."""
    doc = document(text)
    frame = Frame(expand(pattern), {})
    return [m.group() for s in doc._fitting(frame) for m in frame.pattern.finditer(doc.masked[s])]


def test_each_required_slot_is_one_figure_of_its_kinds():
    assert needs(r"{N:part}\s+of\s+{NM:whole}") == tuple(sorted((_BIT["N"], _BIT["N"] | _BIT["M"])))


def test_a_named_list_holds_two_figures():
    assert needs(r"{N:whole}:\s*{list:parts}") == (_BIT["N"],) + (_BIT["N"] | _BIT["M"],) * 2


def test_an_optional_slot_is_not_required():
    pattern = r"{O:nth}\s+anniversary(?:\s+in\s+{YD:marked})?"
    assert needs(pattern) == (_BIT["O"],)
    # One ordinal and a percent: the optional year is absent, and the frame still matches.
    assert matches(pattern, "Its 100th anniversary drew 45% of the town.") == ["«O:0» anniversary"]


def test_a_slot_in_two_alternatives_is_one_figure():
    pattern = r"tripled\s+(?:to\s+{N:new}\s+from\s+{N:old}|from\s+{N:old}\s+to\s+{N:new})"
    assert len(needs(pattern)) <= 2
    assert matches(pattern, "Sales tripled to 90 from 30.") == ["tripled to «N:0» from «N:1»"]


def test_bars_and_brackets_inside_a_class_are_literal():
    assert needs(r"[|(]{N:a}[^]|)]\s*{N:b}") == (_BIT["N"], _BIT["N"])


def test_a_sentence_with_too_few_figures_is_not_tried():
    doc = document("Of the 520 students, 388 passed. Then 14 left.")
    frame = Frame(expand(r"of\s+the\s+{N:whole}[^«»]*{list:parts}"), {})
    assert doc._fitting(frame) == []   # the first sentence holds two figures, the list needs two more
    assert not any(frame.pattern.search(m) for m in doc.masked.values())


@pytest.mark.parametrize("kind", [k for k, v in lexicon.load("frames").items() if isinstance(v, list)])
def test_matches_are_every_match_of_every_frame_in_every_sentence(kind):
    # Doc.matches skips sentences by their figures and searches folded copies: it must find what
    # the plain patterns find in every sentence of every rule example (and in a capitalised copy).
    texts = [e.text for rule in load_rules() for e in (*rule.flags, *rule.traps, *rule.todos)]
    for text in texts + [t.upper() for t in texts]:
        doc = document(text)
        every = [(s, m.span(), m.groupdict()) for frame in frames(kind) for s in doc.busy
                 for m in frame.pattern.finditer(doc.masked[s])]
        assert [(s, m.span(), m.groupdict()) for s, m, _ in doc.matches(kind)] == every, text


def test_frames_are_written_in_lower_case():
    # Frames search lower-cased sentences with a case-sensitive copy of their pattern: a capital
    # letter outside the slot tokens and escapes (\p{L}, \W) would never match there.
    import re

    for kind in [k for k, v in lexicon.load("frames").items() if isinstance(v, list)]:
        for frame in frames(kind):
            rest = re.sub(r"«\[[A-Z]+\]|\\p\{\w+\}|\\[A-Za-z]|\(\?P<\w+>|\(\?P=\w+\)", "", frame.source)
            assert not re.search("[A-Z]", rest), (kind, frame.source)


def test_a_count_out_of_a_total_beside_its_share_is_one_claim():
    from figcheck.relate import document

    (p,) = document("Only 13 out of 659 MPs (2%) are from a minority group.").proportions()
    assert (p.said.text, p.share.text, p.counted) == ("13 out of 659", "2%", True)
    (p,) = document("Only 2% of MPs - 13 out of 659 - are from a minority group.").proportions()
    assert (p.said.text, p.share.text) == ("13 out of 659", "2%")
    assert [p for p in document("Nine out of 10 boys (86%) passed. 3 out of 4 (70%) failed.").proportions() if p.counted] == []


def test_owners_stakes_in_one_company_are_shares_of_one_whole():
    from figcheck.relate import document

    (s,) = document("Bull is 42.5 pct owned by Honeywell Inc, 42.5 pct by Bull SA and 15 pct by NEC.").shares()
    assert ([f.text for f in s.shares], s.times) == (["42.5 pct", "42.5 pct", "15 pct"], (1, 1, 1))
    (s,) = document("A group, 50 pct owned by Teck and 25 pct each by Mim and Metall, bought it.").shares()
    assert s.times == (1, 2)
    (s,) = document("The group in which Conoco has a 67.5 pct interest, Louisiana Land 20 pct and Nassau 12.5 pct, won.").shares()
    assert len(s.shares) == 3


def test_shares_of_other_things_are_not_stakes():
    from figcheck.relate import document

    assert document("Teck owns 50 pct of the mine and 35 pct of the smelter.").shares() == []
    assert document("It is 50 pct owned by Teck; profits rose 35 pct by March.").shares() == []


def test_a_share_and_the_remaining_one_are_shares_of_one_whole():
    from figcheck.kinds import percent
    text = "Local bands took 42.5% of ticket sales last year, with touring acts taking the remaining 62.5%."
    hits = list(percent.check(document(text), percent.Params("shares_total")))
    assert [(h.holds, [f.text for f in h.figures]) for h in hits] == [(False, ["42.5%", "62.5%"])]


def test_a_remaining_share_of_a_part_or_of_its_own_whole_or_after_a_change_is_not_checked():
    from figcheck.kinds import percent

    def found(text: str) -> list[bool]:
        return [h.holds for h in percent.check(document(text), percent.Params("shares_total"))]
    assert found("The city sold 30% of its stake, and the remaining 25% stays with the state.") == [True]
    assert found("Sales rose 45% in the year, and the remaining 70% went abroad.") == []
    assert found("It keeps 80% of the A shares and the remaining 40% of the B shares.") == []


def test_a_score_and_its_margin_are_a_difference():
    text = "The visitors led by five goals at the break, 14 goals to 9."
    assert [(d.a.text, d.delta.text, d.b.text, d.sign) for d in document(text).differences()] == [("14", "five", "9", 1)]
    text = "The motion passed by 310 votes to 264, a majority of 46."
    assert [(d.a.text, d.delta.text, d.b.text) for d in document(text).differences()] == [("310", "46", "264")]


def test_a_change_or_a_margin_without_its_unit_is_no_score_and_margin():
    assert document("The index rose by 4 points to 120 points to close the week.").differences() == []
    assert document("The bill was defeated by 297 votes to 203, despite a rebellion by 34 MPs.").differences() == []
    assert document("Prices went from 10 to 12 by 3 points in a day.").differences() == []
