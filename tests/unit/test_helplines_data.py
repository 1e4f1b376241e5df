"""The helpline data model (``finding_balance.helplines.data``): the plain data a valid file gives, the
one message, with file and line, for each rule of the format and of the evidence standard, the
setting that names the file, and the sections' fallbacks and the gap notes. Pure functions, no build.

Every message is compared whole, so that a wrong line, key or word in it fails a test."""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finding_balance.helplines.data import (
    HelplineError,
    countries_of_kind,
    gap_notes,
    host_of,
    is_under,
    load_helplines,
    months_before,
    not_evidence,
    parse_helplines,
    read_helplines_file,
    section_gaps,
    service_host,
    stale_before,
)

TODAY = date(2026, 12, 6)
FILE = "lists/en.yml"

#: A valid file; the line numbers in the tables below count from its first line (shown on the right).
BASE = """\
# Lines for the unit tests.
public_hosts:
  - hse.ie
  - gov.ie
countries:
  - code: ie
    name: Ireland
    lines:
      - name: Harbour Line
        kinds: [crisis, young]
        ages: {from: 12, to: 25}
        phone: "+353 (0)1 234-5678"
        text:
          number: "50 808"
          keyword: HARBOUR
        whatsapp: "+353 87 000 0000"
        web: https://www.harbour.example/
        hours: Every day,
          8am to   midnight.
        cost: Free.
        serves: Young people.
        languages: English, Irish.
        dialling: Press 1.
        note: Calls stay off the bill.
        source: https://help.harbour.example/contact
        source_kind: service
        checked: 2026-11-30
      - name: Lantern
        kinds: [abuse]
        phone: "*41 41"
        hours_confirmed: false
        serves: Women.
        source: https://news.paper.example/2026/lantern
        source_kind: report
        source_date: 2025-06-01
        checked: 2026-11-30
  - code: es
    name: Spain
    lines:
      - name: Faro
        kinds: [emergency, men]
        phone: "112"
        area: Catalonia.
        serves: Everyone.
        source: https://faro.gov.ie/contact
        source_kind: public
        checked: 2025-12-06
"""

HARBOUR = "'Harbour Line' (Ireland)"
LANTERN = "'Lantern' (Ireland)"
FARO = "'Faro' (Spain)"
LINE_KEYS = (
    "name, kinds, area, ages, phone, text, whatsapp, web, hours, hours_confirmed, cost, serves, languages, "
    "dialling, note, source, source_kind, source_date, checked"
)
#: Spain's lines, from the line that opens them to the end of the file.
SPAIN_LINES = BASE[BASE.index("    lines:\n      - name: Faro") :]
ALL_KINDS = "emergency, abuse, crisis, men, lgbtq, young, behaviour"


def line_of(text: str) -> int:
    """The line of ``BASE`` that holds ``text`` (it must hold it once)."""
    found = [number for number, line in enumerate(BASE.splitlines(), 1) if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


def changed(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def refused(text: str, today: date = TODAY) -> str:
    with pytest.raises(HelplineError) as caught:
        parse_helplines(text, FILE, today)
    return str(caught.value)


def line(**given: Any) -> dict[str, Any]:
    """A parsed line: every key empty but those given."""
    keys = [
        "name",
        "kinds",
        "area",
        "phone",
        "whatsapp",
        "web",
        "hours",
        "cost",
        "serves",
        "languages",
        "dialling",
        "note",
        "source",
        "source_kind",
        "source_date",
        "checked",
        "tel",
        "dial",
        "sms",
        "whatsapp_url",
        "text_number",
        "text_keyword",
        "ages_from",
        "ages_to",
        "source_host",
        "hours_unconfirmed",
    ]
    assert set(given) <= set(keys), set(given) - set(keys)
    return {key: given.get(key, "") for key in keys}


HARBOUR_LINE = line(
    name="Harbour Line",
    kinds=["crisis", "young"],
    phone="+353 (0)1 234-5678",
    whatsapp="+353 87 000 0000",
    web="https://www.harbour.example/",
    hours="Every day, 8am to midnight.",
    cost="Free.",
    serves="Young people.",
    languages="English, Irish.",
    dialling="Press 1.",
    note="Calls stay off the bill.",
    source="https://help.harbour.example/contact",
    source_kind="service",
    checked="2026-11-30",
    tel="tel:+353012345678",
    sms="sms:50808",
    whatsapp_url="https://wa.me/353870000000",
    text_number="50 808",
    text_keyword="HARBOUR",
    ages_from="12",
    ages_to="25",
    source_host="help.harbour.example",
)
LANTERN_LINE = line(
    name="Lantern",
    kinds=["abuse"],
    phone="*41 41",
    serves="Women.",
    source="https://news.paper.example/2026/lantern",
    source_kind="report",
    source_date="2025-06-01",
    checked="2026-11-30",
    dial="*4141",
    source_host="news.paper.example",
    hours_unconfirmed="yes",
)
FARO_LINE = line(
    name="Faro",
    kinds=["emergency", "men"],
    area="Catalonia.",
    phone="112",
    serves="Everyone.",
    source="https://faro.gov.ie/contact",
    source_kind="public",
    checked="2025-12-06",
    tel="tel:112",
    source_host="faro.gov.ie",
)
IRELAND = {
    "code": "ie",
    "name": "Ireland",
    "anchor": "helplines-ie",
    "lines": [HARBOUR_LINE, LANTERN_LINE],
    "file": FILE,
    "line": 6,
}
SPAIN = {"code": "es", "name": "Spain", "anchor": "helplines-es", "lines": [FARO_LINE], "file": FILE, "line": 37}


def test_a_valid_file_gives_plain_data_with_every_key_and_the_addresses_made() -> None:
    assert parse_helplines(BASE, FILE, TODAY) == [IRELAND, SPAIN]


def test_a_check_on_the_day_of_the_build_and_a_report_of_that_day_are_accepted() -> None:
    text = changed("source_date: 2025-06-01", "source_date: 2026-12-06").replace(
        "checked: 2026-11-30\n  - code: es", "checked: 2026-12-06\n  - code: es"
    )
    lantern = parse_helplines(text, FILE, TODAY)[0]["lines"][1]
    assert (lantern["source_date"], lantern["checked"]) == ("2026-12-06", "2026-12-06")


def test_twelve_months_is_the_limit_of_a_check() -> None:
    # Faro was checked on 2025-12-06: twelve months before TODAY, still fresh; a day later it is stale.
    assert parse_helplines(BASE, FILE, TODAY)[1]["lines"][0]["checked"] == "2025-12-06"
    stale = (
        f"{FILE}:47: {FARO}: checked 2025-12-06 is more than 12 months ago; open its source again "
        "(https://faro.gov.ie/contact), confirm the number and what the entry says, then set checked to today's date"
    )
    assert refused(BASE, date(2026, 12, 7)) == stale
    # The yearly review's report keeps stale entries; by default they stop the build.
    assert parse_helplines(BASE, FILE, date(2027, 12, 7), stale_ok=True) == [IRELAND, SPAIN]
    with pytest.raises(HelplineError, match="more than 12 months ago"):
        parse_helplines(BASE, FILE, date(2026, 12, 7), stale_ok=False)


def test_a_report_may_be_up_to_24_months_older_than_its_check() -> None:
    assert parse_helplines(changed("source_date: 2025-06-01", "source_date: 2024-11-30"), FILE, TODAY)
    assert parse_helplines(changed("source_date: 2025-06-01", "source_date: 2026-11-30"), FILE, TODAY)
    assert refused(changed("source_date: 2025-06-01", "source_date: 2024-11-29")) == (
        f"{FILE}:35: {LANTERN}: the report of 2024-11-29 is more than 24 months older than checked (2026-11-30); "
        "an old report says only that the number once existed: find the service's own page, a public body's or a "
        "recent report, or leave the entry out"
    )


def test_months_before() -> None:
    assert months_before(date(2026, 11, 30), 24) == date(2024, 11, 30)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)
    assert months_before(date(2026, 12, 15), 11) == date(2026, 1, 15)
    assert months_before(date(2026, 5, 31), 1) == date(2026, 4, 30)
    assert months_before(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert months_before(date(2028, 3, 30), 1) == date(2028, 2, 29)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 29), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 3, 6), 0) == date(2026, 3, 6)
    assert stale_before(TODAY) == date(2025, 12, 6)
    assert stale_before(date(2028, 2, 29)) == date(2027, 2, 28)


