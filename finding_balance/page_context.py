"""The page a Markdown extension of ours converts, and its site, as the engine running it tells.

Our fences (``finding_balance.quiz.markdown``, ``finding_balance.helplines.markdown``) need the
page's file (to make links relative), the edition's ``extra`` (wording, helplines), its language and
its direction. No engine event hands them over: they come from the Markdown instance being
converted, which MkDocs and ProperDocs give a ``relpath`` tree processor and Zensical a
``rendering_context`` preprocessor. The plugin (``finding_balance/engines/mkdocs_quizzes.py``)
makes the same context with ``mkdocs_page_context``, so that the check and the fence see a page
alike. ``theme_dir`` is the site's own theme folder, whose templates win over ours
(``finding_balance.templates.environment``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import material
from markdown import Markdown


@dataclass(frozen=True)
class PageContext:
    """What a fence needs to know about the page and the site it is converted for."""

    source: str = "index.md"
    """The page's Markdown file, relative to the docs folder."""
    directory_urls: bool = True
    extra: Mapping[str, Any] | None = None
    """The config's ``extra`` mapping (``extra.quiz`` holds the quiz wording)."""
    language: str = "en"
    """The edition's language (``theme.language``): the default wording."""
    links_resolved_by_engine: bool = False
    """Zensical resolves every ``.md`` link in a page's HTML, ours included; MkDocs only its own."""
    theme_dir: str | None = None
    """The site's own theme folder (``theme.custom_dir``; under Zensical the folder the build command
    merged it into): a template of ours found there is used in place of the package's."""
    direction: str = "ltr"
    """The edition's writing direction, ``ltr`` or ``rtl`` (see ``text_direction``)."""


def page_context(md: Markdown) -> PageContext:
    """The page being converted. Anything but MkDocs, ProperDocs and Zensical (a plain
    ``markdown.markdown()`` call) converts a page at the site root with default wording."""
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
            extra = config.get("extra") or {}
            theme = config.get("theme")
            direction = text_direction(theme, language)
            return PageContext(page.path, directory_urls, extra, language, True, custom_dir(theme), direction)
    return PageContext()


def mkdocs_page_context(source: str, config: Mapping[str, Any]) -> PageContext:
    """The context of the page ``source`` under MkDocs or ProperDocs (``config`` is the engine's)."""
    language = str(config["theme"]["language"] or "en")
    theme_dir = custom_dir(config["theme"])
    direction = text_direction(config["theme"], language)
    return PageContext(
        source, bool(config["use_directory_urls"]), config["extra"], language, False, theme_dir, direction
    )


def custom_dir(theme: Any) -> str | None:
    """The site's own theme folder of a config's ``theme``: MkDocs' ``Theme`` (an attribute, made
    absolute by MkDocs) or Zensical's mapping."""
    found = getattr(theme, "custom_dir", None)
    if found is None and isinstance(theme, Mapping):
        found = theme.get("custom_dir")
    return str(found) if found else None


#: Material's language files, each of which says the direction the theme writes its language in.
THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"


def language_direction(language: str) -> str:
    """``rtl`` when the theme's language file for ``language`` says so, else ``ltr`` (a language the
    theme has no file for is shown as English)."""
    file = THEME_LANGUAGES / f"{language}.html"
    text = file.read_text(encoding="utf-8") if file.is_file() else ""
    return "rtl" if re.search(r'"direction":\s*"rtl"', text) else "ltr"


def text_direction(theme: Any, language: str) -> str:
    """The direction an edition is written in, as the theme decides it: ``theme.direction`` when the
    config sets it, else the language's own."""
    chosen = theme.get("direction") if isinstance(theme, Mapping) else getattr(theme, "direction", None)
    if chosen in ("ltr", "rtl"):
        return str(chosen)
    return language_direction(language)
