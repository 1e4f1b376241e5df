"""The quiz as a Python-Markdown extension: each ```` ```quiz ```` fence becomes a quiz.

Listed in ``mkdocs.yml`` under ``markdown_extensions``, after ``pymdownx.superfences``::

    markdown_extensions:
      - pymdownx.superfences
      - finding_balance.quiz.markdown

Any engine that converts pages with Python-Markdown and that list loads it: MkDocs and ProperDocs
(page by page, our hooks around them), Zensical (which runs no hooks). It registers a ``quiz`` fence
with superfences, which already knows nesting (a quiz in an admonition is a quiz; a quiz example
inside a ```` ````markdown ```` fence stays an example).

Everything it needs comes from the Markdown instance of the page being converted, nothing from an
earlier event: the page's heading levels from the page's own text (a preprocessor), the quiz
wording from the engine's config (``extra.quiz``), and the page's path, to make links to other
pages relative, from the engine's per-page context (``page_context``). Mistakes are found with
their file and line by ``finding_balance.check`` before any page is converted; one that still
reaches a fence raises ``QuizFenceError``, which superfences lets through.

Each quiz is read and its text rendered once per build: under MkDocs and ProperDocs the check
(``hooks/quizzes.py``) does it just before the page is converted and leaves the result in the build's
``QuizMemo``, which the hook hands to this extension as its ``memo`` option; the fence takes the quiz
from there. Without a memo (Zensical, a plain ``markdown.markdown()`` call) the extension reads the
quiz itself.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import SuperFencesCodeExtension, SuperFencesException

from finding_balance.quiz.cache import KeptQuiz, QuizCache
from finding_balance.quiz.model import Quiz, QuizBlock, QuizError, find_quiz_blocks, parse_quiz, source_key
from finding_balance.quiz.render import (
    LinkError,
    RenderedText,
    TextRenderer,
    render_quiz,
    render_search_view,
    render_texts,
)
from finding_balance.settings import SettingsError, validate_quiz_strings

FENCE_NAME = "quiz"
#: Link schemes quiz text may use; any other (``javascript:``) stops the build.
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")


class QuizFenceError(SuperFencesException):
    """A quiz that cannot be rendered. Superfences swallows any other exception raised in a fence
    formatter and shows the block as code; its own exception class goes through."""


@dataclass(frozen=True)
class PageContext:
    """What the quiz needs to know about the page and the site it is converted for."""

    source: str = "index.md"
    """The page's Markdown file, relative to the docs folder."""
    directory_urls: bool = True
    extra: Mapping[str, Any] | None = None
    """The config's ``extra`` mapping (``extra.quiz`` holds the wording)."""
    language: str = "en"
    """The edition's language (``theme.language``): the default wording of the quiz."""
    links_resolved_by_engine: bool = False
    """Zensical resolves every ``.md`` link in a page's HTML, ours included; MkDocs only its own."""


def page_context(md: Markdown) -> PageContext:
    """The page being converted, as the engine running us tells it.

    MkDocs and ProperDocs add a ``relpath`` tree processor that knows the page's file and the config;
    Zensical adds a ``rendering_context`` preprocessor with the page and the config. Anything else
    (a plain ``markdown.markdown()`` call) converts a page at the site root with default wording.
    """
    if "relpath" in md.treeprocessors:
        relpath = md.treeprocessors["relpath"]
        file, config = getattr(relpath, "file", None), getattr(relpath, "config", None)
        if file is not None and config is not None:
            return mkdocs_page_context(file.src_uri, config)
    if "rendering_context" in md.preprocessors:
        context = md.preprocessors["rendering_context"]
        page, config = getattr(context, "page", None), getattr(context, "config", None)
        if page is not None and isinstance(config, Mapping):
            language = str((config.get("theme") or {}).get("language") or "en")
            directory_urls = bool(config.get("use_directory_urls", True))
            return PageContext(page.path, directory_urls, config.get("extra") or {}, language, True)
    return PageContext()


def mkdocs_page_context(source: str, config: Mapping[str, Any]) -> PageContext:
    """The context of the page ``source`` under MkDocs or ProperDocs (``config`` is the engine's).
    Used by ``page_context`` and by ``hooks/quizzes.py``, so that the check and the fence resolve a
    quiz's links alike."""
    language = str(config["theme"]["language"] or "en")
    return PageContext(source, bool(config["use_directory_urls"]), config["extra"], language)


