"""One fuzz target per reader (text, JSON, JSON Lines, Markdown, HTML, config, baseline), shared by
bench/fuzz.py and the replay of tests/regressions/.

Each target takes the bytes of one input, runs it through figcheck as the CLI does, and returns
every broken promise as (signature, detail): an exception that is not the reader's own one-line
error, an "internal error" entry, an error of more than one line, or a run over `slow` seconds
(CPU seconds of this process, which does all the work with --jobs 1: on a shared machine the wall
clock counts other people's work too).
"""

from __future__ import annotations

import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

Problems = list[tuple[str, str]]

# The pieces each reader's syntax is made of, for inputs that get past the first character.
JSON_PIECES = ['{"body": "', '{"title": ', '"published": "2024-02-21"', '"figcheck_ignore": ["FC1"]', '"figcheck_ignore": [""]',
               "{", "}", "[", "]", '"', ":", ",", "\\", "\\u", "d800", "1" * 40, "1" * 4400, "1e999", "-", "NaN", "null",
               "true", "\n", "\r", "\u2028", " ", "\ufeff", "5 cats and 3 dogs of the 7 pets", "\x00"]
MARKUP_PIECES = ["<a b", "<a", "<p>", "</p>", "<!--", "-->", "<![CDATA[", "]]>", "<![if x>", "<script>", "</script>",
                 "&amp;", "&#x", "&#99999999;", "<meta property=\"article:published_time\" content=\"2024-02-21\">",
                 "[", "](", ")", "`", "```\n", "# ", "> ", "* ", "|", "|---|\n", "---\n", "date: 2024-02-21\n",
                 "<!-- figcheck-disable-next-line FC101 -->", "<!-- figcheck-disable FC1 -->", "<!-- figcheck-enable FC1 -->",
                 "\n", "\n\n", "\r", "\x1b[2J", "Of the 120 drones, 90 were shot down and 45 were decoys."]
TOML_PIECES = ["[tool.figcheck]\n", "[tool.figcheck.severity]\n", "[tolerance]\n", "select = ", "ignore = ", "timeout = ",
               "max-bytes = ", "fail-on = ", "exclude = ", "per-file-ignores = ", '"FC1"', '"FC101"', "'", '"""', "'''", "[",
               "]", "{", "}", ".", "a.", "=", ",", "#", "\n", "1e308", "inf", "nan", "0", "-1", "1" * 4400, '""', "\\",
               "slack = 0.03\n", '"FC801.tolerance" = 0.25\n']
BASELINE_PIECES = ['{"version": 1, "fingerprints": {', '"a.txt": [', '"fc1"', "]", "}", "{", "[", ",", ":", '"', "1",
                   "1" * 4400, "null", "\\u0000", "\n"]


def _run_cli(argv: list[str]) -> tuple[int, str, str]:
    import contextlib
    import io

    from figcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _through_cli(suffix: str, data: bytes, slow: float) -> Problems:
    """Write `data` as one input file and check it, then extract it, as a user would."""
    import json

    problems: Problems = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"a{suffix}"
        path.write_bytes(data)
        for command in (["check", "--format", "json", "--jobs", "1"], ["extract", "--format", "json", "--jobs", "1"]):
            started = time.process_time()
            try:
                code, out, err = _run_cli([*command, str(path)])
            except BaseException as exc:  # SystemExit, RecursionError ...: a crash, whatever its kind
                return [(signature(f"{suffix}-{command[0]}", exc), traceback.format_exc())]
            took = time.process_time() - started
            if "Traceback" in err:
                problems.append((f"{suffix}-{command[0]}-traceback", err))
            try:
                files = json.loads(out)["files"]
            except (ValueError, KeyError) as exc:
                problems.append((f"{suffix}-{command[0]}-bad-report", f"{exc}: {out[:300]!r}"))
                continue
            for entry in files:
                error = entry.get("error")
                if error and error.startswith("internal error"):
                    problems.append((f"{suffix}-{command[0]}-internal-error-{error[16:60]}", error))
                elif error and "\n" in error:
                    problems.append((f"{suffix}-{command[0]}-error-of-many-lines", error))
            if code not in (0, 1, 2):
                problems.append((f"{suffix}-{command[0]}-exit-{code}", err))
            if took > _allowed(slow, data):
                problems.append((f"{suffix}-{command[0]}-slow", f"{took:.1f} s for {len(data)} bytes"))
    return problems


def _setting(option: str, name: str, data: bytes, slow: float) -> Problems:
    """A config or baseline file: read fine, or one line on stderr and exit 2."""
    with tempfile.TemporaryDirectory() as folder:
        setting = Path(folder) / name
        setting.write_bytes(data)
        article = Path(folder) / "a.txt"
        article.write_text("Of the 120 drones, 90 were shot down and 45 were decoys.", encoding="utf-8")
        started = time.process_time()
        try:
            code, _, err = _run_cli(["check", "--format", "concise", "--jobs", "1", option, str(setting), str(article)])
        except BaseException as exc:
            return [(signature(name, exc), traceback.format_exc())]
        took = time.process_time() - started
    problems: Problems = []
    if "Traceback" in err or (code == 2 and len(err.strip().splitlines()) != 1):
        problems.append((f"{name}-not-one-line", err))
    if took > _allowed(slow, data):
        problems.append((f"{name}-slow", f"{took:.1f} s for {len(data)} bytes"))
    return problems


def _allowed(slow: float, data: bytes) -> float:
    # `slow` for a small input, plus 10 s a MB: text denser in figures than prose is linear but
    # takes 5 to 10 s a MB (README), and is bench/adversarial.py's to measure, not a failure here.
    return slow + 10 * len(data) / 1_000_000


def signature(where: str, exc: BaseException) -> str:
    """A failure's name: where it was called, the exception, and the figcheck line that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [fr for fr in frames if "/figcheck/" in fr.filename] or frames
    last = ours[-1] if ours else None
    place = f"{Path(last.filename).stem}.{last.name}:{last.lineno}" if last else "?"
    return f"{where}-{type(exc).__name__}-{place}"


TARGETS: dict[str, Callable[[bytes, float], Problems]] = {
    "text": lambda data, slow: _through_cli(".txt", data, slow),
    "json": lambda data, slow: _through_cli(".json", data, slow),
    "jsonl": lambda data, slow: _through_cli(".jsonl", data, slow),
    "markdown": lambda data, slow: _through_cli(".md", data, slow),
    "html": lambda data, slow: _through_cli(".html", data, slow),
    "config": lambda data, slow: _setting("--config", "figcheck.toml", data, slow),
    "baseline": lambda data, slow: _setting("--baseline", "baseline.json", data, slow),
}
PIECES = {"text": MARKUP_PIECES[-1:] + JSON_PIECES[-3:], "json": JSON_PIECES, "jsonl": JSON_PIECES,
          "markdown": MARKUP_PIECES, "html": MARKUP_PIECES, "config": TOML_PIECES, "baseline": BASELINE_PIECES}
