"""Quiz blocks in, checked quizzes or precise errors out: no build needed."""

from __future__ import annotations

import textwrap

import pytest
from support.quizzes import CHECKLIST, CHOICE, PROMPT, SCALE, page_with

from finding_balance.quiz.model import DEFAULT_SCALE, Item, QuizBlock, QuizError, find_quiz_blocks, parse_quiz


def parse(body: str) -> object:
    [block] = find_quiz_blocks(page_with(body))
    return parse_quiz(block)


def test_scale_quiz_is_read_with_points_and_bands() -> None:
    quiz = parse(SCALE)
    assert quiz.id == "time-apart"
    assert quiz.scale == ("Never", "Sometimes", "Often")
    assert [item.reverse for item in quiz.items] == [False, True]
    assert quiz.max_score == 4
    assert [quiz.points(quiz.items[0], index) for index in range(3)] == [0, 1, 2]
    assert [quiz.points(quiz.items[1], index) for index in range(3)] == [2, 1, 0]
    assert [(band.low, band.high) for band in quiz.results] == [(0, 1), (2, 4)]
    assert quiz.line == 5


def test_scale_defaults_to_five_labels() -> None:
    quiz = parse(SCALE.replace("scale: [Never, Sometimes, Often]\n", "").replace("[2, 4]", "[2, 8]"))
    assert quiz.scale == DEFAULT_SCALE
    assert quiz.max_score == 8


def test_other_types_are_read() -> None:
    choice = parse(CHOICE)
    assert [option.best for option in choice.questions[0].options] == [False, True]
    checklist = parse(CHECKLIST)
    assert checklist.max_score == 3
    assert parse(PROMPT).prompts == ("What helps you rest?", "How could you support your partner's rest?")


def test_quiz_examples_nested_in_other_fences_are_not_quizzes() -> None:
    markdown = "````markdown\n```quiz\nid: example\n```\n````\n\n" + page_with(PROMPT, before="## Section\n\n")
    blocks = find_quiz_blocks(markdown)
    assert [block.line for block in blocks] == [9]
    assert blocks[0].heading_level == 2


def test_indented_quiz_in_an_admonition_is_found_and_dedented() -> None:
    body = textwrap.indent(PROMPT, "    ")
    [block] = find_quiz_blocks(f'!!! tip "Try"\n\n    ```quiz\n{body}    ```\n')
    assert block.line == 3
    assert parse_quiz(block).id == "reflect"


def test_an_unclosed_quiz_fence_is_an_error() -> None:
    with pytest.raises(QuizError, match="never closed") as caught:
        find_quiz_blocks("# T\n\n```quiz\nid: x\n")
    assert caught.value.line == 3


