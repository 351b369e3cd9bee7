"""Bad inputs: each gets a one-line error (or a clean result), and the good inputs beside it still get theirs."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from figcheck.cli import main

ROOT = Path(__file__).parents[1]
# Both give one FC103 note (info): exit 0 on their own, and findings that prove they were checked.
GOOD = ("Russia launched 267 drones overnight. Ukraine shot down 138 of the drones. Meanwhile, 119 drones were "
        "identified as decoys. Several drones penetrated defences.")
GOOD2 = ("Nine ministers resigned on Friday - four from the Labour wing and three from the Greens - leaving the "
         "cabinet in crisis.")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cf"
                    "c0f01f0005000201a3ee2e9d0000000049454e44ae426082")
ANY_ERROR = ""  # an `or_error` that accepts any one-line error message


def file(name: str, content: str | bytes) -> Callable[[Path], str]:
    """A maker: writes `content` (str as UTF-8) to `name` in the bad inputs' folder."""

    def make(folder: Path) -> str:
        path = folder / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)

    return make


def record(**fields: object) -> Callable[[Path], str]:
    return file("a.json", json.dumps(fields))


def jsonl(*lines: str | bytes) -> Callable[[Path], str]:
    return file("a.jsonl", b"".join((x.encode("utf-8") if isinstance(x, str) else x) + b"\n" for x in lines))


def missing(folder: Path) -> str:
    return str(folder / "nowhere.txt")


def empty_folder(folder: Path) -> str:
    (folder / "empty").mkdir()
    (folder / "empty" / "notes.csv").write_text("1,2,3\n", encoding="utf-8")  # not an article suffix
    return str(folder / "empty")


def unreadable(folder: Path) -> str:
    path = Path(file("locked.txt", GOOD)(folder))
    path.chmod(0)
    return str(path)


def folder_linking_to_itself(folder: Path) -> str:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "a.txt").write_text(GOOD, encoding="utf-8")
    (loop / "self").symlink_to(loop, target_is_directory=True)
    return str(loop)


def folder_with_only_a_link_to_itself(folder: Path) -> str:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    return str(loop)


def files_linking_to_each_other(folder: Path) -> str:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return str(folder / "a.txt")


def dangling_link(folder: Path) -> str:
    (folder / "a.txt").symlink_to(folder / "gone.txt")
    return str(folder / "a.txt")


def folder_with_undecodable_name(folder: Path) -> str:
    # A name that is not UTF-8 (from an old archive or a Latin-1 disk): Python carries it as a surrogate.
    os.makedirs(folder / "names")
    with open(os.path.join(os.fsencode(folder / "names"), b"caf\xe9.txt"), "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    return str(folder / "names")


BIG_INT = "1" * 5000  # past Python's 4,300-digit limit on int(): json.loads raised ValueError


def deep_folders(folder: Path) -> str:
    # 1,000 levels: os.walk's recursion ended the batch; the walk stops at its depth limit and says so.
    top = folder / "deep"
    top.mkdir()
    (top / "a.txt").write_text(GOOD, encoding="utf-8")
    here = top
    for _ in range(1000):
        here = here / "d"
        here.mkdir()
    (here / "lost.txt").write_text(GOOD, encoding="utf-8")
    return str(top)


def _unchain(top: Path, name: str = "d") -> None:
    """Take a chain of folders down one level at a time: pytest removes old temp folders
    recursively, and a chain 1,000 deep left behind ends a later run with RecursionError."""
    link = top / name
    while link.is_dir():
        for entry in link.iterdir():
            if entry.is_file():
                entry.unlink()
        below = link / name
        if below.is_dir():
            below.rename(top / "next")
            link.rmdir()
            (top / "next").rename(link)
        else:
            link.rmdir()


@pytest.fixture(autouse=True)
def _no_chain_left(tmp_path):
    yield
    _unchain(tmp_path / "bad" / "deep")


def folder_past_path_max(folder: Path) -> str:
    # 20 folders of 250-letter names: 5,000 characters, past PATH_MAX (4,096), within the depth limit.
    # Paths beyond PATH_MAX were skipped silently; the folder that cannot be entered is now an error.
    top = folder / "long"
    top.mkdir()
    (top / "a.txt").write_text(GOOD, encoding="utf-8")
    fd = os.open(top, os.O_RDONLY)
    for _ in range(20):
        os.mkdir("d" * 250, dir_fd=fd)
        deeper = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(fd)
    return str(top)


def folder_with_unreadable_subfolder(folder: Path) -> str:
    top = folder / "news"
    (top / "locked").mkdir(parents=True)
    (top / "a.txt").write_text(GOOD, encoding="utf-8")
    (top / "locked" / "b.txt").write_text(GOOD, encoding="utf-8")
    (top / "locked").chmod(0)
    return str(top)


def folder_linking_out(folder: Path) -> str:
    # Links out of the walked folder, to a file and to a folder: neither is an article of it.
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD, encoding="utf-8")
    top = folder / "news"
    top.mkdir()
    (top / "a.txt").write_text(GOOD, encoding="utf-8")
    (top / "secret.txt").symlink_to(outside / "secret.txt")
    (top / "docs").symlink_to(outside, target_is_directory=True)
    (top / "inside.txt").symlink_to(top / "a.txt")  # a link that stays inside is followed
    return str(top)


