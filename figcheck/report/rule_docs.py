"""docs/rules.md: one section a rule, made from the rule files; SARIF's helpUri points into it.

Regenerate with `python -m figcheck.report.rule_docs > docs/rules.md`; tests/test_rule_docs.py
fails when the file and the rules differ.
"""

from __future__ import annotations

from importlib import metadata
from typing import Any

# Where docs/rules.md is published; pyproject.toml's [project.urls] Documentation overrides it,
# so a fork or a move changes one line there.
DOCS_URL = "https://github.com/OWNER/figcheck/blob/main/docs/rules.md"


def docs_url() -> str:
    """The published address of docs/rules.md, from the installed package's metadata when it has one."""
    try:
        for entry in metadata.metadata("figcheck").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation" and url.strip():
                return url.strip()
    except metadata.PackageNotFoundError:
        pass
    return DOCS_URL


def anchor(rule: dict[str, Any]) -> str:
    """The heading's anchor as GitHub and most Markdown renderers make it: "fc101-parts-exceed-whole"."""
    return f"{rule['code']}-{rule['name']}".lower()


def render(rules: list[dict[str, Any]]) -> str:
    """The whole page: a table of rules, then each rule's what, why and examples."""
    lines = ["# figcheck rules", "",
             "Made from `rules/*.toml` by `python -m figcheck.report.rule_docs`; do not edit by hand.", "",
             "| code | name | severity |", "| --- | --- | --- |"]
    lines += [f"| [{r['code']}](#{anchor(r)}) | {r['name']} | {r['severity']} |" for r in rules]
    for r in rules:
        lines += ["", f"## {r['code']} {r['name']}", "",
                  f"Kind `{r['kind']}`, severity `{r['severity']}`.", "",
                  f"**What it finds.** {r['docs']['what']}", "", f"**Why it matters.** {r['docs']['why']}", ""]
        lines += [f"- flags: {e['text']}" for e in r.get("flag", [])]
        lines += [f"- stays quiet: {e['text']} ({e['why']})" for e in r.get("trap", [])]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    from figcheck.rules import load_rules

    print(render([r.as_dict() for r in load_rules()]), end="")
