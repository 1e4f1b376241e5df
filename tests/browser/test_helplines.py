"""Helplines: the data files' checks (unit tables and a fuzz), the real data, the help page as built
in both editions, and the country chooser, the plain card and the safety plan in Chromium."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BuiltSite, PageLog
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from support.fuzzing import hard_limit
from support.sitebuild import PROJECT_ROOT, copy_project

from finding_balance.helplines.data import KINDS, HelplineError, load_helplines, parse_helplines, stale_before
from finding_balance.helplines.markdown import HelplinesFenceError, fence_kind, render_helplines
from finding_balance.settings import locale_defaults

TODAY = date(2026, 12, 6)

#: A small valid data file: line numbers in the tables below count from its first line.
VALID = """\
countries:
  - code: ie
    name: Ireland
    lines:
      - name: Example Crisis Line
        kind: crisis
        phone: "116 123"
        text:
          number: "50808"
          keyword: TALK
        web: https://example.org/
        hours: Day and night
        cost: Free
        serves: Anyone who is struggling.
        note: It does not show on the bill.
        source: https://example.org/contact
        checked: 2026-11-30
  - code: es
    name: Spain
    lines:
      - name: Example Abuse Line
        kind: abuse
        phone: "016"
        whatsapp: "+34 600 000 016"
        serves: Women.
        source: https://example.org/016
        checked: 2025-12-06
