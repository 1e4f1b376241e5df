"""The "For counsellors" page lists every page, section and quiz of the site, made at build time.

Each page is read once its Markdown is converted: its one-line summary, reading time, sections and
quizzes (``finding_balance.outline.outline``). When every page is converted, the list goes to the templates as the
Jinja global ``counsellor_directory``; ``overrides/counsellors.html``, the template that
``docs/counsellors.md`` names in its front matter (``template: counsellors.html``), renders it after the
page's own text. Adding a page, a section or a quiz updates the list with no hand editing.

Why a template and a Jinja global rather than HTML written into the page from here: the markup lives
in ``overrides/`` with the rest of the site's markup, this module only gathers data, and no HTML is
cut and pasted. MkDocs renders templates only after every page has been converted (``on_env`` comes
between the two passes), so the list is complete whatever the order in which pages are built.

Every address is a full one (``site_url`` + page + ``#anchor``), ready to paste into an email.

MkDocs events: ``on_config`` (reset the previous build's state: ``mkdocs serve`` keeps this module
loaded), ``on_nav`` (the order of the pages), ``on_page_content`` (read each page), ``on_env`` (hand the
list to the templates).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from finding_balance.outline import Outline, outline

log = get_plugin_logger("counsellors")

#: How a counsellor would name each type of quiz.
QUIZ_KINDS = {"scale": "rating", "checklist": "checklist", "choice": "choices", "prompt": "questions"}


@dataclass(frozen=True)
class Link:
    """Something a counsellor can send: its name, its full address and, for a quiz, its kind."""

    title: str
    address: str
    kind: str = ""


@dataclass(frozen=True)
class DirectoryEntry:
    """One page of the site as the counsellors' list shows it."""

    source: str
    """The page's Markdown file, relative to ``docs/`` (the template leaves out its own page)."""
    title: str
    address: str
    summary: str
    minutes: int
    sections: tuple[Link, ...]
    quizzes: tuple[Link, ...]


def page_address(site_url: str, page_url: str, anchor: str = "") -> str:
    """The full address of a page (``page_url`` as MkDocs gives it, e.g. ``trust/``), with an anchor."""
    address = urljoin(site_url, page_url)
    return f"{address}#{anchor}" if anchor else address


def directory_entry(
    source: str, title: str, page_url: str, site_url: str, found: Outline, description: str = ""
) -> DirectoryEntry:
    """The list entry of one page: summary (or the page's description), reading time, sections, quizzes."""
    return DirectoryEntry(
        source=source,
        title=title,
        address=page_address(site_url, page_url),
        summary=found.summary or " ".join(description.split()),
        minutes=found.minutes,
        sections=tuple(
            Link(section.title, page_address(site_url, page_url, section.anchor)) for section in found.sections
        ),
        quizzes=tuple(
            Link(quiz.title, page_address(site_url, page_url, quiz.anchor), QUIZ_KINDS.get(quiz.kind, quiz.kind))
            for quiz in found.quizzes
        ),
    )


def in_order(entries: dict[str, DirectoryEntry], order: list[str]) -> list[DirectoryEntry]:
    """Entries in navigation order; pages left out of the navigation follow, by file name."""
    ranked = {source: index for index, source in enumerate(order)}
    return sorted(entries.values(), key=lambda entry: (ranked.get(entry.source, len(ranked)), entry.source))


# ---------------------------------------------------------------------------------------------------
# Events

_entries: dict[str, DirectoryEntry] = {}
_order: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _entries, _order
    _entries, _order = {}, []
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is empty; the counsellors' list and printed pages need the site's full address."
        )
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _order[:] = [page.file.src_uri for page in nav.pages]
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    description = page.meta.get("description")
    _entries[page.file.src_uri] = directory_entry(
        source=page.file.src_uri,
        title=page.title or "",
        page_url=page.url,
        site_url=config.site_url or "",
        found=outline(html),
        description=description if isinstance(description, str) else "",
    )
    return html


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    entries = in_order(_entries, _order)
    env.globals["counsellor_directory"] = entries
    log.debug("listing %d pages for counsellors", len(entries))
    return env
