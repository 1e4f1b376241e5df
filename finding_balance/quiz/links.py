"""Links in quiz text: which page a link leads to, which links may be used, and the link as the
built page needs it.

An engine checks and rewrites the links of a page's Markdown, but a quiz is markup it does not look
into; so the check (``finding_balance.check``) refuses a link to a page that does not exist or with
a refused scheme, and the fence (``finding_balance.quiz.markdown``) makes links to ``.md`` pages
relative, under every engine.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from finding_balance.page_context import PageContext
from finding_balance.quiz.render import LinkError
from finding_balance.urls import relative_url

#: Link schemes quiz text may use; any other (``javascript:``) stops the build.
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")


def link_target(page_source: str, href: str) -> tuple[str, str] | None:
    """For a link to another page (``trust.md#anchor``): its Markdown file from the docs folder and
    its fragment. ``None`` for links that leave the site or stay on the page. Raises ``LinkError`` for
    links that may not be used."""
    parts = urlsplit(href)
    if parts.scheme:
        if parts.scheme.lower() in ALLOWED_SCHEMES:
            return None
        raise LinkError(f"the link '{href}' is not allowed: use {', '.join(ALLOWED_SCHEMES)} or a page")
    if parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        raise LinkError(f"the link '{href}' starts with '/': link to the Markdown file, like 'trust.md'")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_source), unquote(parts.path)))
    return target, parts.fragment


def resolve_link(context: PageContext, href: str) -> str:
    """A link in quiz text as the built page needs it: links to ``.md`` pages made relative."""
    target = link_target(context.source, href)
    if target is None or not target[0].endswith(".md") or context.links_resolved_by_engine:
        return href
    page, fragment = target
    url = relative_url(context.source, page, context.directory_urls)
    return f"{url}#{fragment}" if fragment else url
