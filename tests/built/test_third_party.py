"""No file of the built site loads anything (script, style, font, image, frame) from another host."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import BuiltSite
from support.sitebuild import PROJECT_ROOT

from finding_balance.gates.requests import CSS_URL, foreign_loads_in_html


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
