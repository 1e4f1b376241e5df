"""Our ``extra:`` settings checked and completed (``finding_balance.settings``): each mistake gives one
message naming the config file, the key and what is wrong. Pure functions, no build.

The messages name the config file through ``config_message``: where an edition's own config is named
instead of ``mkdocs.yml``, that one function changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from finding_balance import settings
from finding_balance.anchors.settings import COPY_LINK_PLACEHOLDERS, validate_copy_link
from finding_balance.check import resolve_extra
from finding_balance.disclaimer.settings import validate_disclaimer, validate_short_name
from finding_balance.handouts.settings import validate_licence
from finding_balance.languages.settings import validate_editions
from finding_balance.quick_exit.settings import validate_quick_exit
from finding_balance.quiz.settings import REQUIRED_PLACEHOLDERS, quiz_wording, scale_labels, validate_quiz_strings
from finding_balance.settings import (
    GROUPS,
    WORDS_PLACEHOLDERS,
    SettingsError,
    check_url,
    locale_defaults,
    text_settings,
    untranslated,
    validate_words,
)

CONFIG = "mkdocs.yml"
#: The strings files' folder as messages name it (the made-up languages' files do not exist).
LOCALES = "finding_balance/locales"


def config_message(text: str) -> str:
    """A settings message as an author sees it: the config file, then ``text``."""
    return f"{CONFIG}: {text}"


def refused(check: Any, *arguments: Any) -> str:
    with pytest.raises(SettingsError) as caught:
        check(*arguments)
    return str(caught.value)


# ---------------------------------------------------------------------------------------------------
# The strings files


def test_the_english_defaults_are_read_stripped_group_by_group() -> None:
    english = locale_defaults("en")
    assert set(english) == set(GROUPS)
    assert english["disclaimer"]["label"] == "Disclaimer"
    assert english["disclaimer"]["short"] == "For information only. Not professional advice."
    assert english["quick_exit"]["url"] == "https://www.bbc.co.uk/weather"
    assert all(value == value.strip() and value for group in english.values() for value in group.values())


def test_another_language_has_every_english_key_in_its_own_words() -> None:
    spanish, english = locale_defaults("es"), locale_defaults("en")
    for group in GROUPS:
        assert set(spanish[group]) >= set(english[group])
    assert spanish["disclaimer"]["label"] != english["disclaimer"]["label"]


def test_a_language_without_a_strings_file_is_named() -> None:
    assert refused(locale_defaults, "xx") == config_message(
        f"theme.language is 'xx', but there is no strings file {LOCALES}/xx.yml; "
        "copy locales/en.yml to it and translate every value."
    )


def test_a_strings_file_missing_a_key_names_the_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    english = (settings.LOCALES_DIR / "en.yml").read_text(encoding="utf-8")
    (tmp_path / "en.yml").write_text(english, encoding="utf-8")
    (tmp_path / "zz.yml").write_text(english.replace("  label: Disclaimer\n", ""), encoding="utf-8")
    (tmp_path / "zy.yml").write_text("disclaimer:\n  label: x\n", encoding="utf-8")
    monkeypatch.setattr(settings, "LOCALES_DIR", tmp_path)
    locale_defaults.cache_clear()
    try:
        assert refused(locale_defaults, "zz") == (
            f"{LOCALES}/zz.yml: disclaimer.label is missing; every key of en.yml needs its translation."
        )
        assert refused(locale_defaults, "zy").startswith(f"{LOCALES}/zy.yml: disclaimer.short is missing")
    finally:
        locale_defaults.cache_clear()


# ---------------------------------------------------------------------------------------------------
# Groups of wording


def test_text_settings_fill_in_defaults_and_strip() -> None:
    defaults = {"a": "A", "b": "B {x}"}
    assert text_settings("k", None, defaults, "a mapping") == defaults
    assert text_settings("k", {"a": "  new  "}, defaults, "a mapping") == {"a": "new", "b": "B {x}"}
    assert text_settings("k", {"b": "kept {x}"}, defaults, "a mapping", {"b": ("{x}",)})["b"] == "kept {x}"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (["a"], "extra.k must be a mapping of things, not a list."),
        ("text", "extra.k must be a mapping of things, not text."),
        ({"c": "x"}, "extra.k.c is not a known setting; use a, b."),
        ({"a": 3}, "extra.k.a must be text, not a number."),
        ({"a": None}, "extra.k.a must be text, not nothing."),
        ({"a": "  "}, "extra.k.a is empty; write the wording or leave the key out."),
        ({"b": "no mark"}, "extra.k.b must contain {x} and {y}."),
        ({"b": "only {y}"}, "extra.k.b must contain {x}."),
        (
            {"line\nbreak" * 10: "x"},
            "extra.k.line\\nbreakline\\nbreakline\\nbreakline\\n… is not a known setting; use a, b.",
        ),
    ],
)
def test_text_settings_refuse(raw: Any, message: str) -> None:
    found = refused(text_settings, "k", raw, {"a": "A", "b": "B {x} {y}"}, "a mapping of things", {"b": ("{x}", "{y}")})
    assert found == config_message(message)


@pytest.mark.parametrize(
    ("check", "key", "shape"),
    [
        (validate_disclaimer, "disclaimer", "a mapping with 'text' (and optionally 'label' and 'short')"),
        (validate_copy_link, "copy_link", "a mapping of button wording"),
        (validate_quick_exit, "quick_exit", "a mapping (at least 'url: https://...')"),
        (validate_quiz_strings, "quiz", "a mapping of quiz wording"),
        (validate_words, "words", "a mapping of wording"),
    ],
)
def test_each_group_names_its_key_and_shape(check: Any, key: str, shape: str) -> None:
    assert refused(check, "just text") == config_message(f"extra.{key} must be {shape}, not text.")
    assert check(None) == locale_defaults("en")[key]
    assert check(None, "es") == locale_defaults("es")[key]


@pytest.mark.parametrize(
    ("check", "key", "placeholders"),
    [
        (validate_quiz_strings, "quiz", REQUIRED_PLACEHOLDERS),
        (validate_copy_link, "copy_link", COPY_LINK_PLACEHOLDERS),
        (validate_words, "words", WORDS_PLACEHOLDERS),
    ],
)
def test_every_placeholder_a_script_fills_must_stay(check: Any, key: str, placeholders: dict) -> None:
    for name, marks in placeholders.items():
        assert refused(check, {name: "no marks"}) == config_message(
            f"extra.{key}.{name} must contain {' and '.join(marks)}."
        )


def test_the_placeholders_are_the_ones_the_scripts_fill() -> None:
    assert REQUIRED_PLACEHOLDERS == {
        "points": ("{points}",),
        "your_score": ("{score}", "{max}"),
        "unanswered": ("{count}",),
        "choice_summary": ("{best}", "{total}"),
        "choice_unanswered": ("{count}",),
    }
    assert COPY_LINK_PLACEHOLDERS == {
        "section": ("{name}",),
        "quiz": ("{name}",),
        "item": ("{name}",),
        "announce_copied": ("{name}",),
        "announce_failed": ("{address}",),
    }
    assert WORDS_PLACEHOLDERS == {
        "filter_shown": ("{shown}", "{total}"),
        "pack_pick": ("{name}",),
        "pack_count": ("{count}",),
        "pack_item_section": ("{page}",),
        "pack_item_quiz": ("{kind}", "{page}"),
        "pack_skipped": ("{count}",),
    }


def test_the_quiz_wording_in_the_page_language() -> None:
    spanish = validate_quiz_strings(None, "es")
    assert quiz_wording({"language": "es", "quiz": {"see_result": "Mine"}}, "es") == {"see_result": "Mine"}
    assert quiz_wording({"language": "en", "quiz": {"see_result": "Mine"}}, "es") == {
        **spanish,
        "see_result": "Mine",
    }
    assert quiz_wording(None, "es") == spanish
    assert refused(quiz_wording, {"language": "es", "quiz": "x"}, "es") == config_message(
        "extra.quiz must be a mapping of quiz wording, not text."
    )


def test_scale_labels_split_on_bars() -> None:
    assert scale_labels({"default_scale": " Never| Rarely |Often "}) == ("Never", "Rarely", "Often")
    assert scale_labels(validate_quiz_strings(None)) == ("Never", "Rarely", "Sometimes", "Often", "Always")


# ---------------------------------------------------------------------------------------------------
# Single settings


def test_short_name() -> None:
    assert validate_short_name(None, "Finding Balance") is None
    assert validate_short_name("  Balance ", "Finding Balance") == "Balance"
    assert refused(validate_short_name, 3, "Finding Balance") == config_message(
        "extra.short_name must be text, not a number."
    )
    assert refused(validate_short_name, " ", "Finding Balance") == config_message(
        "extra.short_name is empty; write a short name or leave the key out."
    )
    assert refused(validate_short_name, "Finding Balanced", " Finding Balance ") == config_message(
        "extra.short_name 'Finding Balanced' is not shorter than site_name ' Finding Balance '; it is shown in "
        "place of the site name on small screens."
    )
    assert refused(validate_short_name, "Finding Balance", "Finding Balance").startswith(
        config_message("extra.short_name 'Finding Balance' is not shorter")
    )
    assert validate_short_name("Finding Balanc", "Finding Balance") == "Finding Balanc"


def test_licence() -> None:
    assert validate_licence(None) is None
    assert validate_licence("  CC BY-SA\n 4.0  ") == "CC BY-SA 4.0"
    assert refused(validate_licence, ["x"]) == config_message("extra.licence must be text, not a list.")
    assert refused(validate_licence, " \n ") == config_message(
        "extra.licence is empty; write the line or leave the key out."
    )


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.org/", None),
        ("http://example.org/a?b=c", None),
        ("", "must be a full web address without spaces, not ''"),
        (" https://example.org/", "must be a full web address without spaces, not ' https://example.org/'"),
        ("https://example.org/ x", "must be a full web address without spaces, not 'https://example.org/ x'"),
        ("https://exa\tmple.org/", "must be a full web address without spaces, not 'https://exa\\tmple.org/'"),
        ("ftp://example.org/", "must be a full web address starting with https://, not 'ftp://example.org/'"),
        ("https:///path", "must be a full web address starting with https://, not 'https:///path'"),
        ("example.org", "must be a full web address starting with https://, not 'example.org'"),
        ('https://e.org/"', "must not contain quotes, angle brackets or backslashes: 'https://e.org/\"'"),
        ("https://e.org/'", "must not contain quotes, angle brackets or backslashes: 'https://e.org/''"),
        ("https://e.org/<", "must not contain quotes, angle brackets or backslashes: 'https://e.org/<'"),
        ("https://e.org/>", "must not contain quotes, angle brackets or backslashes: 'https://e.org/>'"),
        ("https://e.org/`", "must not contain quotes, angle brackets or backslashes: 'https://e.org/`'"),
        ("https://e.org/\\", "must not contain quotes, angle brackets or backslashes: 'https://e.org/\\'"),
    ],
)
def test_web_addresses(url: str, problem: str | None) -> None:
    assert check_url(url) == problem


def test_the_quick_exit_address_is_checked_as_written() -> None:
    assert validate_quick_exit({"url": "https://example.org/"})["url"] == "https://example.org/"
    assert validate_quick_exit({"label": "Go"})["url"] == "https://www.bbc.co.uk/weather"
    assert refused(validate_quick_exit, {"url": "https://example.org/ "}) == config_message(
        "extra.quick_exit.url must be a full web address without spaces, not 'https://example.org/ '."
    )
    assert refused(validate_quick_exit, {"url": "javascript:alert(1)"}) == config_message(
        "extra.quick_exit.url must be a full web address starting with https://, not 'javascript:alert(1)'."
    )
    # Not an address to check: the wording's own checks speak instead.
    assert refused(validate_quick_exit, {"url": "  "}) == config_message(
        "extra.quick_exit.url is empty; write the wording or leave the key out."
    )
    assert refused(validate_quick_exit, {"url": 7}) == config_message(
        "extra.quick_exit.url must be text, not a number."
    )


# ---------------------------------------------------------------------------------------------------
# Editions


EDITION = {"language": "es", "label": "En español", "url": "https://example.org/es/"}


def test_editions_are_read() -> None:
    assert validate_editions(None) == []
    assert validate_editions([{**EDITION, "label": " En español "}]) == [{**EDITION, "default": False}]
    assert validate_editions([{**EDITION, "language": "pt-BR", "default": True}]) == [
        {**EDITION, "language": "pt-BR", "default": True}
    ]
    assert validate_editions([{**EDITION, "url": " https://example.org/es/ "}])[0]["url"] == "https://example.org/es/"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"language": "es"},
            "extra.editions must be a list of editions (each starting with '- language:'), not a mapping.",
        ),
        (["es"], "extra.editions[0] must be a mapping with language, label and url, not text."),
        (
            [EDITION, {**EDITION, "lang": "x"}],
            "extra.editions[1].lang is not a known key; use only language, label, url, default.",
        ),
        (
            [{**EDITION, "zz": 1, "aa": 2}],
            "extra.editions[0].aa is not a known key; use only language, label, url, default.",
        ),
        ([{"label": "x", "url": "https://e.org/"}], "extra.editions[0].language must be text, not missing."),
        ([{**EDITION, "label": 3}], "extra.editions[0].label must be text, not a number."),
        ([{**EDITION, "url": " "}], "extra.editions[0].url must be text, not text."),
        (
            [{**EDITION, "language": "Spanish"}],
            "extra.editions[0].language is 'Spanish'; use a language code such as 'es'.",
        ),
        ([{**EDITION, "language": "e"}], "extra.editions[0].language is 'e'; use a language code such as 'es'."),
        (
            [{**EDITION, "url": "https://example.org/es"}],
            "extra.editions[0].url must end with '/', like the edition's site_url: 'https://example.org/es'.",
        ),
        (
            [{**EDITION, "url": "example.org/es/"}],
            "extra.editions[0].url must be a full web address starting with https://, not 'example.org/es/'.",
        ),
        ([{**EDITION, "default": "yes"}], "extra.editions[0].default must be true or false, not text."),
    ],
)
def test_editions_refused(raw: Any, message: str) -> None:
    assert refused(validate_editions, raw) == config_message(message)


# ---------------------------------------------------------------------------------------------------
# Inherited settings and the whole of extra


def test_settings_a_language_inherits_instead_of_giving_its_own() -> None:
    inherited = {
        "disclaimer": {"label": "Disclaimer", "text": "T"},
        "quiz": "not a mapping",
        "helplines": "helplines/en.yml",
        "editions": [EDITION],
        "licence": "",
    }
    own = {"disclaimer": {"text": "Texto"}}
    assert untranslated(own, inherited, "es") == [
        "extra.disclaimer.label",
        "extra.helplines",
        "extra.editions",
    ]
    assert untranslated({**own, "disclaimer": "x"}, inherited, "es")[:2] == [
        "extra.disclaimer.label",
        "extra.disclaimer.text",
    ]
    complete = {"disclaimer": {"label": "A", "text": "B"}, "helplines": "", "editions": []}
    assert untranslated(complete, inherited, "es") == []
    assert untranslated({}, {}, "es") == []


def test_resolve_extra_fills_every_group_in_the_language() -> None:
    resolved = resolve_extra({"short_name": "FB"}, "es", "Finding Balance")
    assert resolved == {
        "disclaimer": locale_defaults("es")["disclaimer"],
        "quick_exit": locale_defaults("es")["quick_exit"],
        "helplines": [],
        "quiz": locale_defaults("es")["quiz"],
        "words": locale_defaults("es")["words"],
        "editions": [],
        "copy_link": locale_defaults("es")["copy_link"],
        "short_name": "FB",
        "licence": None,
        "language": "es",
    }
    assert resolve_extra({})["language"] == "en"
    # Without a site name, the short name is held to this site's.
    assert resolve_extra({"short_name": "Finding Balanc"})["short_name"] == "Finding Balanc"
    assert refused(resolve_extra, {"short_name": "Finding Balance"}).startswith(
        config_message("extra.short_name 'Finding Balance' is not shorter than site_name 'Finding Balance'")
    )


def test_resolve_extra_reads_each_setting_from_its_own_key() -> None:
    extra = {
        "disclaimer": {"label": "D"},
        "quick_exit": {"label": "Q"},
        "quiz": {"see_result": "S"},
        "words": {"last_reviewed": "P"},
        "copy_link": {"copied": "C"},
        "editions": [EDITION],
        "licence": "L",
    }
    resolved = resolve_extra(extra, "en", "Finding Balance")
    assert resolved["disclaimer"]["label"] == "D"
    assert resolved["quick_exit"]["label"] == "Q"
    assert resolved["quiz"]["see_result"] == "S"
    assert resolved["words"]["last_reviewed"] == "P"
    assert resolved["copy_link"]["copied"] == "C"
    assert resolved["editions"][0]["language"] == "es"
    assert resolved["licence"] == "L"
    assert resolved["short_name"] is None


def test_resolve_extra_reads_the_helplines_file_against_the_config_folder(tmp_path: Path) -> None:
    assert refused(resolve_extra, {"helplines": "missing.yml"}, "en", "", tmp_path) == config_message(
        "extra.helplines names 'missing.yml', which cannot be read"
    )
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    assert refused(resolve_extra, {"helplines": "empty.yml"}, "en", "", tmp_path) == (
        "empty.yml:1: the file is empty; it needs 'countries:' with at least one country"
    )


def test_more_of_what_a_web_address_and_an_edition_may_hold() -> None:
    assert check_url("https://eXample.org/X") is None
    long_key = "k" * 50
    assert refused(validate_editions, [{**EDITION, long_key: 1}]) == config_message(
        f"extra.editions[0].{'k' * 39}… is not a known key; use only language, label, url, default."
    )


def test_every_inherited_group_is_named() -> None:
    inherited = {"disclaimer": {"label": "A", "text": "B"}, "quiz": {"see_result": "S"}, "licence": "CC BY-SA 4.0"}
    assert untranslated({"disclaimer": "label text"}, inherited, "es") == [
        "extra.disclaimer.label",
        "extra.disclaimer.text",
        "extra.quiz.see_result",
        "extra.licence",
    ]
    assert untranslated({"licence": "CC BY-SA 4.0 (es)"}, {"licence": "CC BY-SA 4.0"}, "es") == []


def test_a_helplines_message_names_the_editions_config_or_the_data_file(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        resolve_extra({"helplines": "missing.yml"}, "es", "", tmp_path)
    assert (
        caught.value.naming("mkdocs.es.yml")
        == "mkdocs.es.yml: extra.helplines names 'missing.yml', which cannot be read"
    )
    (tmp_path / "empty.yml").write_text("", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        resolve_extra({"helplines": "empty.yml"}, "es", "", tmp_path)
    assert caught.value.naming("mkdocs.es.yml") == (
        "empty.yml:1: the file is empty; it needs 'countries:' with at least one country"
    )
