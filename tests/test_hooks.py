"""The pre-commit hooks match article files, and never a project's own JSON or text files."""

from __future__ import annotations

import re
from pathlib import Path

HOOKS = Path(__file__).parents[1] / ".pre-commit-hooks.yaml"


def hooks() -> dict[str, tuple[str, str]]:
    """id -> (files, exclude), read from the file's plain one-key-a-line layout (no YAML parser needed)."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in HOOKS.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"- id: (\S+)", line):
            current = found.setdefault(m[1], {})
        elif m := re.match(r"  (files|exclude): '(.*)'$", line):
            current[m[1]] = m[2]
    return {hook: (keys["files"], keys.get("exclude", "(?!)")) for hook, keys in found.items()}


def matching(path: str) -> list[str]:
    # pre-commit tests each pattern with re.search on the path relative to the repository.
    return [hook for hook, (files, exclude) in hooks().items() if re.search(files, path) and not re.search(exclude, path)]


def test_articles_match_their_hook():
    assert matching("articles/2024/drones.md") == ["figcheck"]
    assert matching("site/a.html") == ["figcheck"]
    assert matching("wire/story.txt") == ["figcheck"]
    assert matching("feeds/a.json") == ["figcheck-json"]
    assert matching("feeds/today.jsonl") == ["figcheck-jsonl"]


def test_project_files_match_no_hook():
    for path in ("package.json", "web/package-lock.json", "tsconfig.base.json", ".eslintrc.json", ".vscode/settings.json",
                 "requirements.txt", "requirements-dev.txt", "CHANGELOG.md", "docs/README.md", "LICENSE.txt",
                 "pyproject.toml", "figcheck-baseline.json"):
        assert matching(path) == [], path
