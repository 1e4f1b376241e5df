"""The "Copy link" buttons' setting: ``extra.copy_link``, their wording over the edition's defaults.

Read once a build by the check of the settings, under every engine (``feature``).
"""

from __future__ import annotations

from typing import Any

from finding_balance.settings import locale_defaults, text_settings

#: The same for the "Copy link" wording (``extra.copy_link``).
COPY_LINK_PLACEHOLDERS = {
    "section": ("{name}",),
    "quiz": ("{name}",),
    "item": ("{name}",),
    "announce_copied": ("{name}",),
    "announce_failed": ("{address}",),
}


def validate_copy_link(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.copy_link``: the wording of the "Copy link" buttons; placeholders must stay."""
    defaults = locale_defaults(language)["copy_link"]
    return text_settings("copy_link", raw, defaults, "a mapping of button wording", COPY_LINK_PLACEHOLDERS)