def link_to(target: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        (folder / "a.txt").symlink_to(target)
        return str(folder / "a.txt")

    return make


def stdin() -> Callable[[Path], str]:
    return lambda folder: "-"


@dataclass(frozen=True)
class Row:
    """One bad input: how to make it, and what `check --format json GOOD BAD GOOD2` must say about it."""

    make: Callable[[Path], str]      # writes the input into a folder, returns the PATH argument
    error: str | None                # in each errored entry's `error`; None: the input reads fine
    exit: int                        # 2 for an input error
    entries: int = 1                 # result entries it gives: one per article (a .jsonl: per non-empty line)
    errored: int | None = None       # entries with an error (default: all of them if `error`, else none)
    findings: bool | None = None     # the entries without an error: True each has findings, False none
    options: tuple[str, ...] = ()
    or_error: str | None = None      # with error=None: an error containing this is also fine (then exit 2)
    stdin: bytes | None = None       # what standard input holds, for PATH "-"
    seconds: float | None = None     # the run must finish within this
    not_root: bool = False           # root reads anything: the row means nothing as root


ROWS = [
    pytest.param(Row(missing, "no such file or folder", 2), id="missing-path"),
    # Empty and blank articles are read fine: nothing to check, no error.
    pytest.param(Row(file("a.txt", b""), None, 0, findings=False), id="empty-file"),
    pytest.param(Row(file("a.txt", " \n\t\r\n  \n"), None, 0, findings=False), id="whitespace-only"),
    pytest.param(Row(record(body=""), None, 0, findings=False), id="json-empty-body"),
    pytest.param(Row(jsonl(), None, 0, entries=0), id="jsonl-empty"),
    pytest.param(Row(file("picture.png", PNG), "binary", 2), id="png-bytes"),
    pytest.param(Row(file("picture.txt", PNG), "binary", 2), id="png-bytes-named-txt"),
    pytest.param(Row(file("a.txt", GOOD.encode() + b" caf\xe9 \xff\xfe"), "not UTF-8", 2), id="invalid-utf8"),
    pytest.param(Row(file("a.txt", GOOD.encode("utf-16")), None, 0, findings=True), id="utf16-bom"),
    pytest.param(Row(file("a.txt", b"\xfe\xff" + GOOD.encode("utf-16-be")), None, 0, findings=True),
                 id="utf16-be-bom"),
    pytest.param(Row(file("a.txt", b"\xff\xfe" + GOOD.encode("utf-16-le") + b"\x00\xd8"), "UTF-16", 2),
                 id="utf16-lone-surrogate"),
    pytest.param(Row(file("a.txt", GOOD.encode("utf-16-le")), "binary", 2), id="utf16-no-bom"),
    pytest.param(Row(file("a.txt", "\ufeff" + GOOD), None, 0, findings=True), id="utf8-bom"),
    pytest.param(Row(file("a.txt", GOOD.encode() + b"\x00\x00 tail"), "binary", 2), id="nul-bytes"),
    pytest.param(Row(file("a.json", "[1, 2]"), "must be an object, not list", 2), id="json-not-object"),
    pytest.param(Row(file("a.json", '"just a string"'), "must be an object, not str", 2), id="json-a-string"),
    pytest.param(Row(record(title="t"), 'needs a "body"', 2), id="json-no-body"),
    pytest.param(Row(record(body=None), 'needs a "body"', 2), id="json-null-body"),
    pytest.param(Row(record(body=5), '"body" must be a string, not int', 2), id="json-body-int"),
    pytest.param(Row(record(body=["a"]), '"body" must be a string, not list', 2), id="json-body-list"),
    # An unreadable date is a warning (tests/test_ci_fixes.py): the article is still checked.
    pytest.param(Row(record(body=GOOD, published="yesterday"), None, 0, findings=True),
                 id="json-published-yesterday"),
    pytest.param(Row(record(body=GOOD, published=5), '"published" must be a YYYY-MM-DD string, not int', 2),
                 id="json-published-int"),
    pytest.param(Row(record(body=GOOD, published="2024-02-30"), None, 0, findings=True),
                 id="json-published-feb-30"),
    pytest.param(Row(file("a.json", '{"body": "5 people.", "published": NaN}'), "not float", 2),
                 id="json-published-nan"),
    pytest.param(Row(record(body=GOOD, figcheck_ignore="FC103"), '"figcheck_ignore" must be a list', 2),
                 id="json-ignore-not-list"),
    pytest.param(Row(file("a.json", ""), "invalid JSON", 2), id="json-empty-file"),
    pytest.param(Row(file("a.json", '{"body": "x"'), "invalid JSON", 2), id="json-truncated"),
    # json.loads gives up on deep nesting with RecursionError: that must be an input error, not a crash.
    pytest.param(Row(file("a.json", "[" * 100_000), None, 2, or_error=ANY_ERROR), id="json-deeply-nested"),
    # "\ud800" is valid JSON but no character: the article must be checked or refused, not crash the report.
    pytest.param(Row(file("a.json", json.dumps({"body": "Of the 520 students, 388 passed and 142 failed. \ud800"})),
                     None, 1, or_error=ANY_ERROR), id="json-lone-surrogate-in-body"),
    pytest.param(Row(jsonl(json.dumps({"body": GOOD}), "{broken", "", json.dumps({"body": GOOD2}), "  "),
                     "invalid JSON", 2, entries=3, errored=1, findings=True), id="jsonl-broken-line-among-good"),
    pytest.param(Row(jsonl(json.dumps({"body": GOOD}), "[]", json.dumps({"body": 5})), "must be", 2, entries=3,
                     errored=2, findings=True), id="jsonl-lines-not-articles"),
    pytest.param(Row(jsonl(json.dumps({"body": GOOD}), b'{"body": "caf\xe9"}', json.dumps({"body": GOOD2})),
                     "not UTF-8", 2, entries=3, errored=1, findings=True), id="jsonl-invalid-utf8-line"),
    # A .jsonl saved as UTF-16 (PowerShell's `>`) should read like the UTF-16 .txt above, line by line.
    pytest.param(Row(file("a.jsonl", (json.dumps({"body": GOOD}) + "\n" + json.dumps({"body": GOOD2}) + "\n")
                          .encode("utf-16")), None, 0, entries=2, findings=True), id="jsonl-utf16-bom"),
    pytest.param(Row(empty_folder, "no articles", 2), id="folder-without-articles"),
    pytest.param(Row(unreadable, "Permission denied", 2, not_root=True), id="unreadable-chmod-000"),
    pytest.param(Row(folder_linking_to_itself, None, 0, findings=True), id="symlink-loop-folder"),
    pytest.param(Row(folder_with_only_a_link_to_itself, "no articles", 2), id="symlink-loop-only"),
    pytest.param(Row(files_linking_to_each_other, "symbolic links", 2), id="symlink-loop-files"),
    pytest.param(Row(dangling_link, "No such file", 2), id="dangling-symlink"),
    pytest.param(Row(folder_with_undecodable_name, None, 0, findings=True), id="file-name-not-utf8"),
    # SLOW-ISH: writes 20 MB on one line; the default --max-bytes refuses it at once. Must stay under 10 s.
    pytest.param(Row(file("big.txt", "There were 5 cats, " * 1_100_000), None, 0, or_error="--max-bytes",
                     seconds=10), id="20MB-one-line"),
    # SLOW: 100,000 figures; must end by --timeout 20 with results or a timeout error, not hang.
    pytest.param(Row(file("many.txt", "There were 5 cats. " * 100_000), None, 0, options=("--timeout", "20"),
                     or_error="--timeout", seconds=60), id="100k-figures"),
    # A 10 KB article with one long number: well under any time limit, however the number is read.
    pytest.param(Row(file("a.txt", "There were " + "1" * 10_000 + " people."), None, 0, options=("--timeout", "5")),
                 id="10000-digit-number"),
    # A long token (a hash, a base64 blob) in an article that also holds an e-mail address or a ".com".
    pytest.param(Row(file("a.txt", "Write to tips@example.com. " + "A" * 32_000 + " " + GOOD), None, 0, findings=True,
                     options=("--timeout", "5")), id="32KB-token-beside-an-email-address"),
    pytest.param(Row(file("a.txt", "The debt was 1e309 dollars, up from 1.5e308."), None, 0), id="1e309"),
    pytest.param(Row(file("a.txt", "There were " + "9" * 400 + " people, " + "9" * 400 + "% of them."), None, 0),
                 id="400-nines"),
    pytest.param(Row(file("a.txt", "Between 10 and " + "9" * 400 + " people came."), None, 0), id="range-past-a-float"),
    pytest.param(Row(file("a.txt", "It cost $" + "9" * 300 + "bn, of which $5bn was paid."), None, 0),
                 id="money-past-a-float"),
    pytest.param(Row(file("a.txt", "١٢٣ people were evacuated; ٤٥ were children."), None, 0), id="arabic-indic-digits"),
    pytest.param(Row(file("a.txt", "Of the 1\u200b150 drones, 900 were shot down."), None, 0), id="zero-width-space"),
    pytest.param(Row(file("a.txt", "Of the 1\u00a0150 drones, 900 were shot down."), None, 0), id="no-break-space"),
    pytest.param(Row(file("a.txt", "Of the 1\u202f150 drones, 900 were shot down."), None, 0),
                 id="narrow-no-break-space"),
    pytest.param(Row(file("a.txt", "x\r\r".join([GOOD, GOOD2])), None, 0, findings=True), id="cr-line-endings"),
    pytest.param(Row(file("a.md", "---\ndate: [1, 2\n---\n" + GOOD), None, 0, findings=True),
                 id="markdown-broken-front-matter"),
    pytest.param(Row(file("a.html", "<div>" * 50_000 + GOOD + "</div>" * 50_000), None, 0, findings=True),
                 id="html-deeply-nested"),
    pytest.param(Row(file("a.html", f"<p>{GOOD} &#xD800; &#99999999999; &#0;</p><!-- figcheck: ignore"),
                     None, 0, findings=True), id="html-bad-entities-open-comment"),
    pytest.param(Row(stdin(), "binary", 2, stdin=b"5 people\x00\x01\x02"), id="stdin-nul-bytes"),
    pytest.param(Row(stdin(), "not UTF-8", 2, stdin=b"5 people caf\xe9"), id="stdin-invalid-utf8"),
    pytest.param(Row(stdin(), None, 0, findings=True, stdin=GOOD.encode("utf-16")), id="stdin-utf16-bom"),
    pytest.param(Row(stdin(), "needs a", 2, stdin=b'{"title": "no body"}'), id="stdin-json-without-body"),
    # ---- issue 16: one input never ends the batch
    pytest.param(Row(file("a.json", '{"body": "5 cats.", "n": ' + BIG_INT + "}"), "5,000 digits", 2), id="json-5000-digit-int"),
    pytest.param(Row(jsonl(json.dumps({"body": GOOD}), '{"body": "x", "n": [' + BIG_INT + "]}", json.dumps({"body": GOOD2})),
                     "5,000 digits", 2, entries=3, errored=1, findings=True), id="jsonl-5000-digit-int"),
    pytest.param(Row(stdin(), "5,000 digits", 2, stdin=b'{"body": "x", "n": ' + BIG_INT.encode() + b"}"),
                 id="stdin-5000-digit-int"),
    pytest.param(Row(stdin(), "--max-bytes", 2, stdin=b"5 cats. " * 2000, options=("--max-bytes", "4000")),
                 id="stdin-over-max-bytes"),
    pytest.param(Row(deep_folders, "nested more than 64 deep", 2, entries=2, errored=1, findings=True),
                 id="folder-1000-deep"),
    pytest.param(Row(folder_past_path_max, "File name too long", 2, entries=2, errored=1, findings=True),
                 id="folder-past-PATH_MAX"),
    pytest.param(Row(folder_with_unreadable_subfolder, "cannot enter this folder", 2, entries=2, errored=1,
                     findings=True, not_root=True), id="unreadable-subfolder"),
    pytest.param(Row(folder_linking_out, None, 0, entries=2, findings=True), id="symlinks-out-of-the-folder"),
    pytest.param(Row(link_to("/dev/zero"), "not a regular file", 2), id="named-link-to-dev-zero"),
    pytest.param(Row(record(body=GOOD, figcheck_ignore=[""]), '"figcheck_ignore" must be a list of rule codes', 2),
                 id="json-ignore-empty-code"),
    # JSON Lines end at "\n" only: a raw U+2028 inside a body is a character of it, and "\r" alone ends nothing.
    pytest.param(Row(file("a.jsonl", (json.dumps({"body": GOOD + "\u2028" + GOOD2}, ensure_ascii=False) + "\n").encode("utf-16")),
                     None, 0, findings=True), id="jsonl-utf16-u2028-in-body"),
    pytest.param(Row(file("a.jsonl", json.dumps({"body": GOOD}) + "\r" + json.dumps({"body": GOOD2}) + "\n"),
                     "invalid JSON", 2), id="jsonl-lone-cr-between-records"),
    # Markup is parsed within the deadline, in linear time (html.parser was quadratic on these).
    pytest.param(Row(file("a.html", "<a b" * 40_000), None, 0, findings=False, seconds=5), id="html-40000-unclosed-tags"),
    pytest.param(Row(file("a.html", "<a" * 300_000), None, 0, findings=False, seconds=5), id="html-300000-bare-openers"),
    pytest.param(Row(file("a.md", "<!-- x -->\n" * 90_000), None, 0, findings=False, seconds=5), id="markdown-1MB-comments"),
    pytest.param(Row(file("a.txt", GOOD), None, 0, findings=True, options=("--timeout", "1e308")), id="timeout-1e308"),
]


@pytest.mark.parametrize("row", ROWS)
def test_a_bad_input_gets_its_entry_and_the_good_ones_theirs(row: Row, tmp_path, capsys, monkeypatch):
    if row.not_root and os.geteuid() == 0:
        pytest.skip("root reads a chmod 000 file anyway")
    good_dir, bad_dir = tmp_path / "good", tmp_path / "bad"
    good_dir.mkdir()
    bad_dir.mkdir()
    good, good2 = good_dir / "good.txt", good_dir / "good2.txt"
    good.write_text(GOOD, encoding="utf-8")
    good2.write_text(GOOD2, encoding="utf-8")
    bad = row.make(bad_dir)
    if row.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(row.stdin)))

    started = time.monotonic()
    code = main(["check", "--format", "json", *row.options, str(good), bad, str(good2)])
    took = time.monotonic() - started
    out, err = capsys.readouterr()

    assert "Traceback" not in err
    report = json.loads(out)
    files = report["files"]
    assert len(files) == 2 + row.entries, [f["path"] for f in files]
    first, *entries, last = files
    for entry, path in ((first, good), (last, good2)):
        assert entry["path"] == str(path) and entry["error"] is None
        assert "FC103" in [f["code"] for f in entry["findings"]]
        assert {f["severity"] for f in entry["findings"]} == {"info"}  # so the exit code is the bad input's
    errored = [e for e in entries if e["error"] is not None]
    _assert_no_internal_error(errored)
    if row.error is not None:
        want = row.entries if row.errored is None else row.errored
        assert len(errored) == want, [e["error"] for e in entries]
        assert all(row.error in e["error"] and "\n" not in e["error"] for e in errored), [e["error"] for e in errored]
        assert code == row.exit
    elif errored and row.or_error is not None:
        assert all(row.or_error in e["error"] and "\n" not in e["error"] for e in errored), [e["error"] for e in errored]
        assert code == 2
    else:
        assert not errored, [e["error"] for e in errored]
        assert code == row.exit
    for entry in entries:
        if entry["error"] is None and row.findings is not None:
            assert bool(entry["findings"]) == row.findings, entry
        if entry["error"] is not None:
            assert entry["findings"] == []
    assert report["summary"]["files"] == len(files)
    assert report["summary"]["errors"] == len(errored)
    if row.seconds is not None:
        assert took < row.seconds


