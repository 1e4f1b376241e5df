"""The Print button of topic pages: the whole page or a short handout, in both editions (issue 20).

In Chromium, on every topic page of both editions: the fold-out opens by keyboard, each choice calls
the browser's print with the right mode (window.print is stubbed: a headless browser has no print
dialog) and the mode is gone once printing is over. What the short handout holds is checked on the
page as printed (print media) and in the PDF Chromium prints, read with pypdf; the PDFs go to
test-artifacts/. Without JavaScript the fold-out says how to print with the browser's own command.
"""

from __future__ import annotations

import io

import pytest
from conftest import BuiltSite
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from support.site_pages import TOPIC_PAGES
from support.sitebuild import PROJECT_ROOT

from finding_balance.settings import locale_defaults

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
EDITIONS = {"": "en", "es/": "es", "ar/": "ar"}
#: Editions whose printed words pypdf reads back as written. Arabic comes back in its letters' printed
#: forms, its words drawn from left to right and some of them cut in two, so on paper only its
#: address is compared as text; the parts shown and left out in print are checked on the page.
PDF_READABLE = ("en", "es")
PRINT_SPY_JS = """
window.__fbPrints = [];
window.print = () => { window.__fbPrints.push(document.documentElement.getAttribute('data-fb-printing')); };
"""


def topic_urls(site: BuiltSite) -> list[tuple[str, str]]:
    return [
        (f"{site.base_url}{prefix}{page.removesuffix('.md')}/", language)
        for prefix, language in EDITIONS.items()
        for page in TOPIC_PAGES
    ]


def test_print_buttons_work_on_every_topic_page_in_both_editions(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(PRINT_SPY_JS)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        urls = topic_urls(built_site)
        assert len(urls) == 6 * len(EDITIONS)
        for url, language in urls:
            words = locale_defaults(language)["words"]
            page.goto(url)
            summary = page.locator("[data-fb-print] > summary")
            expect(summary).to_have_text(words["print"])
            summary.focus()
            page.keyboard.press("Enter")
            short = page.get_by_role("button", name=words["print_short"])
            expect(short).to_be_visible()
            expect(page.locator("[data-fb-print-help]")).to_be_hidden()
            short.focus()
            page.keyboard.press("Enter")
            assert page.evaluate("window.__fbPrints") == ["short"], url
            expect(summary).to_be_focused()
            page.evaluate("window.dispatchEvent(new Event('afterprint'))")
            assert page.evaluate("document.documentElement.hasAttribute('data-fb-printing')") is False
            page.keyboard.press("Enter")
            page.get_by_role("button", name=words["print_page"]).click()
            assert page.evaluate("window.__fbPrints") == ["short", None], url
    finally:
        context.close()
    assert errors == []


def test_only_topic_pages_have_a_print_button(built_site: BuiltSite) -> None:
    for prefix in EDITIONS:
        for page in ("index.html", "about/index.html", "help/index.html", "counsellors/index.html", "pack/index.html"):
            assert not built_site.soup(f"{prefix}{page}").select("[data-fb-print]"), f"{prefix}{page}"
        for page in TOPIC_PAGES:
            soup = built_site.soup(f"{prefix}{page.removesuffix('.md')}/index.html")
            assert len(soup.select("details[data-fb-print]")) == 1, page
            # Without JavaScript: how to print, and no dead button.
            assert soup.select_one("[data-fb-print-choices]").has_attr("hidden")


def printed_text(page: Page, name: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(print_background=True)
    (ARTIFACTS / name).write_bytes(pdf)
    return " ".join(" ".join(part.extract_text() for part in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize("prefix", list(EDITIONS))
def test_the_short_handout_holds_the_summary_exercise_quiz_and_in_short(
    page: Page, built_site: BuiltSite, prefix: str
) -> None:
    page.goto(f"{built_site.base_url}{prefix}trust/")
    counsellors_note = page.locator("article details.note > summary").inner_text()
    first_section = page.locator("#trust-makes-space-safe").inner_text()
    readable = EDITIONS[prefix] in PDF_READABLE
    whole = printed_text(page, f"print-trust-whole-{EDITIONS[prefix]}.pdf")
    assert not readable or (counsellors_note in whole and first_section in whole)

    page.evaluate("document.documentElement.setAttribute('data-fb-printing', 'short')")
    page.emulate_media(media="print")
    for kept in ("h1", ".fb-summary", ".admonition.warning", ".admonition.tip", "section.fb-quiz", "#in-short"):
        expect(page.locator(f"article {kept}").first).to_be_visible()
    expect(page.locator(".fb-linkable:has(> #in-short) + ul")).to_be_visible()
    expect(page.locator(".fb-handout img.fb-handout__qr")).to_be_visible()
    for left_out in ("details.note", "#trust-makes-space-safe", "[data-fb-print]", ".fb-reviewed"):
        expect(page.locator(f"article {left_out}").first).to_be_hidden()
    short = printed_text(page, f"print-trust-short-{EDITIONS[prefix]}.pdf")
    if readable:
        assert counsellors_note not in short and first_section not in short
        for part in ("h1", ".fb-summary", ".admonition.tip .admonition-title", "#in-short"):
            assert page.locator(f"article {part}").first.inner_text().strip() in short, part
    assert f"{built_site.base_url}{prefix}trust/" in short.replace(" ", "")
    assert len(short) < len(whole) * 0.75


def test_without_javascript_the_fold_out_says_how_to_print(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{built_site.base_url}es/self-care/")
        page.locator("[data-fb-print] > summary").click()
        expect(page.locator("[data-fb-print-help]")).to_have_text(locale_defaults("es")["words"]["print_nojs"])
        expect(page.locator("[data-fb-print-mode]")).to_have_count(2)
        expect(page.locator("[data-fb-print-mode]").first).to_be_hidden()
    finally:
        context.close()
