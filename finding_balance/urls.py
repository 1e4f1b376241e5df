"""Page addresses: where a Markdown page is published, and the link from one page to another.

As MkDocs and Zensical make them from a page's file (``trust.md`` -> ``trust/``, or ``trust.html``
without directory URLs). Used by the quiz's links, the old anchors and the site passes, under every
engine.
"""

from __future__ import annotations

import posixpath


def page_url(source: str, directory_urls: bool = True) -> str:
    """The URL of a Markdown page relative to the site root: ``trust.md`` -> ``trust/``."""
    stem = source.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(from_source: str, to_source: str, directory_urls: bool = True) -> str:
    """The link from one page to another, as the browser resolves it from the first page's URL."""
    here = page_url(from_source, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    target = page_url(to_source, directory_urls)
    relative = posixpath.relpath(target.rstrip("/") or ".", base or ".")
    if directory_urls:
        return "./" if relative == "." else f"{relative}/"
    return relative
