"""A site's own ``custom_dir`` overrides any template of ours, the ones our code renders included
(finding_balance/templates.py): the quiz, the helplines and the counsellors' list show the site's
markup under every engine, and so does the disclaimer, which the engine renders; a change to any of
them shows on the next (warm) build, the quiz cache (finding_balance/quiz/cache.py) and the engine's
compiled templates (``compiled_templates_cache``) included. The site is a small copy
(``small_project``) whose config names ``overrides/`` and moves the build cache with the plugin's
``cache_dir`` option."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.sitebuild import site_build, small_project

from finding_balance.templates import THEME_DIR

ENGINES = ("mkdocs", "properdocs", "zensical")
#: Each template a site overrides, and the page of each edition that shows it.
OVERRIDDEN = {
    "partials/quiz.html": "index.html",
    "partials/helplines.html": "help/index.html",
    "partials/counsellors-list.html": "counsellors/index.html",
    "partials/disclaimer.html": "index.html",
}
CACHE_DIR = ".cache/elsewhere"


def marker(template: str, version: str) -> str:
    return f'<p data-site-override="{template} {version}"></p>'


def write_overrides(project: Path, version: str) -> None:
    """The site's own copy of each template: ours, with a marker of ``version`` at the end."""
    for template in OVERRIDDEN:
        path = project / "overrides" / template
        path.parent.mkdir(parents=True, exist_ok=True)
        ours = (THEME_DIR / template).read_text(encoding="utf-8")
        path.write_text(f"{ours}\n{marker(template, version)}\n", encoding="utf-8")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sites_own_templates_win_and_a_change_shows_on_the_next_build(tmp_path: Path, engine: str) -> None:
    project = small_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "theme:\n" in text and "  - finding-balance\n" in text
    text = text.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1)
    text = text.replace("  - finding-balance\n", f"  - finding-balance:\n      cache_dir: {CACHE_DIR}\n", 1)
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    for version, other in (("one", "two"), ("two", "one")):
        write_overrides(project, version)
        result = site_build(project, site, site_url="https://example.org/", engine=engine)
        assert result.returncode == 0, result.stderr
        for edition in ("", "es/"):
            for template, page in OVERRIDDEN.items():
                html = (site / edition / page).read_text(encoding="utf-8")
                assert marker(template, version) in html, f"{engine}: {edition}{page} lacks the site's {template}"
                assert marker(template, other) not in html, f"{engine}: {edition}{page} has an old {template}"
    kept = {path.name for path in (project / CACHE_DIR).glob("*.json")}
    assert {"qr-codes-mkdocs.yml.json", "qr-codes-mkdocs.es.yml.json"} <= kept, kept
    if engine != "zensical":  # Zensical renders every quiz on every build (finding_balance/quiz/cache.py)
        assert {"quizzes-mkdocs.yml.json", "quizzes-mkdocs.es.yml.json"} <= kept, kept
    assert not (project / ".cache" / "finding-balance").exists(), "the default cache folder was used"
