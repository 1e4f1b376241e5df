"""One built article, read once: the model of a page's content that every finishing pass reads.

``read_article`` reads the HTML of a page's content (the theme's ``<article>``, which
``finding_balance.site.page`` cuts out) in one pass of one tokenizer expression: every tag with its
place, comments and the text of scripts and styles as single tokens. From those tags alone, with no
second look at the markup, it makes an ``Article``:

- ``ids``: the id of every element, in page order (the anchors a link can reach; two alike collide);
- ``headings``: each ``h2`` to ``h6`` with an id, its place, text and level, whether it is a quiz's
  title or a section a counsellor can link to, and how many words a reader reads before it;
- ``quizzes``: each quiz block (``section.fb-quiz``), its anchor, type, title, intro, links and words;
- the page's title (its ``h1``), its one-line summary (``p.fb-summary``), its plain paragraphs and
  how many words a reader reads (quizzes, permalink signs, templates, scripts and comments left out);
- ``outline``: what the counsellors' list shows of the page (``finding_balance.outline``).

A tokenizer expression rather than ``html.parser``: the latter calls Python for every piece of the
page and reading every page that way was the costliest part of the counsellors' list on a large
site; the expression walks the page in C. It reads what the engines write (Markdown's HTML and our
templates); ``tests/built/test_counsellors.py`` holds the outline to an ``html.parser`` reading of
every built page. ``plain_text`` is the one way our code turns markup into text.

Pure functions and immutable values, free of MkDocs: ``finding_balance.site.finish`` reads each page's
article once, as the page goes by, under every engine; nothing is kept between builds.
"""

from __future__ import annotations

import html as html_lib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

#: Words a minute for the reading time: a relaxed pace for plain pages read with care.
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Section:
    """A section heading: its anchor, its text and its level (2 for ``h2``)."""

    anchor: str
    title: str
    level: int


@dataclass(frozen=True)
class QuizOutline:
    """A quiz: its anchor (``quiz-<id>``), its title and its type (scale, checklist, choice, prompt)."""

    anchor: str
    title: str
    kind: str


@dataclass(frozen=True)
class Outline:
    """What the counsellors' list shows of a page."""

    summary: str = ""
    sections: tuple[Section, ...] = ()
    quizzes: tuple[QuizOutline, ...] = ()
    words: int = 0

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)


