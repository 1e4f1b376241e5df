"""Gate 2, valid HTML: the Nu Html Checker (npm vnu-jar, on Java) finds no error in any page of the
built site, apart from the theme's own known errors listed with their reasons in vnu-allowlist.yml.

The checker runs once, in one Java process, over every page plus a canary page with a known error,
which proves that it really checks and reports."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from conftest import BuiltSite
from support.sitebuild import PROJECT_ROOT
from support.vnu import CANARY, CANARY_NAME, VnuError, load_allowlist, run_vnu

THEME_TEMPLATES = Path(material.__file__).parent / "templates"
OUR_SOURCES = ("docs", "docs-es", "docs-ar", "finding_balance")


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
