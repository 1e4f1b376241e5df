"""The same key paths in Chromium, Firefox and WebKit (tables in ``support/key_paths.py``): in Spanish
in Chromium, in English and Arabic in the others (``ENGINE_EDITIONS``).

Every kind of page loads with our script running and no script error; each quiz type is taken to
its result by keyboard; the quick exit leaves (button, Shift three times) and clears the answers;
the language link keeps the section; search finds a word. Each engine is started once (fixture
``browser_engine``) and every test gets a tab with empty storage (fixture ``tab``).

How errors are seen differs by engine (``Engine.errors_from``): Chromium and Firefox report console
errors and uncaught exceptions themselves; WebKitGTK's driver reports none, so in every engine the
page also keeps its own list (catch-errors.js, added by the test server only), and the first tests
here prove, in each engine, that the list really catches a thrown error, a rejected promise, a
``console.error`` and a Content Security Policy violation.
"""

from __future__ import annotations

import urllib.request

import pytest
from conftest import BROWSER_ENGINES, BuiltSite
from support.browser_tabs import CATCH_ERRORS_COOKIE, ORIGIN_PAGE, Tab
from support.key_paths import EDITIONS, PAGES, PATHS, KeyPage, Visit
from support.outside_proxy import OutsideProxy
from support.sitebuild import CATCH_ERRORS_PATH, with_error_catcher

#: The editions each engine takes the key paths in: Spanish in Chromium, English and Arabic (one
#: edition in each direction) in Firefox and WebKit, so that every edition is taken and every engine
#: takes both directions but Chromium, whose own tests (tests/browser/) drive every edition.
ENGINE_EDITIONS = [("chromium", "es"), ("firefox", "en"), ("firefox", "ar"), ("webkit", "en"), ("webkit", "ar")]


def test_every_engine_and_every_edition_takes_the_key_paths() -> None:
    """A new edition or engine must be given its place in ``ENGINE_EDITIONS``."""
    assert {engine for engine, _ in ENGINE_EDITIONS} == set(BROWSER_ENGINES)
    assert {language for _, language in ENGINE_EDITIONS} == set(EDITIONS)
    for engine in ("firefox", "webkit"):
        assert {language for taker, language in ENGINE_EDITIONS if taker == engine} == {"en", "ar"}


def visit_of(tab: Tab, site: BuiltSite, language: str, outside: OutsideProxy) -> Visit:
    return Visit(tab, site.base_url, language, outside)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.kind)
@pytest.mark.parametrize(("browser_engine", "language"), ENGINE_EDITIONS, indirect=["browser_engine"], scope="session")
def test_the_page_loads_and_our_script_runs_without_an_error(
    tab: Tab, built_site: BuiltSite, outside: OutsideProxy, page: KeyPage, language: str
) -> None:
    visit = visit_of(tab, built_site, language, outside)
    visit.open(page)
    assert tab.run("return document.documentElement.lang;") == language
    assert tab.errors() == []


@pytest.mark.parametrize("name", list(PATHS))
@pytest.mark.parametrize(("browser_engine", "language"), ENGINE_EDITIONS, indirect=["browser_engine"], scope="session")
def test_the_reader_can(tab: Tab, built_site: BuiltSite, outside: OutsideProxy, name: str, language: str) -> None:
    visit = visit_of(tab, built_site, language, outside)
    PATHS[name](visit)
    if not tab.url().startswith(built_site.base_url):
        tab.goto(built_site.base_url + ORIGIN_PAGE)  # back on the site to read what it caught
    assert tab.errors() == []


MISTAKES = {
    "thrown": "setTimeout(() => { throw new Error('fb-test-thrown'); });",
    "rejected": "Promise.reject(new Error('fb-test-rejected'));",
    "console": "console.error('fb-test-console');",
    "policy": "const s = document.createElement('script'); s.textContent = 'window.fbInline = 1';"
    " document.head.append(s);",
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_script_error_in_the_page_is_seen(tab: Tab, built_site: BuiltSite, mistake: str) -> None:
    """The error check above can fail in every engine: each kind of mistake is reported, at least by
    catch-errors.js (WebKit's only source), and the page's policy still blocks inline script."""
    tab.goto(f"{built_site.base_url}about/")
    tab.wait_for("return !!window.findingBalanceQuickExit;", "our script")
    tab.run(f"{MISTAKES[mistake]} return true;")
    tab.wait_for("return (JSON.parse(sessionStorage.getItem('fb-test-errors') || '[]')).length > 0;", "a caught error")
    caught = tab.caught_errors()
    assert len(caught) == 1, caught
    if mistake == "policy":
        assert "Content Security Policy: script-src" in caught[0]
        assert tab.run("return window.fbInline === undefined;"), "the page's policy let inline script run"
    else:
        assert f"fb-test-{mistake}" in caught[0]
    assert tab.errors()


def test_only_a_tab_with_the_cookie_gets_the_error_catcher(built_site: BuiltSite) -> None:
    built = (built_site.directory / "trust" / "index.html").read_text(encoding="utf-8")
    address = f"{built_site.base_url}trust/"
    with urllib.request.urlopen(address) as plain:
        assert plain.read().decode("utf-8") == built
    request = urllib.request.Request(address, headers={"Cookie": f"{CATCH_ERRORS_COOKIE}=1"})
    with urllib.request.urlopen(request) as caught:
        served = caught.read().decode("utf-8")
    assert served == with_error_catcher(built) != built
    policy_end = built.index(">", built.index('http-equiv="Content-Security-Policy"')) + 1
    assert served[policy_end:].startswith(f'<script src="{CATCH_ERRORS_PATH}"></script>')
