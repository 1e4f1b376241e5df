"""Stable links: published addresses keep working (or are redirected), and "Copy link" copies them.

Every page, section and quiz address is listed in tests/data/published-urls.txt (``make urls`` adds new
ones); tests/content/test_published_addresses.py holds the real build to that list. The heading-anchor
rule itself ({#anchor} on every heading) is checked in tests/content/test_content.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BuiltSite
from playwright.sync_api import Browser, BrowserContext, Page, expect
from support import TEST_DATA
from support.sitebuild import build_variant, copy_project, mkdocs_build, serving

from finding_balance.anchors.copy_links import in_rows
from finding_balance.anchors.old_anchors import with_old_anchors
from finding_balance.anchors.redirects import AnchorRedirect, parse_anchor_redirects
from finding_balance.anchors.settings import validate_copy_link
from finding_balance.gates.addresses import broken, merged, problem_with, read_list
from finding_balance.gates.pages import redirect_target
from finding_balance.settings import SettingsError

# ---------------------------------------------------------------------------------------------------
# A copy of the site where a heading goes, a section moves to another page and a page is renamed

#: What the changed copy no longer has, and what must then be reported as broken.
GONE = {
    "/trust/#check-in",
    "/self-care/#a-good-cycle",
    "/about/",
    "/about/#who-it-is-for",
    "/about/#disclaimer",
    "/about/#how-we-review",
    "/about/#sources",
    "/about/#sharing",
    "/about/#privacy",
}
ANCHOR_REDIRECTS = """
extra:
  anchor_redirects:
    "trust.md#check-in": "trust.md#quiz-safe-to-ask"
    "self-care.md#a-good-cycle": "personal-space.md#healthy-space-feels-safe"
"""

PUBLISHED = TEST_DATA / "published-urls.txt"


def english_addresses() -> list[str]:
    """The listed addresses of the English edition: the changed copy is built from mkdocs.yml alone."""
    return [address for address in read_list(PUBLISHED) if not address.startswith(("/es/", "/ar/"))]


def build_changed_site(workdir: Path, *, with_redirects: bool) -> tuple[str, Path]:
    """Build a copy without trust's "Check in" heading and self-care's "cycle" section, with about.md
    renamed about-us.md (links and navigation updated), with or without the redirects for them."""
    project = copy_project(workdir / "project")
    docs = project / "docs"
    for page, heading in (("trust.md", "{#check-in}"), ("self-care.md", "{#a-good-cycle}")):
        text = (docs / page).read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if not line.endswith(heading)]
        assert len(lines) == len(text.splitlines()) - 1, f"{page}: no heading ending {heading}"
        (docs / page).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (docs / "about.md").rename(docs / "about-us.md")
    for path in [*docs.glob("*.md"), project / "mkdocs.yml"]:
        path.write_text(path.read_text(encoding="utf-8").replace("about.md", "about-us.md"), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if with_redirects:
        assert "redirect_maps: {}" in text and "anchor_redirects: {}" in text
        text = text.replace("redirect_maps: {}", 'redirect_maps: {"about.md": "about-us.md"}')
        text = text.replace("anchor_redirects: {}\n", "")
        config.write_text(text, encoding="utf-8")
        (project / "variant.yml").write_text("INHERIT: mkdocs.yml\n" + ANCHOR_REDIRECTS, encoding="utf-8")
        config = project / "variant.yml"
    site = workdir / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    return result.stderr, site


def test_a_removed_heading_or_moved_page_fails_the_check_without_a_redirect(tmp_path: Path) -> None:
    _, site = build_changed_site(tmp_path, with_redirects=False)
    problems = broken(site, english_addresses())
    assert set(problems) == GONE
    assert problems["/trust/#check-in"] == "/trust/ has no anchor #check-in"
    assert problems["/about/"] == "no page at /about/"


@pytest.fixture(scope="module")
def redirected_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The changed copy with its redirects, served on localhost: (site folder, base URL)."""
    _, site = build_changed_site(tmp_path_factory.mktemp("redirected"), with_redirects=True)
    with serving(site) as url:
        yield site, url


