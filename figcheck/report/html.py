"""HTML report: one self-contained page an editor can open, print or attach to a ticket.

Each article's text with every figure marked, each finding beside the paragraph it is in with
its working, the figures of one finding linked (hovering or clicking one lights up the others),
the checks that held apart from those that failed, and a summary at the top. No network and no
files beside it: the CSS and the few lines of script are inline, and every article's words are
escaped.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterator
from typing import Any

from figcheck.report.summary import plural, summary_line

# Past this many articles, clean ones are listed by name only: a 3,000-article batch would
# otherwise make a page no browser opens comfortably.
FULL_TEXT_LIMIT = 200
_ORDER = ("error", "warning", "info")


def render(report: dict[str, Any], version: str = "") -> str:
    """The whole page for a report whose files may carry a "document" (body, figures, sentences)."""
    files = report["files"]
    summary = report.get("summary") or {}
    many = len(files) > FULL_TEXT_LIMIT
    parts = [_HEAD.replace("{version}", html.escape(version)), _summary(files, summary)]
    for number, file in enumerate(files, 1):
        if many and _is_clean(file):
            continue
        parts.append(_article(number, file))
    if many:
        clean = [file for file in files if _is_clean(file)]
        if clean:
            names = "".join(f"<li>{_e(_label(file))}</li>" for file in clean)
            parts.append(f'<section class="clean-list"><h2>{plural(len(clean), "clean article")}, text left out</h2>'
                         f"<ul>{names}</ul></section>")
    parts.append(_TAIL)
    return "".join(parts)


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _label(file: dict[str, Any]) -> str:
    record = file.get("record")
    return f"{file['path']} (record on line {record})" if record else file["path"]


def _is_clean(file: dict[str, Any]) -> bool:
    return not file.get("findings") and not file.get("held") and not file.get("error")


def _summary(files: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    counts = summary.get("findings") or {}
    badges = "".join(f'<span class="badge {level}">{plural(counts.get(level, 0), level)}</span>'
                     for level in _ORDER)
    held = sum(len(file.get("held") or []) for file in files)
    rows = []
    for number, file in enumerate(files, 1):
        if not (file.get("findings") or file.get("error")):
            continue
        found = file.get("findings") or []
        levels = ", ".join(plural(sum(f["severity"] == level for f in found), level)
                           for level in _ORDER if any(f["severity"] == level for f in found))
        what = _e(f"error: {file['error']}") if file.get("error") else _e(levels)
        rows.append(f'<li><a href="#article-{number}">{_e(_label(file))}</a> <span class="muted">{what}</span></li>')
    contents = f'<ol class="contents">{"".join(rows)}</ol>' if rows else '<p class="ok">Nothing to look at: every check held.</p>'
    return (f'<header class="summary"><h1>figcheck report</h1><p class="line">{_e(summary_line(summary))}</p>'
            f'<p>{badges}<span class="badge ok">{plural(held, "check")} held</span></p>{contents}</header>')


def _article(number: int, file: dict[str, Any]) -> str:
    findings = file.get("findings") or []
    held = file.get("held") or []
    head = f'<h2><span class="path">{_e(_label(file))}</span>{_counts(findings)}</h2>'
    if file.get("error"):
        return f'<section class="article" id="article-{number}">{head}<p class="input-error">error: {_e(file["error"])}</p></section>'
    doc = file.get("document")
    body = _text(number, doc, findings) if doc else _cards_only(number, findings)
    held_html = ""
    if held:
        items = "".join(f'<li><span class="code">{_e(h["code"])}</span> {_e(h["working"])}</li>' for h in held)
        held_html = f'<div class="held"><h3>Checks that held</h3><ul>{items}</ul></div>'
    tag = "section" if findings or held else "details"
    if tag == "details":  # a clean article: its text is there, folded away
        return (f'<details class="article clean" id="article-{number}"><summary>{head}</summary>'
                f"{body}</details>")
    return f'<section class="article" id="article-{number}">{head}{held_html}{body}</section>'


def _counts(findings: list[dict[str, Any]]) -> str:
    if not findings:
        return ' <span class="badge clean">clean</span>'
    return "".join(f' <span class="badge {level}">{n}</span>' for level in _ORDER
                   if (n := sum(f["severity"] == level for f in findings)))


def _cards_only(number: int, findings: list[dict[str, Any]]) -> str:
    cards = "".join(_card(number, i, f) for i, f in enumerate(findings))
    return f'<div class="para"><div class="text"></div><aside>{cards}</aside></div>' if cards else ""


def _text(number: int, doc: dict[str, Any], findings: list[dict[str, Any]]) -> str:
    """The body paragraph by paragraph, figures marked; each finding beside its first figure's paragraph."""
    body: str = doc["body"]
    sentences: list[list[int]] = doc["sentences"]      # [start, end, paragraph]
    relations: dict[int, list[str]] = {}               # figure start -> finding ids
    sentence_rel: dict[int, list[str]] = {}            # sentence index -> finding ids
    home: dict[int, list[int]] = {}                    # paragraph -> findings shown beside it
    sentence_starts = [start for start, _end, _para in sentences]
    details: dict[int, str] = {}                       # figure start -> what a finding read in it
    for i, finding in enumerate(findings):
        rid = f"a{number}r{i}"
        for fig in finding.get("figures", []):
            relations.setdefault(fig["start"], []).append(rid)
            details.setdefault(fig["start"], _reading(fig))
            s = _sentence_at(sentence_starts, fig["start"])
            sentence_rel.setdefault(s, []).append(rid)
        first = min((fig["start"] for fig in finding.get("figures", [])), default=0)
        home.setdefault(sentences[_sentence_at(sentence_starts, first)][2], []).append(i)
    # Each sentence gets the figures that start in it, found once: a long article holds
    # thousands of both, and a scan of every figure per sentence would grow with their product.
    figures = sorted(doc["figures"])
    starts = [start for start, _end, _kind in figures]
    out = []
    for paragraph, members in _paragraphs(sentences):
        parts = []
        for s in members:
            start, end, _ = sentences[s]
            mine = figures[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
            parts.append(_sentence(body, mine, sentences[s], relations, sentence_rel.get(s, []), details))
        text = " ".join(parts)
        cards = "".join(_card(number, i, findings[i]) for i in home.get(paragraph, []))
        aside = f"<aside>{cards}</aside>" if cards else "<aside></aside>"
        out.append(f'<div class="para"><p class="text">{text}</p>{aside}</div>')
    return "".join(out)


def _reading(fig: dict[str, Any]) -> str:
    """A figure as the checks read it, for its tooltip: "count 267 drones (267 to 267)"."""
    low = "open" if fig.get("low") is None else f"{fig['low']:,}"
    high = "open" if fig.get("high") is None else f"{fig['high']:,}"
    value = "?" if fig.get("value") is None else f"{fig['value']:,}"
    counted = f" {fig['counted']}" if fig.get("counted") else ""
    return f"{fig.get('kind', '')} {value}{counted} (from {low} to {high})"


def _sentence_at(starts: list[int], offset: int) -> int:
    """Index of the last sentence starting at or before `offset` (0 before the first)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _paragraphs(sentences: list[list[int]]) -> Iterator[tuple[int, list[int]]]:
    current: list[int] = []
    paragraph = None
    for i, (_start, _end, para) in enumerate(sentences):
        if para != paragraph and current:
            yield paragraph, current  # type: ignore[misc]
            current = []
        paragraph = para
        current.append(i)
    if current:
        yield paragraph, current  # type: ignore[misc]


def _sentence(body: str, figures: list[list[Any]], span: list[int],
              relations: dict[int, list[str]], rels: list[str], details: dict[int, str]) -> str:
    start, end, _ = span
    pieces, pos = [], start
    for fig_start, fig_end, kind in figures:
        if fig_start < start or fig_end > end or fig_start < pos:
            continue
        pieces.append(_e(body[pos:fig_start]))
        rel = relations.get(fig_start, [])
        attrs = f' data-rel="{" ".join(rel)}" tabindex="0"' if rel else ""
        cls = "fig linked" if rel else "fig"
        title = details.get(fig_start, kind)
        pieces.append(f'<mark class="{cls} k-{_e(kind)}" title="{_e(title)}"{attrs}>{_e(body[fig_start:fig_end])}</mark>')
        pos = fig_end
    pieces.append(_e(body[pos:end]))
    if rels:
        return f'<span class="s flagged" data-rel="{" ".join(dict.fromkeys(rels))}">{"".join(pieces)}</span>'
    return f'<span class="s">{"".join(pieces)}</span>'


def _card(number: int, i: int, f: dict[str, Any]) -> str:
    rid = f"a{number}r{i}"
    working = f'<p class="working">{_e(f["working"])}</p>' if f.get("working") else ""
    context = "".join(f'<p class="context">may account for it: “{_e(words)}”</p>' for words in f.get("context", []))
    figures = ", ".join(_e(fig["text"]) for fig in f.get("figures", []))
    return (f'<div class="card {f["severity"]}" id="card-{rid}" data-rel="{rid}" tabindex="0">'
            f'<p class="head"><b>{_e(f["code"])}</b> <span class="sev">{_e(f["severity"])}</span> '
            f'<span class="name">{_e(f.get("name", ""))}</span> <span class="where">line {f["line"]}:{f["column"]}</span></p>'
            f'<p class="message">{_e(f["message"])}</p>{working}{context}'
            f'<p class="figs">figures: {figures}</p></div>')


_CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#0b57d0;--ok:#146c2e;--ink:#1f1f1f;--muted:#5f6368;--hl:#ffe08a}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);padding:1.5rem;max-width:1200px;margin:auto}
h1{font-size:1.5rem;margin:0 0 .3rem} h2{font-size:1.1rem;margin:0 0 .6rem} h3{font-size:.95rem;margin:.2rem 0}
.summary{border-bottom:2px solid #ddd;padding-bottom:1rem;margin-bottom:1.5rem}
.summary .line{font-size:1.05rem}
.muted{color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:0 .6em;margin-right:.4em;font-size:.85rem;border:1px solid currentColor}
.badge.error{color:var(--err)} .badge.warning{color:var(--warn)} .badge.info{color:var(--info)}
.badge.ok,.badge.clean{color:var(--ok)}
.contents{margin:.5rem 0 0;padding-left:1.4rem}
.ok{color:var(--ok)}
.article{border:1px solid #ddd;border-radius:8px;padding:1rem 1.2rem;margin:0 0 1.5rem}
details.article>summary{cursor:pointer;list-style:none} details.article>summary h2{display:inline}
.path{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.para{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2rem;align-items:start}
.para .text{margin:.35rem 0}
mark.fig{background:#eef2f7;border-bottom:2px solid #9aa7b8;padding:0 .1em;border-radius:2px;color:inherit}
mark.fig.linked{background:#fde7c8;border-bottom-color:#d9822b;cursor:pointer}
.s.flagged{text-decoration:underline dotted #d9822b;text-underline-offset:4px}
.on{outline:2px solid #d9822b;background:var(--hl)!important}
.s.on{outline:none;background:#fff6d6!important} mark.fig.on{background:#ffc94d!important}
.card{border-left:4px solid var(--info);background:#f8f9fb;padding:.45rem .7rem;margin:.35rem 0;border-radius:4px;cursor:pointer}
.card.error{border-color:var(--err)} .card.warning{border-color:var(--warn)}
.card p{margin:.15rem 0} .card .sev{text-transform:uppercase;font-size:.75rem;letter-spacing:.05em}
.card.error .sev{color:var(--err)} .card.warning .sev{color:var(--warn)} .card.info .sev{color:var(--info)}
.card .name,.card .where,.card .figs,.card .context{color:var(--muted);font-size:.85rem}
.card .working{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
.card.on{background:var(--hl)}
.held{border-left:4px solid var(--ok);background:#f1f8f3;padding:.4rem .7rem;margin:0 0 .8rem;border-radius:4px}
.held ul{margin:.2rem 0;padding-left:1.2rem}
.input-error{color:var(--err)}
footer{color:var(--muted);font-size:.8rem;margin-top:2rem}
@media (max-width:800px){.para{grid-template-columns:1fr}}
@media print{
 body{padding:0;max-width:none;font-size:11pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .para{grid-template-columns:1fr;gap:0}
 .card,.held{break-inside:avoid}
 .article{break-inside:auto;border:none;padding:0;border-top:1px solid #999;border-radius:0}
 details.article:not([open]){border-top:none;padding:.2rem 0}
 .contents a{color:inherit;text-decoration:none}
 .on{outline:none}
}
"""

# Hover or focus shows a finding's figures, its sentences and its card together; a click pins
# them, so a reader can scroll from the card to the text. Event delegation keeps it to one
# listener however many figures the page holds.
_JS = """
(function(){
var pinned=null;
function rels(el){return (el.getAttribute('data-rel')||'').split(' ').filter(Boolean);}
function show(ids,on){ids.forEach(function(id){
 document.querySelectorAll('[data-rel~="'+id+'"]').forEach(function(x){x.classList.toggle('on',on);});});}
function target(e){return e.target.closest?e.target.closest('[data-rel]'):null;}
document.addEventListener('mouseover',function(e){var t=target(e);if(t&&!pinned)show(rels(t),true);});
document.addEventListener('mouseout',function(e){var t=target(e);if(t&&!pinned)show(rels(t),false);});
document.addEventListener('focusin',function(e){var t=target(e);if(t&&!pinned)show(rels(t),true);});
document.addEventListener('focusout',function(e){var t=target(e);if(t&&!pinned)show(rels(t),false);});
document.addEventListener('click',function(e){var t=target(e);
 if(pinned){show(pinned,false);}
 if(t&&(!pinned||pinned.join()!==rels(t).join())){pinned=rels(t);show(pinned,true);}else{pinned=null;}});
// A link to report.html#a1r0 opens with that finding's figures lit (#card-a1r0 scrolls to its card).
var m=/^#(a[0-9]+r[0-9]+)$/.exec(location.hash);
if(m){pinned=[m[1]];show(pinned,true);}
})();
"""

_HEAD = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta name=\"generator\" content=\"figcheck {version}\">"
         # NOTE: no request may leave the page: an editor may open it offline or attach it.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'\">"
         f"<title>figcheck report</title><style>{_CSS}</style></head><body>")
_TAIL = f"<footer>figcheck: figures marked; hover or click a finding to see its figures.</footer><script>{_JS}</script></body></html>\n"
