"""An edition's ``mkdocs.yml`` read without any engine: folders, address, navigation, ``extra``.

``mkdocs.yml`` (English) and ``mkdocs.<lang>.yml`` (another language, ``INHERIT: mkdocs.yml``) each
describe one edition of the site. The check before the build and the passes over the built site
need a few of their values; this module reads them as MkDocs would: ``INHERIT`` merged (mappings
deeply, anything else replaced), ``!ENV`` resolved, other Python tags kept as their names.

Read by the build command, for Zensical and for ``check``; under MkDocs and ProperDocs the plugin takes
the same values from MkDocs' own config instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from finding_balance.settings import untranslated


class ConfigError(Exception):
    """A config file that cannot be read."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml: ``!ENV`` like MkDocs, ``!!python/name:x`` as the text ``x``. With libyaml
    when PyYAML has it (its wheels do): about ten times faster than the pure-Python reader."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)  # type: ignore[arg-type]
        names, default = values[:-1], values[-1]
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else os.environ[name]
    return default


class PythonTag(str):
    """A ``!!python/...`` value kept as written (``name:material.extensions.emoji.twemoji``), so a
    config written back out for another engine says the same."""


def _python_tag(loader: _Loader, suffix: str, node: yaml.Node) -> PythonTag:
    return PythonTag(suffix)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)


def merge(parent: Any, child: Any) -> Any:
    """``child`` over ``parent``: mappings merged key by key, anything else replaced (as MkDocs does)."""
    if isinstance(parent, Mapping) and isinstance(child, Mapping):
        merged = dict(parent)
        for key, value in child.items():
            merged[key] = merge(parent[key], value) if key in parent else value
        return merged
    return child


def load_config(path: Path) -> dict[str, Any]:
    """The config at ``path`` with its ``INHERIT`` chain merged in."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path.name}: cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name}: must be a mapping of settings")
    parent = data.pop("INHERIT", None)
    if parent:
        data = merge(load_config(path.parent / parent), data)
    return data


def nav_pages(nav: Any) -> list[tuple[str, str]]:
    """The pages of a ``nav:`` in order, as (title, Markdown file); titles may be empty."""
    pages: list[tuple[str, str]] = []
    for item in nav or []:
        if isinstance(item, str):
            pages.append(("", item))
        elif isinstance(item, Mapping):
            for title, value in item.items():
                if isinstance(value, str):
                    pages.append((str(title), value))
                else:
                    pages += nav_pages(value)
    return [(title, page) for title, page in pages if page.endswith(".md") and "://" not in page]


@dataclass(frozen=True)
class Edition:
    """One edition of the site: a config file and what it says."""

    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    language: str
    use_directory_urls: bool = True
    nav: tuple[tuple[str, str], ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    untranslated: tuple[str, ...] = ()
    """Settings of ours this edition inherits from another language's config (see ``settings.untranslated``)."""
    raw: Mapping[str, Any] = field(default_factory=dict)

    def with_site_dir(self, site_dir: Path) -> Edition:
        """The same edition, written to ``site_dir``."""
        return replace(self, site_dir=site_dir)

    @property
    def custom_dir(self) -> Path | None:
        """The site's own theme folder (``theme.custom_dir``), which goes before the package's; none
        when the site changes nothing of it."""
        theme = self.raw.get("theme") if isinstance(self.raw.get("theme"), Mapping) else {}
        custom = theme.get("custom_dir")
        return (self.config_file.parent / str(custom)).resolve() if custom else None


def inherited_settings(config_file: Path) -> tuple[str, ...]:
    """Our settings that ``config_file`` inherits from a config of another language without giving
    its own (``extra.disclaimer.text``, ``extra.helplines``...); empty for a config with no ``INHERIT``."""
    try:
        own = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        return ()
    if not isinstance(own, dict) or not own.get("INHERIT"):
        return ()
    parent = load_config(config_file.parent / own["INHERIT"])
    language = ((own.get("theme") or {}).get("language")) or "en"
    if ((parent.get("theme") or {}).get("language") or "en") == language:
        return ()
    return tuple(untranslated(own.get("extra") or {}, parent.get("extra") or {}, language))


def read_edition(config_file: Path, site_dir: Path | None = None) -> Edition:
    """The edition described by ``config_file``; ``site_dir`` replaces its ``site_dir``."""
    config_file = config_file.resolve()
    data = load_config(config_file)
    base = config_file.parent
    theme = data.get("theme") if isinstance(data.get("theme"), Mapping) else {}
    extra = data.get("extra") if isinstance(data.get("extra"), Mapping) else {}
    return Edition(
        config_file=config_file,
        docs_dir=(base / str(data.get("docs_dir") or "docs")).resolve(),
        site_dir=(site_dir or base / str(data.get("site_dir") or "site")).resolve(),
        site_url=str(data.get("site_url") or ""),
        language=str(theme.get("language") or "en"),
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        nav=tuple(nav_pages(data.get("nav"))),
        extra=extra,
        untranslated=inherited_settings(config_file),
        raw=data,
    )
