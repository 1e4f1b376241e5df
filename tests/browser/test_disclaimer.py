"""The disclaimer banner: on every built page, configurable, validated, printed, not indexed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import BuiltSite
from playwright.sync_api import Page, expect
from support.sitebuild import PROJECT_ROOT, build_variant

from finding_balance.disclaimer.settings import validate_disclaimer
from finding_balance.gates.pages import redirect_target
from finding_balance.settings import SettingsError, locale_defaults


class _IgnoreTagsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving MkDocs' own tags (``!ENV`` and friends)."""


_IgnoreTagsLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
# ``!!python/name:`` (the emoji extension's settings) expands to this prefix.
_IgnoreTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def configured_text() -> str:
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader)
    return " ".join(config["extra"]["disclaimer"]["text"].split())


def banners(html_file: Path) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return [" ".join(element.get_text(" ").split()) for element in soup.select(".fb-disclaimer")]


def full_texts(html_file: Path) -> list[str]:
    """The full text of each banner (on small screens the short line stands in front of it)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return [" ".join(element.get_text(" ").split()) for element in soup.select(".fb-disclaimer .fb-disclaimer__text")]


def test_every_html_file_has_exactly_one_banner_with_the_configured_text(built_site: BuiltSite) -> None:
    html_files = built_site.html_files()
    assert (built_site.directory / "404.html") in html_files
    assert len(html_files) >= 2
    expected = configured_text()
    for html_file in html_files:
        if redirect_target(html_file.read_text(encoding="utf-8")) is not None:
            # A redirect page of mkdocs-redirects (a page that moved) is replaced by its target at
            # once, before anyone can read it; the target is one of the pages checked here.
            continue
        found = banners(html_file)
        assert len(found) == 1, f"{html_file.name}: {len(found)} banners"
        assert found[0].endswith(expected), f"{html_file.name}: {found[0]!r}"
        assert full_texts(html_file) == [f"Disclaimer: {expected}"], html_file.name


def test_banner_is_a_labelled_note_outside_the_article(built_site: BuiltSite) -> None:
    soup = built_site.soup("index.html")
    banner = soup.select_one(".fb-disclaimer")
    assert banner is not None
    assert banner["role"] == "note"
    assert banner["aria-label"] == "Disclaimer"
    assert banner.find_parent("article") is None
    assert banner.find("button") is None, "the banner must not be dismissible"


def test_banner_is_not_indexed_by_search(built_site: BuiltSite) -> None:
    index = json.loads((built_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"], "the search index is empty"
    distinctive = configured_text()[:60]
    assert not [doc["location"] for doc in index["docs"] if distinctive in doc["text"]]


def test_a_different_configured_text_is_shown(tmp_path: Path) -> None:
    wording = "Test wording: read this site as general information, nothing more."
    result, site = build_variant(
        tmp_path,
        config_overrides=(
            f"extra:\n  disclaimer:\n    label: Please note\n    text: '{wording}'\n    short: General information.\n"
        ),
    )
    assert result.returncode == 0, result.stderr
    for html_file in sorted(site.rglob("*.html")):
        assert full_texts(html_file) == [f"Please note: {wording}"], html_file.name
        assert banners(html_file) == [f"General information. Please note: {wording}"], html_file.name


DEFAULT_TEXT = locale_defaults("en")["disclaimer"]["text"]
DEFAULT_SHORT = locale_defaults("en")["disclaimer"]["short"]


@pytest.mark.parametrize(
    ("disclaimer_yaml", "message"),
    [
        ("disclaimer:\n    text: ''", "extra.disclaimer.text is empty"),
        ("disclaimer:\n    text: '   '", "extra.disclaimer.text is empty"),
        ("disclaimer:\n    text: [one, two]", "extra.disclaimer.text must be text, not a list"),
        ("disclaimer:\n    label: 12", "extra.disclaimer.label must be text, not a number"),
        ("disclaimer:\n    txt: Typo in the key", "extra.disclaimer.txt is not a known setting"),
        ("disclaimer:\n    short: ''", "extra.disclaimer.short is empty"),
        ("disclaimer: Just a sentence", "extra.disclaimer must be a mapping"),
    ],
)
def test_a_bad_value_stops_the_build_with_one_clear_message(tmp_path: Path, disclaimer_yaml: str, message: str) -> None:
    result, _ = build_variant(tmp_path, config_overrides=f"extra:\n  {disclaimer_yaml}\n", strict=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert "variant.yml: " in result.stderr, "the message names the config the mistake is in"
    assert "Traceback" not in result.stderr


def test_default_wording_says_what_the_site_is_not() -> None:
    settings = validate_disclaimer(None)
    assert settings["text"] == DEFAULT_TEXT
    assert settings["short"] == DEFAULT_SHORT
    assert "information and education only" in settings["text"]
    assert "not medical, psychological, legal or other professional advice" in settings["text"]


def test_validation_error_is_a_plugin_error() -> None:
    with pytest.raises(SettingsError, match=r"extra\.disclaimer\.text is empty"):
        validate_disclaimer({"text": ""})


def test_banner_stays_visible_in_print(page: Page, built_site: BuiltSite) -> None:
    page.goto(built_site.base_url)
    page.emulate_media(media="print")
    expect(page.locator(".fb-disclaimer")).to_be_visible()


# ---------------------------------------------------------------------------------------------------
# Compact on small screens: one short line, the full text one tap away, for screen readers always


def banner_lines(page: Page) -> tuple[float, float]:
    """The banner's height and how many lines of the short line's height that makes."""
    return page.evaluate(
        """() => {
          const banner = document.querySelector('.md-banner').getBoundingClientRect().height;
          const line = parseFloat(getComputedStyle(document.querySelector('.fb-disclaimer__short')).lineHeight);
          return [banner, line];
        }"""
    )


def test_on_a_phone_the_banner_is_one_short_line_with_the_full_text_one_tap_away(
    page: Page, built_site: BuiltSite
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(built_site.base_url + "trust/")
    summary = page.locator(".fb-disclaimer summary")
    full = page.locator(".fb-disclaimer__text")
    expect(summary).to_have_text(DEFAULT_SHORT)
    expect(full).not_to_be_in_viewport()
    height, line = banner_lines(page)
    assert height <= 2 * line + 16, f"the banner is {height} px high at 390 px: more than two lines of {line} px"
    # Screen readers get the full text all the time: it is in the accessibility tree, closed or open.
    assert configured_text() in " ".join(page.locator(".fb-disclaimer").aria_snapshot().split())

    summary.focus()
    page.keyboard.press("Enter")
    expect(full).to_be_in_viewport()
    expect(full).to_have_text(f"Disclaimer: {configured_text()}")
    summary.click()
    expect(full).not_to_be_in_viewport()


def test_wide_screens_and_print_show_the_full_text(page: Page, built_site: BuiltSite) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(built_site.base_url + "trust/")
    expect(page.locator(".fb-disclaimer summary")).to_be_hidden()
    expect(page.locator(".fb-disclaimer__text")).to_be_in_viewport()
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(media="print")
    expect(page.locator(".fb-disclaimer summary")).to_be_hidden()
    expect(page.locator(".fb-disclaimer__text")).to_be_visible()
    assert page.locator(".fb-disclaimer__text").evaluate("p => p.getBoundingClientRect().width") > 200
