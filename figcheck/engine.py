"""Run the rules over an article's figures and return sorted findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from figcheck.errors import InputError
from figcheck.extract import with_verb
from figcheck.kinds import KINDS
from figcheck.model import Finding
from figcheck.relate import Doc, document
from figcheck.rules import Rule, load_rules


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return ""


def run(doc: Doc, rules: Iterable[Rule]) -> list[Finding]:
    """Findings of every rule over one prepared article, in text order then code. The checks that
    held go to `doc.held` (one entry per kind and set of figures), and every figure a rule
    checked, held or not, to `doc.checked`."""
    findings: list[Finding] = []
    index = {f.start: i for i, f in enumerate(doc.figures)}
    held_seen: set[tuple] = set()
    for rule in rules:
        for hit in KINDS[rule.kind].check(doc, rule.params):
            doc.checked.update(index[f.start] for f in hit.figures if f.start in index)
            if hit.holds:
                key = (rule.reports, tuple(sorted(f.start for f in hit.figures)))
                if key not in held_seen:
                    held_seen.add(key)
                    doc.held.append({"kind": rule.reports, "code": rule.code, "working": hit.working,
                                     "figures": [f.text for f in hit.figures], "start": min(f.start for f in hit.figures)})
                continue
            findings.append(Finding(
                code=rule.code, kind=rule.reports, severity=rule.severity,
                message=rule.message.format_map(_Fields(hit.fields)),
                figures=tuple(with_verb(doc.body, f, doc.layout) for f in hit.figures),
                working=hit.working, name=rule.name, context=hit.context,
            ))
    findings.sort(key=lambda f: (f.start, f.code, f.end))
    return _dedupe(findings)


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    # Two frames can find the same relation, and two rules of one kind the same slip (FC601 and
    # FC602 on '189 ... 198 people on board'; FC411 and FC412 on one mistyped '£281m' set against
    # the pairs around it): one finding per kind and figure, the lower code's, the rules of a kind
    # going from the one that says most about which figure is off. A rule's own findings are
    # distinct relations: two pairs off one article's rate share the pairs it agrees on.
    seen: dict[tuple[str, int], str] = {}
    sets: set[tuple[str, tuple[int, ...]]] = set()
    out = []
    for f in sorted(findings, key=lambda f: f.code):
        keys = [(f.kind, x.start) for x in f.figures]
        whole = (f.kind, tuple(sorted(x.start for x in f.figures)))
        if whole not in sets and all(seen.get(k, f.code) == f.code for k in keys):
            out.append(f)
            sets.add(whole)
            seen.update(dict.fromkeys(keys, f.code))
    return sorted(out, key=lambda f: (f.start, f.code, f.end))


def check_text(text: str, published: str | None = None, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Every finding in one article's text; `published` (YYYY-MM-DD) enables the date checks."""
    try:
        doc = document(text, published)
    except ValueError:
        raise InputError(f"invalid publication date {published!r} (use YYYY-MM-DD)") from None
    return run(doc, load_rules() if rules is None else rules)