def test_with_redirects_every_listed_address_works_again(redirected_site: tuple[Path, str]) -> None:
    site, _ = redirected_site
    assert broken(site, english_addresses()) == {}
    # The renamed page is a redirect page; the old anchors went back into their pages.
    assert redirect_target((site / "about" / "index.html").read_text(encoding="utf-8")) == "../about-us/"
    trust = (site / "trust" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<span id="check-in" class="fb-moved-anchor" data-fb-moved-to="#quiz-safe-to-ask">'
        r'</span><section class="fb-quiz',
        trust,
    )


def test_redirected_addresses_land_in_the_right_place(browser: Browser, redirected_site: tuple[Path, str]) -> None:
    _, base_url = redirected_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{base_url}about/#disclaimer")
        page.wait_for_url(f"{base_url}about-us/#disclaimer")
        expect(page.locator("h2#disclaimer")).to_be_in_viewport()

        page.goto(f"{base_url}self-care/#a-good-cycle")
        page.wait_for_url(f"{base_url}personal-space/#healthy-space-feels-safe")
        expect(page.locator("h2#healthy-space-feels-safe")).to_be_in_viewport()
        # Back goes to where the reader was before, not to the old address. Waiting for that page to be
        # back in place also lets the back navigation settle: a new address given while it is still
        # under way can leave headless Chromium waiting for ever.
        page.go_back()
        page.wait_for_url(f"{base_url}about-us/#disclaimer")
        expect(page.locator("h2#disclaimer")).to_be_in_viewport()

        page.goto(f"{base_url}trust/#check-in")
        expect(page.locator("#quiz-safe-to-ask")).to_be_in_viewport()
        assert page.url == f"{base_url}trust/#check-in"
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------------
# Anchor redirects: checked settings, and the build stops on a mistake


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("trust.md#a", "extra.anchor_redirects must be a mapping"),
        ({"trust.md": "trust.md#a"}, "'trust.md' must be a page and the old anchor"),
        ({"trust#old": "trust.md#a"}, "'trust#old' must be a page and the old anchor"),
        ({"trust.md#old": "trust#new"}, "'trust#new' must be a page, with or without an anchor"),
        ({"trust.md#old": 3}, "3 must be a page, with or without an anchor"),
        ({"trust.md#old": "trust.md#old"}, "points to itself"),
    ],
)
def test_a_malformed_anchor_redirect_is_refused(raw: object, message: str) -> None:
    with pytest.raises(Exception, match=re.escape(message)) as error:
        parse_anchor_redirects(raw)
    assert "mkdocs.yml" in str(error.value)


def test_anchor_redirects_are_read_with_and_without_a_target_anchor() -> None:
    assert parse_anchor_redirects(None) == []
    assert parse_anchor_redirects({"a/b.md#old": "c.md", "c.md#x": "c.md#y"}) == [
        AnchorRedirect("a/b.md", "old", "c.md", ""),
        AnchorRedirect("c.md", "x", "c.md", "y"),
    ]


def test_old_anchors_go_before_their_new_place_or_at_the_top() -> None:
    html = '<p>Intro</p>\n<h2 id="new">New</h2>'
    same = AnchorRedirect("p.md", "old", "p.md", "new")
    other = AnchorRedirect("p.md", "gone", "q.md", "there")
    result = with_old_anchors(html, [(same, "#new"), (other, "../q/#there")])
    assert result == (
        '<span id="gone" class="fb-moved-anchor" data-fb-moved-to="../q/#there"></span>'
        '<p>Intro</p>\n<span id="old" class="fb-moved-anchor" data-fb-moved-to="#new"></span><h2 id="new">New</h2>'
    )


@pytest.mark.parametrize(
    ("redirects", "message"),
    [
        (
            '"trust.md#trust-grows": "trust.md#in-short"',
            "docs/trust.md:27: the anchor 'trust-grows' is used twice on this page: by the heading on line 27 and "
            "by the old anchor extra.anchor_redirects['trust.md#trust-grows'] in variant.yml",
        ),
        ('"trust.md#old": "trust.md#not-there"', "docs/trust.md has no anchor '#not-there'"),
        ('"nowhere.md#old": "trust.md"', "docs/nowhere.md does not exist"),
        ('"trust.md#old": "nowhere.md#x"', "the target docs/nowhere.md does not exist"),
    ],
)
def test_a_wrong_anchor_redirect_stops_the_build_with_one_message(tmp_path: Path, redirects: str, message: str) -> None:
    result, _ = build_variant(
        tmp_path, config_overrides=f"extra:\n  anchor_redirects:\n    {redirects}\n", strict=False
    )
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------------
# The list tools


