"""Quiz links' anchors: a link in quiz text to ``page.md#anchor`` must lead to an anchor that exists.

The engines check the links of a page's Markdown, but a quiz is markup they do not look into, so
each page's quiz links are noted as the page goes by (``quiz_links``, from the page's article,
``finding_balance.article``) and their anchors checked once
every page is built (``missing_anchors``). A page's anchors are the ids of its content, what the
engines' own anchor checks know.

A pass of ``finding_balance.site.finish``, under every engine.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from finding_balance.article import Article, read_article
from finding_balance.quiz.model import QuizError, find_quiz_blocks, parse_quiz

#: A quiz's anchor, whose id follows ``quiz-``.
_QUIZ_ANCHOR = re.compile(r"quiz-(?P<id>[a-z0-9-]+)")


class QuizLink(NamedTuple):
    """A link with an anchor in a quiz: the page it is on, the quiz, the page it leads to, the anchor."""

    source: str
    quiz_id: str
    target: str
    fragment: str


def quiz_links(source: str, html: str | Article, page_url: str, pages_by_url: Mapping[str, str]) -> list[QuizLink]:
    """The links with an anchor in the quizzes of one built page (``source``, at ``page_url`` from the
    site root: ``trust/``), from its content or its article. ``pages_by_url`` maps URLs to sources; a
    link to a page that is not one of them is left out."""
    if isinstance(html, str):
        if "fb-quiz" not in html:
            return []
        html = read_article(html)
    found = []
    for quiz in html.quizzes:
        anchor = _QUIZ_ANCHOR.fullmatch(quiz.anchor)
        if anchor is None:
            continue
        for href in quiz.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target_url = posixpath.normpath(posixpath.join(page_url, parts.path)) if parts.path else page_url
            target_url = "" if target_url in (".", "") else target_url.lstrip("./")
            target_url = target_url if target_url.endswith((".html", "/")) or not target_url else f"{target_url}/"
            target = source if not parts.path else pages_by_url.get(target_url)
            if target is not None:
                found.append(QuizLink(source, anchor["id"], target, parts.fragment))
    return found


def quizzes_in(path: Path) -> list[tuple[str, int]]:
    """The id and line of each quiz of a Markdown file that reads without a mistake."""
    found = []
    for block in find_quiz_blocks(path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")):
        try:
            found.append((parse_quiz(block).id, block.line))
        except QuizError:
            continue
    return found


def quiz_line(path: Path, quiz_id: str) -> int:
    """The line of the quiz ``quiz_id`` in a Markdown file, for a message (1 when not found)."""
    try:
        return next((line for found, line in quizzes_in(path) if found == quiz_id), 1)
    except (OSError, QuizError):
        return 1


def missing_anchors(
    links: Iterable[QuizLink], ids_of: Callable[[str], Collection[str]], docs_dir: Path, display: Callable[[Path], str]
) -> list[str]:
    """A problem for each link whose anchor its target page (``ids_of`` its source) does not have."""
    problems = []
    for link in links:
        source, quiz_id, target, fragment = link
        if fragment not in ids_of(target):
            path = docs_dir / source
            problems.append(
                f"{display(path)}:{quiz_line(path, quiz_id)}: quiz '{quiz_id}': the link "
                f"'{target}#{fragment}' points to an anchor '#{fragment}' that {target} does not have"
            )
    return problems
