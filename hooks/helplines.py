"""Helplines a site owner lists for their country, shown on the "Get help now" page.

Reads and validates ``extra.helplines`` from ``mkdocs.yml`` in ``on_config`` (an empty list when it
is left out), so a typo stops the build with one clear message instead of showing a broken entry to a
reader who may be in danger. The list itself is rendered by ``overrides/help.html``, the template of
``docs/help.md``.

Each entry is a mapping::

    extra:
      helplines:
        - name: Example Helpline          # required
          phone: "0800 123 456"            # optional: digits, spaces and + - ( ) . only
          url: https://example.org/        # optional: must start with https:// or http://
          hours: Every day, 8am to 8pm     # optional
          text: Free and private support.  # optional: one or two plain sentences

MkDocs events: ``on_config``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from finding_balance.messages import one_line, shorten, shown

log = get_plugin_logger("helplines")

#: Every key an entry may have, in the order they are shown; ``name`` is the only required one.
KEYS: tuple[str, ...] = ("name", "phone", "url", "hours", "text")

_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")
_URL_SCHEMES = ("https://", "http://")


def _kind(value: Any) -> str:
    """What a YAML value is, in the words a site owner would use."""
    if value is None:
        return "empty"
    if isinstance(value, str):
        return "text"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _fail(where: str, problem: str) -> PluginError:
    return PluginError(f"mkdocs.yml: {one_line(where)} {one_line(problem)}.")


def _check_value(where: str, key: str, value: Any) -> str:
    """Return the stripped string value of one key, or raise ``PluginError`` naming what is wrong."""
    if not isinstance(value, str):
        hint = ' (put a phone number in quotes, e.g. "116 123")' if key == "phone" else ""
        raise _fail(where, f"must be text, but it is {_kind(value)}{hint}")
    value = value.strip()
    if not value:
        if key == "name":
            raise _fail(where, "is empty; every helpline needs a name")
        raise _fail(where, "is empty; write a value or leave the key out")
    if key == "phone" and (not _PHONE.match(value) or not any(ch.isdigit() for ch in value)):
        raise _fail(
            where,
            f"is {shown(value)}; use digits, spaces and + - ( ) . only, and put any other words in 'text'",
        )
    if key == "url" and (not value.startswith(_URL_SCHEMES) or any(ch.isspace() for ch in value)):
        raise _fail(where, f"is {shown(value)}; it must be a full web address starting with https://")
    return value


def validate_helplines(raw: Any) -> list[dict[str, str]]:
    """Check ``extra.helplines`` and return it as a list of clean mappings.

    ``None`` (the key left out, or left blank) means no helplines. Each entry must be a mapping with
    a non-empty text ``name``; ``phone``, ``url``, ``hours`` and ``text`` are optional text; no other
    keys are allowed. Values are returned stripped, in the order of ``KEYS``, without missing keys.

    Raises ``PluginError`` with one message naming ``mkdocs.yml``, the key (for example
    ``extra.helplines[2].phone``) and what is wrong.
    """
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise _fail(
            "extra.helplines",
            f"must be a list of helplines (each starting with '- name:'), but it is {_kind(raw)}",
        )
    helplines: list[dict[str, str]] = []
    for index, entry in enumerate(raw):
        where = f"extra.helplines[{index}]"
        if not isinstance(entry, Mapping):
            raise _fail(
                where,
                f"must be a mapping with at least a 'name', but it is {_kind(entry)}",
            )
        unknown = sorted(shorten(str(key), 40) for key in entry if key not in KEYS)
        if unknown:
            raise _fail(
                f"{where}.{unknown[0]}",
                f"is not a known key; use only {', '.join(KEYS)}",
            )
        if "name" not in entry:
            raise _fail(f"{where}.name", "is missing; every helpline needs a name")
        helplines.append({key: _check_value(f"{where}.{key}", key, entry[key]) for key in KEYS if key in entry})
    return helplines


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["helplines"] = validate_helplines(config.extra.get("helplines"))
    log.debug("%d helpline(s) listed for the help page", len(config.extra["helplines"]))
    return config
