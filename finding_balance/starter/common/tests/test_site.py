"""The gates every Finding Balance site passes, run over this site as built with --strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from finding_balance.gates import addresses, chrome, policy, quizzes, readability, requests
from finding_balance.gates.browser import axe_violations
from finding_balance.gates.plugin import BuiltSite

PUBLISHED = Path(__file__).with_name("published-urls.txt")


def test_every_page_has_the_banner(built_site: BuiltSite) -> None:
    assert chrome.banner_problems(built_site.directory) == []


def test_every_page_has_the_quick_exit(built_site: BuiltSite) -> None:
    assert chrome.quick_exit_problems(built_site.directory) == []


def test_every_quiz_is_on_its_page(built_site: BuiltSite) -> None:
    assert quizzes.quiz_problems(built_site.project / "docs", built_site.directory) == []


def test_nothing_loads_from_another_host(built_site: BuiltSite) -> None:
    assert requests.third_party_problems(built_site.directory, built_site.base_url) == []


def test_every_page_has_a_strict_content_security_policy(built_site: BuiltSite) -> None:
    assert policy.policy_problems(built_site.directory) == []


def test_every_page_is_in_plain_words(built_site: BuiltSite) -> None:
    assert readability.readability_problems(built_site.directory) == []


def test_published_addresses_still_work(built_site: BuiltSite) -> None:
    assert addresses.address_problems(built_site.directory, PUBLISHED) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_nothing_on_any_page(built_site: BuiltSite, page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for html_file in sorted(built_site.directory.rglob("*.html")):
        address = html_file.relative_to(built_site.directory).as_posix().removesuffix("index.html")
        page.goto(built_site.base_url + address)
        if problems := axe_violations(page):
            found[address] = problems
    assert found == {}
