"""Gate 1b, WCAG 2.2 AA where axe cannot look, over every page of the built site at a phone's and a
desktop's width: focus not obscured (2.4.11), target size (2.5.8), reflow at 320 px also with text
spacing (1.4.10, 1.4.12), text at 200% (1.4.4), forced colours, reduced motion and consistent help
(3.2.6). Focus, target size, forced colours, motion and help read each width's one pass over the
site (conftest ``gate_passes``, shared with test_gates_axe.py), which at the phone's width takes the
English and Arabic pages (support/gate_pass.py); reflow and 200% text take every page. The checks
themselves are in support/wcag.py, and the Tab walk in support/gates.py."""

from __future__ import annotations

import pytest
from conftest import BY_GATE_WIDTH, GATE_WIDTHS, BuiltSite, GatePasses
from playwright.sync_api import Browser, expect
from support.gate_pass import HELP_LINK_TEXT, edition_of, takes, walked
from support.gates import SitePage, keyboard_walk, site_pages
from support.wcag import LAYOUT_JS, OUR_ELEMENTS, OUR_TARGETS, REDUCED_MOTION_JS, TARGET_SIZE_JS, TEXT_SPACING_CSS

WIDTHS = GATE_WIDTHS


@pytest.fixture(scope="module")
def pages(built_site: BuiltSite) -> list[SitePage]:
    return site_pages(built_site.directory, built_site.base_url)


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_focus_is_never_obscured_nor_invisible(gate_passes: GatePasses, pages: list[SitePage], width_name: str) -> None:
    """2.4.11: Tab through every page of English and Arabic (``DIRECTION_EDITIONS``; the walk that
    test_gates_axe.py reads too); each focused element was shown before it had focus, is shown, and
    is not covered at any of its points by the sticky header, the banner, the quick exit button or
    an overlay."""
    checked = gate_passes.at(width_name)
    assert len(checked) == len([page for page in pages if takes(width_name, page.path)])
    walks = {where: page.walk for where, page in checked.items() if page.walk is not None}
    assert len(walks) == len([page for page in pages if takes(width_name, page.path) and walked(page.path)])
    found = [f"{where}: {problem}" for where, walk in walks.items() for problem in walk.obscured]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_our_targets_are_at_least_24_px_or_spaced(gate_passes: GatePasses, width_name: str) -> None:
    """2.5.8: quiz buttons and inputs with their labels, copy link, quick exit, the banner's summary,
    the menu and search buttons and the heading permalinks are at least 24 by 24 CSS px, or have no
    other target within 12 px of their centre."""
    at_width = gate_passes.at(width_name)
    checked = sum(page.targets["checked"] for page in at_width.values())
    found = [f"{where}: {problem}" for where, page in at_width.items() for problem in page.targets["problems"]]
    assert checked > 100, f"only {checked} targets checked: have the selectors gone stale?"
    assert not found, "\n".join(found)


