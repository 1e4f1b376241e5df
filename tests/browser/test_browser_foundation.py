"""In headless Chromium: instant navigation keeps the banner, logs no error, asks no other host."""

from __future__ import annotations

from conftest import BuiltSite, PageLog
from playwright.sync_api import Page, expect


def test_instant_navigation_keeps_the_banner_and_stays_local(
    page: Page, page_log: PageLog, built_site: BuiltSite
) -> None:
    page.goto(built_site.base_url)
    expect(page.locator(".fb-disclaimer")).to_be_visible()
    page.evaluate("window.__fbSamePage = true")

    link = page.locator("nav.md-nav--primary a.md-nav__link[href$='about/']").first
    link.click()
    page.wait_for_url("**/about/")
    expect(page.locator("h1")).to_contain_text("About")
    # A full page load would have wiped the marker: the navigation was instant.
    assert page.evaluate("window.__fbSamePage === true")
    expect(page.locator(".fb-disclaimer")).to_be_visible()
    expect(page.locator(".fb-disclaimer")).to_have_count(1)

    assert page_log.console_errors == []
    assert page_log.foreign_requests(built_site.base_url) == []
    assert any(url.endswith("/about/") for url in page_log.requests)
