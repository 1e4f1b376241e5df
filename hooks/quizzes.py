"""Self-reflection quizzes written in Markdown as ```` ```quiz ```` fences with a YAML body.

The parsing and checking live in ``quiz_model`` and the markup in ``quiz_render`` (both free of
MkDocs); this module connects them to the build:

- ``on_config``: checks the quiz wording under ``extra.quiz``, registers the ``quiz`` fence with
  pymdownx.superfences, adds ``assets/quiz.css`` and ``assets/quiz.js``, and resets the state of the
  previous build (``mkdocs serve`` keeps this module loaded between builds).
- ``on_page_markdown``: finds the page's quizzes with their line numbers, checks and renders them. Any
  authoring mistake stops the build with one message: file, line, quiz id, what is wrong.
- the fence formatter: puts each rendered quiz where its fence was.
- ``on_page_content``: makes sure every quiz found in the Markdown is in the page's HTML, stops the
  build when two anchors of the page collide (``finding_balance.anchors``: a heading ``{#quiz-x}`` next
  to quiz ``x``, the same ``{#anchor}`` twice), and records the ids of the page for the anchor check.
- ``on_env``: once every page is rendered, checks that quiz links to ``page.md#anchor`` find the anchor.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
from hook_config import add_assets, read_text_settings, stop_on
from markdown import Markdown
from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pymdownx.superfences import SuperFencesException

from finding_balance.anchors import Slugify, page_collision
from finding_balance.quiz.model import QuizBlock, QuizError, find_quiz_blocks, parse_quiz, source_key
from finding_balance.quiz.render import (
    DEFAULT_STRINGS,
    REQUIRED_PLACEHOLDERS,
    LinkError,
    LinkResolver,
    TextRenderer,
    render_quiz,
    render_texts,
)

log = get_plugin_logger("quizzes")

ASSETS_CSS = "assets/quiz.css"
ASSETS_JS = "assets/quiz.js"
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_ID_ATTRIBUTE = re.compile(r"""\bid=["']([^"']+)["']""")


class QuizBuildError(SuperFencesException, PluginError):
    """Raised from inside the fence formatter: superfences lets its own exception class through
    (any other is swallowed and the block silently becomes a code block), and MkDocs reports a
    PluginError as a clean build error without a traceback."""


@dataclass
class _AnchorCheck:
    where: str
    target: str
    fragment: str
    href: str


@dataclass
class _BuildState:
    strings: dict[str, str] = field(default_factory=dict)
    quiz_places: dict[str, str] = field(default_factory=dict)
    """Where each quiz id was first seen ("docs/page.md:12"), to name both places of a duplicate."""
    page_file: str = ""
    page_quizzes: dict[str, tuple[QuizBlock, str]] = field(default_factory=dict)
    """The quizzes of the page being converted: source key -> (block, quiz id)."""
    page_html: dict[str, str] = field(default_factory=dict)
    ids_by_page: dict[str, set[str]] = field(default_factory=dict)
    anchor_checks: list[_AnchorCheck] = field(default_factory=list)
    renderer: TextRenderer = field(default_factory=TextRenderer)


_state = _BuildState()


# ---------------------------------------------------------------------------------------------------
# Configuration

QuizStrings: type[base.Config] = type(
    "QuizStrings",
    (base.Config,),
    {key: c.Type(str, default=value) for key, value in DEFAULT_STRINGS.items()},
)


def validate_strings(raw: Any) -> dict[str, str]:
    """The quiz wording from ``extra.quiz`` over the English defaults, or a ``PluginError``."""
    strings, problems = read_text_settings("quiz", raw, QuizStrings, "a mapping of quiz wording")
    for key, marks in REQUIRED_PLACEHOLDERS.items():
        missing = [mark for mark in marks if key in strings and mark not in strings[key]]
        if missing:
            problems.append(f"extra.quiz.{key} must contain {' and '.join(missing)}")
    stop_on(problems)
    return strings


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    _state = _BuildState(strings=validate_strings(config.extra.get("quiz")))
    if "pymdownx.superfences" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: quizzes need 'pymdownx.superfences' under markdown_extensions.")
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = [fence for fence in superfences.get("custom_fences", []) if fence.get("name") != "quiz"]
    superfences["custom_fences"] = [*fences, {"name": "quiz", "class": "quiz", "format": format_quiz_fence}]
    add_assets(config, css=ASSETS_CSS, js=ASSETS_JS)
    return config


# ---------------------------------------------------------------------------------------------------
# Pages


def _display_path(page: Page, config: MkDocsConfig) -> str:
    source = page.file.abs_src_path or page.file.src_uri
    return os.path.relpath(source, os.path.dirname(config.config_file_path or ".")).replace(os.sep, "/")


def _front_matter_lines(page: Page, markdown: str) -> int:
    """How many lines of the file come before ``markdown`` (MkDocs strips the front matter)."""
    try:
        raw = page.file.content_string.replace("\r\n", "\n")
    except (OSError, TypeError):
        return 0
    return raw[: len(raw) - len(markdown)].count("\n") if raw.endswith(markdown) else 0


def _heading_slugify(config: MkDocsConfig) -> Slugify:
    """How the toc extension makes a heading's anchor from its words, as mkdocs.yml configures it."""
    toc = config.mdx_configs.get("toc", {})
    slugify, separator = toc.get("slugify", toc_slugify), toc.get("separator", "-")
    return lambda words, _separator: slugify(words, separator)


