"""The header band on a phone: the site name readable in full beside "Leave this site", which stays in
the band and easy to hit; a short name (extra.short_name) where the full one is too long."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite
from playwright.sync_api import Browser, Page
from support.sitebuild import PROJECT_ROOT, build_variant, serving

from finding_balance.disclaimer.settings import validate_short_name
from finding_balance.settings import SettingsError

THEME_HEADER = Path(material.__file__).parent / "templates/partials/header.html"

# Runs in the page: where the site name, the quick exit button and the theme's header buttons are.
_HEADER_JS = """
() => {
  const rect = r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height});
  const box = el => rect(el.getBoundingClientRect());
  const site = '.md-header__topic:first-child .md-ellipsis';
  const name = [...document.querySelectorAll(`${site}, ${site} > span`)].filter(el => el.getClientRects().length).pop();
  const range = document.createRange();
  range.selectNodeContents(name);
  const buttons = [...document.querySelectorAll('.md-header__inner > .md-header__button, .md-header__option > label')]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden').map(box);
  return {
    text: name.textContent.trim(),
    cut: name.scrollWidth > name.clientWidth || name.scrollHeight > name.clientHeight
         || (name.parentElement.scrollWidth > name.parentElement.clientWidth),
    lines: [...range.getClientRects()].map(rect),
    header: box(document.querySelector('.md-header')),
    exit: box(document.querySelector('.fb-quick-exit__button')),
    buttons,
  };
}
"""


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def header_problems(page: Page, expected_name: str) -> list[str]:
    state = page.evaluate(_HEADER_JS)
    problems = []
    if state["text"] != expected_name:
        problems.append(f"the header shows {state['text']!r}, not {expected_name!r}")
    if state["cut"]:
        problems.append(f"the site name {state['text']!r} is cut short")
    header, exit_button = state["header"], state["exit"]
    for line in state["lines"]:
        if line["top"] < header["top"] or line["bottom"] > header["bottom"]:
            problems.append(f"the site name leaves the header band: {line}")
        for other in [exit_button, *state["buttons"]]:
            if overlaps(line, other):
                problems.append(f"the site name runs under a button at {other}")
    if exit_button["top"] < header["top"] or exit_button["bottom"] > header["bottom"]:
        problems.append(f"'Leave this site' is not inside the header band: {exit_button} vs {header}")
    if exit_button["width"] < 24 or exit_button["height"] < 24:
        problems.append(f"'Leave this site' is smaller than 24 by 24 px: {exit_button}")
    for other in state["buttons"]:
        if overlaps(exit_button, other):
            problems.append(f"'Leave this site' covers a header button at {other}")
    return problems


@pytest.mark.parametrize("width", [360, 390, 768, 1280])
def test_the_site_name_is_readable_in_full_beside_leave_this_site(
    page: Page, built_site: BuiltSite, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(built_site.base_url + "trust/")
    assert header_problems(page, "Finding Balance") == []


def test_a_short_name_takes_the_place_of_a_long_one_on_small_screens(browser: Browser, tmp_path: Path) -> None:
    long_name = "Encontrar el equilibrio en pareja"
    result, site = build_variant(
        tmp_path, config_overrides=f"site_name: {long_name}\nextra:\n  short_name: Equilibrio\n"
    )
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".fb-site-name--short").get_text(strip=True) == "Equilibrio"
    context = browser.new_context()
    page = context.new_page()
    try:
        with serving(site) as url:
            for width, shown in ((360, "Equilibrio"), (390, "Equilibrio"), (1280, long_name)):
                page.set_viewport_size({"width": width, "height": 800})
                page.goto(url + "trust/")
                assert header_problems(page, shown) == [], width
    finally:
        context.close()


def test_without_a_short_name_the_header_is_the_themes(built_site: BuiltSite) -> None:
    soup = built_site.soup("trust/index.html")
    assert not soup.select(".fb-site-name--short, .fb-site-name--full")
    assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "Finding Balance"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (12, "extra.short_name must be text, not a number"),
        (["Balance"], "extra.short_name must be text, not a list"),
        ("  ", "extra.short_name is empty"),
        ("Finding Balance!", "is not shorter than site_name"),
    ],
)
def test_a_bad_short_name_is_refused_with_one_clear_message(raw: object, message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        validate_short_name(raw, "Finding Balance")


def test_short_name_is_optional_and_stripped() -> None:
    assert validate_short_name(None, "Finding Balance") is None
    assert validate_short_name(" Balance ", "Finding Balance") == "Balance"


def test_header_override_is_the_theme_markup_with_the_short_name() -> None:
    """finding_balance/theme/partials/header.html must stay Material's partial apart from the short-name block and
    the search plugin's two names, so a theme update that changes the partial shows up here."""
    ours = (PROJECT_ROOT / "finding_balance/theme/partials/header.html").read_text(encoding="utf-8")
    theirs = THEME_HEADER.read_text(encoding="utf-8")
    block = re.search(
        r" *\{%- if config\.extra\.short_name %\}.*?\{%- else %\}\n(.*?) *\{%- endif %\}\n", ours, re.DOTALL
    )
    assert block is not None, "the short-name block is gone"
    plain = ours.replace(block[0], block[1])
    either_engine = (
        '    {% set search_plugin = "material/search" if "material/search" in config.plugins else "search" %}\n'
        "    {% if search_plugin in config.plugins %}\n"
        '      {% set search = config.plugins[search_plugin] | attr("config") %}\n'
    )
    assert either_engine in plain, "the search plugin is no longer found under both of its names"
    plain = plain.replace(
        either_engine,
        '    {% if "material/search" in config.plugins %}\n'
        '      {% set search = config.plugins["material/search"] | attr("config") %}\n',
    )

    def without_comment(template: str) -> str:
        return re.sub(r"\{#-.*?-#\}\s*", "", template, count=1, flags=re.DOTALL)

    assert without_comment(plain) == without_comment(theirs)
