"""Counsellor packs: what a counsellor can pick on the counsellors' page, and what the pack page reads.

A pack lives only in an address's fragment, which browsers never send to a server:
``<edition>/pack/#trust:feeling-safe-to-ask,trust:quiz-safe-to-ask;note=...``. Each item is a page
(``trust``, its Markdown file without ``.md``) or a page and one of its stable anchors
(``trust:feeling-safe-to-ask``, ``trust:quiz-safe-to-ask``). File names and anchors are the same in
every edition, so one fragment lists the same items in English and in Spanish.

Here, from the same built pages the counsellors' list is made of (``counsellors``): each item's id,
kind, title, one-line summary and reading time, written as JSON into an attribute of the pack page
(``finding_balance/theme/pack.html`` leaves the placeholder ``PLACEHOLDER``): the pack page makes no request for
its data. Not a ``<script type="application/json">`` block: the theme's instant navigation runs every
script element of the new page's content again, without its type, and so would turn the block into an
inline script (which the Content Security Policy rightly blocks) and lose it.
``assets/pack.js`` reads the fragment and this block in the browser; ``assets/pack-picker.js`` writes
the fragment from the ``data-fb-pack-id`` of each item of the counsellors' list.

Old anchors (``extra.anchor_redirects``) stay in the data as aliases of their new item, so a pack
keeps working as long as the anchors do. Pure functions, free of MkDocs.

Size: about 2.5 KB of data a page (25 KB on this site). On a synthetic site of 500 pages the data is
about 1 MB and takes about 0.4 s to make: a site that large should write it to a JSON file of the
edition that the pack page fetches instead (same host, cached).
A site-wide pass (``finding_balance.site.finish``), once every page is built, under every engine.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from markupsafe import Markup

from finding_balance.anchors.redirects import AnchorRedirect
from finding_balance.article import Article, read_article, reading_minutes
from finding_balance.counsellors.directory import DirectoryEntry
from finding_balance.counsellors.pack_ids import pack_id
from finding_balance.templates import filled_mark, shared_mark

#: Where ``finding_balance/theme/pack.html`` leaves room for the data (``partials/placeholders.html``).
PLACEHOLDER = shared_mark("pack_data")
#: Longest one-line summary of a section or quiz (a page's summary is its own line, kept whole).
SUMMARY_LENGTH = 160

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class PackItem:
    """One thing a pack can hold, as the pack page shows it."""

    kind: str
    """``page``, ``section`` or ``quiz``."""
    title: str
    summary: str
    minutes: int
    address: str
    page: str = ""
    """For a section or quiz: the title of its page."""
    quiz: str = ""
    """For a quiz: its kind, as the counsellors' list names it (``rating``, ``checklist``...)."""


def first_sentence(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """The first sentence of ``text``, cut at a word and marked with "…" when longer than ``limit``."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_items(entry: DirectoryEntry, content: str | Article) -> dict[str, PackItem]:
    """Every item of one page (the page, its sections, its quizzes) by id, from its built ``content``
    or the article read from it (``finding_balance.article``)."""
    article = content if isinstance(content, Article) else read_article(content)
    items = {
        entry.pack_id: PackItem("page", entry.title, entry.summary, entry.minutes, entry.address),
    }
    sections = {heading.anchor: heading for heading in reversed(article.headings) if heading.is_section}
    quizzes = {quiz.anchor: quiz for quiz in reversed(article.quizzes)}
    for section in entry.sections:
        heading = sections.get(section.anchor)
        if heading is not None:
            end = article.section_end(heading)
            summary = first_sentence(article.first_plain_paragraph(heading.start, end))
            minutes = reading_minutes(article.words_between(heading.start, end))
        else:
            summary, minutes = "", 1
        items[section.pack_id] = PackItem(
            "section", section.title, summary or entry.summary, minutes, section.address, page=entry.title
        )
    for link in entry.quizzes:
        quiz = quizzes.get(link.anchor)
        items[link.pack_id] = PackItem(
            "quiz",
            link.title,
            first_sentence(quiz.intro) if quiz is not None and quiz.intro is not None else entry.summary,
            reading_minutes(quiz.words if quiz is not None else 0),
            link.address,
            page=entry.title,
            quiz=link.kind,
        )
    return items


def pack_data(items: dict[str, PackItem], redirects: Iterable[AnchorRedirect] = ()) -> dict[str, object]:
    """What the pack page reads: every item by id, and old ids (anchor redirects) with their new one."""
    aliases = {}
    for redirect in redirects:
        new = pack_id(redirect.target_page, redirect.target_anchor)
        if new in items:
            aliases[pack_id(redirect.page, redirect.anchor)] = new
    return {"items": {key: asdict(item) for key, item in items.items()}, "aliases": aliases}


def data_element(data: dict[str, object]) -> str:
    """The placeholder with ``data`` as JSON in its attribute, escaped for it. The attribute is quoted
    with ``'``: JSON's many ``"`` then need no escaping, which would double the data's size."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;")
    return filled_mark("pack_data", Markup(text))


def has_placeholder(html: str) -> bool:
    return PLACEHOLDER in html


def with_data(html: str, data: dict[str, object]) -> str:
    """The pack page ``html`` with ``data`` in its placeholder."""
    return html.replace(PLACEHOLDER, data_element(data), 1)
