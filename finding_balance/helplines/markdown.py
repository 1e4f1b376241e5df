"""The help page's helplines as a Python-Markdown extension: a ```` ```helplines ```` fence.

Listed under ``markdown_extensions`` after ``pymdownx.superfences`` (like the quiz), so every engine
loads it. The fence's body says which part of the helplines (``extra.helplines``, read from the
edition's data file by ``finding_balance.helplines.data``) it becomes:

- ``chooser``: the country choice, to put first on the page: a chooser for readers whose browser runs
  scripts, and links to each country's heading;
- ``countries``: every country's lines, each country under a heading with its own anchor;
- nothing: both, one after the other (a page with a single fence);
- ``kind: crisis``: a short list of that kind of line in each country, or, for a country with none,
  the section's fallback sentence from the strings file (``words.helplines_gap_<kind>``).

The markup is ``finding_balance/theme/partials/helplines.html``, or the site's own in its
``custom_dir``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from markdown import Extension, Markdown
from pymdownx.superfences import SuperFencesException

from finding_balance.fence_extension import superfences_of
from finding_balance.helplines.data import KINDS, countries_of_kind, section_gaps
from finding_balance.page_context import page_context
from finding_balance.settings import locale_defaults
from finding_balance.templates import environment

FENCE_NAME = "helplines"
TEMPLATE_NAME = "partials/helplines.html"
#: The wording the chooser's script needs, handed to it in a data attribute.
SCRIPT_WORDS = ("helplines_showing", "helplines_showing_all", "helplines_card_title")
#: The bodies of a fence that name a part rather than a kind.
PARTS = ("chooser", "countries")


class HelplinesFenceError(SuperFencesException):
    """A helplines fence that cannot be rendered; superfences lets its own exception class through."""


def fence_part(source: str) -> tuple[str, str | None]:
    """What a fence's body asks for: ``("all", None)``, ``("chooser", None)``, ``("countries", None)``
    or ``("kind", "crisis")``."""
    body = source.strip()
    if not body:
        return "all", None
    if body in PARTS:
        return body, None
    key, _, value = body.partition(":")
    kind = value.strip()
    if key.strip() != "kind" or kind not in KINDS:
        raise HelplinesFenceError(
            f"a helplines fence holds nothing (every helpline), 'chooser', 'countries' or one line "
            f"'kind: <kind>' with a kind of {', '.join(KINDS)}, not {body[:60]!r}"
        )
    return "kind", kind


def fence_kind(source: str) -> str | None:
    """The kind a fence's body asks for (``kind: crisis``), or ``None`` for a part of the list."""
    return fence_part(source)[1]


def format_date(iso: str, words: Mapping[str, str]) -> str:
    """``2026-12-06`` as the edition writes dates (``words.date`` and the month names)."""
    year, month, day = iso.split("-")
    return (
        words["date"]
        .replace("{day}", str(int(day)))
        .replace("{month}", words[f"month_{int(month)}"])
        .replace("{year}", year)
    )


def full_stop(text: str) -> str:
    """``text`` ending in one full stop: an entry's own closing punctuation is kept, never doubled."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…:;" else text + "."


def render_helplines(
    countries: list[dict[str, Any]],
    words: Mapping[str, str],
    kind: str | None = None,
    part: str | None = None,
    theme_dir: str | None = None,
    direction: str = "ltr",
) -> str:
    """The HTML of a helplines fence: a ``part`` of the list (``all``, ``chooser``, ``countries``) or,
    with ``kind``, the short list of one section. ``theme_dir``: the site's own theme folder, whose
    ``partials/helplines.html`` wins over ours. ``direction``: the edition's (``rtl`` keeps each
    number left to right inside the right-to-left text)."""
    part = "kind" if kind is not None else (part or "all")
    if part in ("kind", "chooser") and not countries:
        return ""
    missing = {country["code"]: kinds for country, kinds in section_gaps(countries)}
    annotated = [{**country, "missing": missing.get(country["code"], [])} for country in countries]
    shown = annotated if kind is None else countries_of_kind(annotated, kind)
    script_words = json.dumps({key: words[key] for key in SCRIPT_WORDS}, ensure_ascii=False, separators=(",", ":"))
    return (
        environment(theme_dir)
        .get_template(TEMPLATE_NAME)
        .render(
            countries=shown,
            words=words,
            kind=kind,
            part=part,
            script_words=script_words,
            right_to_left=direction == "rtl",
            checked_on=lambda iso: format_date(iso, words),
            full_stop=full_stop,
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
            part, kind = fence_part(src)
            try:
                lines = list(extra.get("helplines") or [])
                return render_helplines(lines, words, kind, part, context.theme_dir, context.direction)
            except Exception as error:  # superfences would show the fence as code and carry on
                raise HelplinesFenceError(f"the helplines could not be rendered: {error}") from error

        superfences.extend_super_fences(FENCE_NAME, format_helplines, lambda *_: True, lambda _md: None)


def makeExtension(**kwargs: Any) -> HelplinesExtension:
    return HelplinesExtension(**kwargs)
