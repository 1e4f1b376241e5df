"""The quiz as a Python-Markdown extension: each ```` ```quiz ```` fence becomes a quiz.

Listed in ``mkdocs.yml`` under ``markdown_extensions``, after ``pymdownx.superfences``::

    markdown_extensions:
      - pymdownx.superfences
      - finding_balance.quiz.markdown

Any engine that converts pages with Python-Markdown and that list loads it: MkDocs and ProperDocs
(page by page, our plugin around them), Zensical (which runs no plugins). It registers a ``quiz`` fence
with superfences, which already knows nesting (a quiz in an admonition is a quiz; a quiz example
inside a ```` ````markdown ```` fence stays an example).

Everything it needs comes from the Markdown instance of the page being converted, nothing from an
earlier event: the page's heading levels from the page's own text (a preprocessor), the quiz
wording from the engine's config (``extra.quiz``), and the page's path, to make links to other
pages relative, from the engine's per-page context (``finding_balance.page_context``). Mistakes are found with
their file and line by ``finding_balance.check`` before any page is converted; one that still
reaches a fence raises ``QuizFenceError``, which superfences lets through.

Each quiz is read and its text rendered once per build: under MkDocs and ProperDocs the fence takes
it from the build's ``QuizMemo`` (``finding_balance.quiz.memo``), given as the ``memo`` option.
Without one (Zensical, a plain ``markdown.markdown()`` call) the extension reads the quiz itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesException

from finding_balance.fence_extension import superfences_of
from finding_balance.page_context import page_context
from finding_balance.quiz.cache import KeptQuiz
from finding_balance.quiz.links import resolve_link
from finding_balance.quiz.memo import QuizMemo
from finding_balance.quiz.model import QuizBlock, QuizError, find_quiz_blocks, parse_quiz, source_key
from finding_balance.quiz.render import render_quiz, render_search_view, render_texts
from finding_balance.quiz.settings import quiz_wording, scale_labels
from finding_balance.settings import SettingsError

FENCE_NAME = "quiz"


class QuizFenceError(SuperFencesException):
    """A quiz that cannot be rendered. Superfences swallows any other exception raised in a fence
    formatter and shows the block as code; its own exception class goes through."""


class _HeadingLevels(Preprocessor):
    """Reads where each quiz of the page stands (the heading level above it) before superfences
    replaces the fences; the formatter looks its block up by its text."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.blocks: dict[str, QuizBlock] = {}

    def run(self, lines: list[str]) -> list[str]:
        try:
            found = find_quiz_blocks("\n".join(lines))
        except QuizError:
            found = []  # the fence formatter reports what is wrong
        self.blocks = {source_key(block.source): block for block in found}
        return lines


class QuizExtension(Extension):
    """Registers the ``quiz`` fence with pymdownx.superfences. Engines make one for every page they
    convert (MkDocs does), so this does nothing costly until a page has a quiz."""

    def __init__(self, **kwargs: Any) -> None:
        # Not None: Python-Markdown would read a None default's value as true or false.
        self.config = {"memo": ["", "the build's QuizMemo (the plugin sets it); empty: read each quiz here"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        superfences = superfences_of(md, __name__, QuizFenceError)
        levels = _HeadingLevels(md)
        # Before superfences (25) takes the fences out of the text.
        md.preprocessors.register(levels, "finding_balance_quiz_levels", 26)
        given = self.getConfig("memo")
        memo = given or QuizMemo()

        def format_quiz(src: str = "", md: Markdown = md, **_: Any) -> str:
            return quiz_html(src, md, levels.blocks, memo, search_views=bool(given))

        superfences.extend_super_fences(FENCE_NAME, format_quiz, _accept, _no_reset)


def _accept(
    language: str, inputs: dict[str, str], options: dict[str, Any], attrs: dict[str, str], md: Markdown
) -> bool:
    return True


def _no_reset(md: Markdown) -> None:
    return None


def quiz_html(
    source: str, md: Markdown, blocks: Mapping[str, QuizBlock], memo: QuizMemo, *, search_views: bool = False
) -> str:
    """The HTML of the quiz whose YAML body is ``source``: from ``memo`` when the check already read
    it for this page, else read and rendered here. With ``search_views`` the quiz's search view goes
    into ``memo.search_views`` beside it."""
    context = page_context(md)
    block = blocks.get(source_key(source)) or QuizBlock(line=1, source=source)
    try:
        strings = quiz_wording(context.extra, context.language)
        scale = scale_labels(strings)
        kept = memo.recall_kept(context, source, scale)
        if kept is not None:
            if search_views:
                memo.search_views.setdefault(context.source, []).append((kept.html, kept.search_view))
            return kept.html
        known = memo.recall(context, source, scale)
        quiz = known[0] if known else parse_quiz(block, scale)
    except (QuizError, SettingsError) as error:
        raise QuizFenceError(f"{context.source}: {error}") from None
    if known:
        texts = known[1]
    else:
        texts, problems = render_texts(quiz, memo.renderer, lambda href: resolve_link(context, href))
        if problems:
            raise QuizFenceError(f"{context.source}: quiz '{quiz.id}': {problems[0]}")
    level = block.heading_level + 1
    html = render_quiz(quiz, texts, strings, heading_level=level, theme_dir=context.theme_dir)
    if search_views:
        view = render_search_view(quiz, texts, heading_level=level, theme_dir=context.theme_dir)
        memo.search_views.setdefault(context.source, []).append((html, view))
        memo.keep(context, source, scale, KeptQuiz(quiz.id, html, view))
    return html


def makeExtension(**kwargs: Any) -> QuizExtension:
    return QuizExtension(**kwargs)
