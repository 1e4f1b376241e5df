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

import re
from collections.abc import Iterator, Mapping
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


#: Placeholders a translated string must keep, or the script would show a broken sentence.
REQUIRED_PLACEHOLDERS = {
    "points": ("{points}",),
    "your_score": ("{score}", "{max}"),
    "unanswered": ("{count}",),
    "choice_summary": ("{best}", "{total}"),
    "choice_unanswered": ("{count}",),
}
#: The same for the "Copy link" wording (``extra.copy_link``).
COPY_LINK_PLACEHOLDERS = {
    "section": ("{name}",),
    "quiz": ("{name}",),
    "item": ("{name}",),
    "announce_copied": ("{name}",),
    "announce_failed": ("{address}",),
}


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


def _fail(where: str, problem: str) -> SettingsError:
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
        raise _fail(f"extra.{key}", f"must be {shape}, not {kind(raw)}")
    values = dict(defaults)
    for name, value in raw.items():
        where = f"extra.{key}.{shorten(str(name), 40)}"
        if name not in defaults:
            raise _fail(where, f"is not a known setting; use {', '.join(defaults)}")
        if not isinstance(value, str):
            raise _fail(where, f"must be text, not {kind(value)}")
        if not value.strip():
            raise _fail(where, "is empty; write the wording or leave the key out")
        values[name] = value.strip()
    for name, marks in (placeholders or {}).items():
        missing = [mark for mark in marks if mark not in values[name]]
        if missing:
            raise _fail(f"extra.{key}.{name}", f"must contain {' and '.join(missing)}")
    return values


def validate_disclaimer(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.disclaimer``: the banner's ``label``, ``text`` and ``short`` line (small screens)."""
    defaults = locale_defaults(language)["disclaimer"]
    return text_settings("disclaimer", raw, defaults, "a mapping with 'text' (and optionally 'label' and 'short')")


def validate_copy_link(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.copy_link``: the wording of the "Copy link" buttons; placeholders must stay."""
    defaults = locale_defaults(language)["copy_link"]
    return text_settings("copy_link", raw, defaults, "a mapping of button wording", COPY_LINK_PLACEHOLDERS)


def validate_short_name(raw: Any, site_name: str) -> str | None:
    """``extra.short_name``: the site's name on small screens, shorter than ``site_name`` (optional)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise _fail("extra.short_name", f"must be text, not {kind(raw)}")
    name = raw.strip()
    if not name:
        raise _fail("extra.short_name", "is empty; write a short name or leave the key out")
    if len(name) >= len(site_name.strip()):
        raise _fail(
            "extra.short_name",
            f"{shown(name)} is not shorter than site_name {shown(site_name)}; it is shown in place of the "
            "site name on small screens",
        )
    return name


def quiz_wording(extra: Mapping[str, Any] | None, language: str) -> dict[str, str]:
    """The quiz wording a page is converted with. Under every engine the settings were checked and
    completed once for the build (``finding_balance.check.resolve_extra``, whose result carries the
    ``language``), so the wording is taken as it is; a page converted outside any engine (a plain
    ``markdown.markdown()`` call) has its wording checked here."""
    extra = extra or {}
    wording = extra.get("quiz")
    if extra.get("language") == language and isinstance(wording, Mapping):
        return dict(wording)
    return validate_quiz_strings(wording, language)


def validate_licence(raw: Any) -> str | None:
    """``extra.licence``: one line on every printed page saying how readers may share the pages
    (optional: a site states its own content's licence)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise _fail("extra.licence", f"must be text, not {kind(raw)}")
    line = " ".join(raw.split())
    if not line:
        raise _fail("extra.licence", "is empty; write the line or leave the key out")
    return line


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


def validate_quick_exit(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.quick_exit``: the neutral page's address and the button's wording."""
    if isinstance(raw, Mapping) and isinstance(raw.get("url"), str) and raw["url"] and raw["url"].strip():
        # Checked as written: a space around the address is a mistake, not something to strip.
        problem = check_url(raw["url"])
        if problem:
            raise _fail("extra.quick_exit.url", problem)
    defaults = locale_defaults(language)["quick_exit"]
    return text_settings("quick_exit", raw, defaults, "a mapping (at least 'url: https://...')")


def validate_quiz_strings(raw: Any, language: str = "en") -> dict[str, str]:
    """``extra.quiz``: the quiz wording over the defaults; placeholders the script fills must stay."""
    defaults = locale_defaults(language)["quiz"]
    return text_settings("quiz", raw, defaults, "a mapping of quiz wording", REQUIRED_PLACEHOLDERS)


def scale_labels(strings: Mapping[str, str]) -> tuple[str, ...]:
    """The default answer labels of a scale quiz, from the quiz wording (``default_scale``, ``|`` between)."""
    return tuple(label.strip() for label in strings["default_scale"].split("|"))


def _entries(
    raw: Any, setting: str, keys: tuple[str, ...], not_a_list: str, not_a_mapping: str
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each entry of a setting that is a list of mappings with known keys, with where it is
    (``extra.helplines[0]``); the first one that is not stops the build. The two messages name what
    the setting or an entry is instead, as ``{kind}``."""
    if not isinstance(raw, list):
        raise _fail(setting, not_a_list.format(kind=kind(raw)))
    for index, entry in enumerate(raw):
        where = f"{setting}[{index}]"
        if not isinstance(entry, Mapping):
            raise _fail(where, not_a_mapping.format(kind=kind(entry)))
        unknown = sorted(shorten(str(key), 40) for key in entry if key not in keys)
        if unknown:
            raise _fail(f"{where}.{unknown[0]}", f"is not a known key; use only {', '.join(keys)}")
        yield where, entry


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


_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
EDITION_KEYS = ("language", "label", "url", "default")


def validate_editions(raw: Any) -> list[dict[str, Any]]:
    """``extra.editions``: the site's other editions, for the language link and hreflang links.

    Each is ``language`` (its code, as in its ``theme.language``), ``label`` (the link's words, in
    that language), ``url`` (the edition's address, ending in ``/``) and optionally ``default: true``
    for the main edition (``x-default``).
    """
    if raw is None:
        return []
    editions = []
    for where, entry in _entries(
        raw,
        "extra.editions",
        EDITION_KEYS,
        "must be a list of editions (each starting with '- language:'), not {kind}",
        "must be a mapping with language, label and url, not {kind}",
    ):
        for key in ("language", "label", "url"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise _fail(f"{where}.{key}", f"must be text, not {kind(value) if value is not None else 'missing'}")
        if not _LANGUAGE.match(entry["language"]):
            raise _fail(f"{where}.language", f"is {shown(entry['language'])}; use a language code such as 'es'")
        url = entry["url"].strip()
        problem = check_url(url)
        if problem or not url.endswith("/"):
            raise _fail(f"{where}.url", problem or f"must end with '/', like the edition's site_url: {shown(url)}")
        if not isinstance(entry.get("default", False), bool):
            raise _fail(f"{where}.default", f"must be true or false, not {kind(entry['default'])}")
        label, default = entry["label"].strip(), entry.get("default", False)
        editions.append({"language": entry["language"], "label": label, "url": url, "default": default})
    return editions


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
