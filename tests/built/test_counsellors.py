"""The "For counsellors" page lists every page, section and quiz of the site, made at build time."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import BuiltSite
from support.outline_reference import reference_outline
from support.sitebuild import PROJECT_ROOT, build_variant

from finding_balance.counsellors.directory import DirectoryEntry, directory_entry, in_order, page_address
from finding_balance.gates.addresses import addresses_in, problem_with
from finding_balance.outline import Outline, QuizOutline, Section, outline, reading_minutes
from finding_balance.quiz.model import find_quiz_blocks, parse_quiz
from finding_balance.site.page import article_bounds

DOCS = PROJECT_ROOT / "docs"


def directory(site_dir: Path) -> Tag:
    soup = BeautifulSoup((site_dir / "counsellors" / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one("article .fb-directory")
    assert found is not None, "the counsellors page has no list (.fb-directory)"
    return found


def source_anchors() -> dict[str, list[str]]:
    """Every page's section anchors ({#anchor} on its headings) and quiz anchors, from docs/."""
    found: dict[str, list[str]] = {}
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        anchors = [line.rsplit("{#", 1)[1].rstrip("} ") for line in text.splitlines() if line.startswith("## ")]
        anchors += [f"quiz-{parse_quiz(block).id}" for block in find_quiz_blocks(text)]
        found[page.name] = anchors
    return found


def page_path(page: str) -> str:
    return "/" if page == "index.md" else f"/{page.removesuffix('.md')}/"


def test_the_list_has_every_other_page_with_its_summary_and_reading_time(built_site: BuiltSite) -> None:
    listed = directory(built_site.directory)
    titles = [title.get_text(strip=True) for title in listed.select(".fb-directory__title")]
    links = [a["href"] for a in listed.select(".fb-directory__title a")]
    english = [address for address in addresses_in(built_site.directory) if not address.startswith(("/es/", "/ar/"))]
    pages = [address for address in english if "#" not in address]
    # Not the list's own page, nor the pack page (tests/browser/test_packs.py), which is no content of its own.
    expected = [built_site.base_url + path.lstrip("/") for path in pages if path not in ("/counsellors/", "/pack/")]
    assert sorted(links) == sorted(expected)
    assert titles[:2] == ["Home", "Why personal space matters"], "not in navigation order"
    trust = listed.select(".fb-directory__page")[titles.index("Trust as the foundation")]
    summary = trust.select_one(".fb-directory__summary")
    assert summary is not None
    assert summary.get_text(strip=True) == (
        "Trust is what lets time apart feel like a choice you both make, not a threat."
    )
    assert trust.select_one(".fb-directory__time").get_text(strip=True) in {
        f"About {minutes} minutes to read." for minutes in range(2, 9)
    }
    # Pages without a one-line summary show their description instead.
    about = listed.select(".fb-directory__page")[titles.index("About")]
    assert about.select_one(".fb-directory__summary").get_text(strip=True).startswith("Who Finding Balance is for")


def test_the_list_has_every_section_and_quiz_as_a_full_working_link(built_site: BuiltSite) -> None:
    listed = directory(built_site.directory)
    copyable = {item["data-fb-copy-url"] for item in listed.select("li[data-fb-copy-url]")}
    hrefs = {a["href"] for a in listed.select("li[data-fb-copy-url] a")}
    shown = {code.get_text(strip=True) for code in listed.select("li code.fb-directory__address")}
    assert copyable == hrefs == shown
    for page, anchors in source_anchors().items():
        if page in ("counsellors.md", "pack.md"):
            continue
        for anchor in anchors:
            assert f"{built_site.base_url}{page_path(page).lstrip('/')}#{anchor}" in copyable, (page, anchor)
    for address in copyable:
        assert address.startswith(built_site.base_url)
        path = "/" + address.removeprefix(built_site.base_url)
        assert problem_with(built_site.directory, path) is None, address
    quiz_items = listed.select("li.fb-directory__quiz")
    assert len(quiz_items) == sum(
        anchor.startswith("quiz-") for anchors in source_anchors().values() for anchor in anchors
    )
    assert "Quiz (rating): How safe does it feel to say what you need?" in [
        " ".join(item.get_text(" ", strip=True).split()).rsplit(" http", 1)[0] for item in quiz_items
    ]


def test_the_list_sits_under_the_last_heading_of_the_page(built_site: BuiltSite) -> None:
    soup = built_site.soup("counsellors/index.html")
    article = soup.select_one("article")
    assert article is not None
    headings = article.select("h2")
    assert headings[-1]["id"] == "every-page", "the list is added at the end: keep its heading last"
    # The heading sits in its "Copy link" row (finding_balance/anchors/copy_links.py); the list follows that row.
    row = headings[-1].find_parent(class_="fb-linkable")
    assert row is not None
    assert row.find_next_sibling(class_="fb-directory") is not None


