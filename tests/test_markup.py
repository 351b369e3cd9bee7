"""Reading plain text, Markdown and HTML: the prose kept, and positions back in the source."""

from __future__ import annotations

import time

import pytest

from figcheck.inputs.html import read_html
from figcheck.inputs.markdown import read_markdown
from figcheck.inputs.positions import read_plain

# -- plain text ----------------------------------------------------------------------------------


def test_plain_body_is_the_source_and_locate_counts_lines():
    doc = read_plain("First line.\nOf the 120 drones, 1,240 were moved.\n")
    assert doc.body == doc.source == doc.wrapped
    assert doc.locate(doc.body.index("1,240")) == (2, 20)
    assert doc.locate_end(doc.body.index("1,240") + 5) == (2, 25)
    assert doc.locate(0) == (1, 1)
    assert doc.comments == ()
    assert doc.published is None


def test_plain_columns_count_code_points_not_bytes():
    doc = read_plain("Le coût: €1,240 à payer")
    assert doc.locate(doc.body.index("1,240")) == (1, 11)


# -- Markdown ------------------------------------------------------------------------------------

ARTICLE_MD = """\
---
title: "Drones: 999 launched"
date: "2024-03-15T08:00:00Z"
---
# Overnight **attack** on 3 cities

Of the 120 drones *launched*, 90 were shot down
and 35 were decoys; officials said 1,240 people
were moved. See [the 2023 report](https://example.com/r-2023?id=777)
or https://example.org/555/data.

```python
total = 888
```

    indented 444 code

Inline `x = 333` code and <!-- figcheck-disable-line FC101 --> more.
"""


def test_markdown_positions_point_at_the_source():
    doc = read_markdown(ARTICLE_MD)
    at = doc.body.index("1,240")
    assert doc.locate(at) == (8, 36)
    assert doc.locate_end(at + 5) == (8, 41)
    assert doc.locate(doc.body.index("120")) == (7, 8)
    assert doc.locate(doc.body.index("cities")) == (5, 29)


def test_markdown_body_keeps_the_source_length_and_offsets():
    doc = read_markdown(ARTICLE_MD)
    assert len(doc.body) == len(doc.wrapped) == len(ARTICLE_MD)
    for figure in ("120", "90", "35", "1,240", "2023"):
        at = doc.body.index(figure)
        assert ARTICLE_MD[at : at + len(figure)] == figure


def test_markdown_code_urls_front_matter_and_comments_contribute_no_text():
    body = read_markdown(ARTICLE_MD).body
    for hidden in ("999", "888", "444", "333", "777", "555", "https", "example", "figcheck", "title"):
        assert hidden not in body
    assert "the 2023 report" in body  # a link's text is prose, its target is not


def test_markdown_markers_become_spaces():
    body = read_markdown(ARTICLE_MD).body
    for marker in ("#", "*", "`", "[", "]", "(", ")", "<", ">", "---"):
        assert marker not in body
    assert "Overnight   attack   on 3 cities" in body


def test_markdown_front_matter_date_is_published():
    assert read_markdown(ARTICLE_MD).published == "2024-03-15"
    assert read_markdown("---\ndate: 2021-07-01\n---\nText.").published == "2021-07-01"
    assert read_markdown("---\ntitle: x\n---\nText.").published is None
    assert read_markdown("Text.\n\n---\ndate: 2021-07-01\n---\n").published is None  # not at the top


def test_markdown_soft_wraps_join_in_body_but_not_in_wrapped():
    doc = read_markdown(ARTICLE_MD)
    assert "90 were shot down and 35 were decoys; officials said 1,240 people were moved." in doc.body
    assert "shot down\nand 35" in doc.wrapped
    # Paragraphs and headings stay apart.
    heading_end = doc.body.index("cities") + len("cities")
    assert doc.body[heading_end:].lstrip(" ").startswith("\n")


