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
from bs4 import BeautifulSoup, Tag
from conftest import BuiltSite, PageLog
from hypothesis import given
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from support.fuzzing import hard_limit
from support.sitebuild import PROJECT_ROOT, copy_project

from finding_balance.helplines.data import (
    KINDS,
    HelplineError,
    load_helplines,
    months_before,
    parse_helplines,
    stale_before,
)
from finding_balance.helplines.markdown import (
    HelplinesFenceError,
    fence_kind,
    fence_part,
    full_stop,
    render_helplines,
)
from finding_balance.page_context import text_direction
from finding_balance.settings import locale_defaults

TODAY = date(2026, 12, 6)

#: A small valid data file: line numbers in the tables below count from its first line.
VALID = """\
public_hosts:
  - gob.es
  - gov.ie
countries:
  - code: ie
    name: Ireland
    lines:
      - name: Example Crisis Line
        kinds: [crisis, young]
        ages: {from: 11, to: 19}
        phone: "116 123"
        text:
          number: "50808"
          keyword: TALK
        web: https://www.example.org/
        hours: Day and night.
        cost: Free
        serves: Anyone who is struggling.
        dialling: Press 2 for Irish.
        note: The service says it does not show on the bill.
        source: https://help.example.org/contact
        source_kind: service
        checked: 2026-11-30
      - name: Example Abuse Line
        kinds: [abuse]
        phone: "*4141"
        hours_confirmed: false
        serves: Women.
        source: https://news.example.net/2026/abuse-line
        source_kind: report
        source_date: 2025-01-10
        checked: 2026-11-30
  - code: es
    name: Spain
    lines:
      - name: Example Abuse Line
        kinds: [abuse, men]
        phone: "016"
        whatsapp: "+34 600 000 016"
        hours: Day and night
        serves: Women.
        source: https://www.igualdad.gob.es/016
        source_kind: public
        checked: 2025-12-06
"""


def test_a_valid_file_gives_plain_data_with_the_addresses_made() -> None:
    countries = parse_helplines(VALID, "fixture.yml", TODAY)
    assert [country["code"] for country in countries] == ["ie", "es"]
    assert countries[0]["anchor"] == "helplines-ie"
    assert (countries[0]["file"], countries[0]["line"]) == ("fixture.yml", 5)
    crisis, report = countries[0]["lines"]
    assert crisis["kinds"] == ["crisis", "young"]
    assert (crisis["ages_from"], crisis["ages_to"]) == ("11", "19")
    assert crisis["tel"] == "tel:116123"
    # No message body: not every phone fills it in; the keyword is written beside the link.
    assert crisis["sms"] == "sms:50808"
    assert (crisis["text_number"], crisis["text_keyword"]) == ("50808", "TALK")
    assert crisis["checked"] == "2026-11-30"
    assert (crisis["source_kind"], crisis["source_host"]) == ("service", "help.example.org")
    # A short code with * is never a tel: link: the page writes it in words.
    assert (report["tel"], report["dial"], report["hours_unconfirmed"]) == ("", "*4141", "yes")
    assert report["source_date"] == "2025-01-10"
    abuse = countries[1]["lines"][0]
    assert abuse["whatsapp_url"] == "https://wa.me/34600000016"
    assert abuse["kinds"] == ["abuse", "men"]
    # Every key is there, empty when not given, so that templates under every engine can test it.
    assert abuse["cost"] == "" and abuse["sms"] == "" and abuse["dialling"] == ""
    assert all(isinstance(value, str) for key, value in abuse.items() if key != "kinds")


def test_twelve_months_is_the_limit() -> None:
    assert stale_before(TODAY) == date(2025, 12, 6)
    assert stale_before(date(2028, 2, 29)) == date(2027, 2, 28)
    parse_helplines(VALID, "fixture.yml", TODAY)  # checked 2025-12-06: exactly twelve months, still fresh
    with pytest.raises(HelplineError, match="more than 12 months ago"):
        parse_helplines(VALID, "fixture.yml", date(2026, 12, 7))
    # The yearly review's report keeps stale entries.
    assert parse_helplines(VALID, "fixture.yml", date(2027, 12, 7), stale_ok=True)