@settings(max_examples=60)
@given(st.dates(min_value=date(1900, 1, 1)), st.integers(min_value=0, max_value=240))
def test_months_before_goes_back_whole_months_and_keeps_the_day_where_it_can(day: date, months: int) -> None:
    earlier = months_before(day, months)
    assert (earlier.year * 12 + earlier.month) == (day.year * 12 + day.month) - months
    assert earlier.day == min(day.day, calendar.monthrange(earlier.year, earlier.month)[1])


@pytest.mark.parametrize(
    ("address", "host"),
    [
        ("https://www.example.org/help", "www.example.org"),
        ("http://example.org", "example.org"),
        ("https://user@example.org:8443/path?q=1#top", "example.org"),
        ("https://user:secret@example.org:8443/", "example.org"),
        ("https://user:secret@example.org/", "example.org"),
        ("https://a@b@example.org/", "example.org"),
        ("https://a-b.c0.example/", "a-b.c0.example"),
        (f"https://{'a' * 63}.example/", f"{'a' * 63}.example"),
        (f"https://{'a' * 64}.example/", None),
        ("https://x.example/", "x.example"),
        ("ftp://example.org/", None),
        ("example.org", None),
        ("https://example.org/a page", None),
        ("https://example.org:80x/", None),
        ("https://[::1]/", None),
        ("https://[::1]:8080/", None),
        ("https://example.org./", None),
        ("https://Example.org/", None),
        ("https://exa_mple.org/", None),
        ("https://-example.org/", None),
        ("https://example-.org/", None),
        ("https://a..example/", None),
        ("https:///path", None),
        ("https://user@/path", None),
    ],
)
def test_host_of_an_address(address: str, host: str | None) -> None:
    assert host_of(address) == host


LABELS = st.from_regex(r"\A[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?\Z")


@settings(max_examples=40)
@given(st.lists(LABELS, min_size=1, max_size=4), st.sampled_from(["https", "http"]), st.sampled_from(["", "/", "/a/b"]))
def test_a_host_in_lowercase_labels_is_read_and_any_capital_refused(labels: list[str], scheme: str, path: str) -> None:
    host = ".".join(labels)
    assert host_of(f"{scheme}://{host}{path}") == host
    assert host_of(f"{scheme}://{host}:8080{path}") == host
    assert host_of(f"{scheme}://{host}.{path}") is None
    if host.upper() != host:
        assert host_of(f"{scheme}://{host.upper()}{path}") is None


def test_hosts_under_a_host_and_the_deny_list() -> None:
    assert is_under("gov.ie", "gov.ie")
    assert is_under("www.hse.gov.ie", "gov.ie")
    assert not is_under("notgov.ie", "gov.ie")
    assert not is_under("gov.ie", "www.gov.ie")
    assert not_evidence("es.wikipedia.org") == "wikipedia.org"
    assert not_evidence("wikipedia.org.example") is None
    assert not_evidence("gov.ie") is None
    assert service_host("https://www.harbour.example/about") == "harbour.example"
    assert service_host("https://harbour.example/") == "harbour.example"
    assert service_host("https://help.www.example/") == "help.www.example"
    assert service_host("www.harbour.example") == ""


