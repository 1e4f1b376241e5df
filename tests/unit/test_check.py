"""The check before the build (``finding_balance.check``): every mistake found in an edition's pages
and settings is one line naming the file, the line and the key. Pure functions over text and a small
folder of pages, no build.

Messages about the settings name the config file through ``config_message``: where an edition's own
config is named instead of ``mkdocs.yml``, that one function changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.quizzes import PROMPT, SCALE, page_with

from finding_balance.anchors.redirects import AnchorRedirect
from finding_balance.check import (
    CheckedQuiz,
    QuizIds,
    check_edition,
    check_page,
    check_redirect_pages,
    check_settings,
    docs_files,
)
from finding_balance.editions import Edition
from finding_balance.errors import AuthorError
from finding_balance.page_context import PageContext
from finding_balance.quiz.cache import KeptQuiz
from finding_balance.quiz.memo import QuizMemo
from finding_balance.quiz.reached import unrendered_quizzes
from finding_balance.quiz.render import TextRenderer
from finding_balance.settings import locale_defaults

CONFIG = "mkdocs.yml"


def config_message(text: str) -> str:
    return f"{CONFIG}: {text}"


def problems(call: Any, *arguments: Any) -> list[str]:
    with pytest.raises(AuthorError) as caught:
        call(*arguments)
    assert str(caught.value) == "\n".join(caught.value.problems)
    return caught.value.problems


PAGES = ["index.md", "trust.md", "guide/self-care.md", "guide/img.png"]


# ---------------------------------------------------------------------------------------------------
# A page's quizzes


def test_a_page_without_quizzes_has_none() -> None:
    assert check_page("docs/a.md", "a.md", "# A\n\nNo fences.\n", PAGES, QuizIds()) == []
    assert check_page("docs/a.md", "a.md", "# A quiz\n\n```python\nquiz = 1\n```\n", PAGES, QuizIds()) == []


def test_each_quiz_of_a_page_is_found_at_its_line_and_its_id_noted() -> None:
    seen = QuizIds()
    text = page_with(PROMPT) + "\n" + page_with(SCALE.replace("trust.md", "../trust.md"), before="")
    found = check_page("pages/guide/a.md", "guide/a.md", text, PAGES, seen)
    assert found == [CheckedQuiz("reflect", 5), CheckedQuiz("time-apart", 14)]
    assert seen.places == {"reflect": "pages/guide/a.md:5", "time-apart": "pages/guide/a.md:14"}


def test_lines_are_the_files_own_with_windows_line_endings_and_a_byte_order_mark() -> None:
    text = "\ufeff---\r\ntitle: x\r\n---\r\n\r\n" + page_with(PROMPT).replace("\n", "\r\n")
    assert check_page("docs/a.md", "a.md", text, set(PAGES), QuizIds()) == [CheckedQuiz("reflect", 9)]


def test_a_quiz_mistake_names_the_file_the_line_and_the_quiz() -> None:
    text = page_with(PROMPT.replace("prompts:", "prompt:"))
    assert problems(check_page, "docs/a.md", "a.md", text, PAGES, QuizIds()) == [
        "docs/a.md:9: quiz 'reflect': prompt: unknown key for a prompt quiz (check the spelling)"
    ]


def test_a_fence_never_closed_names_the_file_and_its_line() -> None:
    assert problems(check_page, "docs/a.md", "a.md", "# A\n\n```quiz\nid: x\n", PAGES, QuizIds()) == [
        "docs/a.md:3: quiz: the ```quiz fence is never closed (add a line with ``` after the quiz)"
    ]


def test_an_id_used_twice_names_both_places() -> None:
    seen = QuizIds()
    check_page("docs/a.md", "a.md", page_with(PROMPT), PAGES, seen)
    assert problems(check_page, "docs/b.md", "b.md", "\n" + page_with(PROMPT), PAGES, seen) == [
        "docs/b.md:6: quiz 'reflect': the id is already used by the quiz at docs/a.md:5; every quiz needs its own id."
    ]


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("missing.md", "the link 'missing.md' goes to pages/guide/missing.md, which does not exist"),
        ("../missing.md#x", "the link '../missing.md#x' goes to pages/missing.md, which does not exist"),
        (
            "javascript:alert(1)",
            "the link 'javascript:alert(1)' is not allowed: use http, https, mailto, tel or a page",
        ),
    ],
)
def test_a_link_that_goes_nowhere_names_the_field(link: str, message: str) -> None:
    text = page_with(SCALE.replace("trust.md#safe", link))
    assert problems(check_page, "pages/guide/a.md", "guide/a.md", text, PAGES, QuizIds()) == [
        f"pages/guide/a.md:5: quiz 'time-apart': results[0].text: {message}"
    ]


def test_links_to_pages_that_exist_pass() -> None:
    for link in ("self-care.md#top", "../trust.md", "img.png", "#here", "https://example.org/", "mailto:a@b.c"):
        text = page_with(SCALE.replace("trust.md#safe", link))
        found = check_page("pages/guide/a.md", "guide/a.md", text, tuple(PAGES), QuizIds(), TextRenderer())
        assert found == [CheckedQuiz("time-apart", 5)], link


def test_the_default_scale_is_the_editions() -> None:
    text = page_with(SCALE.replace("scale: [Never, Sometimes, Often]\n", "").replace("[2, 4]", "[2, 2]"))
    assert check_page("docs/a.md", "a.md", text, PAGES, QuizIds(), None, ("No", "Yes")) == [
        CheckedQuiz("time-apart", 5)
    ]
    assert problems(check_page, "docs/a.md", "a.md", text, PAGES, QuizIds()) == [
        "docs/a.md:14: quiz 'time-apart': results: no result covers scores 3 to 8 (the bands must cover every score "
        "from 0 to 8)"
    ]


def test_with_a_memo_each_quiz_is_left_with_its_links_made_for_the_page() -> None:
    memo = QuizMemo()
    context = PageContext(source="guide/a.md")
    text = page_with(SCALE.replace("trust.md#safe", "../trust.md#safe"))
    assert check_page("pages/guide/a.md", "guide/a.md", text, PAGES, QuizIds(), context=context, memo=memo) == [
        CheckedQuiz("time-apart", 5)
    ]
    [block_source] = [SCALE.replace("trust.md#safe", "../trust.md#safe").rstrip("\n")]
    quiz, texts = memo.recall(context, block_source, ("Never", "Rarely", "Sometimes", "Often", "Always"))
    assert quiz.id == "time-apart"
    assert 'href="../../trust/#safe"' in texts["results[0].text"]
    # Without the page's context the memo is not used: the links are only checked.
    other = QuizMemo()
    check_page("pages/guide/a.md", "guide/a.md", text, PAGES, QuizIds(), memo=other)
    assert other.recall(context, block_source, ("Never", "Rarely", "Sometimes", "Often", "Always")) is None


class _KeepingMemo(QuizMemo):
    """A memo whose cache already holds every quiz: the check reads none of them again. It notes
    what it was asked for each quiz."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[PageContext, int, str, tuple[str, ...]]] = []

    def kept(self, context: PageContext, block: Any, default_scale: tuple[str, ...]) -> KeptQuiz | None:
        self.asked.append((context, block.line, block.source, default_scale))
        return KeptQuiz(f"kept-{len(self.asked)}", "<section></section>", "")


