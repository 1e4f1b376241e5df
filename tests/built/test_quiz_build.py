"""Quizzes in the real site, and authoring mistakes that must stop a real build."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from conftest import BuiltSite
from support.sitebuild import PROJECT_ROOT, build_variant

from finding_balance.quiz.model import find_quiz_blocks, parse_quiz
from finding_balance.settings import locale_defaults


def quizzes_in_sources() -> dict[str, str]:
    """Every quiz id written in docs/, with its type."""
    found: dict[str, str] = {}
    for page in sorted((PROJECT_ROOT / "docs").rglob("*.md")):
        for block in find_quiz_blocks(page.read_text(encoding="utf-8")):
            quiz = parse_quiz(block)
            found[quiz.id] = quiz.type
    return found


def test_every_quiz_written_reaches_the_site_at_its_anchor(built_site: BuiltSite) -> None:
    written = quizzes_in_sources()
    assert set(written.values()) == {"scale", "choice", "checklist", "prompt"}
    rendered: dict[str, str] = {}
    for html_file in built_site.html_files():
        for section in built_site.soup(str(html_file.relative_to(built_site.directory))).select("section.fb-quiz"):
            assert section["id"] == f"quiz-{section['data-quiz-id']}"
            rendered[section["data-quiz-id"]] = section["data-quiz-type"]
    assert rendered == written
    for html_file in built_site.html_files():
        assert "```quiz" not in html_file.read_text(encoding="utf-8")


def test_the_search_finds_each_quiz_by_its_words_not_by_its_controls(built_site: BuiltSite) -> None:
    """Material's search reads each quiz's search view (finding_balance/engines/mkdocs_quizzes.py): one
    entry a quiz, at the quiz's own anchor, with its title and every statement, and none of the controls' wording."""
    for prefix, language in (("", "en"), ("es/", "es"), ("ar/", "ar")):
        index = json.loads((built_site.directory / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        entries = {entry["location"]: entry for entry in index["docs"]}
        strings = locale_defaults(language)["quiz"]
        controls = [strings["privacy_note"], strings["see_result"], strings["remember_label"], "(0 ", "(1 "]
        # The answer labels of a scale are controls only in a scale quiz: elsewhere the same word
        # ("never", Arabic "أبدا") may be part of a statement or a reply.
        scale = [label.strip() for label in strings["default_scale"].split("|")]
        quizzes = 0
        for html_file in built_site.edition_files(language):
            page = built_site.soup(str(html_file.relative_to(built_site.directory)))
            location = str(html_file.parent.relative_to(built_site.directory / prefix)).removeprefix(".") + "/"
            for section in page.select("section.fb-quiz"):
                quizzes += 1
                entry = entries[f"{location.lstrip('/')}#{section['id']}"]
                assert entry["title"] == section.select_one(".fb-quiz__title").get_text(strip=True)
                legends = [legend.get_text(" ", strip=True) for legend in section.select("legend")]
                asked = [re.sub(r"^\d+\. ", "", legend) for legend in legends if re.match(r"\d+\. ", legend)]
                answers = ".fb-quiz--checklist .fb-quiz__choice span, .fb-quiz__option .fb-quiz__choice span"
                asked += [answer.get_text(" ", strip=True) for answer in section.select(answers)]
                asked += [prompt.get_text(" ", strip=True) for prompt in section.select(".fb-quiz__prompt label")]
                text = re.sub(r"<[^>]+>", "", entry["text"])
                assert asked and [words for words in asked if words not in text] == [], entry["location"]
                shown = controls + (scale if "fb-quiz--scale" in section.get("class", []) else [])
                assert [words for words in shown if words in text] == [], entry["location"]
            assert page.select("section.fb-quiz .fb-quiz__points") or not page.select("section.fb-quiz--scale")
        assert quizzes >= 7, prefix


def test_our_assets_are_one_small_bundle_each_and_pages_carry_no_inline_code_of_ours(built_site: BuiltSite) -> None:
    assets = built_site.directory / "assets"
    bundles = [assets / "finding-balance.min.js", assets / "finding-balance.min.css"]
    gzipped = sum(len(gzip.compress(bundle.read_bytes(), 9)) for bundle in bundles)
    assert gzipped < 8 * 1024, f"our JS + CSS is {gzipped} bytes gzipped"
    assert "findingBalanceQuizzes" in bundles[0].read_text(encoding="utf-8")
    assert ".fb-quiz" in bundles[1].read_text(encoding="utf-8")
    assert not (assets / "quiz.js").exists(), "the bundled sources are not copied on their own"
    soup = built_site.soup("supporting-needs/index.html")
    assert len(soup.select("script[src$='assets/finding-balance.min.js']")) == 1
    assert len(soup.select("link[href$='assets/finding-balance.min.css']")) == 1
    for section in soup.select("section.fb-quiz"):
        assert not section.select("script, style")
        assert not [tag for tag in section.find_all(True) if any(name.startswith("on") for name in tag.attrs)]


def test_quiz_links_to_other_pages_are_made_relative(built_site: BuiltSite) -> None:
    hrefs = [a["href"] for a in built_site.soup("trust/index.html").select("section.fb-quiz a[href]")]
    assert hrefs
    assert not [href for href in hrefs if ".md" in href]


GOOD_QUIZ = """\
```quiz
id: {quiz_id}
type: prompt
title: Think it over
prompts:
  - {prompt}
```
"""


def page(body: str) -> str:
    return f"---\ndescription: A test page.\n---\n\n# Test page\n\nSome words.\n\n{body}"


BAD_PAGES = [
    pytest.param(
        {"bad.md": page("```quiz\nid: broken\ntype: prompt\ntitle: [oops\n```\n")},
        "docs/bad.md:12: quiz: the YAML cannot be read",
        id="yaml",
    ),
    pytest.param(
        {"bad.md": page(GOOD_QUIZ.format(quiz_id="mine", prompt="Fine?").replace("prompts:", "promts:"))},
        "docs/bad.md:13: quiz 'mine': promts: unknown key",
        id="unknown-key",
    ),
    pytest.param(
        {"bad.md": page(GOOD_QUIZ.format(quiz_id="mine", prompt="See [that](nowhere.md)."))},
        "docs/bad.md:9: quiz 'mine': prompts[0]: the link 'nowhere.md' goes to docs/nowhere.md, which does not",
        id="missing-page",
    ),
    pytest.param(
        {"bad.md": page(GOOD_QUIZ.format(quiz_id="mine", prompt="See [that](index.md#no-such-part)."))},
        "docs/bad.md:9: quiz 'mine': the link 'index.md#no-such-part' points to an anchor '#no-such-part'",
        id="missing-anchor",
    ),
    pytest.param(
        {"bad.md": page(GOOD_QUIZ.format(quiz_id="mine", prompt="'[Run](javascript:alert(1))'"))},
        "docs/bad.md:9: quiz 'mine': prompts[0]: the link 'javascript:alert(1)' is not allowed",
        id="script-link",
    ),
    pytest.param(
        {
            "one.md": page(GOOD_QUIZ.format(quiz_id="twice", prompt="A?")),
            "two.md": page(GOOD_QUIZ.format(quiz_id="twice", prompt="B?")),
        },
        "docs/two.md:9: quiz 'twice': the id is already used by the quiz at docs/one.md:9",
        id="duplicate-id",
    ),
    pytest.param(
        {"bad.md": page("> ```quiz\n> id: quoted\n> type: prompt\n> title: T\n> prompts: [A]\n> ```\n")},
        "docs/bad.md:9: quiz: a ```quiz block could not be read where it stands",
        id="quiz-in-a-quote",
    ),
    pytest.param(
        {"bad.md": page("    " + GOOD_QUIZ.format(quiz_id="indented", prompt="A?").replace("\n", "\n    "))},
        "docs/bad.md:9: quiz 'indented': the quiz did not reach the page",
        id="quiz-in-code-block",
    ),
]


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
@pytest.mark.parametrize(("pages", "message"), BAD_PAGES)
def test_authoring_mistakes_stop_the_build_with_one_clear_message(
    tmp_path: Path, pages: dict[str, str], message: str, strict: bool
) -> None:
    result, _ = build_variant(tmp_path, pages=pages, strict=strict)
    assert result.returncode != 0, f"the build passed:\n{result.stderr}"
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len([line for line in errors if "quiz" in line]) == 1, errors


@pytest.mark.parametrize(
    ("quiz_yaml", "message"),
    [
        ("quiz:\n    see_result: ''", "extra.quiz.see_result is empty"),
        ("quiz:\n    your_score: 'You scored'", "extra.quiz.your_score must contain {score} and {max}"),
        ("quiz:\n    see_reslt: Show", "extra.quiz.see_reslt is not a known setting"),
        ("quiz: Show", "extra.quiz must be a mapping"),
    ],
)
def test_bad_quiz_wording_stops_the_build(tmp_path: Path, quiz_yaml: str, message: str) -> None:
    result, _ = build_variant(tmp_path, config_overrides=f"extra:\n  {quiz_yaml}\n", strict=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_quiz_wording_can_be_translated(tmp_path: Path) -> None:
    result, site = build_variant(
        tmp_path,
        config_overrides="extra:\n  quiz:\n    see_result: Voir mon résultat\n    privacy_note: Reste ici.\n",
    )
    assert result.returncode == 0, result.stderr
    html = (site / "personal-space" / "index.html").read_text(encoding="utf-8")
    assert "Voir mon résultat" in html
    assert re.search(r'class="fb-quiz__privacy">Reste ici\.<', html)


def test_quiz_examples_inside_a_markdown_fence_stay_examples(tmp_path: Path) -> None:
    example = "````markdown\n" + GOOD_QUIZ.format(quiz_id="example", prompt="A?") + "````\n"
    result, site = build_variant(tmp_path, pages={"example.md": page(example)})
    assert result.returncode == 0, result.stderr
    html = (site / "example" / "index.html").read_text(encoding="utf-8")
    assert "fb-quiz" not in html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "id: example" in html


def test_a_quiz_with_tabs_in_its_text_and_windows_line_endings_builds(tmp_path: Path) -> None:
    # Markdown turns tabs into spaces before the fence handler sees the quiz: it must still be found.
    quiz = GOOD_QUIZ.format(quiz_id="tabbed", prompt='"Two\ttabs\there"').replace("Think it over", "A\ttab")
    pages = {"tabbed.md": page(quiz), "crlf.md": "\ufeff" + page(quiz.replace("tabbed", "crlf")).replace("\n", "\r\n")}
    result, site = build_variant(tmp_path, pages=pages)
    assert result.returncode == 0, result.stderr
    for name in ("tabbed", "crlf"):
        html = (site / name / "index.html").read_text(encoding="utf-8")
        assert f'id="quiz-{name}"' in html
