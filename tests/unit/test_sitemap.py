"""The sitemap's language alternates (``finding_balance.languages.sitemap``): read with an XML parser,
every byte of the engine's sitemap kept, the links added after each address of the edition."""

from __future__ import annotations

import pytest

from finding_balance.languages.sitemap import XHTML, SitemapError, alternates, with_alternates

EDITIONS = [
    {"language": "es", "url": "https://x.org/es/"},
    {"language": "en", "url": "https://x.org/", "default": True},
]
SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    "    <url>\n         <loc> https://x.org/ar/a?b=1&amp;c=2 </loc>\n"
    "         <lastmod>2026-12-01</lastmod>\n    </url>\n"
    "    <url><loc>https://elsewhere.org/é</loc></url>\n"
    "</urlset>\n"
)


def test_alternates_name_every_edition_then_the_default() -> None:
    assert alternates("p/", "https://x.org/ar/", "ar", EDITIONS) == [
        ("ar", "https://x.org/ar/p/"),
        ("es", "https://x.org/es/p/"),
        ("en", "https://x.org/p/"),
        ("x-default", "https://x.org/p/"),
    ]


def test_links_go_after_each_address_of_the_edition_and_nothing_else_moves() -> None:
    written = with_alternates(SITEMAP, "https://x.org/ar/", "ar", EDITIONS)
    links = (
        '\n        <xhtml:link rel="alternate" hreflang="ar" href="https://x.org/ar/a?b=1&amp;c=2"/>'
        '\n        <xhtml:link rel="alternate" hreflang="es" href="https://x.org/es/a?b=1&amp;c=2"/>'
        '\n        <xhtml:link rel="alternate" hreflang="en" href="https://x.org/a?b=1&amp;c=2"/>'
        '\n        <xhtml:link rel="alternate" hreflang="x-default" href="https://x.org/a?b=1&amp;c=2"/>'
    )
    expected = SITEMAP.replace('0.9">', f'0.9" xmlns:xhtml="{XHTML}">').replace("2 </loc>", "2 </loc>" + links)
    assert written == expected


def test_a_sitemap_with_alternates_or_without_editions_is_left_alone() -> None:
    once = with_alternates(SITEMAP, "https://x.org/ar/", "ar", EDITIONS)
    assert with_alternates(once, "https://x.org/ar/", "ar", EDITIONS) == once
    assert with_alternates(SITEMAP, "https://x.org/ar/", "ar", []) == SITEMAP


def test_a_sitemap_that_is_not_xml_is_named_with_its_line() -> None:
    with pytest.raises(SitemapError, match="line 8: mismatched tag"):
        with_alternates(
            SITEMAP.replace("</url>\n    <url>", "</url>\n<url>\n</oops>"), "https://x.org/", "en", EDITIONS
        )