def test_reflow_at_320_px_also_with_text_spacing(browser: Browser, pages: list[SitePage]) -> None:
    """1.4.10 and 1.4.12: at 320 CSS px no page scrolls sideways and nothing is cut off, also with
    line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word spacing 0.16em."""
    # The spacing comes as a reader's own stylesheet, which the page's Content Security Policy would block.
    context = browser.new_context(viewport={"width": 320, "height": 640}, bypass_csp=True)
    page = context.new_page()
    found = []
    try:
        for site_page in pages:
            page.goto(site_page.url)
            found += [f"{site_page.path} [320 px]: {problem}" for problem in page.evaluate(LAYOUT_JS)]
            page.add_style_tag(content=TEXT_SPACING_CSS)
            found += [f"{site_page.path} [320 px, text spacing]: {problem}" for problem in page.evaluate(LAYOUT_JS)]
    finally:
        context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_text_at_200_percent_is_not_cut_off(browser: Browser, pages: list[SitePage], width_name: str) -> None:
    """1.4.4: with the browser's text size doubled (its default font size, 16 to 32 px), nothing is cut
    off and no page scrolls sideways, at a phone's and a desktop's width."""
    found = []
    width, height = WIDTHS[width_name]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    try:
        for site_page in pages:
            page.goto(site_page.url)
            found += [f"{site_page.path} [{width_name}, 200%]: {problem}" for problem in page.evaluate(LAYOUT_JS)]
    finally:
        context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_forced_colours_keep_edges_and_focus(gate_passes: GatePasses, width_name: str) -> None:
    """Windows high contrast: quiz buttons, boxes and fields, copy link, quick exit and the banner keep
    a visible edge, every control of ours a visible focus outline, and fold-outs their open/closed sign."""
    at_width = gate_passes.at(width_name)
    focused = sum(page.forced["focused"] for page in at_width.values())
    found = [f"{where}: {problem}" for where, page in at_width.items() for problem in page.forced["problems"]]
    assert focused > 50, f"only {focused} controls focused"
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_nothing_of_ours_moves_with_reduced_motion(gate_passes: GatePasses, width_name: str) -> None:
    """prefers-reduced-motion: no transition or animation of our elements lasts longer than 0.01 ms,
    and the page does not scroll smoothly."""
    found = [f"{where}: {problem}" for where, page in gate_passes.at(width_name).items() for problem in page.motion]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_get_help_now_is_in_the_same_place_on_every_page(gate_passes: GatePasses, width_name: str) -> None:
    """3.2.6: the link to "Get help now" sits in the same landmark, at the same place, on every page."""
    places: dict[str, set[str]] = {}
    for where, page in gate_passes.at(width_name).items():
        place, edition = page.help, edition_of(where)
        assert place is not None and place["text"] == HELP_LINK_TEXT[edition], f"{where}: {place}"
        places.setdefault(f"{edition}{where.split('[')[1]}", set()).add(
            f"{place['landmark']} #{place['order']}, item {place['item']}"
        )
    assert all(len(found) == 1 for found in places.values()), places


def test_on_a_phone_search_opens_from_a_button_and_the_closed_field_takes_no_focus(
    browser: Browser, built_site: BuiltSite
) -> None:
    width, height = WIDTHS["phone"]
    page = browser.new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(built_site.base_url + "trust/")
    field = page.locator(".md-search__input")
    field.focus()
    expect(field).not_to_be_focused()
    button = page.locator("button.fb-search-button")
    expect(button).to_have_accessible_name("Search")
    button.focus()
    page.keyboard.press("Enter")
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    assert not page.evaluate("document.getElementById('__search').checked")
    page.context.close()


def test_the_checks_report_a_bad_page(browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 400})
    page = context.new_page()
    try:
        page.set_content(
            '<!doctype html><html lang="en"><head><title>Bad</title><style>'
            ".bar{position:fixed;top:0;left:0;right:0;height:60px;background:#333}"
            ".fb-copy-link{width:14px;height:14px;padding:0}.wide{width:600px}"
            ".cut{width:60px;overflow:hidden;white-space:nowrap}"
            ".fb-quick-exit__button{transition:opacity 2s}"
            "</style></head><body><div class=bar></div>"
            '<p style="margin-top:20px"><a href="#x">Under the bar</a></p>'
            '<div style="opacity:0;height:0;overflow:hidden"><input aria-label="Hidden field"></div>'
            '<p><button class="fb-copy-link">a</button><button class="fb-copy-link">b</button></p>'
            '<p class="wide">Too wide for the screen.</p><p class="cut">Cut off text that is long</p>'
            '<a class="fb-quick-exit__button" href="#q">Leave</a></body></html>'
        )
        focus = keyboard_walk(page).obscured
        assert any("is covered by div.bar" in problem for problem in focus), focus
        assert any('hidden until then: input "Hidden field"' in problem for problem in focus), focus
        targets = page.evaluate(TARGET_SIZE_JS, OUR_TARGETS)["problems"]
        assert len(targets) == 2 and "14.0 by 14.0 px" in targets[0], targets
        layout = page.evaluate(LAYOUT_JS)
        assert any("scrolls sideways" in problem for problem in layout), layout
        assert any("text cut off in p.cut" in problem for problem in layout), layout
        page.emulate_media(reduced_motion="reduce")
        motion = page.evaluate(REDUCED_MOTION_JS, OUR_ELEMENTS)
        assert any("moves for 2 s" in problem for problem in motion), motion
    finally:
        context.close()
