"""The command line: exit codes, formats, and a bad input that does not stop the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from figcheck.cli import main

SEEDS = Path(__file__).parents[1] / "seeds"
BAD = "Of the 520 students who sat the exam, 388 passed and 142 failed."
CLEAN = "The city recorded 310 murders in 2023 and 275 in 2024."


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_seeds_report_the_drone_remainder_and_nothing_else(capsys):
    code, out, _ = run(capsys, "check", "--format", "json", str(SEEDS))
    report = json.loads(out)
    assert code == 0  # info only
    first, second = report["files"]
    assert second["findings"] == []
    [finding] = first["findings"]
    assert finding["code"] == "FC103" and finding["severity"] == "info"
    assert [f["text"] for f in finding["figures"]] == ["267", "138", "119"]
    assert "10 unaccounted for" in finding["working"]
    assert any("several drones penetrated" in c for c in finding["context"])


def test_exit_codes_follow_fail_on(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(BAD, encoding="utf-8")
    assert run(capsys, "check", str(article))[0] == 1
    assert run(capsys, "check", "--fail-on", "never", str(article))[0] == 0
    assert run(capsys, "check", "--exit-zero", str(article))[0] == 0
    assert run(capsys, "check", "--ignore", "FC101", str(article))[0] == 0
    article.write_text(CLEAN, encoding="utf-8")
    assert run(capsys, "check", str(article))[0] == 0


def test_a_bad_input_is_reported_and_the_batch_goes_on(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\xfa bad")
    lines = tmp_path / "d.jsonl"
    lines.write_text(json.dumps({"body": BAD}) + "\n{broken\n" + json.dumps({"body": CLEAN}) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    report = json.loads(out)
    assert code == 2  # input errors win over findings
    # A JSON Lines record is named by the file and, apart, the line it is on.
    by_path = {Path(f["path"]).name + (f":{f['record']}" if "record" in f else ""): f for f in report["files"]}
    assert by_path["a.txt"]["findings"]
    assert "invalid JSON" in by_path["b.json"]["error"]
    assert "UTF" in by_path["c.txt"]["error"]
    assert by_path["d.jsonl:1"]["findings"] and by_path["d.jsonl:3"]["findings"] == []
    assert "invalid JSON" in by_path["d.jsonl:2"]["error"]
    assert by_path["missing.txt"]["error"] == "no such file or folder"
    assert "Traceback" not in err


def test_extract_json_has_the_documented_fields(tmp_path, capsys):
    article = tmp_path / "a.json"
    article.write_text(json.dumps({"title": "t", "published": "2024-03-15", "body": "At least 37 people died."}))
    code, out, _ = run(capsys, "extract", "--format", "json", str(article))
    [figure] = json.loads(out)["files"][0]["figures"]
    assert code == 0
    assert set(figure) == {"text", "start", "end", "line", "column", "value", "low", "high", "bound", "kind",
                           "unit", "counted", "verb", "when", "sentence"}
    assert (figure["text"], figure["low"], figure["high"], figure["bound"]) == ("At least 37", 37, None, "at_least")


def test_published_date_enables_age_checks(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Garcia, 39, who was born in 1979 in Madrid, joined the club in 2015.", encoding="utf-8")
    assert run(capsys, "check", str(article))[0] == 0
    assert run(capsys, "check", "--published", "2024-03-15", str(article))[0] == 1


@pytest.mark.parametrize("args", [["check", "--published", "yesterday", "x.txt"], ["check", "--jobs", "0", "x"],
                                  ["rule", "FC000"], ["rule"]])
def test_usage_errors_are_one_line_and_exit_2(capsys, args):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert err.startswith("figcheck: ") and err.count("\n") == 1


def test_rule_explains_itself(capsys):
    code, out, _ = run(capsys, "rule", "FC101")
    assert code == 0
    assert "parts-exceed-whole" in out and "Why it matters" in out
    code, out, _ = run(capsys, "rule", "--all", "--format", "json")
    assert {r["code"] for r in json.loads(out)} >= {"FC101", "FC103", "FC301"}


def test_concise_is_the_default_off_a_terminal(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("x\n" + BAD, encoding="utf-8")
    _, out, _ = run(capsys, "check", str(article))
    assert out.startswith(f"{article}:2:8: FC101 [error]")


def test_full_report_shows_the_working(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(BAD, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "full", str(article))
    assert "388 + 142 = 530 > 520" in out and "FC101" in out


def test_jobs_give_the_same_output_in_order(tmp_path, capsys):
    # More files than two chunks of the pool, and a large Markdown file with a suppression last,
    # so that both workers run and results come back out of order.
    for i in range(80):
        (tmp_path / f"{i:02d}.txt").write_text(BAD if i % 3 else CLEAN, encoding="utf-8")
    (tmp_path / "zz.md").write_text("<!-- figcheck-disable-next-line FC101 -->\n" + BAD + "\n\n"
                                    + "There were 5 cats.\n\n" * 20_000, encoding="utf-8")
    one = run(capsys, "check", "--format", "json", "--jobs", "1", str(tmp_path))[1]
    two = run(capsys, "check", "--format", "json", "--jobs", "2", str(tmp_path))[1]
    assert one == two
    files = json.loads(two)["files"]
    assert len(files) == 81 and files[-1]["findings"] == []


@pytest.mark.parametrize("args", [["extract", "--timeout", "-1", "x.txt"], ["check", "--max-bytes", "0", "x.txt"],
                                  ["check", "--write-baseline", "/nonexistent/dir/b.json", "x.txt"]])
def test_bad_limits_are_usage_errors(capsys, args):
    code, _, err = run(capsys, *args)
    assert code == 2 and err.startswith("figcheck: ") and err.count("\n") == 1


def test_public_api_bad_date_is_a_figcheck_error():
    import figcheck

    with pytest.raises(figcheck.FigcheckError):
        figcheck.check_text("Garcia, 39, was born in 1979.", "2024-13-01")


def test_output_in_another_encoding_does_not_crash(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("The war, which began in 1939, ended eight years later in 1945.", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    proc = subprocess.run([sys.executable, "-m", "figcheck", "check", "--format", "json", str(tmp_path)],
                          capture_output=True, env=env)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert b"FC503" in proc.stdout


def _stderr_on_a_terminal(args: list[str], tmp_path: Path) -> str:
    """What figcheck writes to standard error when that is a terminal (a pseudo-terminal here)."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "figcheck", *args], stdout=subprocess.DEVNULL, stderr=slave,
                          cwd=Path(__file__).parents[1], timeout=120, check=False)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end is closed: all read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.returncode in (0, 1)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_a_long_batch_shows_progress_on_a_terminal_and_a_short_one_does_not(tmp_path):
    lines = [json.dumps({"id": i, "body": CLEAN}) + "\n" for i in range(450)]
    (tmp_path / "long.jsonl").write_text("".join(lines), encoding="utf-8")
    (tmp_path / "short.jsonl").write_text("".join(lines[:45]), encoding="utf-8")
    long_err = _stderr_on_a_terminal(["check", "--jobs", "1", str(tmp_path / "long.jsonl")], tmp_path)
    assert "\r\x1b[Kfigcheck: 200 of 450 articles, " in long_err and "figcheck: 450 of 450 articles, " in long_err
    assert long_err.endswith("/s\r\n")  # the last line stays, ended
    assert _stderr_on_a_terminal(["check", "--jobs", "1", str(tmp_path / "short.jsonl")], tmp_path) == ""
    assert "articles" not in _stderr_on_a_terminal(["check", "--quiet", str(tmp_path / "long.jsonl")], tmp_path)


