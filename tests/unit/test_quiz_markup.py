"""The markup of a quiz in detail (``finding_balance.quiz.render``): which texts may hold paragraphs,
the heading level, the wording handed to the page script, a site's own quiz templates. No build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support.quizzes import CHOICE, PROMPT, SCALE, keep_links, page_with

from finding_balance.quiz.model import Quiz, find_quiz_blocks, parse_quiz
from finding_balance.quiz.render import (
    DEFAULT_STRINGS,
    SCRIPT_STRINGS,
    RenderedText,
    TextRenderer,
    render_quiz,
    render_search_view,
    render_texts,
)


def read(body: str) -> tuple[Quiz, RenderedText]:
    [block] = find_quiz_blocks(page_with(body))
    quiz = parse_quiz(block)
    texts, problems = render_texts(quiz, TextRenderer(), keep_links)
    assert problems == []
    return quiz, texts


def test_only_the_intro_feedback_and_result_texts_are_paragraphs() -> None:
    _, scale = read(SCALE)
    assert scale.html == {
        "title": "How comfortable is time apart for you?",
        "intro": "<p>Think about the last month.</p>",
        "items[0]": "I can ask for time on my own.",
        "items[1]": "I feel uneasy when my partner goes out.",
        "results[0].title": "Hard right now",
        "results[0].text": '<p>See <a href="trust.md#safe">trust</a>.</p>',
        "results[1].title": "Mostly at ease",
        "results[1].text": "<p>Keep going.</p>",
    }
    _, choice = read(CHOICE)
    assert choice["questions[0].prompt"] == "They need a break."
    assert choice["questions[0].options[0].text"] == "Okay."
    assert choice["questions[0].options[0].feedback"] == "<p>Kind, but your own need stays hidden.</p>"
    _, prompt = read(PROMPT)
    assert prompt["prompts[0]"] == "What helps you rest?"


@pytest.mark.parametrize(("given", "shown"), [(None, 2), (1, 2), (2, 2), (4, 4), (6, 6), (7, 6), (9, 6)])
def test_the_title_level_stays_between_two_and_six(given: int | None, shown: int) -> None:
    quiz, texts = read(PROMPT)
    levels = {} if given is None else {"heading_level": given}
    full = BeautifulSoup(render_quiz(quiz, texts, DEFAULT_STRINGS, **levels), "html.parser")
    assert full.select_one(".fb-quiz__title").name == f"h{shown}"
    view = BeautifulSoup(render_search_view(quiz, texts, **levels), "html.parser")
    assert [heading.name for heading in view.select("h1, h2, h3, h4, h5, h6, h7, h8, h9")] == [f"h{shown}"]


def test_the_page_script_gets_its_wording_as_compact_json_in_the_pages_own_letters() -> None:
    quiz, texts = read(SCALE)
    strings = {**DEFAULT_STRINGS, "your_score": "Tu puntuación: {score} de {max}"}
    html = render_quiz(quiz, texts, strings)
    section = BeautifulSoup(html, "html.parser").select_one("section.fb-quiz")
    written = section["data-quiz-strings"]
    assert json.loads(written) == {key: strings[key] for key in SCRIPT_STRINGS}
    assert written == json.dumps(
        {key: strings[key] for key in SCRIPT_STRINGS}, ensure_ascii=False, separators=(",", ":")
    )
    assert "puntuación" in written and '":"' in written and '","' in written


def test_a_sites_own_quiz_templates_win(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "quiz.html").write_text("<p>own {{ quiz.id }}</p>", encoding="utf-8")
    (tmp_path / "partials" / "quiz-search.html").write_text("<p>own search {{ quiz.id }}</p>", encoding="utf-8")
    quiz, texts = read(PROMPT)
    assert render_quiz(quiz, texts, DEFAULT_STRINGS, theme_dir=str(tmp_path)) == "<p>own reflect</p>"
    assert render_search_view(quiz, texts, theme_dir=str(tmp_path)) == "<p>own search reflect</p>"
    assert "own" not in render_quiz(quiz, texts, DEFAULT_STRINGS)
