"""The outline as ``html.parser`` reads it: what ``finding_balance.outline`` read before it read pages
with regular expressions (a whole parse of every page was the costliest step of the counsellors'
list). Kept as the reference that the tests hold the faster reading to, page by page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from finding_balance.outline import Outline, QuizOutline, Section

#: Headings that open a section a counsellor can link to (the page title, ``h1``, is the page itself).
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: Elements without an end tag: they never hold text.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


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
        self.words = 0

    def _roles(self) -> set[str]:
        return {element.role for element in self.open}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
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
        pass  # a self-closing tag (an SVG's <path/>) holds no text and opens nothing

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


def reference_outline(html: str) -> Outline:
    """The outline of a page's content, read by ``html.parser``."""
    parser = _OutlineParser()
    parser.feed(html)
    parser.close()
    while parser.open:
        parser._close(parser.open.pop())
    return Outline(
        summary=parser.summary,
        sections=tuple(parser.sections),
        quizzes=tuple(parser.quizzes),
        words=parser.words,
    )