def test_markdown_list_items_stay_apart_and_lose_their_markers():
    doc = read_markdown("Totals:\n\n1. 120 drones\n   wrapped\n2. 90 missiles\n- 35 decoys\n  still item 3\n")
    lines = [" ".join(line.split()) for line in doc.body.split("\n") if line.strip()]
    assert lines == ["Totals:", "120 drones wrapped", "90 missiles", "35 decoys still item 3"]


def test_markdown_ordered_marker_cannot_interrupt_a_paragraph():
    body = read_markdown("The plan began in\n2024. It cost 5 million.\n").body
    assert "in 2024. It cost" in body


def test_markdown_escapes_and_plain_symbols_stay():
    body = read_markdown("Price \\*not\\* emphasis, 3 * 4 and snake_case_name ~120.\n").body
    assert body.strip() == "Price  *not * emphasis, 3 * 4 and snake_case_name ~120."


def test_markdown_nested_image_link_and_reference_links():
    text = "See [![chart of 300](img.png)](https://x.org) and [the data][d] now.\n\n[d]: https://d.org/9 \"T\"\n"
    body = read_markdown(text).body
    assert "chart of 300" in body
    assert "the data" in body
    assert "9" not in body and "d.org" not in body and "img" not in body


def test_markdown_table_rows_are_separate_lines_without_pipes():
    text = "| Region | Count |\n|---|---:|\n| North | 1,240 |\n| South | 760 |\n"
    doc = read_markdown(text)
    assert [line.split() for line in doc.body.split("\n") if line.strip()] == [
        ["Region", "Count"], ["North", "1,240"], ["South", "760"],
    ]
    assert doc.locate(doc.body.index("760")) == (4, 11)


def test_markdown_comments_are_recorded_with_their_source_line():
    text = "Intro.\n\n<!-- figcheck-disable-next-line FC101 -- checked -->\nOf 120, 90 and 45.\n<!-- a\nb -->\n"
    doc = read_markdown(text)
    assert doc.comments == ((3, " figcheck-disable-next-line FC101 -- checked "), (5, " a\nb "))
    assert "figcheck" not in doc.body


def test_markdown_comment_inside_code_is_not_a_comment():
    doc = read_markdown("```\n<!-- figcheck-disable-file -->\n```\nText 5.\n")
    assert doc.comments == ()


def test_markdown_crlf_line_ends_keep_positions():
    text = "Title\r\n\r\nOf the 120 drones\r\nand 1,240 people.\r\n"
    doc = read_markdown(text)
    assert doc.locate(doc.body.index("1,240")) == (4, 5)
    assert "drones  and 1,240" in doc.body


# -- HTML ----------------------------------------------------------------------------------------

ARTICLE_HTML = """\
<html><head><title>Drones 999</title>
<meta property="article:published_time" content="2024-03-15T08:00:00Z">
<script>var total = 555;</script><style>p { margin: 666px }</style></head>
<body><article>
<h1>Drones &amp; decoys</h1>
<p>Of the <b>120</b> drones, 90 were shot&nbsp;down
   and officials moved &euro;1,240 in aid.</p>
<pre>777</pre><p>Call <code>888</code> now<br>Next line</p>
<noscript>444</noscript><!-- figcheck-disable-file FC2 -->
</article></body></html>
"""


def test_html_positions_point_at_the_source():
    doc = read_html(ARTICLE_HTML)
    at = doc.body.index("1,240")
    assert doc.locate(at) == (7, 30)
    assert doc.locate_end(at + 5) == (7, 35)
    assert doc.locate(doc.body.index("120")) == (6, 14)
    euro = doc.body.index("€")
    assert doc.locate(euro) == (7, 24)
    assert doc.locate_end(euro + 1) == (7, 30)  # an entity ends after its ";"
    assert doc.locate(doc.body.index("& decoys")) == (5, 12)
    assert doc.locate(doc.body.index("decoys")) == (5, 18)


def test_html_source_offsets_recover_the_written_figure():
    doc = read_html(ARTICLE_HTML)
    at = doc.body.index("1,240")
    assert ARTICLE_HTML[doc.source_offset(at) : doc.source_end(at + 5)] == "1,240"
    at = doc.body.index("€1,240")
    assert ARTICLE_HTML[doc.source_offset(at) : doc.source_end(at + 6)] == "&euro;1,240"