def reading_minutes(words: int, per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read ``words`` words, rounded up, at least one."""
    return max(1, math.ceil(words / per_minute))


@dataclass(frozen=True)
class Heading:
    """An ``h2`` to ``h6`` with an id."""

    level: int
    anchor: str
    """Its id, unescaped."""
    written_anchor: str
    """Its id as the page writes it (escaped), for markup that repeats it."""
    title: str
    """Its text, permalink sign left out."""
    start: int
    """Where its start tag begins in the article's HTML."""
    end: int
    """Where its end tag ends."""
    quiz_title: bool
    """A quiz's title (class ``fb-quiz__title``): the quiz template gives it its row itself."""
    is_section: bool
    """Outside quizzes and hidden markup: a section a counsellor can link to."""
    words_before: int
    """The words a reader reads in the article before it."""


@dataclass(frozen=True)
class QuizBlock:
    """A quiz as the page shows it: ``<section class="fb-quiz" id="quiz-<id>" data-quiz-type="...">``."""

    anchor: str
    kind: str
    title: str
    """The text of its first ``fb-quiz__title`` element with text."""
    intro: str | None
    """The text of its ``<div class="fb-quiz__intro">``, none without one."""
    links: tuple[str, ...]
    """The ``href`` of each of its links, unescaped."""
    words: int
    """Every word of its markup, hidden parts included (its reading time on the pack page)."""
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One page's content as ``read_article`` reads it."""

    html: str = field(repr=False)
    ids: tuple[str, ...]
    headings: tuple[Heading, ...]
    quizzes: tuple[QuizBlock, ...]
    title: str | None
    """The text of its first ``h1``, permalink sign left out (none: it has no ``h1``)."""
    summary: str
    words: int
    plain_paragraphs: tuple[tuple[int, int], ...]
    """Each ``<p>`` without a class: where its start tag starts and ends."""

    @property
    def outline(self) -> Outline:
        return Outline(
            summary=self.summary,
            sections=tuple(
                Section(heading.anchor, heading.title, heading.level) for heading in self.headings if heading.is_section
            ),
            quizzes=tuple(QuizOutline(quiz.anchor, quiz.title, quiz.kind) for quiz in self.quizzes),
            words=self.words,
        )

    def duplicate_ids(self) -> dict[str, int]:
        """Every id that more than one element carries, with how many, in page order."""
        if len(set(self.ids)) == len(self.ids):
            return {}
        return {anchor: count for anchor, count in Counter(self.ids).items() if count > 1}

    def section_end(self, heading: Heading) -> int:
        """Where the section of ``heading`` ends: at the next heading (quizzes' included) of its level
        or a higher one, else at the end of the article."""
        index = self.headings.index(heading)
        later = (other for other in self.headings[index + 1 :] if other.level <= heading.level)
        return next((other.start for other in later), len(self.html))

    def words_between(self, start: int, end: int) -> int:
        """The words a reader reads from the heading that starts at ``start`` to the one that starts
        at ``end`` (or the end of the article)."""
        before = {heading.start: heading.words_before for heading in self.headings}
        return before.get(end, self.words) - before[start]

    def first_plain_paragraph(self, start: int, end: int) -> str:
        """The text of the first ``<p>`` without a class between ``start`` and ``end`` that has text."""
        first = bisect_left(self.plain_paragraphs, (start,))
        for opening, text_start in self.plain_paragraphs[first:]:
            closing = _end_tag("p").search(self.html, text_start, end)
            if opening >= end or closing is None:
                break
            text = plain_text(self.html[text_start : closing.start()], " ")
            if text:
                return text
        return ""


def plain_text(markup: str, tag_gap: str = "") -> str:
    """The text of ``markup`` on one line: tags taken out (each replaced by ``tag_gap``: nothing, as a
    browser joins ``<em>a</em>b``, or a space, which keeps words of separate elements apart),
    characters unescaped, runs of white space made one space."""
    return " ".join(html_lib.unescape(_TAG.sub(tag_gap, markup)).split())


def _words(markup: str) -> int:
    return len(html_lib.unescape(_TAG.sub(" ", markup)).split())


# ---------------------------------------------------------------------------------------------------
# Reading

#: A token: a comment; a script or style with its text (never markup); a start tag of what the
#: article is made of (headings, sections, paragraphs, links, templates); an end tag of a heading,
#: section or template; any other start tag with attributes (it may carry an id or a quiz part's
#: class). Other tags (most of a page's: emphasis, list items, a quiz's inputs) are passed over in C.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style)(?P<raw_attributes>(?=[\s/>])[^>]*)>.*?(?:</(?P=raw)\s*>|\Z)"
    r"|</(?P<end>h[1-6]|section|template)(?=[\s/>])[^>]*>"
    r"|<(?P<name>h[1-6]|section|p|a|template)(?P<attributes>(?=[\s/>])[^>]*)>"
    r"|<(?P<other>[a-zA-Z][^\s/>]*)(?P<other_attributes>\s[^>]*)>",
    re.DOTALL | re.IGNORECASE,
)
#: The end tags ``_TOKEN`` finds; any other element's end is looked for where it starts.
_TOKEN_ENDS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "section", "template"})
#: What makes another start tag worth keeping: an id, a quiz part's class.
_KEPT = re.compile(r"[iI][dD]\s*=|fb-quiz__")
_MAYBE_ID = re.compile(r"[iI][dD]\s*=")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG = re.compile(r"<[^>]*>")
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_HREF = re.compile(r'href="([^"]*)"')
#: Markers of tokens that are not tags: a comment, a script's or style's text.
_UNREAD = "!"
#: The tokens that may start a part of the article no reader reads as text.
_MASKING = frozenset({_UNREAD, "section", "template", "a"})
#: The attributes the article reads. Only those are unescaped: a quiz carries its strings in a long
#: escaped attribute.
_READ_ATTRIBUTES = frozenset({"id", "class", "data-quiz-type"})


