"""The finishing in a helper process (``finding_balance.site.parallel``) gives the very site, and the
very messages, that the finishing in the build's own process gives.

A synthetic site of the benchmarks (45 pages, quizzes of every type, a counsellors page) is built
with MkDocs twice: as an author's build runs it (the helper finishes the pages on the second core)
and with ``FINDING_BALANCE_ONE_PROCESS=1``. Both sites must be the same byte for byte, and a mistake
found while finishing must stop both builds with the same single message.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import sys
from pathlib import Path
from unittest import mock

import pytest
from support.sitebuild import PROJECT_ROOT, mkdocs_build

from finding_balance.errors import AuthorError
from finding_balance.site import parallel
from finding_balance.site.finish import SiteContext, SiteFinisher
from finding_balance.site.parallel import ONE_PROCESS_VARIABLE, FinisherProcess, parallel_finisher
from finding_balance.templates import ASSETS_DIR

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from build_overhead import real_config, variant_config, write_config
from synthetic_site import write_site

PAGES = 45
SITE_URL = "https://example.org/finding-balance/"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic site's folder, with its config (``mkdocs.yml``) and Markdown (``docs/``)."""
    root = tmp_path_factory.mktemp("synthetic")
    write_site(root / "docs", PAGES)
    config = variant_config(real_config(), root / "docs", root / "site", ours=True)
    config["site_url"] = SITE_URL
    write_config(root / "mkdocs.yml", config)
    return root


def build(root: Path, site: str, *, one_process: bool) -> tuple[int, str]:
    """Build ``root``'s site into ``root/site`` with no QR codes kept from before; return the exit
    code and what MkDocs printed."""
    shutil.rmtree(root / ".cache", ignore_errors=True)
    with mock.patch.dict(os.environ, {ONE_PROCESS_VARIABLE: "1" if one_process else ""}):
        result = mkdocs_build(root / "mkdocs.yml", root / site, site_url=SITE_URL)
    return result.returncode, result.stderr


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two folders, or that only one of them has."""
    comparison = filecmp.dircmp(left, right)
    found = [str(left / name) for name in comparison.left_only + comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    found += [str(left / name) for name in mismatch + errors]
    for name in comparison.common_dirs:
        found += differences(left / name, right / name)
    return found


def test_the_helper_is_used_for_a_large_site_on_two_cores(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    context = SiteContext(
        site_dir=tmp_path / "site",
        site_url=SITE_URL,
        docs_dir=synthetic / "docs",
        assets_dir=ASSETS_DIR,
        display_root=synthetic,
    )
    finisher = SiteFinisher(context)
    assert len(finisher.urls) >= parallel.AT_LEAST
    monkeypatch.setenv(ONE_PROCESS_VARIABLE, "")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert parallel_finisher(context, finisher) is finisher
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(ONE_PROCESS_VARIABLE, "1")
    assert parallel_finisher(context, finisher) is finisher
    monkeypatch.setenv(ONE_PROCESS_VARIABLE, "")
    # The plugin's options (finding_balance/engines/options.py): one process, and the threshold.
    assert parallel_finisher(context, finisher, one_process=True) is finisher
    assert parallel_finisher(context, finisher, at_least=len(finisher.urls) + 1) is finisher
    helper = parallel_finisher(context, finisher)
    assert isinstance(helper, FinisherProcess)
    helper.close()


def test_the_helper_builds_the_same_site_as_one_process(synthetic: Path) -> None:
    assert (os.cpu_count() or 1) > 1, "the helper needs a second core; this machine has one"
    code, printed = build(synthetic, "site-helper", one_process=False)
    assert code == 0, printed
    code, printed = build(synthetic, "site-one", one_process=True)
    assert code == 0, printed
    helper, one = synthetic / "site-helper", synthetic / "site-one"
    pages = sorted(helper.rglob("*.html"))
    assert len(pages) > PAGES
    # Finished: every page has its policy, and the printed pages their QR code.
    for page in pages:
        assert 'http-equiv="Content-Security-Policy"' in page.read_text(encoding="utf-8"), page
    assert "data:image/svg+xml," in (helper / "section-01" / "page-0010" / "index.html").read_text(encoding="utf-8")
    assert differences(helper, one) == []


def test_a_mistake_found_by_the_helper_stops_the_build_with_the_same_message(synthetic: Path, tmp_path: Path) -> None:
    root = tmp_path / "broken"
    shutil.copytree(synthetic / "docs", root / "docs")
    shutil.copy2(synthetic / "mkdocs.yml", root / "mkdocs.yml")
    text = (synthetic / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace(str(synthetic), str(root)), encoding="utf-8")
    page = root / "docs" / "section-01" / "page-0010.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Taken {#quiz-p0010-scale}\n\nText.\n", encoding="utf-8")

    messages = []
    for one_process in (False, True):
        code, printed = build(root, "site", one_process=one_process)
        assert code != 0, printed
        assert "Traceback" not in printed
        errors = [line for line in printed.splitlines() if "ERROR" in line]
        assert len(errors) == 1, printed
        assert "page-0010.md:" in errors[0] and "quiz-p0010-scale" in errors[0], errors
        messages.append(errors[0])
    assert messages[0] == messages[1]


def helper_context(tmp_path: Path) -> SiteContext:
    folder = {name: tmp_path for name in ("site_dir", "docs_dir", "assets_dir", "display_root")}
    return SiteContext(site_url=SITE_URL, **folder)


def test_a_helper_that_stops_stops_the_build_with_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parallel.sys, "executable", "/bin/false")
    helper = FinisherProcess(helper_context(tmp_path))
    helper.page("<html></html>", "index.html", "index.md")
    with pytest.raises(AuthorError) as raised:
        helper.site()
    assert raised.value.problems == ["the finishing helper process stopped (exit code 1): no message"]


def test_a_helper_that_does_not_finish_in_time_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parallel, "WAIT_SECONDS", 0)  # no helper starts, let alone finishes, that fast
    helper = FinisherProcess(helper_context(tmp_path))
    with pytest.raises(AuthorError) as raised:
        helper.site()
    assert raised.value.problems == ["the finishing helper process did not finish within 0 minutes after the last page"]
