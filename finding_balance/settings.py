"""Our settings under ``extra:`` in ``mkdocs.yml``: the readers that check and complete them, free of any engine.

Each group of wording (``extra.disclaimer``, ``extra.quick_exit``, ``extra.quiz``) is a mapping of text
keys with defaults, read from the edition's strings file (``locales/<language>.yml``). A wrong type,
an unknown (misspelt) key or an empty text stops the build with one ``SettingsError`` whose message
names the edition's config file (``naming``: ``mkdocs.es.yml`` for the Spanish edition), the key and
what is wrong.

Each feature names the keys it reads and their reader in its ``feature.py``; the check of the
settings (``finding_balance.check.resolve_extra``) reads them all once a build, under every engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import yaml

from finding_balance.messages import DEFAULT_FILES, kind, one_line, shorten, shown


class SettingsError(Exception):
    """A setting under ``extra:`` that cannot be used. ``problem`` is the message without the file;
    ``in_config``: the mistake is in the edition's config, whose name ``naming`` puts in front (the
    plain message says ``mkdocs.yml``), else ``problem`` names its own file (a strings file, the
    helplines file)."""

    def __init__(self, problem: str, *, in_config: bool = True) -> None:
        self.problem, self.in_config = problem, in_config
        super().__init__(self.naming(DEFAULT_FILES.config))

    def naming(self, config: str) -> str:
        """The message for the edition whose config file is ``config``."""
        return f"{config}: {self.problem}" if self.in_config else self.problem


class EditionSettings(NamedTuple):
    """What a setting's reader may need of its edition besides the value: the edition's language
    (its default wording), the site's name and the folder of its config (where data files are found)."""

    language: str = "en"
    site_name: str = ""
    base: Path | None = None


LOCALES_DIR = Path(__file__).resolve().parent / "locales"
#: The groups of wording each strings file holds; each is a setting under ``extra:``.
GROUPS = ("disclaimer", "quick_exit", "quiz", "words", "copy_link")


#: libyaml's reader when PyYAML has it (its wheels do): strings files are read at every build.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def locale_defaults(language: str) -> dict[str, dict[str, str]]:
    """The wording of ``language`` from its strings file (``locales/<language>.yml``)."""
    path = LOCALES_DIR / f"{language}.yml"
    if not path.is_file():
        raise SettingsError(
            f"theme.language is '{language}', but there is no strings file "
            f"finding_balance/locales/{language}.yml; copy locales/en.yml to it and translate every value."
        )
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    english = data if language == "en" else locale_defaults("en")
    for group in GROUPS:
        missing = sorted(set(english[group]) - set((data or {}).get(group) or {}))
        if missing:
            raise SettingsError(
                f"finding_balance/locales/{language}.yml: {group}.{missing[0]} is missing; every key of en.yml "
                "needs its translation.",
                in_config=False,
            )
    return {group: {key: str(value).strip() for key, value in data[group].items()} for group in GROUPS}


def invalid(where: str, problem: str) -> SettingsError:
    """The error of the setting at ``where`` (``extra.quiz.points``), each on one line."""
    return SettingsError(f"{one_line(where)} {one_line(problem)}.")


def text_settings(
    key: str,
    raw: Any,
    defaults: Mapping[str, str],
    shape: str,
    placeholders: Mapping[str, tuple[str, ...]] | None = None,
) -> dict[str, str]:
    """``extra.<key>``: a mapping of text settings over ``defaults``, stripped and complete.

    ``shape`` says what the value should be when it is not a mapping ("a mapping of quiz wording");
    ``placeholders`` names the marks a value must keep because a script fills them in.
    """
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise invalid(f"extra.{key}", f"must be {shape}, not {kind(raw)}")
    values = dict(defaults)
    for name, value in raw.items():
        where = f"extra.{key}.{shorten(str(name), 40)}"
        if name not in defaults:
            raise invalid(where, f"is not a known setting; use {', '.join(defaults)}")
        if not isinstance(value, str):
            raise invalid(where, f"must be text, not {kind(value)}")
        if not value.strip():
            raise invalid(where, "is empty; write the wording or leave the key out")
        values[name] = value.strip()
    for name, marks in (placeholders or {}).items():
        missing = [mark for mark in marks if mark not in values[name]]
        if missing:
            raise invalid(f"extra.{key}.{name}", f"must contain {' and '.join(missing)}")
    return values


def check_url(url: str) -> str | None:
    """What is wrong with ``url`` as the quick exit's neutral page, or ``None`` when it is fine."""
    if not url or url != url.strip() or any(character.isspace() for character in url):
        return f"must be a full web address without spaces, not {shown(url)}"
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return f"must be a full web address starting with https://, not {shown(url)}"
    if any(character in url for character in "\"'<>`\\"):
        return f"must not contain quotes, angle brackets or backslashes: {shown(url)}"
    return None


#: The same for the wording that the scripts of the counsellors' list and the pack page fill in.
WORDS_PLACEHOLDERS = {
    "filter_shown": ("{shown}", "{total}"),
    "pack_pick": ("{name}",),
    "pack_count": ("{count}",),
    "pack_item_section": ("{page}",),
    "pack_item_quiz": ("{kind}", "{page}"),
    "pack_skipped": ("{count}",),
}


def validate_words(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.words``: the wording of the templates (dates, handouts, help page, counsellors' list,
    packs, the Print button); placeholders the scripts fill must stay."""
    defaults = locale_defaults(language)["words"]
    return text_settings("words", raw, defaults, "a mapping of wording", WORDS_PLACEHOLDERS)


def untranslated(own: Mapping[str, Any], inherited: Mapping[str, Any], language: str) -> list[str]:
    """Settings of ours that a language's config inherits from the config it builds on (another
    language's wording or helplines) instead of giving its own: ``extra.<group>.<key>`` each."""
    found = []
    for group in (*GROUPS, "helplines", "editions", "licence"):
        parent, child = inherited.get(group), own.get(group)
        if group in ("helplines", "editions", "licence"):
            if parent and child is None:
                found.append(f"extra.{group}")
        elif isinstance(parent, Mapping):
            mine = child if isinstance(child, Mapping) else {}
            found += [f"extra.{group}.{key}" for key in parent if key not in mine]
    return found