def test_a_report_may_be_24_months_older_than_its_check() -> None:
    assert months_before(date(2026, 11, 30), 24) == date(2024, 11, 30)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    parse_helplines(VALID.replace("source_date: 2025-01-10", "source_date: 2024-11-30"), "fixture.yml", TODAY)
    with pytest.raises(HelplineError, match="more than 24 months older than checked"):
        parse_helplines(VALID.replace("source_date: 2025-01-10", "source_date: 2024-11-29"), "fixture.yml", TODAY)


INVALID: list[tuple[str, str, str, int, str]] = [
    # (case, text to replace, replacement, line named, words the message must hold)
    (
        "stale",
        "checked: 2025-12-06",
        "checked: 2024-05-01",
        44,
        "'Example Abuse Line' (Spain): checked 2024-05-01 is more than 12 months ago; open its source again "
        "(https://www.igualdad.gob.es/016), confirm the number",
    ),
    ("no source", "        source: https://www.igualdad.gob.es/016\n", "", 36, "has no 'source'; add the address of a"),
    ("no source kind", "        source_kind: public\n", "", 36, "has no 'source_kind'; say what the source is"),
    ("no checked date", "        checked: 2025-12-06\n", "", 36, "has no 'checked'; confirm the number against"),
    ("checked in the future", "checked: 2025-12-06", "checked: 2027-01-01", 44, "is in the future"),
    ("checked not a date", "checked: 2025-12-06", "checked: last week", 44, "must be a date written YYYY-MM-DD"),
    ("source not an address", "source: https://www.igualdad.gob.es/016", "source: the 016 website", 42, "full address"),
    (
        "source host with a trailing dot",
        "source: https://www.igualdad.gob.es/016",
        "source: https://www.igualdad.gob.es./016",
        42,
        "must be a full address (https://...) with no trailing dot",
    ),
    (
        "web host with a trailing dot",
        "web: https://www.example.org/",
        "web: https://www.example.org./",
        15,
        "no trailing dot",
    ),
    ("phone as a number", 'phone: "016"', "phone: 16", 38, "must be text, but it is a number"),
    ("phone with words", 'phone: "016"', 'phone: "016 or 112"', 38, "may hold only digits"),
    ("old kind key", "kinds: [abuse, men]", "kind: abuse", 37, "'kind' is no longer read; write kinds: with a list"),
    ("kinds not a list", "kinds: [abuse, men]", "kinds: abuse", 37, "kinds must be a list"),
    ("unknown kind", "kinds: [abuse, men]", "kinds: [abuse, violence]", 37, "kind 'violence' is not one of emergency"),
    ("kind twice", "kinds: [abuse, men]", "kinds: [abuse, abuse]", 37, "the kind 'abuse' is listed twice"),
    ("misspelt key", "hours: Day and night.", "horus: Day and night.", 16, "'horus' is not a known key"),
    ("no hours", "        hours: Day and night\n", "", 36, "has no 'hours'; write the hours its source states"),
    (
        "hours confirmed true",
        "hours_confirmed: false",
        "hours_confirmed: true",
        27,
        "hours_confirmed may only be false",
    ),
    (
        "hours and hours not confirmed",
        "        hours: Day and night\n",
        "        hours: Day and night\n        hours_confirmed: false\n",
        41,
        "give hours or hours_confirmed: false, not both",
    ),
    ("young without ages", "        ages: {from: 11, to: 19}\n", "", 9, "is for young people but has no 'ages'"),
    (
        "ages upside down",
        "ages: {from: 11, to: 19}",
        "ages: {from: 19, to: 11}",
        10,
        "ages from 19 is above ages to 11",
    ),
    ("ages in words", "ages: {from: 11, to: 19}", "ages: {from: eleven}", 10, "must be a whole number of years"),
    ("no way to reach it", '        phone: "016"\n        whatsapp: "+34 600 000 016"\n', "", 36, "at least one way"),
    ("no one it serves", "        serves: Women.\n", "", 24, "has no 'serves'"),
    ("bad country code", "code: es", "code: Spain", 33, "two-letter country code"),
    ("country twice", "code: es", "code: ie", 33, "the country 'ie' is listed twice (first at line 5)"),
    ("keyword of two words", "keyword: TALK", "keyword: TALK NOW", 14, "must be one word"),
    ("empty serves", "serves: Women.", "serves: '  '", 28, "is empty"),
    ("not YAML", "    lines:\n      - name: Example Abuse", "    lines:\n    - name: [Example Abuse", 37, ""),
    # The evidence standard.
    (
        "encyclopedia",
        "source: https://www.igualdad.gob.es/016",
        "source: https://es.wikipedia.org/wiki/016",
        42,
        "'Example Abuse Line' (Spain): source es.wikipedia.org is an encyclopedia, blog, personal site or directory, "
        "which is never evidence",
    ),
    ("blog", "source: https://www.igualdad.gob.es/016", "source: https://ayuda.blogspot.com/016", 42, "never evidence"),
    (
        "directory",
        "source: https://www.igualdad.gob.es/016",
        "source: https://findahelpline.com/es",
        42,
        "never evidence",
    ),
    (
        "undated report",
        "        source_date: 2025-01-10\n",
        "",
        30,
        "'Example Abuse Line' (Ireland): a report needs source_date: the date the report was published",
    ),
    (
        "old report",
        "source_date: 2025-01-10",
        "source_date: 2018-06-01",
        31,
        "the report of 2018-06-01 is more than 24 months older than checked (2026-11-30)",
    ),
    ("report after its check", "source_date: 2025-01-10", "source_date: 2026-12-01", 31, "is after checked"),
    (
        "source date of a page",
        "        checked: 2025-12-06\n",
        "        source_date: 2025-01-01\n        checked: 2025-12-06\n",
        44,
        "source_date is only for reports",
    ),
    (
        "service on another host",
        "source: https://help.example.org/contact",
        "source: https://example.com/contact",
        22,
        "source_kind is service, but the source is on example.com; its host must be example.org (the entry's web)",
    ),
    (
        "service without a website",
        "source_kind: public",
        "source_kind: service",
        43,
        "add web: with the service's own site",
    ),
    (
        "public host not listed",
        "source: https://www.igualdad.gob.es/016",
        "source: https://www.igualdad.gob.mx/016",
        43,
        "source_kind is public, but www.igualdad.gob.mx is not in public_hosts",
    ),
    (
        "public page called a report",
        "source: https://news.example.net/2026/abuse-line",
        "source: https://www.hse.gov.ie/abuse-line",
        30,
        "is a public body's own page, not a report; write source_kind: public",
    ),
    ("public host with a path", "  - gov.ie\n", "  - gov.ie/help\n", 3, "must be a bare host"),
    ("public host an encyclopedia", "  - gov.ie\n", "  - wikipedia.org\n", 3, "never evidence"),
    ("unknown source kind", "source_kind: public", "source_kind: ministry", 43, "source_kind 'ministry' is not one of"),
    ("whatsapp short code", 'whatsapp: "+34 600 000 016"', 'whatsapp: "*016"', 39, "cannot hold * or #"),
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
    assert fence_part("") == ("all", None)
    assert fence_part("chooser\n") == ("chooser", None)
    assert fence_part("countries") == ("countries", None)
    assert fence_part("kind: crisis\n") == ("kind", "crisis")
    assert fence_kind("kind: crisis\n") == "crisis"
    with pytest.raises(HelplinesFenceError, match="kind: <kind>"):
        fence_kind("kind: everything")


def test_full_stops_are_never_doubled() -> None:
    assert full_stop("Day and night") == "Day and night."
    assert full_stop("Day and night.") == "Day and night."
    assert full_stop("Open now!") == "Open now!"


def fixture_soup(kind: str | None = None, part: str | None = None, language: str = "en") -> BeautifulSoup:
    words = locale_defaults(language)["words"]
    return BeautifulSoup(
        render_helplines(parse_helplines(VALID, "fixture.yml", TODAY), words, kind, part), "html.parser"
    )


def test_every_section_shows_each_country_its_lines_or_the_fallback_sentence() -> None:
    words = locale_defaults("en")["words"]
    men = fixture_soup("men")
    ireland = men.select_one('[data-fb-country="ie"]')
    assert ireland["data-fb-helplines-gap"] == "men"
    assert ireland.get_text(" ", strip=True) == "Ireland: " + words["helplines_gap_men"].replace("{country}", "Ireland")
    # Spain's abuse line states it answers men: it shows in the men's section too.
    assert "Example Abuse Line" in men.select_one('[data-fb-country="es"]').get_text()
    # A country with no abuse line: the list by country says what to do instead.
    countries = fixture_soup(part="countries")
    assert not countries.select("[data-fb-helplines-gap]")
    no_abuse = parse_helplines(VALID.replace("kinds: [abuse]\n", "kinds: [crisis]\n"), "fixture.yml", TODAY)
    countries = BeautifulSoup(render_helplines(no_abuse, words, part="countries"), "html.parser")
    gap = countries.select_one('[data-fb-country="ie"] [data-fb-helplines-gap="abuse"]')
    assert gap.get_text() == words["helplines_gap_abuse"].replace("{country}", "Ireland")
    assert not countries.select('[data-fb-country="es"] [data-fb-helplines-gap]')
    assert "findahelpline.com" in render_helplines([], words)
    assert render_helplines([], words, "crisis") == ""


def test_a_line_shows_its_hours_ages_dialling_and_evidence() -> None:
    words = locale_defaults("en")["words"]
    soup = fixture_soup(part="countries")
    crisis, report = soup.select('[data-fb-country="ie"] .fb-helpline')
    text = crisis.get_text(" ", strip=True)
    assert "Open: Day and night." in text and "Day and night.." not in text
    assert "Ages: 11 to 19" in text and "When you call: Press 2 for Irish." in text
    assert "For young people" in crisis.select_one(".fb-helpline__kind").get_text()
    # The text service's link opens the number alone; its keyword is written in the link's words.
    text_link = crisis.select_one("a[href^='sms:']")
    assert (text_link["href"], text_link.get_text(" ", strip=True)) == ("sms:50808", "Text: TALK to 50808")
    assert crisis.select_one("a.fb-helpline__call[href='tel:116123']")
    # A short code with * is written in words, never a tel: link.
    assert report.select_one(".fb-helpline__dial").get_text() == "Dial *4141"
    assert not soup.select("a[href*='*'], a[href*='#'][href^='tel:']")
    assert words["helpline_hours_unconfirmed"] in report.get_text(" ", strip=True)
    # A report-based entry says so in small print, beside the checked date.
    small_print = report.select_one(".fb-helpline__source").get_text(" ", strip=True)
    assert small_print.startswith(
        "Number checked on 30 November 2026 against its source (a news report of 10 January 2025"
    )
    assert "news report" not in crisis.select_one(".fb-helpline__source").get_text()
    # The plain card keeps what to press or say after dialling.
    card = soup.select_one('template[data-fb-card="ie"]').get_text(" ", strip=True)
    assert "When you call: Press 2 for Irish." in card and "Dial *4141" in card
    assert "(Day and night)" in card and ".." not in card
    young = fixture_soup("young").get_text(" ", strip=True)
    assert "Example Crisis Line (Ages: 11 to 19)" in young


def test_the_young_section_follows_each_line_s_ages() -> None:
    words = locale_defaults("es")["words"]
    for bounds, shown in (
        ("{from: 11, to: 19}", "de 11 a 19 años"),
        ("{to: 25}", "hasta 25 años"),
        ("{from: 12}", "desde 12 años"),
    ):
        data = VALID.replace("ages: {from: 11, to: 19}", f"ages: {bounds}")
        html = render_helplines(parse_helplines(data, "fixture.yml", TODAY), words, "young")
        assert f"Example Crisis Line (Edades: {shown})" in BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


def test_a_number_is_isolated_only_in_a_right_to_left_edition() -> None:
    """The help page is long, and the theme restyles all of it several times as it starts: a number
    needs its own element (<bdi dir="ltr">) only where the text around it runs right to left."""
    words = locale_defaults("en")["words"]
    countries = parse_helplines(VALID, "fixture.yml", TODAY)
    for part, kind in (("countries", None), (None, "abuse")):
        left_to_right = BeautifulSoup(render_helplines(countries, words, kind, part), "html.parser")
        assert left_to_right.select("a.fb-helpline__call") and not left_to_right.select("bdi")
        right_to_left = BeautifulSoup(render_helplines(countries, words, kind, part, direction="rtl"), "html.parser")
        calls = right_to_left.select("a.fb-helpline__call")
        assert calls and all(call.select_one('bdi[dir="ltr"]') for call in calls)
    assert text_direction({}, "ar") == "rtl" and text_direction({}, "es") == "ltr"
    assert text_direction({"direction": "rtl"}, "en") == "rtl" and text_direction({"direction": "ltr"}, "ar") == "ltr"


def test_a_country_with_one_line_in_a_section_is_one_item() -> None:
    """In a section's short list, a country's only line sits beside its name (as its fallback sentence
    does); a list of one would cost the long page two elements for nothing."""
    words = locale_defaults("en")["words"]
    two_abuse_lines = VALID.replace("kinds: [crisis, young]", "kinds: [crisis, young, abuse]")
    soup = BeautifulSoup(
        render_helplines(parse_helplines(two_abuse_lines, "fixture.yml", TODAY), words, "abuse"), "html.parser"
    )
    ireland, spain = soup.select("ul.fb-helplines-kind > li")
    assert [item.get_text(" ", strip=True)[:40].strip() for item in ireland.select("ul > li")] == [
        "Example Crisis Line: Call: 116 123 Text:",
        "Example Abuse Line: Dial *4141 Hours not",
    ]
    assert spain.select("ul, li") == []
    assert spain.get_text(" ", strip=True).startswith("Spain: Example Abuse Line: Call: 016 WhatsApp: +34 600 000 016")


def test_the_check_stops_on_a_stale_entry_with_file_and_line(tmp_path: Path) -> None:
    """``make check`` (``python -m finding_balance check``) on a copy whose data file has a stale entry."""
    project = copy_project(tmp_path / "project")
    stale = VALID.replace("2026-11-30", "2019-03-01")
    (project / "helplines" / "es.yml").write_text(stale, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "finding_balance", "check"], capture_output=True, text=True, cwd=project
    )
    assert result.returncode != 0
    assert "helplines/es.yml:23: 'Example Crisis Line' (Ireland): checked 2019-03-01 is more than 12 months" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_the_check_reports_each_gap_it_filled_without_failing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "helplines" / "es.yml").write_text(VALID.replace("2025-12-06", "2026-11-30"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "finding_balance", "check"], capture_output=True, text=True, cwd=project
    )
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "helplines/es.yml" in line]
    assert notes == [
        "INFO    -  helplines/es.yml:5: Ireland (ie): no line for emergency, men, lgbtq, behaviour; the help "
        "page shows that section's fallback sentence instead",
        "INFO    -  helplines/es.yml:33: Spain (es): no line for emergency, crisis, lgbtq, young, behaviour; the help "
        "page shows that section's fallback sentence instead",
    ]


