"""Content checks on the built site: plain language on every page, the parts of every topic page,
and a navigation that reaches every page.

Plain language is measured on what a reader reads: the article of each built page, without code
blocks and quizzes, with every heading, list item, table cell and admonition or details title ended
as a sentence. Run with ``-s`` to see the table of scores.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import textstat
from bs4 import BeautifulSoup, Tag
from support.site_pages import TOPIC_PAGES
from support.sitebuild import PROJECT_ROOT

from finding_balance.gates.pages import prose

DOCS_DIR = PROJECT_ROOT / "docs"
#: Pages that talk about distance and must say plainly that fear and control are not "space".
SAFETY_NOTE_PAGES = ("unhealthy-distance.md", "trust.md")

MAX_GRADE = 8.0
MAX_WORDS_PER_SENTENCE = 20.0

#: An attribute list that ends a heading line and sets its id, e.g. ``{#time-apart-strengthens}``.
EXPLICIT_ANCHOR = re.compile(r"\{[^}]*#[a-z0-9-]+[^}]*\}\s*$")


def content_pages() -> list[str]:
    """Every Markdown page in ``docs/``, as a path relative to it."""
    return sorted(path.relative_to(DOCS_DIR).as_posix() for path in DOCS_DIR.rglob("*.md"))


def built_page(site_dir: Path, page: str) -> Path:
    """The HTML file MkDocs wrote for ``page``, with or without directory URLs."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        candidates = [f"{stem}.html"]
    else:
        candidates = [f"{stem}/index.html", f"{stem}.html"]
    for candidate in candidates:
        if (site_dir / candidate).is_file():
            return site_dir / candidate
    raise AssertionError(f"{page} was not built: none of {candidates} is in the site")


def site_path(site_dir: Path, html_file: Path) -> str:
    """The address of a built page relative to the site root, as links to it resolve."""
    relative = html_file.relative_to(site_dir).as_posix()
    return relative.removesuffix("index.html")


