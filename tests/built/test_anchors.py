"""Anchors that collide: a quiz's inner ids can never equal another quiz's anchor, an author's anchor
that collides with a quiz or another anchor stops the build with one file:line message, and no page of
the built site carries the same id twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.quizzes import keep_links
from support.sitebuild import build_variant

from finding_balance.anchors.collisions import (
    Declaration,
    collision_message,
    declarations,
    duplicate_ids,
    page_collision,
)
from finding_balance.quiz.model import find_quiz_blocks, parse_quiz
from finding_balance.quiz.render import DEFAULT_STRINGS, TextRenderer, render_quiz, render_texts

FRONT_MATTER = "---\ndescription: A test page.\n---\n\n# Test page\n\nSome words.\n\n"  # 8 lines


def quiz(quiz_id: str, kind: str = "prompt") -> str:
    """A valid quiz fence of ``kind`` (scale, checklist, choice or prompt) with two of everything."""
    bodies = {
        "prompt": "prompts:\n  - First question?\n  - Second question?\n",
        "scale": "scale: [Rarely, Often]\nitems: [One, Two]\nresults:\n"
        "  - {range: [0, 1], title: Low, text: L.}\n  - {range: [2, 2], title: High, text: H.}\n",
        "checklist": "items: [One, Two]\nresults:\n"
        "  - {range: [0, 1], title: Low, text: L.}\n  - {range: [2, 2], title: High, text: H.}\n",
        "choice": "questions:\n  - prompt: P?\n    options:\n      - {text: A, feedback: FA}\n"
        "      - {text: B, feedback: FB, best: true}\n",
    }
    return f"```quiz\nid: {quiz_id}\ntype: {kind}\ntitle: Quiz {quiz_id}\n{bodies[kind]}```\n"


def rendered(markdown: str) -> str:
    """Every quiz of ``markdown``, rendered and joined, as they would sit on one page."""
    html = []
    for block in find_quiz_blocks(markdown):
        parsed = parse_quiz(block)
        texts, problems = render_texts(parsed, TextRenderer(), keep_links)
        assert problems == []
        html.append(render_quiz(parsed, texts, DEFAULT_STRINGS))
    return "\n".join(html)


# ---------------------------------------------------------------------------------------------------
# Inner ids of a quiz


@pytest.mark.parametrize("kind", ["scale", "checklist", "choice", "prompt"])
def test_every_id_inside_a_quiz_is_its_anchor_and_a_double_hyphen(kind: str) -> None:
    soup = BeautifulSoup(rendered(quiz("alpha", kind)), "html.parser")
    section = soup.select_one("section.fb-quiz")
    assert section["id"] == "quiz-alpha"
    inner = [element["id"] for element in section.find_all(id=True) if element is not section]
    assert inner
    assert all(anchor.startswith("quiz-alpha--") for anchor in inner), inner
    for reference in ("aria-labelledby", "for"):
        for element in soup.find_all(attrs={reference: True}):
            assert soup.find(id=element[reference]), f"{reference}={element[reference]} names no element"


@pytest.mark.parametrize(
    "ids",
    [
        pytest.param(("alpha", "alpha-title"), id="title"),
        pytest.param(("beta", "beta-1", "beta-2"), id="prompt-boxes"),
        pytest.param(("beta-1", "beta"), id="other-order"),
    ],
)
@pytest.mark.parametrize("kind", ["scale", "checklist", "choice", "prompt"])
def test_quizzes_whose_ids_look_like_inner_ids_do_not_collide(ids: tuple[str, ...], kind: str) -> None:
    page = FRONT_MATTER + "\n".join(quiz(quiz_id, kind if index else "prompt") for index, quiz_id in enumerate(ids))
    assert duplicate_ids(rendered(page)) == {}


# ---------------------------------------------------------------------------------------------------
# Finding duplicates and where they are declared


def test_duplicate_ids_counts_every_element_with_an_id_in_page_order() -> None:
    html = '<h2 id="b">B</h2><p id="a">x</p><input id="b"><img id=a /><span id="c"></span><p ID="b">'
    assert duplicate_ids(html) == {"b": 3, "a": 2}
    assert duplicate_ids('<p data-id="x"></p><p id="x"></p><code>id="x"</code>') == {}


PAGE = (
    FRONT_MATTER  # lines 1-8
    + quiz("alpha")  # line 9
    + "\n## Quiz alpha\n"  # line 18: the toc extension makes "quiz-alpha" from its words
    + "\n## Other words {#quiz-alpha}\n"  # 20
    + "\nA paragraph.\n{: .note #quiz-alpha }\n"  # 23
    + '\n<div markdown id="quiz-alpha">x</div>\n'  # 25
    + '\nIn code: `<a id="quiz-alpha">` and `{#quiz-alpha}`.\n'  # 27: not a declaration
    + "\n```markdown\n## Example {#quiz-alpha}\n```\n"  # 29-31: not a declaration
    + "\nSetext heading {#quiz-alpha}\n---\n"  # 33
    + "\n## Quiz alpha, with a [link](trust.md#x) ##\n"  # 36: slug "quiz-alpha-with-a-link"
)


def test_declarations_name_every_kind_of_anchor_at_its_line() -> None:
    assert declarations("quiz-alpha", PAGE) == [
        Declaration(9, "the quiz 'alpha'", is_quiz=True),
        Declaration(18, "the heading"),
        Declaration(20, "the heading"),
        Declaration(23, "the attribute list '{: .note #quiz-alpha }'"),
        Declaration(25, "the HTML element"),
        Declaration(33, "the heading"),
    ]
    assert declarations("quiz-alpha--title", PAGE) == [Declaration(9, "the quiz 'alpha'", is_quiz=True)]
    assert declarations("quiz-alpha-with-a-link", PAGE) == [Declaration(36, "the heading")]
    assert declarations("description", PAGE) == [], "the front matter is not the page"


def test_line_endings_and_a_byte_order_mark_do_not_shift_lines() -> None:
    page = "\ufeff" + PAGE.replace("\n", "\r\n")
    assert [found.line for found in declarations("quiz-alpha", page)] == [9, 18, 20, 23, 25, 33]


def test_the_message_starts_at_the_authors_anchor_and_names_every_place() -> None:
    quiz_place, heading = Declaration(12, "the quiz 'alpha'", True), Declaration(40, "the heading")
    assert collision_message("docs/trust.md", "quiz-alpha", 2, [quiz_place, heading]) == (
        "docs/trust.md:40: the anchor 'quiz-alpha' is used twice on this page: by the heading on line 40 and "
        "by the quiz 'alpha' on line 12; an anchor must be unique on its page, so rename one of them"
    )
    other = Declaration(50, "the HTML element")
    message = collision_message("docs/t.md", "x", 3, [heading, other])
    assert message.startswith("docs/t.md:50: the anchor 'x' is used 3 times on this page: by the HTML element on ")
    assert "by the heading on line 40 and by an element the Markdown does not show" in message
    assert collision_message("docs/t.md", "x", 2, []).startswith("docs/t.md:1: ")
    assert "\n" not in message


def test_page_collision_is_none_for_a_page_without_duplicates() -> None:
    assert page_collision('<h2 id="a">A</h2>' + rendered(quiz("a")), quiz("a"), "docs/a.md") is None
    html = '<h2 id="quiz-a">Quiz a</h2>' + rendered(quiz("a"))
    assert page_collision(html, quiz("a") + "\n## Quiz a\n", "docs/a.md") == (
        "docs/a.md:10: the anchor 'quiz-a' is used twice on this page: by the heading on line 10 and by the "
        "quiz 'a' on line 1; an anchor must be unique on its page, so rename one of them"
    )


# ---------------------------------------------------------------------------------------------------
# In a real build


def test_quizzes_with_ids_like_former_inner_ids_build_without_duplicates(tmp_path: Path) -> None:
    pages = {
        "titles.md": FRONT_MATTER + quiz("alpha", "scale") + "\n" + quiz("alpha-title", "choice"),
        "boxes.md": FRONT_MATTER + quiz("beta") + "\n" + quiz("beta-1") + "\n" + quiz("beta-2", "checklist"),
    }
    result, site = build_variant(tmp_path, pages=pages)
    assert result.returncode == 0, result.stderr
    for name in ("titles", "boxes"):
        assert duplicate_ids((site / name / "index.html").read_text(encoding="utf-8")) == {}, name


QUIZ_AT_9 = FRONT_MATTER + quiz("alpha")  # the fence is line 9, the page ends on line 16
COLLISIONS = [
    pytest.param(
        {"clash.md": QUIZ_AT_9 + "\n## Before the quiz {#quiz-alpha}\n"},
        "",
        "docs/clash.md:18: the anchor 'quiz-alpha' is used twice on this page: by the heading on line 18 and by "
        "the quiz 'alpha' on line 9",
        id="heading-anchor-equals-quiz-anchor",
    ),
    pytest.param(
        {"clash.md": QUIZ_AT_9 + "\n## Quiz alpha\n"},
        "",
        "docs/clash.md:18: the anchor 'quiz-alpha' is used twice on this page: by the heading on line 18 and by "
        "the quiz 'alpha' on line 9",
        id="heading-words-make-the-quiz-anchor",
    ),
    pytest.param(
        {"clash.md": QUIZ_AT_9 + "\nA note.\n{: #quiz-alpha }\n"},
        "",
        "docs/clash.md:19: the anchor 'quiz-alpha' is used twice on this page: by the attribute list "
        "'{: #quiz-alpha }' on line 19 and by the quiz 'alpha' on line 9",
        id="attr-list-equals-quiz-anchor",
    ),
    pytest.param(
        {"clash.md": QUIZ_AT_9 + '\n<p id="quiz-alpha">Raw HTML.</p>\n'},
        "",
        "docs/clash.md:18: the anchor 'quiz-alpha' is used twice on this page: by the HTML element on line 18 and "
        "by the quiz 'alpha' on line 9",
        id="raw-html-equals-quiz-anchor",
    ),
    pytest.param(
        {"clash.md": QUIZ_AT_9 + "\n## A heading {#quiz-alpha--title}\n"},
        "",
        "docs/clash.md:18: the anchor 'quiz-alpha--title' is used twice on this page: by the heading on line 18 "
        "and by the quiz 'alpha' on line 9",
        id="heading-equals-an-inner-id",
    ),
    pytest.param(
        {"clash.md": FRONT_MATTER + "## One {#same}\n\n## Two {#same}\n"},
        "",
        "docs/clash.md:11: the anchor 'same' is used twice on this page: by the heading on line 11 and by the "
        "heading on line 9",
        id="two-headings-one-anchor",
    ),
    pytest.param(
        {"clash.md": FRONT_MATTER + '<div id="tips">Raw.</div>\n\n## Tips\n'},
        "",
        "docs/clash.md:11: the anchor 'tips' is used twice on this page: by the heading on line 11 and by the "
        "HTML element on line 9",
        id="heading-words-equal-raw-html",
    ),
    pytest.param(
        {"clash.md": QUIZ_AT_9},
        'extra:\n  anchor_redirects:\n    "clash.md#quiz-alpha": "index.md"\n',
        "docs/clash.md:9: the anchor 'quiz-alpha' is used twice on this page: by the quiz 'alpha' on line 9 and "
        "by the old anchor extra.anchor_redirects['clash.md#quiz-alpha'] in variant.yml; remove the redirect",
        id="anchor-redirect-equals-quiz-anchor",
    ),
    pytest.param(
        {"clash.md": QUIZ_AT_9},
        'extra:\n  anchor_redirects:\n    "clash.md#quiz-alpha--1": "clash.md#quiz-alpha"\n',
        "docs/clash.md:9: the anchor 'quiz-alpha--1' is used twice on this page: by the quiz 'alpha' on line 9 "
        "and by the old anchor",
        id="anchor-redirect-equals-an-inner-id",
    ),
    pytest.param(
        {},
        'extra:\n  anchor_redirects:\n    "trust.md#gone": "index.md"\n    "./trust.md#gone": "about.md"\n',
        "extra.anchor_redirects['./trust.md#gone'] names the same old anchor as "
        "extra.anchor_redirects['trust.md#gone']: keep one",
        id="two-redirects-one-old-anchor",
    ),
]


@pytest.mark.parametrize(("pages", "config", "message"), COLLISIONS)
def test_a_colliding_anchor_stops_the_build_with_one_file_and_line(
    tmp_path: Path, pages: dict[str, str], config: str, message: str
) -> None:
    result, _ = build_variant(tmp_path, pages=pages, config_overrides=config, strict=False)
    assert result.returncode != 0, f"the build passed:\n{result.stderr}"
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len([line for line in result.stderr.splitlines() if "anchor" in line and "ERROR" in line]) == 1


# ---------------------------------------------------------------------------------------------------
# The built site


def test_no_page_of_the_site_has_an_id_twice(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10
    found = {
        str(path.relative_to(site_dir)): duplicates
        for path in pages
        if (duplicates := duplicate_ids(path.read_text(encoding="utf-8")))
    }
    assert found == {}
