"""The help page's helplines as a Python-Markdown extension: a ```` ```helplines ```` fence.

Listed under ``markdown_extensions`` after ``pymdownx.superfences`` (like the quiz), so every engine
loads it. An empty fence becomes every country's helplines (``extra.helplines``, read from the
edition's data file by ``finding_balance.helplines.data``), each country under a heading with its
own anchor, with a country chooser for readers whose browser runs scripts. A fence whose body is
``kind: crisis`` becomes a short list of that kind of line in each country, for the section of the
page about it. The markup is ``finding_balance/theme/partials/helplines.html``, or the site's own
in its ``custom_dir``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from pymdownx.superfences import SuperFencesException

from finding_balance.fence_extension import superfences_of
from finding_balance.helplines.data import KINDS, countries_of_kind
from finding_balance.page_context import page_context
from finding_balance.settings import locale_defaults
from finding_balance.templates import environment

FENCE_NAME = "helplines"
TEMPLATE_NAME = "partials/helplines.html"
#: The wording the chooser's script needs, handed to it in a data attribute.
SCRIPT_WORDS = ("helplines_showing", "helplines_showing_all", "helplines_card_title")


class HelplinesFenceError(SuperFencesException):
    """A helplines fence that cannot be rendered; superfences lets its own exception class through."""


def fence_kind(source: str) -> str | None:
    """The kind a fence's body asks for (``kind: crisis``), or ``None`` for every helpline."""
    body = source.strip()
    if not body:
        return None
    key, _, value = body.partition(":")
    kind = value.strip()
    if key.strip() != "kind" or kind not in KINDS:
        raise HelplinesFenceError(
            f"a helplines fence holds nothing (every helpline) or one line 'kind: <kind>' with a kind of "
            f"{', '.join(KINDS)}, not {body[:60]!r}"
        )
    return kind


def format_date(iso: str, words: Mapping[str, str]) -> str:
    """``2026-12-06`` as the edition writes dates (``words.date`` and the month names)."""
    year, month, day = iso.split("-")
    return (
        words["date"]
        .replace("{day}", str(int(day)))
        .replace("{month}", words[f"month_{int(month)}"])
        .replace("{year}", year)
    )


def render_helplines(
    countries: list[dict[str, Any]], words: Mapping[str, str], kind: str | None = None, theme_dir: str | None = None
) -> str:
    """The HTML of a helplines fence: every country (``kind`` ``None``) or the lines of one kind.
    ``theme_dir``: the site's own theme folder, whose ``partials/helplines.html`` wins over ours."""
    shown = countries if kind is None else countries_of_kind(countries, kind)
    if kind is not None and not shown:
        return ""
    script_words = json.dumps({key: words[key] for key in SCRIPT_WORDS}, ensure_ascii=False, separators=(",", ":"))
    return (
        environment(theme_dir)
        .get_template(TEMPLATE_NAME)
        .render(
            countries=shown,
            words=words,
            kind=kind,
            script_words=script_words,
            checked_on=lambda iso: format_date(iso, words),
        )
    )


class HelplinesExtension(Extension):
    """Registers the ``helplines`` fence with pymdownx.superfences."""

    def extendMarkdown(self, md: Markdown) -> None:
        superfences = superfences_of(md, __name__, HelplinesFenceError)

        def format_helplines(src: str = "", md: Markdown = md, **_: Any) -> str:
            context = page_context(md)
            extra = context.extra or {}
            words = extra.get("words") or locale_defaults(context.language)["words"]
            kind = fence_kind(src)
            try:
                return render_helplines(list(extra.get("helplines") or []), words, kind, context.theme_dir)
            except Exception as error:  # superfences would show the fence as code and carry on
                raise HelplinesFenceError(f"the helplines could not be rendered: {error}") from error

        superfences.extend_super_fences(FENCE_NAME, format_helplines, lambda *_: True, lambda _md: None)


def makeExtension(**kwargs: Any) -> HelplinesExtension:
    return HelplinesExtension(**kwargs)
