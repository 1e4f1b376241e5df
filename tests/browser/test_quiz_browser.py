"""Quizzes in headless Chromium: keyboard only, live results, instant navigation, no JavaScript,
opt-in memory, corrupt storage, no network, axe-core."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import BuiltSite, PageLog
from playwright.sync_api import Browser, Locator, Page, expect

STORE_PREFIX = "finding-balance.quiz."


@pytest.fixture(scope="module")
def quiz_urls(built_site: BuiltSite) -> dict[str, str]:
    """For each quiz type, the address of the first quiz of that type (``.../page/#quiz-id``) that offers
    to remember its answers (the help page's safety plan never does)."""
    found: dict[str, str] = {}
    for html_file in built_site.html_files():
        relative = html_file.relative_to(built_site.directory)
        for section in built_site.soup(str(relative)).select("section.fb-quiz:has([data-quiz-remember])"):
            folder = relative.parent.as_posix()
            page_url = built_site.base_url + ("" if folder == "." else f"{folder}/")
            found.setdefault(section["data-quiz-type"], f"{page_url}#{section['id']}")
    assert set(found) == {"scale", "choice", "checklist", "prompt"}
    return found


def open_quiz(page: Page, url: str) -> Locator:
    page.goto(url)
    quiz = page.locator(f"section#{url.split('#')[1]}")
    expect(quiz).to_have_attribute("data-quiz-ready", "")
    return quiz


def focused(page: Page, script: str) -> object:
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {script}; }})()")