def article(site_dir: Path, page: str) -> Tag:
    soup = BeautifulSoup(built_page(site_dir, page).read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article.md-content__inner")
    assert found is not None, f"{page}: no article.md-content__inner in the built page"
    return found


def scores(text: str) -> tuple[float, float]:
    """Flesch-Kincaid grade and average words per sentence."""
    return textstat.flesch_kincaid_grade(text), textstat.words_per_sentence(text)


@pytest.fixture(scope="session")
def page_scores(site_dir: Path) -> dict[str, tuple[float, float, int]]:
    """Grade, words per sentence and word count of every content page."""
    results = {}
    for page in content_pages():
        text = prose(article(site_dir, page))
        grade, words_per_sentence = scores(text)
        results[page] = (grade, words_per_sentence, textstat.lexicon_count(text))
    return results


def score_table(results: dict[str, tuple[float, float, int]]) -> str:
    lines = [f"{'page':<24} {'grade':>6} {'words/sentence':>15} {'words':>6}"]
    lines += [
        f"{page:<24} {grade:>6.1f} {per_sentence:>15.1f} {words:>6}"
        for page, (grade, per_sentence, words) in results.items()
    ]
    return "\n".join(lines)


def test_prose_extraction_ends_labels_and_drops_code() -> None:
    html = (
        '<article><h2 id="a">A heading<a class="headerlink" href="#a">¶</a></h2>'
        "<ul><li>One item<ul><li>Inner item</li></ul></li><li>Done.</li></ul>"
        "<p>Some text.</p><pre><code>id: not-prose</code></pre>"
        '<div class="fb-quiz"><p>Quiz words</p></div></article>'
    )
    content = BeautifulSoup(html, "html.parser").article
    assert prose(content) == "A heading. One item Inner item. Done. Some text."


def test_plain_language(page_scores: dict[str, tuple[float, float, int]]) -> None:
    table = score_table(page_scores)
    print(f"\nPlain language (limits: grade {MAX_GRADE}, words/sentence {MAX_WORDS_PER_SENTENCE})\n{table}")
    too_hard = [
        f"{page}: grade {grade:.1f}, {per_sentence:.1f} words per sentence"
        for page, (grade, per_sentence, _) in page_scores.items()
        if grade > MAX_GRADE or per_sentence > MAX_WORDS_PER_SENTENCE
    ]
    assert not too_hard, (
        f"Pages above grade {MAX_GRADE} or {MAX_WORDS_PER_SENTENCE} words per sentence: "
        f"{'; '.join(too_hard)}. Use shorter sentences and shorter words.\n{table}"
    )


def test_every_page_has_prose(page_scores: dict[str, tuple[float, float, int]]) -> None:
    empty = [page for page, (_, _, words) in page_scores.items() if words < 50]
    assert not empty, f"Pages with almost no text to score (under 50 words): {empty}"


@pytest.mark.parametrize("page", TOPIC_PAGES)
def test_topic_page_has_every_part(site_dir: Path, page: str) -> None:
    content = article(site_dir, page)
    missing = []
    if not content.select(".fb-summary"):
        missing.append("the one-line summary (.fb-summary)")
    if not content.select(".fb-quiz"):
        missing.append("a quiz (.fb-quiz)")
    titles = [title.get_text(strip=True) for title in content.select(".admonition .admonition-title")]
    if not any(title.startswith("Try this") for title in titles):
        missing.append('a "Try this" admonition')
    summaries = [summary.get_text(strip=True) for summary in content.select("details > summary")]
    if "For counsellors" not in summaries:
        missing.append('the collapsed "For counsellors" note')
    in_short = content.select_one("h2#in-short")
    # A heading sits in its "Copy link" row (finding_balance/anchors/copy_links.py); the list follows the row.
    in_short = (in_short.find_parent(class_="fb-linkable") or in_short) if in_short else None
    bullets = in_short.find_next_sibling("ul") if in_short else None
    if bullets is None or not 3 <= len(bullets.find_all("li", recursive=False)) <= 5:
        missing.append('an "In short" section (#in-short) with 3 to 5 bullets')
    reviewed = content.select_one(".fb-reviewed time[datetime]")
    if reviewed is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", reviewed["datetime"]):
        missing.append("the last-reviewed date (front matter last_reviewed: YYYY-MM-DD)")
    assert not missing, f"{page} lacks: {', '.join(missing)}"


@pytest.mark.parametrize("page", SAFETY_NOTE_PAGES)
def test_safety_note_points_to_help(site_dir: Path, page: str) -> None:
    help_address = site_path(site_dir, built_page(site_dir, "help.md"))
    page_address = site_path(site_dir, built_page(site_dir, page))
    for warning in article(site_dir, page).select(".admonition.warning"):
        links = [urljoin(f"/{page_address}", link["href"]) for link in warning.select("a[href]")]
        if f"/{help_address}" in links:
            return
    pytest.fail(f"{page} has no warning admonition that links to the help page")


def test_help_page_lists_helplines(site_dir: Path) -> None:
    content = article(site_dir, "help.md")
    assert content.select_one("h2#helplines"), "help page: no heading with id 'helplines'"
    assert content.select_one("#staying-safe-online"), "help page: no 'Staying safe online' section"


def test_every_section_heading_has_an_explicit_anchor() -> None:
    unanchored = []
    for page in content_pages():
        in_fence = False
        for number, line in enumerate((DOCS_DIR / page).read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            elif not in_fence and re.match(r"#{2,6} ", line) and not EXPLICIT_ANCHOR.search(line):
                unanchored.append(f"{page}:{number}: {line}")
    assert not unanchored, "Headings without an explicit {#anchor}:\n" + "\n".join(unanchored)


def test_navigation_reaches_every_page(site_dir: Path) -> None:
    home = BeautifulSoup(built_page(site_dir, "index.md").read_text(encoding="utf-8"), "html.parser")
    nav = home.select_one("nav.md-nav--primary")
    assert nav is not None, "home page: no nav.md-nav--primary"
    linked = {urlsplit(urljoin("/", link["href"])).path.removesuffix("index.html") for link in nav.select("a[href]")}
    # The pack page is reached from a pack's address alone (tests/browser/test_packs.py), never from the menu.
    pages = [page for page in content_pages() if page != "pack.md"]
    missing = [page for page in pages if f"/{site_path(site_dir, built_page(site_dir, page))}" not in linked]
    assert not missing, f"Pages the navigation does not link: {missing}"
