"""The home page of each edition: the six topics as cards, and "Get help now" on a phone's first screen.

Each card links to its topic page, carries an icon from the theme's bundled set as inline SVG
(nothing fetched) and says what kind of quiz the page has. The cards work without JavaScript, in
both palettes and in print.
"""

from __future__ import annotations

import pytest
from conftest import BuiltSite
from playwright.sync_api import Browser, expect
from support.site_pages import TOPIC_PAGES

EDITIONS = {"": "Quiz", "es/": "Cuestionario"}


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_topics_are_cards_with_an_icon_each(built_site: BuiltSite, edition: str) -> None:
    home = built_site.soup(f"{edition}index.html")
    cards = home.select("article .grid.cards > ul > li")
    assert len(cards) == len(TOPIC_PAGES)
    targets = []
    for card in cards:
        link = card.select_one("a[href]")
        icon = card.select_one("span.twemoji svg")
        assert link is not None and icon is not None, card
        assert not card.select("img"), "an icon must be inline SVG, not an image to fetch"
        assert EDITIONS[edition] in card.get_text(" "), f"the card does not say what quiz it has: {card}"
        targets.append(link["href"].strip("./").removesuffix("/"))
    assert sorted(targets) == sorted(page.removesuffix(".md") for page in TOPIC_PAGES)


@pytest.mark.parametrize("edition", list(EDITIONS))
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_get_help_now_is_on_the_first_screen_of_a_phone(
    browser: Browser, built_site: BuiltSite, edition: str, javascript: bool
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(f"{built_site.base_url}{edition}")
        help_link = page.locator("article a[href$='help/']").first
        expect(help_link).to_be_in_viewport()
        expect(page.locator("article .grid.cards li").first).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize("media", ["screen-dark", "print"])
def test_the_cards_show_in_the_dark_palette_and_in_print(browser: Browser, built_site: BuiltSite, media: str) -> None:
    scheme = "dark" if media == "screen-dark" else "light"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(built_site.base_url)
        if media == "print":
            page.emulate_media(media="print")
        cards = page.locator("article .grid.cards li")
        expect(cards).to_have_count(len(TOPIC_PAGES))
        for index in range(len(TOPIC_PAGES)):
            expect(cards.nth(index)).to_be_visible()
            expect(cards.nth(index).locator("svg").first).to_be_visible()
    finally:
        context.close()
