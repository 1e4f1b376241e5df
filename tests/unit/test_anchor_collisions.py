"""Anchors used twice on a page (``finding_balance.anchors.collisions``): the ids found twice in HTML,
the Markdown lines that declare an anchor, and the one message naming them. Pure functions, no build
(the build's own tests are in ``tests/built/test_anchors.py``)."""

from __future__ import annotations

import pytest

from finding_balance.anchors.collisions import (
    UNIQUE_HINT,
    Declaration,
    collision_message,
    declarations,
    duplicate_ids,
    page_collision,
)

# ---------------------------------------------------------------------------------------------------
# Ids found twice


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p id="a"></p><p id="b"></p>', {}),
        ('<p id="a"></p><p id="a"></p>', {"a": 2}),
        ("<p id='a'></p><p id=a></p><p id=\"a\"></p>", {"a": 3}),
        ('<p id = "a"></p><p id ="a"></p>', {"a": 2}),  # spaces around "=": the exact parse
        ('<p id = "a"></p><p id="b"></p>', {}),
        ('<p id="a&amp;b"></p><p id="a&b"></p>', {"a&b": 2}),  # the same id once entities are read
        ('<p id="a&amp;b"></p><p id="a&amp;c"></p>', {}),
        ('<p id="x" id="x"></p>', {}),  # one element, one id
        ('<p id=""></p><p id=""></p>', {}),  # an empty id is no anchor
        ('<p data-id="a"></p><p id="a"></p>', {}),
        ('<p id="b"></p><p id="a"></p><p id="a"></p><p id="b"></p><p id="c"></p>', {"b": 2, "a": 2}),
    ],
)
def test_duplicate_ids(html: str, expected: dict[str, int]) -> None:
    assert duplicate_ids(html) == expected
    assert list(duplicate_ids(html)) == list(expected), "in page order"


# ---------------------------------------------------------------------------------------------------
# Where an anchor is declared


def quiz(quiz_id: str) -> str:
    return f"```quiz\nid: {quiz_id}\ntype: prompt\ntitle: T\nprompts: [A]\n```\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("## Target\n", [Declaration(1, "the heading")]),
        ("# Target #\n", [Declaration(1, "the heading")]),
        ("   ## Target ##  \n", [Declaration(1, "the heading")]),
        ("    ## Target\n", []),  # indented four spaces: code, not a heading
        ("####### Target\n", []),
        ("## Other words {#target}\n", [Declaration(1, "the heading")]),
        ("## Other {: .x #y #target }\n", [Declaration(1, "the heading")]),
        ('## Other {: id="target" }\n', [Declaration(1, "the heading")]),
        ("## Target {: .x }\n", [Declaration(1, "the heading")]),  # classes only: the words make it
        ("## Target {#other}\n", []),
        ("## [Tar](a.md)get\n", [Declaration(1, "the heading")]),
        ("## `Tar`*get*\n", [Declaration(1, "the heading")]),
        ("## Tar<b>get</b>\n", [Declaration(1, "the heading")]),
        ("Target\n===\n", [Declaration(1, "the heading")]),
        ("Target\n---\n", [Declaration(1, "the heading")]),
        ("   Target\n   ---  \n", [Declaration(1, "the heading")]),
        ("- Target\n---\n", []),  # a list item above a rule
        ("* Target\n---\n", []),
        ("+ Target\n---\n", []),
        ("> Target\n---\n", []),
        ("<p>Target</p>\n---\n", []),
        ("Target\n", []),
        ("Target", []),
        ("A paragraph.\n{: #target .x }\n", [Declaration(2, "the attribute list '{: #target .x }'")]),
        ("A paragraph.\n{#target}\n", [Declaration(2, "the attribute list '{#target}'")]),
        ("Some *words*{: id='target' }\n", [Declaration(1, "the attribute list '{: id='target' }'")]),
        ("Some *words*{: id=target }\n", [Declaration(1, "the attribute list '{: id=target }'")]),
        ("Some *words*{: # .x }\n", []),
        ('<div id="target">x</div>\n', [Declaration(1, "the HTML element")]),
        ("<div class=a ID='target'>x</div>\n", [Declaration(1, "the HTML element")]),
        ("<div\tid=target>x</div>\n", [Declaration(1, "the HTML element")]),
        ('<a href="#" id="target"\n', [Declaration(1, "the HTML element")]),
        ('<span id="target"></span> <span id="target"></span>\n', [Declaration(1, "the HTML element")] * 2),
        ('<div data-id="target">x</div>\n', []),
        ('Text id="target" outside a tag\n', []),
        ('In code: `<a id="target">` and `{#target}`\n', []),
        ("```\n## Target\n<a id=target>\n```\n", []),
        ("~~~~\n## Target\n~~~\n~~~~\n## Target\n", [Declaration(5, "the heading")]),
    ],
)
def test_declarations(source: str, expected: list[Declaration]) -> None:
    assert declarations("target", source) == expected


