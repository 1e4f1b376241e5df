"""The article of a built page (``finding_balance.article``): read once, what every finishing pass reads."""

from __future__ import annotations

import pytest

from finding_balance.article import Heading, Outline, QuizOutline, Section, plain_text, read_article

PAGE = """<h1 id="title">The <em>page</em><a class="headerlink" href="#title">&para;</a></h1>
<p class="fb-summary">A &ldquo;short&rdquo; summary.</p>
<!-- <h2 id="in-comment">Not a heading</h2> -->
<h2 id="one">One &amp; <code>two</code><a class="headerlink" href="#one">&para;</a></h2>
<p>First words here. Then more.</p>
<script>var x = '<p id="in-script">';</script>
<template id="tpl"><h3 id="in-template">Hidden</h3><p>not read</p></template>
<h3 id="sub&amp;more">Sub</h3>
<p class="note">Classed.</p><p>Plain <em>and</em> late.</p>
<section class="fb-quiz fb-quiz--scale" id="quiz-q" data-quiz-type="scale" data-quiz-strings="{&quot;id&quot;: 1}">
<h3 class="fb-quiz__title" id="quiz-q--title">The <a class="headerlink" href="#x">&para;</a>quiz</h3>
<div class="fb-quiz__intro"><p>Think<em>about</em> it.</p></div>
<section class="inner"><p>Nested <a href="trust.md#a&amp;b">link</a>.</p></section>
<a href="#after">After</a>
</section>
<h2 id="last">Last</h2>
<p>End.</p>
"""


@pytest.fixture(scope="module")
def article():
    return read_article(PAGE)


def test_ids_are_every_element_id_in_page_order_unescaped(article) -> None:
    assert article.ids == (
        "title",
        "one",
        "tpl",
        "in-template",
        "sub&more",
        "quiz-q",
        "quiz-q--title",
        "last",
    )
    assert article.duplicate_ids() == {}
    twice = read_article('<p id="a"></p><span id="b"></span><p id="a"></p><b ID="b"></b><i id="a"/>')
    assert twice.duplicate_ids() == {"a": 3, "b": 2}
    assert list(twice.duplicate_ids()) == ["a", "b"], "in page order"


def test_headings_know_their_place_text_and_kind(article) -> None:
    one, in_template, sub, quiz_title, last = article.headings
    assert (one.level, one.anchor, one.written_anchor, one.title) == (2, "one", "one", "One & two")
    assert PAGE[one.start : one.end].startswith('<h2 id="one">') and PAGE[one.start : one.end].endswith("</h2>")
    assert (sub.anchor, sub.written_anchor, sub.level) == ("sub&more", "sub&amp;more", 3)
    assert not in_template.is_section and in_template.anchor == "in-template"
    assert quiz_title.quiz_title and not quiz_title.is_section
    assert one.is_section and sub.is_section and last.is_section and not one.quiz_title
    # The words before each heading: title (2) and summary (3) before one; the heading (3) and its
    # paragraph (5) before sub; sub, two paragraphs (1 + 3) before last, the quiz left out.
    assert [heading.words_before for heading in (one, sub, last)] == [5, 13, 18]
    assert article.words == 18 + 1 + 1


def test_section_reaches_the_next_heading_of_its_level(article) -> None:
    one, _, sub, quiz_title, last = article.headings
    assert article.section_end(one) == last.start
    assert article.section_end(sub) == quiz_title.start  # a quiz's title ends it too
    assert article.section_end(last) == len(PAGE)
    assert article.words_between(one.start, last.start) == 13
    assert article.words_between(last.start, len(PAGE)) == 2
    assert article.first_plain_paragraph(one.start, last.start) == "First words here. Then more."
    assert article.first_plain_paragraph(sub.start, last.start) == "Plain and late."
    assert article.first_plain_paragraph(last.start, len(PAGE)) == "End."
    assert article.first_plain_paragraph(one.start, one.end) == ""


def test_quizzes_with_title_intro_links_and_every_word(article) -> None:
    (quiz,) = article.quizzes
    assert (quiz.anchor, quiz.kind, quiz.title) == ("quiz-q", "scale", "The quiz")
    assert quiz.intro == "Think about it."  # each tag a space apart
    assert quiz.links == ("#x", "trust.md#a&b", "#after")  # the nested section is inside the quiz
    assert PAGE[quiz.start : quiz.end].startswith('<section class="fb-quiz') and PAGE[quiz.end - 10 :].startswith(
        "</section>"
    )
    assert quiz.words == 10  # The ¶ quiz Think about it. Nested link . After: hidden parts are words here


def test_title_summary_and_outline(article) -> None:
    assert article.title == "The page"
    assert article.summary == "A \u201cshort\u201d summary."
    assert article.outline == Outline(
        summary="A \u201cshort\u201d summary.",
        sections=(Section("one", "One & two", 2), Section("sub&more", "Sub", 3), Section("last", "Last", 2)),
        quizzes=(QuizOutline("quiz-q", "The quiz", "scale"),),
        words=20,
    )
    assert read_article("<p>no heading</p>").title is None
    assert read_article("<h1></h1><h1>Second</h1>").title == ""


def test_a_quiz_or_template_never_closed_runs_to_the_end() -> None:
    open_quiz = read_article('<p>One two</p><section class="fb-quiz" id="quiz-o"><h2 id="in">In</h2><p>Three</p>')
    assert open_quiz.words == 2 and [quiz.anchor for quiz in open_quiz.quizzes] == ["quiz-o"]
    assert open_quiz.quizzes[0].end == len(open_quiz.html)
    assert [heading.is_section for heading in open_quiz.headings] == [False]
    assert read_article("<p>One</p><template><p>Two three</p>").words == 1


def test_a_heading_without_an_end_tag_or_id_is_no_heading() -> None:
    assert read_article('<h2>No id</h2><h4 id="">Empty</h4><h3 id="a">Open').headings == ()
    (outer,) = read_article('<h2 id="a">A<h3 id="b">B</h3>C</h2>').headings  # as the first end tag closes it
    assert (outer.anchor, outer.title) == ("a", "ABC")
    (heading,) = read_article("<H2 ID='b'>Upper</H2>").headings
    assert heading == Heading(2, "b", "b", "Upper", 0, 21, False, True, 0)


@pytest.mark.parametrize(
    ("markup", "gap", "text"),
    [
        ("<b>one</b>two  &amp;\n three", "", "onetwo & three"),
        ("<b>one</b>two  &amp;\n three", " ", "one two & three"),
        ("", "", ""),
        ("a&nbsp;b", "", "a b"),
    ],
)
def test_plain_text(markup: str, gap: str, text: str) -> None:
    assert plain_text(markup, gap) == text