# Each case: the quiz body, a fragment of the message, and the line in the file (the fence is line 5,
# so the body starts on line 6).
ERROR_CASES = [
    pytest.param("id: a\ntype: scale\ntitle: [unclosed\n", "the YAML cannot be read", 8, id="yaml-syntax"),
    pytest.param("- just\n- a list\n", "must be a YAML mapping", 6, id="not-a-mapping"),
    pytest.param("type: prompt\ntitle: T\nprompts: [A]\n", "missing required key 'id'", 6, id="missing-id"),
    pytest.param("id: x\ntitle: T\nprompts: [A]\n", "missing required key 'type'", 6, id="missing-type"),
    pytest.param("id: x\ntype: prompt\nprompts: [A]\n", "missing required key 'title'", 6, id="missing-title"),
    pytest.param("id: x\ntype: prompt\ntitle: T\n", "missing required key 'prompts'", 6, id="missing-prompts"),
    pytest.param("id: x\ntype: quiz\ntitle: T\n", "unknown type 'quiz'", 7, id="unknown-type"),
    pytest.param("id: Time_Apart\ntype: prompt\ntitle: T\nprompts: [A]\n", "not a valid id", 6, id="bad-id"),
    pytest.param("id: x\ntype: prompt\ntitle: T\nprompts: [A]\ntitel: T\n", "titel: unknown key", 10, id="typo"),
    pytest.param(
        "id: x\ntype: prompt\ntitle: T\nprompts: [A]\nitems: [B]\n",
        "only a scale or checklist",
        10,
        id="key-of-another-type",
    ),
    pytest.param("id: x\ntype: prompt\ntitle: T\nprompts: []\n", "prompts: is empty", 9, id="no-prompts"),
    pytest.param(
        SCALE.replace(
            "items:\n  - I can ask for time on my own.\n  - text: I feel uneasy when my partner"
            " goes out.\n    reverse: true\n",
            "items: []\n",
        ),
        "items: is empty",
        11,
        id="no-items",
    ),
    pytest.param("id: x\ntype: choice\ntitle: T\nquestions: []\n", "questions: is empty", 9, id="no-questions"),
    pytest.param(
        "id: x\ntype: choice\ntitle: T\nquestions:\n  - prompt: P\n    options: []\n",
        "options: is empty",
        11,
        id="no-options",
    ),
    pytest.param(SCALE.replace("[Never, Sometimes, Often]", "[Only]"), "at least two labels", 10, id="one-label"),
    pytest.param(SCALE.replace("[2, 4]", "[3, 4]"), "no result covers score 2", 15, id="gap"),
    pytest.param(SCALE.replace("[2, 4]", "[1, 4]"), "overlaps results[0]: score 1", 19, id="overlap"),
    pytest.param(SCALE.replace("[2, 4]", "[2, 5]"), "goes past the highest possible score, 4", 19, id="too-high"),
    pytest.param(SCALE.replace("[2, 4]", "[2, 3]"), "no result covers score 4", 15, id="top-uncovered"),
    pytest.param(SCALE.replace("[0, 1]", "[-1, 1]"), "below the lowest possible score", 16, id="negative"),
    pytest.param(SCALE.replace("[0, 1]", "[1, 0]"), "runs backwards", 16, id="backwards"),
    pytest.param(SCALE.replace("[0, 1]", "zero to one"), "two whole numbers", 16, id="range-not-list"),
    pytest.param(
        CHOICE.replace("Sure, rest. Can we talk later?", "okay."),
        "read the same: 'okay.'",
        14,
        id="identical-options",
    ),
    pytest.param(
        CHOICE.replace("        best: true\n", "        best: maybe\n"),
        "must be true or false",
        16,
        id="best-not-bool",
    ),
    pytest.param(
        CHOICE.replace("        feedback: Kind, but your own need stays hidden.\n", ""),
        "missing required key 'feedback'",
        12,
        id="missing-feedback",
    ),
    pytest.param(
        CHECKLIST.replace("[A friend I can call", "[{text: A, reverse: true}"),
        "reverse: unknown key",
        9,
        id="reverse-on-checklist",
    ),
    pytest.param(
        SCALE.replace("title: Mostly at ease", "title:"),
        "results[1]: missing required key 'title'",
        19,
        id="empty-title",
    ),
    pytest.param(
        SCALE.replace("[Never, Sometimes, Often]", "[Never, Often, Never]"),
        "appears twice",
        10,
        id="duplicate-label",
    ),
]


@pytest.mark.parametrize(("body", "message", "line"), ERROR_CASES)
def test_authoring_mistakes_name_the_line_and_the_problem(body: str, message: str, line: int) -> None:
    [block] = find_quiz_blocks(page_with(body))
    with pytest.raises(QuizError) as caught:
        parse_quiz(block)
    assert message in caught.value.message
    assert caught.value.line == line


def test_error_description_names_file_line_and_id() -> None:
    error = QuizError("results: no result covers score 2", 15, "time-apart")
    assert error.describe("docs/trust.md") == ("docs/trust.md:15: quiz 'time-apart': results: no result covers score 2")
    assert QuizError("the YAML cannot be read", 7).describe("docs/a.md") == "docs/a.md:7: quiz: the YAML cannot be read"


def test_quiz_id_is_known_in_errors_after_the_id_line() -> None:
    with pytest.raises(QuizError) as caught:
        parse_quiz(QuizBlock(1, SCALE.replace("[2, 4]", "[3, 4]")))
    assert caught.value.quiz_id == "time-apart"


