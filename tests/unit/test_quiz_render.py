"""Checked quizzes in, accessible markup out: no build needed."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from support.quizzes import CHECKLIST, CHOICE, PROMPT, SCALE, convert_with_memo, keep_links, page_with

from finding_balance.check import QuizIds, check_page
from finding_balance.page_context import PageContext
from finding_balance.quiz import markdown as quiz_markdown
from finding_balance.quiz.memo import QuizMemo
from finding_balance.quiz.model import find_quiz_blocks, iter_texts, parse_quiz
from finding_balance.quiz.render import (
    DEFAULT_STRINGS,
    LinkError,
    TextRenderer,
    render_quiz,
    render_search_view,
    render_texts,
)


def render(body: str, strings: dict[str, str] | None = None, level: int = 2) -> BeautifulSoup:
    [block] = find_quiz_blocks(page_with(body))
    quiz = parse_quiz(block)
    texts, problems = render_texts(quiz, TextRenderer(), keep_links)
    assert problems == []
    html = render_quiz(quiz, texts, {**DEFAULT_STRINGS, **(strings or {})}, heading_level=level)
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("body", [SCALE, CHOICE, CHECKLIST, PROMPT], ids=["scale", "choice", "checklist", "prompt"])
def test_every_type_is_native_controls_in_labelled_fieldsets(body: str) -> None:
    soup = render(body)
    section = soup.select_one("section.fb-quiz")
    quiz_id = section["data-quiz-id"]
    assert section["id"] == f"quiz-{quiz_id}"
    assert section["aria-labelledby"] == f"quiz-{quiz_id}--title"
    assert soup.select_one(f"h2#quiz-{quiz_id}--title")
    fieldsets = soup.select("fieldset")
    assert fieldsets
    for fieldset in fieldsets:
        assert fieldset.find("legend", recursive=False).get_text(strip=True)
    for field in soup.select("input, textarea"):
        labelled = field.find_parent("label") or soup.select_one(f"label[for='{field.get('id')}']")
        assert labelled, field
    for button in soup.select("button"):
        assert button["type"] == "button"
    # No dead buttons without JavaScript: quiz.css hides the controls where scripts do not run (the
    # browser test takes each quiz without JavaScript).
    emptying = soup.select("[data-quiz-controls] button[data-quiz-action=clear]")
    assert len(emptying) == 1, "one way to empty a quiz"
    assert not soup.select("[data-quiz-action=reset]")
    assert not soup.select("form, script, style")
    assert not [tag for tag in soup.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
    assert soup.select_one(".fb-quiz__privacy").get_text(strip=True) == DEFAULT_STRINGS["privacy_note"]


@pytest.mark.parametrize("body", [SCALE, CHOICE, CHECKLIST, PROMPT], ids=["scale", "choice", "checklist", "prompt"])
def test_the_search_view_is_the_title_at_the_quiz_anchor_and_every_text_of_the_author(body: str) -> None:
    [block] = find_quiz_blocks(page_with(body))
    quiz = parse_quiz(block)
    texts, _ = render_texts(quiz, TextRenderer(), keep_links)
    view = BeautifulSoup(render_search_view(quiz, texts, heading_level=3), "html.parser")
    [heading] = view.select("h1, h2, h3, h4, h5, h6")
    assert (heading.name, heading["id"], heading.get_text()) == ("h3", f"quiz-{quiz.id}", quiz.title)
    words = " ".join(view.get_text(" ").split())
    written = [
        " ".join(BeautifulSoup(texts[label], "html.parser").get_text(" ").split()) for label, _ in iter_texts(quiz)
    ]
    assert written and [text for text in written if text not in words] == []
    full = render_quiz(quiz, texts, DEFAULT_STRINGS)
    assert DEFAULT_STRINGS["privacy_note"] in full and DEFAULT_STRINGS["privacy_note"] not in words
    assert not view.select("input, textarea, button, label, table")


def test_scale_radios_carry_their_points_and_reverse_items_count_backwards() -> None:
    soup = render(SCALE)
    first, second = soup.select("fieldset")
    assert [radio["value"] for radio in first.select("input[type=radio]")] == ["0", "1", "2"]
    assert [radio["value"] for radio in second.select("input[type=radio]")] == ["2", "1", "0"]
    assert len({radio["name"] for radio in first.select("input")}) == 1
    assert first.select_one(".fb-quiz__points").get_text() == "(0 points)"
    assert first.select(".fb-quiz__points")[1].get_text() == "(1 point)"


def test_worksheet_lists_every_band_in_a_table() -> None:
    soup = render(SCALE)
    table = soup.select_one(".fb-quiz__worksheet table")
    assert table.caption.get_text() == DEFAULT_STRINGS["results_caption"]
    rows = table.select("tbody tr")
    assert [(row["data-low"], row["data-high"]) for row in rows] == [("0", "1"), ("2", "4")]
    assert rows[1].td.get_text() == "2\u20134"
    assert "Mostly at ease" in rows[1].get_text()
    result = soup.select_one("[data-quiz-result]")
    assert result["aria-live"] == "polite"


def test_choice_feedback_sits_in_details_and_best_is_marked() -> None:
    soup = render(CHOICE)
    options = soup.select(".fb-quiz__option")
    assert len(options) == 2
    assert [option.select_one("details summary").get_text() for option in options] == ["About this reply"] * 2
    assert options[1].select_one("input").has_attr("data-quiz-best")
    assert not options[0].select_one("input").has_attr("data-quiz-best")
    assert soup.select_one("[data-quiz-chosen]")["aria-live"] == "polite"


def test_prompt_has_text_boxes_and_no_result_button() -> None:
    soup = render(PROMPT)
    assert len(soup.select("textarea")) == 2
    assert soup.select_one("[data-quiz-action=result]") is None
    assert soup.select_one("[data-quiz-result]") is None


def test_raw_html_in_quiz_text_is_shown_as_text() -> None:
    soup = render(PROMPT.replace("What helps you rest?", "What <script>alert(1)</script> helps <b>you</b>?"))
    label = soup.select_one("label[for='quiz-reflect--1']")
    assert label.get_text() == "What <script>alert(1)</script> helps <b>you</b>?"
    assert not soup.select("script, b")


def test_markdown_emphasis_and_links_render_inline() -> None:
    html, errors = TextRenderer().render("Read *this* [page](trust.md#safe).", keep_links, inline=True)
    assert str(html) == 'Read <em>this</em> <a href="trust.md#safe">page</a>.'
    assert errors == []


def test_refused_links_are_reported_with_their_field() -> None:
    def refuse(href: str) -> str:
        raise LinkError(f"'{href}' is not a page")

    [block] = find_quiz_blocks(page_with(SCALE))
    _, problems = render_texts(parse_quiz(block), TextRenderer(), refuse)
    assert problems == ["results[0].text: 'trust.md#safe' is not a page"]


def test_ui_strings_come_from_the_settings_and_heading_level_follows_the_page() -> None:
    soup = render(CHECKLIST, {"see_result": "Show me", "checklist_legend": "Pick any"}, level=4)
    assert soup.select_one("[data-quiz-action=result]").get_text() == "Show me"
    assert soup.select_one("legend").get_text() == "Pick any"
    assert soup.select_one("h4.fb-quiz__title")


@pytest.mark.parametrize(
    ("body", "buttons"),
    [
        (SCALE, ["See my result", "Start again"]),
        (CHOICE, ["See my result", "Start again"]),
        (CHECKLIST, ["See my result", "Start again"]),
        (PROMPT, ["Clear my answers"]),
    ],
    ids=["scale", "choice", "checklist", "prompt"],
)
def test_start_again_only_where_there_is_a_result_and_one_button_empties_the_quiz(
    body: str, buttons: list[str]
) -> None:
    soup = render(body)
    assert [button.get_text(strip=True) for button in soup.select("[data-quiz-controls] button")] == buttons
    assert soup.select_one("[data-quiz-action=clear]").get_text(strip=True) == buttons[-1]
    labels = {"start_again": "Vuelve a empezar", "clear_answers": "Borra mis respuestas"}
    translated = render(body, strings=labels)
    expected = labels["clear_answers"] if body is PROMPT else labels["start_again"]
    assert translated.select_one("[data-quiz-action=clear]").get_text(strip=True) == expected


def test_the_fence_takes_the_quiz_the_check_read_and_does_not_read_it_again(monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_with(SCALE)
    memo = QuizMemo()
    # The page as a plain Markdown instance converts it: index.md at the site root.
    [quiz] = check_page(
        "docs/index.md", "index.md", page, {"index.md", "trust.md"}, QuizIds(), context=PageContext(), memo=memo
    )
    expected = convert_with_memo(page, QuizMemo())

    def read_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the quiz was read a second time")

    monkeypatch.setattr(quiz_markdown, "parse_quiz", read_again)
    monkeypatch.setattr(quiz_markdown, "render_texts", read_again)
    assert convert_with_memo(page, memo) == expected
    assert 'id="quiz-time-apart"' in expected and quiz.id == "time-apart"


def test_a_changed_quiz_is_read_again_never_taken_from_the_memo() -> None:
    memo = QuizMemo()
    check_page(
        "docs/index.md",
        "index.md",
        page_with(SCALE),
        {"index.md", "trust.md"},
        QuizIds(),
        context=PageContext(),
        memo=memo,
    )
    changed = page_with(SCALE.replace("Keep going.", "Keep going, together."))
    html = convert_with_memo(changed, memo)
    assert "Keep going, together." in html
    assert html == convert_with_memo(changed, QuizMemo())


#: Characters of quiz text, Markdown's special ones among them.
TEXT_CHARACTERS = list("aZéñ¿¡ 09.,;:!?'\"\u201c\u201d\u2018\u2019()-+#>=|~^{}/%$@*_`[]<>&\\\t\n\r\x02\x03\xa0\u2028")


@settings(max_examples=3000, deadline=None)
@given(
    text=st.one_of(
        st.text(alphabet=st.one_of(st.sampled_from(TEXT_CHARACTERS), st.characters()), max_size=40),
        # Text that starts as plain text does, to reach the edges of what is taken as it is.
        st.builds(
            str.__add__,
            st.sampled_from(list("aZé¿¡\"(\u201c\u2018'")),
            st.text(alphabet=st.sampled_from(TEXT_CHARACTERS), max_size=30),
        ),
    ),
    inline=st.booleans(),
)
def test_text_taken_as_it_is_is_what_markdown_makes_of_it(text: str, inline: bool) -> None:
    renderer = TextRenderer()
    assert renderer.render(text, keep_links, inline=inline) == renderer.convert(text, keep_links, inline=inline)


@pytest.mark.parametrize(
    "text",
    ["What helps you rest?", "¿Qué te ayuda a descansar?", "Sure, take your time. Could we catch up after dinner?"],
)
def test_plain_text_needs_no_conversion(text: str) -> None:
    assert render_quiz_text(text) == (text, [])


def render_quiz_text(text: str) -> tuple[str, list[str]]:
    html, errors = TextRenderer().render(text, keep_links, inline=True)
    return str(html), errors
