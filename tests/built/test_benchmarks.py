"""The benchmark scripts in benchmarks/ still run and print their figures (the figures are not checked).

Small and fast: a 10-page synthetic site built once each way, and the page weight of the site that
the test session builds anyway. ``make bench`` runs the real sizes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.sitebuild import PROJECT_ROOT

from finding_balance.quiz.model import QUIZ_TYPES, find_quiz_blocks, parse_quiz

BENCHMARKS = PROJECT_ROOT / "benchmarks"


def run_script(name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stderr}{result.stdout}"
    return result.stdout


@pytest.mark.parametrize(
    "name", ["synthetic_site.py", "build_overhead.py", "page_weight.py", "lighthouse.py", "qr_codes.py"]
)
def test_every_script_starts(name: str) -> None:
    assert "usage:" in run_script(name, "--help")


def test_synthetic_site_has_valid_quizzes_of_every_type_on_every_tenth_page(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    printed = run_script("synthetic_site.py", str(docs), "--pages", "20")
    assert printed.startswith("20 pages, 2 quiz pages, 8 quizzes")
    pages = sorted(docs.rglob("page-*.md"))
    assert len(pages) == 20
    ids: list[str] = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("---\ndescription: ")
        quizzes = [parse_quiz(block) for block in find_quiz_blocks(text)]
        number = int(page.stem.split("-")[1])
        assert sorted(quiz.type for quiz in quizzes) == (sorted(QUIZ_TYPES) if number % 10 == 0 else [])
        ids += [quiz.id for quiz in quizzes]
    assert len(ids) == len(set(ids)) == 8


def test_build_overhead_script_builds_both_ways_and_prints_its_figures() -> None:
    printed = run_script("build_overhead.py", "--pages", "10", "--pairs", "1", "--warmup", "0")
    for label in ("10 pages (1 with quizzes, 4 quizzes", "A with our plugin", "B without our plugin"):
        assert label in printed
    assert "A/B per pair" in printed
    assert "ms per page" in printed


def test_the_breakdown_times_our_functions_wherever_they_run() -> None:
    printed = run_script("build_overhead.py", "--pages", "10", "--pairs", "1", "--warmup", "0", "--breakdown")
    assert "not found, not timed" not in printed
    # The check, the quiz fence (run inside the engine's page conversion) and the finishing passes.
    for name in ("check.check_page", "quiz.markdown.quiz_html", "site.finish.SiteFinisher.page", "qr.qr_code"):
        assert name in printed


def test_cold_and_warm_builds_are_measured_apart() -> None:
    printed = run_script("build_overhead.py", "--pages", "10", "--pairs", "1", "--warmup", "0", "--warm")
    assert "cold: no cache of ours" in printed and "warm: QR codes and quizzes kept from the build before" in printed
    assert "load average before:" in printed


def test_page_weight_script_prints_assets_and_heaviest_page(site_dir: Path) -> None:
    printed = run_script("page_weight.py", "--site-dir", str(site_dir))
    assert "total (JS + CSS)" in printed
    assert "heaviest page:" in printed
    for bundle in ("assets/finding-balance.min.css", "assets/finding-balance.min.js"):
        assert bundle in printed
    for name in ("print", "counsellors", "pack", "pack: QR encoder (lean-qr)"):
        assert f"  {name} " in printed


def test_qr_codes_script_prints_milliseconds_per_code() -> None:
    printed = run_script("qr_codes.py", "--codes", "20")
    assert "finding_balance.handouts.qr (zxing-cpp)" in printed and " ms" in printed