# What the fuzz tests (tests/unit/test_fuzz_quizzes.py) found: each once an uncaught exception, a hang, a
# message on several lines, a silently dropped quiz or a misleading message. The body starts on line 6.
def billion_laughs(levels: int) -> str:
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


PROMPT_START = "id: x\ntype: prompt\ntitle: T\nprompts: [A]\n"  # lines 6 to 9
FUZZ_FINDS = [
    pytest.param(
        PROMPT_START + "intro: " + "[" * 3000 + "]" * 3000 + "\n",
        "intro: must be text, not a list",
        10,
        id="deep-flow-nesting",
    ),
    pytest.param(
        PROMPT_START + "intro:\n" + "".join("  " * n + "-\n" for n in range(1500)),
        "intro: must be text",
        10,
        id="deep-block-nesting",
    ),
    pytest.param(
        PROMPT_START + "intro: " + "[" * 3000 + "]" * 3000 + "\nx: [\n",
        "the YAML cannot be read",
        12,
        id="deep-nesting-then-a-syntax-error",
    ),
    pytest.param(billion_laughs(9) + PROMPT_START, "lol0: unknown key", 6, id="nested-aliases"),
    pytest.param(PROMPT_START + "intro: &a [*a]\n", "intro: must be text, not a list", 10, id="recursive-alias"),
    pytest.param(
        PROMPT_START.replace("title: T", "title: !!int x"), "'x' cannot be read as !!int", 8, id="value-against-its-tag"
    ),
    pytest.param(
        PROMPT_START.replace("title: T", "title: !!timestamp soon"),
        "cannot be read as !!timestamp",
        8,
        id="timestamp-against-its-tag",
    ),
    pytest.param(PROMPT_START + "title: Again\n", "title: the key is written twice here", 10, id="key-twice"),
    pytest.param(PROMPT_START.replace("id: x", "id: |\n  x"), r"'x\n' is not a valid id", 6, id="id-with-a-line-break"),
    pytest.param(
        PROMPT_START.replace("title: T", 'title: "a\\x07b"'),
        r"holds the control character '\x07'",
        8,
        id="escaped-control-character",
    ),
    pytest.param(
        PROMPT_START.replace("title: T", "title: a\x07b"),
        r"it holds the character '\x07'",
        8,
        id="raw-control-character",
    ),
    pytest.param(
        PROMPT_START.replace("title: T", "title: 2026-11-30"), "title: must be text, not a date", 8, id="date"
    ),
    pytest.param(
        PROMPT_START.replace("title: T", "title: yes"), "title: must be text, not true/false (YAML reads", 8, id="yes"
    ),
    pytest.param(
        PROMPT_START.replace("type: prompt", "type: [prompt]"), "type: must be one of scale", 7, id="type-a-list"
    ),
    pytest.param(
        SCALE.replace("[Never, Sometimes, Often]", '["A\\nB", "A\\nB"]'),
        r"the label 'A\nB' appears twice",
        10,
        id="label-with-a-line-break",
    ),
    pytest.param(
        PROMPT_START.replace("prompts: [A]", f"{'k' * 1000}: 1\nprompts: [A]"), "k…: unknown key", 9, id="long-key"
    ),
]


@pytest.mark.parametrize(("body", "message", "line"), FUZZ_FINDS)
def test_odd_yaml_gives_one_readable_line(body: str, message: str, line: int) -> None:
    [block] = find_quiz_blocks(page_with(body))
    with pytest.raises(QuizError) as caught:
        parse_quiz(block)
    described = caught.value.describe("docs/x.md")
    assert message in described
    assert len(described.splitlines()) == 1
    assert len(described) < 400
    assert caught.value.line == line


def test_windows_line_endings_a_byte_order_mark_and_tabs_keep_quizzes_and_lines() -> None:
    markdown = "\ufeff" + page_with(PROMPT.replace("Think it over", "Think\tit over")).replace("\n", "\r\n")
    [block] = find_quiz_blocks(markdown)
    assert block.line == 5
    assert parse_quiz(block).title == "Think\tit over"
    assert find_quiz_blocks("# T\r\r```quiz\rid: x\r```\r")[0].line == 3


