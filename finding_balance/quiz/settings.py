"""The quiz's setting: ``extra.quiz``, its wording over the edition's defaults, and the default
answer labels of a scale quiz drawn from it.

Read once a build by the check of the settings (``feature``), and by the Markdown extension for a
page converted outside any engine (``quiz_wording``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finding_balance.settings import locale_defaults, text_settings

#: Placeholders a translated string must keep, or the script would show a broken sentence.
REQUIRED_PLACEHOLDERS = {
    "points": ("{points}",),
    "your_score": ("{score}", "{max}"),
    "unanswered": ("{count}",),
    "choice_summary": ("{best}", "{total}"),
    "choice_unanswered": ("{count}",),
}


def quiz_wording(extra: Mapping[str, Any] | None, language: str) -> dict[str, str]:
    """The quiz wording a page is converted with. Under every engine the settings were checked and
    completed once for the build (``finding_balance.check.resolve_extra``, whose result carries the
    ``language``), so the wording is taken as it is; a page converted outside any engine (a plain
    ``markdown.markdown()`` call) has its wording checked here."""
    extra = extra or {}
    wording = extra.get("quiz")
    if extra.get("language") == language and isinstance(wording, Mapping):
        return dict(wording)
    return validate_quiz_strings(wording, language)


def validate_quiz_strings(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.quiz``: the quiz wording over the defaults; placeholders the script fills must stay."""
    defaults = locale_defaults(language)["quiz"]
    return text_settings("quiz", raw, defaults, "a mapping of quiz wording", REQUIRED_PLACEHOLDERS)


def scale_labels(strings: Mapping[str, str]) -> tuple[str, ...]:
    """The default answer labels of a scale quiz, from the quiz wording (``default_scale``, ``|`` between)."""
    return tuple(label.strip() for label in strings["default_scale"].split("|"))