class _Tag(NamedTuple):
    start: int
    end: int
    name: str
    """Lowercase; ``_UNREAD`` for a comment or the text of a script or style."""
    closing: bool
    attributes: str


def _attributes(text: str) -> dict[str, str]:
    """The attributes the article reads of a start tag (the text after its name): names in
    lowercase, values unescaped, the first of two alike kept."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match[1].lower()
        if name in _READ_ATTRIBUTES and name not in found:
            value = match[2] if match[2] is not None else match[3] if match[3] is not None else match[4] or ""
            found[name] = html_lib.unescape(value)
    return found


#: The first ``id`` attribute of a start tag (the text after its name), attribute by attribute from
#: the start, so that an ``id=`` inside another attribute's value is not taken for one.
_ID = re.compile(
    r"""(?:[\s/]+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*?"""
    r"""[\s/]+id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
    re.IGNORECASE,
)


def _written_id(text: str) -> str:
    """The value of a start tag's first ``id`` attribute as written (escaped), empty without one."""
    found = _ID.match(text)
    return next((value for value in found.groups() if value is not None), "") if found else ""


def _id(text: str) -> str:
    """The value of a start tag's first ``id`` attribute, unescaped, empty without one."""
    written = _written_id(text)
    return html_lib.unescape(written) if "&" in written else written


def _tags(html: str) -> list[_Tag]:
    tags: list[_Tag] = []
    add = tags.append
    make = tuple.__new__  # a _Tag made in C: this runs for every tag kept
    for token in _TOKEN.finditer(html):
        kind = token.lastgroup  # the last group of the alternative that matched
        start, stop = token.span()
        if kind == "other_attributes":
            attributes = token[kind]
            if _KEPT.search(attributes):
                add(make(_Tag, (start, stop, token["other"].lower(), False, attributes)))
        elif kind == "attributes":
            add(make(_Tag, (start, stop, token["name"].lower(), False, token[kind])))
        elif kind == "end":
            add(make(_Tag, (start, stop, token[kind].lower(), True, "")))
        elif kind == "raw_attributes":  # the start tag counts (it may carry an id); its text is unread
            attributes = token[kind]
            tag_end = token.end(kind) + 1
            add(_Tag(start, tag_end, token["raw"].lower(), False, attributes))
            add(_Tag(tag_end, stop, _UNREAD, False, ""))
        else:
            add(_Tag(start, stop, _UNREAD, False, ""))
    return tags