# ---------------------------------------------------------------------------------------------------
# The real data

#: Where the real data lives: the package's, given to every new site too.
DATA = "finding_balance/helplines/lists"

EDITIONS = {"en": f"{DATA}/en.yml", "es": f"{DATA}/es.yml"}


def real_data(language: str) -> list[dict[str, Any]]:
    return load_helplines(EDITIONS[language], PROJECT_ROOT)


@pytest.mark.parametrize("language", list(EDITIONS))
def test_each_edition_lists_lines_that_pass_the_evidence_standard(language: str) -> None:
    """Loading checks every rule; here, what the rules leave to the data: each entry's evidence."""
    countries = real_data(language)
    assert countries
    for country in countries:
        for line in country["lines"]:
            assert line["source_kind"] in ("service", "public", "report"), line["name"]
            assert line["phone"] or line["text_number"] or line["whatsapp"] or line["web"], line["name"]
            assert not line["tel"] or re.fullmatch(r"tel:\+?\d+", line["tel"]), line["name"]


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
#: Each section of the help page that lists lines, and the kind of line it lists.
KIND_SECTIONS = {
    "emergency": "emergency",
    "helplines": "abuse",
    "feeling-low": "crisis",
    "men": "men",
    "lgbtq": "lgbtq",
    "young": "young",
    "own-behaviour": "behaviour",
}


