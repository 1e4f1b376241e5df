"""Gate 2, valid HTML: the Nu Html Checker (npm vnu-jar, on Java) finds no error in any page of the
built site, apart from the theme's own known errors listed with their reasons in vnu-allowlist.yml.

The checker runs once, in one Java process, over every page plus a canary page with a known error,
which proves that it really checks and reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import material
import pytest
import yaml
from conftest import BuiltSite
from support import TEST_DATA
from support.sitebuild import PROJECT_ROOT

VNU_JAR = PROJECT_ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
ALLOWLIST = TEST_DATA / "vnu-allowlist.yml"
THEME_TEMPLATES = Path(material.__file__).parent / "templates"
OUR_SOURCES = ("docs", "docs-es", "overrides", "hooks", "finding_balance")
CANARY_NAME = "canary.html"
CANARY = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>'
    "<body><ul><div>A div may not be a child of a list.</div></ul></body></html>"
)


@dataclass(frozen=True)
class VnuError:
    file: str
    line: int
    message: str
    markup: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.markup}]"


@dataclass(frozen=True)
class Allowed:
    message: str
    markup: str
    template: str
    reason: str

    def matches(self, error: VnuError) -> bool:
        return error.message.startswith(self.message) and error.markup == self.markup


def java() -> str:
    """The Java that ``make test`` found (``JAVA``), else the one on PATH. Missing is a failure."""
    path = os.environ.get("JAVA") or shutil.which("java")
    if not path or not Path(path).exists():
        pytest.fail(
            "No Java: run the tests with 'make test', which installs Debian's default-jre-headless "
            "when it is missing, or set JAVA to a java binary.",
            pytrace=False,
        )
    return path


def run_vnu(files: list[Path], relative_to: Path) -> list[VnuError]:
    if not VNU_JAR.exists():
        pytest.fail(f"No {VNU_JAR.relative_to(PROJECT_ROOT)}: run 'make test' (it runs npm ci).", pytrace=False)
    command = [java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--stdout", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 1) or not result.stdout.strip():
        pytest.fail(f"vnu did not run (exit {result.returncode}):\n{result.stderr}", pytrace=False)
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "info":
            continue
        file = Path(unquote(message.get("url", "").removeprefix("file:")))
        extract = message.get("extract", "")
        start = message.get("hiliteStart", 0)
        markup = extract[start : start + message.get("hiliteLength", len(extract))]
        name = file.relative_to(relative_to).as_posix() if file.is_relative_to(relative_to) else str(file)
        errors.append(VnuError(name, message.get("lastLine", 0), message["message"], markup.strip()))
    return errors


def load_allowlist() -> list[Allowed]:
    return [Allowed(**entry) for entry in yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def vnu_errors(built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> list[VnuError]:
    canary = tmp_path_factory.mktemp("vnu") / CANARY_NAME
    canary.write_text(CANARY, encoding="utf-8")
    pages = built_site.html_files()
    assert pages
    return run_vnu([*pages, canary], built_site.directory)


def test_the_checker_reports_errors(vnu_errors: list[VnuError]) -> None:
    canary = [error for error in vnu_errors if error.file.endswith(CANARY_NAME)]
    assert [error.message for error in canary] == [
        "Element “div” not allowed as child of element “ul” in this context. (Suppressing further errors "
        "from this subtree.)"
    ]


def test_every_page_is_valid_html(vnu_errors: list[VnuError]) -> None:
    allowlist = load_allowlist()
    ours = [
        str(error)
        for error in vnu_errors
        if not error.file.endswith(CANARY_NAME) and not any(entry.matches(error) for entry in allowlist)
    ]
    assert not ours, "\n".join(ours)


def test_every_allowlist_entry_is_still_needed(vnu_errors: list[VnuError]) -> None:
    unused = [entry.markup for entry in load_allowlist() if not any(entry.matches(e) for e in vnu_errors)]
    assert not unused, "No longer reported; remove from vnu-allowlist.yml:\n" + "\n".join(unused)


def test_allowlist_names_only_the_themes_markup() -> None:
    entries = load_allowlist()
    assert entries
    our_files = [path for folder in OUR_SOURCES for path in (PROJECT_ROOT / folder).rglob("*") if path.is_file()]
    problems = []
    for entry in entries:
        if not entry.reason.strip():
            problems.append(f"{entry.markup}: no reason given")
        template = THEME_TEMPLATES / entry.template
        if not template.is_file() or entry.markup not in template.read_text(encoding="utf-8"):
            problems.append(f"{entry.markup}: not in Material's {entry.template}")
        problems += [
            f"{entry.markup}: also in our {path.relative_to(PROJECT_ROOT)}"
            for path in our_files
            if path.suffix in {".html", ".md", ".py", ".js", ".css"}
            and entry.markup in path.read_text(encoding="utf-8", errors="replace")
        ]
    assert not problems, "\n".join(problems)