def test_the_front_matter_is_not_the_page_but_counts_its_lines() -> None:
    assert declarations("target", "---\ntitle: x\n---\n## Target\n") == [Declaration(4, "the heading")]
    assert declarations("target", "---\ntitle: x\n...\n## Target\n") == [Declaration(4, "the heading")]
    assert declarations("target", "---  \n## Target\n---\n## Target\n") == [Declaration(4, "the heading")]
    # Never closed: not front matter, so the whole file is the page (the first line is a rule).
    assert declarations("target", "---\n## Target\n") == [Declaration(2, "the heading")]
    assert declarations("target", "\ufeff---\ntitle: x\n---\r\n## Target\r\n") == [Declaration(4, "the heading")]


def test_a_quiz_declares_its_anchor_and_every_id_inside_it() -> None:
    page = "# Page\n\n" + quiz("alpha") + "\n" + quiz("beta")
    alpha = [Declaration(3, "the quiz 'alpha'", is_quiz=True)]
    assert declarations("quiz-alpha", page) == alpha
    assert declarations("quiz-alpha--title", page) == alpha
    assert declarations("quiz-beta", page) == [Declaration(10, "the quiz 'beta'", is_quiz=True)]
    assert declarations("quiz-alpha-title", page) == []
    assert declarations("quiz-alph", page) == []
    assert declarations("alpha", page) == []


def test_a_quiz_id_is_read_from_its_line_when_the_yaml_is_broken() -> None:
    broken = "```quiz\nid: 'alpha'\ntype: [prompt\n```\n"
    assert declarations("quiz-alpha", broken) == [Declaration(1, "the quiz 'alpha'", is_quiz=True)]
    number = "```quiz\nid: 12\n```\n"
    assert declarations("quiz-12", number) == [Declaration(1, "the quiz '12'", is_quiz=True)]
    assert declarations("quiz-alpha", "```quiz\n- id: alpha\n```\n") == []
    assert declarations("quiz-alpha", "```quiz\ntitle: x\n```\n") == []


def test_a_quiz_never_closed_declares_nothing() -> None:
    assert declarations("quiz-alpha", "```quiz\nid: alpha\n") == []


def test_a_custom_slugify_makes_the_heading_anchors() -> None:
    def upper(text: str, separator: str) -> str:
        return text.upper().replace(" ", separator)

    assert declarations("TWO-WORDS", "## Two words\n", upper) == [Declaration(1, "the heading")]


# ---------------------------------------------------------------------------------------------------
# The message


HEADING = Declaration(40, "the heading")
QUIZ = Declaration(12, "the quiz 'alpha'", is_quiz=True)
ELEMENT = Declaration(50, "the HTML element")


@pytest.mark.parametrize(
    ("count", "found", "others", "expected"),
    [
        (
            2,
            [QUIZ, HEADING],
            (),
            "t.md:40: the anchor 'x' is used twice on this page: by the heading on line 40 and by the quiz 'alpha' "
            "on line 12; HINT",
        ),
        (
            2,
            [HEADING, ELEMENT],
            (),
            "t.md:50: the anchor 'x' is used twice on this page: by the HTML element on line 50 and by the heading "
            "on line 40; HINT",
        ),
        (
            2,
            [QUIZ, Declaration(30, "the quiz 'beta'", is_quiz=True)],
            (),
            "t.md:30: the anchor 'x' is used twice on this page: by the quiz 'beta' on line 30 and by the quiz "
            "'alpha' on line 12; HINT",
        ),
        (
            3,
            [HEADING, ELEMENT],
            (),
            "t.md:50: the anchor 'x' is used 3 times on this page: by the HTML element on line 50, by the heading on "
            "line 40 and by an element the Markdown does not show (a template or plugin adds it); HINT",
        ),
        (
            4,
            [HEADING],
            (),
            "t.md:40: the anchor 'x' is used 4 times on this page: by the heading on line 40 and by 3 elements the "
            "Markdown does not show (a template or plugin adds them); HINT",
        ),
        (
            2,
            [],
            (),
            "t.md:1: the anchor 'x' is used twice on this page: by 2 elements the Markdown does not show (a template "
            "or plugin adds them); HINT",
        ),
        (
            1,
            [HEADING],
            ("a redirect in mkdocs.yml",),
            "t.md:40: the anchor 'x' is used twice on this page: by the heading on line 40 and by a redirect in "
            "mkdocs.yml; HINT",
        ),
        (
            2,
            [HEADING, ELEMENT, QUIZ],
            (),
            "t.md:50: the anchor 'x' is used 3 times on this page: by the HTML element on line 50, by the heading on "
            "line 40 and by the quiz 'alpha' on line 12; HINT",
        ),
    ],
)
def test_collision_message(count: int, found: list[Declaration], others: tuple[str, ...], expected: str) -> None:
    assert collision_message("t.md", "x", count, found, others, hint="HINT") == expected