def test_a_quiz_kept_from_an_earlier_build_is_not_read_again_but_its_id_counts() -> None:
    seen = QuizIds()
    broken = page_with(PROMPT.replace("prompts:", "prompt:"))  # would fail if it were read
    twice = broken + "\n" + page_with(PROMPT, before="")
    context = PageContext(source="a.md")
    memo = _KeepingMemo()
    found = check_page("docs/a.md", "a.md", twice, PAGES, seen, None, ("A", "B"), context, memo)
    assert found == [CheckedQuiz("kept-1", 5), CheckedQuiz("kept-2", 14)]
    assert seen.places == {"kept-1": "docs/a.md:5", "kept-2": "docs/a.md:14"}
    assert memo.asked == [
        (context, 5, PROMPT.replace("prompts:", "prompt:").rstrip("\n"), ("A", "B")),
        (context, 14, PROMPT.rstrip("\n"), ("A", "B")),
    ]
    assert problems(
        check_page, "docs/b.md", "b.md", broken, PAGES, seen, None, ("A", "B"), context, _KeepingMemo()
    ) == ["docs/b.md:5: quiz 'kept-1': the id is already used by the quiz at docs/a.md:5; every quiz needs its own id."]
    # Without the page's context the memo's cache is not asked: the quiz is read.
    assert problems(check_page, "docs/c.md", "c.md", broken, PAGES, QuizIds(), None, ("A", "B"), None, memo) == [
        "docs/c.md:9: quiz 'reflect': prompt: unknown key for a prompt quiz (check the spelling)"
    ]
    assert len(memo.asked) == 2