def help_path(language: str) -> str:
    return "help/index.html" if language == "en" else f"{language}/help/index.html"


def section_of(soup: BeautifulSoup, anchor: str) -> list[Tag]:
    """The elements of the help page's section ``anchor``: from its heading to the next ``h2``."""
    heading = soup.select_one(f"h2#{anchor}")
    # The heading may sit in the wrapper that carries its copy-link button.
    start = heading.parent if heading.parent.name == "div" and not heading.parent.select("p") else heading
    found = []
    for sibling in start.find_next_siblings():
        if sibling.name == "h2" or sibling.select_one("h2"):
            break
        found.append(sibling)
    return found


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
        for line, shown in zip(country["lines"], block.select(".fb-helpline"), strict=True):
            text = shown.get_text(" ", strip=True)
            hours = line["hours"] or locale_defaults(language)["words"]["helpline_hours_unconfirmed"]
            assert "emergency" in line["kinds"] or hours in text, line["name"]
            assert (line["source_kind"] == "report") == ("(" in shown.select_one(".fb-helpline__source").get_text())
    # No tel: link holds * or #, and no text link a message body.
    assert all(re.fullmatch(r"tel:\+?\d+", link["href"]) for link in soup.select("a[href^='tel:']"))
    assert all(re.fullmatch(r"sms:\+?\d+", link["href"]) for link in soup.select("a[href^='sms:']"))
    # What needs the script is shown by the stylesheet where scripts run (nothing moves when the script
    # arrives); without a script every country is shown (in the browser: the test after next).
    assert "fb-helplines__needs-script" in soup.select_one("[data-fb-helplines-chooser]")["class"]
    assert all("fb-helplines__needs-script" in row["class"] for row in soup.select("[data-fb-helplines-card-row]"))
    assert not any(block.has_attr("hidden") for block in soup.select("[data-fb-country]"))
    # The country choice comes first, before the emergency section.
    assert soup.select_one("[data-fb-helplines-choice]").find_next("h2")["id"] == "emergency"
    # The safety plan can never be remembered.
    plan = soup.select_one("#quiz-safety-plan")
    assert plan.select("textarea") and not plan.select("[data-quiz-remember]")


