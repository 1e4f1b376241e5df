"""Anchors across a built site: old anchors kept working, and every quiz link's anchor checked.

- ``extra.anchor_redirects`` (``finding_balance.stable_links``): each old anchor goes back into its
  page as an empty element that leads to the new place; the old anchor must be gone from the page
  and the new one must exist.
- Links in quiz text to ``page.md#anchor``: the engines check the links of a page's Markdown, but a
  quiz is markup they do not look into, so this pass checks that each such anchor exists.

Caller: ``finding_balance.site.finish``, once every page is built, under every engine.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from finding_balance.stable_links import AnchorRedirect, moved_to, with_old_anchors

ID_ATTRIBUTE = re.compile(r"""\sid=["']?([^"'\s>]+)""")
ARTICLE_START = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>')
QUIZ_SECTION = re.compile(r'<section class="fb-quiz[^"]*" id="quiz-(?P<id>[a-z0-9-]+)".*?</section>', re.DOTALL)
LINK = re.compile(r'<a\s[^>]*href="(?P<href>[^"]*)"')


def ids_in(html: str) -> set[str]:
    """Every ``id`` in a page."""
    return {html_lib.unescape(value) for value in ID_ATTRIBUTE.findall(html)}


def with_redirected_anchors(html: str, redirects: list[tuple[AnchorRedirect, str]]) -> str:
    """A built page with the old anchors of ``redirects`` (each with its ``moved_to`` target) put
    into its content (before the new anchor on the same page, else at the top of the article)."""
    start = ARTICLE_START.search(html)
    if start is None:
        return with_old_anchors(html, redirects)
    return html[: start.end()] + with_old_anchors(html[start.end() :], redirects)


def apply_anchor_redirects(
    redirects: list[AnchorRedirect],
    pages: Mapping[str, str],
    relative_url: Callable[[str, str], str],
    where_still: Callable[[AnchorRedirect], str | None] = lambda redirect: None,
) -> tuple[dict[str, str], list[str]]:
    """Put every old anchor into its page. ``pages`` maps each Markdown source to its built HTML.

    Returns the pages that changed and the problems found (an old anchor still present, a target
    anchor missing).
    """
    problems: list[str] = []
    changed: dict[str, str] = {}
    by_page: dict[str, list[tuple[AnchorRedirect, str]]] = {}
    for redirect in redirects:
        html = pages.get(redirect.page, "")
        if redirect.anchor in ids_in(html):
            problems.append(
                where_still(redirect)
                or f"mkdocs.yml: {redirect.name}: docs/{redirect.page} still has the anchor '#{redirect.anchor}'; "
                "remove the redirect, or the old anchor from the page."
            )
            continue
        if redirect.target_anchor and redirect.target_anchor not in ids_in(pages.get(redirect.target_page, "")):
            problems.append(
                f"mkdocs.yml: {redirect.name}: docs/{redirect.target_page} has no anchor '#{redirect.target_anchor}'."
            )
            continue
        target = moved_to(redirect, relative_url(redirect.page, redirect.target_page))
        by_page.setdefault(redirect.page, []).append((redirect, target))
    for page, here in by_page.items():
        changed[page] = with_redirected_anchors(pages[page], here)
    return changed, problems


def quiz_link_problems(
    source: str,
    html: str,
    page_url: str,
    pages_by_url: Mapping[str, str],
    ids_of: Callable[[str], set[str]],
) -> list[tuple[str, str, str]]:
    """Links in the quizzes of one built page whose anchor does not exist on the page they lead to.

    ``page_url`` is the page's URL from the site root (``trust/``); ``pages_by_url`` maps URLs to
    Markdown sources; ``ids_of`` gives a source's ids. Returns (quiz id, target source, fragment).
    """
    if "fb-quiz" not in html:
        return []
    found = []
    for quiz in QUIZ_SECTION.finditer(html):
        for link in LINK.finditer(quiz.group(0)):
            href = html_lib.unescape(link["href"])
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target_url = posixpath.normpath(posixpath.join(page_url, parts.path)) if parts.path else page_url
            target_url = "" if target_url in (".", "") else target_url.lstrip("./")
            target_url = target_url if target_url.endswith((".html", "/")) or not target_url else f"{target_url}/"
            target = source if not parts.path else pages_by_url.get(target_url)
            if target is not None and parts.fragment not in ids_of(target):
                found.append((quiz["id"], target, parts.fragment))
    return found
