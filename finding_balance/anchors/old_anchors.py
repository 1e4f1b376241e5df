"""Old anchors kept working: each anchor of ``extra.anchor_redirects`` goes back into its page.

The redirects are read by ``finding_balance.anchors.redirects``. An old anchor comes back as an empty
element: on the same page it sits right before the new target, so the browser scrolls there by
itself; for another page it sits at the top of the page's content with ``data-fb-moved-to``, which
``assets/stable-links.js`` follows with ``location.replace``. The old anchor must be gone from its
page (``old_anchors_into``, page by page), and the new one must exist (``missing_redirect_targets``,
once every page is built).

A pass of ``finding_balance.site.finish``, under every engine.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Collection, Iterable

from finding_balance.anchors.redirects import AnchorRedirect, moved_to
from finding_balance.messages import DEFAULT_FILES, EditionFiles


def with_old_anchors(html: str, redirects: list[tuple[AnchorRedirect, str]]) -> str:
    """``html`` with an empty element for each old anchor (``redirects``: each with its ``moved_to``).

    An anchor moved within the page goes right before the element that has the new anchor, so the
    browser lands there with no script; any other goes at the top, for the script to follow.
    """
    top: list[str] = []
    for redirect, target in redirects:
        alias = (
            f'<span id="{html_lib.escape(redirect.anchor)}" class="fb-moved-anchor" '
            f'data-fb-moved-to="{html_lib.escape(target)}"></span>'
        )
        if target.startswith("#") and redirect.target_anchor:
            element = re.search(rf"""<[a-zA-Z][^>]*\sid=["']{re.escape(redirect.target_anchor)}["']""", html)
            if element:
                html = html[: element.start()] + alias + html[element.start() :]
                continue
        top.append(alias)
    return "".join(top) + html


def old_anchors_into(
    content: str,
    ids: Collection[str],
    redirects: Iterable[AnchorRedirect],
    relative_url: Callable[[str, str], str],
    where_still: Callable[[AnchorRedirect], str | None] = lambda redirect: None,
    files: EditionFiles = DEFAULT_FILES,
) -> tuple[str, list[str]]:
    """A page's content with the old anchors of ``redirects`` (the page's own) put in; ``ids`` are
    the page's own anchors. Returns the content and the problems found: an old anchor the page still
    has (that redirect is then left out), said by ``where_still`` with the file and line when the
    page's Markdown shows where it comes from, else in the edition's config (``files``)."""
    problems: list[str] = []
    here: list[tuple[AnchorRedirect, str]] = []
    for redirect in redirects:
        if redirect.anchor in ids:
            problems.append(where_still(redirect) or still_there(redirect, files))
            continue
        here.append((redirect, moved_to(redirect, relative_url(redirect.page, redirect.target_page))))
    return (with_old_anchors(content, here) if here else content), problems


def still_there(redirect: AnchorRedirect, files: EditionFiles = DEFAULT_FILES) -> str:
    return (
        f"{files.config}: {redirect.name}: {files.page(redirect.page)} still has the anchor '#{redirect.anchor}'; "
        "remove the redirect, or the old anchor from the page."
    )


def missing_redirect_targets(
    redirects: Iterable[AnchorRedirect], ids_of: Callable[[str], Collection[str]], files: EditionFiles = DEFAULT_FILES
) -> list[str]:
    """A problem for each redirect whose target anchor its target page (``ids_of`` its source) lacks,
    naming the edition's config and page (``files``)."""
    return [
        f"{files.config}: {redirect.name}: {files.page(redirect.target_page)} has no anchor "
        f"'#{redirect.target_anchor}'."
        for redirect in redirects
        if redirect.target_anchor and redirect.target_anchor not in ids_of(redirect.target_page)
    ]
