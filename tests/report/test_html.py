"""The HTML report: built through the CLI, checked as text, then opened in headless Chromium."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from figcheck.cli import main

SEEDS = Path(__file__).parents[2] / "seeds"
BAD = "Of the 520 students who sat the exam, 388 passed and 142 failed."
HOSTILE = '<script>document.title="owned"</script> & <b>bold</b>: ' + BAD
BROWSER = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(name)), None)


def report(capsys, tmp_path: Path, *paths: str) -> str:
    out = tmp_path / "report.html"
    code = main(["check", "--format", "concise", "--output-html", str(out), *paths])
    capsys.readouterr()
    assert code in (0, 1)
    return out.read_text(encoding="utf-8")


def test_page_is_self_contained_and_escapes_the_article(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(HOSTILE + "\n\nA second paragraph with 12 apples.", encoding="utf-8")
    page = report(capsys, tmp_path, str(tmp_path / "a.txt"))
    assert "<script>document.title" not in page and "&lt;script&gt;document.title" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    # Nothing is fetched: no src, no stylesheet link, no address outside the page.
    assert not re.search(r"\s(src|href)=\"(?!#)", page)
    assert "default-src 'none'" in page
    # Every figure is marked, and the three of the finding are linked to its card.
    assert page.count('<mark class="fig') == 4
    assert len(re.findall(r'<mark class="fig linked[^>]*data-rel="a1r0"', page)) == 3
    assert 'class="card error" id="card-a1r0"' in page and "388 + 142 = 530" in page
    assert 'title="count 520 students (from 520 to 520)"' in page  # what the check read in the figure


def test_held_checks_are_apart_and_summary_counts_agree(capsys, tmp_path):
    page = report(capsys, tmp_path, str(SEEDS))
    assert "2 articles checked, 0 errors, 0 warnings, 1 info" in page
    held = page.index("Checks that held")
    assert "267 drones overnight sits within the 1,150 drones" in page[held:page.index("</div>", held)]
    assert '<details class="article clean"' in page  # the clean seed: its text is there, folded
    assert "@media print" in page


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=90, check=False)


@pytest.mark.skipif(BROWSER is None, reason="no Chromium here (apt-get install chromium)")
def test_chromium_shows_the_report_and_links_a_findings_figures(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(report(capsys, tmp_path, str(SEEDS), str(tmp_path / "a.txt")), encoding="utf-8")
    # The DOM after the page's script ran, opened at a finding's link: its figures are lit.
    dom = chromium(tmp_path, "--dump-dom", page.as_uri() + "#a3r0").stdout
    assert "<title>figcheck report</title>" in dom  # the article's script did not run
    lit = re.findall(r'<mark class="fig linked[^"]*\bon\b[^"]*"[^>]*>([^<]*)</mark>', dom)
    assert lit == ["520", "388", "142"]
    assert re.search(r'class="card error on"', dom)
    shot = tmp_path / "shot.png"
    chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri())
    assert png_size(shot) == (1280, 1600) and shot.stat().st_size > 50_000  # a blank page is a few KB
    # Printed, the page is still readable: a PDF of more than one page comes out.
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-" and len(re.findall(rb"/Type\s*/Page\b", data)) > 1
