"""The key paths that must work in every browser engine, as two tables the cross-browser tests
(``tests/engines/test_key_paths.py``) run in Chromium, Firefox and WebKit, in each edition.

- ``PAGES``: each kind of page, where it is (the same path in every edition) and what our script
  does there that shows it ran. A test opens it and waits for each sign, then expects no script error.
- ``PATHS``: each thing a reader does, as a function that takes a ``Visit`` (a tab, the site and the
  edition) and fails with an ``AssertionError`` if the reader could not do it.

A new page is one more ``KeyPage``; a new behaviour is one more function under ``@key_path("name")``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from finding_balance.helplines.data import load_helplines
from finding_balance.settings import locale_defaults
from support.browser_tabs import Tab
from support.outside_proxy import OutsideProxy
from support.sitebuild import PROJECT_ROOT

#: The editions: the folder each is served from, by language.
EDITIONS = {"en": "", "es": "es/", "ar": "ar/"}
STORE_PREFIX = "finding-balance.quiz."

#: Signs that our script ran, on every page: the quick exit, copy-link and quiz scripts set their
#: globals, and site.js turned the theme's menu label into a button.
EVERY_PAGE = (
    "window.findingBalanceQuickExit",
    "window.findingBalanceLinks",
    "window.findingBalanceQuizzes",
    "document.querySelector('.md-header button.fb-menu-button')",
)
#: On a page with quizzes: each quiz is ready, and section headings have their copy-link button.
QUIZ_PAGE = (
    "document.querySelector('section.fb-quiz') && !document.querySelector('section.fb-quiz:not([data-quiz-ready])')",
    "document.querySelector('.fb-linkable button[data-fb-copy]')",
)


@dataclass(frozen=True)
class KeyPage:
    """A kind of page: its ``path`` below the edition's folder and the JavaScript expressions that
    are true once our script has run there (``EVERY_PAGE`` is added to them)."""

    kind: str
    path: str
    signs: tuple[str, ...] = ()


PAGES = (
    KeyPage("home", ""),
    KeyPage("topic, scale quiz", "trust/", QUIZ_PAGE),
    KeyPage("topic, checklist quiz", "unhealthy-distance/", QUIZ_PAGE),
    KeyPage("topic, choice quiz", "supporting-needs/", QUIZ_PAGE),
    KeyPage("topic, prompt quiz", "self-care/", QUIZ_PAGE),
    KeyPage(
        "help",
        "help/",
        (
            "document.querySelector('.fb-linkable button[data-fb-copy]')",
            "document.querySelector('[data-fb-helplines][data-fb-helplines-ready]')",
            "document.querySelector('#quiz-safety-plan[data-quiz-ready]')",
        ),
    ),
    KeyPage(
        "counsellors",
        "counsellors/",
        (
            "document.querySelector('[data-fb-copy-url] button[data-fb-copy]')",
            "document.querySelector('input[data-fb-pack-box]')",
        ),
    ),
    KeyPage("pack", "pack/", ("window.findingBalancePack",)),
    KeyPage("about", "about/"),
    KeyPage("404", "404.html"),
)

#: Where each quiz type is taken: (page, quiz id).
QUIZZES = {
    "scale": ("trust/", "safe-to-ask"),
    "checklist": ("unhealthy-distance/", "pulling-away"),
    "choice": ("supporting-needs/", "everyday-replies"),
    "prompt": ("self-care/", "partner-self-care"),
}
#: A word that search must find in each edition, and the page it must lead to.
SEARCH = {"en": ("trust", "trust/"), "es": ("confianza", "trust/"), "ar": ("الثقة", "trust/")}


@dataclass
class Visit:
    """A reader's visit: a tab of one engine, the site's address, the edition's language, its
    wording (``locales/<language>.yml``) and the proxy that sees every request for another host."""

    tab: Tab
    base_url: str
    language: str
    outside: OutsideProxy

    @property
    def words(self) -> dict[str, dict[str, str]]:
        return locale_defaults(self.language)

    def url(self, path: str, language: str | None = None) -> str:
        return f"{self.base_url}{EDITIONS[language or self.language]}{path}"

    def open(self, page: KeyPage, anchor: str = "") -> None:
        """Go to ``page`` (at ``#anchor``) and wait until every sign of our script is there."""
        self.tab.goto(self.url(page.path) + (f"#{anchor}" if anchor else ""))
        for sign in (*EVERY_PAGE, *page.signs):
            self.tab.wait_for(f"return !!({sign});", f"{sign} on {page.path or 'home'} ({self.language})")

    def stored(self) -> list[str]:
        """The quiz answers kept in this browser's localStorage (their keys)."""
        return sorted(self.tab.run(f"return Object.keys(localStorage).filter(k => k.startsWith('{STORE_PREFIX}'));"))


PAGE_BY_PATH = {page.path: page for page in PAGES}
KeyPath = Callable[[Visit], None]
#: Every key path by name, in the order they were written.
PATHS: dict[str, KeyPath] = {}


def key_path(name: str) -> Callable[[KeyPath], KeyPath]:
    """Add the decorated function to ``PATHS`` under ``name``."""

    def add(function: KeyPath) -> KeyPath:
        PATHS[name] = function
        return function

    return add


def open_quiz(visit: Visit, quiz_type: str) -> str:
    """Open the page of the quiz of ``quiz_type``; return the quiz's CSS selector."""
    path, quiz_id = QUIZZES[quiz_type]
    visit.open(PAGE_BY_PATH[path])
    return f"#quiz-{quiz_id}"


def quiz_facts(visit: Visit, quiz: str, script: str) -> Any:
    """Run ``script`` (a function body about ``quiz``, the quiz's element) in the page."""
    return visit.tab.run(f"const quiz = document.querySelector({json.dumps(quiz)}); {script}")


def result_by_keyboard(visit: Visit, quiz: str) -> str:
    """Tab to "See my result", press Enter; return the result's text once it is there and focused."""
    visit.tab.tab_until("el.dataset.quizAction === 'result'")
    visit.tab.press("Enter")
    text = visit.tab.wait_for(
        f"return document.querySelector('{quiz} [data-quiz-result]').textContent.trim();", f"the result of {quiz}"
    )
    assert visit.tab.focused("el.matches('[data-quiz-result]')"), "the result did not take the focus"
    return " ".join(text.split())


@key_path("scale quiz by keyboard")
def scale_quiz(visit: Visit) -> None:
    quiz = open_quiz(visit, "scale")
    groups = quiz_facts(
        visit,
        quiz,
        "return [...quiz.querySelectorAll('fieldset')].map(f => [...f.querySelectorAll('input')].map(i => +i.value));",
    )
    visit.tab.focus(f"{quiz} fieldset input")
    for index in range(len(groups)):
        if index:
            visit.tab.tab_until(f"el.name && el.name.endsWith('-{index + 1}')")
        visit.tab.press("Space")
    expected = visit.words["quiz"]["your_score"].format(
        score=sum(group[0] for group in groups), max=sum(max(group) for group in groups)
    )
    assert expected in result_by_keyboard(visit, quiz)


@key_path("checklist quiz by keyboard")
def checklist_quiz(visit: Visit) -> None:
    quiz = open_quiz(visit, "checklist")
    total = quiz_facts(visit, quiz, "return quiz.querySelectorAll('.fb-quiz__question input[type=checkbox]').length;")
    visit.tab.focus(f"{quiz} .fb-quiz__question input[type=checkbox]")
    visit.tab.press("Space")
    visit.tab.press("Tab")
    visit.tab.press("Space")
    assert visit.words["quiz"]["your_score"].format(score=2, max=total) in result_by_keyboard(visit, quiz)


@key_path("choice quiz by keyboard")
def choice_quiz(visit: Visit) -> None:
    quiz = open_quiz(visit, "choice")
    best = quiz_facts(
        visit,
        quiz,
        "return [...quiz.querySelectorAll('[data-quiz-question]')]"
        ".map(q => [...q.querySelectorAll('input[type=radio]')].findIndex(i => i.hasAttribute('data-quiz-best')));",
    )
    visit.tab.focus(f"{quiz} input[type=radio]")
    for index, position in enumerate(best):
        if index:
            visit.tab.tab_until(f"el.name && el.name.endsWith('-{index + 1}')")
        for _ in range(position):
            visit.tab.press("ArrowDown")
        if position == 0:
            visit.tab.press("Space")
        chosen = quiz_facts(visit, quiz, f"return quiz.querySelector('input[name$=\"-{index + 1}\"]:checked')?.value;")
        assert chosen == str(position), f"situation {index + 1}: the arrow keys chose {chosen}, not {position}"
    summary = visit.words["quiz"]["choice_summary"].format(best=len(best), total=len(best))
    assert summary in result_by_keyboard(visit, quiz)


@key_path("prompt quiz by keyboard")
def prompt_quiz(visit: Visit) -> None:
    quiz = open_quiz(visit, "prompt")
    boxes = quiz_facts(visit, quiz, "return quiz.querySelectorAll('textarea').length;")
    visit.tab.focus(f"{quiz} textarea")
    for index in range(boxes):
        if index:
            visit.tab.tab_until("el.tagName === 'TEXTAREA'")
        visit.tab.type(f"Answer {index + 1}")
    typed = quiz_facts(visit, quiz, "return [...quiz.querySelectorAll('textarea')].map(t => t.value);")
    assert typed == [f"Answer {index + 1}" for index in range(boxes)]
    # A prompt quiz has no result: what the reader gets is their answers kept, then cleared.
    visit.tab.tab_until("el.hasAttribute('data-quiz-remember')")
    visit.tab.press("Space")
    status = f"return document.querySelector('{quiz} [data-quiz-status]').textContent;"
    visit.tab.wait_for(f"{status.removesuffix(';')} === {json.dumps(visit.words['quiz']['remember_on'])};", "kept")
    assert visit.stored() == [f"{STORE_PREFIX}{visit.language}.partner-self-care"]
    visit.tab.focus(f"{quiz} [data-quiz-action=clear]")  # it comes before "Remember": back to it, Enter
    visit.tab.press("Enter")
    visit.tab.wait_for(f"{status.removesuffix(';')} === {json.dumps(visit.words['quiz']['cleared'])};", "cleared")
    assert quiz_facts(visit, quiz, "return [...quiz.querySelectorAll('textarea')].every(t => !t.value);")
    assert visit.stored() == []


def leave_with(visit: Visit, leave: Callable[[], None]) -> None:
    """Keep an answer, leave with ``leave``: the browser must ask for the neutral page, and the site
    must have forgotten the answer when the reader comes back.

    The proxy refuses the neutral page. Chromium and Firefox then show an error page at its address;
    WebKit keeps the page it was leaving, which must be the blanked one."""
    quiz = "#quiz-weekly-self-care"
    visit.open(PAGE_BY_PATH["self-care/"])
    visit.tab.click(f"{quiz} .fb-quiz__question input[type=checkbox]")
    visit.tab.click(f"{quiz} [data-quiz-remember]")
    assert visit.stored() == [f"{STORE_PREFIX}{visit.language}.weekly-self-care"]
    neutral = visit.words["quick_exit"]["url"]
    before = len(visit.outside.seen)
    leave()
    deadline = time.monotonic() + 10
    while not visit.outside.asked_for(neutral, since=before):
        assert time.monotonic() < deadline, f"the browser never asked for {neutral}"
        time.sleep(0.05)
    if visit.tab.failed_load_keeps_page:
        title = json.dumps(visit.words["quick_exit"]["tab_title"])
        blanked = f"document.documentElement.classList.contains('fb-quick-exit-leaving') && document.title === {title}"
        visit.tab.wait_for(f"return {blanked};", "the blanked page")
    else:
        while visit.tab.url().startswith(visit.base_url):  # the error page has not come yet
            assert time.monotonic() < deadline, "the tab stayed on the site"
            time.sleep(0.05)
    visit.open(PAGE_BY_PATH["self-care/"])
    assert visit.stored() == [], "answers kept after the quick exit"
    assert quiz_facts(visit, quiz, "return quiz.querySelectorAll('input:checked').length;") == 0


@key_path("quick exit button")
def quick_exit_button(visit: Visit) -> None:
    leave_with(visit, lambda: visit.tab.click("a.fb-quick-exit__button"))


@key_path("quick exit, Shift three times")
def quick_exit_shift(visit: Visit) -> None:
    def press_shift_three_times() -> None:
        visit.tab.click("h1")
        for _ in range(3):
            visit.tab.press("Shift")

    leave_with(visit, press_shift_three_times)


@key_path("language links keep the section")
def language_link(visit: Visit) -> None:
    """Each other edition's link, in turn: so every edition is reached from every other one."""
    for other in EDITIONS:
        if other == visit.language:
            continue
        visit.open(PAGE_BY_PATH["trust/"], "feeling-safe-to-ask")
        visit.tab.click(f"a[data-fb-language-link][hreflang='{other}']")
        there = visit.url("trust/#feeling-safe-to-ask", other)
        visit.tab.wait_for(f"return location.href === {json.dumps(there)};", f"the address {there}")
        visit.tab.wait_for(f"return document.documentElement.lang === '{other}';", f"the {other} page")
        # Its stylesheets loaded before the next edition is opened: one cut short is a failed load.
        visit.tab.wait_for(
            "return [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet);",
            f"the {other} page's stylesheets",
        )


@key_path("search finds a word")
def search(visit: Visit) -> None:
    word, page = SEARCH[visit.language]
    visit.open(PAGE_BY_PATH[""])
    visit.tab.click(".md-search__input")
    visit.tab.type(word)
    target = json.dumps(visit.url(page))
    visit.tab.wait_for(
        f"return [...document.querySelectorAll('.md-search-result__item a')].some(a => a.href.startsWith({target}));",
        f"a search result for {word!r} that leads to {page}",
    )


def chooser_countries(language: str) -> tuple[str, str]:
    """The country the edition's chooser is tried with (its data file's last), and one it must then
    hide (the first)."""
    countries = load_helplines(f"finding_balance/helplines/lists/{language}.yml", PROJECT_ROOT)
    return countries[-1]["code"], countries[0]["code"]


@key_path("country chooser on the help page")
def country_chooser(visit: Visit) -> None:
    chosen, other = chooser_countries(visit.language)
    visit.open(PAGE_BY_PATH["help/"])
    before = len(visit.outside.seen)
    visit.tab.focus("#fb-helplines-country")
    name = visit.tab.run(f"return document.querySelector('#fb-helplines-country option[value={chosen}]').textContent;")
    visit.tab.type(name[:3])
    visit.tab.wait_for(f"return document.querySelector('#fb-helplines-country').value === '{chosen}';", name)
    shown = "return !document.querySelector('[data-fb-helplines] [data-fb-country=\"{code}\"]').hidden;"
    visit.tab.wait_for(f"return !({shown.format(code=other).removeprefix('return ').removesuffix(';')});", "hidden")
    assert visit.tab.run(shown.format(code=chosen)), f"{name}'s helplines are hidden"
    status = visit.tab.run("return document.querySelector('[data-fb-helplines-status]').textContent;")
    assert status == visit.words["words"]["helplines_showing"].replace("{country}", name)
    asked = visit.outside.seen[before:]
    assert asked == [], f"choosing a country asked another host for something: {asked}"
    assert (
        visit.tab.run(
            "return sessionStorage.length + Object.keys(localStorage).filter(k => !k.endsWith('__palette')).length;"
        )
        == 0
    )


@key_path("make a pack and open it")
def pack(visit: Visit) -> None:
    visit.open(PAGE_BY_PATH["counsellors/"])
    picks = ("trust:feeling-safe-to-ask", "trust:quiz-safe-to-ask")
    for pick in picks:
        visit.tab.focus(f'[data-fb-pack-id="{pick}"] input[data-fb-pack-box]')
        visit.tab.press("Space")
    address = visit.tab.wait_for(
        "const link = document.querySelector('[data-fb-pack-link]');"
        f" return link && link.href.endsWith('{picks[0]},{picks[1]}') && link.href;",
        "the pack's address",
    )
    assert address == visit.url("pack/") + f"#{picks[0]},{picks[1]}", address
    visit.tab.goto(address)
    visit.tab.wait_for("return !!window.findingBalancePack;", "the pack page's script")
    links = visit.tab.wait_for(
        "const items = [...document.querySelectorAll('[data-fb-pack-items] [data-fb-pack-item-link]')];"
        " return items.length === 2 && items.map(a => a.href);",
        "two items on the pack page",
    )
    assert links == [visit.url("trust/#feeling-safe-to-ask"), visit.url("trust/#quiz-safe-to-ask")], links
