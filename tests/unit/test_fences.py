"""The one scanner of fences (``finding_balance.quiz.fences``): which lines are fences, which fences
are quizzes, what a quiz's body is. Pure functions, no build."""

from __future__ import annotations

import markdown
import pytest

from finding_balance.quiz.fences import LINE_BREAK, Fence, is_quiz_info, scan
from finding_balance.quiz.model import QuizError, find_quiz_blocks


def test_lines_outside_fences_come_with_their_index_and_a_quiz_with_its_body() -> None:
    lines = ["# Title", "```quiz", "id: a", "type: prompt", "```", "after"]
    assert list(scan(lines)) == [
        (0, "# Title"),
        Fence(line=2, is_quiz=True, body=["id: a", "type: prompt"], closed=True),
        (5, "after"),
    ]


def test_scan_starts_at_the_given_line_and_counts_from_the_top() -> None:
    lines = ["---", "title: x", "---", "~~~quiz", "id: b", "~~~"]
    assert list(scan(lines, 3)) == [Fence(line=4, is_quiz=True, body=["id: b"], closed=True)]
    assert list(scan(lines, 1))[:2] == [(1, "title: x"), (2, "---")]


def test_a_fence_that_is_not_a_quiz_keeps_no_body_and_hides_its_lines() -> None:
    lines = ["```python", "# not a heading", "```", "text"]
    assert list(scan(lines)) == [Fence(line=1, is_quiz=False, body=[], closed=True), (3, "text")]


@pytest.mark.parametrize(
    ("closing", "closes"),
    [
        ("```", True),
        ("`````", True),  # longer closes
        ("```   ", True),  # spaces after the marker are nothing
        ("  ```", True),
        ("~~~", False),  # another character
        ("``", False),  # too short to be a fence
        ("```quiz", False),  # an info string opens, never closes
    ],
)
def test_what_closes_a_fence(closing: str, closes: bool) -> None:
    found = list(scan(["```quiz", "id: a", closing, "id: b"]))
    if closes:
        assert found == [Fence(1, True, ["id: a"], closed=True), (3, "id: b")]
    else:
        assert found == [Fence(1, True, ["id: a", closing, "id: b"])]


def test_a_longer_fence_is_closed_only_by_one_as_long() -> None:
    found = list(scan(["````quiz", "id: a", "```", "````", "x"]))
    assert found == [Fence(1, True, ["id: a", "```"], closed=True), (4, "x")]


def test_a_fence_never_closed_comes_at_the_end_open() -> None:
    assert list(scan(["intro", "```quiz", "id: a"])) == [(0, "intro"), Fence(2, True, ["id: a"], closed=False)]
    assert list(scan(["```", "code"])) == [Fence(1, False, [], closed=False)]


def test_the_body_of_an_indented_quiz_loses_the_fence_indentation_only() -> None:
    lines = ["    ```quiz", "    id: a", "      - deeper", "  less", "\tx", "    ```"]
    [fence] = list(scan(lines))
    assert fence == Fence(1, True, ["id: a", "  - deeper", "less", "x"], closed=True)


@pytest.mark.parametrize(
    "info",
    ["quiz", ".quiz", "quiz extra", ".quiz {.a}", "{.quiz}", "{ .quiz }", "{#id .quiz}", "{.quiz .x}", "{.quiz}}"],
)
def test_quiz_info_strings(info: str) -> None:
    assert is_quiz_info(info)


@pytest.mark.parametrize(
    "info",
    [
        "",
        "python",
        "quizzes",
        ".quizzes",
        "..quiz",
        "Quiz",
        "{quiz}",
        "{ quiz }",
        "{.x .quiz}",
        "{..quiz}",
        "{.quiz.x}",
        "{.quiz}x",
        "{ .quiz",
        "{}",
        "{ }",
        "quiz}",
        "x quiz",
    ],
)
def test_not_quiz_info_strings(info: str) -> None:
    assert not is_quiz_info(info)


def _superfences_reads_a_quiz(info: str) -> bool:
    def fence(source: str, language: str, class_name: str, options: dict, md: markdown.Markdown, **_: object) -> str:
        return "<p>QUIZ</p>"

    quiz_fence = {"name": "quiz", "class": "q", "format": fence}
    html = markdown.markdown(
        f"```{info}\nid: a\n```\n",
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [quiz_fence]}},
    )
    return "QUIZ" in html


@pytest.mark.parametrize("info", ["quiz", ".quiz", "{.quiz}", "{ .quiz }", "{#id .quiz}", "{.x .quiz}", "{quiz}"])
def test_the_scanner_agrees_with_superfences(info: str) -> None:
    """A fence superfences turns into a quiz must be one the check reads, or the quiz would reach the
    page unchecked (its mistakes without a line, its id never compared)."""
    assert is_quiz_info(info) == _superfences_reads_a_quiz(info)


def test_a_quiz_written_with_attributes_is_found_with_its_line() -> None:
    [block] = find_quiz_blocks("# T\n\n``` { #x .quiz }\nid: a\n```\n")
    assert (block.line, block.source, block.heading_level) == (3, "id: a", 1)


def test_a_quoted_quiz_written_with_attributes_is_refused() -> None:
    with pytest.raises(QuizError, match="inside a quote") as caught:
        find_quiz_blocks("text\n\n> ```{.quiz}\n> id: a\n> ```\n")
    assert caught.value.line == 3


def test_line_breaks_are_the_three_markdown_knows() -> None:
    assert LINE_BREAK.split("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert LINE_BREAK.split("a\u2028b") == ["a\u2028b"]
