"""The Spanish edition (``docs-es/``, ``mkdocs.es.yml``, ``locales/es.yml``), on the real built site.

Every page has its twin in the other language with the same section anchors and quiz ids; Spanish
pages are plain Spanish (Szigriszt-Pazos, textstat 0.7.8, a Spanish instance of its own) with every
part of a topic page; no English wording of ours or of the theme is left on a Spanish page, with or
without JavaScript; the language link keeps the reader at the same section; a Spanish quiz is taken
by keyboard and its result said in Spanish; answers kept in one edition stay out of the other; and
quick exit from a Spanish page clears both. The quality gates (axe, HTML, CSP, requests, meta,
banner, handouts and published addresses) walk every page of both editions.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BuiltSite
from playwright.sync_api import Page, expect
from support.site_pages import TOPIC_PAGES
from support.sitebuild import PROJECT_ROOT
from textstat.textstat import textstatistics

from finding_balance.gates.pages import prose as article_prose
from finding_balance.settings import locale_defaults

DOCS_ES = PROJECT_ROOT / "docs-es"
MIN_SZIGRISZT_PAZOS = 70.0
MAX_WORDS_PER_SENTENCE = 20.0
SAFETY_NOTE_PAGES = ("unhealthy-distance.md", "trust.md")
STORE_PREFIX = "finding-balance.quiz."
#: The theme's own English words, which theme.language: es must have replaced.
THEME_ENGLISH = ("Skip to content", "Back to top", "Type to start searching", "Initializing search", "Previous", "Next")


def spanish() -> textstatistics:
    """A textstat instance set to Spanish, apart from the English one the English tests use."""
    statistics = textstatistics()
    statistics.set_lang("es")
    return statistics


def built(site: BuiltSite, prefix: str, page: str) -> BeautifulSoup:
    stem = page.removesuffix(".md")
    return site.soup(f"{prefix}{'index.html' if stem == 'index' else f'{stem}/index.html'}")


def prose(soup: BeautifulSoup) -> str:
    """What a reader reads on a Spanish page, as the package's readability gate reads it, without
    the link to the English edition."""
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    for element in article.select(".fb-language"):
        element.decompose()
    return article_prose(article)


def pages() -> list[str]:
    return sorted(path.relative_to(DOCS_ES).as_posix() for path in DOCS_ES.rglob("*.md"))


def anchors(soup: BeautifulSoup) -> tuple[list[str], list[str]]:
    """Section anchors (outside quizzes) and quiz ids of a built page, in order."""
    article = soup.select_one("article.md-content__inner")
    sections = [
        heading["id"]
        for heading in article.select("h2[id], h3[id], h4[id], h5[id], h6[id]")
        if not heading.find_parent("section", class_="fb-quiz")
    ]
    return sections, [quiz["id"] for quiz in article.select("section.fb-quiz")]


def test_both_editions_have_the_same_pages() -> None:
    docs = PROJECT_ROOT / "docs"
    english = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    assert pages() == english


@pytest.mark.parametrize("page", pages())
def test_each_page_has_the_same_anchors_and_quizzes_in_both_languages(built_site: BuiltSite, page: str) -> None:
    # The help page lists each edition's own countries (helplines/<language>.yml), each at #helplines-<code>.
    countries = re.compile(r"helplines-[a-z]{2}")
    spanish, english = (anchors(built(built_site, prefix, page)) for prefix in ("es/", ""))
    sections = [[a for a in found[0] if not countries.fullmatch(a)] for found in (spanish, english)]
    assert sections[0] == sections[1]
    assert spanish[1] == english[1]


@pytest.fixture(scope="module")
def scores(built_site: BuiltSite) -> dict[str, tuple[float, float]]:
    statistics = spanish()
    results = {}
    for page in pages():
        text = prose(built(built_site, "es/", page))
        results[page] = (statistics.szigriszt_pazos(text), statistics.words_per_sentence(text))
    return results


def test_spanish_pages_are_plain_spanish(scores: dict[str, tuple[float, float]]) -> None:
    table = "\n".join(f"{page:<24} {score:>6.1f} {words:>15.1f}" for page, (score, words) in scores.items())
    print(f"\nPlain Spanish (Szigriszt-Pazos >= {MIN_SZIGRISZT_PAZOS}, words/sentence <= {MAX_WORDS_PER_SENTENCE})")
    print(f"{'page':<24} {'score':>6} {'words/sentence':>15}\n{table}")
    too_hard = {
        page: (score, words)
        for page, (score, words) in scores.items()
        if score < MIN_SZIGRISZT_PAZOS or words > MAX_WORDS_PER_SENTENCE
    }
    assert too_hard == {}, f"Use shorter sentences and words:\n{table}"


@pytest.mark.parametrize("page", TOPIC_PAGES)
def test_spanish_topic_page_has_every_part(built_site: BuiltSite, page: str) -> None:
    content = built(built_site, "es/", page).select_one("article.md-content__inner")
    titles = [title.get_text(strip=True) for title in content.select(".admonition .admonition-title")]
    summaries = [summary.get_text(strip=True) for summary in content.select("details > summary")]
    in_short = content.select_one("h2#in-short")
    # The heading sits in its "Copy link" row; the list follows the row.
    row = in_short.find_parent(class_="fb-linkable") if in_short else None
    bullets = (row or in_short).find_next_sibling("ul") if in_short else None
    reviewed = content.select_one(".fb-reviewed")
    assert content.select(".fb-summary") and content.select(".fb-quiz")
    assert any(title.startswith("Prueba esto") for title in titles)
    assert "Para profesionales" in summaries
    assert bullets is not None and 3 <= len(bullets.find_all("li", recursive=False)) <= 5
    assert reviewed is not None and reviewed.get_text().startswith("Última revisión:")
    assert re.search(r"\d+ de [a-z]+ de \d{4}", reviewed.get_text())


@pytest.mark.parametrize("page", SAFETY_NOTE_PAGES)
def test_spanish_safety_notes_point_to_help(built_site: BuiltSite, page: str) -> None:
    warnings = built(built_site, "es/", page).select(".admonition.warning a[href]")
    assert any(link["href"].rstrip("/").endswith("help") for link in warnings)


def english_wording() -> list[str]:
    """Every English string of ours that Spanish pages must not show: the parts (between
    placeholders) of each value of locales/en.yml that differs in es.yml, two words or longer."""
    english, spanish_words = locale_defaults("en"), locale_defaults("es")
    found = set()
    for group, values in english.items():
        for key, value in values.items():
            if key in ("url",) or spanish_words[group][key] == value:
                continue
            found.update(part.strip(" .:") for part in re.split(r"\{[a-z]+\}", value) if len(part.split()) >= 2)
    config = yaml.safe_load(
        re.sub(r"!ENV \[[^\]]*\]|!!python/name:\S+", "x", (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    found.add(" ".join(config["extra"]["disclaimer"]["text"].split())[:60])
    found.update(THEME_ENGLISH)
    return sorted(found)


def test_the_english_wording_list_is_not_empty() -> None:
    words = english_wording()
    assert "See my result" in words and "Leave this site" in words and len(words) > 30


def english_left(html: str) -> list[str]:
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    attributes = " ".join(re.findall(r'(?:aria-label|title|alt|placeholder|data-[a-z-]+)="([^"]*)"', html))
    return [words for words in english_wording() if words in text or words in attributes]


def test_no_english_ui_wording_on_spanish_pages_without_javascript(built_site: BuiltSite) -> None:
    found = {
        path.relative_to(built_site.directory).as_posix(): left
        for path in built_site.edition_files("es")
        if (left := english_left(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_no_english_ui_wording_on_a_spanish_page_with_javascript(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}es/self-care/")
    quiz = page.locator("section.fb-quiz").first
    expect(quiz).to_have_attribute("data-quiz-ready", "")
    quiz.locator("button[data-quiz-action=result]").click()  # nothing answered: the reminder shows
    page.locator("#quiz-weekly-self-care [data-quiz-remember]").check()
    page.keyboard.press("Shift")  # the quick exit's first announcement
    assert english_left(page.content()) == []


def test_the_language_link_keeps_the_reader_at_the_same_section(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}trust/#feeling-safe-to-ask")
    link = page.locator("a[data-fb-language-link][hreflang=es]")
    expect(link).to_have_attribute("lang", "es")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{built_site.base_url}es/trust/#feeling-safe-to-ask")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    back = page.locator("a[data-fb-language-link][hreflang=en]")
    expect(back).to_have_attribute("lang", "en")
    back.click()
    page.wait_for_url(f"{built_site.base_url}trust/#feeling-safe-to-ask")


def test_the_language_link_follows_instant_navigation(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}es/")
    page.evaluate("window.fbNoReload = true")
    page.locator("nav.md-nav--primary a[href$='trust/']").first.click()
    page.wait_for_url(f"{built_site.base_url}es/trust/")
    assert page.evaluate("window.fbNoReload") is True, "the page reloaded: navigation was not instant"
    english = page.locator("a[data-fb-language-link][hreflang=en]")
    expect(english).to_have_attribute("href", f"{built_site.base_url}trust/")


def test_every_page_names_its_twins_for_search_engines(built_site: BuiltSite) -> None:
    editions = {"en": "", "es": "es/", "ar": "ar/"}
    for prefix in editions.values():
        soup = built(built_site, prefix, "trust.md")
        links = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
        assert links == {
            **{language: f"{built_site.base_url}{folder}trust/" for language, folder in editions.items()},
            "x-default": f"{built_site.base_url}trust/",
        }, prefix
        sitemap = (built_site.directory / prefix / "sitemap.xml").read_text(encoding="utf-8")
        for language, folder in editions.items():
            assert f'hreflang="{language}" href="{built_site.base_url}{folder}trust/"' in sitemap, (prefix, language)
        assert 'hreflang="x-default"' in sitemap


def test_the_language_link_is_not_printed(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}es/trust/")
    page.emulate_media(media="print")
    expect(page.locator(".fb-language")).to_be_hidden()


def test_a_spanish_quiz_by_keyboard_gives_its_result_in_spanish(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}es/trust/#quiz-safe-to-ask")
    quiz = page.locator("#quiz-safe-to-ask")
    expect(quiz).to_have_attribute("data-quiz-ready", "")
    questions = quiz.locator("fieldset").count()
    quiz.locator("input").first.focus()
    for index in range(questions):
        if index:
            for _ in range(12):
                page.keyboard.press("Tab")
                if page.evaluate(f"document.activeElement.name?.endsWith('-{index + 1}')"):
                    break
        page.keyboard.press("Space")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.quizAction === 'result'"):
            break
    page.keyboard.press("Enter")
    result = quiz.locator("[data-quiz-result]")
    expect(result).to_contain_text(locale_defaults("es")["quiz"]["your_score"].split("{")[0].strip())
    assert result.get_attribute("aria-live") == "polite"


def kept(page: Page) -> list[str]:
    return page.evaluate(f"Object.keys(localStorage).filter(key => key.startsWith('{STORE_PREFIX}'))")


def test_answers_kept_in_one_edition_stay_out_of_the_other(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}es/self-care/")
    quiz = page.locator("#quiz-weekly-self-care")
    expect(quiz).to_have_attribute("data-quiz-ready", "")
    quiz.locator("input[type=checkbox]").first.check()
    quiz.locator("[data-quiz-remember]").check()
    assert kept(page) == [f"{STORE_PREFIX}es.weekly-self-care"]
    page.goto(f"{built_site.base_url}self-care/")
    english = page.locator("#quiz-weekly-self-care")
    expect(english).to_have_attribute("data-quiz-ready", "")
    assert english.locator("input:checked").count() == 0
    expect(english.locator("[data-quiz-remember]")).not_to_be_checked()


def test_quick_exit_from_a_spanish_page_clears_both_editions(page: Page, built_site: BuiltSite) -> None:
    neutral = locale_defaults("es")["quick_exit"]["url"]
    page.route(f"{neutral}**", lambda route: route.fulfill(status=204))
    for prefix in ("", "es/"):
        page.goto(f"{built_site.base_url}{prefix}self-care/")
        quiz = page.locator("#quiz-weekly-self-care")
        expect(quiz).to_have_attribute("data-quiz-ready", "")
        quiz.locator("input[type=checkbox]").first.check()
        quiz.locator("[data-quiz-remember]").check()
    assert sorted(kept(page)) == [f"{STORE_PREFIX}en.weekly-self-care", f"{STORE_PREFIX}es.weekly-self-care"]
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_title(locale_defaults("es")["quick_exit"]["tab_title"])
    assert kept(page) == []


def test_spanish_settings_are_the_spanish_editions(built_site: BuiltSite) -> None:
    soup = built(built_site, "es/", "trust.md")
    assert soup.html["lang"] == "es"
    assert soup.select_one("a.fb-quick-exit__button")["href"] == locale_defaults("es")["quick_exit"]["url"]
    assert soup.select_one(".fb-disclaimer")["aria-label"] == "Aviso"
    assert soup.select_one(".fb-handout__address").get_text(strip=True) == f"{built_site.base_url}es/trust/"


def test_each_edition_searches_its_own_pages_in_its_own_language(built_site: BuiltSite) -> None:
    for prefix, language in (("", "en"), ("es/", "es")):
        index = json.loads((built_site.directory / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language], prefix
        titles = {document["title"] for document in index["docs"]}
        assert ("La confianza como base" in titles) == (language == "es"), prefix
        assert ("Trust as the foundation" in titles) == (language == "en"), prefix


def test_the_spanish_counsellors_page_lists_the_spanish_pages(built_site: BuiltSite) -> None:
    counsellors = built(built_site, "es/", "counsellors.md")
    addresses = [link["href"] for link in counsellors.select(".fb-directory a[href]")]
    assert len(addresses) > 30
    assert all(address.startswith(f"{built_site.base_url}es/") for address in addresses)
    assert f"{built_site.base_url}es/trust/#quiz-safe-to-ask" in addresses
    kinds = " ".join(item.get_text(" ") for item in counsellors.select(".fb-directory__quiz"))
    assert "Cuestionario" in kinds and "Quiz" not in kinds