def test_a_page_shown_by_another_name_links_from_the_docs_folder() -> None:
    text = page_with(SCALE.replace("trust.md#safe", "missing.md"))
    assert problems(check_page, "the page", "guide/a.md", text, PAGES, QuizIds()) == [
        "the page:5: quiz 'time-apart': results[0].text: the link 'missing.md' goes to docs/"  # docs/ by default
        "guide/missing.md, which does not exist"
    ]


def test_without_a_site_name_the_short_name_is_held_to_this_sites(tmp_path: Path) -> None:
    assert check_settings({"short_name": "Finding Balanc"}, None).extra["short_name"] == "Finding Balanc"
    checked = check_edition(edition(tmp_path, {}, {"short_name": "Finding Balanc"}))
    assert checked.settings.extra["short_name"] == "Finding Balanc"


def test_quizzes_that_did_not_reach_the_page() -> None:
    html = '<section id="quiz-a"></section><p>quiz-b</p>'
    assert unrendered_quizzes("docs/a.md", [("a", 3), ("b", 9), ("c", 12)], html) == [
        "docs/a.md:9: quiz 'b': the quiz did not reach the page; a quiz must not sit inside raw HTML or an indented "
        "code block.",
        "docs/a.md:12: quiz 'c': the quiz did not reach the page; a quiz must not sit inside raw HTML or an indented "
        "code block.",
    ]
    assert unrendered_quizzes("docs/a.md", [], html) == []


# ---------------------------------------------------------------------------------------------------
# Settings


def test_settings_are_completed_and_the_redirects_read() -> None:
    extra = {"anchor_redirects": {"trust.md#old": "trust.md#new"}, "short_name": "FB"}
    checked = check_settings(extra, PAGES, "es", (), "Finding Balance")
    assert checked.extra["disclaimer"] == locale_defaults("es")["disclaimer"]
    assert checked.extra["short_name"] == "FB"
    assert checked.redirects == (AnchorRedirect("trust.md", "old", "trust.md", "new"),)
    assert check_settings({}, None).redirects == ()


def test_a_setting_inherited_from_another_language_is_named() -> None:
    assert problems(check_settings, {}, PAGES, "es", ["extra.disclaimer.text", "extra.helplines"]) == [
        config_message(
            "extra.disclaimer.text is set for another language, but not for 'es': give this edition's own under "
            "extra.disclaimer.text in its config (for example mkdocs.es.yml)."
        )
    ]


