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

This module also prepares the "Copy link" buttons (a small link symbol) beside each section heading
and each quiz title. Each heading with an ``id`` (``h2`` to ``h6``, outside quizzes) is put in a
``<div class="fb-linkable">`` here, at build time; the quiz template does the same for quiz titles.
That row keeps room for the button (``assets/stable-links.css``), so nothing moves when
``assets/stable-links.js`` puts the button in. The button is copied from the ``<template>`` of
``overrides/partials/stable-links.html``; without JavaScript there is no button, and the theme's
permalink sign still leads to the section. The wording is checked here, under ``extra.copy_link``::

    extra:
      copy_link:
        section: "Copy link to this section: {name}"   # the button's name; {name}: the heading
        quiz: "Copy link to this quiz: {name}"          # {name}: the quiz title
        item: "Copy link to: {name}"                    # in the counsellors' list
        copied: Link copied                             # shown beside the button for a moment
        not_copied: Not copied
        announce_copied: "Link copied: {name}"          # read out by screen readers
        announce_failed: "The link could not be copied. Here it is to copy by hand: {address}"

MkDocs events: ``on_config`` (check the map and the wording, add the assets, reset state),
``on_files`` (the pages exist), ``on_page_content`` (put the old anchors in; note the ids of target
pages; put section headings in their rows), ``on_env`` (every target anchor exists, once all pages
are converted).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
from hook_config import add_assets, read_text_settings, stop_on
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from finding_balance.outline import outline

log = get_plugin_logger("stable_links")

ASSETS_CSS = "assets/stable-links.css"
ASSETS_JS = "assets/stable-links.js"
_OLD = re.compile(r"^(?P<page>[^#\s]+\.md)#(?P<anchor>[A-Za-z0-9_][A-Za-z0-9_.:-]*)$")
_NEW = re.compile(r"^(?P<page>[^#\s]+\.md)(?:#(?P<anchor>[A-Za-z0-9_][A-Za-z0-9_.:-]*))?$")
#: A section heading as Python-Markdown writes it: ``<h2 id="anchor">Text<a class="headerlink" ...>``.
_HEADING = re.compile(r"<h(?P<level>[2-6])(?P<attributes>\s[^>]*)?>.*?</h(?P=level)>", re.DOTALL)
_ID = re.compile(r"""\sid=(["'])(?P<id>[^"']+)\1""")


class CopyLinkConfig(base.Config):
    """The wording of the "Copy link" buttons, under ``extra.copy_link``; every one has a default."""

    section = c.Type(str, default="Copy link to this section: {name}")
    quiz = c.Type(str, default="Copy link to this quiz: {name}")
    item = c.Type(str, default="Copy link to: {name}")
    copied = c.Type(str, default="Link copied")
    not_copied = c.Type(str, default="Not copied")
    announce_copied = c.Type(str, default="Link copied: {name}")
    announce_failed = c.Type(str, default="The link could not be copied. Here it is to copy by hand: {address}")


#: Placeholders a translation must keep: the script fills them in.
COPY_LINK_PLACEHOLDERS = {
    "section": "{name}",
    "quiz": "{name}",
    "item": "{name}",
    "announce_copied": "{name}",
    "announce_failed": "{address}",
}


def validate_copy_link(raw: Any) -> dict[str, str]:
    """The checked wording of the "Copy link" buttons, defaults filled in, or a ``PluginError``."""
    values, problems = read_text_settings("copy_link", raw, CopyLinkConfig, "a mapping of button wording")
    problems += [
        f"extra.copy_link.{key} must contain {mark}"
        for key, mark in COPY_LINK_PLACEHOLDERS.items()
        if key in values and values[key] and mark not in values[key]
    ]
    stop_on(problems)
    return values


def in_rows(html: str) -> str:
    """``html`` with every section heading (``h2`` to ``h6`` with an ``id``; quiz titles come in their
    row from the quiz template) in a row that keeps room for its "Copy link" button."""

    def row(match: re.Match[str]) -> str:
        attributes = match["attributes"] or ""
        anchor = _ID.search(attributes)
        if anchor is None or "fb-quiz__title" in attributes:
            return match[0]
        return (
            f'<div class="fb-linkable fb-linkable--h{match["level"]}" data-fb-copy-anchor="{anchor["id"]}" '
            f'data-fb-copy-kind="section">{match[0]}</div>'
        )

    return _HEADING.sub(row, html)


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
    return PluginError(f"mkdocs.yml: {problem}.")


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
                f'extra.anchor_redirects: {key!r} must be a page and the old anchor, like "trust.md#old-anchor" '
                "(a whole page that moves goes under plugins.redirects.redirect_maps)"
            )
        new = _NEW.match(value) if isinstance(value, str) else None
        if new is None:
            raise _fail(
                f"extra.anchor_redirects[{key!r}]: {value!r} must be a page, with or without an anchor, like "
                '"trust.md#new-anchor" or "trust.md"'
            )
        page, target_page = posixpath.normpath(old["page"]), posixpath.normpath(new["page"])
        if (page, old["anchor"]) == (target_page, new["anchor"]):
            raise _fail(f"extra.anchor_redirects[{key!r}] points to itself")
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
    config.extra["copy_link"] = validate_copy_link(config.extra.get("copy_link"))
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
    return in_rows(html)


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
