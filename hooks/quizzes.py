"""MkDocs and ProperDocs: quiz mistakes stop the build with their file and line, page by page.

The quizzes themselves are made by the Python-Markdown extension ``finding_balance.quiz.markdown``
(listed in ``mkdocs.yml``), as under every engine. This hook adds what the page events make
possible under MkDocs, with the same functions the build command's check uses for other engines:

- ``on_config``: the extension is listed after ``pymdownx.superfences``. A new build starts with no
  quiz ids seen (``mkdocs serve`` keeps this module loaded between builds) and a new
  ``QuizMemo``, handed to the extension as its ``memo`` option (``mdx_configs``).
- ``on_page_markdown``: ``finding_balance.check.check_page`` on the page's file: any authoring
  mistake stops the build with one message (file, line, quiz id, what is wrong), before the page is
  converted. Each quiz it reads, with its text rendered for this page, goes into the memo, and the
  extension takes it from there instead of reading it a second time.

That every quiz really reached its page (a fence inside raw HTML or an indented code block would be
shown as code) is checked over the built site, under every engine (``finding_balance.site.finish``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from finding_balance.check import CheckError, QuizIds, check_page
from finding_balance.quiz.markdown import QuizMemo, mkdocs_page_context, scale_labels

EXTENSION = "finding_balance.quiz.markdown"


@dataclass
class _Build:
    """What this hook keeps for one build; ``on_config`` makes a new one."""

    seen: QuizIds = field(default_factory=QuizIds)
    memo: QuizMemo = field(default_factory=QuizMemo)
    files: Files | None = None
    pages: frozenset[str] = frozenset()
    """Every file of the docs folder, made once from ``files``."""


_build = _Build()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    _build = _Build()
    extensions = list(config.markdown_extensions)
    if "pymdownx.superfences" not in extensions or EXTENSION not in extensions:
        raise PluginError(
            f"mkdocs.yml: quizzes need 'pymdownx.superfences' and then '{EXTENSION}' under markdown_extensions."
        )
    if extensions.index(EXTENSION) < extensions.index("pymdownx.superfences"):
        raise PluginError(f"mkdocs.yml: list '{EXTENSION}' after 'pymdownx.superfences' under markdown_extensions.")
    config.mdx_configs[EXTENSION] = {**config.mdx_configs.get(EXTENSION, {}), "memo": _build.memo}
    return config


def _display_path(page: Page, config: MkDocsConfig) -> str:
    source = page.file.abs_src_path or page.file.src_uri
    return os.path.relpath(source, os.path.dirname(config.config_file_path or ".")).replace(os.sep, "/")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "quiz" not in markdown:  # no quiz fence on this page (front matter holds none)
        return markdown
    try:
        text = page.file.content_string
    except (OSError, TypeError):
        text = markdown
    if files is not _build.files:
        _build.files, _build.pages = files, frozenset(file.src_uri for file in files)
    try:
        scale = scale_labels(config.extra["quiz"])
        context = mkdocs_page_context(page.file.src_uri, config)
        check_page(
            _display_path(page, config),
            page.file.src_uri,
            text,
            _build.pages,
            _build.seen,
            default_scale=scale,
            context=context,
            memo=_build.memo,
        )
    except CheckError as error:
        raise PluginError(str(error)) from None
    return markdown

