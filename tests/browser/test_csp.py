"""Gate 4, Content Security Policy: finding_balance/policy/csp.py writes a policy into every page that allows only the
site itself and the page's own inline scripts (by hash); Chromium enforces it and the site still
works under it: search, palette toggle, instant navigation and quizzes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, PageLog
from playwright.sync_api import Page
from support.gates import CSP_LISTENER_JS, search_and_switch_palette, take_quizzes

from finding_balance.errors import AuthorError
from finding_balance.gates.policy import policy_problems_in
from finding_balance.policy import csp
from finding_balance.site.finish import SiteContext, finished_html

# --- The policy's pure functions --------------------------------------------------------------------


def with_policy(html: str) -> str:
    """``html`` with its policy written where the finishing writes it."""
    position, meta = csp.policy_insert(html)
    return f"{html[:position]}{meta}{html[position:]}"


def post_template(html: str, name: str, serving: bool = False) -> str:
    """A page through the finishing pass's last step, as every engine's pages go."""
    context = SiteContext(Path("."), "https://example.org/", Path("docs"), Path("assets"), Path("."), serving=serving)
    return finished_html(html, context, name)


def test_hash_matches_the_published_example() -> None:
    # The example in the CSP specification and on MDN: alert('Hello, world.');
    assert csp.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_only_scripts_that_run_inline_are_collected_exactly_as_written() -> None:
    html = (
        "<head><script>a &amp;&amp; b < c\n  // keep spacing </script>"
        '<script type="application/json" id="__config">{"a": 1}</script>'
        '<script src="assets/app.js"></script>'
        "<SCRIPT type=module>import x from './x.js'</SCRIPT >"
        '<script type="text/javascript">let s = "</scr" + "ipt>";</script></head>'
    )
    assert csp.inline_scripts(html) == [
        "a &amp;&amp; b < c\n  // keep spacing ",
        "import x from './x.js'",
        'let s = "</scr" + "ipt>";',
    ]


def parse_policy(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} given twice"
        directives[name] = sources
    return directives


def assert_allows_only_the_site(directives: dict[str, list[str]]) -> None:
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    for name, sources in directives.items():
        for source in sources:
            allowed = source in {"'self'", "'none'"} or (name == "img-src" and source == "data:")
            allowed = allowed or (name == "script-src" and source.startswith("'sha256-"))
            assert allowed, f"{name} allows {source}"


def test_policy_lists_each_inline_script_once_and_nothing_else() -> None:
    html = "<head><script>one()</script><script>two()</script><script>one()</script></head>"
    directives = parse_policy(csp.content_security_policy(html))
    assert_allows_only_the_site(directives)
    assert directives["script-src"] == ["'self'", csp.script_hash("one()"), csp.script_hash("two()")]


def test_policy_is_written_first_in_head_after_charset() -> None:
    html = '<!doctype html><html><head>\n<meta charset="utf-8">\n<link rel="stylesheet" href="a.css"></head>'
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp.content_security_policy(html)}">'
    expected = html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n    {meta}', 1)
    assert with_policy(html) == expected


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<p>No head here</p>", "no <head>"),
        ('<head><meta http-equiv="Content-Security-Policy" content="x"></head>', "already has"),
    ],
)
def test_pages_it_cannot_protect_stop_the_build(html: str, reason: str) -> None:
    with pytest.raises(AuthorError, match=reason):
        post_template(html, "odd.html")


def test_static_templates_get_a_policy() -> None:
    page = "<html><head><title>Not found</title></head></html>"
    assert "Content-Security-Policy" in post_template(page, "404.html")


def test_mkdocs_serve_gets_no_policy() -> None:
    page = "<html><head></head></html>"
    assert post_template(page, "404.html", serving=True) == page
    assert post_template(page, "404.html") != page


# --- The built site ----------------------------------------------------------------------------------


def policy_problems(html: str) -> list[str]:
    """A built page's policy checked by the package's gate (independently of the code that writes it:
    ``finding_balance.gates.policy``), and, stricter under MkDocs, no stylesheet allowed by hash."""
    problems = policy_problems_in(html)
    for meta in BeautifulSoup(html, "html.parser").find_all("meta", attrs={"http-equiv": "Content-Security-Policy"}):
        styles = parse_policy(str(meta["content"])).get("style-src", [])
        problems += [f"style-src allows {source}" for source in styles if source != "'self'"]
    return problems


def test_every_page_carries_a_policy_for_exactly_its_own_scripts(built_site: BuiltSite) -> None:
    problems = {
        str(path.relative_to(built_site.directory)): found
        for path in built_site.html_files()
        if (found := policy_problems(path.read_text(encoding="utf-8")))
    }
    assert (built_site.directory / "404.html").exists()
    assert problems == {}


def test_page_check_catches_a_script_changed_after_the_build(built_site: BuiltSite) -> None:
    html = (built_site.directory / "index.html").read_text(encoding="utf-8")
    tampered = html.replace("<script>", "<script>alert(1);", 1)
    assert tampered != html
    assert any(problem.startswith("inline script not allowed") for problem in policy_problems(tampered))


# --- In Chromium --------------------------------------------------------------------------------------


def csp_reports(page_log: PageLog) -> list[str]:
    return [text for text in page_log.console_errors if "Content Security Policy" in text]


def test_the_policy_is_enforced_and_violations_are_seen(page: Page, page_log: PageLog, built_site: BuiltSite) -> None:
    page.add_init_script(CSP_LISTENER_JS)
    page.goto(built_site.base_url)
    assert csp_reports(page_log) == []
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__fbInjected = 1';"
            " document.head.append(s); }"
        )
    assert page.evaluate("window.__fbInjected") is None


def test_search_palette_navigation_and_quizzes_work_under_the_policy(
    page: Page, page_log: PageLog, built_site: BuiltSite
) -> None:
    page.add_init_script(CSP_LISTENER_JS)
    page.goto(built_site.base_url)

    search_and_switch_palette(page)

    # Every page of the navigation, instantly: the policies of the pages seen add up in the browser.
    page.evaluate("window.__fbSameDocument = true")
    nav_links = "nav.md-nav--primary > ul > li > a.md-nav__link"
    addresses = page.locator(nav_links).evaluate_all("links => links.map(link => link.href)")
    assert len(addresses) >= 2
    quizzes_taken = 0
    for index in [*range(1, len(addresses)), 0]:
        page.locator(nav_links).nth(index).click()
        # The address changes before the content does; the canonical link changes with the content.
        page.wait_for_function(
            "address => document.querySelector('link[rel=canonical]').href === address", arg=addresses[index]
        )
        taken, problems = take_quizzes(page)
        assert problems == []
        quizzes_taken += taken
    assert page.evaluate("window.__fbSameDocument === true"), "navigation was not instant"
    assert quizzes_taken == sum(
        len(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("section.fb-quiz"))
        for path in built_site.html_files()
    )
    assert csp_reports(page_log) == []
    assert page_log.console_errors == []