def test_a_wrong_setting_becomes_one_problem() -> None:
    assert problems(check_settings, {"licence": 3}, PAGES) == [
        config_message("extra.licence must be text, not a number.")
    ]
    assert problems(check_settings, {"anchor_redirects": ["x"]}, PAGES) == [
        config_message(
            'extra.anchor_redirects must be a mapping of "page.md#old-anchor": "page.md#new-anchor", not a list.'
        )
    ]
    assert problems(check_settings, {"short_name": "Finding Balance!"}, None, "en", (), "Finding Balance") == [
        config_message(
            "extra.short_name 'Finding Balance!' is not shorter than site_name 'Finding Balance'; it is shown in "
            "place of the site name on small screens."
        )
    ]


def test_the_helplines_file_is_found_from_the_config_folder(tmp_path: Path) -> None:
    assert problems(check_settings, {"helplines": "lines.yml"}, None, "en", (), "", tmp_path) == [
        config_message("extra.helplines names 'lines.yml', which cannot be read")
    ]
    (tmp_path / "lines.yml").write_text("countries: []\n", encoding="utf-8")
    assert check_settings({"helplines": "lines.yml"}, None, "en", (), "", tmp_path).extra["helplines"] == []


def test_redirects_must_name_pages_that_exist() -> None:
    moved = {"anchor_redirects": {"gone.md#old": "trust.md#new"}}
    assert problems(check_settings, moved, PAGES) == [
        config_message(
            "extra.anchor_redirects['gone.md#old']: docs/gone.md does not exist; when a whole page moves, redirect it "
            "under plugins.redirects.redirect_maps, then redirect its anchors from the new page."
        )
    ]
    assert check_settings(moved, None).redirects == (AnchorRedirect("gone.md", "old", "trust.md", "new"),)
    assert problems(check_redirect_pages, [AnchorRedirect("trust.md", "old", "nowhere.md", "x")], iter(PAGES)) == [
        config_message("extra.anchor_redirects['trust.md#old']: the target docs/nowhere.md does not exist.")
    ]
    check_redirect_pages([AnchorRedirect("trust.md", "old", "guide/self-care.md", "x")], iter(PAGES))


# ---------------------------------------------------------------------------------------------------
# A whole edition


