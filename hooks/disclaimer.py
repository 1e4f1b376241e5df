"""Disclaimer banner on every page of the site, the 404 page included.

Reads and validates ``extra.disclaimer`` from ``mkdocs.yml`` in ``on_config`` (filling in the default
wording when it is left out); the banner itself is markup in ``overrides/main.html`` (the theme's
``announce`` block), so every template that extends ``main.html`` carries it.

MkDocs events: ``on_config``.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

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
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PluginError(
            f"mkdocs.yml: extra.disclaimer must be a mapping with 'text' (and optionally 'label'), "
            f"not {type(raw).__name__}."
        )
    settings = DisclaimerConfig(config_file_path="mkdocs.yml")
    settings.load_dict(raw)
    failed, warnings = settings.validate()
    problems = [f"extra.disclaimer.{key}: {error}" for key, error in failed]
    problems += [f"extra.disclaimer.{key}: {warning}" for key, warning in warnings]
    for key in ("label", "text"):
        if not failed and not settings[key].strip():
            problems.append(f"extra.disclaimer.{key} is empty; write the wording or leave the key out")
    if problems:
        raise PluginError("mkdocs.yml: " + "; ".join(problems) + ".")
    return {"label": settings.label.strip(), "text": settings.text.strip()}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["disclaimer"] = validate_disclaimer(config.extra.get("disclaimer"))
    return config
