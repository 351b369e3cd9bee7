"""action.yml: its check step run with bash as the runner would, against a figcheck already installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
BAD = "Of the 520 students who sat the exam, 388 passed and 142 failed."


def steps() -> dict[str, tuple[dict[str, str], str]]:
    """Each step's name -> (env, run script), read from action.yml's plain block layout."""
    found: dict[str, tuple[dict[str, str], str]] = {}
    name, env, script, mode = "", {}, [], ""
    for line in (ROOT / "action.yml").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"    - name: (.+)", line):
            name, env, script, mode = m[1], {}, [], ""
            found[name] = (env, "")
        elif line.startswith("      env:"):
            mode = "env"
        elif line.startswith("      run: |"):
            mode = "run"
        elif mode == "env" and (m := re.match(r"        (\w+): \$\{\{ inputs\.([\w-]+) \}\}", line)):
            env[m[1]] = m[2]
        elif mode == "run" and (line.startswith("        ") or not line.strip()):
            script.append(line[8:])
            found[name] = (env, "\n".join(script))
        elif line.startswith("      "):
            mode = ""
    return found


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_the_check_step_annotates_writes_sarif_and_the_step_summary(tmp_path):
    env_map, script = steps()["Check the articles"]
    assert set(env_map.values()) == {"paths", "fail-on", "sarif-file"}
    runner = tmp_path / "runner"
    (runner / "figcheck-venv" / "bin").mkdir(parents=True)
    # The install step's venv, stood in for by this one: the same figcheck, without a pip install.
    (runner / "figcheck-venv" / "bin" / "figcheck").symlink_to(Path(sys.executable).parent / "figcheck")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(BAD, encoding="utf-8")
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    def run(**inputs: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "RUNNER_TEMP": str(runner), "GITHUB_STEP_SUMMARY": str(summary),
               **{var: inputs[name] for var, name in env_map.items()}}
        return subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)

    done = run(paths="news", **{"fail-on": "warning", "sarif-file": "out.sarif"})
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=news/a.txt,line=1")
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## figcheck") and "| FC101 parts-exceed-whole |" in text.replace("\\", "")
    assert run(paths="news", **{"fail-on": "never", "sarif-file": ""}).returncode == 0
    # An input is data, never code: the words are paths that do not exist, so exit 2.
    done = run(paths="news $(touch pwned)", **{"fail-on": "warning", "sarif-file": ""})
    assert done.returncode == 2 and not (tmp_path / "pwned").exists()
