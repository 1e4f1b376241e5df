"""Screenshots for people to look at: the home page, a topic page and a quiz with its result, at a
phone's and a desktop's width, in the light and the dark palette. Saved under test-artifacts/screenshots/
(git-ignored) on every run; the test checks only that each one was taken in the right palette."""

from __future__ import annotations

from typing import Literal

from conftest import BuiltSite
from playwright.sync_api import Browser, expect
from support.sitebuild import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
PALETTES: dict[Literal["light", "dark"], str] = {"light": "default", "dark": "slate"}
TOPIC = "trust/"
QUIZ = "quiz-safe-to-ask"


def test_screenshots_of_home_topic_and_quiz_result(browser: Browser, built_site: BuiltSite) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    taken = []
    for palette, scheme in PALETTES.items():
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(color_scheme=palette, viewport={"width": width, "height": height})
            page = context.new_page()
            try:
                for name, address in (("home", ""), ("topic", TOPIC)):
                    page.goto(built_site.base_url + address)
                    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
                    page.wait_for_selector("article button.fb-copy-link")
                    path = ARTIFACTS / f"{name}-{width_name}-{palette}.png"
                    page.screenshot(path=path, animations="disabled")
                    taken.append(path)
                quiz = page.locator(f"section#{QUIZ}")
                for fieldset in quiz.locator("fieldset").all():
                    fieldset.locator("input").nth(2).check()
                quiz.locator("[data-quiz-action=result]").click()
                expect(quiz.locator("[data-quiz-result] .fb-quiz__score")).to_be_visible()
                path = ARTIFACTS / f"quiz-result-{width_name}-{palette}.png"
                # The whole quiz as laid out on the page (a full-page shot taken from the top keeps the
                # sticky header at the top, away from the quiz).
                box = quiz.evaluate(
                    "quiz => { const r = quiz.getBoundingClientRect(); "
                    "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }"
                )
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=path, full_page=True, clip=box, animations="disabled")
                taken.append(path)
            finally:
                context.close()
    assert len(taken) == 12
    assert all(path.stat().st_size > 5000 for path in taken)
