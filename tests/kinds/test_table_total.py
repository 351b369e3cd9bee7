"""Tables against their totals: read from a Markdown file (pipes blanked) or plain text (pipes kept)."""

from __future__ import annotations

import json
import subprocess
import sys

from figcheck.inputs.markdown import read_markdown
from figcheck.kinds import table_total
from figcheck.relate import document
from figcheck.relate.tables import tables

TABLE = """# Results

The count ended at dawn.

| Party | Seats | Share |
|---|---:|---:|
| Red | 120 | 40% |
| Blue | 100 | 35% |
| Green | 60 | 25% |
| Total | 290 | 100% |

Turnout was high.
"""


def hits(body: str, check: str = "total") -> list:
    return list(table_total.check(document(body), table_total.Params(check)))


def test_a_markdown_table_is_read_from_the_blanked_body_cell_by_cell():
    body = read_markdown(TABLE).body
    (table,) = tables(document(body))
    assert [c.text for c in table.rows[1]] == ["Red", "120", "40%"]
    assert len(table.rows) == 5   # the header and four rows: the delimiter row is passed over


def test_a_total_row_against_its_column_and_the_shares_within_rounding():
    (hit,) = hits(read_markdown(TABLE).body)        # 40% + 35% + 25% = 100%: quiet
    assert hit.working == "120 + 100 + 60 = 280, not 290"
    short = hits(read_markdown(TABLE.replace("25% |", "20% |").replace("290", "280")).body)
    assert [h.working for h in short] == ["40% + 35% + 20% = 93.5–96.5, not 100%"]   # each ± 0.5


def test_a_total_heading_its_rows_and_a_second_total_add_their_own_rows():
    body = "| A | N |\n|---|---|\n| Total | 30 |\n| x | 10 |\n| y | 20 |\n"
    assert hits(body) == []
    body = "| A | N |\n|---|---|\n| x | 10 |\n| y | 20 |\n| Total | 30 |\n| z | 5 |\n| w | 6 |\n| Total | 12 |\n"
    assert [h.working for h in hits(body)] == ["5 + 6 = 11, not 12"]


def test_prose_with_double_spaces_is_no_table():
    body = "It rose.  Then it fell.\nIt fell.  Then it rose.\nTotal  30 and more.\n"
    assert hits(body) == [] and hits(body, "shares") == []


def test_the_cli_points_at_the_cells_in_the_markdown_file(tmp_path):
    path = tmp_path / "results.md"
    path.write_text(TABLE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "figcheck", "check", "--format", "json", "--select", "FC121", str(path)],
                         capture_output=True, text=True)
    (finding,) = json.loads(out.stdout)["files"][0]["findings"]
    lines = TABLE.splitlines()
    for f in finding["figures"]:
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(f["text"])


HTML_TABLE = """<html><body><article>
<p>The count ended at dawn.</p>
<table>
<tr><th>Party</th><th>Seats</th><th>Share</th></tr>
<tr><td>Red</td><td>120</td><td>40%</td></tr>
<tr><td>Blue</td><td><p>100</p></td><td>35%</td></tr>
<tr><td>Green</td><td>60<td>25%
<tr><td>Total</td><td>{total}</td><td>100%</td></tr>
</table>
<p>Turnout was high.</p>
</article></body></html>
"""


def test_an_html_table_reads_a_row_a_line_even_with_blocks_in_cells_and_end_tags_left_out():
    from figcheck.inputs.html import read_html
    (table,) = tables(document(read_html(HTML_TABLE.format(total=280)).body))
    assert [[c.text for c in row] for row in table.rows][2:] == [["Blue", "100", "35%"], ["Green", "60", "25%"],
                                                                  ["Total", "280", "100%"]]
    assert hits(read_html(HTML_TABLE.format(total=280)).body) == []


def test_the_cli_points_at_the_cells_in_the_html_file(tmp_path):
    path = tmp_path / "results.html"
    path.write_text(HTML_TABLE.format(total=290), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "figcheck", "check", "--format", "json", "--select", "FC121", str(path)],
                         capture_output=True, text=True)
    (finding,) = json.loads(out.stdout)["files"][0]["findings"]
    assert finding["working"] == "120 + 100 + 60 = 280, not 290"
    lines = HTML_TABLE.format(total=290).splitlines()
    for f in finding["figures"]:
        assert lines[f["line"] - 1][f["column"] - 1:].startswith(f["text"])