def test_html_skips_head_script_style_code_pre_and_noscript():
    body = read_html(ARTICLE_HTML).body
    for hidden in ("999", "555", "666", "777", "888", "444", "figcheck"):
        assert hidden not in body


def test_html_blocks_end_paragraphs_and_entities_decode():
    body = read_html(ARTICLE_HTML).body
    assert body.split("\n")[:4] == [
        "Drones & decoys",
        "Of the 120 drones, 90 were shot down and officials moved €1,240 in aid.",
        "Call now",
        "Next line",
    ]


def test_html_published_from_meta_name_and_time_fallback():
    assert read_html(ARTICLE_HTML).published == "2024-03-15"
    named = '<meta name="article:published_time" content="2023-01-02T00:00:00Z"><p>x</p>'
    assert read_html(named).published == "2023-01-02"
    timed = (
        '<p>Updated <time datetime="2020-01-01">then</time></p>'
        '<article><time datetime="2022-05-06T10:00">6 May</time><p>Text</p></article>'
    )
    assert read_html(timed).published == "2022-05-06"  # the article's time beats the page's
    assert read_html("<p>No date here, 2024-01-01.</p>").published is None


def test_html_comments_are_recorded_with_their_line():
    assert read_html(ARTICLE_HTML).comments == ((9, " figcheck-disable-file FC2 "),)


@pytest.mark.parametrize("cell", ["<td>", "<th>"])
def test_html_table_cells_do_not_glue_numbers(cell):
    body = read_html(f"<table><tr>{cell}2023{cell}1,240</tr></table>").body
    assert "20231,240" not in body
    assert body.split("\n")[0] == "2023 | 1,240"   # one row, one line, cells apart as in Markdown


def test_html_whitespace_collapses_but_positions_hold():
    text = "<div>\n  <p>\n    Of   the\n    120\n  </p>\n</div>"
    doc = read_html(text)
    assert doc.body.strip() == "Of the 120"
    assert doc.locate(doc.body.index("120")) == (4, 5)


def test_html_unknown_entity_and_bare_ampersand_stay_as_written():
    doc = read_html("<p>AT&T paid &bogus; 5 &amp 6</p>")
    assert doc.body.strip() == "AT&T paid &bogus; 5 & 6"
    assert doc.locate(doc.body.index("6")) == (1, 29)


# ---------------------------------------------------------------- linear time on markup that never ends

@pytest.mark.parametrize(("reader", "unit"), [
    ("html", "<a b"), ("html", "<a"), ("html", "<!--x>"), ("html", "<![CDATA[x>"), ("html", "<![if x>"),
    ("markdown", "<!-- x -->\n"),
], ids=["unclosed-tags", "bare-openers", "unclosed-comments", "unclosed-cdata", "unclosed-marked", "md-comments"])
def test_markup_that_never_ends_reads_in_linear_time(reader, unit):
    # html.parser looked from each such "<" to the end of the text: 160 KB of "<a b" took 140 s.
    text = unit * (200_000 // len(unit))
    started = time.process_time()
    doc = read_html(text) if reader == "html" else read_markdown(text)
    assert time.process_time() - started < 1.0
    assert len(doc.body) <= len(text)


def test_a_tag_that_never_ends_is_text_as_before():
    doc = read_html("<p>Of 120 drones, 90 fell.</p> 5 < 6 and <a b")
    assert doc.body.strip().endswith("5 < 6 and <a b")
    assert doc.body[doc.body.index("<a b") :] == "<a b"
    assert doc.source_offset(doc.body.index("<a b")) == len(doc.source) - 4


def test_a_page_holding_every_placeholder_is_still_read():
    page = "".join(map(chr, range(0xFDD0, 0xFDF0))) + "<p>Of 120 drones, 90 fell.</p> <a b"
    assert "Of 120 drones, 90 fell." in read_html(page).body
