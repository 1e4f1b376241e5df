"""Quick exit ("Leave this site"): on every page, configurable and checked, and in Chromium: Shift
pressed three times or the button leaves at once for the neutral page, clears quiz answers, and Back
does not return.

The neutral page is the real default (https://www.bbc.co.uk/weather); every browser test answers it
with page.route, so no request ever leaves the machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, PageLog
from playwright.sync_api import Locator, Page, Route, expect
from support.quick_exit import NEUTRAL, NEUTRAL_PAGE
from support.sitebuild import build_variant

from finding_balance.gates.pages import redirect_target
from finding_balance.quick_exit.settings import validate_quick_exit
from finding_balance.settings import SettingsError

STORE_PREFIX = "finding-balance.quiz."

# ---------------------------------------------------------------------------------------------------
# Markup on every page


def test_every_page_has_the_button_and_the_skip_link(built_site: BuiltSite) -> None:
    html_files = built_site.html_files()
    assert built_site.directory / "404.html" in html_files
    for html_file in html_files:
        html = html_file.read_text(encoding="utf-8")
        if redirect_target(html) is not None:
            continue  # a redirect page is replaced by its target at once
        soup = BeautifulSoup(html, "html.parser")
        name = str(html_file.relative_to(built_site.directory))
        buttons = soup.select("a.fb-quick-exit__button")
        skips = soup.select("a.fb-quick-exit__skip")
        assert len(buttons) == 1 and len(skips) == 1, name
        for link in (*buttons, *skips):
            # Without JavaScript: a plain link to the neutral page that tells it nothing.
            assert link["href"] == NEUTRAL, name
            assert "noreferrer" in link["rel"], name
            assert link.get_text(strip=True).startswith("Leave this site"), name
        # The skip link comes before the header, the button straight after it, outside the article.
        header = soup.select_one("header.md-header")
        assert header is not None
        assert skips[0] in header.find_all_previous("a"), name
        assert buttons[0].find_parent("article") is None, name
        assert len(soup.select("[data-fb-announcer][role=status]")) == 1, name


def test_a_different_neutral_page_and_wording_are_used(tmp_path: Path) -> None:
    result, site = build_variant(
        tmp_path,
        config_overrides="extra:\n  quick_exit:\n    url: https://example.com/news\n    label: Quick exit\n",
    )
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((site / "trust" / "index.html").read_text(encoding="utf-8"), "html.parser")
    button = soup.select_one("a.fb-quick-exit__button")
    assert button is not None
    assert button["href"] == "https://example.com/news"
    assert button.get_text(strip=True) == "Quick exit"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("https://example.com/", "extra.quick_exit must be a mapping"),
        ({"url": "example.com"}, "extra.quick_exit.url must be a full web address starting with https://"),
        ({"url": "/weather"}, "extra.quick_exit.url must be a full web address starting with https://"),
        ({"url": "javascript:alert(1)"}, "extra.quick_exit.url must be a full web address starting with https://"),
        ({"url": "ftp://example.com/"}, "extra.quick_exit.url must be a full web address starting with https://"),
        ({"url": "https://a.example/ b"}, "extra.quick_exit.url must be a full web address without spaces"),
        ({"url": 'https://a.example/"x'}, "extra.quick_exit.url must not contain quotes, angle brackets"),
        ({"url": ""}, "extra.quick_exit.url is empty"),
        ({"url": 12}, "extra.quick_exit.url must be text, not a number"),
        ({"lable": "Leave"}, "extra.quick_exit.lable is not a known setting"),
        ({"label": "  "}, "extra.quick_exit.label is empty"),
        ({"tab_title": ""}, "extra.quick_exit.tab_title is empty"),
    ],
)
def test_a_bad_value_is_refused_with_one_clear_message(raw: object, message: str) -> None:
    with pytest.raises(SettingsError) as error:
        validate_quick_exit(raw)
    assert message in str(error.value)
    assert str(error.value).startswith("mkdocs.yml: ")


def test_a_bad_value_stops_the_build_without_a_traceback(tmp_path: Path) -> None:
    result, _ = build_variant(tmp_path, config_overrides="extra:\n  quick_exit:\n    url: /weather\n", strict=False)
    assert result.returncode != 0
    assert "variant.yml: extra.quick_exit.url must be a full web address starting with https://" in result.stderr
    assert "Traceback" not in result.stderr


def test_defaults_fill_in_what_is_left_out() -> None:
    settings = validate_quick_exit({"url": "http://localhost:8000/elsewhere"})
    assert settings["url"] == "http://localhost:8000/elsewhere"
    assert settings["label"] == "Leave this site"
    assert validate_quick_exit(None)["url"] == "https://www.bbc.co.uk/weather"
    with pytest.raises(SettingsError):
        validate_quick_exit(["https://example.com/"])


# ---------------------------------------------------------------------------------------------------
# In the browser


@pytest.fixture
def neutral(page: Page) -> Iterator[list[str]]:
    """Answer the neutral page locally; yields the list of its requests."""
    requests: list[str] = []

    def answer(route: Route) -> None:
        requests.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    page.route(f"{NEUTRAL}**", answer)
    yield requests


def announcer(page: Page) -> Locator:
    return page.locator("[data-fb-announcer]")


def test_shift_three_times_leaves_and_back_does_not_return(
    page: Page, page_log: PageLog, built_site: BuiltSite, neutral: list[str]
) -> None:
    page.goto(f"{built_site.base_url}trust/")
    page.keyboard.press("Shift")
    expect(announcer(page)).to_have_text("Shift pressed. Press it 2 more times to leave this site.")
    expect(page.locator("[data-fb-quick-exit-presses]")).to_have_text("\u25cf\u25cb\u25cb")
    page.keyboard.press("Shift")
    expect(announcer(page)).to_have_text("Press Shift 1 more time to leave this site.")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    expect(page).to_have_title("Weather")
    assert neutral == [NEUTRAL]
    page.go_back()
    assert "/trust/" not in page.url, "Back returned to the page that was left"
    assert page_log.console_errors == []


def test_the_button_leaves_and_back_does_not_return(page: Page, built_site: BuiltSite, neutral: list[str]) -> None:
    page.goto(f"{built_site.base_url}help/")
    page.get_by_role("link", name="Leave this site").last.click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert "/help/" not in page.url


def test_the_skip_link_comes_right_after_skip_to_content_and_leaves(
    page: Page, built_site: BuiltSite, neutral: list[str]
) -> None:
    page.goto(f"{built_site.base_url}self-care/")
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip").first).to_be_focused()
    page.keyboard.press("Tab")
    skip = page.locator("a.fb-quick-exit__skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)


def test_shift_in_a_text_box_or_with_another_key_does_not_count(
    page: Page, built_site: BuiltSite, neutral: list[str]
) -> None:
    page.goto(f"{built_site.base_url}self-care/")
    address = page.url
    # Typing capitals in a quiz text box.
    page.locator("#quiz-partner-self-care textarea").first.click()
    for _ in range(4):
        page.keyboard.press("Shift")
    page.keyboard.type("Some Words With Capitals")
    # Shift used with another key, three times, outside any text box.
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift+KeyA")
    expect(announcer(page)).to_have_text("")
    # A run broken by another key starts again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("KeyB")
    page.keyboard.press("Shift")
    expect(announcer(page)).to_have_text("Shift pressed. Press it 2 more times to leave this site.")
    page.wait_for_timeout(300)
    assert page.url == address
    assert neutral == []


def test_quick_exit_blanks_the_page_and_clears_quiz_answers(page: Page, built_site: BuiltSite) -> None:
    # The neutral page answers "204 No Content": the browser stays on the page it was leaving, so
    # what quick exit did to it can be checked.
    page.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=204))
    page.goto(f"{built_site.base_url}self-care/")
    checklist = page.locator("#quiz-weekly-self-care")
    checklist.locator("input[type=checkbox]").first.check()
    checklist.locator("[data-quiz-remember]").check()
    page.locator("#quiz-partner-self-care textarea").first.fill("Something private")
    stored = f"Object.keys(localStorage).filter(key => key.startsWith('{STORE_PREFIX}'))"
    assert page.evaluate(stored) == [f"{STORE_PREFIX}en.weekly-self-care"]

    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")

    expect(page.locator("html")).to_have_class(re.compile(r"\bfb-quick-exit-leaving\b"))
    expect(page.get_by_role("alert")).to_have_text("Loading.")
    expect(page).to_have_title("New tab")
    expect(page.locator(".md-content")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".fb-disclaimer")).to_be_hidden()
    assert page.evaluate(stored) == []
    answers = "[...document.querySelectorAll('.fb-quiz__question :is(input:checked, textarea)')]"
    assert page.evaluate(f"{answers}.filter(field => field.checked || field.value).length") == 0


def test_the_button_is_in_reach_on_a_small_screen_while_scrolling(page: Page, built_site: BuiltSite) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{built_site.base_url}supporting-needs/")
    button = page.locator("a.fb-quick-exit__button")
    banner = page.locator(".md-banner").bounding_box()
    box = button.bounding_box()
    assert banner is not None and box is not None
    assert box["y"] >= banner["y"] + banner["height"], "the button covers the disclaimer"
    assert box["x"] + box["width"] <= 390
    expect(button).to_be_in_viewport()
    for scroll in (1500, 100_000):
        page.mouse.wheel(0, scroll)
        page.wait_for_timeout(150)
        expect(button).to_be_in_viewport()
        box = button.bounding_box()
        assert box is not None and 0 <= box["y"] < 60, box
    # Nothing of the theme's header is under the button.
    for control in page.locator(".md-header__button:visible, .md-header__option:visible").all():
        other = control.bounding_box()
        if other is not None:
            assert other["x"] + other["width"] <= box["x"], "the button covers a header control"
