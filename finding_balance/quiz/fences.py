"""The fenced blocks of a Markdown page, and which of them are quizzes: the one scanner of fences.

A line of three or more backticks or tildes opens a fence; a line of the same character, at least
as long and with nothing after it, closes it. A fence is a quiz when pymdownx.superfences reads it as
one: its info string starts with ``quiz`` or ``.quiz``, or it is written as attributes in braces whose
first class is ``.quiz`` (``{.quiz}``, ``{ #id .quiz }``). A quiz's body is kept with the fence's
indentation taken off. Lines inside any fence are not Markdown text: a heading or an anchor there is
code.

Used by the quiz model (``find_quiz_blocks``: each quiz with its line and the heading above it) and
by the anchor collision messages (``finding_balance.anchors.collisions``: where an anchor is
declared), under every engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
#: Line breaks as Markdown counts them (its first step turns each of these into "\n").
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class Fence:
    """A fenced block: the line of its opening fence (1-based) and, for a quiz, its body."""

    line: int
    is_quiz: bool
    body: list[str] = field(default_factory=list)
    closed: bool = False


def is_quiz_info(info: str) -> bool:
    """Whether a fence's info string makes it a quiz, as superfences decides: ``quiz`` or ``.quiz``
    first, or attributes in braces whose first class is ``.quiz``."""
    if info.startswith("{"):
        if not info.endswith("}"):
            return False
        classes = [word for word in info[1:].partition("}")[0].split() if word.startswith(".")]
        return bool(classes) and classes[0] == ".quiz"
    words = info.split()
    return bool(words) and words[0].removeprefix(".") == "quiz"


def scan(lines: Sequence[str], start: int = 0) -> Iterator[tuple[int, str] | Fence]:
    """From ``lines[start]`` on: each line outside a fence as ``(index, line)``, and each fence once
    it closes (or, never closed, at the end)."""
    fence: Fence | None = None
    marker = indent = ""
    for index in range(start, len(lines)):
        line = lines[index]
        match = FENCE.match(line)
        if fence is None:
            if match:
                fence = Fence(index + 1, is_quiz_info(match["info"]))
                marker, indent = match["fence"], match["indent"]
            else:
                yield index, line
        elif match and not match["info"] and match["fence"][0] == marker[0] and len(match["fence"]) >= len(marker):
            fence.closed = True
            yield fence
            fence = None
        elif fence.is_quiz:
            fence.body.append(line.removeprefix(indent) if line.startswith(indent) else line.strip())
    if fence is not None:
        yield fence