def test_a_new_page_with_a_quiz_is_listed_with_no_hand_editing(tmp_path: Path) -> None:
    new_page = """---
description: A test page.
---

# Saying sorry

How to make up after an argument.
{ .fb-summary }

## Why it matters {#why-it-matters}

Some words here.

```quiz
id: saying-sorry
type: prompt
title: Think about the last time you said sorry
prompts:
  - What did you say?
```
"""
    result, site = build_variant(tmp_path, pages={"saying-sorry.md": new_page})
    assert result.returncode == 0, result.stderr
    listed = directory(site)
    page = listed.select(".fb-directory__page")[-1]
    assert page.select_one(".fb-directory__title").get_text(strip=True) == "Saying sorry"
    assert page.select_one(".fb-directory__summary").get_text(strip=True) == "How to make up after an argument."
    urls = [item["data-fb-copy-url"] for item in page.select("li[data-fb-copy-url]")]
    assert [urlsplit(url).path + ("#" + urlsplit(url).fragment if urlsplit(url).fragment else "") for url in urls] == [
        "/saying-sorry/",
        "/saying-sorry/#why-it-matters",
        "/saying-sorry/#quiz-saying-sorry",
    ]
    assert page.select_one(".fb-directory__quiz").get_text(" ", strip=True).startswith("Quiz (questions):")


# ---------------------------------------------------------------------------------------------------
# The pure parts

PAGE_HTML = """
<h1 id="title">Title<a class="headerlink" href="#title">&para;</a></h1>
<p class="fb-summary">A &ldquo;short&rdquo; summary.</p>
<h2 id="one">One &amp; two<a class="headerlink" href="#one" title="Permanent link">&para;</a></h2>
<p>Five words are in here.<br>And three more.</p>
<h2>No anchor</h2>
<h3 id="sub">Sub</h3>
<section class="fb-quiz" id="quiz-q" data-quiz-type="scale">
<h3 class="fb-quiz__title" id="quiz-q--title">The quiz</h3>
<p>Many quiz words are not counted at all.</p>
<input type="radio" id="inside">
</section>
<h2 id="last">Last</h2>
"""


def test_outline_reads_summary_sections_quizzes_and_words() -> None:
    found = outline(PAGE_HTML)
    assert found.summary == "A \u201cshort\u201d summary."
    assert found.sections == (Section("one", "One & two", 2), Section("sub", "Sub", 3), Section("last", "Last", 2))
    assert found.quizzes == (QuizOutline("quiz-q", "The quiz", "scale"),)
    # Title, summary, headings and the paragraph: the quiz and the permalink signs are not read.
    assert found.words == 1 + 3 + 3 + 5 + 3 + 2 + 1 + 1


def article_of(html: str) -> str:
    """The content of a built page (the theme's ``<article>``), or the whole page without one."""
    start, end = article_bounds(html)
    return html[start:end]


def test_outline_reads_every_built_page_as_an_html_parser_does(built_site: BuiltSite) -> None:
    # The outline is read with regular expressions for speed; html.parser is the reference.
    pages = built_site.every_edition_files()
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for markup in (article_of(html), html):
            assert outline(markup) == reference_outline(markup), path


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_time_is_rounded_up(words: int, minutes: int) -> None:
    assert reading_minutes(words) == minutes


def test_a_directory_entry_has_full_addresses_and_names_quiz_kinds() -> None:
    found = Outline(
        summary="",
        sections=(Section("a", "A", 2),),
        quizzes=(QuizOutline("quiz-x", "X", "choice"),),
        words=450,
    )
    entry = directory_entry("t.md", "T", "t/", "https://example.org/site/", found, "The  page's\n description.")
    assert entry.address == "https://example.org/site/t/"
    assert entry.summary == "The page's description."
    assert entry.minutes == 3
    assert [link.address for link in entry.sections] == ["https://example.org/site/t/#a"]
    assert [(link.address, link.kind) for link in entry.quizzes] == [("https://example.org/site/t/#quiz-x", "choices")]
    assert page_address("https://example.org/", "") == "https://example.org/"


def test_entries_follow_the_navigation_then_the_file_name() -> None:
    def entry(source: str) -> DirectoryEntry:
        return DirectoryEntry(source, source, "", "", 1, (), ())

    entries = {source: entry(source) for source in ("b.md", "z.md", "a.md", "index.md")}
    assert [item.source for item in in_order(entries, ["index.md", "z.md"])] == ["index.md", "z.md", "a.md", "b.md"]