@pytest.mark.parametrize(
    "denied",
    [
        "wikipedia.org",
        "wikidata.org",
        "wikimedia.org",
        "wikiwand.com",
        "fandom.com",
        "britannica.com",
        "blogspot.com",
        "wordpress.com",
        "medium.com",
        "substack.com",
        "tumblr.com",
        "wixsite.com",
        "weebly.com",
        "sites.google.com",
        "findahelpline.com",
        "befrienders.org",
        "childhelplineinternational.org",
        "hotpeachpages.net",
    ],
)
def test_encyclopedias_blogs_and_directories_are_never_evidence(denied: str) -> None:
    assert not_evidence(denied) == denied
    assert not_evidence(f"help.{denied}") == denied
    assert refused(changed("source: https://faro.gov.ie/contact", f"source: https://x.{denied}/016")) == (
        f"{FILE}:45: {FARO}: source x.{denied} is an encyclopedia, blog, personal site or directory, which is never "
        "evidence; find the service's own page or a public body's that states the number, or leave the entry out"
    )


def test_every_kind_is_known_and_each_way_to_reach_a_line_is_enough() -> None:
    every_kind = changed("kinds: [crisis, young]", f"kinds: [{ALL_KINDS}]")
    assert parse_helplines(every_kind, FILE, TODAY)[0]["lines"][0]["kinds"] == ALL_KINDS.split(", ")
    faro = '        phone: "112"\n'
    ways = {
        "text": ('        text: {number: "112"}\n', {"text_number": "112", "sms": "sms:112"}),
        "whatsapp": (
            '        whatsapp: "600 100 200"\n',
            {"whatsapp": "600 100 200", "whatsapp_url": "https://wa.me/600100200"},
        ),
        "web": ("        web: https://faro.example/\n", {"web": "https://faro.example/"}),
    }
    for key, (written, made) in ways.items():
        parsed = parse_helplines(changed(faro, written), FILE, TODAY)[1]["lines"][0]
        assert parsed == {**FARO_LINE, "phone": "", "tel": "", **made}, key


def test_optional_parts_left_out_or_given_alone() -> None:
    harbour = parse_helplines(
        changed("ages: {from: 12, to: 25}", "ages: {to: 25}").replace("          keyword: HARBOUR\n", ""),
        FILE,
        TODAY,
    )[0]["lines"][0]
    assert (harbour["ages_from"], harbour["ages_to"], harbour["text_keyword"]) == ("", "25", "")
    harbour = parse_helplines(changed("ages: {from: 12, to: 25}", "ages: {from: 12}"), FILE, TODAY)[0]["lines"][0]
    assert (harbour["ages_from"], harbour["ages_to"]) == ("12", "")
    for ages, bounds in [("{from: 0, to: 120}", ("0", "120")), ("{from: 14, to: 14}", ("14", "14"))]:
        harbour = parse_helplines(changed("{from: 12, to: 25}", ages), FILE, TODAY)[0]["lines"][0]
        assert (harbour["ages_from"], harbour["ages_to"]) == bounds
    # A young people's line without ages is refused; with one bound only, it is read (above).
    keyword = parse_helplines(changed("keyword: HARBOUR", "keyword: AYÚDAME"), FILE, TODAY)[0]["lines"][0]
    assert keyword["text_keyword"] == "AYÚDAME"


def test_phone_numbers_become_call_links_or_a_code_to_dial() -> None:
    def faro(phone: str) -> tuple[str, str]:
        parsed = parse_helplines(changed('phone: "112"', f"phone: {phone!r}"), FILE, TODAY)[1]["lines"][0]
        return parsed["tel"], parsed["dial"]

    assert faro("+34 (91) 555.12/34") == ("tel:+34915551234", "")
    assert faro("#21# 5") == ("", "#21#5")
    assert faro("*41 41") == ("", "*4141")
    assert faro("1-800") == ("tel:1800", "")


def test_a_source_on_the_service_s_own_host_or_a_listed_public_host() -> None:
    own = changed("source: https://help.harbour.example/contact", "source: https://harbour.example/contact")
    assert parse_helplines(own, FILE, TODAY)[0]["lines"][0]["source_host"] == "harbour.example"
    public = changed("source: https://faro.gov.ie/contact", "source: https://hse.ie/faro")
    assert parse_helplines(public, FILE, TODAY)[1]["lines"][0]["source_host"] == "hse.ie"
    no_hosts = changed("public_hosts:\n  - hse.ie\n  - gov.ie\n", "").replace(
        "source_kind: public", "source_kind: report"
    )
    no_hosts = no_hosts.replace(
        "        checked: 2025-12-06", "        source_date: 2025-11-01\n        checked: 2025-12-06"
    )
    assert parse_helplines(no_hosts, FILE, TODAY)[1]["lines"][0]["source_kind"] == "report"


def test_an_empty_list_of_countries_gives_none() -> None:
    assert parse_helplines("countries: []\n", FILE, TODAY) == []
    assert parse_helplines("public_hosts: []\ncountries: []\n", FILE, TODAY) == []


