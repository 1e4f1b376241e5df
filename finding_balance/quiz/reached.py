"""Quizzes that did not reach their page: a fence the engine did not read as a quiz is an error.

A quiz fence inside raw HTML or indented into a code block is shown as code, or not at all, without
a word from the engine. The check before the build found each quiz of a page (its id and line);
``unrendered_quizzes`` names each one the built page lacks.

Under MkDocs and ProperDocs the plugin runs it on each converted page
(``finding_balance.engines.mkdocs_quizzes``); for other engines a pass over each built page does
(``finding_balance.quiz.feature``).
"""

from __future__ import annotations

from collections.abc import Iterable


def unrendered_quizzes(display_path: str, quizzes: Iterable[tuple[str, int]], html: str) -> list[str]:
    """A problem for each quiz of a page (its id and line) that is not in the page's ``html``: a fence
    the engine did not read as a quiz (inside raw HTML, or indented into a code block) must not
    vanish without a word."""
    return [
        f"{display_path}:{line}: quiz '{quiz_id}': the quiz did not reach the page; "
        "a quiz must not sit inside raw HTML or an indented code block."
        for quiz_id, line in quizzes
        if f'id="quiz-{quiz_id}"' not in html
    ]