class QuizMemo:
    """The quizzes of one build, each read and its text rendered once.

    Created by whoever runs a build: ``hooks/quizzes.py`` makes one in ``on_config`` (a new one for
    every build, ``mkdocs serve`` included), fills it as it checks each page and hands it to this
    extension through its ``memo`` option. An entry is keyed by everything the quiz and its rendered
    text depend on: the page, the quiz's source text, the default scale labels and how links are
    resolved; a quiz that changed is a new key, never a stale hit. ``renderer`` is made on the first
    quiz, so a page or a site without quizzes never builds one.

    ``search_views`` holds, for each page converted with this memo, each quiz's HTML and the lighter
    form of it that the site search reads (``render_search_view``); the hook takes them page by page.

    With a ``cache`` (``finding_balance.quiz.cache``), a quiz unchanged since an earlier build comes
    from there: ``kept`` finds it for the check, the fence takes its HTML, and a quiz rendered anew is
    added to the cache by the fence.
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


def page_url(source: str, directory_urls: bool = True) -> str:
    """The URL of a Markdown page relative to the site root: ``trust.md`` -> ``trust/``."""
    stem = source.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(from_source: str, to_source: str, directory_urls: bool = True) -> str:
    """The link from one page to another, as the browser resolves it from the first page's URL."""
    here = page_url(from_source, directory_urls)
    base = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    target = page_url(to_source, directory_urls)
    relative = posixpath.relpath(target.rstrip("/") or ".", base or ".")
    if directory_urls:
        return "./" if relative == "." else f"{relative}/"
    return relative


def link_target(page_source: str, href: str) -> tuple[str, str] | None:
    """For a link to another page (``trust.md#anchor``): its Markdown file from the docs folder and
    its fragment. ``None`` for links that leave the site or stay on the page. Raises ``LinkError`` for
    links that may not be used."""
    parts = urlsplit(href)
    if parts.scheme:
        if parts.scheme.lower() in ALLOWED_SCHEMES:
            return None
        raise LinkError(f"the link '{href}' is not allowed: use {', '.join(ALLOWED_SCHEMES)} or a page")
    if parts.netloc or not parts.path:
        return None
    if parts.path.startswith("/"):
        raise LinkError(f"the link '{href}' starts with '/': link to the Markdown file, like 'trust.md'")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_source), unquote(parts.path)))
    return target, parts.fragment


def resolve_link(context: PageContext, href: str) -> str:
    """A link in quiz text as the built page needs it: links to ``.md`` pages made relative."""
    target = link_target(context.source, href)
    if target is None or not target[0].endswith(".md") or context.links_resolved_by_engine:
        return href
    page, fragment = target
    url = relative_url(context.source, page, context.directory_urls)
    return f"{url}#{fragment}" if fragment else url


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
        self.config = {"memo": ["", "the build's QuizMemo (hooks/quizzes.py sets it); empty: read each quiz here"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        superfences = next((ext for ext in md.registeredExtensions if isinstance(ext, SuperFencesCodeExtension)), None)
        if superfences is None:
            raise QuizFenceError(
                "mkdocs.yml: list 'finding_balance.quiz.markdown' after 'pymdownx.superfences' "
                "under markdown_extensions"
            )
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
        strings = validate_quiz_strings((context.extra or {}).get("quiz"), context.language)
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
    html = render_quiz(quiz, texts, strings, heading_level=level)
    if search_views:
        view = render_search_view(quiz, texts, heading_level=level)
        memo.search_views.setdefault(context.source, []).append((html, view))
        memo.keep(context, source, scale, KeptQuiz(quiz.id, html, view))
    return html


def scale_labels(strings: Mapping[str, str]) -> tuple[str, ...]:
    """The default answer labels of a scale quiz, from the wording (``default_scale``, ``|`` between)."""
    return tuple(label.strip() for label in strings["default_scale"].split("|"))


def makeExtension(**kwargs: Any) -> QuizExtension:
    return QuizExtension(**kwargs)
