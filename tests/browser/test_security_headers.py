"""Security headers for real hosts: the build writes ``site/_headers`` from the one list in
``finding_balance.policy.headers``, the README gives the same headers for nginx and Apache, and the site
works in Chromium when served with them: quizzes, search, palette, instant navigation, copy link and
quick exit, with no console error; and another site cannot frame it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BuiltSite, PageLog
from playwright.sync_api import Page, expect
from support.gates import CSP_LISTENER_JS, search_and_switch_palette, take_quizzes
from support.quick_exit import NEUTRAL, NEUTRAL_PAGE
from support.sitebuild import PROJECT_ROOT, bind_server, read_headers_file, serving

from finding_balance.policy.headers import HEADERS, HEADERS_FILE, headers_file, write_headers

# --- The list and the file ----------------------------------------------------------------------------


def test_the_list_has_the_protections_a_meta_policy_cannot_give() -> None:
    headers = dict(HEADERS)
    assert len(headers) == len(HEADERS), "a header is listed twice"
    policy = [directive.split() for directive in headers["Content-Security-Policy"].split(";")]
    assert ["frame-ancestors", "'none'"] in policy
    assert not [directive for directive in policy if directive[0] in ("default-src", "script-src", "style-src")], (
        "the header's policy must leave scripts and styles to the per-page policy, which lists their hashes"
    )
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(item.split("=") for item in headers["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "interest-cohort"):
        assert features.get(feature) == "()", feature
    assert "clipboard-write" not in features, "Copy link writes to the clipboard"
    assert all("\n" not in value and value == value.strip() for value in headers.values())


def test_the_file_gives_every_path_every_header(tmp_path: Path) -> None:
    path = write_headers(tmp_path)
    assert path == tmp_path / HEADERS_FILE
    assert path.read_text(encoding="utf-8") == headers_file()
    assert read_headers_file(path) == [("/*", list(HEADERS))]


def test_the_build_writes_the_file(site_dir: Path) -> None:
    assert read_headers_file(site_dir / "_headers") == [("/*", list(HEADERS))]


# --- The README's snippets for nginx and Apache ------------------------------------------------------


def readme_block(language: str) -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"^[ \t]*```{language}\n(.*?)^[ \t]*```[ \t]*$", readme, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, f"the README should have one ```{language} block, not {len(blocks)}"
    return blocks[0]


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("nginx", r'add_header (?P<name>[A-Za-z-]+) "(?P<value>[^"]+)" always;'),
        ("apache", r'Header always set (?P<name>[A-Za-z-]+) "(?P<value>[^"]+)"'),
    ],
)
def test_the_readme_snippets_list_exactly_these_headers(language: str, line: str) -> None:
    listed = []
    for text in readme_block(language).splitlines():
        text = text.strip()
        if not text or text.startswith("#") or text.startswith(("<", "location", "}")):
            continue
        match = re.fullmatch(line, text)
        assert match, f"README, {language}: not a header line: {text!r}"
        listed.append((match["name"], match["value"]))
    assert listed == list(HEADERS)


# --- In Chromium, served with the headers ------------------------------------------------------------


@pytest.fixture(scope="module")
def headers_url(built_site: BuiltSite) -> Iterator[str]:
    """The built site served again, now with the headers of its ``_headers`` file. Same port, another
    loopback address: Material navigates instantly only to its sitemap's URLs, whose port it keeps."""
    port = int(built_site.base_url.rstrip("/").rsplit(":", 1)[1])
    rules = read_headers_file(built_site.directory / "_headers")
    server = bind_server(built_site.directory, headers=rules, host="127.0.0.2", port=port)
    with serving(built_site.directory, server) as url:
        yield url


def test_the_key_paths_work_under_the_headers(page: Page, page_log: PageLog, headers_url: str) -> None:
    page.add_init_script(CSP_LISTENER_JS)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=headers_url.rstrip("/"))
    response = page.goto(headers_url)
    assert response is not None
    sent = {name.lower(): value for name, value in response.headers.items()}
    assert {name.lower(): value for name, value in HEADERS}.items() <= sent.items()

    search_and_switch_palette(page)

    page.evaluate("window.__fbSameDocument = true")
    page.locator("nav.md-nav--primary a.md-nav__link[href$='trust/']").first.click()
    page.wait_for_function("() => document.querySelector('link[rel=canonical]').href.endsWith('/trust/')")
    assert page.evaluate("window.__fbSameDocument === true"), "navigation was not instant"
    taken, problems = take_quizzes(page)
    assert taken >= 1 and problems == []
    expect(page.locator("section.fb-quiz [data-quiz-result]").first).not_to_be_empty()

    page.locator("#quiz-safe-to-ask button.fb-copy-link").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{headers_url}trust/#quiz-safe-to-ask"
    assert page_log.console_errors == []

    page.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    page.locator("article.md-content__inner h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    expect(page).to_have_title("Weather")
    assert page_log.console_errors == []
    assert page_log.foreign_requests(headers_url) == [NEUTRAL]


def test_another_site_cannot_frame_a_page(page: Page, built_site: BuiltSite, headers_url: str) -> None:
    # The same page without the headers (served by the session's plain server) frames fine: the
    # header is what refuses it.
    page.set_content(
        f'<iframe name="plain" src="{built_site.base_url}trust/"></iframe>'
        f'<iframe name="protected" src="{headers_url}trust/"></iframe>'
    )
    plain = page.frame(name="plain")
    assert plain is not None
    plain.wait_for_selector("h1")
    protected = page.frame(name="protected")
    assert protected is not None
    page.wait_for_function("() => document.readyState === 'complete'")
    assert protected.query_selector("article.md-content__inner") is None, "a page with the headers was framed"
    assert protected.url.startswith("chrome-error:"), protected.url
