"""What a page holds that other parts of the site list or link to, read from the page's HTML.

One pass over the HTML of a page's content gives its outline: the one-line summary (the paragraph
with class ``fb-summary``), its section headings (``h2`` to ``h6`` with an ``id``, outside quizzes),
its quizzes (``section.fb-quiz`` with their title and type), every ``id`` in it, and how many words a
reader reads (quizzes and permalink signs left out). Pure functions, free of MkDocs, so the hooks that
use them (``counsellors.py``, ``stable_links.py``) stay thin and the tests need no build.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Headings that open a section a counsellor can link to (the page title, ``h1``, is the page itself).
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: Elements without an end tag: they never hold text, so they are not tracked as open.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
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
    ids: frozenset[str] = frozenset()
    words: int = 0

    @property
    def minutes(self) -> int:
        return reading_minutes(self.words)


def reading_minutes(words: int, per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read ``words`` words, rounded up, at least one."""
    return max(1, math.ceil(words / per_minute))


@dataclass
class _Open:
    tag: str
    role: str = ""
    text: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)


class _OutlineParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[_Open] = []
        self.summary = ""
        self.sections: list[Section] = []
        self.quizzes: list[QuizOutline] = []
        self.quiz_titles: dict[str, str] = {}
        self.ids: set[str] = set()
        self.words = 0

    def _roles(self) -> set[str]:
        return {element.role for element in self.open}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag in VOID_ELEMENTS:
            return
        classes = attributes.get("class", "").split()
        roles = self._roles()
        role = ""
        if tag == "section" and "fb-quiz" in classes and attributes.get("id"):
            role = "quiz"
        elif "quiz" in roles and "fb-quiz__title" in classes:
            role = "quiz-title"
        elif "quiz" not in roles and tag in SECTION_HEADINGS and attributes.get("id"):
            role = "heading"
        elif tag == "a" and "headerlink" in classes:
            role = "headerlink"
        elif tag == "p" and "fb-summary" in classes and not self.summary:
            role = "summary"
        elif tag in ("script", "style", "template"):
            role = "hidden"
        self.open.append(_Open(tag, role, attributes=attributes))
        if role == "quiz":
            self.quizzes.append(QuizOutline(attributes["id"], "", attributes.get("data-quiz-type", "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))

    def handle_endtag(self, tag: str) -> None:
        if not any(element.tag == tag for element in self.open):
            return
        while self.open:
            element = self.open.pop()
            self._close(element)
            if element.tag == tag:
                return

    def _close(self, element: _Open) -> None:
        text = " ".join("".join(element.text).split())
        if element.role == "heading":
            level = int(element.tag[1])
            self.sections.append(Section(element.attributes["id"], text, level))
        elif element.role == "summary":
            self.summary = text
        elif element.role == "quiz-title" and self.quizzes and not self.quizzes[-1].title:
            last = self.quizzes[-1]
            self.quizzes[-1] = QuizOutline(last.anchor, text, last.kind)

    def handle_data(self, data: str) -> None:
        roles = self._roles()
        if roles & {"headerlink", "hidden"}:
            return
        for element in self.open:
            if element.role in ("heading", "summary", "quiz-title"):
                element.text.append(data)
        if "quiz" not in roles:
            self.words += len(data.split())


def outline(html: str) -> Outline:
    """Read the outline of a page from the HTML of its content (MkDocs' ``page.content``)."""
    parser = _OutlineParser()
    parser.feed(html)
    parser.close()
    while parser.open:
        parser._close(parser.open.pop())
    return Outline(
        summary=parser.summary,
        sections=tuple(parser.sections),
        quizzes=tuple(parser.quizzes),
        ids=frozenset(parser.ids),
        words=parser.words,
    )