class _Reader:
    """The tags of one article and what is found from them; used once, by ``read_article``."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.tags = _tags(html)
        self.starts = [tag.start for tag in self.tags]
        self.closings: dict[str, list[int]] = {}
        self.attributes: dict[int, dict[str, str]] = {}
        for index, tag in enumerate(self.tags):
            if tag.closing:
                self.closings.setdefault(tag.name, []).append(index)

    def attributes_of(self, index: int) -> dict[str, str]:
        if index not in self.attributes:
            self.attributes[index] = _attributes(self.tags[index].attributes)
        return self.attributes[index]

    def classes_of(self, index: int) -> list[str]:
        return self.attributes_of(index).get("class", "").split() if "class" in self.tags[index].attributes else []

    def closing_after(self, name: str, index: int) -> int | None:
        """The index of the first end tag ``name`` (a heading, section or template) after the tag ``index``."""
        closings = self.closings.get(name, [])
        position = bisect_right(closings, index)
        return closings[position] if position < len(closings) else None

    def end_tag(self, index: int, bound: int) -> tuple[int, int] | None:
        """Where the first end tag of the element that starts at the tag ``index`` starts and ends,
        looked for before the offset ``bound``; none there."""
        tag = self.tags[index]
        if tag.name in _TOKEN_ENDS:
            closing = self.closing_after(tag.name, index)
            if closing is None or self.tags[closing].end > bound:
                return None
            return self.tags[closing].start, self.tags[closing].end
        found = _end_tag(tag.name).search(self.html, tag.end, bound)
        return (found.start(), found.end()) if found else None

    def after(self, offset: int) -> int:
        """The index of the first tag at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def end_of(self, index: int | None) -> int:
        return self.tags[index].end if index is not None else len(self.html)

    def quiz_end(self, index: int) -> int | None:
        """The index of the end tag of the ``<section>`` that starts at ``index`` (none: never closed)."""
        depth = 0
        for later in range(index, len(self.tags)):
            tag = self.tags[later]
            if tag.name == "section":
                depth += -1 if tag.closing else 1
                if depth == 0:
                    return later
        return None

    def is_quiz(self, index: int) -> bool:
        tag = self.tags[index]
        return (
            tag.name == "section"
            and not tag.closing
            and "fb-quiz" in tag.attributes
            and "fb-quiz" in self.classes_of(index)
            and bool(self.attributes_of(index).get("id"))
        )

    def hides_text(self, index: int) -> bool:
        """A start tag whose content no reader reads as text: a ``<template>``, a permalink sign."""
        tag = self.tags[index]
        if tag.closing:
            return False
        if tag.name == "a":
            return "headerlink" in tag.attributes and "headerlink" in self.classes_of(index)
        return tag.name == "template"

    def masked_parts(
        self, first: int, last: int, bound: int, quizzes: list[QuizBlock] | None = None
    ) -> list[tuple[int, int]]:
        """The spans no reader reads as text among the tags ``first`` to ``last`` (not included), up
        to the offset ``bound``: comments, scripts' text, templates, permalink signs and, when
        ``quizzes`` is given, quizzes (each read into it)."""
        spans = []
        index = first
        while index < last:
            tag = self.tags[index]
            if tag.name in _MASKING and not tag.closing:
                if tag.name == _UNREAD:
                    spans.append((tag.start, tag.end))
                elif quizzes is not None and tag.name == "section" and self.is_quiz(index):
                    closing = self.quiz_end(index)
                    quizzes.append(_quiz(self, index, closing))
                    spans.append((tag.start, self.end_of(closing)))
                    if closing is None:
                        break
                    index = closing + 1
                    continue
                elif self.hides_text(index):
                    found = self.end_tag(index, bound)
                    spans.append((tag.start, found[1] if found else bound))
                    if found is None:
                        break
                    index = self.after(found[1])
                    continue
            index += 1
        return spans


@cache
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)


