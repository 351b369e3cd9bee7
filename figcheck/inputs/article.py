"""One article to check, and how it is made ready: its date read, its Markdown or HTML read into prose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Article:
    """One article to check, or the error that kept it from being read."""

    path: str
    body: str = ""
    published: str | None = None
    title: str | None = None
    error: str | None = None
    ignore: tuple[str, ...] = ()            # codes from a JSON record's figcheck_ignore
    locate: Callable[[int], tuple[int, int]] | None = field(default=None, compare=False)
    comments: tuple[tuple[int, str], ...] = ()   # (source line, text) of HTML comments
    source: str | None = None                    # the Markdown or HTML as written, for suppressions
    locate_end: Callable[[int], tuple[int, int]] | None = field(default=None, compare=False)
    markup: str | None = None                    # ".md" or ".html": `body` is the source, not yet read
    record: int | None = None                    # the line of a JSON Lines file that holds it
    warning: str | None = None                   # read, but not all of it: an unreadable date


def dated(label: str, body: str, published: str | None, title: str | None = None,
          fallback: str | None = None) -> Article:
    """An article whose date is checked: one that cannot be read gives way to `fallback` (--published), with a warning."""
    if published is not None:
        from figcheck.extract.dates import parse_published

        try:
            parse_published(published)
        except ValueError:
            # The article is still worth checking; only the date checks lose their anchor, and
            # the reader is told so rather than left with a quiet run (--published stands in).
            warning = f"cannot read the publication date {published!r} (use YYYY-MM-DD)" + (
                f"; using --published {fallback}" if fallback else "; ages and anniversaries are not checked")
            return Article(label, body=body, published=fallback, title=title, warning=warning)
    return Article(label, body=body, published=published, title=title)


def prepare(article: Article) -> Article:
    """The article ready to check: Markdown or HTML read into prose, its date checked.

    Called in the worker, inside the article's deadline, so slow markup is that article's error.
    """
    if article.markup is None or article.error is not None:
        return article
    from figcheck.inputs.html import read_html
    from figcheck.inputs.markdown import read_markdown

    text = article.body
    doc = read_markdown(text) if article.markup in (".md", ".markdown") else read_html(text)
    checked = dated(article.path, doc.body, doc.published or article.published, None, article.published)
    return replace(checked, locate=doc.locate, comments=tuple(doc.comments), source=doc.source,
                   locate_end=doc.locate_end, record=article.record)
