"""The sitemap names each page's twins in the other editions (``hreflang``), as each page's head does.

Every ``<url>`` of ``sitemap.xml`` gets an ``<xhtml:link rel="alternate" hreflang="...">`` for the page
in its own edition, in each other edition (``extra.editions``) and for ``x-default`` (the main
edition); ``sitemap.xml.gz`` is written again to match. The engines write the sitemap itself.

The sitemap is read with an XML parser (the standard library's expat), which says where the
``<urlset>`` start tag and each ``</loc>`` end: the namespace and the links go in at those places,
and every other byte of the engine's sitemap stays as it was written (a serializer would rewrite its
layout and declarations).

A site-wide pass (``finding_balance.site.finish``), under every engine.
"""

from __future__ import annotations

import gzip
import html as html_lib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.parsers import expat

XHTML = "http://www.w3.org/1999/xhtml"


class SitemapError(ValueError):
    """A sitemap that is not well-formed XML."""


def alternates(path: str, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(hreflang, address) of the page at ``path`` in every edition, then ``x-default``."""
    links = [(language, site_url + path)]
    links += [(str(edition["language"]), f"{edition['url']}{path}") for edition in editions]
    default = next((f"{edition['url']}{path}" for edition in editions if edition.get("default")), site_url + path)
    return [*links, ("x-default", default)]


def _places(sitemap: bytes) -> tuple[int | None, list[tuple[int, str]]]:
    """Where the ``<urlset>`` start tag ends, and where each ``</loc>`` ends with the address it held
    (byte offsets in ``sitemap``). Raises ``SitemapError``."""
    parser = expat.ParserCreate()
    urlset_end: int | None = None
    locs: list[tuple[int, str]] = []
    text: list[str] = []
    in_loc = awaiting_urlset_end = False

    def next_event(*_: object) -> None:
        nonlocal urlset_end, awaiting_urlset_end
        if awaiting_urlset_end:  # the first event after the start tag begins where the tag ends
            urlset_end, awaiting_urlset_end = parser.CurrentByteIndex, False

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal in_loc, awaiting_urlset_end
        next_event()
        if name == "urlset" and urlset_end is None:
            awaiting_urlset_end = True
        in_loc = name == "loc"
        text.clear()

    def end(name: str) -> None:
        nonlocal in_loc
        next_event()
        if name == "loc" and in_loc:
            locs.append((sitemap.index(b">", parser.CurrentByteIndex) + 1, "".join(text).strip()))
        in_loc = False

    def character_data(data: str) -> None:
        next_event()
        if in_loc:
            text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = character_data
    try:
        parser.Parse(sitemap, True)
    except expat.ExpatError as error:
        raise SitemapError(f"not well-formed XML, line {error.lineno}: {expat.errors.messages[error.code]}") from None
    return urlset_end, locs


def with_alternates(sitemap: str, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> str:
    """``sitemap`` (the XML text) with the alternate links of every page it lists. Raises
    ``SitemapError`` when it is not well-formed XML."""
    if not editions or XHTML in sitemap:
        return sitemap
    data = sitemap.encode("utf-8")
    urlset_end, locs = _places(data)
    inserts: list[tuple[int, str]] = []
    if urlset_end is not None:
        inserts.append((urlset_end - 1, f' xmlns:xhtml="{XHTML}"'))
    for position, url in locs:
        if url.startswith(site_url):
            inserts.append((position, _links(url.removeprefix(site_url), site_url, language, editions)))
    pieces, done = [], 0
    for position, text in inserts:
        pieces += [data[done:position], text.encode("utf-8")]
        done = position
    pieces.append(data[done:])
    return b"".join(pieces).decode("utf-8")


def _links(path: str, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> str:
    return "".join(
        f'\n        <xhtml:link rel="alternate" hreflang="{html_lib.escape(code)}" href="{html_lib.escape(address)}"/>'
        for code, address in alternates(path, site_url, language, editions)
    )


def write_alternates(site_dir: Path, site_url: str, language: str, editions: Sequence[Mapping[str, Any]]) -> None:
    """Add the alternate links to ``site_dir/sitemap.xml`` (and its ``.gz``), when there is one.
    Raises ``SitemapError``."""
    path = site_dir / "sitemap.xml"
    if not editions or not path.is_file():
        return
    text = with_alternates(path.read_text(encoding="utf-8"), site_url, language, editions)
    path.write_text(text, encoding="utf-8")
    compressed = site_dir / "sitemap.xml.gz"
    if compressed.exists():
        with gzip.GzipFile(compressed, "wb", mtime=0) as file:
            file.write(text.encode("utf-8"))