def test_progress_stays_off_standard_error_that_is_not_a_terminal(tmp_path, capsys):
    records = "".join(json.dumps({"id": i, "body": CLEAN}) + "\n" for i in range(450))
    (tmp_path / "long.jsonl").write_text(records, encoding="utf-8")
    _, _, err = run(capsys, "check", "--jobs", "1", str(tmp_path / "long.jsonl"))
    assert "articles" not in err


def test_progress_off_a_terminal_on_request_is_plain_lines(tmp_path, capsys, monkeypatch):
    from figcheck.cli.progress import Progress

    monkeypatch.setattr(Progress, "SECONDS", 0.0)  # a line for every article, not every 5 s
    records = "".join(json.dumps({"id": i, "body": CLEAN}) + "\n" for i in range(3))
    (tmp_path / "three.jsonl").write_text(records, encoding="utf-8")
    _, _, err = run(capsys, "check", "--progress", "--jobs", "1", str(tmp_path / "three.jsonl"))
    lines = [line for line in err.splitlines() if "articles," in line]
    assert lines[0].startswith("figcheck: 1 of 3 articles, ") and lines[-1].startswith("figcheck: 3 of 3 articles, ")
    assert "\x1b" not in err and "\r" not in err


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_the_progress_line_is_cleared_before_a_finding_prints(tmp_path):
    lines = [json.dumps({"id": i, "body": CLEAN}) + "\n" for i in range(200)] + [json.dumps({"body": BAD}) + "\n"]
    (tmp_path / "mixed.jsonl").write_text("".join(lines), encoding="utf-8")
    err = _stderr_on_a_terminal(["check", "--jobs", "1", str(tmp_path / "mixed.jsonl")], tmp_path)
    drawn = err.index("figcheck: 200 of 201 articles")
    assert err.index("\r\x1b[K", drawn) > drawn  # taken away again before the finding
