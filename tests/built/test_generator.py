"""The package as other organisations get it: a wheel installed (not editable) in a fresh virtual
environment away from this repository, ``python -m finding_balance new`` in each language, the new
site built and checked by the installed package alone, and the new site's own ``make test`` passing
on a fresh clone of it.

The wheel, its install and the clone's ``make test`` are prepared in the background while the other
tests run (``support.new_site``); these tests wait for them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import PROJECT_ROOT
from support.new_site import PREPARED, Installed, Preparation

from finding_balance.gates import addresses, chrome, policy, quizzes, readability
from finding_balance.settings import locale_defaults


@pytest.fixture(scope="module")
def preparation(request: pytest.FixtureRequest) -> Preparation:
    found = request.config.stash.get(PREPARED, None)
    assert found is not None, "tests/conftest.py starts the preparation when it collects these tests"
    return found


@pytest.fixture(scope="module")
def installed(preparation: Preparation) -> Installed:
    return preparation.installed()


@pytest.fixture(scope="module")
def english_site(installed: Installed) -> Path:
    target = installed.home / "my-site"
    command = ["-m", "finding_balance", "new", str(target), "--package", installed.requirement]
    result = installed.run(*command, cwd=installed.home)
    assert result.returncode == 0, result.stderr
    return target


def _build(installed: Installed, project: Path) -> Path:
    site_dir = project / "site"
    result = installed.run("-m", "finding_balance", "build", cwd=project)
    assert result.returncode == 0, result.stderr
    return site_dir


def test_the_installed_package_reads_nothing_from_this_repository(installed: Installed) -> None:
    found = installed.run("-c", "import finding_balance; print(finding_balance.__file__)", cwd=installed.home)
    location = Path(found.stdout.strip())
    assert location.is_relative_to(installed.home), location
    assert not location.is_relative_to(PROJECT_ROOT)
    assert (location.parent / "theme" / "main.html").is_file()
    assert (location.parent / "helplines" / "lists" / "en.yml").is_file()


def test_a_new_english_site_builds_with_every_feature(installed: Installed, english_site: Path) -> None:
    site_dir = _build(installed, english_site)
    assert chrome.banner_problems(site_dir) == []
    assert chrome.quick_exit_problems(site_dir) == []
    assert policy.policy_problems(site_dir) == []
    assert quizzes.quiz_problems(english_site / "docs", site_dir) == []
    topic = BeautifulSoup((site_dir / "example-topic" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert topic.select_one("html")["lang"] == "en"
    assert topic.select_one("section.fb-quiz#quiz-example-check") is not None
    help_page = BeautifulSoup((site_dir / "help" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert help_page.select_one("#helplines-gb") is not None, "the sourced helplines are on the help page"
    assert help_page.select('a[href^="tel:"]')
    counsellors = (site_dir / "counsellors" / "index.html").read_text(encoding="utf-8")
    assert "example-topic/#quiz-example-check" in counsellors, "the counsellors' list names the quiz"
    assert not (english_site / "overrides").exists(), "a new site changes nothing of the theme"


def test_a_new_spanish_site_is_spanish(installed: Installed) -> None:
    target = installed.home / "mi-sitio"
    result = installed.run("-m", "finding_balance", "new", str(target), "--language", "es", cwd=installed.home)
    assert result.returncode == 0, result.stderr
    site_dir = _build(installed, target)
    assert chrome.banner_problems(site_dir) == []
    assert policy.policy_problems(site_dir) == []
    html = (site_dir / "example-topic" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("html")["lang"] == "es"
    banner = soup.select_one(".fb-disclaimer")
    assert banner["aria-label"] == "Aviso"
    assert "Este sitio es solo para informar y aprender." in banner.get_text(" ", strip=True)
    assert "Salir de este sitio" in soup.select_one(".fb-quick-exit").get_text(" ", strip=True)
    assert soup.select_one("section.fb-quiz#quiz-example-check") is not None
    help_page = BeautifulSoup((site_dir / "help" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert help_page.select_one("#helplines-es") is not None


def test_a_new_arabic_site_is_arabic_and_right_to_left(installed: Installed) -> None:
    target = installed.home / "arabic-site"
    result = installed.run("-m", "finding_balance", "new", str(target), "--language", "ar", cwd=installed.home)
    assert result.returncode == 0, result.stderr
    site_dir = _build(installed, target)
    assert chrome.banner_problems(site_dir) == []
    assert chrome.quick_exit_problems(site_dir) == []
    assert quizzes.quiz_problems(target / "docs", site_dir) == []
    assert readability.readability_problems(site_dir) == []
    assert addresses.address_problems(site_dir, target / "tests" / "published-urls.txt") == []
    soup = BeautifulSoup((site_dir / "example-topic" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("html")["lang"] == "ar"
    assert soup.select_one("body")["dir"] == "rtl"
    words = locale_defaults("ar")
    assert soup.select_one(".fb-disclaimer")["aria-label"] == "تنبيه"
    assert words["quick_exit"]["label"] in soup.select_one(".fb-quick-exit").get_text(" ", strip=True)
    assert soup.select_one("section.fb-quiz#quiz-example-check") is not None
    assert soup.select_one(".fb-handout__address")["dir"] == "ltr"


def test_a_new_site_without_helplines_points_to_the_directory(installed: Installed) -> None:
    target = installed.home / "no-lines"
    result = installed.run("-m", "finding_balance", "new", str(target), "--no-helplines", cwd=installed.home)
    assert result.returncode == 0, result.stderr
    site_dir = _build(installed, target)
    help_page = BeautifulSoup((site_dir / "help" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not help_page.select('[id^="helplines-"]')
    assert help_page.select_one('a[href="https://findahelpline.com/"]') is not None
    assert addresses.address_problems(site_dir, target / "tests" / "published-urls.txt") == []


def test_a_bad_quiz_stops_the_check_with_file_and_line(installed: Installed, tmp_path: Path) -> None:
    target = tmp_path / "broken"
    assert installed.run("-m", "finding_balance", "new", str(target), cwd=tmp_path).returncode == 0
    page = target / "docs" / "example-topic.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("type: checklist", "type: checklst"), encoding="utf-8")
    line = text[: text.index("type: checklist")].count("\n") + 1
    result = installed.run("-m", "finding_balance", "check", cwd=target)
    assert result.returncode == 1
    assert re.search(rf"docs/example-topic\.md:{line}: .*checklst", result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_new_refuses_a_folder_that_is_not_empty(installed: Installed, english_site: Path) -> None:
    result = installed.run("-m", "finding_balance", "new", str(english_site), cwd=installed.home)
    assert result.returncode == 1
    assert "not an empty folder" in result.stderr


def test_the_new_sites_own_make_test_passes_on_a_fresh_clone(preparation: Preparation) -> None:
    result = preparation.fresh_clone()
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert re.search(r"\b9 passed\b", result.stdout), result.stdout[-2000:]
    assert "skipped" not in result.stdout
