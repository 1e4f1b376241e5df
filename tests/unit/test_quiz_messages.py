"""Every authoring mistake in a quiz, and the one line an author sees for it, word for word: the file,
the line, the quiz and the key (``QuizError.describe``). No build."""

from __future__ import annotations

import pytest
from support.quizzes import CHECKLIST, CHOICE, SCALE, page_with

from finding_balance.quiz.model import QuizError, find_quiz_blocks, parse_quiz

P = "id: x\ntype: prompt\ntitle: T\nprompts: [A]\n"  # lines 6 to 9 of the page

YAML_BOOLEANS = "(YAML reads yes, no, on and off as true/false: put such words in quotes)"

MISTAKES = [
    pytest.param(
        P.replace("id: x", "id: 12"),
        "docs/q.md:6: quiz: id: 12 is not a valid id: use lowercase letters, digits and single hyphens",
        id="id-number",
    ),
    pytest.param(
        P.replace("id: x", "id: [a]"),
        "docs/q.md:6: quiz: id: must be text (use lowercase letters, digits and single hyphens), not a list",
        id="id-list",
    ),
    pytest.param(
        P.replace("id: x", "id: yes"),
        "docs/q.md:6: quiz: id: must be text (use lowercase letters, digits and single hyphens), not true/false (YAML "
        "reads yes, no, on and off as true/false: put such words in quotes)",
        id="id-true",
    ),
    pytest.param(
        P.replace("id: x", "id: Bad_Id"),
        "docs/q.md:6: quiz: id: 'Bad_Id' is not a valid id: use lowercase letters, digits and single hyphens",
        id="id-bad",
    ),
    pytest.param(
        P.replace("type: prompt", "type: 3"),
        "docs/q.md:7: quiz 'x': type: must be one of scale, choice, checklist, prompt, not a number",
        id="type-number",
    ),
    pytest.param(
        P.replace("type: prompt", "type: survey"),
        "docs/q.md:7: quiz 'x': type: unknown type 'survey' (use one of: scale, choice, checklist, prompt)",
        id="type-unknown",
    ),
    pytest.param(
        P + "colour: red\n",
        "docs/q.md:10: quiz 'x': colour: unknown key for a prompt quiz (check the spelling)",
        id="unknown-key-common",
    ),
    pytest.param(
        P + "questions: []\n",
        "docs/q.md:10: quiz 'x': questions: unknown key for a prompt quiz (only a choice quiz has it)",
        id="key-of-choice",
    ),
    pytest.param(
        P + "scale: [a, b]\n",
        "docs/q.md:10: quiz 'x': scale: unknown key for a prompt quiz (only a scale quiz has it)",
        id="key-of-scale",
    ),
    pytest.param(
        P.replace("title: T", "title: [a]"),
        "docs/q.md:8: quiz 'x': title: must be text, not a list",
        id="title-list",
    ),
    pytest.param(
        P.replace("title: T", "title: '  '"),
        "docs/q.md:8: quiz 'x': title: must not be empty",
        id="title-empty",
    ),
    pytest.param(
        P.replace("title: T", "title:"),
        "docs/q.md:6: quiz 'x': missing required key 'title'",
        id="title-null",
    ),
    pytest.param(
        P + "intro: ''\n",
        "docs/q.md:10: quiz 'x': intro: must not be empty",
        id="intro-empty",
    ),
    pytest.param(
        P + "remember: sometimes\n",
        "docs/q.md:10: quiz 'x': remember: must be true or false, not text",
        id="remember-text",
    ),
    pytest.param(
        P.replace("prompts: [A]", "prompts: A"),
        "docs/q.md:9: quiz 'x': prompts: must be a list of questions, not text",
        id="prompts-text",
    ),
    pytest.param(
        P.replace("prompts: [A]", "prompts: [A, '']"),
        "docs/q.md:9: quiz 'x': prompts[1]: must not be empty",
        id="prompt-empty",
    ),
    pytest.param(
        P.replace("prompts: [A]", "prompts: [A, {b: c}]"),
        "docs/q.md:9: quiz 'x': prompts[1]: must be text, not a mapping",
        id="prompt-map",
    ),
    pytest.param(
        "just words\n",
        "docs/q.md:6: quiz: the quiz must be a YAML mapping of keys, not text",
        id="not-mapping-text",
    ),
    pytest.param(
        "",
        "docs/q.md:5: quiz: the quiz must be a YAML mapping of keys, not nothing",
        id="empty-body",
    ),
    pytest.param(
        SCALE.replace("[Never, Sometimes, Often]", "Never"),
        "docs/q.md:10: quiz 'time-apart': scale: must be a list of labels, not text",
        id="scale-text",
    ),
    pytest.param(
        SCALE.replace("[Never, Sometimes, Often]", "[Never, '', Often]"),
        "docs/q.md:10: quiz 'time-apart': scale[1]: must not be empty",
        id="scale-label-empty",
    ),
    pytest.param(
        SCALE.replace(
            "items:\n  - I can ask for time on my own.\n  - text: I feel uneasy when my partner goes out.\n    "
            "reverse: true\n",
            "items: {a: b}\n",
        ),
        "docs/q.md:11: quiz 'time-apart': items: must be a list of statements, not a mapping",
        id="items-map",
    ),
    pytest.param(
        SCALE.replace("reverse: true", "reverse: maybe"),
        "docs/q.md:14: quiz 'time-apart': items[1].reverse: must be true or false",
        id="item-reverse-text",
    ),
    pytest.param(
        SCALE.replace("reverse: true", "reversed: true"),
        "docs/q.md:14: quiz 'time-apart': items[1].reversed: unknown key (allowed here: reverse, text)",
        id="item-unknown",
    ),
    pytest.param(
        SCALE.replace("  - text: I feel uneasy when my partner goes out.\n    reverse: true\n", "  - reverse: true\n"),
        "docs/q.md:13: quiz 'time-apart': items[1]: missing required key 'text'",
        id="item-no-text",
    ),
    pytest.param(
        SCALE.replace("I feel uneasy when my partner goes out.", "I can ask for time on my own."),
        "docs/q.md:13: quiz 'time-apart': items[1]: the statement 'I can ask for time on my own.' appears twice",
        id="item-twice",
    ),
    pytest.param(
        CHECKLIST.replace(
            "results:\n  - {range: [0, 1], title: Small circle, text: That is common.}\n  - {range: [2, 3], title: "
            "Wide circle, text: Lovely.}\n",
            "results: {a: b}\n",
        ),
        "docs/q.md:10: quiz 'circle': results: must be a list of result bands, not a mapping",
        id="results-map",
    ),
    pytest.param(
        CHECKLIST.replace("  - {range: [2, 3], title: Wide circle, text: Lovely.}", "  - Lovely"),
        "docs/q.md:12: quiz 'circle': results[1]: must be a mapping of keys (range, text, title), not text",
        id="result-text",
    ),
    pytest.param(
        CHECKLIST.replace("text: Lovely.}", "text: Lovely., note: x}"),
        "docs/q.md:12: quiz 'circle': results[1].note: unknown key (allowed here: range, text, title)",
        id="result-unknown",
    ),
    pytest.param(
        CHECKLIST.replace("{range: [2, 3], title", "{title"),
        "docs/q.md:12: quiz 'circle': results[1]: missing required key 'range'",
        id="result-no-range",
    ),
    pytest.param(
        CHECKLIST.replace("[2, 3]", "[2, 3, 4]"),
        "docs/q.md:12: quiz 'circle': results[1].range: must be two whole numbers, lowest and highest score, like [0, "
        "3]",
        id="range-three",
    ),
    pytest.param(
        CHECKLIST.replace("[2, 3]", "[2, true]"),
        "docs/q.md:12: quiz 'circle': results[1].range: must be two whole numbers, lowest and highest score, like [0, "
        "3]",
        id="range-bool",
    ),
    pytest.param(
        CHECKLIST.replace("[2, 3]", "[2, 3.0]"),
        "docs/q.md:12: quiz 'circle': results[1].range: must be two whole numbers, lowest and highest score, like [0, "
        "3]",
        id="range-float",
    ),
    pytest.param(
        CHECKLIST.replace("[0, 1]", "[0, 0]").replace("[2, 3]", "[3, 3]"),
        "docs/q.md:10: quiz 'circle': results: no result covers scores 1 to 2 (the bands must cover every score from "
        "0 to 3)",
        id="gap-many",
    ),
    pytest.param(
        CHECKLIST.replace("[0, 1]", "[1, 1]"),
        "docs/q.md:10: quiz 'circle': results: no result covers score 0 (the bands must cover every score from 0 to 3)",
        id="gap-start",
    ),
    pytest.param(
        CHECKLIST.replace("[2, 3]", "[0, 3]"),
        "docs/q.md:12: quiz 'circle': results[1].range: overlaps results[0]: score 0 would fall in both",
        id="overlap-same",
    ),
    pytest.param(
        "id: x\ntype: choice\ntitle: T\nquestions: x\n",
        "docs/q.md:9: quiz 'x': questions: must be a list of scenario questions, not text",
        id="questions-text",
    ),
    pytest.param(
        CHOICE.replace("  - prompt: They need a break.", "  - prompt: They need a break.\n    hint: x"),
        "docs/q.md:11: quiz 'replies': questions[0].hint: unknown key (allowed here: options, prompt)",
        id="question-unknown",
    ),
    pytest.param(
        CHOICE.replace(
            "      - text: Sure, rest. Can we talk later?\n        feedback: Supports both of you.\n        best: "
            "true\n",
            "",
        ),
        "docs/q.md:11: quiz 'replies': questions[0].options: needs at least 2 entries",
        id="options-one",
    ),
    pytest.param(
        CHOICE.replace(
            "      - text: Okay.\n        feedback: Kind, but your own need stays hidden.\n", "      - Okay\n"
        ),
        "docs/q.md:12: quiz 'replies': questions[0].options[0]: must be a mapping of keys (best, feedback, text), not "
        "text",
        id="option-text",
    ),
    pytest.param(
        CHOICE.replace("Sure, rest. Can we talk later?", "  OKAY.  "),
        "docs/q.md:14: quiz 'replies': questions[0].options[1].text: two options of this question read the same: "
        "'OKAY.'",
        id="option-same-case",
    ),
    pytest.param(
        CHOICE.replace("feedback: Supports both of you.", "feedback: ''"),
        "docs/q.md:15: quiz 'replies': questions[0].options[1].feedback: must not be empty",
        id="option-feedback-empty",
    ),
    pytest.param(
        CHOICE.replace("prompt: They need a break.", "prompt: ''"),
        "docs/q.md:10: quiz 'replies': questions[0].prompt: must not be empty",
        id="question-prompt-empty",
    ),
    pytest.param(
        P.replace("title: T", 'title: "a\\x1bb"'),
        "docs/q.md:8: quiz 'x': title: holds the control character '\\x1b': remove it",
        id="control-char",
    ),
    pytest.param(
        P + ("k" * 50) + ": 1\n",
        "docs/q.md:10: quiz 'x': kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…: unknown key for a prompt quiz (check the "
        "spelling)",
        id="long-path-key",
    ),
    pytest.param(
        CHOICE.replace("        best: true\n", "        best: true\n        best: false\n"),
        "docs/q.md:17: quiz 'replies': questions[0].options[1].best: the key is written twice here; YAML would keep "
        "only the last, so keep one",
        id="twice-nested",
    ),
    pytest.param(
        "title: A\ntitle: B\n" + P.replace("title: T\n", ""),
        "docs/q.md:7: quiz 'x': title: the key is written twice here; YAML would keep only the last, so keep one",
        id="twice-before-id",
    ),
    pytest.param(
        P + "intro:\n\t- x\n",
        "docs/q.md:11: quiz: the YAML cannot be read: while scanning for the next token, found character '\\t' that "
        "cannot start any token",
        id="yaml-tab",
    ),
    pytest.param(
        P + "intro: a\x00b\n",
        "docs/q.md:10: quiz: the YAML cannot be read: it holds the character '\\x00', which YAML does not allow",
        id="yaml-reader",
    ),
    pytest.param(
        P.replace("title: T", "title: 2020-01-01"),
        "docs/q.md:8: quiz 'x': title: must be text, not a date (put it in quotes to write it as text)",
        id="date-title",
    ),
    pytest.param(
        SCALE.replace("[Never, Sometimes, Often]", "[Never, Sometimes, Sometimes]"),
        "docs/q.md:10: quiz 'time-apart': scale[2]: the label 'Sometimes' appears twice",
        id="label-twice-later",
    ),
]


