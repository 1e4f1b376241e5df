"""The "For counsellors" page lists every page, section and quiz of the edition, made from the site.

Each built page is read once, into its article (``finding_balance.article``), whose outline gives its
one-line summary, reading time, sections and quizzes. ``finding_balance/theme/counsellors.html``, the
template that ``docs/counsellors.md`` names in its front matter, leaves a placeholder
(``<div class="fb-directory" data-fb-directory>``, written by ``partials/placeholders.html`` for both
sides) after the page's own text; this pass renders ``finding_balance/theme/partials/counsellors-list.html``
into it. Adding a page, a section or a quiz updates the list with no hand editing. Every address is a full one
(``site_url`` + page + ``#anchor``), ready to paste into an email. Each item also carries its pack id
(``finding_balance.counsellors.packs``), and when the edition has a pack page the list comes with its
filters and the panel that makes a pack's address (``partials/pack-picker.html``).

A site-wide pass (``finding_balance.site.finish``), once every page is built, under every engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import jinja2

from finding_balance.counsellors.pack_ids import PACK_PAGE, pack_id
from finding_balance.outline import Outline
from finding_balance.templates import environment, shared_mark

#: How a counsellor would name each type of quiz.
QUIZ_KINDS = {"scale": "rating", "checklist": "checklist", "choice": "choices", "prompt": "questions"}


@dataclass(frozen=True)
class Link:
    """Something a counsellor can send: its name, its full address and, for a quiz, its kind."""

    title: str
    address: str
    kind: str = ""
    pack_id: str = ""
    """Its id in a counsellor's pack (``page:anchor``), the same in every edition."""
    anchor: str = ""


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

    @property
    def pack_id(self) -> str:
        return pack_id(self.source)


def page_address(site_url: str, page_url: str, anchor: str = "") -> str:
    """The full address of a page (``page_url`` as MkDocs gives it, e.g. ``trust/``), with an anchor."""
    address = urljoin(site_url, page_url)
    return f"{address}#{anchor}" if anchor else address


def directory_entry(
    source: str, title: str, page_url: str, site_url: str, found: Outline, description: str = ""
) -> DirectoryEntry:
    """The list entry of one page: summary (or the page's description), reading time, sections, quizzes."""
    address = page_address(site_url, page_url)
    return DirectoryEntry(
        source=source,
        title=title,
        address=address,
        summary=found.summary or " ".join(description.split()),
        minutes=found.minutes,
        sections=tuple(
            Link(section.title, f"{address}#{section.anchor}", "", pack_id(source, section.anchor), section.anchor)
            for section in found.sections
        ),
        quizzes=tuple(
            Link(
                quiz.title,
                f"{address}#{quiz.anchor}",
                QUIZ_KINDS.get(quiz.kind, quiz.kind),
                pack_id(source, quiz.anchor),
                quiz.anchor,
            )
            for quiz in found.quizzes
        ),
    )


def in_order(entries: dict[str, DirectoryEntry], order: list[str]) -> list[DirectoryEntry]:
    """Entries in navigation order; pages left out of the navigation follow, by file name."""
    ranked = {source: index for index, source in enumerate(order)}
    return sorted(entries.values(), key=lambda entry: (ranked.get(entry.source, len(ranked)), entry.source))


#: Where ``counsellors.html`` leaves room for the list (``partials/placeholders.html``, ``directory``).
PLACEHOLDER = re.compile(re.escape(shared_mark("directory")))
TEMPLATE_NAME = "partials/counsellors-list.html"


def has_directory(html: str) -> bool:
    return PLACEHOLDER.search(html) is not None


def template(theme_dir: str | None = None) -> jinja2.Template:
    """The list's template (``finding_balance/theme/partials/counsellors-list.html``, or the site's own
    in ``theme_dir``, its ``custom_dir``), compiled once a process."""
    return environment(theme_dir).get_template(TEMPLATE_NAME)


def listed(entries: list[DirectoryEntry], own_source: str) -> list[DirectoryEntry]:
    """The entries the counsellors' list shows: every page but its own and the pack page."""
    return [entry for entry in entries if entry.source not in (own_source, PACK_PAGE)]


def with_directory(
    html: str,
    entries: list[DirectoryEntry],
    own_source: str,
    words: dict[str, Any],
    pack_address: str = "",
    theme_dir: str | None = None,
) -> str:
    """The counsellors page ``html`` with the list of ``entries`` (its own page and the pack page left
    out) in place; with ``pack_address`` (the edition's pack page), its filters and pack panel too.
    ``theme_dir``: the site's own theme folder, whose templates win over ours."""
    listing = template(theme_dir).render(entries=listed(entries, own_source), words=words, pack_address=pack_address)
    return PLACEHOLDER.sub(lambda _: listing, html, count=1)