# (case, text to replace in BASE, replacement, the whole message after "lists/en.yml:")
MISTAKES: list[tuple[str, str, str, str]] = [
    # The file and its countries.
    (
        "unknown top key",
        "countries:\n  - code: ie",
        "pages: 3\ncountries:\n  - code: ie",
        "5: the file: 'pages' is not a known key; use only public_hosts, countries",
    ),
    (
        "countries twice",
        "# Lines for the unit tests.\n",
        "countries: []\n",
        "5: the file: the key 'countries' is written twice; keep one",
    ),
    (
        "public hosts not a list",
        "public_hosts:\n  - hse.ie\n  - gov.ie\n",
        "public_hosts: gov.ie\n\n\n",
        "2: public_hosts must be a list of hosts, one a line: - gov.uk",
    ),
    (
        "public host a number",
        "  - hse.ie\n",
        "  - 42\n",
        "3: a public host must be text, but it is a number; put it in quotes",
    ),
    (
        "public host an address",
        "  - hse.ie\n",
        "  - https://hse.ie\n",
        "3: public host 'https://hse.ie' must be a bare host in lowercase, like gov.uk (no https://, no path, no "
        "trailing dot)",
    ),
    (
        "public host in capitals",
        "  - hse.ie\n",
        "  - HSE.ie\n",
        "3: public host 'HSE.ie' must be a bare host in lowercase, like gov.uk (no https://, no path, no trailing dot)",
    ),
    (
        "public host with a path",
        "  - hse.ie\n",
        "  - hse.ie/help\n",
        "3: public host 'hse.ie/help' must be a bare "
        "host in lowercase, like gov.uk (no https://, no path, no trailing dot)",
    ),
    (
        "public host with a port",
        "  - hse.ie\n",
        "  - hse.ie:443\n",
        "3: public host 'hse.ie:443' must be a bare "
        "host in lowercase, like gov.uk (no https://, no path, no trailing dot)",
    ),
    (
        "public host a blog",
        "  - hse.ie\n",
        "  - news.medium.com\n",
        "3: public host 'news.medium.com' is an encyclopedia, blog or directory, never evidence",
    ),
    ("public host twice", "  - gov.ie\n", "  - hse.ie\n", "4: public host 'hse.ie' is listed twice; keep one"),
    (
        "no countries",
        "countries:\n  - code: ie",
        "places:\n  - code: ie",
        "5: the file: 'places' is not a known key; use only public_hosts, countries",
    ),
    (
        "country not a mapping",
        "  - code: es\n",
        "  - es\n  - code: es\n",
        "37: a country must be a mapping of keys (code, name, lines)",
    ),
    (
        "country key unknown",
        "    name: Spain\n",
        "    name: Spain\n    flag: red\n",
        "39: a country: 'flag' is not a known key; use only code, name, lines",
    ),
    ("no country code", "  - code: es\n    name: Spain", "  - name: Spain", "37: a country needs 'code'"),
    ("no country name", "    name: Spain\n", "", "37: a country needs 'name'"),
    (
        "no lines",
        "    name: Spain\n    lines:\n",
        "    name: Spain\n    stripes:\n",
        "39: a country: 'stripes' is not a known key; use only code, name, lines",
    ),
    (
        "country code in capitals",
        "code: es",
        "code: ES",
        "37: code 'ES' must be a two-letter country code in lowercase, like 'ie'",
    ),
    (
        "country code of three letters",
        "code: es",
        "code: esp",
        "37: code 'esp' must be a two-letter country code in lowercase, like 'ie'",
    ),
    (
        "country code of one letter",
        "code: es",
        "code: e",
        "37: code 'e' must be a two-letter country code in lowercase, like 'ie'",
    ),
    ("country code a number", "code: es", "code: 34", "37: code must be text, but it is a number; put it in quotes"),
    ("country name empty", "name: Spain", "name: ''", "38: name is empty; write it or leave the key out"),
    (
        "lines empty",
        SPAIN_LINES,
        "    lines: []\n",
        "39: Spain: 'lines' must be a list with at least one helpline",
    ),
    (
        "lines a word",
        SPAIN_LINES,
        "    lines: Faro\n",
        "39: Spain: 'lines' must be a list with at least one helpline",
    ),
    (
        "lines a mapping",
        SPAIN_LINES,
        "    lines: {a: b}\n",
        "39: Spain: 'lines' must be a list with at least one helpline",
    ),
    ("country twice", "code: es", "code: ie", "37: the country 'ie' is listed twice (first at line 6)"),
    # A line's keys.
    (
        "line not a mapping",
        "      - name: Faro\n",
        "      - Faro\n      - name: Faro\n",
        f"40: a helpline of Spain must be a mapping of keys ({LINE_KEYS})",
    ),
    (
        "misspelt key",
        "area: Catalonia.",
        "aera: Catalonia.",
        f"43: a helpline of Spain: 'aera' is not a known key; use only {LINE_KEYS}",
    ),
    (
        "a list as a key",
        "area: Catalonia.",
        "[area]: Catalonia.",
        f"43: a helpline of Spain: a list is not a known key; use only {LINE_KEYS}",
    ),
    (
        "a number as a key",
        "area: Catalonia.",
        "7: Catalonia.",
        f"43: a helpline of Spain: 7 is not a known key; use only {LINE_KEYS}",
    ),
    (
        "the old kind key",
        "kinds: [emergency, men]",
        "kind: emergency",
        "41: a helpline of Spain: 'kind' is no longer read; write kinds: with a list, such as kinds: [abuse, men]",
    ),
    (
        "a key twice",
        "        serves: Everyone.\n",
        "        serves: Everyone.\n        serves: All.\n",
        "45: a helpline of Spain: the key 'serves' is written twice; keep one",
    ),
    (
        "no name",
        "      - name: Faro\n        kinds",
        "      - kinds",
        "40: a helpline of Spain has no 'name'; add name:",
    ),
    (
        "no kinds",
        "        kinds: [emergency, men]\n",
        "",
        f"40: {FARO} has no 'kinds'; add kinds: with a list of what the line is for, such as kinds: [crisis]",
    ),
    ("no serves", "        serves: Everyone.\n", "", f"40: {FARO} has no 'serves'; add serves:"),
    (
        "no serves and no source",
        "        serves: Everyone.\n        source: https://faro.gov.ie/contact\n",
        "",
        f"40: {FARO} has no 'serves'; add serves:",
    ),
    (
        "no source",
        "        source: https://faro.gov.ie/contact\n",
        "",
        f"40: {FARO} has no 'source'; add the address of a page that states the number (the service's own or a "
        "public body's), or leave the entry out",
    ),
    (
        "no source kind",
        "        source_kind: public\n",
        "",
        f"40: {FARO} has no 'source_kind'; say what the source is: service (the service's own site), public (a host "
        "listed in public_hosts) or report (a dated news report, only where neither exists)",
    ),
    (
        "no checked date",
        "        checked: 2025-12-06\n",
        "",
        f"40: {FARO} has no 'checked'; confirm the number against its source, then add checked: with today's date "
        "(YYYY-MM-DD)",
    ),
    (
        "no way to reach it",
        '        phone: "112"\n',
        "",
        f"40: {FARO} needs at least one way to reach it: phone, text, whatsapp, web",
    ),
    # Text values.
    ("name a number", "name: Faro", "name: 112", "40: name must be text, but it is a number; put it in quotes"),
    (
        "area a fraction",
        "area: Catalonia.",
        "area: 1.5",
        f"43: {FARO}: area must be text, but it is a number; put it in quotes",
    ),
    ("area true", "area: Catalonia.", "area: yes", f"43: {FARO}: area must be text, not true"),
    ("area false", "area: Catalonia.", "area: false", f"43: {FARO}: area must be text, not false"),
    ("area nothing", "area: Catalonia.", "area: ~", f"43: {FARO}: area must be text, not nothing"),
    ("area a list", "area: Catalonia.", "area: [Catalonia]", f"43: {FARO}: area must be text, not a list"),
    ("area a mapping", "area: Catalonia.", "area: {a: b}", f"43: {FARO}: area must be text, not a mapping"),
    ("area a date", "area: Catalonia.", "area: 2026-01-01", f"43: {FARO}: area must be text, not a date"),
    ("area blank", "area: Catalonia.", "area: ' \t '", f"43: {FARO}: area is empty; write it or leave the key out"),
    # Kinds.
    (
        "kinds a word",
        "kinds: [emergency, men]",
        "kinds: emergency",
        f"41: {FARO}: kinds must be a list with at least one kind, such as kinds: [crisis]",
    ),
    (
        "kinds empty",
        "kinds: [emergency, men]",
        "kinds: []",
        f"41: {FARO}: kinds must be a list with at least one kind, such as kinds: [crisis]",
    ),
    (
        "kinds a mapping",
        "kinds: [emergency, men]",
        "kinds: {emergency: 1}",
        f"41: {FARO}: kinds must be a list with at least one kind, such as kinds: [crisis]",
    ),
    (
        "unknown kind",
        "kinds: [emergency, men]",
        "kinds: [emergency, violence]",
        f"41: {FARO}: kind 'violence' is not one of {ALL_KINDS}",
    ),
    (
        "a list as a kind",
        "kinds: [emergency, men]",
        "kinds: [emergency, [men]]",
        f"41: {FARO}: kind a list is not one of {ALL_KINDS}",
    ),
    (
        "a kind twice",
        "kinds: [emergency, men]",
        "kinds: [men, emergency, men]",
        f"41: {FARO}: the kind 'men' is listed twice; keep one",
    ),
    # Ages.
    (
        "ages a number",
        "ages: {from: 12, to: 25}",
        "ages: 12",
        f"11: {HARBOUR}: ages must be a mapping of keys (from, to)",
    ),
    (
        "ages empty",
        "ages: {from: 12, to: 25}",
        "ages: {}",
        f"11: {HARBOUR}: ages needs from:, to: or both, as the source states them",
    ),
    (
        "ages key unknown",
        "ages: {from: 12, to: 25}",
        "ages: {from: 12, upto: 25}",
        f"11: {HARBOUR}: ages: 'upto' is not a known key; use only from, to",
    ),
    (
        "ages in words",
        "ages: {from: 12, to: 25}",
        "ages: {from: twelve}",
        f"11: {HARBOUR}: ages from 'twelve' must be a whole number of years",
    ),
    (
        "ages above 120",
        "ages: {from: 12, to: 25}",
        "ages: {from: 12, to: 121}",
        f"11: {HARBOUR}: ages to 121 must be a whole number of years",
    ),
    (
        "ages below 0",
        "ages: {from: 12, to: 25}",
        "ages: {from: -1}",
        f"11: {HARBOUR}: ages from -1 must be a whole number of years",
    ),
    (
        "ages true",
        "ages: {from: 12, to: 25}",
        "ages: {from: true}",
        f"11: {HARBOUR}: ages from true must be a whole number of years",
    ),
    (
        "ages a fraction",
        "ages: {from: 12, to: 25}",
        "ages: {to: 12.5}",
        f"11: {HARBOUR}: ages to 12.5 must be a whole number of years",
    ),
    (
        "ages a list",
        "ages: {from: 12, to: 25}",
        "ages: {to: [12]}",
        f"11: {HARBOUR}: ages to a list must be a whole number of years",
    ),
    (
        "ages upside down",
        "ages: {from: 12, to: 25}",
        "ages: {from: 25, to: 12}",
        f"11: {HARBOUR}: ages from 25 is above ages to 12",
    ),
    (
        "young without ages",
        "        ages: {from: 12, to: 25}\n",
        "",
        f"10: {HARBOUR} is for young people but has no 'ages'; add ages: {{from: 11, to: 19}} as its source states "
        "them (either bound may be left out)",
    ),
    # Ways to reach it.
    (
        "phone with words",
        'phone: "112"',
        'phone: "112 or 999"',
        f"42: {FARO}: phone '112 or 999' may hold only digits, spaces, + * # ( ) - . /",
    ),
    (
        "phone starting with a bracket",
        'phone: "112"',
        'phone: "(112)"',
        f"42: {FARO}: phone '(112)' may hold only digits, spaces, + * # ( ) - . /",
    ),
    (
        "phone with two plus signs",
        'phone: "112"',
        'phone: "++112"',
        f"42: {FARO}: phone '++112' may hold only digits, spaces, + * # ( ) - . /",
    ),
    (
        "phone a number",
        'phone: "112"',
        "phone: 112",
        f"42: {FARO}: phone must be text, but it is a number; put it in quotes",
    ),
    (
        "whatsapp with words",
        'whatsapp: "+353 87 000 0000"',
        'whatsapp: "+353 87 OK"',
        f"16: {HARBOUR}: whatsapp '+353 87 OK' may hold only digits, spaces, + * # ( ) - . /",
    ),
    (
        "whatsapp with a star",
        'whatsapp: "+353 87 000 0000"',
        'whatsapp: "*87"',
        f"16: {HARBOUR}: a WhatsApp number cannot hold * or #",
    ),
    (
        "whatsapp with a hash",
        'whatsapp: "+353 87 000 0000"',
        'whatsapp: "87#"',
        f"16: {HARBOUR}: a WhatsApp number cannot hold * or #",
    ),
    (
        "text a number",
        'text:\n          number: "50 808"\n          keyword: HARBOUR',
        "text: 50808\n\n",
        f"13: {HARBOUR}: text must be a mapping of keys (number, keyword)",
    ),
    (
        "text without a number",
        '          number: "50 808"\n',
        "",
        f"14: {HARBOUR}: text needs the number to send the message to",
    ),
    (
        "text key unknown",
        "          keyword: HARBOUR",
        "          body: HARBOUR",
        f"15: {HARBOUR}: text: 'body' is not a known key; use only number, keyword",
    ),
    (
        "text number a number",
        'number: "50 808"',
        "number: 50808",
        f"14: {HARBOUR}: text number must be text, but it is a number; put it in quotes",
    ),
    (
        "text number with words",
        'number: "50 808"',
        'number: "50 808 free"',
        f"14: {HARBOUR}: the text number '50 808 free' may hold only digits and spaces",
    ),
    (
        "text number with a star",
        'number: "50 808"',
        'number: "*50"',
        f"14: {HARBOUR}: the text number '*50' may hold only digits and spaces",
    ),
    (
        "text number with a hash",
        'number: "50 808"',
        'number: "50#"',
        f"14: {HARBOUR}: the text number '50#' may hold only digits and spaces",
    ),
    (
        "keyword of two words",
        "keyword: HARBOUR",
        "keyword: HARBOUR NOW",
        f"15: {HARBOUR}: the keyword 'HARBOUR NOW' must be one word",
    ),
    (
        "keyword with a sign",
        "keyword: HARBOUR",
        "keyword: HELP!",
        f"15: {HARBOUR}: the keyword 'HELP!' must be one word",
    ),
    (
        "keyword empty",
        "keyword: HARBOUR",
        "keyword: ''",
        f"15: {HARBOUR}: text keyword is empty; write it or leave the key out",
    ),
    # Hours.
    (
        "no hours",
        "        hours_confirmed: false\n",
        "",
        f"28: {LANTERN} has no 'hours'; write the hours its source states, or hours_confirmed: false (the page then "
        "says they are not confirmed and the line may be closed at night)",
    ),
    (
        "hours confirmed true",
        "hours_confirmed: false",
        "hours_confirmed: true",
        f"31: {LANTERN}: hours_confirmed may only be false; when a source states the hours, write them in "
        "hours: instead",
    ),
    (
        "hours confirmed 0",
        "hours_confirmed: false",
        "hours_confirmed: 0",
        f"31: {LANTERN}: hours_confirmed may only be false; when a source states the hours, write them in "
        "hours: instead",
    ),
    (
        "hours and hours not confirmed",
        "        cost: Free.\n",
        "        cost: Free.\n        hours_confirmed: false\n",
        f"21: {HARBOUR}: give hours or hours_confirmed: false, not both",
    ),
    # Addresses.
    (
        "web without https",
        "web: https://www.harbour.example/",
        "web: www.harbour.example",
        f"17: {HARBOUR}: web 'www.harbour.example' is not an address that works; write it in full, https://host/..., "
        "with no trailing dot after the host",
    ),
    (
        "source without https",
        "source: https://help.harbour.example/contact",
        "source: help.harbour.example/contact",
        f"25: {HARBOUR}: source 'help.harbour.example/contact' must be a full address (https://...) with no trailing "
        "dot after the host",
    ),
    # The evidence standard.
    (
        "unknown source kind",
        "source_kind: public",
        "source_kind: ministry",
        f"46: {FARO}: source_kind 'ministry' is not one of service, public, report",
    ),
    (
        "source kind a list",
        "source_kind: public",
        "source_kind: [public]",
        f"46: {FARO}: source_kind must be text, not a list",
    ),
    (
        "service on another host",
        "source: https://help.harbour.example/contact",
        "source: https://harbour.example.net/contact",
        f"26: {HARBOUR}: source_kind is service, but the source is on harbour.example.net; its host must be "
        "harbour.example (the entry's web) or under it, or say what the source is: public or report",
    ),
    (
        "service on a host that only ends alike",
        "source: https://help.harbour.example/contact",
        "source: https://myharbour.example/contact",
        f"26: {HARBOUR}: source_kind is service, but the source is on myharbour.example; its host must be "
        "harbour.example (the entry's web) or under it, or say what the source is: public or report",
    ),
    (
        "service without a website",
        "source_kind: public",
        "source_kind: service",
        f"46: {FARO}: source_kind is service, but the source is on faro.gov.ie; add web: with the service's own site, "
        "whose host the source must be on, or say what the source is: public or report",
    ),
    (
        "public host not listed",
        "source: https://faro.gov.ie/contact",
        "source: https://faro.gov.uk/contact",
        f"46: {FARO}: source_kind is public, but faro.gov.uk is not in public_hosts; add its host to public_hosts at "
        "the top of the file if it is a government, municipality, health service, police or regulator, else say what "
        "the source is",
    ),
    (
        "public host that only ends alike",
        "source: https://faro.gov.ie/contact",
        "source: https://faro.xgov.ie/contact",
        f"46: {FARO}: source_kind is public, but faro.xgov.ie is not in public_hosts; add its host to public_hosts at "
        "the top of the file if it is a government, municipality, health service, police or regulator, else say what "
        "the source is",
    ),
    (
        "a public page called a report",
        "source: https://news.paper.example/2026/lantern",
        "source: https://www.hse.ie/lantern",
        f"34: {LANTERN}: the source on www.hse.ie is a public body's own page, not a report; write source_kind: public",
    ),
    (
        "the service's page called a report",
        '        phone: "*41 41"\n',
        '        phone: "*41 41"\n        web: https://www.paper.example/\n',
        f"35: {LANTERN}: the source on news.paper.example is the service's own page, not a report; write source_kind: "
        "service",
    ),
    (
        "an undated report",
        "        source_date: 2025-06-01\n",
        "",
        f"34: {LANTERN}: a report needs source_date: the date the report was published (YYYY-MM-DD); an undated page "
        "is not evidence",
    ),
    (
        "a source date on a service's page",
        "        source_kind: service\n",
        "        source_kind: service\n        source_date: 2026-11-01\n",
        f"27: {HARBOUR}: source_date is only for reports; leave it out",
    ),
    (
        "a report after its check",
        "source_date: 2025-06-01",
        "source_date: 2026-12-01",
        f"35: {LANTERN}: source_date 2026-12-01 is after checked 2026-11-30",
    ),
    # Dates.
    (
        "checked in the future",
        "checked: 2025-12-06",
        "checked: 2026-12-07",
        f"47: {FARO}: checked 2026-12-07 is in the future",
    ),
    (
        "source date in the future",
        "source_date: 2025-06-01",
        "source_date: 2027-01-01",
        f"35: {LANTERN}: source_date 2027-01-01 is in the future",
    ),
    (
        "checked in words",
        "checked: 2025-12-06",
        "checked: last week",
        f"47: {FARO}: checked 'last week' must be a date written YYYY-MM-DD",
    ),
    (
        "checked as a number",
        "checked: 2025-12-06",
        "checked: 20251206",
        f"47: {FARO}: checked 20251206 must be a date written YYYY-MM-DD",
    ),
    (
        "checked with a time",
        "checked: 2025-12-06",
        "checked: 2025-12-06 10:30:00",
        f"47: {FARO}: checked '2025-12-06 10:30:00' has a time of day; write the date alone, YYYY-MM-DD",
    ),
    # What YAML cannot read.
    (
        "not YAML",
        "    lines:\n      - name: Faro",
        "    lines:\n    - name: [Faro",
        "41: expected ',' or ']', but got ':'",
    ),
    (
        "a value under a tag it does not fit",
        'phone: "112"',
        "phone: !!int twelve",
        "42: 'twelve' cannot be read as !!int; write it without the tag",
    ),
    (
        "an unknown tag",
        "area: Catalonia.",
        "area: !place Catalonia.",
        "43: 'Catalonia.' cannot be read as !place; write it without the tag",
    ),
    (
        "a list under a number's tag as a key",
        "area: Catalonia.",
        "!!int [1]: Catalonia.",
        "43: this value cannot be read as !!int; write it without the tag",
    ),
    (
        "a merge key",
        "        area: Catalonia.\n",
        "        <<: {area: Catalonia.}\n",
        "43: a merge key (<<) is not read in a helplines file; write each key out",
    ),
    (
        "a control character",
        "area: Catalonia.",
        "area: Cata\x07lonia.",
        "43: the character '\\x07' cannot be in a YAML file; delete it",
    ),
    (
        "an invisible character inside a quoted value",
        "code: es",
        'code: "e\\u202es"',
        "37: code 'e\\u202es' must be a two-letter country code in lowercase, like 'ie'",
    ),
]