@pytest.mark.parametrize("language", list(EDITIONS))
def test_every_section_shows_every_country_its_lines_or_a_fallback(built_site: BuiltSite, language: str) -> None:
    """Walks every country of the edition through every section that lists lines."""
    soup = built_site.soup(help_path(language))
    words = locale_defaults(language)["words"]
    for anchor, kind in KIND_SECTIONS.items():
        section = section_of(soup, anchor)
        for country in real_data(language):
            lines = [line for line in country["lines"] if kind in line["kinds"]]
            blocks = [block for part in section for block in part.select(f'[data-fb-country="{country["code"]}"]')]
            assert blocks, (anchor, country["code"])
            text = " ".join(block.get_text(" ", strip=True) for block in blocks)
            fallback = words[f"helplines_gap_{kind}"].replace("{country}", country["name"])
            if lines:
                assert all(line["name"] in text for line in lines), (anchor, country["code"])
                assert fallback not in text
            else:
                assert fallback in text, (anchor, country["code"])
        # No doubled full stop where an entry's text meets the template's.
        section_text = " ".join(part.get_text(" ", strip=True) for part in section)
        assert not re.search(r"(?<!\.)\.\s*\.(?!\.)", section_text), anchor


@pytest.mark.parametrize("language", list(EDITIONS))
def test_the_help_page_keeps_to_its_element_budget(built_site: BuiltSite, language: str) -> None:
    """Lighthouse's blocking time on a phone: the theme restyles the whole page several times as it
    starts (its script's classes, colour scheme and links), so each element costs. No number wrapped
    in a left-to-right edition, no list of one in a section, and the page (its plain cards aside,
    which are templates outside the page) at most 1,100 elements: 1,135 in English before the first
    two."""
    soup = built_site.soup(help_path(language))
    assert soup.select("bdi") == []
    for section in soup.select("ul.fb-helplines-kind"):
        assert [item for item in section.select("li > ul") if len(item.find_all("li", recursive=False)) < 2] == []
    for template in soup.select("template"):
        template.decompose()
    assert len(soup.find_all(True)) <= 1100