def test_the_files_of_the_docs_folder(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    for name in ("z.md", "b/c/d.md", "b/a.png"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert docs_files(tmp_path) == ["b/a.png", "b/c/d.md", "z.md"]


EXTENSIONS = ["pymdownx.superfences", "finding_balance.quiz.markdown"]


def edition(
    tmp_path: Path,
    pages: dict[str, str],
    extra: dict[str, Any] | None = None,
    language: str = "en",
    raw: dict[str, Any] | None = None,
    config: str = "mkdocs.yml",
    **fields: Any,
) -> Edition:
    docs = tmp_path / "content"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return Edition(
        tmp_path / config,
        docs,
        tmp_path / "site",
        "https://example.org/",
        language,
        extra=extra or {},
        raw={"markdown_extensions": EXTENSIONS, **(raw or {})},
        **fields,
    )


def test_an_edition_is_checked_page_by_page(tmp_path: Path) -> None:
    pages = {
        "index.md": "\ufeff# Home\n\n" + page_with(PROMPT, before=""),
        "guide/quiz.md": page_with(SCALE.replace("trust.md", "../index.md")),
        "guide/notes.txt": "```quiz\nnot a page\n",
        "trust.md": "# Trust\n",
    }
    checked = check_edition(edition(tmp_path, pages))
    assert checked.quizzes == {
        "guide/quiz.md": [CheckedQuiz("time-apart", 5)],
        "index.md": [CheckedQuiz("reflect", 3)],
        "trust.md": [],
    }
    assert checked.settings.extra["language"] == "en"


def test_an_editions_mistakes_name_the_page_from_the_config_folder(tmp_path: Path) -> None:
    pages = {"a.md": page_with(PROMPT), "guide/b.md": page_with(PROMPT)}
    assert problems(check_edition, edition(tmp_path, pages)) == [
        "content/guide/b.md:5: quiz 'reflect': the id is already used by the quiz at content/a.md:5; every quiz needs "
        "its own id."
    ]
    broken = {"c.md": page_with(SCALE.replace("trust.md", "nowhere.md"))}
    assert problems(check_edition, edition(tmp_path / "other", broken)) == [
        "content/c.md:5: quiz 'time-apart': results[0].text: the link 'nowhere.md#safe' goes to content/nowhere.md, "
        "which does not exist"
    ]


def test_an_editions_settings_use_its_language_site_name_wording_and_folder(tmp_path: Path) -> None:
    no_scale = SCALE.replace("scale: [Never, Sometimes, Often]\n", "").replace("[2, 4]", "[2, 2]")
    pages = {"a.md": page_with(no_scale.replace("trust.md#safe", "a.md"))}
    extra = {"quiz": {"default_scale": "No | Yes"}, "short_name": "Short", "helplines": "lines.yml"}
    (tmp_path / "lines.yml").write_text("countries: []\n", encoding="utf-8")
    found = edition(tmp_path, pages, extra, language="es", raw={"site_name": "A long name"})
    checked = check_edition(found)
    assert checked.quizzes == {"a.md": [CheckedQuiz("time-apart", 5)]}
    assert checked.settings.extra["disclaimer"] == locale_defaults("es")["disclaimer"]
    assert checked.settings.extra["short_name"] == "Short"
    assert problems(check_edition, edition(tmp_path, {}, extra, raw={"site_name": "Shor"})) == [
        config_message(
            "extra.short_name 'Short' is not shorter than site_name 'Shor'; it is shown in place of the site name on "
            "small screens."
        )
    ]
    assert problems(check_edition, edition(tmp_path, {}, {}, untranslated=("extra.licence",))) == [
        config_message(
            "extra.licence is set for another language, but not for 'en': give this edition's own under extra.licence "
            "in its config (for example mkdocs.en.yml)."
        )
    ]
    assert problems(check_edition, edition(tmp_path, {}, {"anchor_redirects": {"gone.md#a": "a.md"}})) == [
        config_message(
            "extra.anchor_redirects['gone.md#a']: content/gone.md does not exist; when a whole page moves, redirect it "
            "under plugins.redirects.redirect_maps, then redirect its anchors from the new page."
        )
    ]


def test_an_editions_messages_name_its_own_config_file(tmp_path: Path) -> None:
    spanish = edition(tmp_path, {"a.md": "# A\n"}, {"anchor_redirects": {"a.md#x": "b.md"}}, config="mkdocs.es.yml")
    assert problems(check_edition, spanish) == [
        "mkdocs.es.yml: extra.anchor_redirects['a.md#x']: the target content/b.md does not exist."
    ]
    assert problems(check_edition, edition(tmp_path, {}, {"licence": 1}, config="mkdocs.es.yml")) == [
        "mkdocs.es.yml: extra.licence must be text, not a number."
    ]


@pytest.mark.parametrize(
    "extensions",
    [
        ["finding_balance.quiz.markdown", "pymdownx.superfences"],
        ["pymdownx.superfences"],
        {"pymdownx.superfences": {}},
        None,
    ],
)
def test_the_quiz_extension_must_come_after_superfences(tmp_path: Path, extensions: Any) -> None:
    found = edition(tmp_path, {}, raw={"markdown_extensions": extensions}, config="mkdocs.es.yml")
    assert problems(check_edition, found) == [
        "mkdocs.es.yml: list 'finding_balance.quiz.markdown' after 'pymdownx.superfences' under markdown_extensions."
    ]


@pytest.mark.parametrize(
    "extensions",
    [
        EXTENSIONS,
        ["toc", {"pymdownx.superfences": {"custom_fences": []}}, "attr_list", "finding_balance.quiz.markdown"],
        {"pymdownx.superfences": {}, "finding_balance.quiz.markdown": {}},
    ],
)
def test_extension_lists_in_order(tmp_path: Path, extensions: Any) -> None:
    assert check_edition(edition(tmp_path, {}, raw={"markdown_extensions": extensions})).quizzes == {}
