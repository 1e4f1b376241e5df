"""What our hooks share for mkdocs.yml: checking settings under ``extra:`` and adding static files.

A hook has no config schema of its own, so each hook that reads text settings from ``extra.<key>``
describes them as a ``mkdocs.config.base.Config`` subclass of text options and checks them here:
wrong types, unknown (misspelt) keys and empty values all become one readable ``PluginError``.
Not a hook itself: no MkDocs events.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from finding_balance.messages import one_line, shorten


def read_text_settings(key: str, raw: Any, schema: type[base.Config], shape: str) -> tuple[dict[str, str], list[str]]:
    """Check ``extra.<key>`` against ``schema`` (text options with defaults).

    Returns the values, stripped and with defaults filled in, and the problems found. A value that is
    not a mapping at all stops at once; ``shape`` says what it should be ("a mapping of ...").
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PluginError(f"mkdocs.yml: extra.{key} must be {shape}, not {type(raw).__name__}.")
    settings = schema(config_file_path="mkdocs.yml")
    settings.load_dict(raw)
    failed, warnings = settings.validate()
    problems = [
        f"extra.{key}.{shorten(str(name), 40)}: {shorten(str(message), 200)}" for name, message in [*failed, *warnings]
    ]
    if failed:
        return {}, problems
    values = {name: str(settings[name]).strip() for name, _ in schema._schema}
    problems += [
        f"extra.{key}.{name} is empty; write the wording or leave the key out"
        for name, value in values.items()
        if not value
    ]
    return values, problems


def stop_on(problems: list[str]) -> None:
    """Raise one ``PluginError`` listing every problem, if there is any."""
    if problems:
        raise PluginError("mkdocs.yml: " + one_line("; ".join(problems)) + ".")


def add_assets(config: MkDocsConfig, *, css: str | None = None, js: str | None = None) -> None:
    """Load a stylesheet and/or script of ``docs/assets/`` on every page, once."""
    if css and css not in config.extra_css:
        config.extra_css.append(css)
    if js and js not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(js)