@pytest.mark.parametrize(("old", "new", "message"), [case[1:] for case in MISTAKES], ids=[case[0] for case in MISTAKES])
def test_each_mistake_gives_one_message_naming_the_file_the_line_and_the_entry(
    old: str, new: str, message: str
) -> None:
    assert refused(changed(old, new)) == f"{FILE}:{message}"


def test_the_lines_named_in_the_table_are_those_of_the_base_file() -> None:
    assert line_of("- code: ie") == 6
    assert line_of("- code: es") == 37
    assert line_of("- name: Faro") == 40
    assert line_of("checked: 2025-12-06") == 47
    assert line_of("source_date: 2025-06-01") == 35


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1: the file is empty; it needs 'countries:' with at least one country"),
        ("# nothing yet\n", "1: the file is empty; it needs 'countries:' with at least one country"),
        ("- code: ie\n", "1: the file must be a mapping of keys (public_hosts, countries)"),
        ("public_hosts: [gov.ie]\n", "1: the file needs 'countries:', a list of countries"),
        ("# a comment\n\ncountries: {code: ie}\n", "3: the file needs 'countries:', a list of countries"),
        ("countries: ie\n", "1: the file needs 'countries:', a list of countries"),
        ("countries: [\n", "2: expected the node content, but found '<stream end>'"),
        ("countries: []\n\n\tpublic_hosts: []\n", "3: found character '\\t' that cannot start any token"),
        ("countries: [*nowhere]\n", "1: found undefined alias 'nowhere'"),
        ("countries:\n\n  - \ufffe\n", "3: the character '\\ufffe' cannot be in a YAML file; delete it"),
        ("\ncountries:\n  - \x1b\n", "3: the character '\\x1b' cannot be in a YAML file; delete it"),
        ("countries: " + "[" * 700 + "]" * 700 + "\n", "1: lists or mappings nest too deeply to be read"),
    ],
)
def test_a_file_that_cannot_be_read_gives_one_message_with_its_line(text: str, message: str) -> None:
    assert refused(text) == f"{FILE}:{message}"