def test_only_the_help_page_loads_the_helplines_script(built_site: BuiltSite) -> None:
    for path in built_site.every_edition_files():
        html = path.read_text(encoding="utf-8")
        is_help = path.parent.name == "help"
        assert ("finding-balance-helplines.min.js" in html) == is_help, path
        assert ("finding-balance-helplines.min.css" in html) == is_help, path


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_help_page_s_own_stylesheet_loads_in_the_head_with_ours(built_site: BuiltSite, language: str) -> None:
    """One stylesheet of the help page's own, in the head beside the site's: a stylesheet in the
    content held back all that followed it, and the page was laid out twice before it was whole."""
    soup = built_site.soup(help_path(language))
    ours = [link["href"].rsplit("/", 1)[-1] for link in soup.select('link[rel="stylesheet"][href*="finding-balance"]')]
    assert ours == ["finding-balance-helplines.min.css", "finding-balance.min.css"]
    assert [link["href"] for link in soup.select('head link[rel="stylesheet"]')][-2:] == [
        link["href"] for link in soup.select('link[rel="stylesheet"][href*="finding-balance"]')
    ]
    assert soup.select('body link[rel="stylesheet"]') == []


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_the_help_page_paints_before_the_theme_s_script_runs(built_site: BuiltSite, language: str) -> None:
    """On the long help page the theme's script and ours are deferred, in their order: with the whole
    page at hand, the browser otherwise ran the theme's script, which restyles all of it, before its
    first paint. Other pages keep the theme's way."""
    page = built_site.soup(help_path(language))
    scripts = [tag["src"].rsplit("/", 1)[-1] for tag in page.select("script[src]")]
    deferred = [tag["src"].rsplit("/", 1)[-1] for tag in page.select("script[src][defer]")]
    assert scripts == deferred
    assert re.fullmatch(r"bundle\.\w+\.min\.js", scripts[-2]) and scripts[-1] == "finding-balance.min.js"
    assert built_site.soup("index.html").select("script[src][defer]") == []


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
    # Every section shows Ireland's lines of its kind, or the sentence that says what to do instead.
    for kind in KINDS:
        if kind != "abuse":
            expect(page.locator(f"[data-fb-helplines-kind='{kind}'] [data-fb-country='ie']")).to_be_visible()
            expect(page.locator(f"[data-fb-helplines-kind='{kind}'] [data-fb-country='gb']")).to_be_hidden()
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
        expect(page.locator("[data-fb-helplines-card]").first).to_be_hidden()
        countries = real_data("es")
        for country in countries:
            expect(page.locator(f"h3#helplines-{country['code']}")).to_be_visible()
        page.get_by_role("link", name=countries[-1]["name"], exact=True).click()
        assert page.url.endswith(f"#helplines-{countries[-1]['code']}")
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