# ---------------------------------------------------------------------------------------------------
# The helpers behind the messages


def test_flow_depth_counts_how_deep_brackets_nest() -> None:
    from finding_balance.quiz.model import _flow_depth

    assert _flow_depth("") == 0
    assert _flow_depth("XX plain text XX") == 0
    assert _flow_depth("[a, {b: [c]}]") == 3
    assert _flow_depth("[a] [b] {c}") == 1
    assert _flow_depth("]]] [") == 1, "closing brackets never go below nothing"
    assert _flow_depth("[[a]] [b]") == 2


@pytest.mark.parametrize(("depth", "reread"), [(50, True), (51, False)])
def test_a_yaml_error_is_read_again_by_the_exact_reader_unless_nested_too_deep(depth: int, reread: bool) -> None:
    """The pure-Python reader (its own wording: "expected ..., but got") names the mistake's own line;
    beyond 50 levels of [ ] the fast reader's message ("did not find expected") is kept."""
    body = "id: x\ntype: prompt\ntitle: T\nprompts: [A]\nintro: " + "[" * depth + "a" + "]" * (depth - 1) + "\nz: 1\n"
    [block] = find_quiz_blocks(page_with(body))
    with pytest.raises(QuizError) as caught:
        parse_quiz(block)
    assert caught.value.line == 11
    wording = "expected ',' or ']', but got '<scalar>'" if reread else "did not find expected ',' or ']'"
    assert caught.value.message == f"the YAML cannot be read: while parsing a flow sequence, {wording}"


def test_source_key_is_the_text_as_markdown_hands_it_over() -> None:
    from finding_balance.quiz.model import source_key

    assert source_key("\r\n\n  id: a\t\tb  \r\n\r\ntitle:  T \n\n") == "id: a b\n\ntitle: T"
    assert source_key("a\rb") == "a\nb"
    assert source_key("x") == "x"


def test_every_text_of_a_quiz_with_its_label() -> None:
    from finding_balance.quiz.model import iter_texts

    assert list(iter_texts(parse(SCALE))) == [
        ("title", "How comfortable is time apart for you?"),
        ("intro", "Think about the last month."),
        ("items[0]", "I can ask for time on my own."),
        ("items[1]", "I feel uneasy when my partner goes out."),
        ("results[0].title", "Hard right now"),
        ("results[0].text", "See [trust](trust.md#safe)."),
        ("results[1].title", "Mostly at ease"),
        ("results[1].text", "Keep going."),
    ]
    assert list(iter_texts(parse(CHOICE)))[1:] == [
        ("questions[0].prompt", "They need a break."),
        ("questions[0].options[0].text", "Okay."),
        ("questions[0].options[0].feedback", "Kind, but your own need stays hidden."),
        ("questions[0].options[1].text", "Sure, rest. Can we talk later?"),
        ("questions[0].options[1].feedback", "Supports both of you."),
    ]
    assert list(iter_texts(parse(PROMPT))) == [
        ("title", "Think it over"),
        ("prompts[0]", "What helps you rest?"),
        ("prompts[1]", "How could you support your partner's rest?"),
    ]


def test_what_a_quiz_gets_when_a_key_is_left_out() -> None:
    prompt = parse(PROMPT)
    assert (prompt.intro, prompt.remember, prompt.max_score) == ("", True, 0)
    assert parse(CHOICE).max_score == 0
    checklist = parse(CHECKLIST.replace("[A friend I can call", "[{text: A friend I can call}"))
    assert checklist.items[0] == Item("A friend I can call", reverse=False)
    scale = parse(SCALE.replace("  - I can ask for time on my own.", "  - text: I can ask for time on my own."))
    assert [item.reverse for item in scale.items] == [False, True]
    assert parse(PROMPT + "remember: false\n").remember is False


def test_heading_levels_are_read_from_atx_headings_only() -> None:
    page = (
        "###### Six\n\n"
        + page_with(PROMPT, before="")
        + "\n####### Seven\n\n#NoSpace\n\n"
        + page_with(PROMPT.replace("reflect", "other"), before="")
    )
    assert [block.heading_level for block in find_quiz_blocks(page)] == [6, 6]
    assert find_quiz_blocks(page_with(PROMPT, before=""))[0].heading_level == 1