def test_the_help_page_s_sections_and_gaps() -> None:
    countries = parse_helplines(BASE, FILE, TODAY)
    assert countries_of_kind(countries, "abuse") == [{**IRELAND, "lines": [LANTERN_LINE]}, {**SPAIN, "lines": []}]
    assert countries_of_kind(countries, "young") == [{**IRELAND, "lines": [HARBOUR_LINE]}, {**SPAIN, "lines": []}]
    assert countries_of_kind(countries, "men") == [{**IRELAND, "lines": []}, SPAIN]
    assert countries == [IRELAND, SPAIN]  # the sections are copies: the countries are left as they were
    assert section_gaps(countries) == [
        (IRELAND, ["emergency", "men", "lgbtq", "behaviour"]),
        (SPAIN, ["abuse", "crisis", "lgbtq", "young", "behaviour"]),
    ]
    assert gap_notes(countries) == [
        f"{FILE}:6: Ireland (ie): no line for emergency, men, lgbtq, behaviour; the help page shows that section's "
        "fallback sentence instead",
        f"{FILE}:37: Spain (es): no line for abuse, crisis, lgbtq, young, behaviour; the help page shows that "
        "section's fallback sentence instead",
    ]
    complete = parse_helplines(changed("kinds: [crisis, young]", f"kinds: [{ALL_KINDS}]"), FILE, TODAY)
    assert section_gaps(complete) == [(complete[1], ["abuse", "crisis", "lgbtq", "young", "behaviour"])]
    assert gap_notes(complete) == [gap_notes(countries)[1]]
    assert section_gaps([]) == [] and gap_notes([]) == []


