"""Disclaimer banner on every page of the site, the 404 page included.

Reads and validates ``extra.disclaimer`` from ``mkdocs.yml`` in ``on_config`` (filling in the default
wording when it is left out); the banner itself is markup in ``overrides/partials/disclaimer.html``,
included in the theme's ``announce`` block by ``overrides/main.html``, so every template that extends
``main.html`` carries it. On screens narrower than 600 px it shows the short line, with the full text
one tap away (``assets/disclaimer.css``)::

    extra:
      disclaimer:
        label: Disclaimer                 # the banner's name, and the word before the full text
        text: This site is for ...        # the full text, on every page
        short: For information only. ...  # the one line shown on small screens

MkDocs events: ``on_config`` (check the settings, add ``assets/disclaimer.css``).
"""

from __future__ import annotations

from typing import Any

from hook_config import add_assets, read_text_settings, stop_on
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig

ASSETS_CSS = "assets/disclaimer.css"
DEFAULT_LABEL = "Disclaimer"
DEFAULT_TEXT = (
    "This site is for information and education only. It is not medical, psychological, legal or "
    "other professional advice, and it does not replace help from a qualified professional."
)
DEFAULT_SHORT = "For information only. Not professional advice."


class DisclaimerConfig(base.Config):
    """The settings under ``extra.disclaimer``."""

    label = c.Type(str, default=DEFAULT_LABEL)
    """Accessible name of the banner, read out by screen readers."""
    text = c.Type(str, default=DEFAULT_TEXT)
    """The sentence(s) shown on every page."""
    short = c.Type(str, default=DEFAULT_SHORT)
    """One short line shown instead of the text on small screens; a tap on it shows the text."""


def validate_disclaimer(raw: Any) -> dict[str, str]:
    """Return the checked banner settings, or raise ``PluginError`` with one readable message."""
    values, problems = read_text_settings(
        "disclaimer", raw, DisclaimerConfig, "a mapping with 'text' (and optionally 'label' and 'short')"
    )
    stop_on(problems)
    return values


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["disclaimer"] = validate_disclaimer(config.extra.get("disclaimer"))
    add_assets(config, css=ASSETS_CSS)
    return config
