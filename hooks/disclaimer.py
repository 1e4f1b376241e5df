"""Disclaimer banner on every page of the site, the 404 page included.

Reads and validates ``extra.disclaimer`` from ``mkdocs.yml`` in ``on_config`` (filling in the default
wording when it is left out); the banner itself is markup in ``overrides/main.html`` (the theme's
``announce`` block), so every template that extends ``main.html`` carries it.

MkDocs events: ``on_config``.
"""

from __future__ import annotations

from typing import Any

from hook_config import read_text_settings, stop_on
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LABEL = "Disclaimer"
DEFAULT_TEXT = (
    "This site is for information and education only. It is not medical, psychological, legal or "
    "other professional advice, and it does not replace help from a qualified professional."
)


class DisclaimerConfig(base.Config):
    """The settings under ``extra.disclaimer``."""

    label = c.Type(str, default=DEFAULT_LABEL)
    """Accessible name of the banner, read out by screen readers."""
    text = c.Type(str, default=DEFAULT_TEXT)
    """The sentence(s) shown on every page."""


def validate_disclaimer(raw: Any) -> dict[str, str]:
    """Return the checked banner settings, or raise ``PluginError`` with one readable message."""
    values, problems = read_text_settings(
        "disclaimer", raw, DisclaimerConfig, "a mapping with 'text' (and optionally 'label')"
    )
    stop_on(problems)
    return values


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["disclaimer"] = validate_disclaimer(config.extra.get("disclaimer"))
    return config