def _page_source(page: Page) -> str:
    """The page's Markdown file as written (front matter included), or "" when it cannot be read."""
    try:
        return page.file.content_string
    except (OSError, TypeError, UnicodeDecodeError):
        return page.markdown or ""


def _link_resolver(page: Page, files: Files, checks: list[tuple[str, str, str]]) -> LinkResolver:
    """A resolver for links in quiz text on ``page``: checks the target and makes it relative."""

    def resolve(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme:
            if parts.scheme.lower() in ALLOWED_SCHEMES:
                return href
            raise LinkError(f"the link '{href}' is not allowed: use {', '.join(ALLOWED_SCHEMES)} or a page")
        if parts.netloc:
            return href
        if not parts.path:
            if parts.fragment:
                checks.append((page.file.src_uri, parts.fragment, href))
            return href
        if parts.path.startswith("/"):
            raise LinkError(f"the link '{href}' starts with '/': link to the Markdown file, like 'trust.md'")
        target_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), unquote(parts.path)))
        target = files.get_file_from_path(target_uri)
        if target is None:
            raise LinkError(f"the link '{href}' goes to docs/{target_uri}, which does not exist")
        url = target.url_relative_to(page.file)
        if parts.fragment:
            if target.is_documentation_page():
                checks.append((target.src_uri, parts.fragment, href))
            url += "#" + parts.fragment
        return url

    return resolve


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    filename = _display_path(page, config)
    _state.page_file = filename
    _state.page_quizzes = {}
    _state.page_html = {}
    offset = _front_matter_lines(page, markdown)
    try:
        blocks = find_quiz_blocks(markdown)
    except QuizError as error:
        error.line += offset
        raise PluginError(error.describe(filename)) from None
    for found in blocks:
        block = dataclasses.replace(found, line=found.line + offset)
        try:
            quiz = parse_quiz(block)
        except QuizError as error:
            raise PluginError(error.describe(filename)) from None
        where = f"{filename}:{block.line}"
        if quiz.id in _state.quiz_places:
            raise PluginError(
                f"{where}: quiz '{quiz.id}': the id is already used by the quiz at "
                f"{_state.quiz_places[quiz.id]}; every quiz needs its own id."
            )
        _state.quiz_places[quiz.id] = where
        links: list[tuple[str, str, str]] = []
        texts, problems = render_texts(quiz, _state.renderer, _link_resolver(page, files, links))
        if problems:
            raise PluginError(QuizError(problems[0], block.line, quiz.id).describe(filename))
        _state.anchor_checks += [
            _AnchorCheck(f"{where}: quiz '{quiz.id}'", target, fragment, href) for target, fragment, href in links
        ]
        key = source_key(block.source)
        _state.page_quizzes[key] = (block, quiz.id)
        _state.page_html[key] = render_quiz(quiz, texts, _state.strings, heading_level=block.heading_level + 1)
    return markdown


def format_quiz_fence(
    source: str, language: str, css_class: str, options: dict[str, Any], md: Markdown, **kwargs: Any
) -> str:
    """The superfences formatter: returns the quiz rendered for this block in ``on_page_markdown``."""
    key = source_key(source)
    html = _state.page_html.get(key)
    if html is None:
        raise QuizBuildError(
            f"{_state.page_file}: a ```quiz block could not be read where it stands; put quiz fences at the "
            "start of a line, or inside an admonition or list, not inside a quote or raw HTML."
        )
    return html


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The formatter having run is not enough: a fence in an indented code block is formatted, then
    # shown as code. Only the quiz's own section in the HTML proves it reached the page.
    for block, quiz_id in _state.page_quizzes.values():
        if f'id="quiz-{quiz_id}"' not in html:
            raise PluginError(
                f"{_state.page_file}:{block.line}: quiz '{quiz_id}': the quiz did not reach the page; a quiz "
                "must not sit inside raw HTML or an indented code block."
            )
    collision = page_collision(html, _page_source(page), _state.page_file, _heading_slugify(config))
    if collision:
        raise PluginError(collision)
    _state.ids_by_page[page.file.src_uri] = set(_ID_ATTRIBUTE.findall(html))
    return html


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    problems = [
        f"{check.where}: the link '{check.href}' points to an anchor '#{check.fragment}' that "
        f"{check.target} does not have"
        for check in _state.anchor_checks
        if check.fragment not in _state.ids_by_page.get(check.target, set())
    ]
    if problems:
        raise PluginError("\n".join(problems))
    return env