def card_country(language: str) -> dict[str, Any]:
    """The edition's country with the most dialling notes (the first country when none has one)."""
    countries = real_data(language)
    return max(countries, key=lambda country: sum(bool(line["dialling"]) for line in country["lines"]))


def test_the_english_edition_has_dialling_notes_for_the_card() -> None:
    assert any(line["dialling"] for line in card_country("en")["lines"])


@pytest.mark.parametrize(("language", "site_words"), [("en", "Finding Balance"), ("es", "Finding")])
def test_the_plain_card_prints_only_the_numbers(
    page: Page, built_site: BuiltSite, language: str, site_words: str
) -> None:
    country = card_country(language)
    code = country["code"]
    open_help(page, built_site, language)
    page.evaluate("window.print = function () { window.fbPrinted = true; }")
    words = locale_defaults(language)["words"]
    page.locator(f"[data-fb-helplines-card='{code}']").click()
    assert page.evaluate("window.fbPrinted") is True
    expect(page).to_have_title(words["helplines_card_title"])
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join(sheet.extract_text().split()) for sheet in pdf.pages)
    for line in country["lines"]:
        if line["tel"]:
            assert line["phone"] in text, line["name"]
        if line["dial"]:
            assert words["helpline_dial"].replace("{number}", line["dial"]) in text, line["name"]
        if line["dialling"] and (line["phone"] or line["text_number"] or line["whatsapp"]):
            # The PDF's text may break a long note over two lines: compare without spaces.
            assert "".join(line["dialling"].split()) in "".join(text.split()), line["name"]
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


@pytest.mark.parametrize("language", list(EDITIONS))
def test_every_number_is_a_call_button_and_no_target_is_small(page: Page, built_site: BuiltSite, language: str) -> None:
    """WCAG 2.2's target size: each way to reach a line is at least 44 px high, and nothing a reader
    taps in the helplines is under 24 px."""
    page.set_viewport_size({"width": 360, "height": 740})
    open_help(page, built_site, language)
    heights = page.evaluate(
        """() => {
          const parts = "[data-fb-helplines-choice], [data-fb-helplines], [data-fb-helplines-kind]";
          const targets = [...document.querySelectorAll(parts)].flatMap((part) =>
            [...part.querySelectorAll("a[href], button, select")]);
          return targets.filter((target) => target.getClientRects().length).map((target) => ({
            call: target.matches(".fb-helpline__call"),
            href: target.getAttribute("href") || target.tagName,
            height: Math.min(...[...target.getClientRects()].map((box) => box.height)),
          }));
        }"""
    )
    calls = [target for target in heights if target["call"]]
    assert calls and all(target["href"].startswith(("tel:", "sms:", "https://wa.me/")) for target in calls)
    assert [target for target in calls if target["height"] < 44] == []
    assert [target for target in heights if target["height"] < 24] == []
