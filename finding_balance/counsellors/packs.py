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

import html as html_lib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from finding_balance.anchors.redirects import AnchorRedirect
from finding_balance.counsellors.directory import DirectoryEntry
from finding_balance.counsellors.pack_ids import pack_id
from finding_balance.outline import outline, reading_minutes
from finding_balance.templates import shared_mark

#: Where ``finding_balance/theme/pack.html`` leaves room for the data (``partials/placeholders.html``).
PLACEHOLDER = shared_mark("pack_data")
#: The attribute the data goes in.
_DATA_ATTRIBUTE = "data-fb-pack-data"
#: Longest one-line summary of a section or quiz (a page's summary is its own line, kept whole).
SUMMARY_LENGTH = 160

_TAG = re.compile(r"<[^>]*>")
_HEADING = re.compile(r"<h([2-6])\b[^>]*\sid=\"([^\"]+)\"")
_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>(.*?)</p\s*>", re.DOTALL)
_SECTION_TAG = re.compile(r"<(/?)section\b[^>]*>")
_QUIZ_INTRO = re.compile(r'<div class="fb-quiz__intro">(.*?)</div>', re.DOTALL)
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


def _text(markup: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub(" ", markup)).split())


def first_sentence(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """The first sentence of ``text``, cut at a word and marked with "…" when longer than ``limit``."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _first_paragraph(markup: str) -> str:
    """The text of the first plain paragraph (no class) of ``markup``."""
    for paragraph in _PARAGRAPH.finditer(markup):
        if not paragraph[1] or "class=" not in paragraph[1]:
            text = _text(paragraph[2])
            if text:
                return text
    return ""


def _quiz_markup(content: str, anchor: str) -> str:
    """The markup of the quiz ``anchor`` (its ``<section>`` and everything in it)."""
    start = content.find(f'id="{anchor}"')
    start = content.rfind("<section", 0, start) if start != -1 else -1
    if start == -1:
        return ""
    depth = 0
    for tag in _SECTION_TAG.finditer(content, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return content[start : tag.end()]
    return content[start:]


def _section_markup(content: str, anchor: str) -> str:
    """From the heading ``anchor`` to the next heading of the same or a higher level."""
    headings = list(_HEADING.finditer(content))
    for index, heading in enumerate(headings):
        if heading[2] != anchor:
            continue
        level = int(heading[1])
        end = next((later.start() for later in headings[index + 1 :] if int(later[1]) <= level), len(content))
        return content[heading.start() : end]
    return ""


def page_items(entry: DirectoryEntry, content: str) -> dict[str, PackItem]:
    """Every item of one page (the page, its sections, its quizzes) by id, from its built ``content``."""
    items = {
        entry.pack_id: PackItem("page", entry.title, entry.summary, entry.minutes, entry.address),
    }
    for section in entry.sections:
        markup = _section_markup(content, section.anchor)
        items[section.pack_id] = PackItem(
            "section",
            section.title,
            first_sentence(_first_paragraph(markup)) or entry.summary,
            reading_minutes(outline(markup).words) if markup else 1,
            section.address,
            page=entry.title,
        )
    for quiz in entry.quizzes:
        markup = _quiz_markup(content, quiz.anchor)
        intro = _QUIZ_INTRO.search(markup)
        items[quiz.pack_id] = PackItem(
            "quiz",
            quiz.title,
            first_sentence(_text(intro[1])) if intro else entry.summary,
            reading_minutes(len(_text(markup).split())),
            quiz.address,
            page=entry.title,
            quiz=quiz.kind,
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
    return PLACEHOLDER.replace(f"{_DATA_ATTRIBUTE}>", f"{_DATA_ATTRIBUTE}='{text}'>")


def has_placeholder(html: str) -> bool:
    return PLACEHOLDER in html


def with_data(html: str, data: dict[str, object]) -> str:
    """The pack page ``html`` with ``data`` in its placeholder."""
    return html.replace(PLACEHOLDER, data_element(data), 1)
