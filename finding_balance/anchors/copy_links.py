"""Rows for the "Copy link" buttons: each section heading of a page sits in a row that keeps room for
its button, so nothing moves when ``assets/stable-links.js`` puts the button in.

Each heading with an ``id`` (``h2`` to ``h6``, not quiz titles: the quiz template puts those in their
row itself) goes into ``<div class="fb-linkable" data-fb-copy-anchor="..." data-fb-copy-kind="section">``.
The button is copied from the ``<template>`` of ``finding_balance/theme/partials/stable-links.html``, with the
wording of ``extra.copy_link``; without JavaScript there is no button, and the theme's permalink sign
still leads to the section.

A pass over each page's content (``finding_balance.site.finish``), from the headings of its article
(``finding_balance.article``), under every engine.
"""

from __future__ import annotations

from finding_balance.article import Article, read_article


def in_rows(html: str, article: Article | None = None) -> str:
    """``html`` with every section heading in a row that keeps room for its "Copy link" button;
    ``article``: ``html`` already read (``finding_balance.article``)."""
    article = article or read_article(html)
    pieces, done = [], 0
    for heading in article.headings:
        if heading.quiz_title or not heading.written_anchor:
            continue
        pieces += [
            html[done : heading.start],
            f'<div class="fb-linkable fb-linkable--h{heading.level}" data-fb-copy-anchor="{heading.written_anchor}" '
            'data-fb-copy-kind="section">',
            html[heading.start : heading.end],
            "</div>",
        ]
        done = heading.end
    pieces.append(html[done:])
    return "".join(pieces)
