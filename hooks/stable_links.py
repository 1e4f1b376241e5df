"""Stable links: an address a counsellor once sent keeps working, and every section can be copied.

Every published address (page, section, quiz) is listed in ``tests/published-urls.txt``; a test fails
when one disappears from the build without a redirect. A whole page that moves is redirected by the
``mkdocs-redirects`` plugin (``redirect_maps``); its redirect page carries ``#anchor`` along. A section
or quiz whose anchor changes, or that goes, is redirected here, under ``extra.anchor_redirects``::

    extra:
      anchor_redirects:
        "trust.md#old-anchor": "trust.md#new-anchor"      # same page: works without JavaScript
        "trust.md#moved-away": "self-care.md#new-home"    # another page (or just "self-care.md")

The old anchor comes back as an empty element: on the same page it sits right before the new target,
so the browser scrolls there by itself; for another page it sits at the top of the page with
``data-fb-moved-to``, which ``assets/stable-links.js`` follows with ``location.replace``. The build stops
with one clear message when a redirect is malformed, names a page that does not exist, redirects an
anchor that still exists, or points to an anchor that is not there.

This module also adds ``assets/stable-links.js`` and ``.css``: the "Copy link" buttons beside each
section heading and each quiz.

MkDocs events: ``on_config`` (check the map, add the assets, reset state), ``on_files`` (the pages
exist), ``on_page_content`` (put the old anchors in; note the ids of target pages), ``on_env`` (every target
anchor exists, once all pages are converted).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
from hook_config import add_assets
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from finding_balance.anchors import collision_message, declarations
from finding_balance.messages import one_line, shown
from finding_balance.outline import outline

log = get_plugin_logger("stable_links")

ASSETS_CSS = "assets/stable-links.css"
ASSETS_JS = "assets/stable-links.js"
_OLD = re.compile(r"^(?P<page>[^#\s]+\.md)#(?P<anchor>[A-Za-z0-9_][A-Za-z0-9_.:-]*)$")
_NEW = re.compile(r"^(?P<page>[^#\s]+\.md)(?:#(?P<anchor>[A-Za-z0-9_][A-Za-z0-9_.:-]*))?$")


@dataclass(frozen=True)
class AnchorRedirect:
    """``page#anchor`` (paths relative to ``docs/``) that now lives at ``target_page#target_anchor``."""

    page: str
    anchor: str
    target_page: str
    target_anchor: str = ""

    @property
    def name(self) -> str:
        return f"extra.anchor_redirects['{self.page}#{self.anchor}']"


def _fail(problem: str) -> PluginError:
    return PluginError(f"mkdocs.yml: {one_line(problem)}.")


def parse_anchor_redirects(raw: Any) -> list[AnchorRedirect]:
    """Check ``extra.anchor_redirects`` and return it as a list, or raise ``PluginError``."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise _fail(
            'extra.anchor_redirects must be a mapping of "page.md#old-anchor": "page.md#new-anchor", '
            f"not {type(raw).__name__}"
        )
    redirects: list[AnchorRedirect] = []
    for key, value in raw.items():
        old = _OLD.match(key) if isinstance(key, str) else None
        if old is None:
            raise _fail(
                f'extra.anchor_redirects: {shown(key)} must be a page and the old anchor, like "trust.md#old-anchor" '
                "(a whole page that moves goes under plugins.redirects.redirect_maps)"
            )
        new = _NEW.match(value) if isinstance(value, str) else None
        if new is None:
            raise _fail(
                f"extra.anchor_redirects[{shown(key)}]: {shown(value)} must be a page, with or without an anchor, like "
                '"trust.md#new-anchor" or "trust.md"'
            )
        page, target_page = posixpath.normpath(old["page"]), posixpath.normpath(new["page"])
        if (page, old["anchor"]) == (target_page, new["anchor"]):
            raise _fail(f"extra.anchor_redirects[{shown(key)}] points to itself")
        twin = next((r for r in redirects if (r.page, r.anchor) == (page, old["anchor"])), None)
        if twin:
            raise _fail(f"extra.anchor_redirects[{shown(key)}] names the same old anchor as {twin.name}: keep one")
        redirects.append(AnchorRedirect(page, old["anchor"], target_page, new["anchor"] or ""))
    return redirects


def moved_to(redirect: AnchorRedirect, relative_url: str) -> str:
    """Where the old anchor sends the reader, seen from its own page: ``#new``, or ``../other/#new``."""
    if redirect.target_page == redirect.page:
        return f"#{redirect.target_anchor}" if redirect.target_anchor else "#"
    return relative_url + (f"#{redirect.target_anchor}" if redirect.target_anchor else "")


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


# ---------------------------------------------------------------------------------------------------
# Events


@dataclass
class _State:
    redirects: list[AnchorRedirect] = field(default_factory=list)
    ids_by_page: dict[str, frozenset[str]] = field(default_factory=dict)


_state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    _state = _State(redirects=parse_anchor_redirects(config.extra.get("anchor_redirects")))
    add_assets(config, css=ASSETS_CSS, js=ASSETS_JS)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = {file.src_uri for file in files.documentation_pages()}
    for redirect in _state.redirects:
        if redirect.page not in pages:
            raise _fail(
                f"{redirect.name}: docs/{redirect.page} does not exist; when a whole page moves, redirect it "
                "under plugins.redirects.redirect_maps, then redirect its anchors from the new page"
            )
        if redirect.target_page not in pages:
            raise _fail(f"{redirect.name}: the target docs/{redirect.target_page} does not exist")
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    here = [redirect for redirect in _state.redirects if redirect.page == page.file.src_uri]
    if here:
        ids = outline(html).ids
        still_there = [redirect for redirect in here if redirect.anchor in ids]
        if still_there:
            _stop_on_collision(still_there[0], page)
            raise _fail(
                f"{still_there[0].name}: docs/{page.file.src_uri} still has the anchor "
                f"'#{still_there[0].anchor}'; remove the redirect, or the old anchor from the page"
            )
        targets = []
        for redirect in here:
            target_file = files.get_file_from_path(redirect.target_page)
            relative = target_file.url_relative_to(page.file) if target_file else ""
            targets.append((redirect, moved_to(redirect, relative)))
        html = with_old_anchors(html, targets)
    if page.file.src_uri in {redirect.target_page for redirect in _state.redirects}:
        _state.ids_by_page[page.file.src_uri] = outline(html).ids
    return html


def _stop_on_collision(redirect: AnchorRedirect, page: Page) -> None:
    """The old anchor is still on the page: when the page's Markdown shows where (a heading, a quiz),
    stop with that file and line."""
    try:
        source = page.file.content_string
    except (OSError, TypeError, UnicodeDecodeError):
        return
    found = declarations(redirect.anchor, source)
    if found:
        raise PluginError(
            collision_message(
                f"docs/{page.file.src_uri}",
                redirect.anchor,
                len(found) + 1,
                found,
                others=(f"the old anchor {redirect.name} in mkdocs.yml",),
                hint="remove the redirect, or the anchor from the page",
            )
        )


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    for redirect in _state.redirects:
        if redirect.target_anchor and redirect.target_anchor not in _state.ids_by_page.get(
            redirect.target_page, frozenset()
        ):
            raise _fail(
                f"{redirect.name}: docs/{redirect.target_page} has no anchor '#{redirect.target_anchor}' "
                "(anchors added by a page's template are not known here: point to a heading or a quiz)"
            )
    return env
