"""Reading a built site for the gates: its HTML files, each page's article and the prose in it."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

#: Built HTML files that are not pages of their own.
NOT_PAGES = ("404.html",)
#: Removed before reading prose: code (a quiz left as a code block included), quizzes, permalink signs.
NOT_PROSE = "pre, code, .fb-quiz, .headerlink, script, style"
#: Short labels a reader takes as a sentence of their own: each is ended with a full stop if needed.
LABELS = "h1, h2, h3, h4, h5, h6, li, th, td, dt, summary, .admonition-title"
SENTENCE_ENDS = (".", "!", "?")
_REFRESH = re.compile(r"""<meta\s+http-equiv=["']refresh["']\s+content=["']\d+;\s*url=([^"']+)["']""", re.IGNORECASE)


def html_files(site_dir: Path) -> list[Path]:
    """Every HTML file of the built site, every edition included, in a stable order."""
    return sorted(site_dir.rglob("*.html"))


def name_of(site_dir: Path, html_file: Path) -> str:
    """A built file's name for a message: its path relative to the site folder."""
    return html_file.relative_to(site_dir).as_posix()


def redirect_target(html: str) -> str | None:
    """Where a redirect page (as ``mkdocs-redirects`` writes them) sends the reader, else ``None``."""
    found = _REFRESH.search(html)
    return found.group(1) if found else None


def content_pages(site_dir: Path) -> list[Path]:
    """The built pages a reader reads: every HTML file but the 404 page and redirect pages."""
    return [
        path
        for path in html_files(site_dir)
        if path.name not in NOT_PAGES and redirect_target(path.read_text(encoding="utf-8")) is None
    ]


def article_of(html: str) -> Tag | None:
    """The theme's ``<article>``: the page's content without its navigation, or ``None``."""
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def prose(content: Tag) -> str:
    """The text a reader reads in ``content``, ready for scoring (``content`` is changed): no code and
    no quizzes, every heading, list item and label ended as a sentence."""
    for element in content.select(NOT_PROSE):
        element.decompose()
    # Innermost first, so a list item holding a list gets one full stop, not two.
    for element in reversed(content.select(LABELS)):
        text = element.get_text(" ", strip=True)
        if text and not text.endswith(SENTENCE_ENDS):
            element.append(".")
    text = " ".join(content.get_text(" ").split())
    return re.sub(r" ([.,;:!?])", r"\1", text)
