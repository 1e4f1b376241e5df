"""What a page holds that other parts of the site list or link to, read from the page's HTML.

The outline of a page's content: the one-line summary (the paragraph with class ``fb-summary``), its
section headings (``h2`` to ``h6`` with an ``id``, outside quizzes), its quizzes (``section.fb-quiz``
with their title and type), and how many words a reader reads (quizzes, permalink signs, scripts
and comments left out). It is part of the page's article (``finding_balance.article``), which the
finishing passes read once a page; ``outline`` reads it from HTML for a caller that has no article
(the gates). Pure functions, free of MkDocs: the counsellors' list and the pack page read it, under
every engine.
"""

from __future__ import annotations

from finding_balance.article import (
    WORDS_PER_MINUTE,
    Outline,
    QuizOutline,
    Section,
    read_article,
    reading_minutes,
)

__all__ = ["WORDS_PER_MINUTE", "Outline", "QuizOutline", "Section", "outline", "reading_minutes"]


def outline(html: str) -> Outline:
    """Read the outline of a page from the HTML of its content (the theme's ``<article>``, or
    MkDocs' ``page.content``)."""
    return read_article(html).outline
