"""The report a fact-checker reads: each finding, its figures in their sentence, and the working."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _console(out: TextIO) -> Console:
    return Console(file=out, highlight=False, soft_wrap=False)


def highlighted(sentence: str, figures: list[dict[str, Any]]) -> Text:
    """The sentence with each figure's words in bold."""
    text = Text(sentence)
    pos = 0
    for f in figures:
        if f.get("sentence") != sentence:
            continue
        i = sentence.find(f["text"], pos)
        if i < 0:
            i = sentence.find(f["text"])
        if i >= 0:
            text.stylize("bold reverse", i, i + len(f["text"]))
            pos = i + len(f["text"])
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
            c.print(Text.assemble((where, "bold"), ": ", ("error", "bold red"), f": {result['error']}"))
            return
        findings = result.get("findings", [])
        held = result.get("held", []) if self.show_checks else []
        if not findings and not held:
            return
        c.print(Text(where, style="bold underline"))
        for f in findings:
            head = Text.assemble(
                ("  " + f["code"], "bold"), " ", (f["severity"], STYLE.get(f["severity"], "")), " ",
                (f.get("name", ""), "dim"), (f"  line {f['line']}:{f['column']}", "dim"))
            c.print(head)
            c.print(Text("    " + f["message"]))
            if f.get("working"):
                c.print(Text.assemble(("    working: ", "dim"), (f["working"], "bold")))
            for words in f.get("context", []):
                c.print(Text.assemble(("    may account for it: ", "dim"), f"“{words}”"))
            seen = []
            for fig in f["figures"]:
                if fig["sentence"] not in seen:
                    seen.append(fig["sentence"])
            for sentence in seen:
                c.print(Text("    › ", style="dim") + highlighted(sentence, f["figures"]))
        for check in held:
            c.print(Text.assemble(("  checked, holds: ", "green"), (check["code"] + " ", "dim"), check["working"]))
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
        c.print(Text.assemble((where, "bold"), ": ", ("error", "bold red"), f": {result['error']}"))
        return
    table = Table(title=f"{where}: {len(result['figures'])} figures", title_justify="left", show_lines=False)
    for col in ("line", "text", "value", "range", "bound", "kind", "unit", "counted", "verb", "when", "sentence"):
        table.add_column(col, overflow="fold", max_width=40 if col == "sentence" else None)
    for f in result["figures"]:
        low = "…" if f["low"] is None else f"{f['low']:,}"
        high = "…" if f["high"] is None else f"{f['high']:,}"
        value = f"{f['value']:,}" if f["value"] is not None else "?"
        sentence = f["sentence"] if len(f["sentence"]) <= 80 else f["sentence"][:77] + "…"
        table.add_row(str(f["line"]), f["text"], value, f"{low} – {high}" if low != high else low, f["bound"],
                      f["kind"], f["unit"] or "", f["counted"] or "", f["verb"] or "", f["when"] or "", sentence)
    c.print(table)