def _assert_no_internal_error(errored: list[dict]) -> None:
    # The CLI turns an unexpected exception in one article into an "internal error (...)" entry so the
    # batch goes on; for these inputs that is still a crash, only a quieter one.
    assert not [e["error"] for e in errored if e["error"].startswith("internal error")]


@pytest.mark.parametrize("row", [r for r in ROWS if r.values[0].seconds is None])
def test_extract_gives_the_same_entries(row: Row, tmp_path, capsys, monkeypatch):
    # `extract` reads inputs the same way and writes figures instead of findings: the same entries, the
    # same errors, and the good inputs' figures. (The slow rows are left to the check above.)
    if row.not_root and os.geteuid() == 0:
        pytest.skip("root reads a chmod 000 file anyway")
    (tmp_path / "good").mkdir()
    (tmp_path / "bad").mkdir()
    good = tmp_path / "good" / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = row.make(tmp_path / "bad")
    if row.stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(row.stdin)))

    code = main(["extract", "--format", "json", *row.options, str(good), bad, str(good)])
    out, err = capsys.readouterr()

    assert "Traceback" not in err
    files = json.loads(out)["files"]
    assert len(files) == 2 + row.entries, [f["path"] for f in files]
    first, *entries, last = files
    assert first == last and first["error"] is None
    assert {"267", "138", "119"} <= {f["text"] for f in first["figures"]}
    errored = [e for e in entries if e["error"] is not None]
    _assert_no_internal_error(errored)
    if row.error is not None:
        assert len(errored) == (row.entries if row.errored is None else row.errored)
        assert all(row.error in e["error"] for e in errored), [e["error"] for e in errored]
    elif row.or_error is None:
        assert not errored, [e["error"] for e in errored]
    assert all(f["text"] == f["text"].strip() and f["text"] for e in entries for f in e["figures"])
    assert code == (2 if errored else 0)


