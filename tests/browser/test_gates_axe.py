"""Gate 1, accessibility: axe-core finds nothing on any page at a desktop's width in the light
palette, on the English and Arabic pages at a phone's, and on the English and Arabic pages in the
dark palette; every control is reachable with Tab and shows a visible focus ring (English and
Arabic, ``DIRECTION_EDITIONS``). The light palette's axe and the Tab walk read each width's one pass
over the site (conftest ``gate_passes``, support/gate_pass.py)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from conftest import BY_GATE_WIDTH, GATE_WIDTHS, BuiltSite, GatePasses
from playwright.sync_api import Browser, Page, expect
from support.gate_pass import DIRECTION_EDITIONS, edition_of, takes, walked
from support.gates import keyboard_problems, site_pages
from support.sitebuild import PROJECT_ROOT

from finding_balance.gates.browser import COLOUR_RULES, axe_violations

THEME_SEARCH = Path(material.__file__).parent / "templates/partials/search.html"


def html_files(built_site: BuiltSite) -> list[str]:
    """Every HTML file of the built site, by its path in the site."""
    return [path.relative_to(built_site.directory).as_posix() for path in built_site.directory.rglob("*.html")]


def taken_at(built_site: BuiltSite, width_name: str) -> set[str]:
    """The pages (``page.html [width]``) that the width's pass must take."""
    files = html_files(built_site)
    taken = {f"{path} [{width_name}]" for path in files if takes(width_name, path)}
    if width_name == "desktop":
        assert len(taken) == len(files)
    else:  # two editions of three
        assert len(files) * 2 // 3 <= len(taken) < len(files)
    return taken


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_axe_finds_nothing_on_any_page_in_the_light_palette(
    gate_passes: GatePasses, built_site: BuiltSite, width_name: str
) -> None:
    """axe on every page as it loaded, in the width's pass over the site (conftest ``gate_passes``)."""
    checked = gate_passes.at(width_name)
    assert set(checked) == taken_at(built_site, width_name)
    found = [f"{where}: palette is {page.scheme!r}" for where, page in checked.items() if page.scheme != "default"]
    found += [f"{where}: {violation}" for where, page in checked.items() for violation in page.axe]
    assert not found, "\n".join(found)


def test_axe_finds_nothing_on_any_page_in_the_dark_palette(browser: Browser, built_site: BuiltSite) -> None:
    """The dark palette at a desktop's width only, axe's rules that read colours only
    (``COLOUR_RULES``), and English and Arabic only (``DIRECTION_EDITIONS``): a palette changes colours,
    not layout, which the light palette's run checks on the same pages; every text a phone shows, the
    desktop shows too (the phone's own controls in the header are icons, which axe does not measure);
    the Spanish pages are the English templates and styles, whose colours are the same."""
    found: list[str] = []
    checked = 0
    # A fresh context: Material remembers the palette it showed in localStorage.
    width, height = GATE_WIDTHS["desktop"]
    context = browser.new_context(color_scheme="dark", viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        for site_page in site_pages(built_site.directory, built_site.base_url):
            if edition_of(site_page.path) not in DIRECTION_EDITIONS:
                continue
            page.goto(site_page.url)
            where = f"{site_page.path} [desktop, dark]"
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            if shown != "slate":
                found.append(f"{where}: palette is {shown!r}, expected 'slate'")
            found += [f"{where}: {violation}" for violation in axe_violations(page, only=COLOUR_RULES)]
            checked += 1
    finally:
        context.close()
    files = html_files(built_site)
    assert checked == len([path for path in files if edition_of(path) in DIRECTION_EDITIONS]) >= len(files) * 2 // 3
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width_name", BY_GATE_WIDTH)
def test_every_control_is_reachable_with_tab_and_shows_focus(
    gate_passes: GatePasses, built_site: BuiltSite, width_name: str
) -> None:
    """The Tab walk of the width's pass: every page of English and Arabic (``DIRECTION_EDITIONS``)."""
    checked = gate_passes.at(width_name)
    walks = {where: page.walk for where, page in checked.items() if page.walk is not None}
    assert set(walks) == {where for where in taken_at(built_site, width_name) if walked(where)}
    assert len(walks) >= len(checked) * 2 // 3
    found = [f"{where}: {problem}" for where, walk in walks.items() for problem in walk.problems]
    assert not found, "\n".join(found)


def test_menu_opens_and_closes_by_keyboard_on_a_phone(page: Page, built_site: BuiltSite) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(built_site.base_url + "trust/")
    button = page.locator("button.fb-menu-button")
    expect(button).to_have_attribute("aria-label", "Navigation")
    expect(button).to_have_attribute("aria-expanded", "false")
    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("button => button === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the menu button")

    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("document.getElementById('__drawer').checked")
    focused = page.locator(":focus")
    expect(focused).to_be_in_viewport()
    assert focused.evaluate("link => link.closest('.md-sidebar--primary') !== null")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_be_in_viewport()

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_menu_button_is_hidden_on_a_desktop(page: Page, built_site: BuiltSite) -> None:
    page.goto(built_site.base_url)
    expect(page.locator("button.fb-menu-button")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary nav").first).to_be_visible()


def test_axe_check_reports_a_bad_page(page: Page) -> None:
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Bad</title></head><body><main><h1>Bad</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p style="color:#777777;background:#888888">Hard to read</p>'
        '<div role="dialog"><p>No name</p></div></main></body></html>'
    )
    rules = {line.split(" ", 1)[0] for line in axe_violations(page)}
    assert {"image-alt", "color-contrast", "aria-dialog-name"} <= rules
    assert {line.split(" ", 1)[0] for line in axe_violations(page, only=COLOUR_RULES)} == {"color-contrast"}


def test_keyboard_check_reports_a_bad_page(page: Page) -> None:
    page.set_content(
        '<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>'
        '<a href="#fine">Fine link</a>'
        '<a href="#ringless" style="outline:none">Ringless link</a>'
        '<a href="#skipped" tabindex="-1">Skipped link</a>'
        '<button style="position:absolute;left:-9999px">Off-screen button</button>'
        '<label><input type="radio" name="pick"> One</label><label><input type="radio" name="pick"> Two</label>'
        "</main></body></html>"
    )
    problems = keyboard_problems(page)
    assert problems == [
        'no visible focus ring: a "#ringless"',
        'focused but off screen or covered: button "Off-screen button"',
        'not reachable with Tab: a "#skipped"',
    ]


def test_search_override_is_the_theme_markup_with_a_name() -> None:
    """finding_balance/theme/partials/search.html must stay Material's partial plus the dialog's aria-label, so a
    theme update that changes the partial shows up here."""
    ours = (PROJECT_ROOT / "finding_balance/theme/partials/search.html").read_text(encoding="utf-8")
    theirs = THEME_SEARCH.read_text(encoding="utf-8")
    named = 'role="dialog" aria-label="{{ lang.t(\'search\') }}">'
    assert named in ours

    def without_comment(template: str) -> str:
        return re.sub(r"\{#-.*?-#\}\s*", "", template, count=1, flags=re.DOTALL)

    assert without_comment(ours).replace(named, 'role="dialog">', 1) == without_comment(theirs)