def tab_until(page: Page, condition: str, limit: int = 12) -> None:
    """Press Tab until ``condition`` (JS about ``el``, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, condition):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def stored_keys(page: Page) -> list[str]:
    return page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{STORE_PREFIX}'))")


def press_result_button(page: Page) -> None:
    tab_until(page, "el.dataset.quizAction === 'result'")
    page.keyboard.press("Enter")


def test_scale_quiz_by_keyboard_alone_announces_and_focuses_the_result(page: Page, quiz_urls: dict[str, str]) -> None:
    quiz = open_quiz(page, quiz_urls["scale"])
    questions = quiz.locator("fieldset")
    expected = sum(
        int(questions.nth(i).locator("input").first.get_attribute("value")) for i in range(questions.count())
    )
    highest = sum(
        max(int(v) for v in questions.nth(i).locator("input").evaluate_all("els => els.map(e => e.value)"))
        for i in range(questions.count())
    )
    quiz.locator("input").first.focus()
    for index in range(questions.count()):
        if index:
            tab_until(page, f"el.name && el.name.endsWith('-{index + 1}')")
        page.keyboard.press("Space")
    press_result_button(page)

    result = quiz.locator("[data-quiz-result]")
    expect(result).to_contain_text(f"Your score: {expected} out of {highest}.")
    assert result.get_attribute("aria-live") == "polite"
    assert focused(page, "el.matches('[data-quiz-result]')")
    band = quiz.locator("[data-quiz-band]").filter(has=page.locator("td")).all()
    titles = [row.locator(".fb-quiz__band-title").inner_text() for row in band]
    assert any(title in result.inner_text() for title in titles)
    expect(result.locator(".fb-quiz__band-title")).to_have_count(1)


def test_checklist_by_keyboard_counts_the_ticks(page: Page, quiz_urls: dict[str, str]) -> None:
    quiz = open_quiz(page, quiz_urls["checklist"])
    total = quiz.locator(".fb-quiz__question input[type=checkbox]").count()
    quiz.locator("input[type=checkbox]").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    press_result_button(page)
    expect(quiz.locator("[data-quiz-result]")).to_contain_text(f"Your score: 2 out of {total}.")


def test_choice_by_keyboard_shows_feedback_for_the_reply_chosen(page: Page, quiz_urls: dict[str, str]) -> None:
    quiz = open_quiz(page, quiz_urls["choice"])
    questions = quiz.locator("[data-quiz-question]")
    quiz.locator("input").first.focus()
    for index in range(questions.count()):
        question = questions.nth(index)
        if index:
            tab_until(page, f"el.name && el.name.endsWith('-{index + 1}')")
        radios = question.locator("input[type=radio]")
        best = [radios.nth(i).get_attribute("data-quiz-best") is not None for i in range(radios.count())].index(True)
        for _ in range(best):
            page.keyboard.press("ArrowDown")
        if best == 0:
            page.keyboard.press("Space")
        expect(radios.nth(best)).to_be_checked()
        feedback = question.locator(".fb-quiz__option").nth(best).locator("[data-quiz-feedback]").inner_text()
        expect(question.locator("[data-quiz-chosen]")).to_have_text(feedback)
        expect(question.locator("details")).to_have_count(radios.count())
        assert not question.locator("details").first.is_visible()
    press_result_button(page)
    count = questions.count()
    expect(quiz.locator("[data-quiz-result]")).to_contain_text(f"in {count} of {count} situations")


def test_prompt_by_keyboard_and_opt_in_memory(page: Page, quiz_urls: dict[str, str]) -> None:
    quiz = open_quiz(page, quiz_urls["prompt"])
    boxes = quiz.locator("textarea")
    boxes.first.focus()
    for index in range(boxes.count()):
        if index:
            page.keyboard.press("Tab")
        page.keyboard.type(f"My answer {index + 1}")
    assert stored_keys(page) == []
    tab_until(page, "el.hasAttribute('data-quiz-remember')")
    page.keyboard.press("Space")
    expect(quiz.locator("[data-quiz-status]")).to_have_text(
        "Your answers will be kept on this device until you clear them."
    )
    assert len(stored_keys(page)) == 1
    page.reload()
    quiz = open_quiz(page, page.url)
    expect(quiz.locator("[data-quiz-remember]")).to_be_checked()
    expect(quiz.locator("textarea").last).to_have_value(f"My answer {boxes.count()}")


def test_answers_are_kept_only_after_opting_in_and_clear_removes_them(page: Page, quiz_urls: dict[str, str]) -> None:
    quiz = open_quiz(page, quiz_urls["scale"])
    quiz.locator("fieldset").first.locator("input").nth(1).check()
    quiz.locator("fieldset").nth(1).locator("input").nth(2).check()
    assert stored_keys(page) == []
    # The theme keeps only its colour-scheme choice; no answer of any kind is stored before opting in.
    assert page.evaluate("Object.keys(localStorage)") == ["/.__palette"]

    quiz.locator("[data-quiz-remember]").check()
    assert len(stored_keys(page)) == 1
    quiz.locator("fieldset").nth(2).locator("input").first.check()
    page.reload()
    quiz = open_quiz(page, page.url)
    expect(quiz.locator("[data-quiz-remember]")).to_be_checked()
    expect(quiz.locator("fieldset").first.locator("input").nth(1)).to_be_checked()
    expect(quiz.locator("fieldset").nth(2).locator("input").first).to_be_checked()

    for fieldset in quiz.locator("fieldset").all():
        if not fieldset.locator("input:checked").count():
            fieldset.locator("input").first.check()
    quiz.locator("[data-quiz-action=result]").click()
    expect(quiz.locator("[data-quiz-result]")).to_contain_text("Your score")

    # "Start again", the one way to empty a quiz: the form, the result and the stored copy.
    start_again = quiz.locator("[data-quiz-action=clear]")
    expect(start_again).to_have_text("Start again")
    start_again.click()
    assert stored_keys(page) == []
    expect(quiz.locator("input:checked")).to_have_count(0)
    expect(quiz.locator("[data-quiz-result]")).to_be_empty()
    expect(quiz.locator("[data-quiz-status]")).to_have_text("Your answers have been cleared.")
    page.reload()
    quiz = open_quiz(page, page.url)
    expect(quiz.locator("input:checked")).to_have_count(0)


def test_a_prompt_quiz_has_one_button_and_it_empties_the_boxes_and_the_stored_copy(
    page: Page, quiz_urls: dict[str, str]
) -> None:
    quiz = open_quiz(page, quiz_urls["prompt"])
    buttons = quiz.locator("[data-quiz-controls] button:visible")
    expect(buttons).to_have_count(1)
    expect(buttons).to_have_text("Clear my answers")
    quiz.locator("textarea").first.fill("Something private.")
    quiz.locator("[data-quiz-remember]").check()
    assert len(stored_keys(page)) == 1
    buttons.click()
    expect(quiz.locator("textarea").first).to_have_value("")
    expect(quiz.locator("[data-quiz-remember]")).not_to_be_checked()
    assert stored_keys(page) == []


@pytest.mark.parametrize("corrupt", ["{not json", "42", '{"answers": "nope"}', "null"])
def test_corrupt_stored_answers_are_ignored(
    page: Page, page_log: PageLog, quiz_urls: dict[str, str], corrupt: str
) -> None:
    quiz = open_quiz(page, quiz_urls["checklist"])
    key = STORE_PREFIX + "en." + quiz.get_attribute("data-quiz-id")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, corrupt])
    page.reload()
    quiz = open_quiz(page, page.url)
    expect(quiz.locator("[data-quiz-remember]")).not_to_be_checked()
    quiz.locator("input[type=checkbox]").first.check()
    quiz.locator("[data-quiz-action=result]").click()
    expect(quiz.locator("[data-quiz-result]")).to_contain_text("Your score: 1 out of")
    assert page_log.console_errors == []


def test_quiz_works_after_instant_navigation_away_and_back(
    page: Page, page_log: PageLog, quiz_urls: dict[str, str], built_site: BuiltSite
) -> None:
    quiz_page = quiz_urls["checklist"].split("#")[0]
    page.goto(quiz_page)
    page.evaluate("window.__fbSamePage = true")
    page.locator("nav.md-nav--primary a.md-nav__link[href$='about/']").first.click()
    page.wait_for_url("**/about/")
    path = quiz_page.removeprefix(built_site.base_url)
    page.locator(f"nav.md-nav--primary a.md-nav__link[href$='{path}']").first.click()
    page.wait_for_url(f"**/{path}")
    assert page.evaluate("window.__fbSamePage === true"), "navigation was not instant"

    quiz = page.locator("section.fb-quiz[data-quiz-type=checklist]").first
    expect(quiz).to_have_attribute("data-quiz-ready", "")
    quiz.locator("input[type=checkbox]").first.check()
    quiz.locator("[data-quiz-action=result]").click()
    expect(quiz.locator("[data-quiz-result] .fb-quiz__score")).to_have_count(1)
    expect(quiz.locator("[data-quiz-result]")).to_contain_text("Your score: 1 out of")
    assert page_log.console_errors == []


@pytest.fixture
def page_without_javascript(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_each_quiz_is_a_worksheet_with_no_dead_buttons(
    page_without_javascript: Page, quiz_urls: dict[str, str]
) -> None:
    page = page_without_javascript
    for quiz_type, url in quiz_urls.items():
        page.goto(url)
        quiz = page.locator(f"section#{url.split('#')[1]}")
        expect(quiz).to_be_visible()
        assert quiz.get_attribute("data-quiz-ready") is None
        visible_buttons = [b for b in quiz.locator("button").all() if b.is_visible()]
        assert visible_buttons == [], f"{quiz_type}: buttons that can do nothing"
        expect(quiz.locator("[data-quiz-remember]")).to_be_hidden()
        if quiz_type in ("scale", "checklist"):
            expect(quiz.locator(".fb-quiz__worksheet table")).to_be_visible()
            expect(quiz.locator("[data-quiz-band]").first).to_be_visible()
        if quiz_type == "scale":
            expect(quiz.locator(".fb-quiz__points").first).to_be_visible()
        if quiz_type == "choice":
            feedback = quiz.locator("details.fb-quiz__feedback").first
            expect(feedback).to_be_visible()
            feedback.locator("summary").click()
            expect(feedback.locator("[data-quiz-feedback]")).to_be_visible()


def test_taking_a_quiz_makes_no_network_request(page: Page, page_log: PageLog, quiz_urls: dict[str, str]) -> None:
    quiz = open_quiz(page, quiz_urls["scale"])
    page.wait_for_load_state("networkidle")
    before = len(page_log.requests)
    for fieldset in quiz.locator("fieldset").all():
        fieldset.locator("input").last.check()
    quiz.locator("[data-quiz-remember]").check()
    quiz.locator("[data-quiz-action=result]").click()
    expect(quiz.locator("[data-quiz-result]")).to_contain_text("Your score")
    quiz.locator("[data-quiz-action=clear]").click()
    page.wait_for_timeout(300)
    assert page_log.requests[before:] == []


def run_axe_on_quizzes(page: Page) -> list[str]:
    results = Axe().run(page, context={"include": [[".fb-quiz"]]})
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


@pytest.mark.parametrize("quiz_type", ["scale", "choice", "checklist", "prompt"])
def test_axe_finds_no_violation_in_quiz_markup(page: Page, quiz_urls: dict[str, str], quiz_type: str) -> None:
    quiz = open_quiz(page, quiz_urls[quiz_type])
    quiz.locator("input, textarea").first.click()
    result_button = quiz.locator("[data-quiz-action=result]")
    if result_button.count():
        result_button.click()
    assert run_axe_on_quizzes(page) == []


def test_the_axe_helper_reports_a_broken_quiz(page: Page, quiz_urls: dict[str, str]) -> None:
    open_quiz(page, quiz_urls["checklist"])
    page.evaluate("document.querySelector('.fb-quiz label').replaceWith(document.createElement('input'))")
    assert run_axe_on_quizzes(page)


def test_result_respects_reduced_motion(browser: Browser, quiz_urls: dict[str, str]) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        quiz = open_quiz(page, quiz_urls["checklist"])
        quiz.locator("[data-quiz-action=result]").click()
        expect(quiz.locator("[data-quiz-result]")).to_contain_text("Your score: 0 out of")
        duration = page.evaluate("getComputedStyle(document.querySelector('.fb-quiz .md-button')).transitionDuration")
        assert set(duration.replace("s", "").split(", ")) == {"0"}
    finally:
        context.close()
