"""Anchors across a built site: old anchors kept working, and every quiz link's anchor checked.

- ``extra.anchor_redirects`` (``finding_balance.stable_links``): each old anchor goes back into its
  page as an empty element that leads to the new place (``old_anchors_into_page``, page by page); the
  old anchor must be gone from the page, and the new one must exist (``missing_redirect_targets``,
  once every page is built).
- Links in quiz text to ``page.md#anchor``: the engines check the links of a page's Markdown, but a
  quiz is markup they do not look into, so each page's quiz links are noted (``quiz_links``) and
  their anchors checked once every page is built.

A page's anchors are the ids of its content (the theme's ``<article>``): what a link can point to,
and what the engines' own anchor checks know. Reading them there, not in the whole page with its
long navigation, keeps the cost of a page from growing with the size of the site.

Caller: ``finding_balance.site.finish`` (``SiteFinisher``), under every engine.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from urllib.parse import urlsplit

from finding_balance.stable_links import AnchorRedirect, moved_to, with_old_anchors

#: An ``id`` attribute (after white space) and its value. The literal ``id=`` comes first, so the
#: search skips ahead to it: many times faster than starting with the white space.
ID_ATTRIBUTE = re.compile(r"""id=(?<=\sid=)["']?([^"'\s>]+)""")
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


def old_anchors_into_page(
    page: str,
    html: str,
    ids: Collection[str],
    redirects: Iterable[AnchorRedirect],
    relative_url: Callable[[str, str], str],
    where_still: Callable[[AnchorRedirect], str | None] = lambda redirect: None,
) -> tuple[str, list[str]]:
    """The built page ``page`` (its Markdown source) with the old anchors of ``redirects`` that belong
    to it put into its content; ``ids`` are the page's own. Returns the page and the problems found:
    an old anchor the page still has (that redirect is then left out), said by ``where_still`` with
    the file and line when the page's Markdown shows where it comes from."""
    problems: list[str] = []
    here: list[tuple[AnchorRedirect, str]] = []
    for redirect in redirects:
        if redirect.page != page:
            continue
        if redirect.anchor in ids:
            problems.append(where_still(redirect) or still_there(redirect))
            continue
        here.append((redirect, moved_to(redirect, relative_url(redirect.page, redirect.target_page))))
    return (with_redirected_anchors(html, here) if here else html), problems


def still_there(redirect: AnchorRedirect) -> str:
    return (
        f"mkdocs.yml: {redirect.name}: docs/{redirect.page} still has the anchor '#{redirect.anchor}'; "
        "remove the redirect, or the old anchor from the page."
    )


def missing_redirect_targets(
    redirects: Iterable[AnchorRedirect], ids_of: Callable[[str], Collection[str]]
) -> list[str]:
    """A problem for each redirect whose target anchor its target page (``ids_of`` its source) lacks."""
    return [
        f"mkdocs.yml: {redirect.name}: docs/{redirect.target_page} has no anchor '#{redirect.target_anchor}'."
        for redirect in redirects
        if redirect.target_anchor and redirect.target_anchor not in ids_of(redirect.target_page)
    ]


def quiz_links(source: str, html: str, page_url: str, pages_by_url: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """The links with an anchor in the quizzes of one built page (``source``, at ``page_url`` from the
    site root: ``trust/``), as (quiz id, the Markdown source they lead to, fragment). ``pages_by_url``
    maps URLs to sources; a link to a page that is not one of them is left out."""
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
            if target is not None:
                found.append((quiz["id"], target, parts.fragment))
    return found
