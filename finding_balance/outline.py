"""What a page holds that other parts of the site list or link to, read from the page's HTML.

The outline of a page's content: the one-line summary (the paragraph with class ``fb-summary``), its
section headings (``h2`` to ``h6`` with an ``id``, outside quizzes), its quizzes (``section.fb-quiz``
with their title and type), and how many words a reader reads (quizzes, permalink signs, scripts
and comments left out).

It is read with a few regular expressions, each one pass over the page in C, rather than with
``html.parser``, which calls Python for every tag: parsing every page that way was the costliest part
of the counsellors' list on a large site. It reads what the engines write (Markdown's HTML and our
templates); ``tests/built/test_counsellors.py`` holds it to an ``html.parser`` reading of every built page.
Pure functions, free of MkDocs: the counsellors' list and the pack page read it, under every engine.
"""

from __future__ import annotations

import html as html_lib
import math
import re
from dataclasses import dataclass

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
    """Everything ``outline()`` reads from one page."""

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


#: What a reader never sees as text: comments, and the text of scripts and styles (not markup).
_UNREAD = re.compile(
    r"<!--.*?(?:-->|\Z)|(<(script|style)(?=[\s/>])[^>]*>).*?(?:</\2\s*>|\Z)", re.DOTALL | re.IGNORECASE
)
#: Templates (inert until a script uses them) and permalink signs: markup whose text is not read.
_HIDDEN = re.compile(
    r"<template(?=[\s/>])[^>]*>.*?(?:</template\s*>|\Z)"
    r"""|<a\s[^>]*\bclass=["']?(?:[^"'>]*\s)?headerlink(?=[\s"'>])[^>]*>.*?(?:</a\s*>|\Z)""",
    re.DOTALL | re.IGNORECASE,
)
_SECTION_TAG = re.compile(r"<(/?)section(?=[\s/>])([^>]*)>", re.IGNORECASE)
_HEADING = re.compile(r"<(h[2-6])(\s[^>]*)?>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
_PARAGRAPH = re.compile(r"<p(\s[^>]*)>(.*?)</p\s*>", re.DOTALL | re.IGNORECASE)
_QUIZ_TITLE = re.compile(r"<([a-zA-Z][^\s/>]*)(\s[^>]*\bfb-quiz__title\b[^>]*)>(.*?)</\1\s*>", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG = re.compile(r"<[^>]*>")
#: Put where markup was taken out: a boundary between two pieces of text, as the tag it replaces was.
_BOUNDARY = "<>"
_CLASS = frozenset({"class"})
_ID = frozenset({"id"})
_QUIZ_ATTRIBUTES = frozenset({"class", "id", "data-quiz-type"})
#: Where a script or style may start (any case): rare in a page's content.
_SCRIPT_OR_STYLE = re.compile(r"<(?:script|style)", re.IGNORECASE)


def _attributes(text: str, wanted: frozenset[str]) -> dict[str, str]:
    """The ``wanted`` attributes of a start tag (the text after its name), names in lowercase, values
    unescaped. Only those are unescaped: a quiz carries its strings in a long escaped attribute."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match[1].lower()
        if name in wanted and name not in found:
            value = match[2] if match[2] is not None else match[3] if match[3] is not None else match[4] or ""
            found[name] = html_lib.unescape(value)
    return found


def _classes(attributes: dict[str, str]) -> list[str]:
    return attributes.get("class", "").split()


def _text(markup: str) -> str:
    """The text of a piece of markup, as one line: tags taken out, characters unescaped."""
    return " ".join(html_lib.unescape(_TAG.sub("", markup)).split())


def _cut_quizzes(html: str) -> tuple[str, list[QuizOutline]]:
    """``html`` without its quizzes (each replaced by a boundary), and the quizzes."""
    kept: list[str] = []
    quizzes: list[QuizOutline] = []
    position = 0
    start = depth = 0
    quiz: dict[str, str] | None = None
    for tag in _SECTION_TAG.finditer(html):
        closing = bool(tag[1])
        if quiz is None:
            if closing:
                continue
            attributes = _attributes(tag[2], _QUIZ_ATTRIBUTES)
            if "fb-quiz" in _classes(attributes) and attributes.get("id"):
                quiz, start, depth = attributes, tag.start(), 1
            continue
        depth += -1 if closing else 1
        if depth == 0:
            quizzes.append(_quiz_outline(quiz, html[start : tag.start()]))
            kept += [html[position:start], _BOUNDARY]
            position, quiz = tag.end(), None
    if quiz is not None:  # never closed: it runs to the end
        quizzes.append(_quiz_outline(quiz, html[start:]))
        kept.append(html[position:start])
        return "".join(kept), quizzes
    kept.append(html[position:])
    return "".join(kept), quizzes


def _quiz_outline(attributes: dict[str, str], markup: str) -> QuizOutline:
    title = ""
    for element in _QUIZ_TITLE.finditer(_HIDDEN.sub(_BOUNDARY, markup)):
        if "fb-quiz__title" in _classes(_attributes(element[2], _CLASS)):
            title = _text(element[3])
            if title:
                break
    return QuizOutline(attributes["id"], title, attributes.get("data-quiz-type", ""))


def outline(html: str) -> Outline:
    """Read the outline of a page from the HTML of its content (the theme's ``<article>``, or
    MkDocs' ``page.content``)."""
    markup = html
    if "<!--" in html or _SCRIPT_OR_STYLE.search(html):
        markup = _UNREAD.sub(lambda unread: (unread[1] or "") + _BOUNDARY, html)  # a script's own tag stays
    markup, quizzes = _cut_quizzes(markup)
    markup = _HIDDEN.sub(_BOUNDARY, markup)
    sections = []
    for heading in _HEADING.finditer(markup):
        anchor = _attributes(heading[2] or "", _ID).get("id")
        if anchor:
            sections.append(Section(anchor, _text(heading[3]), int(heading[1][1])))
    summary = ""
    for paragraph in _PARAGRAPH.finditer(markup):
        if "fb-summary" in _classes(_attributes(paragraph[1], _CLASS)):
            summary = _text(paragraph[2])
            if summary:
                break
    words = len(html_lib.unescape(_TAG.sub(" ", markup)).split())
    return Outline(summary=summary, sections=tuple(sections), quizzes=tuple(quizzes), words=words)