def test_a_quiz_fence_in_a_quote_is_refused_at_its_line() -> None:
    for quoted in ("> ```quiz", "  > > ~~~ .quiz", ">```{ .quiz }"):
        with pytest.raises(QuizError) as caught:
            find_quiz_blocks(f"# T\n\n{quoted}\n> id: x\n")
        assert caught.value.describe("docs/a.md") == (
            "docs/a.md:3: quiz: a ```quiz block could not be read where it stands; put quiz fences at the start of "
            "a line, or inside an admonition or list, not inside a quote or raw HTML"
        )
    assert find_quiz_blocks("# T\n\nSay > ```quiz here.\n") == []
    assert find_quiz_blocks("> ```python\n> quiz = 1\n") == []


def test_a_byte_order_mark_before_a_quiz_fence() -> None:
    assert [block.line for block in find_quiz_blocks("\ufeff```quiz\nid: a\n```\n")] == [1]


def _mistake(body: str) -> str:
    [block] = find_quiz_blocks(page_with(body))
    with pytest.raises(QuizError) as caught:
        parse_quiz(block)
    return caught.value.describe("docs/q.md")


def test_below_an_alias_a_mistake_names_the_alias_line() -> None:
    body = "id: x\ntype: checklist\ntitle: T\nitems: &i\n  - A\n  - B\nresults: *i\n"  # lines 6 to 12
    assert _mistake(body) == (
        "docs/q.md:12: quiz 'x': results[0]: must be a mapping of keys (range, text, title), not text"
    )


def test_two_merge_keys_in_one_mapping_are_not_a_key_written_twice() -> None:
    body = (
        "id: x\ntype: choice\ntitle: T\nquestions:\n  - prompt: P\n    options:\n"
        "      - &a {text: A, feedback: F}\n      - <<: *a\n        <<: {best: true}\n        text: B\n"
    )
    assert [option.best for option in parse(body).questions[0].options] == [False, True]


def test_options_that_differ_only_in_case_and_spaces_read_the_same() -> None:
    body = CHOICE.replace("text: Okay.", "text: Okay.  Fine").replace("Sure, rest. Can we talk later?", "okay. fine")
    assert _mistake(body) == (
        "docs/q.md:14: quiz 'replies': questions[0].options[1].text: two options of this question read the same: "
        "'okay. fine'"
    )


def test_bands_may_be_written_in_any_order() -> None:
    body = (
        "id: circle\ntype: checklist\ntitle: Your circle\nitems: [A, B, C]\nresults:\n"
        "  - {range: [2, 3], title: Wide, text: W.}\n  - {range: [0, 1], title: Small, text: S.}\n"
    )
    assert [(band.low, band.high, band.title) for band in parse(body).results] == [(2, 3, "Wide"), (0, 1, "Small")]


def test_yaml_nested_past_what_python_can_follow(monkeypatch: pytest.MonkeyPatch) -> None:
    from finding_balance.quiz import model

    def recursing(source: str) -> object:
        raise RecursionError

    monkeypatch.setattr(model, "_load_yaml", recursing)
    with pytest.raises(QuizError) as caught:
        parse_quiz(QuizBlock(7, "id: x\n"))
    assert (caught.value.message, caught.value.line, caught.value.quiz_id) == (
        "the YAML is nested too deeply to read",
        7,
        None,
    )


def test_no_quiz_id_before_the_id_is_read_and_long_keys_are_cut() -> None:
    with pytest.raises(QuizError) as caught:
        parse(PROMPT.replace("id: reflect", "id: Not_Valid"))
    assert caught.value.quiz_id is None
    long_key = "k" * 50
    assert _mistake(SCALE.replace("    reverse: true", f"    {long_key}: true")) == (
        f"docs/q.md:14: quiz 'time-apart': items[1].{'k' * 39}…: unknown key (allowed here: reverse, text)"
    )
    from finding_balance.quiz.model import source_key

    assert source_key("XX id XX") == "XX id XX"
