"""The package as other organisations get it: a wheel installed (not editable) in a fresh virtual
environment away from this repository, ``python -m finding_balance new`` in each language, the new
site built and checked by the installed package alone, and the new site's own ``make test`` passing
on a fresh clone of it.

Slow by nature (a wheel, two installs from the package registry, two builds, a browser): one module
fixture does the installing once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import PROJECT_ROOT

from finding_balance.gates import chrome, policy, quizzes


@dataclass(frozen=True)
class Installed:
    """A fresh environment with the wheel installed, and the requirement line that installs it."""

    python: Path
    requirement: str
    home: Path

    def run(self, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        return subprocess.run(
            [str(self.python), *arguments], capture_output=True, text=True, cwd=cwd, env=env, timeout=600
        )


def _run(command: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(extra)
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=900)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    home = tmp_path_factory.mktemp("away")
    wheels = home / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(PROJECT_ROOT)], home)
    wheel = next(wheels.glob("finding_balance-*.whl"))
    requirement = f"finding-balance[gates] @ {wheel.as_uri()}"
    environment = home / "venv"
    _run([sys.executable, "-m", "venv", str(environment)], home)
    python = environment / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--quiet", requirement], home)
    yield Installed(python, requirement, home)


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


def test_a_new_site_without_helplines_points_to_the_directory(installed: Installed) -> None:
    target = installed.home / "no-lines"
    result = installed.run("-m", "finding_balance", "new", str(target), "--no-helplines", cwd=installed.home)
    assert result.returncode == 0, result.stderr
    site_dir = _build(installed, target)
    help_page = BeautifulSoup((site_dir / "help" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not help_page.select('[id^="helplines-"]')
    assert help_page.select_one('a[href="https://findahelpline.com/"]') is not None


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


def test_the_new_sites_own_make_test_passes_on_a_fresh_clone(installed: Installed, english_site: Path) -> None:
    shutil.rmtree(english_site / "site", ignore_errors=True)
    _run(["git", "init", "--quiet"], english_site)
    _run(["git", "add", "-A"], english_site)
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    _run(["git", "commit", "--quiet", "-m", "A new site"], english_site, **identity)
    clone = installed.home / "clone"
    _run(["git", "clone", "--quiet", str(english_site), str(clone)], installed.home)
    result = _run(["make", "test"], clone, CI="true")
    assert re.search(r"\d+ passed", result.stdout), result.stdout[-2000:]
    assert "skipped" not in result.stdout