def test_the_message_ends_with_the_unique_hint_by_default() -> None:
    message = collision_message("t.md", "x", 2, [HEADING, ELEMENT])
    assert message.endswith("; an anchor must be unique on its page, so rename one of them")
    assert UNIQUE_HINT == "an anchor must be unique on its page, so rename one of them"


def test_page_collision_names_the_first_duplicate() -> None:
    source = "# Page\n\n## First\n\n## Second\n\n## Second\n\n## First\n"
    html = '<h2 id="second">S</h2><h2 id="first">F</h2><h2 id="second">S</h2><h2 id="first">F</h2>'
    assert page_collision(html, source, "docs/p.md") == (
        "docs/p.md:7: the anchor 'second' is used twice on this page: by the heading on line 7 and by the heading "
        "on line 5; " + UNIQUE_HINT
    )
    assert page_collision('<h2 id="first">F</h2>', source, "docs/p.md") is None


def test_page_collision_uses_the_given_slugify() -> None:
    def numbered(text: str, separator: str) -> str:
        return "same"

    assert page_collision('<p id="same"></p><p id="same"></p>', "## A\n", "p.md", numbered) == (
        "p.md:1: the anchor 'same' is used twice on this page: by the heading on line 1 and by an element the "
        "Markdown does not show (a template or plugin adds it); " + UNIQUE_HINT
    )


def letters(text: str, separator: str) -> str:
    """A slugify that keeps letters only, so that marks left in a heading's words would show."""
    return "".join(character for character in text.lower() if character.isalpha())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("## `Tar`*get*\n", [Declaration(1, "the heading")]),
        ("- Target\n---\n", []),
        (" - Target\n---\n", []),
        ("Target\n===", [Declaration(1, "the heading")]),
    ],
)
def test_declarations_with_a_slugify_that_keeps_marks(source: str, expected: list[Declaration]) -> None:
    def keeping(text: str, separator: str) -> str:
        return text.lower().replace(" ", separator)

    assert declarations("target", source, letters) == expected
    if "`" in source:
        assert declarations("target", source, keeping) == expected


def test_a_one_letter_anchor_and_a_quiz_id_with_a_comment() -> None:
    assert declarations("a", "Text\n{: #a }\n") == [Declaration(2, "the attribute list '{: #a }'")]
    commented = "```quiz\nid: alpha   # its anchor is quiz-alpha\ntype: prompt\n```\n"
    assert declarations("quiz-alpha", commented) == [Declaration(1, "the quiz 'alpha'", is_quiz=True)]
    flow = "```quiz\n{id: alpha, type: prompt}\n```\n"
    assert declarations("quiz-alpha", flow) == [Declaration(1, "the quiz 'alpha'", is_quiz=True)]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("\ufeff---\ntarget\n---\n## Other\n", []),  # the front matter, even after a byte-order mark
        ("---\n---\nTarget\n---\n", [Declaration(3, "the heading")]),  # an empty front matter
        ("---\n...\nTarget\n---\n", [Declaration(3, "the heading")]),
        ("---\n  ---\nTarget\n---\n", []),  # an indented line does not close it
    ],
)
def test_where_the_front_matter_ends(source: str, expected: list[Declaration]) -> None:
    assert declarations("target", source) == expected


def test_among_quizzes_alone_the_last_is_blamed() -> None:
    quizzes = [Declaration(line, f"the quiz '{name}'", is_quiz=True) for line, name in ((3, "a"), (9, "b"), (15, "c"))]
    assert collision_message("t.md", "x", 3, quizzes, hint="HINT") == (
        "t.md:15: the anchor 'x' is used 3 times on this page: by the quiz 'c' on line 15, by the quiz 'a' on line 3 "
        "and by the quiz 'b' on line 9; HINT"
    )
