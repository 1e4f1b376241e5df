"""The site name in the header band, readable in full on a phone beside "Leave this site".

The header is the theme's (``overrides/partials/header.html`` adds one thing, see below). On small
screens ``assets/header.css`` lets the site name take two lines rather than be cut short. A name too
long even for that can have a short form for screens narrower than 600 px, ``extra.short_name``
(optional; without it the full name is shown everywhere)::

    extra:
      short_name: Balance   # shorter than site_name; shown in the header on small screens only

This module checks that setting and adds the stylesheet.

MkDocs events: ``on_config``.
"""

from __future__ import annotations

from typing import Any

from hook_config import add_assets
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ASSETS_CSS = "assets/header.css"


def validate_short_name(raw: Any, site_name: str) -> str | None:
    """The checked short name (``None`` when it is not set), or a ``PluginError`` with one message."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise PluginError(f"mkdocs.yml: extra.short_name must be text, not {type(raw).__name__}.")
    name = raw.strip()
    if not name:
        raise PluginError("mkdocs.yml: extra.short_name is empty; write a short name or leave the key out.")
    if len(name) >= len(site_name.strip()):
        raise PluginError(
            f"mkdocs.yml: extra.short_name {name!r} is not shorter than site_name {site_name!r}; "
            "it is shown in place of the site name on small screens."
        )
    return name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["short_name"] = validate_short_name(config.extra.get("short_name"), config.site_name)
    add_assets(config, css=ASSETS_CSS)
    return config
