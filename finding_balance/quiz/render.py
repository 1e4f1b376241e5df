"""Quiz HTML: the words of a checked ``Quiz`` turned into accessible, script-free markup.

Plain Python (Markdown and Jinja only, no MkDocs), so it can be tested without a build. The markup
itself is the template ``finding_balance/theme/partials/quiz.html``; this module prepares what it shows:
author text rendered as Markdown with raw HTML shown as text, links resolved (or refused) by a
callback, and the points of every answer. ``render_search_view`` makes the lighter form of a quiz
that the site search reads (``finding_balance/theme/partials/quiz-search.html``). A site's own
``custom_dir`` may hold either template in place of ours (``theme_dir``, ``finding_balance.templates``).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from finding_balance.quiz.model import Quiz, iter_texts
from finding_balance.settings import locale_defaults
from finding_balance.templates import environment

TEMPLATE_NAME = "partials/quiz.html"
SEARCH_TEMPLATE_NAME = "partials/quiz-search.html"

#: English wording of every quiz control and note (``locales/en.yml``); ``extra.quiz`` can replace any.
#: Placeholders in braces are filled in by the page script.
DEFAULT_STRINGS: dict[str, str] = locale_defaults("en")["quiz"]
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


#: Text that Markdown would leave as it is: it starts with a letter or an opening mark (so no list,
#: heading, quote or code block), and holds none of the characters that start emphasis, code, a link,
#: an escape, an entity or markup, nor a line break or a control character. Most quiz text is like
#: this (``tests/unit/test_quiz_render.py`` holds it to Markdown's own output).
_PLAIN = re.compile(r"""(?:[^\W\d_]|[¿¡"\u201c\u2018'(])[^\x00-\x1f\x7f`*_\[\]<>&\\]*(?<=\S)\Z""")


class TextRenderer:
    """Renders author text as Markdown. Raw HTML is shown as text, never run; links go through a
    resolver so that links to other pages are checked and made relative to the page. Text with
    nothing for Markdown to do (``_PLAIN``) is taken as it is, without a conversion."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=[])
        # Without these two, Markdown passes HTML through; with them removed it is escaped as text.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")
        self._links = _LinkRewriter(self._md)
        self._md.treeprocessors.register(self._links, "fb_quiz_links", 1)

    def render(self, text: str, resolve: LinkResolver, *, inline: bool) -> tuple[Markup, list[str]]:
        """Return the HTML of ``text`` and the messages of links that could not be resolved."""
        if _PLAIN.match(text):
            return Markup(text if inline else f"<p>{text}</p>"), []
        return self.convert(text, resolve, inline=inline)

    def convert(self, text: str, resolve: LinkResolver, *, inline: bool) -> tuple[Markup, list[str]]:
        """``render`` by a Markdown conversion, whatever the text."""
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


def points_label(points: int, strings: dict[str, str]) -> str:
    return strings["point"] if points == 1 else strings["points"].replace("{points}", str(points))


def render_quiz(
    quiz: Quiz, texts: RenderedText, strings: dict[str, str], heading_level: int = 2, theme_dir: str | None = None
) -> str:
    """The quiz's HTML. ``heading_level`` is the level of the quiz title (2 to 6); ``theme_dir`` the
    site's own theme folder, whose ``partials/quiz.html`` wins over ours."""
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
    return environment(theme_dir).get_template(TEMPLATE_NAME).render(context)


def render_search_view(quiz: Quiz, texts: RenderedText, heading_level: int = 2, theme_dir: str | None = None) -> str:
    """What the site search should read of the quiz: its title and the author's text, without the
    wording of the controls (``finding_balance/theme/partials/quiz-search.html``)."""
    context = {"quiz": quiz, "text": texts, "level": min(max(heading_level, 2), 6)}
    return environment(theme_dir).get_template(SEARCH_TEMPLATE_NAME).render(context)
