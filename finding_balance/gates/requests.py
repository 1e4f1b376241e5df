"""Gate: no built page or stylesheet makes the browser load anything from another host."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from finding_balance.gates.pages import html_files, name_of

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
#: ``<link rel>`` values that only name another address; the browser loads nothing for them.
REFERENCE_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*(https?:|//)[^'")\s]*""", re.IGNORECASE)
ABSOLUTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def foreign_loads_in_html(html: str, own_origin: str = "") -> list[str]:
    """What an HTML page would load from a host other than ``own_origin`` (none given: any absolute
    address counts), one description each."""
    soup = BeautifulSoup(html, "html.parser")

    def foreign(url: str) -> bool:
        return bool(ABSOLUTE.match(url)) and not (own_origin and url.startswith(own_origin))

    found: list[str] = []
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                for value in str(element.get(attribute) or "").split(","):
                    url = value.strip().split(" ")[0]
                    if foreign(url):
                        found.append(f"<{tag} {attribute}={url}>")
    for link in soup.find_all("link"):
        rels = set(link.get("rel") or [])
        href = str(link.get("href") or "")
        if rels - REFERENCE_RELS and foreign(href):
            found.append(f"<link rel={' '.join(sorted(rels))} href={href}>")
    for element in soup.select("style, [style]"):
        css = element.string if element.name == "style" else element["style"]
        found += [f"CSS {match.group(0)}" for match in CSS_URL.finditer(css or "")]
    return found


def foreign_loads_in_css(css: str) -> list[str]:
    """The ``url(...)`` and ``@import`` of a stylesheet that point to another host."""
    return [f"CSS {match.group(0)}" for match in CSS_URL.finditer(css)]


def third_party_problems(site_dir: Path, own_origin: str = "") -> list[str]:
    """Every HTML file and stylesheet of the site that would load something from another host."""
    problems = []
    for path in html_files(site_dir):
        loads = foreign_loads_in_html(path.read_text(encoding="utf-8"), own_origin)
        problems += [f"{name_of(site_dir, path)}: loads {load}" for load in loads]
    for path in sorted(site_dir.rglob("*.css")):
        loads = foreign_loads_in_css(path.read_text(encoding="utf-8"))
        problems += [f"{name_of(site_dir, path)}: loads {load}" for load in loads]
    return problems
