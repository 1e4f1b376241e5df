"""Gates 3 and 4 in one pass of Chromium over every page of the built site: on each page it opens
search and types a query and takes every quiz, logging every request and every console message.
No request may leave the local server, and no page may report a Content Security Policy violation
(or any other console error)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from conftest import BuiltSite
from playwright.sync_api import Browser, ConsoleMessage
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from support.gates import CSP_LISTENER_JS, site_pages, take_quizzes

#: A word every edition's search must find, by the folder of the edition.
SEARCH_QUERIES = {"": "trust", "es/": "confianza"}


@dataclass
class Visit:
    """What one page did while the walk was on it."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    search_results: int = 0
    quizzes_taken: int = 0
    quiz_problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def walk(browser: Browser, built_site: BuiltSite) -> Iterator[dict[str, Visit]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(CSP_LISTENER_JS)
    visits: dict[str, Visit] = {}
    current = Visit()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            current.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: current.console_errors.append(str(error)))
    page.on("request", lambda request: current.requests.append(request.url))

    for site_page in site_pages(built_site.directory, built_site.base_url):
        current = visits[site_page.path] = Visit()
        page.goto(site_page.url)
        page.locator(".md-search__input").click()
        page.keyboard.type(SEARCH_QUERIES["es/" if site_page.path.startswith("es/") else ""])
        results = page.locator(".md-search-result__item")
        with contextlib.suppress(PlaywrightTimeoutError):  # 0 results: its test reports that
            results.first.wait_for(timeout=5000)
        current.search_results = results.count()
        page.keyboard.press("Escape")
        current.quizzes_taken, current.quiz_problems = take_quizzes(page)
        # One more round trip, so the last console messages and requests of this page arrive here.
        page.evaluate("() => new Promise(resolve => setTimeout(resolve, 50))")
    yield visits
    context.close()


def test_the_walk_visited_every_html_file(walk: dict[str, Visit], built_site: BuiltSite) -> None:
    files = {path.relative_to(built_site.directory).as_posix() for path in built_site.directory.rglob("*.html")}
    assert len(walk) == len(files) > 0
    assert set(walk) == files


def test_no_request_leaves_the_local_server(walk: dict[str, Visit], built_site: BuiltSite) -> None:
    foreign = {
        path: [url for url in visit.requests if not url.startswith((built_site.base_url, "data:", "blob:"))]
        for path, visit in walk.items()
    }
    assert {path: urls for path, urls in foreign.items() if urls} == {}
    # The walk really loaded things: each page, its stylesheets and scripts, the search index.
    assert all(len(visit.requests) >= 4 for visit in walk.values())
    assert any(url.endswith("search_index.json") for visit in walk.values() for url in visit.requests)


def test_no_page_reports_a_csp_violation_or_an_error(walk: dict[str, Visit]) -> None:
    assert {path: visit.console_errors for path, visit in walk.items() if visit.console_errors} == {}


def test_search_finds_results_from_every_page(walk: dict[str, Visit]) -> None:
    assert {path: visit.search_results for path, visit in walk.items() if not visit.search_results} == {}


def test_every_quiz_on_the_site_was_taken(walk: dict[str, Visit], built_site: BuiltSite) -> None:
    assert {path: visit.quiz_problems for path, visit in walk.items() if visit.quiz_problems} == {}
    in_html = {path: len(built_site.soup(path).select("section.fb-quiz")) for path in walk}
    assert {path: visit.quizzes_taken for path, visit in walk.items()} == in_html