def write_page(site: Path, relative: str, html: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


REDIRECT_PAGE = '<html><head><meta http-equiv="refresh" content="0; url={url}"></head></html>'


def test_an_address_works_through_redirect_pages_and_old_anchors(tmp_path: Path) -> None:
    write_page(tmp_path, "new/index.html", '<h2 id="kept">K</h2><span id="old"></span>')
    write_page(tmp_path, "old/index.html", REDIRECT_PAGE.format(url="../new/"))
    write_page(tmp_path, "older/index.html", REDIRECT_PAGE.format(url="../old/"))
    write_page(tmp_path, "loop/index.html", REDIRECT_PAGE.format(url="../loop/"))
    assert problem_with(tmp_path, "/new/#kept") is None
    assert problem_with(tmp_path, "/new/#old") is None
    assert problem_with(tmp_path, "/older/#kept") is None
    assert problem_with(tmp_path, "/old/#lost") == "/new/ has no anchor #lost"
    assert problem_with(tmp_path, "/gone/") == "no page at /gone/"
    assert problem_with(tmp_path, "/loop/") == "more than 5 redirects"


def test_merging_keeps_redirected_addresses_with_their_page() -> None:
    listed = ["/a/", "/a/#old", "/b/"]
    published = ["/a/", "/a/#new", "/b/", "/c/", "/c/#x"]
    assert merged(listed, published) == ["/a/", "/a/#new", "/a/#old", "/b/", "/c/", "/c/#x"]


# ---------------------------------------------------------------------------------------------------
# "Copy link" in the browser


@pytest.fixture
def clipboard_page(browser: Browser, built_site: BuiltSite) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(
        viewport={"width": 1280, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_link_beside_a_heading_copies_its_full_address(clipboard_page: Page, built_site: BuiltSite) -> None:
    page = clipboard_page
    page.goto(f"{built_site.base_url}trust/")
    button = page.locator(".fb-linkable:has(> h2#feeling-safe-to-ask) > button.fb-copy-link")
    expect(button).to_have_accessible_name("Copy link to this section: Feeling safe to ask")
    button.click()
    assert clipboard(page) == f"{built_site.base_url}trust/#feeling-safe-to-ask"
    expect(button).to_have_attribute("data-fb-copied", "yes")
    expect(button.locator("[data-fb-copy-note]")).to_have_text("Link copied")
    expect(page.locator("[data-fb-announcer]")).to_have_text("Link copied: Feeling safe to ask")
    assert page.locator("[data-fb-announcer]").get_attribute("role") == "status"


def test_copy_link_beside_a_quiz_copies_the_quiz_address(clipboard_page: Page, built_site: BuiltSite) -> None:
    page = clipboard_page
    page.goto(f"{built_site.base_url}trust/")
    button = page.locator("#quiz-safe-to-ask button.fb-copy-link")
    expect(button).to_have_accessible_name("Copy link to this quiz: How safe does it feel to say what you need?")
    button.click()
    assert clipboard(page) == f"{built_site.base_url}trust/#quiz-safe-to-ask"
    expect(page.locator("[data-fb-announcer]")).to_contain_text("How safe does it feel to say what you need?")


def test_copy_link_in_the_counsellors_list_copies_the_listed_address(
    clipboard_page: Page, built_site: BuiltSite
) -> None:
    page = clipboard_page
    page.goto(f"{built_site.base_url}counsellors/")
    address = f"{built_site.base_url}trust/#quiz-safe-to-ask"
    item = page.locator(f'li[data-fb-copy-url="{address}"]')
    button = item.locator("button.fb-copy-link")
    expect(button).to_have_accessible_name("Copy link to: How safe does it feel to say what you need?")
    button.click()
    assert clipboard(page) == address


def test_every_section_and_quiz_gets_one_button_also_after_instant_navigation(
    clipboard_page: Page, built_site: BuiltSite
) -> None:
    page = clipboard_page
    page.goto(f"{built_site.base_url}trust/")
    sections = [a for a in read_list(PUBLISHED) if a.startswith("/trust/#")]
    expect(page.locator("article button.fb-copy-link")).to_have_count(len(sections))
    page.evaluate("window.__fbSamePage = true")
    page.locator("nav.md-nav--primary a.md-nav__link[href$='self-care/']").first.click()
    page.wait_for_url("**/self-care/")
    assert page.evaluate("window.__fbSamePage === true"), "the navigation was not instant"
    sections = [a for a in read_list(PUBLISHED) if a.startswith("/self-care/#")]
    expect(page.locator("article button.fb-copy-link")).to_have_count(len(sections))
    page.locator(".fb-linkable:has(> h2#not-selfish) > button").click()
    assert clipboard(page) == f"{built_site.base_url}self-care/#not-selfish"


def test_without_javascript_there_is_no_button_and_the_permalink_works(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{built_site.base_url}trust/")
        expect(page.locator("button.fb-copy-link")).to_have_count(0)
        permalink = page.locator("h2#feeling-safe-to-ask a.headerlink")
        assert permalink.get_attribute("href") == "#feeling-safe-to-ask"
        permalink.click()
        assert page.url == f"{built_site.base_url}trust/#feeling-safe-to-ask"
    finally:
        context.close()


def test_copy_link_buttons_are_visible_named_and_at_least_24_px_on_a_phone(
    browser: Browser, built_site: BuiltSite
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{built_site.base_url}trust/")
        buttons = page.locator("article button.fb-copy-link")
        expect(buttons.first).to_be_visible()
        found = buttons.evaluate_all(
            """buttons => buttons.map(button => {
              const box = button.getBoundingClientRect();
              const style = getComputedStyle(button);
              return {width: box.width, height: box.height, opacity: style.opacity, visibility: style.visibility,
                      svg: button.querySelector('svg') !== null};
            })"""
        )
        assert found and all(
            item["width"] >= 24
            and item["height"] >= 24
            and item["opacity"] == "1"
            and item["visibility"] == "visible"
            and item["svg"]
            for item in found
        ), found
        names = [buttons.nth(index) for index in range(buttons.count())]
        for button in names[:3]:
            expect(button).to_have_accessible_name(re.compile(r"^Copy link to this (section|quiz): \S"))
        expect(page.locator("#quiz-safe-to-ask button.fb-copy-link")).to_have_accessible_name(
            "Copy link to this quiz: How safe does it feel to say what you need?"
        )
    finally:
        context.close()


def test_headings_are_put_in_rows_with_room_for_the_button() -> None:
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a">&para;</a></h2><p>x</p><h3>No id</h3>'
        '<h2 class="fb-quiz__title" id="quiz-b-title">B</h2><h1 id="t">Title</h1>'
    )
    assert in_rows(html) == (
        '<div class="fb-linkable fb-linkable--h2" data-fb-copy-anchor="a" data-fb-copy-kind="section">'
        '<h2 id="a">A<a class="headerlink" href="#a">&para;</a></h2></div><p>x</p><h3>No id</h3>'
        '<h2 class="fb-quiz__title" id="quiz-b-title">B</h2><h1 id="t">Title</h1>'
    )


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"section": "Copiar el enlace"}, "extra.copy_link.section must contain {name}"),
        ({"announce_failed": "No se pudo copiar."}, "extra.copy_link.announce_failed must contain {address}"),
        ({"copied": ""}, "extra.copy_link.copied is empty"),
        ({"copy": "Copy"}, "extra.copy_link.copy is not a known setting"),
        ("Copy link", "extra.copy_link must be a mapping"),
    ],
)
def test_bad_copy_link_wording_is_refused_with_one_clear_message(raw: object, message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        validate_copy_link(raw)


def test_copy_link_wording_comes_from_the_settings(tmp_path: Path) -> None:
    result, site = build_variant(
        tmp_path,
        config_overrides=(
            "extra:\n  copy_link:\n    section: 'Copiar el enlace a esta sección: {name}'\n    copied: Enlace copiado\n"
        ),
    )
    assert result.returncode == 0, result.stderr
    html = (site / "trust" / "index.html").read_text(encoding="utf-8")
    assert 'data-section="Copiar el enlace a esta sección: {name}"' in html
    assert 'data-copied="Enlace copiado"' in html
    assert 'data-quiz="Copy link to this quiz: {name}"' in html
