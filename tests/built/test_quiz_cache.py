"""Quizzes kept between builds (finding_balance/quiz/cache.py): taken when nothing they depend on
changed, never when something did; and a real build that uses them stays the same site and still
stops on a mistake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.quizzes import SCALE, convert_with_memo, page_with
from support.sitebuild import copy_project, mkdocs_build

from finding_balance import check
from finding_balance.check import QuizIds, check_page
from finding_balance.errors import AuthorError
from finding_balance.page_context import PageContext
from finding_balance.quiz import markdown as quiz_markdown
from finding_balance.quiz.cache import QuizCache
from finding_balance.quiz.memo import QuizMemo

PAGES = {"index.md", "trust.md"}


def build_once(cache_path: Path, page: str) -> str:
    """Check and convert ``page`` as a build does, with the cache file ``cache_path``; then save it."""
    context, pages = PageContext(), PAGES
    memo = QuizMemo(QuizCache(cache_path, pages))
    check_page("docs/index.md", "index.md", page, pages, QuizIds(), context=context, memo=memo)
    html = convert_with_memo(page, memo)
    assert memo.cache is not None
    memo.cache.save()
    return html


def never_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    def read_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the quiz was read and rendered again")

    for module in (check, quiz_markdown):
        for name in ("parse_quiz", "render_texts", "render_quiz", "render_search_view"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, read_again)


def test_an_unchanged_quiz_comes_from_the_cache_as_it_was_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "quizzes.json"
    page = page_with(SCALE)
    first = build_once(cache, page)
    assert 'id="quiz-time-apart"' in first
    never_read_again(monkeypatch)
    assert build_once(cache, page) == first


@pytest.mark.parametrize(
    "change",
    ["quiz text", "wording", "language", "page", "pages of the site", "code", "file"],
)
def test_a_quiz_is_read_again_when_anything_it_depends_on_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    cache = tmp_path / "quizzes.json"
    page = page_with(SCALE)
    build_once(cache, page)
    context, pages = PageContext(), PAGES
    if change == "quiz text":
        page = page.replace("Keep going.", "Keep going, together.")
    elif change == "wording":
        context = PageContext(extra={"quiz": {"see_result": "Show me"}})
    elif change == "language":
        context = PageContext(language="es")
    elif change == "page":
        context = PageContext(source="trust.md")
    elif change == "pages of the site":
        pages = PAGES | {"new.md"}
    elif change == "code":
        data = json.loads(cache.read_text(encoding="utf-8"))
        data["version"] += " (older)"
        cache.write_text(json.dumps(data), encoding="utf-8")
    elif change == "file":
        cache.write_text("{not json", encoding="utf-8")
    read: list[str] = []
    parse = check.parse_quiz
    monkeypatch.setattr(check, "parse_quiz", lambda *args: read.append("read") or parse(*args))
    memo = QuizMemo(QuizCache(cache, pages))
    check_page("docs/index.md", context.source, page, pages, QuizIds(), context=context, memo=memo)
    assert read == ["read"]


def test_a_kept_quiz_still_counts_for_ids_used_twice(tmp_path: Path) -> None:
    cache = tmp_path / "quizzes.json"
    page = page_with(SCALE)
    build_once(cache, page)
    memo = QuizMemo(QuizCache(cache, PAGES))
    seen = QuizIds()
    check_page("docs/other.md", "trust.md", page, PAGES, seen, context=PageContext(source="trust.md"), memo=memo)
    with pytest.raises(AuthorError, match=r"the id is already used by the quiz at docs/other\.md"):
        check_page("docs/index.md", "index.md", page, PAGES, seen, context=PageContext(), memo=memo)


QUIZ_PAGE = """# Links

```quiz
id: cached-links
type: prompt
title: Where next?
prompts:
  - Read [the other page](other.md) when you are ready.
```
"""


def test_a_build_with_its_cache_is_the_same_site_and_still_stops_on_a_page_that_is_gone(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "links.md").write_text(QUIZ_PAGE, encoding="utf-8")
    (project / "docs" / "other.md").write_text("# Other\n\nA page to link to.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    built = []
    for run in ("cold", "warm"):
        result = mkdocs_build(config, tmp_path / run)
        assert result.returncode == 0, result.stderr
        built.append((tmp_path / run / "links" / "index.html").read_text(encoding="utf-8"))
    assert (project / ".cache" / "finding-balance" / "quizzes-mkdocs.yml.json").is_file()
    assert built[0] == built[1] and 'id="quiz-cached-links"' in built[1]

    (project / "docs" / "other.md").unlink()
    result = mkdocs_build(config, tmp_path / "gone")
    assert result.returncode != 0
    gone = "docs/links.md:3: quiz 'cached-links': prompts[0]: the link 'other.md' goes to docs/other.md"
    assert gone in result.stderr
    assert "Traceback" not in result.stderr
