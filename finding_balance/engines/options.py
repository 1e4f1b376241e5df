"""The plugin's own options, declared with MkDocs' ``config_options`` as Material's plugins do::

    plugins:
      - finding-balance:
          cache_dir: .cache/finding-balance   # the build cache, relative to the config's folder
          second_core_at: 40                  # pages from which the finishing runs on a second core
          one_process: false                  # true: never start the helper process

Only how the build runs is set here; what readers see (wording, helplines, editions) stays under
``extra:``, which every engine reads, Zensical included. MkDocs and ProperDocs check these options
when they load the plugin (``FindingBalanceConfig``): a wrong value stops the build with one line
naming the config file and the option (``wrong_values``). Zensical runs no plugin, so the build
command reads the same entry of the edition's config (``options_of``) for the one option that
applies there, the cache folder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from finding_balance.json_cache import CACHE_FOLDER
from finding_balance.messages import DEFAULT_FILES, kind, shown
from finding_balance.site.parallel import AT_LEAST

#: The plugin's name under ``plugins:`` (the entry point in ``pyproject.toml``).
PLUGIN_NAME = "finding-balance"


class _PageCount(c.BaseConfigOption[int]):
    """A whole number of pages, 1 or more (``true`` is not a number here, though Python says so)."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise base.ValidationError(f"must be a whole number of pages, 1 or more, not {shown(value)}")
        return value


class _Text(c.BaseConfigOption[str]):
    """Text that is not empty."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str):
            raise base.ValidationError(f"must be the path of a folder, not {kind(value)}")
        if not value.strip():
            raise base.ValidationError("is empty; write the path of a folder or leave the option out")
        return value.strip()


class _Switch(c.BaseConfigOption[bool]):
    """``true`` or ``false``."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise base.ValidationError(f"must be true or false, not {shown(value)}")
        return value


class FindingBalanceConfig(base.Config):
    """The options of ``plugins: - finding-balance:``, with their defaults."""

    cache_dir = _Text(CACHE_FOLDER.as_posix())
    """The build cache (QR codes, quizzes), relative to the edition's config folder."""
    second_core_at = _PageCount(AT_LEAST)
    """A site of this many pages or more is finished on a second core, when the machine has one."""
    one_process = _Switch(False)
    """Never start the helper process (``FINDING_BALANCE_ONE_PROCESS=1`` does the same)."""


def wrong_values(errors: Sequence[tuple[str, Exception]], config_file: str | None) -> list[tuple[str, Exception]]:
    """MkDocs' errors of our options, each naming the config file and the option in full:
    ``mkdocs.es.yml: plugins.finding-balance.second_core_at must be ...``."""
    config = Path(config_file).name if config_file else DEFAULT_FILES.config
    return [(key, base.ValidationError(f"{config}: plugins.{PLUGIN_NAME}.{key} {error}")) for key, error in errors]


def options_of(raw: Mapping[str, Any], config_file: Path) -> FindingBalanceConfig:
    """The plugin's options as an edition's config gives them (``raw``: the config read, its
    ``INHERIT`` merged), checked as MkDocs would; raises ``ValueError`` with the message of the
    first wrong value."""
    given: Any = {}
    for entry in raw.get("plugins") or []:
        if isinstance(entry, Mapping) and PLUGIN_NAME in entry:
            given = entry[PLUGIN_NAME] or {}
    options = FindingBalanceConfig(config_file_path=str(config_file))
    if not isinstance(given, Mapping):
        raise ValueError(f"{config_file.name}: plugins.{PLUGIN_NAME} must be a mapping of options, not {kind(given)}")
    options.load_dict(dict(given))
    errors, warnings = options.validate()
    wrong = wrong_values(errors, str(config_file))
    if wrong:
        raise ValueError(str(wrong[0][1]))
    for key, _ in warnings:  # MkDocs warns of an unknown option, and --strict stops there
        raise ValueError(f"{config_file.name}: plugins.{PLUGIN_NAME}.{key} is not an option of the plugin")
    return options