def test_the_setting_names_a_file_beside_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "en.yml").write_text(BASE, encoding="utf-8")
    assert read_helplines_file(" lists/en.yml ", tmp_path) == (BASE, "lists/en.yml")
    assert load_helplines("lists/en.yml", tmp_path, TODAY) == [IRELAND, SPAIN]
    # An absolute path is read as it is, and named as it is.
    absolute = (tmp_path / "lists" / "en.yml").as_posix()
    assert read_helplines_file(absolute, Path("/nowhere")) == (BASE, absolute)
    # Without a config folder, the path is read from the working folder.
    monkeypatch.chdir(tmp_path)
    assert read_helplines_file("lists/en.yml", None) == (BASE, "lists/en.yml")
    # Left out: no helplines, the help page points to a directory.
    assert load_helplines(None, tmp_path) == []


def test_the_file_is_checked_as_of_the_day_given_or_today(tmp_path: Path) -> None:
    (tmp_path / "old.yml").write_text(BASE, encoding="utf-8")
    # As of a day before the checks, they are in the future.
    with pytest.raises(
        HelplineError, match=re.escape("old.yml:27: 'Harbour Line' (Ireland): checked 2026-11-30 is in")
    ):
        load_helplines("old.yml", tmp_path, date(2026, 1, 1))
    # Today, long after TODAY, the entries are stale unless the review's report asks for them.
    (tmp_path / "stale.yml").write_text(BASE.replace("2025-12-06", "2020-01-01"), encoding="utf-8")
    with pytest.raises(HelplineError, match=re.escape("stale.yml:47: 'Faro' (Spain): checked 2020-01-01 is more than")):
        load_helplines("stale.yml", tmp_path)
    assert load_helplines("stale.yml", tmp_path, stale_ok=True)[1]["lines"][0]["checked"] == "2020-01-01"
    today = date.today().isoformat()
    fresh = BASE.replace("2026-11-30", today).replace("2025-12-06", today).replace("2025-06-01", today)
    (tmp_path / "fresh.yml").write_text(fresh, encoding="utf-8")
    assert load_helplines("fresh.yml", tmp_path)[1]["lines"][0]["checked"] == today


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            5,
            "must be the path of a helplines data file, such as helplines/en.yml, not 5; its format is in the "
            "package: finding_balance/helplines/lists/FORMAT.md",
        ),
        (
            ["lists/en.yml"],
            "must be the path of a helplines data file, such as helplines/en.yml, not a list; its "
            "format is in the package: finding_balance/helplines/lists/FORMAT.md",
        ),
        (
            "  ",
            "must be the path of a helplines data file, such as helplines/en.yml, not '  '; its format is in the "
            "package: finding_balance/helplines/lists/FORMAT.md",
        ),
        (
            "",
            "must be the path of a helplines data file, such as helplines/en.yml, not ''; its format is in the "
            "package: finding_balance/helplines/lists/FORMAT.md",
        ),
        ("none.yml", "names 'none.yml', which cannot be read"),
        ("lists", "names 'lists', which cannot be read"),
    ],
)
def test_the_setting_must_name_a_readable_file(tmp_path: Path, raw: Any, message: str) -> None:
    (tmp_path / "lists").mkdir()
    with pytest.raises(HelplineError) as caught:
        load_helplines(raw, tmp_path, TODAY)
    assert str(caught.value) == f"mkdocs.yml: extra.helplines {message}"
