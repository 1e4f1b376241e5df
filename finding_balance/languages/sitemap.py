"""The sitemap names each page's twins in the other editions (``hreflang``), as each page's head does.

Every ``<url>`` of ``sitemap.xml`` gets an ``<xhtml:link rel="alternate" hreflang="...">`` for the page
in its own edition, in each other edition (``extra.editions``) and for ``x-default`` (the main
edition); ``sitemap.xml.gz`` is written again to match. The engines write the sitemap itself.

A site-wide pass (``finding_balance.site.finish``), under every engine.
"""

from __future__ import annotations

import gzip
import html as html_lib
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

XHTML = "http://www.w3.org/1999/xhtml"
_URLSET = re.compile(r"<urlset\b[^>]*>")
_LOC = re.compile(r"(<loc>\s*(?P<url>[^<]+?)\s*</loc>)")


def alternates(path: str, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(hreflang, address) of the page at ``path`` in every edition, then ``x-default``."""
    links = [(language, site_url + path)]
    links += [(str(edition["language"]), f"{edition['url']}{path}") for edition in editions]
    default = next((f"{edition['url']}{path}" for edition in editions if edition.get("default")), site_url + path)
    return [*links, ("x-default", default)]


def with_alternates(sitemap: str, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> str:
    """``sitemap`` (the XML text) with the alternate links of every page it lists."""
    if not editions or XHTML in sitemap:
        return sitemap

    def add(match: re.Match[str]) -> str:
        url = html_lib.unescape(match["url"])
        if not url.startswith(site_url):
            return match.group(1)
        links = "".join(
            f'\n        <xhtml:link rel="alternate" hreflang="{html_lib.escape(code)}"'
            f' href="{html_lib.escape(address)}"/>'
            for code, address in alternates(url.removeprefix(site_url), site_url, language, editions)
        )
        return match.group(1) + links

    sitemap = _URLSET.sub(lambda match: match.group(0)[:-1] + f' xmlns:xhtml="{XHTML}">', sitemap, count=1)
    return _LOC.sub(add, sitemap)


def write_alternates(site_dir: Path, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> None:
    """Add the alternate links to ``site_dir/sitemap.xml`` (and its ``.gz``), when there is one."""
    path = site_dir / "sitemap.xml"
    if not editions or not path.is_file():
        return
    text = with_alternates(path.read_text(encoding="utf-8"), site_url, language, editions)
    path.write_text(text, encoding="utf-8")
    compressed = site_dir / "sitemap.xml.gz"
    if compressed.exists():
        with gzip.GzipFile(compressed, "wb", mtime=0) as file:
            file.write(text.encode("utf-8"))
