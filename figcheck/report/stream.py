"""Report writers fed one file result at a time: streamed formats print as results arrive."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from figcheck.rules import Rule


class JsonStream:
    """Writes {"version": 1, "files": [...], "summary": {...}} without holding every file."""

    def __init__(self, out: TextIO, key: str = "files") -> None:
        self.out = out
        self.first = True
        out.write('{"version": 1, "' + key + '": [')

    def write(self, result: dict[str, Any]) -> None:
        self.out.write(("\n" if self.first else ",\n") + json.dumps(result, ensure_ascii=False, allow_nan=False))
        self.first = False

    def close(self, summary: dict[str, Any] | None) -> None:
        tail = f',\n"summary": {json.dumps(summary)}' if summary else ""
        self.out.write(f"\n]{tail}}}\n")
        self.out.flush()


class _PerFile:
    """concise, jsonl, github: each file's lines are independent, so print them at once."""

    def __init__(self, render: Any, out: TextIO) -> None:
        self.render, self.out = render, out

    def write(self, result: dict[str, Any]) -> None:
        text = self.render({"version": 1, "files": [result]})
        if text:
            self.out.write(text)
            self.out.flush()

    def close(self, summary: dict[str, Any]) -> None:
        self.out.flush()


class _Whole:
    """sarif, gitlab, junit, html, markdown: one document over every file, written at the end."""

    def __init__(self, render: Any, out: TextIO, documents: bool = False) -> None:
        self.render, self.out, self.files = render, out, []
        self.documents = documents  # whether results carry the article's text (the HTML report)

    def write(self, result: dict[str, Any]) -> None:
        self.files.append(result)

    def close(self, summary: dict[str, Any]) -> None:
        self.out.write(self.render({"version": 1, "files": self.files, "summary": summary}))
        self.out.flush()


def writer(fmt: str, out: TextIO, rules: list[Rule], quiet: bool = False, show_checks: bool = False) -> Any:
    """A writer with write(result) and close(summary) for one format."""
    if fmt == "json":
        return JsonStream(out)
    if fmt == "full":
        from figcheck.report.terminal import Report

        return Report(out, quiet=quiet, show_checks=show_checks)
    if fmt == "concise":
        from figcheck.report import concise

        return _PerFile(concise.render, out)
    if fmt in ("jsonl", "json-lines"):
        from figcheck.report import jsonl_format

        return _PerFile(jsonl_format.render, out)
    if fmt == "github":
        from figcheck.report import github

        return _PerFile(github.render, out)
    if fmt == "sarif":
        from figcheck import __version__
        from figcheck.report import sarif

        rule_dicts = [r.as_dict() for r in rules]
        return _Whole(lambda report: sarif.render(report, rule_dicts, __version__), out)
    if fmt == "gitlab":
        from figcheck.report import gitlab

        return _Whole(gitlab.render, out)
    if fmt == "html":
        from figcheck import __version__
        from figcheck.report import html

        return _Whole(lambda report: html.render(report, __version__), out, documents=True)
    if fmt == "markdown":
        from figcheck.report import markdown

        return _Whole(markdown.render, out)
    from figcheck.report import junit

    return _Whole(junit.render, out)
