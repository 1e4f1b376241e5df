"""One built page as the finishing passes see it: its HTML cut once around its content.

A page's content is the theme's ``<article>``: what links point to, what the counsellors' list
reads, where copy-link rows and old anchors go. It is found once per page, searched from the end of
the page, where the theme writes it after the navigation (on a large site most of a page is
navigation), and its content read once into its article (``finding_balance.article``: ids, headings,
quizzes, text), which every pass reads. A pass edits ``content`` in place; ``html`` puts the page
together again once, at the end. A page without an article is all content.

Made by ``finding_balance.site.finish`` for each page, under every engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from finding_balance.article import Article, read_article

#: The opening tag of the theme's article; searched for from its fixed start, then matched whole.
ARTICLE_START = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>')
_ARTICLE_START_TEXT = '<article class="md-content__inner md-typeset"'
_ARTICLE_END = "</article>"


def article_bounds(html: str) -> tuple[int, int]:
    """Where the content of a built page (the theme's ``<article>``) starts and ends in ``html``: the
    whole page when it has none."""
    end = html.rfind(_ARTICLE_END)
    position = html.rfind(_ARTICLE_START_TEXT, 0, end if end != -1 else len(html))
    while position != -1:
        start = ARTICLE_START.match(html, position)
        if start:
            return start.end(), end if end > start.end() else len(html)
        position = html.rfind(_ARTICLE_START_TEXT, 0, position)
    return 0, len(html)


@dataclass
class BuiltPage:
    """A built page from a Markdown file, in three parts: ``head`` (up to the article's content),
    ``content`` and ``tail``."""

    name: str
    """The page's file, relative to the site folder."""
    source: str
    """Its Markdown file, relative to the docs folder."""
    head: str
    content: str
    tail: str
    quizzes: Iterable[tuple[str, int]] | None = None
    """The id and line of each quiz the check found in ``source`` (none: the caller checked)."""
    held: bool = False
    """Finished once every page is known (the counsellors' list, the pack page), not now."""
    article: Article = field(init=False)
    """The content as built, read once (``finding_balance.article``): what the passes read. It stays
    as it was read while passes edit ``content``."""

    def __post_init__(self) -> None:
        self.article = read_article(self.content)

    @classmethod
    def cut(cls, html: str, name: str, source: str, quizzes: Iterable[tuple[str, int]] | None = None) -> BuiltPage:
        start, end = article_bounds(html)
        return cls(name, source, html[:start], html[start:end], html[end:], quizzes)

    @property
    def html(self) -> str:
        return self.head + self.content + self.tail