class _Masked:
    """Parts of the article taken out of its text, in order and apart: ``(start, end)`` offsets."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def contains(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.spans[index][1]

    def kept(self, html: str, start: int, end: int) -> str:
        """``html[start:end]`` with each masked part replaced by ``<>``: a boundary between two pieces
        of text, as the tags it replaces were (``plain_text`` takes it out like any tag)."""
        pieces, position = [], start
        for masked_start, masked_end in self.spans[max(0, bisect_right(self.starts, start) - 1) :]:
            if masked_start >= end:
                break
            if masked_end <= position:
                continue
            pieces.append(html[position:masked_start] if masked_start > position else "")
            position = masked_end
        if position < end:
            pieces.append(html[position:end])
        return "<>".join(pieces)


def _quiz(reader: _Reader, index: int, closing: int | None) -> QuizBlock:
    html, tags = reader.html, reader.tags
    attributes = reader.attributes_of(index)
    last = closing if closing is not None else len(tags)
    bound = tags[closing].start if closing is not None else len(html)
    start, end = tags[index].start, reader.end_of(closing)
    masked = _Masked(reader.masked_parts(index + 1, last, bound))
    title, intro, links = "", None, []
    for inner in range(index + 1, last):
        tag = tags[inner]
        if tag.closing or tag.name == _UNREAD:
            continue
        if not title and "fb-quiz__title" in tag.attributes and "fb-quiz__title" in reader.classes_of(inner):
            found = reader.end_tag(inner, bound)
            if found is not None and not masked.contains(tag.start):
                title = plain_text(masked.kept(html, tag.end, found[0]))
        elif intro is None and tag.name == "div" and tag.attributes == ' class="fb-quiz__intro"':
            found = reader.end_tag(inner, bound)
            if found is not None:
                intro = plain_text(html[tag.end : found[0]], " ")
        if tag.name == "a" and (href := _HREF.search(tag.attributes)):
            links.append(html_lib.unescape(href[1]))
    return QuizBlock(
        anchor=attributes["id"],
        kind=attributes.get("data-quiz-type", ""),
        title=title,
        intro=intro,
        links=tuple(links),
        words=_words(html[start:end]),
        start=start,
        end=end,
    )


def read_article(html: str) -> Article:
    """Read the article of a page from the HTML of its content (the theme's ``<article>``, or MkDocs'
    ``page.content``): one pass over its tags."""
    reader = _Reader(html)
    tags = reader.tags
    # What a reader does not read as text: comments, scripts' text, quizzes, templates, permalink signs.
    quizzes: list[QuizBlock] = []
    masked = _Masked(reader.masked_parts(0, len(tags), len(html), quizzes))

    ids: list[str] = []
    found_headings: list[tuple[int, int]] = []
    plain_paragraphs: list[tuple[int, int]] = []
    title: str | None = None
    summary = ""
    heading_until = -1
    for index, tag in enumerate(tags):
        if tag.closing or tag.name == _UNREAD:
            continue
        attributes, name = tag.attributes, tag.name
        anchor = _id(attributes) if attributes and _MAYBE_ID.search(attributes) else ""
        if anchor:
            ids.append(anchor)
        if name in _HEADINGS:
            if index > heading_until and anchor:
                closing = reader.closing_after(name, index)
                if closing is not None:
                    found_headings.append((index, closing))
                    heading_until = closing
        elif name == "p":
            if "class=" not in attributes:
                plain_paragraphs.append((tag.start, tag.end))
            elif not summary and "fb-summary" in attributes and "fb-summary" in reader.classes_of(index):
                found = reader.end_tag(index, len(html))
                if found is not None and not masked.contains(tag.start):
                    summary = plain_text(masked.kept(html, tag.end, found[0]))
        elif name == "h1" and title is None and (closing := reader.closing_after("h1", index)) is not None:
            title = plain_text(html[tag.end : tags[closing].start]).removesuffix("¶").strip()

    headings, words = _headings(reader, found_headings, masked)
    return Article(
        html=html,
        ids=tuple(ids),
        headings=headings,
        quizzes=tuple(quizzes),
        title=title,
        summary=summary,
        words=words,
        plain_paragraphs=tuple(plain_paragraphs),
    )


def _headings(reader: _Reader, found: list[tuple[int, int]], masked: _Masked) -> tuple[tuple[Heading, ...], int]:
    """The headings (start and end tag indexes in ``found``) with their text and the words before each,
    and the words of the whole article."""
    html, tags = reader.html, reader.tags
    headings, words, position = [], 0, 0
    for start_index, end_index in found:
        start_tag = tags[start_index]
        if start_tag.start > position:
            words += _words(masked.kept(html, position, start_tag.start))
            position = start_tag.start
        is_section = not masked.contains(start_tag.start)
        headings.append(
            Heading(
                level=int(start_tag.name[1]),
                anchor=_id(start_tag.attributes),
                written_anchor=_written_id(start_tag.attributes),
                title=plain_text(masked.kept(html, start_tag.end, tags[end_index].start)) if is_section else "",
                start=start_tag.start,
                end=tags[end_index].end,
                quiz_title="fb-quiz__title" in reader.classes_of(start_index),
                is_section=is_section,
                words_before=words,
            )
        )
    words += _words(masked.kept(html, position, len(html)))
    return tuple(headings), words
