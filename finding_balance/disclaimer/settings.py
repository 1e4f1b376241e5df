"""The disclaimer's and the header's settings: ``extra.disclaimer`` (the banner's wording) and
``extra.short_name`` (the site's name on small screens), checked and completed.

Read once a build by the check of the settings, under every engine (``feature``).
"""

from __future__ import annotations

from typing import Any

from finding_balance.messages import kind, shown
from finding_balance.settings import invalid, locale_defaults, text_settings


def validate_disclaimer(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.disclaimer``: the banner's ``label``, ``text`` and ``short`` line (small screens)."""
    defaults = locale_defaults(language)["disclaimer"]
    return text_settings("disclaimer", raw, defaults, "a mapping with 'text' (and optionally 'label' and 'short')")


def validate_short_name(raw: Any, site_name: str) -> str | None:
    """``extra.short_name``: the site's name on small screens, shorter than ``site_name`` (optional)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise invalid("extra.short_name", f"must be text, not {kind(raw)}")
    name = raw.strip()
    if not name:
        raise invalid("extra.short_name", "is empty; write a short name or leave the key out")
    if len(name) >= len(site_name.strip()):
        raise invalid(
            "extra.short_name",
            f"{shown(name)} is not shorter than site_name {shown(site_name)}; it is shown in place of the "
            "site name on small screens",
        )
    return name
