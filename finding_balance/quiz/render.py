"""Quiz HTML: the words of a checked ``Quiz`` turned into accessible, script-free markup.

Plain Python (Markdown and Jinja only, no MkDocs), so it can be tested without a build. The markup
itself is the template ``overrides/partials/quiz.html``; this module prepares what it shows:
author text rendered as Markdown with raw HTML shown as text, links resolved (or refused) by a
callback, and the points of every answer.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from finding_balance.quiz.model import Quiz, iter_texts

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides"
TEMPLATE_NAME = "partials/quiz.html"

#: English wording of every quiz control and note; ``extra.quiz`` in mkdocs.yml can replace any.
#: Placeholders in braces are filled in by the page script.
DEFAULT_STRINGS: dict[str, str] = {
    "privacy_note": "Your answers stay on this device. Nothing you choose or type is sent anywhere.",
    "remember_label": "Remember my answers on this device",
    "see_result": "See my result",
    "start_again": "Start again",
    "clear_answers": "Clear my answers",
    "checklist_legend": "Tick each statement that is true for you",
    "prompts_legend": "Your thoughts, for you only",
    "worksheet_scale": "To work out your score on paper, give each answer the points shown beside it "
    "and add up the points for every statement.",
    "worksheet_checklist": "To work out your score on paper, count how many statements you ticked.",
    "results_caption": "What your score may mean",
    "score_column": "Score",
    "meaning_column": "What it may mean",
    "points": "{points} points",
    "point": "1 point",
    "feedback_summary": "About this reply",
    "your_score": "Your score: {score} out of {max}.",
    "unanswered": "Please answer every statement first. Still to answer: {count}.",
    "choice_summary": "You chose the reply that looks after you both in {best} of {total} situations.",
    "choice_unanswered": "Please choose a reply for every situation first. Still to answer: {count}.",
    "remember_on": "Your answers will be kept on this device until you clear them.",
    "remember_off": "Your answers will not be kept on this device.",
    "cleared": "Your answers have been cleared.",
}
#: Strings the page script needs; the rest only appear in the markup.
SCRIPT_STRINGS = (
    "your_score",
    "unanswered",
    "choice_summary",
    "choice_unanswered",
    "remember_on",
    "remember_off",
    "cleared",
)
#: Placeholders a translated string must keep, or the script would show a broken sentence.
REQUIRED_PLACEHOLDERS = {
    "points": ("{points}",),
    "your_score": ("{score}", "{max}"),
    "unanswered": ("{count}",),
    "choice_summary": ("{best}", "{total}"),
    "choice_unanswered": ("{count}",),
}


class LinkError(Exception):
    """A link in quiz text that cannot be used (unknown page, unsafe scheme)."""


LinkResolver = Callable[[str], str]


class _LinkRewriter(Treeprocessor):
    """Passes every link target through the resolver; collects the ones it refuses."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.resolve: LinkResolver = lambda href: href
        self.errors: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            try:
                element.set("href", self.resolve(element.get("href", "")))
            except LinkError as error:
                self.errors.append(str(error))


class TextRenderer:
    """Renders author text as Markdown. Raw HTML is shown as text, never run; links go through a
    resolver so that links to other pages are checked and made relative to the page."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=[])
        # Without these two, Markdown passes HTML through; with them removed it is escaped as text.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._links = _LinkRewriter(self._md)
        self._md.treeprocessors.register(self._links, "fb_quiz_links", 1)

    def render(self, text: str, resolve: LinkResolver, *, inline: bool) -> tuple[Markup, list[str]]:
        """Return the HTML of ``text`` and the messages of links that could not be resolved."""
        self._links.resolve = resolve
        self._links.errors = []
        html = self._md.reset().convert(text)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html), list(self._links.errors)


@dataclass(frozen=True)
class RenderedText:
    """Author text of one quiz, rendered, keyed by the same labels ``iter_texts`` uses."""

    html: dict[str, Markup]

    def __getitem__(self, label: str) -> Markup:
        return self.html[label]


def _is_block_field(label: str) -> bool:
    """Fields that may hold paragraphs; every other text is a single line of inline Markdown."""
    return label == "intro" or label.endswith(".feedback") or (label.startswith("results") and label.endswith(".text"))


def render_texts(quiz: Quiz, renderer: TextRenderer, resolve: LinkResolver) -> tuple[RenderedText, list[str]]:
    """Render every text of ``quiz``; return them and the problems found, each prefixed by its field."""
    rendered: dict[str, Markup] = {}
    problems: list[str] = []
    for label, text in iter_texts(quiz):
        rendered[label], errors = renderer.render(text, resolve, inline=not _is_block_field(label))
        problems += [f"{label}: {error}" for error in errors]
    return RenderedText(rendered), problems


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


_ENVIRONMENT = _environment()


def points_label(points: int, strings: dict[str, str]) -> str:
    return strings["point"] if points == 1 else strings["points"].replace("{points}", str(points))


def render_quiz(quiz: Quiz, texts: RenderedText, strings: dict[str, str], heading_level: int = 2) -> str:
    """The quiz's HTML. ``heading_level`` is the level of the quiz title (2 to 6)."""
    script_strings = {key: strings[key] for key in SCRIPT_STRINGS}
    context: dict[str, Any] = {
        "quiz": quiz,
        "text": texts,
        "strings": strings,
        "level": min(max(heading_level, 2), 6),
        "scored": quiz.type in ("scale", "checklist", "choice"),
        "script_strings": json.dumps(script_strings, ensure_ascii=False, separators=(",", ":")),
        "points_label": lambda points: points_label(points, strings),
    }
    return _ENVIRONMENT.get_template(TEMPLATE_NAME).render(context)