"""


def test_a_valid_file_gives_plain_data_with_the_addresses_made() -> None:
    countries = parse_helplines(VALID, "fixture.yml", TODAY)
    assert [country["code"] for country in countries] == ["ie", "es"]
    assert countries[0]["anchor"] == "helplines-ie"
    crisis = countries[0]["lines"][0]
    assert crisis["tel"] == "tel:116123"
    assert crisis["sms"] == "sms:50808?body=TALK"
    assert (crisis["text_number"], crisis["text_keyword"]) == ("50808", "TALK")
    assert crisis["checked"] == "2026-11-30"
    abuse = countries[1]["lines"][0]
    assert abuse["whatsapp_url"] == "https://wa.me/34600000016"
    # Every key is there, empty when not given, so that templates under every engine can test it.
    assert abuse["hours"] == "" and abuse["sms"] == ""
    assert all(isinstance(value, str) for value in abuse.values())


def test_twelve_months_is_the_limit() -> None:
    assert stale_before(TODAY) == date(2025, 12, 6)
    assert stale_before(date(2028, 2, 29)) == date(2027, 2, 28)
    parse_helplines(VALID, "fixture.yml", TODAY)  # checked 2025-12-06: exactly twelve months, still fresh
    with pytest.raises(HelplineError, match="more than 12 months ago"):
        parse_helplines(VALID, "fixture.yml", date(2026, 12, 7))


INVALID: list[tuple[str, str, str, int, str]] = [
    # (case, text to replace, replacement, line named, words the message must hold)
    (
        "stale",
        "checked: 2026-11-30",
        "checked: 2024-05-01",
        17,
        "'Example Crisis Line' (Ireland): checked 2024-05-01 is more than 12 months ago; open its source again "
        "(https://example.org/contact), confirm the number",
    ),
    ("no source", "        source: https://example.org/contact\n", "", 5, "has no 'source'; add the address of a page"),
    ("no checked date", "        checked: 2026-11-30\n", "", 5, "has no 'checked'; confirm the number against"),
    ("checked in the future", "checked: 2026-11-30", "checked: 2027-01-01", 17, "is in the future"),
    ("checked not a date", "checked: 2026-11-30", "checked: last week", 17, "must be a date written YYYY-MM-DD"),
    ("source not an address", "source: https://example.org/016", "source: the 016 website", 26, "full address"),
    ("phone as a number", 'phone: "016"', "phone: 16", 23, "must be text, but it is a number"),
    ("phone with words", 'phone: "016"', 'phone: "016 or 112"', 23, "may hold only digits"),
    ("unknown kind", "kind: abuse", "kind: violence", 22, "kind 'violence' is not one of emergency"),
    ("misspelt key", "hours: Day and night", "horus: Day and night", 12, "'horus' is not a known key"),
    ("no way to reach it", '        phone: "016"\n        whatsapp: "+34 600 000 016"\n', "", 21, "at least one way"),
    ("no one it serves", "        serves: Women.\n", "", 21, "has no 'serves'"),
    ("bad country code", "code: es", "code: Spain", 18, "two-letter country code"),
    ("country twice", "code: es", "code: ie", 18, "the country 'ie' is listed twice (first at line 2)"),
    ("keyword of two words", "keyword: TALK", "keyword: TALK NOW", 10, "must be one word"),
    ("empty serves", "serves: Women.", "serves: '  '", 25, "is empty"),
    ("not YAML", "    lines:\n      - name: Example Abuse", "    lines:\n    - name: [Example Abuse", 22, ""),
]


@pytest.mark.parametrize(("old", "new", "line", "words"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_a_mistake_names_the_file_and_line(old: str, new: str, line: int, words: str) -> None:
    assert old in VALID
    with pytest.raises(HelplineError) as caught:
        parse_helplines(VALID.replace(old, new, 1), "helplines/en.yml", TODAY)
    message = str(caught.value)
    assert message.startswith(f"helplines/en.yml:{line}: "), message
    assert words in message, message
    assert len(message.splitlines()) == 1


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (["helplines/en.yml"], "must be the path of a helplines data file"),
        ("", "must be the path of a helplines data file"),
        ("helplines/none.yml", "names 'helplines/none.yml', which cannot be read"),
    ],
)
def test_the_setting_must_name_a_readable_file(raw: Any, words: str) -> None:
    with pytest.raises(HelplineError, match=re.escape(words)):
        load_helplines(raw, PROJECT_ROOT)


def test_no_setting_means_no_helplines() -> None:
    assert load_helplines(None, PROJECT_ROOT) == []


@st.composite
def mutated_files(draw: st.DrawFn) -> str:
    """The valid file with a few of its lines dropped, repeated, cut or given odd values."""
    lines = VALID.splitlines()
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "cut", "value"]))
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: draw(st.integers(min_value=0, max_value=len(lines[index])))]
        else:
            key = lines[index].split(":")[0]
            value = draw(st.sampled_from(["", "~", "[]", "{}", "42", "2020-01-01", "'\u202e'", "|", "- x", "*a"]))
            lines[index] = f"{key}: {value}"
    return "\n".join(lines) + "\n"


@given(mutated_files())
def test_any_broken_file_gives_one_message_with_file_and_line(text: str) -> None:
    try:
        with hard_limit():
            countries = parse_helplines(text, "fixture.yml", TODAY)
    except HelplineError as error:
        message = str(error)
        assert re.match(r"^fixture\.yml:\d+: \S", message), message
        assert len(message.splitlines()) == 1, message
        return
    assert all(line["source"] and line["checked"] for country in countries for line in country["lines"])


def test_fence_bodies() -> None:
    assert fence_kind("") is None
    assert fence_kind("kind: crisis\n") == "crisis"
    with pytest.raises(HelplinesFenceError, match="kind: <kind>"):
        fence_kind("kind: everything")


def test_a_kind_with_no_line_renders_nothing_and_no_data_points_to_the_directory() -> None:
    words = locale_defaults("en")["words"]
    countries = parse_helplines(VALID, "fixture.yml", TODAY)
    assert render_helplines(countries, words, "men") == ""
    assert "findahelpline.com" in render_helplines([], words)
    short = render_helplines(countries, words, "crisis")
    assert 'data-fb-country="ie"' in short and 'data-fb-country="es"' not in short


def test_the_check_stops_on_a_stale_entry_with_file_and_line(tmp_path: Path) -> None:
    """``make check`` (``python -m finding_balance check``) on a copy whose data file has a stale entry."""
    project = copy_project(tmp_path / "project")
    stale = VALID.replace("2026-11-30", "2019-03-01")
    (project / "helplines" / "es.yml").write_text(stale, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "finding_balance", "check"], capture_output=True, text=True, cwd=project
    )
    assert result.returncode != 0
    assert "helplines/es.yml:17: 'Example Crisis Line' (Ireland): checked 2019-03-01 is more than 12 months" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------------------------------------------
# The real data

#: Where the real data lives: the package's, given to every new site too.
DATA = "finding_balance/helplines/lists"

EDITIONS = {
    "en": (f"{DATA}/en.yml", ["gb", "ie", "us", "ca", "au", "nz"]),
    "es": (f"{DATA}/es.yml", ["es", "mx", "ar", "co", "cl", "pe"]),
}


def real_data(language: str) -> list[dict[str, Any]]:
    return load_helplines(EDITIONS[language][0], PROJECT_ROOT)


@pytest.mark.parametrize("language", list(EDITIONS))
def test_each_edition_lists_its_countries_with_the_lines_every_reader_needs(language: str) -> None:
    countries = real_data(language)
    assert [country["code"] for country in countries] == EDITIONS[language][1]
    for country in countries:
        kinds = {line["kind"] for line in country["lines"]}
        assert {"emergency", "abuse", "crisis"} <= kinds, country["name"]
        for line in country["lines"]:
            assert line["source"].startswith(("https://", "http://")) and line["checked"], line["name"]
            assert line["phone"] or line["text_number"] or line["whatsapp"] or line["web"], line["name"]
    kinds_in_edition = {line["kind"] for country in countries for line in country["lines"]}
    assert kinds_in_edition >= {"emergency", "abuse", "crisis", "lgbtq", "young", "behaviour"}


# ---------------------------------------------------------------------------------------------------
# The help page as built

SECTIONS = [
    "emergency",
    "helplines",
    "feeling-low",
    "men",
    "lgbtq",
    "young",
    "worried-about-someone",
    "own-behaviour",
    "not-needing-space",
    "phone-safety",
    "staying-safe-online",
    "safety-plan",
    "quiz-safety-plan",
    "find-a-helpline",
]


def help_path(language: str) -> str:
    return "help/index.html" if language == "en" else f"{language}/help/index.html"


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_help_page_lists_every_country_with_working_links(built_site: BuiltSite, language: str) -> None:
    soup = built_site.soup(help_path(language))
    ids = {element["id"] for element in soup.select("[id]")}
    assert [anchor for anchor in SECTIONS if anchor not in ids] == []
    countries = real_data(language)
    listing = soup.select_one("[data-fb-helplines]")
    for country in countries:
        block = listing.select_one(f'[data-fb-country="{country["code"]}"]')
        assert block.select_one(f"h3#{country['anchor']}").get_text(strip=True) == country["name"]
        calls = {link["href"] for link in block.select("a[href^='tel:']")}
        assert calls == {line["tel"] for line in country["lines"] if line["tel"]}
        texts = {link["href"] for link in block.select("a[href^='sms:']")}
        assert texts == {line["sms"] for line in country["lines"] if line["sms"]}
        sources = [link["href"] for link in block.select(".fb-helpline__source a")]
        assert sources == [line["source"] for line in country["lines"]]
    assert all(re.fullmatch(r"tel:[+*]?\d+", link["href"]) for link in soup.select("a[href^='tel:']"))
    # Without a script, the chooser stays hidden and every country is shown.
    assert listing.select_one("[data-fb-helplines-chooser]").has_attr("hidden")
    assert not any(block.has_attr("hidden") for block in soup.select("[data-fb-country]"))
    # The safety plan can never be remembered.
    plan = soup.select_one("#quiz-safety-plan")
    assert plan.select("textarea") and not plan.select("[data-quiz-remember]")


def test_only_the_help_page_loads_the_helplines_script(built_site: BuiltSite) -> None:
    for path in built_site.every_edition_files():
        html = path.read_text(encoding="utf-8")
        is_help = path.parent.name == "help"
        assert ("finding-balance-helplines.min.js" in html) == is_help, path
        assert ("finding-balance-helplines.min.css" in html) == is_help, path


def test_low_mood_results_lead_to_the_crisis_section(built_site: BuiltSite) -> None:
    for prefix in ("", "es/"):
        band_links = [link["href"] for link in built_site.soup(f"{prefix}self-care/index.html").select("a[href]")]
        assert "../help/#feeling-low" in band_links, prefix


# ---------------------------------------------------------------------------------------------------
# In the browser


#: What the page keeps on the device: the theme keeps the reader's palette there, nothing else may be.
STORAGE = "[Object.keys(localStorage).sort(), Object.keys(sessionStorage).sort(), document.cookie]"


def open_help(page: Page, built_site: BuiltSite, language: str = "en") -> None:
    prefix = "" if language == "en" else f"{language}/"
    page.goto(f"{built_site.base_url}{prefix}help/")
    expect(page.locator("[data-fb-helplines][data-fb-helplines-ready]")).to_have_count(1)


def test_choosing_a_country_by_keyboard_shows_its_lines_and_keeps_nothing(
    page: Page, page_log: PageLog, built_site: BuiltSite
) -> None:
    open_help(page, built_site)
    requests_before = len(page_log.requests)
    storage_before = page.evaluate(STORAGE)
    chooser = page.get_by_label("Your country")
    chooser.focus()
    page.keyboard.type("Ire")
    expect(chooser).to_have_value("ie")
    expect(page.locator("[data-fb-helplines-status]")).to_have_text("Showing the helplines for Ireland.")
    expect(page.locator("[data-fb-helplines] [data-fb-country='ie']")).to_be_visible()
    expect(page.locator("[data-fb-helplines] [data-fb-country='gb']")).to_be_hidden()
    crisis = page.locator("[data-fb-helplines-kind='crisis']")
    expect(crisis.locator("[data-fb-country='ie']")).to_be_visible()
    expect(crisis.locator("[data-fb-country='us']")).to_be_hidden()
    # Ireland has no line listed for LGBTQ+ people: the section says so instead of showing nothing.
    if not any(line["kind"] == "lgbtq" for line in real_data("en")[1]["lines"]):
        expect(page.locator("[data-fb-helplines-kind='lgbtq'] [data-fb-helplines-none]")).to_be_visible()
    chooser.select_option("")
    expect(page.locator("[data-fb-helplines] [data-fb-country='gb']")).to_be_visible()
    assert page_log.requests[requests_before:] == [], "choosing a country sent a request"
    assert page.evaluate(STORAGE) == storage_before, "choosing a country wrote to the device's storage"
    assert page_log.console_errors == []


def test_without_javascript_every_country_is_shown(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{built_site.base_url}es/help/")
        expect(page.get_by_label("Tu país")).to_be_hidden()
        for code in EDITIONS["es"][1]:
            expect(page.locator(f"h3#helplines-{code}")).to_be_visible()
        page.get_by_role("link", name="Chile", exact=True).click()
        assert page.url.endswith("#helplines-cl")
    finally:
        context.close()


def test_the_chooser_works_after_instant_navigation(page: Page, page_log: PageLog, built_site: BuiltSite) -> None:
    page.goto(built_site.base_url)
    page.evaluate("window.fbStayed = true")
    page.locator("article").get_by_role("link", name="Get help now").first.click()
    page.wait_for_url("**/help/")
    expect(page.locator("[data-fb-helplines][data-fb-helplines-ready]")).to_have_count(1)
    assert page.evaluate("window.fbStayed === true"), "the page was loaded in full, not instantly"
    page.get_by_label("Your country").select_option("nz")
    expect(page.locator("[data-fb-helplines] [data-fb-country='nz']")).to_be_visible()
    expect(page.locator("[data-fb-helplines] [data-fb-country='au']")).to_be_hidden()
    assert page_log.console_errors == []


@pytest.mark.parametrize(("language", "code", "site_words"), [("en", "ie", "Finding Balance"), ("es", "mx", "Finding")])
def test_the_plain_card_prints_only_the_numbers(
    page: Page, built_site: BuiltSite, language: str, code: str, site_words: str
) -> None:
    open_help(page, built_site, language)
    page.evaluate("window.print = function () { window.fbPrinted = true; }")
    words = locale_defaults(language)["words"]
    page.locator(f"[data-fb-helplines-card='{code}']").click()
    assert page.evaluate("window.fbPrinted") is True
    expect(page).to_have_title(words["helplines_card_title"])
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join(sheet.extract_text().split()) for sheet in pdf.pages)
    country = next(country for country in real_data(language) if country["code"] == code)
    for line in country["lines"]:
        if line["phone"]:
            assert line["phone"] in text, line["name"]
    assert words["helplines_card_title"] in text
    assert site_words not in text
    assert "127.0.0.1" not in text and "http" not in text
    disclaimer = locale_defaults(language)["disclaimer"]
    assert disclaimer["label"] not in text and disclaimer["short"] not in text
    assert len(pdf.pages) == 1
    # After printing, the page is itself again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page).not_to_have_title(words["helplines_card_title"])
    assert page.locator("body > [data-fb-card-print]").count() == 0


def test_printing_the_page_itself_keeps_the_disclaimer_and_the_code(page: Page, built_site: BuiltSite) -> None:
    open_help(page, built_site)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(sheet.extract_text() for sheet in pdf.pages)
    assert "Read this page online at" in text
    assert "Finding Balance is for information and education only" in text


def test_the_safety_plan_is_never_kept_and_the_quick_exit_empties_it(page: Page, built_site: BuiltSite) -> None:
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(status=200, body="<title>Weather</title>"))
    open_help(page, built_site)
    plan = page.locator("#quiz-safety-plan")
    box = plan.locator("textarea").first
    storage_before = page.evaluate(STORAGE)
    box.fill("My sister, Anna")
    plan.get_by_role("button").first.focus()
    assert page.evaluate(STORAGE) == storage_before
    page.locator("body").click(position={"x": 5, "y": 400})
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/**")
    page.go_back()
    assert "/help/" not in page.url
    page.goto(f"{built_site.base_url}help/")
    expect(page.locator("#quiz-safety-plan textarea").first).to_have_value("")
    assert page.evaluate(STORAGE) == storage_before


def test_kinds_match_the_wording() -> None:
    for language in EDITIONS:
        words = locale_defaults(language)["words"]
        assert all(words[f"helpline_kind_{kind}"] for kind in KINDS)
    assert yaml.safe_load((PROJECT_ROOT / DATA / "en.yml").read_text(encoding="utf-8"))["countries"]
