"""The quick exit's setting: ``extra.quick_exit`` (the neutral page's address and the button's
wording), checked and completed.

Read once a build by the check of the settings, under every engine (``feature``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finding_balance.settings import check_url, invalid, locale_defaults, text_settings


def validate_quick_exit(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.quick_exit``: the neutral page's address and the button's wording."""
    if isinstance(raw, Mapping) and isinstance(raw.get("url"), str) and raw["url"] and raw["url"].strip():
        # Checked as written: a space around the address is a mistake, not something to strip.
        problem = check_url(raw["url"])
        if problem:
            raise invalid("extra.quick_exit.url", problem)
    defaults = locale_defaults(language)["quick_exit"]
    return text_settings("quick_exit", raw, defaults, "a mapping (at least 'url: https://...')")
