"""Rows for the "Copy link" buttons: each section heading of a page sits in a row that keeps room for
its button, so nothing moves when ``assets/stable-links.js`` puts the button in.

Each heading with an ``id`` (``h2`` to ``h6``, not quiz titles: the quiz template puts those in their
row itself) goes into ``<div class="fb-linkable" data-fb-copy-anchor="..." data-fb-copy-kind="section">``.
The button is copied from the ``<template>`` of ``finding_balance/theme/partials/stable-links.html``, with the
wording of ``extra.copy_link``; without JavaScript there is no button, and the theme's permalink sign
still leads to the section.

A pass over each page's content (``finding_balance.site.finish``), under every engine.
"""

from __future__ import annotations

import re

#: A section heading as Python-Markdown writes it: ``<h2 id="anchor">Text<a class="headerlink" ...>``.
_HEADING = re.compile(r"<h(?P<level>[2-6])(?P<attributes>\s[^>]*)?>.*?</h(?P=level)>", re.DOTALL)
_ID = re.compile(r"""\sid=(["'])(?P<id>[^"']+)\1""")


def in_rows(html: str) -> str:
    """``html`` with every section heading in a row that keeps room for its "Copy link" button."""

    def row(match: re.Match[str]) -> str:
        attributes = match["attributes"] or ""
        anchor = _ID.search(attributes)
        if anchor is None or "fb-quiz__title" in attributes:
            return match[0]
        return (
            f'<div class="fb-linkable fb-linkable--h{match["level"]}" data-fb-copy-anchor="{anchor["id"]}" '
            f'data-fb-copy-kind="section">{match[0]}</div>'
        )

    return _HEADING.sub(row, html)
