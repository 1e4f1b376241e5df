"""Fuzzed quizzes: valid quizzes of each type, mutated (keys dropped, renamed and duplicated, values of
the wrong type, YAML booleans and nulls, huge and negative numbers, long and odd Unicode text, deep
nesting, aliases, tabs, CRLF, a byte-order mark) and run through the pure pipeline, as
``finding_balance/engines/mkdocs_quizzes.py`` runs them. Every page must give rendered quizzes, one for
each fence, or one
``QuizError`` that reads as one ``file:line`` line inside the page; never another exception or a hang.

``make fuzz`` runs the same tests with a far larger budget (``tests/support/fuzzing.py``)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from support.fuzzing import RAW_YAML, hard_limit, keys, numbers, texts, values
from support.quizzes import CHECKLIST, CHOICE, PROMPT, SCALE

from finding_balance.quiz.model import QuizError, find_quiz_blocks, parse_quiz
from finding_balance.quiz.render import DEFAULT_STRINGS, LinkError, TextRenderer, render_quiz, render_texts

VALID = {
    kind: yaml.safe_load(body)
    for kind, body in [("scale", SCALE), ("checklist", CHECKLIST), ("choice", CHOICE), ("prompt", PROMPT)]
}
ALL_KEYS = sorted(
    {key for quiz in VALID.values() for key in quiz}
    | {"range", "text", "reverse", "prompt", "options", "feedback", "best"}
)
FILENAME = "docs/x.md"
RENDERER = TextRenderer()


def resolve(href: str) -> str:
    """Links as the check treats them, in short: a page that does not exist is refused."""
    if "nowhere" in href or href.lower().startswith("javascript:"):
        raise LinkError(f"the link '{href}' goes nowhere")
    return href


# ---------------------------------------------------------------------------------------------------
# Mutations of the data


def places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key or index path in a parsed quiz, the root included (as ``()``)."""
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += places(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += places(child, (*path, index))
    return found


def at(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


@st.composite
def mutated_data(draw: st.DrawFn, kind: str) -> Any:
    data = copy.deepcopy(VALID[kind])
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        spots = [path for path in places(data) if path]
        if not spots:
            break
        path = draw(st.sampled_from(spots))
        parent, key = at(data, path[:-1]), path[-1]
        operation = draw(
            st.sampled_from(["drop", "rename", "replace", "wrap", "unwrap", "repeat", "number", "retext", "retext"])
        )
        if operation == "drop":
            del parent[key]
        elif operation == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(ALL_KEYS) | keys)] = parent.pop(key)
        elif operation == "replace":
            parent[key] = draw(values)
        elif operation == "wrap":
            parent[key] = draw(st.sampled_from([[parent[key]], {"text": parent[key]}, {key: parent[key]}]))
        elif operation == "unwrap" and isinstance(parent[key], list | dict) and parent[key]:
            inner = parent[key]
            parent[key] = inner[0] if isinstance(inner, list) else next(iter(inner.values()))
        elif operation == "repeat" and isinstance(parent[key], list) and parent[key]:
            parent[key] = parent[key] * draw(st.integers(min_value=2, max_value=150))
        elif operation == "retext" and isinstance(parent[key], str):
            parent[key] = draw(texts)
        elif operation == "number":
            parent[key] = draw(st.lists(numbers, min_size=0, max_size=3) | numbers)
    return data


# ---------------------------------------------------------------------------------------------------
# Mutations of the YAML text


def billion_laughs(levels: int) -> str:
    """``levels`` of aliases, each ten times the one before: a tiny text that expands enormously."""
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 10)}]")
    return "\n".join(lines)


