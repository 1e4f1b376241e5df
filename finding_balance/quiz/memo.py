"""The quizzes of one build, each read and its text rendered once.

Under MkDocs and ProperDocs the check (``finding_balance/engines/mkdocs_quizzes.py``) reads each quiz
just before its page is converted and leaves it here; the Markdown extension
(``finding_balance.quiz.markdown``), given the memo as its ``memo`` option, takes it from here instead
of reading it again. With the build cache
(``finding_balance.quiz.cache``), a quiz unchanged since an earlier build is neither read nor rendered.
Without a memo from the plugin (Zensical, a plain ``markdown.markdown()`` call) the extension makes its
own, for the page it converts.
"""

from __future__ import annotations

from typing import Any

from finding_balance.page_context import PageContext
from finding_balance.quiz.cache import KeptQuiz, QuizCache
from finding_balance.quiz.model import Quiz, QuizBlock, source_key
from finding_balance.quiz.render import RenderedText, TextRenderer


class QuizMemo:
    """The quizzes of one build, each read and its text rendered once.

    One for every build (``mkdocs serve`` included). An entry is keyed by everything the quiz and its
    rendered text depend on: the page, the quiz's source text, the default scale labels and how links
    are resolved; a quiz that changed is a new key, never a stale hit. ``renderer`` is made on the
    first quiz, so a page or a site without quizzes never builds one.

    ``search_views`` holds, for each page converted with this memo, each quiz's HTML and the lighter
    form of it that the site search reads (``render_search_view``); the plugin takes them page by page.

    With a ``cache``, a quiz unchanged since an earlier build comes from there: ``kept`` finds it for
    the check, the fence takes its HTML, and a quiz rendered anew is added to the cache by the fence.
    """

    def __init__(self, cache: QuizCache | None = None) -> None:
        self._renderer: TextRenderer | None = None
        self._quizzes: dict[tuple[Any, ...], tuple[Quiz, RenderedText]] = {}
        self.search_views: dict[str, list[tuple[str, str]]] = {}
        self.cache = cache
        self._kept: dict[tuple[Any, ...], KeptQuiz] = {}
        self._cache_keys: dict[tuple[Any, ...], str] = {}

    @property
    def renderer(self) -> TextRenderer:
        if self._renderer is None:
            self._renderer = TextRenderer()
        return self._renderer

    @staticmethod
    def _key(context: PageContext, source: str, default_scale: tuple[str, ...]) -> tuple[Any, ...]:
        return (
            context.source,
            context.directory_urls,
            context.links_resolved_by_engine,
            default_scale,
            source_key(source),
        )

    def remember(
        self, context: PageContext, source: str, default_scale: tuple[str, ...], quiz: Quiz, texts: RenderedText
    ) -> None:
        """Keep a quiz read from ``source`` on the page of ``context``, its texts rendered with
        ``resolve_link(context, ...)`` and free of problems."""
        self._quizzes[self._key(context, source, default_scale)] = (quiz, texts)

    def recall(
        self, context: PageContext, source: str, default_scale: tuple[str, ...]
    ) -> tuple[Quiz, RenderedText] | None:
        return self._quizzes.get(self._key(context, source, default_scale))

    def kept(self, context: PageContext, block: QuizBlock, default_scale: tuple[str, ...]) -> KeptQuiz | None:
        """The quiz of ``block`` as an earlier build checked and rendered it, if the cache has it
        unchanged; the fence then takes it from here (``recall_kept``)."""
        if self.cache is None:
            return None
        key = self.cache.key(context, block.heading_level, block.source)
        kept = self.cache.get(key)
        if kept is None:
            self._cache_keys[self._key(context, block.source, default_scale)] = key
        else:
            self._kept[self._key(context, block.source, default_scale)] = kept
        return kept

    def recall_kept(self, context: PageContext, source: str, default_scale: tuple[str, ...]) -> KeptQuiz | None:
        return self._kept.get(self._key(context, source, default_scale))

    def keep(self, context: PageContext, source: str, default_scale: tuple[str, ...], kept: KeptQuiz) -> None:
        """Add a quiz the fence rendered to the cache, under the key ``kept`` made for the check."""
        key = self._cache_keys.pop(self._key(context, source, default_scale), None)
        if self.cache is not None and key is not None:
            self.cache.put(key, kept)
