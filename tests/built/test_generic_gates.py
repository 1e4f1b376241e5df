"""The package's gates (``finding_balance.gates``), the ones every new site runs, over this site's
real build, both editions; and proof that each can fail. This site's own tests check the same
things more deeply elsewhere (tests/browser/test_csp.py, tests/built/test_third_party.py...)."""

from __future__ import annotations

from pathlib import Path

from conftest import BuiltSite
from support import PROJECT_ROOT, TEST_DATA

from finding_balance.gates import addresses, chrome, policy, quizzes, readability, requests


def test_every_gate_passes_on_this_site(built_site: BuiltSite) -> None:
    site = built_site.directory
    assert chrome.banner_problems(site) == []
    assert chrome.quick_exit_problems(site) == []
    assert quizzes.quiz_problems(PROJECT_ROOT / "docs", site) == []
    assert quizzes.quiz_problems(PROJECT_ROOT / "docs-es", site / "es") == []
    assert quizzes.quiz_problems(PROJECT_ROOT / "docs-ar", site / "ar") == []
    assert requests.third_party_problems(site, built_site.base_url) == []
    assert policy.policy_problems(site) == []
    assert readability.readability_problems(site) == []
    assert addresses.address_problems(site, TEST_DATA / "published-urls.txt") == []


def test_readability_scores_each_edition_in_its_own_language(built_site: BuiltSite) -> None:
    scores = readability.page_scores(built_site.directory)
    assert scores["trust/index.html"][0] == "en"
    assert scores["es/trust/index.html"][0] == "es"
    assert scores["ar/trust/index.html"][0] == "ar"
    assert len(scores) >= 30


def _one_page_site(folder: Path, page: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder


def test_each_gate_fails_on_a_page_that_breaks_it(built_site: BuiltSite, tmp_path: Path) -> None:
    real = (built_site.directory / "trust" / "index.html").read_text(encoding="utf-8")
    no_banner = _one_page_site(tmp_path / "a", real.replace('class="fb-disclaimer"', 'class="gone"'))
    assert chrome.banner_problems(no_banner)
    no_exit = _one_page_site(tmp_path / "b", real.replace("data-fb-quick-exit>", ">"))
    assert chrome.quick_exit_problems(no_exit)
    foreign = _one_page_site(
        tmp_path / "c", real.replace("</head>", '<script src="https://cdn.example/x.js"></script></head>')
    )
    assert requests.third_party_problems(foreign, built_site.base_url)
    unsafe = _one_page_site(tmp_path / "d", real.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))
    assert any("unsafe-inline" in problem for problem in policy.policy_problems(unsafe))
    hard = "Notwithstanding considerable institutional heterogeneity, interdisciplinary collaboration " * 30
    wordy = _one_page_site(tmp_path / "e", real.replace("<h1", f"<p>{hard}.</p><h1", 1))
    assert readability.readability_problems(wordy)
    # Arabic written like an official report: long sentences of long derived words.
    report = (
        "واستنادا إلى الاستراتيجيات المعتمدة لدى المؤسسات المختصة فإن اللجنة المشتركة تؤكد ضرورة تعزيز "
        "الإجراءات التنسيقية والتشريعية الكفيلة بضمان استدامة البرامج الاجتماعية والاقتصادية المتكاملة "
    ) * 3
    arabic = (built_site.directory / "ar" / "trust" / "index.html").read_text(encoding="utf-8")
    official = _one_page_site(tmp_path / "f", arabic.replace("<h1", f"<p>{report}.</p>" * 20 + "<h1", 1))
    assert any("OSMAN" in problem for problem in readability.readability_problems(official))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("```quiz\nid: lost\ntype: prompt\ntitle: T\nprompts: [a]\n```\n", encoding="utf-8")
    assert quizzes.quiz_problems(docs, no_banner) == ["index.md: the quiz 'lost' is not on the built page"]
    listed = tmp_path / "published-urls.txt"
    listed.write_text("/trust/#no-such-section\n", encoding="utf-8")
    assert addresses.address_problems(built_site.directory, listed) == [
        "/trust/#no-such-section: /trust/ has no anchor #no-such-section"
    ]