# ---------------------------------------------------------------- numbers the extractor must read, or leave

@pytest.mark.parametrize(("text", "expect"), [
    pytest.param("١٢٣ people were evacuated.", [("١٢٣", 123)], id="arabic-indic"),
    pytest.param("There were ۱۲۳ people evacuated.", [("۱۲۳", 123)], id="persian"),
    pytest.param("There were १२३ people evacuated.", [("१२३", 123)], id="devanagari"),
    # numerals.parse_digits strips these three as group separators, so a number written with them is one
    # figure: "1 150 drones" in SI style, or a zero-width space left by a CMS.
    pytest.param("Russia fired 1\u00a0150 drones.", [("1\u00a0150", 1150)], id="no-break-space"),
    pytest.param("Russia fired 1\u202f150 drones.", [("1\u202f150", 1150)], id="narrow-no-break-space"),
    pytest.param("Russia fired 1\u200b150 drones.", [("1\u200b150", 1150)], id="zero-width-space"),
])
def test_digits_from_other_scripts_and_spaced_groups(text, expect, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["extract", "--format", "json", str(path)])
    figures = json.loads(capsys.readouterr().out)["files"][0]["figures"]
    assert code == 0
    assert [(f["text"], f["value"]) for f in figures] == expect


@pytest.mark.parametrize("text", [
    pytest.param("The debt was 1e309 dollars.", id="1e309"),
    pytest.param("There were " + "9" * 400 + " people.", id="400-nines"),
    pytest.param("It is " + "9" * 400 + "% sure.", id="400-nines-percent"),
    pytest.param("It cost $" + "9" * 300 + "bn.", id="money-scaled-past-a-float"),
    pytest.param("It cost " + "9" * 300 + " trillion dollars.", id="words-scaled-past-a-float"),
    pytest.param("Between 10 and " + "9" * 400 + " people.", id="range-to-400-nines"),
])
def test_numbers_past_a_float_give_finite_figures_or_none(text, tmp_path, capsys):
    # JSON writes a non-finite value as null, which the README keeps for open bounds; a figure's value
    # itself must be a number, so a figure too large for a float is better dropped than infinite.
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code = main(["extract", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    figures = json.loads(out)["files"][0]["figures"]
    assert code == 0 and "Traceback" not in err
    assert all(f["value"] is not None for f in figures), [(f["text"][:30], f["value"]) for f in figures]
    assert all(f["text"] == text[f["start"]:f["end"]] for f in figures)


# ---------------------------------------------------------------- inputs that could hang or kill the process

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "figcheck", *args]


def test_a_named_pipe_does_not_hang_the_batch(tmp_path):
    # A FIFO with no writer blocks open() for ever: run in a child so a hang fails here instead of hanging.
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # A FIFO named as an input is read (`<(curl …)`), for at most --timeout seconds without an end.
    proc = subprocess.Popen(_cli("check", "--format", "json", "--jobs", "1", "--timeout", "1", str(good), str(fifo), str(good)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("figcheck check hung on a named pipe (no writer) given as an input")
    files = json.loads(out)["files"]
    assert proc.returncode == 2 and b"Traceback" not in err
    assert [f["error"] is None for f in files] == [True, False, True]


def _big_folder(folder: Path, n: int = 300) -> Path:
    folder.mkdir()
    bad = "Of the 520 students who sat the exam, 388 passed and 142 failed. " * 30
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(bad, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["check", "check --format json", "check --format jsonl", "extract --format json"])
def test_output_to_a_closed_pipe_ends_with_one_line(command, tmp_path):
    # The report is incomplete, so the run fails (issue 16): exit 2 and one line naming the pipe,
    # unless figcheck finished writing before the reader left.
    folder = _big_folder(tmp_path / "news")
    # `head -1` leaves after one line; figcheck's exit code comes back through PIPESTATUS.
    shell = (f"{sys.executable} -m figcheck {command} {folder} 2>{tmp_path / 'err'} | head -1 >/dev/null; "
             f"echo ${{PIPESTATUS[0]}} >{tmp_path / 'code'}")
    subprocess.run(["bash", "-c", shell], cwd=ROOT, timeout=120, check=True)
    err = (tmp_path / "err").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    code = int((tmp_path / "code").read_text())
    assert code in (0, 1, 2)
    if code == 2:
        assert err.splitlines() == ["figcheck: cannot write to standard output: Broken pipe"], err


@pytest.mark.parametrize("jobs", [["--jobs", "1"], ["--jobs", "2"]])
def test_ctrl_c_during_a_batch_exits_130_without_a_traceback(jobs, tmp_path):
    folder = _big_folder(tmp_path / "news")
    proc = subprocess.Popen(_cli("check", "--format", "concise", *jobs, str(folder)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        assert proc.stdout.readline()  # the batch is under way
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130
    assert b"Traceback" not in err and b"interrupted" in err, err.decode(errors="replace")


# ---------------------------------------------------------------- config and baseline files (issue 16)

def _fifo(folder: Path, name: str) -> str:
    path = folder / name
    os.mkfifo(path)
    return str(path)


def _write(folder: Path, name: str, content: str) -> str:
    (folder / name).write_text(content, encoding="utf-8")
    return str(folder / name)


BAD_SETTINGS = [
    # (option, how to make its file, what the one line says)
    pytest.param("--config", lambda d: _write(d, "figcheck.toml", "a = " + "[" * 50_000), "nested", id="config-nested-50000"),
    pytest.param("--config", lambda d: _write(d, "pyproject.toml", "[tool.figcheck]\nx = " + "{a = " * 50_000),
                 "nested", id="pyproject-nested-50000"),
    pytest.param("--config", lambda d: _write(d, "figcheck.toml", ".".join(["a"] * 100_000) + " = 1\n"), "nested",
                 id="config-dotted-key-100000-parts"),
    pytest.param("--config", lambda d: _write(d, "figcheck.toml", "timeout = " + BIG_INT + "\n"), "invalid TOML",
                 id="config-5000-digit-int"),
    pytest.param("--config", lambda d: _fifo(d, "figcheck.toml"), "not a regular file", id="config-fifo"),
    pytest.param("--config", lambda d: "/dev/zero", "not a regular file", id="config-dev-zero"),
    pytest.param("--baseline", lambda d: _write(d, "b.json", "[" * 100_000), "nested too deeply", id="baseline-nested-100000"),
    pytest.param("--baseline", lambda d: _write(d, "b.json", '{"version": 1, "n": ' + BIG_INT + "}"), "5,000 digits",
                 id="baseline-5000-digit-int"),
    pytest.param("--baseline", lambda d: _fifo(d, "b.json"), "not a regular file", id="baseline-fifo"),
    pytest.param("--baseline", lambda d: "/dev/zero", "not a regular file", id="baseline-dev-zero"),
]


@pytest.mark.parametrize(("option", "make", "says"), BAD_SETTINGS)
def test_a_bad_config_or_baseline_is_one_line_and_exit_2(option, make, says, tmp_path):
    # Through a child process: a FIFO or /dev/zero that blocked or read for ever fails here, not hangs.
    good = _write(tmp_path, "good.txt", GOOD)
    named = make(tmp_path)
    proc = subprocess.run(_cli("check", "--format", "json", option, named, good), capture_output=True, timeout=60, cwd=ROOT)
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 2 and "Traceback" not in err, err
    assert len(err.splitlines()) == 1 and says in err, err


def test_a_folder_the_user_cannot_read_is_its_own_error():
    # Config discovery looked inside it (PermissionError). Root reads anything, so as root the
    # run drops to nobody (setpriv); as any other user it runs as that user.
    import shutil
    import tempfile

    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("root reads anything, and setpriv is not here to drop to nobody")
    top = Path(tempfile.mkdtemp(prefix="figcheck-perm-"))  # not under pytest's 0700 folder
    try:
        top.chmod(0o755)
        locked = top / "locked"
        locked.mkdir()
        (locked / "a.txt").write_text(GOOD, encoding="utf-8")
        good = Path(_write(top, "good.txt", GOOD))
        good.chmod(0o644)
        locked.chmod(0)
        command = _cli("check", "--format", "json", str(locked), str(good))
        if os.geteuid() == 0:
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        proc = subprocess.run(command, capture_output=True, timeout=60, cwd="/")
    finally:
        (top / "locked").chmod(0o755)
        shutil.rmtree(top)
    err = proc.stderr.decode(errors="replace")
    assert "Traceback" not in err, err
    files = json.loads(proc.stdout)["files"]
    assert proc.returncode == 2
    assert [f["error"] is None for f in files] == [False, True]
    assert "Permission denied" in files[0]["error"]


# ---------------------------------------------------------------- outputs (issue 16)

@pytest.mark.parametrize("option", ["--output", "--output-json", "--write-baseline"])
def test_an_output_never_overwrites_an_input(option, tmp_path, capsys):
    article = tmp_path / "a.json"
    article.write_text(json.dumps({"body": GOOD}), encoding="utf-8")
    code = main(["check", option, str(article), str(article)])
    err = capsys.readouterr().err
    assert code == 2 and "is an input" in err and len(err.splitlines()) == 1
    assert json.loads(article.read_text(encoding="utf-8")) == {"body": GOOD}


def test_an_output_never_overwrites_an_article_of_an_input_folder(tmp_path, capsys):
    (tmp_path / "news").mkdir()
    article = tmp_path / "news" / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    code = main(["check", "-o", str(article), str(tmp_path / "news")])
    assert code == 2 and "is an article in" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8") == GOOD


def test_a_baseline_written_through_a_link_keeps_the_link(tmp_path, capsys):
    good = Path(_write(tmp_path, "good.txt", GOOD))
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["check", "--write-baseline", str(link), str(good)]) == 0
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["version"] == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_a_baseline_written_to_a_device_leaves_the_device(tmp_path, capsys):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    import stat

    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    good = Path(_write(tmp_path, "good.txt", GOOD))
    assert main(["check", "--write-baseline", str(null), str(good)]) == 0
    assert stat.S_ISCHR(null.stat().st_mode)


def test_a_failed_run_leaves_the_old_report(tmp_path, capsys):
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    good = _write(tmp_path, "good.txt", GOOD)
    code = main(["check", "--output-json", str(report), "--output-sarif", "/dev/full", good])
    assert code == 2 and "No space left on device" in capsys.readouterr().err
    assert report.read_text(encoding="utf-8") == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("shell", [
    pytest.param("{cli} check --format json {good} >/dev/full", id="stdout-dev-full"),
    pytest.param("{cli} check --output /dev/full {good}", id="output-dev-full"),
    pytest.param("{cli} check --output-sarif /dev/full {good} >/dev/null", id="output-sarif-dev-full"),
    pytest.param("{cli} check --format json {good} >&-", id="stdout-closed"),
    pytest.param("{cli} extract {good} >&-", id="extract-stdout-closed"),
])
def test_an_output_that_fails_is_one_line_and_exit_2(shell, tmp_path):
    good = _write(tmp_path, "good.txt", GOOD)
    cli = " ".join(_cli())
    proc = subprocess.run(["bash", "-c", shell.format(cli=cli, good=good)], capture_output=True, timeout=60, cwd=ROOT)
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == 2, err
    assert len(err.splitlines()) == 1 and "cannot write" in err and "Traceback" not in err, err


def test_closed_stdin_is_the_error_of_its_input_alone(tmp_path):
    good = _write(tmp_path, "good.txt", GOOD)
    cli = " ".join(_cli())
    proc = subprocess.run(["bash", "-c", f"{cli} check --format json {good} - <&-"], capture_output=True, timeout=60, cwd=ROOT)
    files = json.loads(proc.stdout)["files"]
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert [f["error"] for f in files] == [None, "standard input is closed"]


def test_closed_stderr_leaves_the_report_whole(tmp_path):
    # An unused suppression writes a note to stderr: with stderr closed, the JSON must still be whole.
    good = _write(tmp_path, "good.txt", GOOD)
    note = _write(tmp_path, "a.md", "<!-- figcheck-disable-next-line FC101 -->\n" + GOOD)
    cli = " ".join(_cli())
    proc = subprocess.run(["bash", "-c", f"{cli} check --format json {good} {note} 2>&-"], capture_output=True, timeout=60,
                          cwd=ROOT)
    assert len(json.loads(proc.stdout)["files"]) == 2 and proc.returncode == 0


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "0"])
def test_a_timeout_that_is_no_number_of_seconds_is_a_usage_error(value, tmp_path, capsys):
    good = _write(tmp_path, "good.txt", GOOD)
    assert main(["extract", f"--timeout={value}", good]) == 2
    err = capsys.readouterr().err
    assert err.startswith("figcheck: --timeout:") and len(err.splitlines()) == 1


def test_sigterm_under_two_jobs_ends_without_tracebacks(tmp_path):
    folder = _big_folder(tmp_path / "news")
    proc = subprocess.Popen(_cli("check", "--format", "concise", "--jobs", "2", str(folder)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        assert proc.stdout.readline()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 143
    assert b"Traceback" not in err and b"terminated" in err, err.decode(errors="replace")


# ---------------------------------------------------------------- escapes in what people read (issue 16)

ESCAPES = "\x1b[2J\x1b]0;owned\x07"  # clear the screen, set the window title
FORGED = "x.txt\n::error file=forged::"  # a newline in a file name, and a GitHub workflow command


def _has_control(text: str) -> bool:
    return any((ord(c) < 0x20 and c not in "\n") or 0x7F <= ord(c) < 0xA0 for c in text)


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_no_control_character_from_a_file_name_or_article_reaches_the_report(fmt, tmp_path, capsys):
    name = tmp_path / ("a" + ESCAPES + FORGED)
    name.write_text("Of the 120 drones launched, 90 were shot down and 45 were decoys " + ESCAPES + ".", encoding="utf-8")
    main(["check", "--format", fmt, str(name)])
    out, err = capsys.readouterr()
    assert not _has_control(out) and not _has_control(err), out
    assert not [line for line in out.splitlines() if line.startswith("::error file=forged")]
    assert "\\x1b" in out and "FC101" in out


def test_no_control_character_reaches_the_extract_table_or_an_error_line(tmp_path, capsys):
    name = tmp_path / ("a" + ESCAPES + ".txt")
    name.write_text("It took 5 days " + ESCAPES + " in all.", encoding="utf-8")
    missing = str(tmp_path / ("gone" + ESCAPES + ".txt"))
    main(["extract", str(name), missing])
    out, err = capsys.readouterr()
    assert not _has_control(out) and not _has_control(err), out
    assert "days" in out


def test_an_unused_suppression_note_writes_its_codes_out(tmp_path, capsys):
    page = tmp_path / "a.md"
    page.write_text("<!-- figcheck-disable-next-line FC101" + ESCAPES + " -->\n" + GOOD, encoding="utf-8")
    main(["check", "--format", "concise", str(page)])
    err = capsys.readouterr().err
    assert not _has_control(err)


def test_columns_0_still_prints_the_report(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "0")
    good = _write(tmp_path, "good.txt", GOOD)
    main(["check", "--format", "full", good])
    assert "FC103" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["extract"], ["check", "--format", "full"]])
def test_rich_markup_in_an_article_or_file_name_is_shown_as_written(command, tmp_path, capsys, monkeypatch):
    # rich reads a plain string as markup: "[link=…]" would become a terminal hyperlink (OSC 8).
    monkeypatch.setenv("COLUMNS", "300")
    name = tmp_path / "[red]a.txt"
    name.write_text("Of the 120 drones [link=http://evil.example]launched[/link], 90 were shot down and 45 were decoys.",
                    encoding="utf-8")
    main([*command, str(name)])
    out = capsys.readouterr().out
    assert "[red]a.txt" in out and "[link=http://evil.example]" in out, out


def test_a_named_pipe_with_a_writer_is_read(tmp_path):
    # `figcheck check <(curl …)`: bash names a pipe (/dev/fd/63); the user named it, so it is read.
    good = _write(tmp_path, "good.txt", GOOD)
    cli = " ".join(_cli())
    proc = subprocess.run(["bash", "-c", f"{cli} check --format json <(cat {good})"], capture_output=True, timeout=60, cwd=ROOT)
    files = json.loads(proc.stdout)["files"]
    assert proc.returncode == 0, proc.stderr
    assert files[0]["error"] is None and [f["code"] for f in files[0]["findings"]] == ["FC103"]


def test_a_new_report_may_go_in_an_input_folder(tmp_path, capsys):
    # Not yet there, it is no input of this run: it appears at the end, by rename.
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["check", "--output-json", str(tmp_path / "news" / "report.json"), str(tmp_path / "news")]) == 0
    assert json.loads((tmp_path / "news" / "report.json").read_text(encoding="utf-8"))["summary"]["files"] == 1


@pytest.mark.parametrize("columns", ["20", "37", "53", "80"])
def test_a_file_name_is_never_wrapped_into_a_workflow_command(columns, tmp_path, capsys, monkeypatch):
    # Wherever the terminal's width falls, a wrapped path must not open a line with "::error".
    monkeypatch.setenv("COLUMNS", columns)
    name = tmp_path / ("a" * int(columns) + FORGED)
    name.write_text("Of the 120 drones launched, 90 were shot down and 45 were decoys.", encoding="utf-8")
    main(["check", "--format", "full", str(name)])
    out = capsys.readouterr().out
    assert "FC101" in out and not [line for line in out.splitlines() if line.startswith("::")]