@st.composite
def yaml_body(draw: st.DrawFn, kind: str) -> str:
    data = draw(mutated_data(kind))
    try:
        body = yaml.safe_dump(
            data,
            allow_unicode=draw(st.booleans()),
            default_flow_style=draw(st.sampled_from([False, None, True])),
            sort_keys=False,
            width=draw(st.sampled_from([80, 10_000])),
        )
    except yaml.YAMLError:
        body = yaml.safe_dump(VALID[kind], sort_keys=False)
    lines = body.rstrip("\n").split("\n")
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        index = draw(st.integers(min_value=0, max_value=len(lines)))
        operation = draw(
            st.sampled_from(["duplicate", "insert", "revalue", "tab", "long", "deep", "deep-block", "aliases"])
        )
        line = lines[min(index, len(lines) - 1)] if lines else ""
        indent = line[: len(line) - len(line.lstrip(" -"))]
        if operation == "duplicate" and lines:
            lines.insert(index, line)
        elif operation == "insert":
            key = draw(st.sampled_from(ALL_KEYS))
            lines.insert(index, f"{indent}{key}: {draw(st.sampled_from(RAW_YAML))}")
        elif operation == "revalue" and ":" in line:
            lines[index - 1 if index == len(lines) else index] = (
                f"{line.split(':', 1)[0]}: {draw(st.sampled_from(RAW_YAML) | texts)}"
            )
        elif operation == "tab":
            spot = draw(st.integers(min_value=0, max_value=len(line)))
            lines[min(index, len(lines) - 1)] = line[:spot] + "\t" + line[spot:]
        elif operation == "long":
            lines.insert(index, f"{indent}{draw(st.sampled_from(ALL_KEYS))}: {'x' * 50_000}")
        elif operation == "deep":
            depth = draw(st.integers(min_value=50, max_value=5_000))
            lines.insert(index, f"{indent}{draw(st.sampled_from(ALL_KEYS))}: {'[' * depth}{']' * depth}")
        elif operation == "deep-block":
            depth = draw(st.integers(min_value=50, max_value=1_500))
            nested = "\n".join("  " * level + "- " + ("x" if level == depth - 1 else "") for level in range(depth))
            lines.insert(index, f"{draw(st.sampled_from(ALL_KEYS))}:\n{nested}")
        elif operation == "aliases":
            lines.insert(0, billion_laughs(draw(st.integers(min_value=1, max_value=8))))
            lines.append(f"{draw(st.sampled_from(ALL_KEYS))}: *lol{draw(st.integers(min_value=0, max_value=1))}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------
# Pages


@dataclass(frozen=True)
class FuzzPage:
    markdown: str
    fences: int


@st.composite
def pages(draw: st.DrawFn) -> FuzzPage:
    """A page with one or two mutated quizzes, somewhere, in some line-ending style."""
    parts = [draw(st.sampled_from(["", "# Title\n\nSome words.\n\n", "## Section\n\nText with a {: #x } list.\n\n"]))]
    fences = draw(st.integers(min_value=1, max_value=2))
    for _ in range(fences):
        body = draw(yaml_body(draw(st.sampled_from(sorted(VALID)))))
        marker = draw(st.sampled_from(["```", "~~~", "````"]))
        if draw(st.booleans()):
            parts.append(f"{marker}quiz\n{body}{marker}\n\n")
        else:  # inside an admonition
            indented = "".join(f"    {line}" if line else line for line in body.splitlines(keepends=True))
            parts.append(f'!!! tip "Try this"\n\n    {marker}quiz\n{indented}    {marker}\n\n')
    markdown = "".join(parts)
    if draw(st.booleans()):
        markdown = markdown.replace("\n", "\r\n")
    if draw(st.booleans()):
        markdown = "\ufeff" + markdown
    return FuzzPage(markdown, fences)


def quizzes_or_error(markdown: str) -> list[str] | str:
    """The pure pipeline, as finding_balance/engines/mkdocs_quizzes.py runs it: the HTML of each quiz,
    or the one error line."""
    rendered = []
    try:
        for block in find_quiz_blocks(markdown):
            quiz = parse_quiz(block)
            quiz_texts, problems = render_texts(quiz, RENDERER, resolve)
            if problems:
                raise QuizError(problems[0], block.line, quiz.id)
            rendered.append(render_quiz(quiz, quiz_texts, DEFAULT_STRINGS, heading_level=block.heading_level + 1))
    except QuizError as error:
        return error.describe(FILENAME)
    return rendered


ERROR_LINE = re.compile(rf"^{re.escape(FILENAME)}:(?P<line>[0-9]+): quiz( '[a-z0-9-]+')?: \S")


def check(page: FuzzPage) -> None:
    with hard_limit():
        outcome = quizzes_or_error(page.markdown)
    if isinstance(outcome, str):
        assert len(outcome.splitlines()) == 1, f"not one line: {outcome!r}"
        match = ERROR_LINE.match(outcome)
        assert match, f"not 'file:line: quiz ...': {outcome!r}"
        lines = len(page.markdown.split("\n"))
        assert 1 <= int(match["line"]) <= lines, f"line {match['line']} is not in the page of {lines} lines"
    else:
        assert len(outcome) == page.fences, f"{page.fences} quiz fences but {len(outcome)} quizzes: one dropped"
        for html in outcome:
            assert html.startswith('<section class="fb-quiz')


@given(pages())
@example(FuzzPage("```quiz\n" + yaml.safe_dump(VALID["scale"]) + "```\n", 1))
def test_a_mutated_quiz_renders_or_stops_with_one_line(page: FuzzPage) -> None:
    check(page)


@given(st.sampled_from(sorted(VALID)))
def test_every_valid_quiz_survives_crlf_a_byte_order_mark_and_tabs_in_text(kind: str) -> None:
    data = copy.deepcopy(VALID[kind])
    data["title"] = "A\ttitle"
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    markdown = "\ufeff```quiz\r\n" + body.replace("\n", "\r\n") + "```\r\n"
    outcome = quizzes_or_error(markdown)
    assert isinstance(outcome, list) and len(outcome) == 1, outcome
