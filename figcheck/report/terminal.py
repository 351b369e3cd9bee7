"""The report a fact-checker reads: each finding, its figures in their sentence, and the working."""

from __future__ import annotations

import os
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from figcheck.report.escape import prose, visible

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _console(out: TextIO) -> Console:
    return Console(file=out, highlight=False, soft_wrap=False, width=_width())


def _width() -> int | None:
    """The report's width: rich's own choice, unless COLUMNS is unusable.

    NOTE: rich takes COLUMNS=0 as a width of 0 and prints nothing at all, and a huge COLUMNS pads
    every table row to it; below 20 or above 1,000 (or not a number) is taken as 80.
    """
    columns = os.environ.get("COLUMNS")
    if columns is None:
        return None
    try:
        width = int(columns)
    except ValueError:
        return 80
    return width if 20 <= width <= 1000 else 80


def highlighted(sentence: str, figures: list[dict[str, Any]]) -> Text:
    """The sentence with each figure's words in bold, its control characters made harmless."""
    spans = []
    pos = 0
    for f in figures:
        if f.get("sentence") != sentence:
            continue
        i = sentence.find(f["text"], pos)
        if i < 0:
            i = sentence.find(f["text"])
        if i >= 0:
            spans.append((i, i + len(f["text"])))
            pos = i + len(f["text"])
    # Escaping may lengthen the text ("\x1b"), so it is built piece by piece, not styled by offset.
    text = Text()
    at = 0
    for start, end in sorted(spans):
        start = max(start, at)
        if start >= end:
            continue
        text.append(prose(sentence[at:start]))
        text.append(prose(sentence[start:end]), style="bold reverse")
        at = end
    text.append(prose(sentence[at:]))
    return text


class Report:
    """Streams the full report: one block per file with findings, a summary at the end."""

    def __init__(self, out: TextIO, quiet: bool = False, show_checks: bool = False) -> None:
        self.console = _console(out)
        self.quiet, self.show_checks = quiet, show_checks

    def write(self, result: dict[str, Any]) -> None:
        c = self.console
        where = f"{result['path']}:{result['record']}" if result.get("record") else result["path"]
        if result.get("error"):
            _error_line(c, result, where)
            return
        findings = result.get("findings", [])
        held = result.get("held", []) if self.show_checks else []
        if not findings and not held:
            return
        # A path is printed whole, never wrapped: a wrap could open a line with a name's own
        # "::error ...", which a CI runner reading the log would take for a workflow command.
        c.print(Text(visible(where), style="bold underline"), soft_wrap=True)
        for f in findings:
            head = Text.assemble(
                ("  " + f["code"], "bold"), " ", (f["severity"], STYLE.get(f["severity"], "")), " ",
                (f.get("name", ""), "dim"), (f"  line {f['line']}:{f['column']}", "dim"))
            c.print(head)
            c.print(Text("    " + prose(f["message"])))
            if f.get("working"):
                c.print(Text.assemble(("    working: ", "dim"), (prose(f["working"]), "bold")))
            for words in f.get("context", []):
                c.print(Text.assemble(("    may account for it: ", "dim"), f"“{prose(words)}”"))
            seen = []
            for fig in f["figures"]:
                if fig["sentence"] not in seen:
                    seen.append(fig["sentence"])
            for sentence in seen:
                c.print(Text("    › ", style="dim") + highlighted(sentence, f["figures"]))
        for check in held:
            c.print(Text.assemble(("  checked, holds: ", "green"), (visible(check["code"]) + " ", "dim"), prose(check["working"])))
        c.print()

    def close(self, summary: dict[str, Any]) -> None:
        if self.quiet:
            return
        from figcheck.report.summary import summary_line

        f = summary["findings"]
        clean = not any(f.values()) and not summary.get("errors")
        self.console.print(Text(("All clear: " if clean else "") + summary_line(summary), style="green" if clean else "bold"))


def figure_table(result: dict[str, Any], out: TextIO) -> None:
    """Every figure of one file as a table (`figcheck extract`)."""
    c = _console(out)
    where = f"{result['path']}:{result['record']}" if result.get("record") else result["path"]
    if result.get("error"):
        _error_line(c, result, where)
        return
    # NOTE: every string goes in as Text: rich reads a plain str as markup, and "[link=…]" in an
    # article or a file name would become a terminal hyperlink (OSC 8), "[red]" a colour.
    table = Table(title=Text(f"{visible(where)}: {len(result['figures'])} figures"), title_justify="left",
                  show_lines=False)
    for col in ("line", "text", "value", "range", "bound", "kind", "unit", "counted", "verb", "when", "sentence"):
        table.add_column(col, overflow="fold", max_width=40 if col == "sentence" else None)
    for f in result["figures"]:
        low = "…" if f["low"] is None else f"{f['low']:,}"
        high = "…" if f["high"] is None else f"{f['high']:,}"
        value = f"{f['value']:,}" if f["value"] is not None else "?"
        sentence = f["sentence"] if len(f["sentence"]) <= 80 else f["sentence"][:77] + "…"
        cells = (f["text"], f["unit"] or "", f["counted"] or "", f["verb"] or "", f["when"] or "", sentence)
        text, unit, counted, verb, when, sentence = (prose(cell) for cell in cells)
        row = (str(f["line"]), text, value, f"{low} – {high}" if low != high else low, f["bound"],
               f["kind"], unit, counted, verb, when, sentence)
        table.add_row(*(Text(cell) for cell in row))
    c.print(table)


def _error_line(c: Console, result: dict[str, Any], where: str) -> None:
    c.print(Text.assemble((visible(where), "bold"), ": ", ("error", "bold red"), f": {visible(result['error'])}"), soft_wrap=True)
