"""No file of the built site loads anything (script, style, font, image, frame) from another host."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import BuiltSite
from support.sitebuild import PROJECT_ROOT

#: Attributes that make the browser fetch something, per element.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
#: ``<link rel>`` values that are plain references, not something the page loads.
REFERENCE_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(https?:|//)[^'")\s]*""", re.IGNORECASE)
ABSOLUTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def foreign_loads_in_html(html: str, own_origin: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found: list[str] = []
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                for value in str(element.get(attribute) or "").split(","):
                    url = value.strip().split(" ")[0]
                    if ABSOLUTE.match(url) and not url.startswith(own_origin):
                        found.append(f"<{tag} {attribute}={url}>")
    for link in soup.find_all("link"):
        rels = set(link.get("rel") or [])
        href = str(link.get("href") or "")
        if rels - REFERENCE_RELS and ABSOLUTE.match(href) and not href.startswith(own_origin):
            found.append(f"<link rel={' '.join(sorted(rels))} href={href}>")
    for element in soup.select("style, [style]"):
        css = element.string if element.name == "style" else element["style"]
        found += [f"CSS {match.group(0)}" for match in CSS_URL.finditer(css or "")]
    return found


def test_no_html_page_loads_from_another_host(built_site: BuiltSite) -> None:
    problems = {
        str(path.relative_to(built_site.directory)): found
        for path in built_site.html_files()
        if (found := foreign_loads_in_html(path.read_text(encoding="utf-8"), built_site.base_url))
    }
    assert problems == {}


def test_no_stylesheet_loads_from_another_host(built_site: BuiltSite) -> None:
    stylesheets = sorted(built_site.directory.rglob("*.css"))
    assert stylesheets
    problems = {
        str(path.relative_to(built_site.directory)): [m.group(0) for m in CSS_URL.finditer(path.read_text())]
        for path in stylesheets
    }
    assert {name: found for name, found in problems.items() if found} == {}


def test_our_scripts_name_no_other_host() -> None:
    """Material's bundle only talks to the site itself when no repo_url, analytics or consent is set
    (the browser tests check what it really requests); our own scripts must not name any host."""
    scripts = sorted((PROJECT_ROOT / "finding_balance" / "theme" / "assets").rglob("*.js"))
    problems = {
        path.name: re.findall(r"(?:https?:)?//[\w.-]+\.\w+", path.read_text(encoding="utf-8")) for path in scripts
    }
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_scanner_catches_foreign_loads() -> None:
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js">'
        '</script><img src="https://img.example/a.png"><style>@import "https://x.example/a.css";</style>'
        '<a href="https://elsewhere.example/">a link is fine</a><link rel="canonical" href="https://x/">'
    )
    assert len(foreign_loads_in_html(html, "http://127.0.0.1:1/")) == 4


def test_config_keeps_privacy_settings() -> None:
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false\s*$", config, re.MULTILINE)
    assert not re.search(r"^repo_url:", config, re.MULTILINE)


def test_site_dir_is_real(built_site: BuiltSite) -> None:
    assert isinstance(built_site.directory, Path)
    assert (built_site.directory / "sitemap.xml").read_text().count(built_site.base_url) >= 2
