"""One article through the checker: read, extract, run the rules, suppress; a result out whose findings are placed in the file."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from figcheck.cli.deadline import deadline
from figcheck.errors import FigcheckError
from figcheck.inputs.article import Article, prepare
from figcheck.model import Figure, Finding, Placed, Severity

if TYPE_CHECKING:
    from figcheck.report.json_format import Locate


@dataclasses.dataclass(frozen=True)
class Job:
    """What a worker needs for one article: picklable, no open handles."""

    article: Article
    mode: str                      # "extract" or "check"
    codes: tuple[str, ...] = ()    # the rules to run
    severity: tuple[tuple[str, Severity], ...] = ()   # (code, severity) where the config changes a rule's
    timeout: float = 10.0
    params: tuple[tuple[str, str, float], ...] = ()   # (code, parameter, value) from [tolerance]
    document: bool = False         # send the body and every figure back, for the HTML report


def process(job: Job) -> dict[str, Any]:
    """One article in, one file result out: its figures (JSON-shaped), its findings placed in the file, or an error."""
    art = job.article
    empty = "figures" if job.mode == "extract" else "findings"
    if art.error is not None:
        return {**_head(art), "error": art.error, empty: []}
    try:
        with deadline(job.timeout):
            # Markup is read here, within the deadline: a slow page is its own error, not a hang.
            art = prepare(art)
            if art.error is not None:
                return {**_head(art), "error": art.error, empty: []}
            result = _process(dataclasses.replace(job, article=art))
    except FigcheckError as exc:
        return {**_head(art), "error": str(exc), empty: []}
    except Exception as exc:  # one odd article must not stop a newsroom's batch
        message = f"internal error ({type(exc).__name__}: {exc}); please report it with this article"
        return {**_head(art), "error": message[:300], empty: []}
    if art.warning:
        result["warnings"] = [art.warning]
    return result


def _head(art: Article) -> dict[str, Any]:
    """The first keys of a file result: the real file, and the record's line in a JSON Lines file."""
    return {"path": art.path, "record": art.record} if art.record is not None else {"path": art.path}


def _print_key(art: Article) -> str:
    # Records of one JSON Lines file are told apart in fingerprints by their line, as before
    # the path became the file's own.
    return art.path if art.record is None else f"{art.path}:{art.record}"


def _process(job: Job) -> dict[str, Any]:
    from figcheck.relate import document
    from figcheck.report.fingerprint import placed_fingerprint
    from figcheck.report.json_format import figure_dict

    art = job.article
    doc = document(art.body, art.published, verbs=job.mode == "extract")
    locate = art.locate or doc.layout.line_col

    def sentence_of(f: Any) -> str:
        return _sentence_shown(doc.body, doc.layout.sentence_starts[f.sentence], doc.layout.sentence_ends[f.sentence], f)

    if job.mode == "extract":
        return {**_head(art), "error": None, "figures": [figure_dict(f, locate, sentence_of(f)) for f in doc.figures]}
    from figcheck.engine import run
    from figcheck.rules import load_rules

    wanted = set(job.codes)
    rules = [r for r in load_rules() if r.code in wanted]
    if job.params:
        rules = [_tuned(r, job.params) for r in rules]
    findings = run(doc, rules)
    overrides = dict(job.severity)
    counts: dict[tuple[str, str], int] = {}
    out = []
    for f in findings:
        if f.code in overrides:
            f = dataclasses.replace(f, severity=overrides[f.code])
        placed = _place(f, locate, sentence_of, art.locate_end)
        plain = placed_fingerprint(_print_key(art), placed)
        n = counts.get((f.code, plain), 0)  # identical findings in one file get their own prints
        out.append(dataclasses.replace(placed, fingerprint=placed_fingerprint(_print_key(art), placed, n) if n else plain))
        counts[(f.code, plain)] = n + 1
    relations: dict[str, list[int]] = {}   # kind -> [held, failed]
    for h in doc.held:
        relations.setdefault(h["kind"], [0, 0])[0] += 1
    for f in findings:
        relations.setdefault(f.kind, [0, 0])[1] += 1
    result = {**_head(art), "error": None, "findings": out,
              "stats": {"figures": len(doc.figures), "checked": len(doc.checked), "relations": relations}}
    if doc.held:
        result["held"] = sorted(doc.held, key=lambda h: h["start"])
    if job.document:
        lay = doc.layout
        result["document"] = {
            "body": doc.body,
            "figures": [[f.start, f.end, f.kind] for f in doc.figures],
            "sentences": [[s, e, p] for s, e, p in zip(lay.sentence_starts, lay.sentence_ends, lay.paragraph_of_sentence,
                                                           strict=True)],
        }
    return _suppress(art, result)


def _place(finding: Finding, locate: Locate, sentence_of: Callable[[Figure], str], locate_end: Locate | None = None) -> Placed:
    """`finding` with its region in the file, and each figure's place and sentence; no fingerprint yet."""
    line, column = locate(finding.start)
    end_line, end_column = (locate_end or locate)(finding.end)
    return Placed(finding, line, column, end_line, end_column,
                  tuple((*locate(f.start), sentence_of(f)) for f in finding.figures))


# A figure's sentence is shown whole up to this length (the corpus's longest is 689 characters);
# past it, only WINDOW characters either side of the figure. NOTE: every figure carries its
# sentence, so one sentence of 250,000 figures shown whole made a report of 250,000 times it.
SENTENCE_WHOLE = 1000
WINDOW = 120


def _sentence_shown(body: str, start: int, end: int, fig: Any) -> str:
    if end - start <= SENTENCE_WHOLE:
        return body[start:end]
    lo, hi = max(start, fig.start - WINDOW), min(end, fig.end + WINDOW)
    return ("…" if lo > start else "") + body[lo:hi] + ("…" if hi < end else "")


def _tuned(rule: Any, params: tuple[tuple[str, str, float], ...]) -> Any:
    changes = {name: value for code, name, value in params if code == rule.code}
    return dataclasses.replace(rule, params=dataclasses.replace(rule.params, **changes)) if changes else rule


def _suppress(art: Article, result: dict[str, Any]) -> dict[str, Any]:
    """Drop the findings an editor silenced in the article; note the suppressions that matched nothing."""
    if not (art.comments or art.ignore):
        return result
    from figcheck import suppress

    sups = suppress.parse_comments(art.comments, art.source) + (suppress.from_record(list(art.ignore)) if art.ignore else [])
    kept, hidden, unused = suppress.apply(sups, result["findings"])
    return {**result, "findings": kept, "suppressed": len(hidden),
            "unused": [(s.line, ", ".join(s.codes) or "all") for s in unused]}
