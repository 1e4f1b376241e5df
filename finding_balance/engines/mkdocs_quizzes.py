"""MkDocs and ProperDocs: quiz mistakes stop the build with their file and line, page by page.

The quizzes themselves are made by the Python-Markdown extension ``finding_balance.quiz.markdown``
(listed in ``mkdocs.yml``), as under every engine. This module adds what the page events make
possible under MkDocs, with the same functions the build command's check uses for other engines:

- ``on_config``: the extension is listed after ``pymdownx.superfences`` (``finding_balance.fence_extension``,
  the one place that checks it). A new build starts with no
  quiz ids seen (under ``mkdocs serve`` the plugin lives from one build to the next) and a new
  ``QuizMemo``, handed to the extension as its ``memo`` option (``mdx_configs``).
- ``on_page_markdown``: ``finding_balance.check.check_page`` on the page's file: any authoring
  mistake stops the build with one message (file, line, quiz id, what is wrong), before the page is
  converted. Each quiz it reads, with its text rendered for this page, goes into the memo, and the
  extension takes it from there instead of reading it a second time. The memo has the edition's
  cache of quizzes (``finding_balance.quiz.cache``: ``.cache/finding-balance/`` beside the config):
  a quiz unchanged since the last build is neither read nor rendered again.
- ``on_page_content``: ``finding_balance.quiz.reached.unrendered_quizzes``: every quiz the check found is
  in the converted page (a fence inside raw HTML or an indented code block would be shown as code).
  For other engines the quiz's pass over the built site does the same (``finding_balance.quiz.feature``).
  Then, last of every ``on_page_content``, each quiz of the page is swapped for its search view
  (``finding_balance.quiz.render.render_search_view``, kept by the extension in the memo): Material's
  search reads the page's title and text of each quiz, not the wording of its controls, and parses a
  few tags instead of hundreds (about 4 ms a quiz page at build time).
- ``on_page_context``, after Material's search (priority -100): the quizzes are put back, before the
  page's template renders the page. Under Zensical the engine's own search reads the whole quiz.
- ``on_post_build``: the cache of quizzes is written for the next build.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from finding_balance.check import QUIZ_EXTENSION, CheckedQuiz, QuizIds, check_page
from finding_balance.engines.mkdocs_errors import stopping_the_build
from finding_balance.errors import AuthorError
from finding_balance.fence_extension import order_problem
from finding_balance.json_cache import CACHE_FOLDER
from finding_balance.page_context import mkdocs_page_context
from finding_balance.quiz.cache import QuizCache, cache_file
from finding_balance.quiz.memo import QuizMemo
from finding_balance.quiz.reached import unrendered_quizzes
from finding_balance.quiz.settings import scale_labels


@dataclass
class _Build:
    """What the quizzes' events keep for one build; ``on_config`` makes a new one."""

    seen: QuizIds = field(default_factory=QuizIds)
    memo: QuizMemo = field(default_factory=QuizMemo)
    files: Files | None = None
    pages: frozenset[str] = frozenset()
    """Every file of the docs folder, made once from ``files``."""
    quizzes: dict[str, list[CheckedQuiz]] = field(default_factory=dict)
    """The id and line of each quiz the check found, by page, until the page is converted."""
    swapped: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Each quiz of a page and the search view that stands in for it, from ``on_page_content`` until
    the search has read the page."""


class Quizzes:
    """The quizzes' part of the plugin; the plugin calls each method from the MkDocs event of the
    same name (``on_page_content`` and ``on_page_context`` at priority -100)."""

    def __init__(self) -> None:
        self.build = _Build()
        self.cache_dir = CACHE_FOLDER.as_posix()
        """The build cache's folder, relative to the config's (the plugin's ``cache_dir``)."""

    def on_config(self, config: MkDocsConfig, cache_dir: str = CACHE_FOLDER.as_posix()) -> MkDocsConfig:
        self.build = _Build()
        self.cache_dir = cache_dir
        config_name = Path(config.config_file_path or "mkdocs.yml").name
        with stopping_the_build():
            problem = order_problem(list(config.markdown_extensions), QUIZ_EXTENSION, config_name)
            if problem:
                raise AuthorError([problem])
        config.mdx_configs[QUIZ_EXTENSION] = {**config.mdx_configs.get(QUIZ_EXTENSION, {}), "memo": self.build.memo}
        return config

    @staticmethod
    def _display_path(page: Page, config: MkDocsConfig) -> str:
        source = page.file.abs_src_path or page.file.src_uri
        return os.path.relpath(source, os.path.dirname(config.config_file_path or ".")).replace(os.sep, "/")

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if "quiz" not in markdown:  # no quiz fence on this page (front matter holds none)
            return markdown
        try:
            text = page.file.content_string
        except (OSError, TypeError):
            text = markdown
        if files is not self.build.files:
            self.build.files, self.build.pages = files, frozenset(file.src_uri for file in files)
            if config.config_file_path:
                path = cache_file(Path(config.config_file_path), self.cache_dir)
                self.build.memo.cache = QuizCache(path, self.build.pages)
        with stopping_the_build():
            scale = scale_labels(config.extra["quiz"])
            context = mkdocs_page_context(page.file.src_uri, config)
            quizzes = check_page(
                self._display_path(page, config),
                page.file.src_uri,
                text,
                self.build.pages,
                self.build.seen,
                default_scale=scale,
                context=context,
                memo=self.build.memo,
            )
        self.build.quizzes[page.file.src_uri] = quizzes
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        quizzes = self.build.quizzes.pop(page.file.src_uri, None)
        if quizzes:
            with stopping_the_build():
                problems = unrendered_quizzes(self._display_path(page, config), quizzes, html)
                if problems:
                    raise AuthorError(problems)
        views = self.build.memo.search_views.pop(page.file.src_uri, None)
        if not views:
            return html
        swapped = [(quiz, view) for quiz, view in views if quiz in html]
        for quiz, view in swapped:
            html = html.replace(quiz, view, 1)
        self.build.swapped[page.file.src_uri] = swapped
        return html

    def on_page_context(self, page: Page) -> None:
        swapped = self.build.swapped.pop(page.file.src_uri, None)
        if swapped and page.content:
            content = page.content
            for quiz, view in swapped:
                content = content.replace(view, quiz, 1)
            page.content = content

    def on_post_build(self) -> None:
        if self.build.memo.cache is not None:
            self.build.memo.cache.save()