@pytest.mark.parametrize(("body", "message"), MISTAKES)
def test_the_message_of_each_mistake(body: str, message: str) -> None:
    [block] = find_quiz_blocks(page_with(body))
    with pytest.raises(QuizError) as caught:
        parse_quiz(block)
    assert caught.value.describe("docs/q.md") == message


#: Where the mistake is found decides the key and the line the message names; values YAML reads as
#: true/false or a date say how to write them as text where text is wanted.
MORE_MISTAKES = [
    pytest.param(
        SCALE.replace("  - text: I feel uneasy when my partner goes out.", "  - text: ''"),
        "docs/q.md:13: quiz 'time-apart': items[1].text: must not be empty",
        id="item-text-empty",
    ),
    pytest.param(
        SCALE.replace("  - I can ask for time on my own.", "  - ''"),
        "docs/q.md:12: quiz 'time-apart': items[0]: must not be empty",
        id="item-plain-empty",
    ),
    pytest.param(
        CHECKLIST.replace("title: Wide circle", "title: ''"),
        "docs/q.md:12: quiz 'circle': results[1].title: must not be empty",
        id="result-title-empty",
    ),
    pytest.param(
        CHECKLIST.replace("text: Lovely.", "text: ''"),
        "docs/q.md:12: quiz 'circle': results[1].text: must not be empty",
        id="result-text-empty",
    ),
    pytest.param(
        CHOICE.replace("text: Sure, rest. Can we talk later?", "text: ''"),
        "docs/q.md:14: quiz 'replies': questions[0].options[1].text: must not be empty",
        id="option-text-empty",
    ),
    pytest.param(
        "id: x\ntype: choice\ntitle: T\nquestions:\n  - prompt: P\n    options: yes\n",
        "docs/q.md:11: quiz 'x': questions[0].options: must be a list of replies, not true/false YES",
        id="options-yes",
    ),
    pytest.param(
        CHOICE.replace("best: true", "best: 1"),
        "docs/q.md:16: quiz 'replies': questions[0].options[1].best: must be true or false",
        id="best-a-number",
    ),
    pytest.param(
        SCALE.replace("[2, 4]", "[2, 5]"),
        "docs/q.md:19: quiz 'time-apart': results[1].range: [2, 5] goes past the highest possible score, 4",
        id="too-high",
    ),
    pytest.param(
        P.replace("prompts: [A]", "prompts: []"),
        "docs/q.md:9: quiz 'x': prompts: is empty: it needs at least one entry",
        id="prompts-empty",
    ),
    pytest.param(
        P.replace("type: prompt", "type: yes"),
        "docs/q.md:7: quiz 'x': type: must be one of scale, choice, checklist, prompt, not true/false YES",
        id="type-yes",
    ),
    pytest.param(
        P + "remember: 2020-01-01\n",
        "docs/q.md:10: quiz 'x': remember: must be true or false, not a date",
        id="remember-a-date",
    ),
    pytest.param(
        SCALE.replace("[Never, Sometimes, Often]", "yes"),
        "docs/q.md:10: quiz 'time-apart': scale: must be a list of labels, not true/false YES",
        id="scale-yes",
    ),
    pytest.param("yes\n", "docs/q.md:6: quiz: the quiz must be a YAML mapping of keys, not true/false YES", id="yes"),
    pytest.param(
        CHECKLIST.replace("  - {range: [2, 3], title: Wide circle, text: Lovely.}", "  - yes"),
        "docs/q.md:12: quiz 'circle': results[1]: must be a mapping of keys (range, text, title), not true/false YES",
        id="result-yes",
    ),
    pytest.param(
        P.replace("prompts: [A]", "prompts: on"),
        "docs/q.md:9: quiz 'x': prompts: must be a list of questions, not true/false YES",
        id="prompts-on",
    ),
    pytest.param(
        P.replace("title: T", "title: !!int x"),
        "docs/q.md:8: quiz: the YAML cannot be read: 'x' cannot be read as !!int",
        id="value-against-its-tag",
    ),
    pytest.param(
        # An alias (title) walked before its anchor (intro): the lines of the keys above are still known.
        "id: x\ntype: prompt\nprompts:\n  - A\n  - ''\nintro: &t Hi\ntitle: *t\n",
        "docs/q.md:10: quiz 'x': prompts[1]: must not be empty",
        id="alias-after-the-mistake",
    ),
]


@pytest.mark.parametrize(("body", "message"), MORE_MISTAKES)
def test_the_key_and_line_of_each_mistake(body: str, message: str) -> None:
    [block] = find_quiz_blocks(page_with(body))
    with pytest.raises(QuizError) as caught:
        parse_quiz(block)
    assert caught.value.describe("docs/q.md") == message.replace("YES", YAML_BOOLEANS)
