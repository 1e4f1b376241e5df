"""Parity: ProperDocs and Zensical build the same site as MkDocs, every feature intact.

Each engine builds every edition once per session through the build command (``make build
ENGINE=...``), served on localhost. Every page of each is checked against the same contract, and
its quizzes, counsellors' list and handout against MkDocs' own build; then Chromium takes a quiz,
leaves with Shift pressed three times and searches, on each engine's site, with no console error and
no CSP violation. The real differences are listed, with reasons, in ``tests/data/engine-differences.yml``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import BuiltSite
from playwright.sync_api import Browser, Route, expect
from support import TEST_DATA
from support.gates import CSP_LISTENER_JS, take_quizzes
from support.sitebuild import PROJECT_ROOT, bind_server, copy_project, serving, site_build

from finding_balance.editions import read_edition
from finding_balance.policy.csp import inline_scripts, script_hash
from finding_balance.quiz.model import find_quiz_blocks, parse_quiz

ENGINES = ("properdocs", "zensical")
DIFFERENCES = yaml.safe_load((TEST_DATA / "engine-differences.yml").read_text(encoding="utf-8"))
EDITIONS = {
    "": PROJECT_ROOT / "mkdocs.yml",
    "es/": PROJECT_ROOT / "mkdocs.es.yml",
    "ar/": PROJECT_ROOT / "mkdocs.ar.yml",
}
SEARCH_WORDS = {"": "trust", "es/": "confianza", "ar/": "الثقة"}


@pytest.fixture(scope="session", params=ENGINES)
def engine_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    engine = request.param
    site_dir = tmp_path_factory.mktemp(f"site-{engine}")
    server = bind_server(site_dir)
    host, port = server.server_address[:2]
    # A copy of the sources: its own build cache, which a build in another xdist worker cannot touch
    # (Zensical empties the project's .cache/ while it builds).
    project = copy_project(tmp_path_factory.mktemp(f"project-{engine}"))
    result = site_build(project, site_dir, site_url=f"http://{host}:{port}/", engine=engine)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"make build ENGINE={engine} failed:\n{result.stderr}", pytrace=False)
    with serving(site_dir, server) as url:
        site = BuiltSite(site_dir, url)
        site.engine = engine  # type: ignore[attr-defined]
        yield site


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def edition_of(relative: str) -> str:
    return next((prefix for prefix in EDITIONS if prefix and relative.startswith(prefix)), "")


def quiz_ids(docs_dir: Path) -> dict[str, list[str]]:
    """Every quiz id of an edition's Markdown, by page file."""
    found = {}
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        found[page.relative_to(docs_dir).as_posix()] = [parse_quiz(block).id for block in find_quiz_blocks(text)]
    return found


def normalised(quiz: Tag) -> str:
    """A quiz's markup with link targets left out (engines may spell a relative link differently)."""
    return re.sub(r'href="[^"]*"', 'href=""', str(quiz))


def page_problems(site: BuiltSite, reference: BuiltSite, path: Path) -> list[str]:
    relative = path.relative_to(site.directory).as_posix()
    edition = read_edition(EDITIONS[edition_of(relative)])
    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    banners = soup.select(".fb-disclaimer")
    text = " ".join(edition.extra["disclaimer"]["text"].split())
    if len(banners) != 1 or text not in " ".join(banners[0].get_text(" ").split()):
        problems.append("the disclaimer banner with its configured text")
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')
    if policy is None or "unsafe-inline" in policy["content"]:
        problems.append("a CSP meta without 'unsafe-inline'")
    else:
        allowed = set(policy["content"].split("script-src", 1)[1].split(";", 1)[0].split())
        if {script_hash(source) for source in inline_scripts(html)} - allowed:
            problems.append("CSP hashes of every inline script")
    button = soup.select_one("a.fb-quick-exit__button[data-fb-quick-exit]")
    if button is None or button.get("href") != edition.extra["quick_exit"]["url"] or not button.get_text(strip=True):
        problems.append("the quick-exit button with its address and label")
    scripts = [script.get("src", "") for script in soup.select("script[src]")]
    if not any(src.endswith("assets/finding-balance.min.js") for src in scripts):
        problems.append("our script bundle (quick exit, quizzes)")
    if path.name != "404.html":
        canonical = soup.select_one('link[rel="canonical"]')
        description = soup.select_one('meta[name="description"]')
        if canonical is None or description is None or not description.get("content"):
            problems.append("canonical link and meta description")
        qr = soup.select_one("img.fb-handout__qr[src^='data:image/svg+xml']")
        address = soup.select_one(".fb-handout__address")
        pack = soup.select_one("article [data-fb-pack-data]")
        if pack is not None:  # the pack page prints the pack's own address and code, made in the browser
            if soup.select(".fb-handout") or not pack.get("data-fb-pack-data"):
                problems.append("the pack page's data and no build-time handout")
        elif qr is None or address is None or canonical is None or address.get_text(strip=True) != canonical["href"]:
            problems.append("the handout with the page's address and QR code")
    twin = reference.directory / relative
    if twin.is_file():
        mine = [normalised(quiz) for quiz in soup.select("section.fb-quiz")]
        theirs = [normalised(quiz) for quiz in soup_of(twin).select("section.fb-quiz")]
        if mine != theirs:
            problems.append("the same quiz markup as MkDocs' build")
        if soup_of(twin).select("[data-fb-directory]") or soup.select("[data-fb-directory]"):
            problems.append("the counsellors' list filled in")
        mine_list = [link["href"] for link in soup.select(".fb-directory a[href]")]
        theirs_list = [link["href"] for link in soup_of(twin).select(".fb-directory a[href]")]
        if [href.split("//", 1)[-1].split("/", 1)[-1] for href in mine_list] != [
            href.split("//", 1)[-1].split("/", 1)[-1] for href in theirs_list
        ]:
            problems.append("the same counsellors' list as MkDocs' build")
        packs = [page.select_one("article [data-fb-pack-data]") for page in (soup, soup_of(twin))]
        if any(packs) and not all(packs):
            problems.append("the pack page's data")
        elif all(packs):
            mine_items, theirs_items = (json.loads(pack["data-fb-pack-data"])["items"] for pack in packs)
            if list(mine_items) != list(theirs_items) or [item["title"] for item in mine_items.values()] != [
                item["title"] for item in theirs_items.values()
            ]:
                problems.append("the same pack data as MkDocs' build")
    return problems


def test_every_page_has_every_feature(engine_site: BuiltSite, built_site: BuiltSite) -> None:
    pages = sorted(engine_site.directory.rglob("*.html"))
    assert {path.relative_to(engine_site.directory) for path in pages} >= {
        path.relative_to(built_site.directory) for path in built_site.directory.rglob("*.html")
    }, "pages MkDocs builds but this engine does not"
    missing = {
        path.relative_to(engine_site.directory).as_posix(): found
        for path in pages
        if (found := page_problems(engine_site, built_site, path))
    }
    assert missing == {}, f"{engine_site.engine}: pages without: {missing}"  # type: ignore[attr-defined]


def test_every_quiz_is_rendered_with_its_anchor(engine_site: BuiltSite) -> None:
    missing = []
    for prefix, config in EDITIONS.items():
        edition = read_edition(config)
        for page, ids in quiz_ids(edition.docs_dir).items():
            stem = page.removesuffix(".md")
            built = engine_site.directory / prefix / ("index.html" if stem == "index" else f"{stem}/index.html")
            soup = soup_of(built)
            missing += [f"{prefix}{page}#quiz-{quiz}" for quiz in ids if not soup.select_one(f"section#quiz-{quiz}")]
    assert missing == []


def test_the_search_index_is_the_engines_own(engine_site: BuiltSite) -> None:
    index = DIFFERENCES["search_index"][engine_site.engine]  # type: ignore[attr-defined]
    for prefix in EDITIONS:
        assert (engine_site.directory / prefix / index).is_file(), f"{prefix}{index}"


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_in_the_browser(engine_site: BuiltSite, edition: str, browser: Browser) -> None:
    """A quiz taken and its result announced, a search that finds a word, Shift three times leaving,
    and nothing in the console: on each engine's site, in each edition."""
    config = read_edition(EDITIONS[edition])
    neutral = config.extra["quick_exit"]["url"]
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(CSP_LISTENER_JS)
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))

        def answer(route: Route) -> None:
            route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Weather</title>")

        page.route(f"{neutral}**", answer)
        page.goto(f"{engine_site.base_url}{edition}trust/")
        taken, problems = take_quizzes(page)
        assert taken >= 1 and problems == []
        expect(page.locator("[data-quiz-result]").first).not_to_be_empty()
        page.locator("form[name=search] input, input.md-search__input").first.click()
        page.keyboard.type(SEARCH_WORDS[edition])
        page.keyboard.press("Control")  # the keyup an Arabic keyboard sends, which Playwright's typing does not
        expect(page.locator(".md-search-result__item, [role=option]").first).to_be_visible(timeout=8000)
        page.goto(f"{engine_site.base_url}{edition}self-care/")
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(f"{neutral}**")
    finally:
        context.close()
    assert errors == []


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_pack_page_and_the_pack_panel_work(engine_site: BuiltSite, edition: str, browser: Browser) -> None:
    """The pack page lists a pack and prints its QR code, and the counsellors' list gets its tick boxes,
    under every engine (Zensical runs no plugin of ours: the finishing pass fills the pack's data)."""
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(CSP_LISTENER_JS)
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{engine_site.base_url}{edition}counsellors/")
        page.locator('li[data-fb-pack-id="trust:quiz-safe-to-ask"] input[data-fb-pack-box]').check()
        address = page.locator("[data-fb-pack-link]").get_attribute("href")
        assert address == f"{engine_site.base_url}{edition}pack/#trust:quiz-safe-to-ask"
        page.goto(address)
        expect(page.locator(".fb-pack__item")).to_have_count(1)
        expect(page.locator("img.fb-pack-handout__qr")).to_have_count(1)
    finally:
        context.close()
    assert errors == []


BAD_QUIZ = """---
description: A page with a mistake.
---

# Bad

```quiz
id: broken
type: scale
title: T
items: [One]
results:
  - range: [0, 2]
    title: Low
    text: Fine.
```
"""


COLLIDING_ANCHOR = """# Colliding

## A heading that takes a quiz's anchor {#quiz-alpha}

```quiz
id: alpha
type: prompt
title: T
prompts: [A question?]
```
"""

MISTAKES = {
    "quiz": (BAD_QUIZ, "quiz 'broken': results: no result covers scores 3 to 4"),
    "anchor": (COLLIDING_ANCHOR, "quiz-alpha"),
}


@pytest.mark.parametrize("mistake", MISTAKES)
@pytest.mark.parametrize("engine", ["mkdocs", *ENGINES])
def test_a_mistake_stops_every_engine_with_one_clear_message(tmp_path: Path, engine: str, mistake: str) -> None:
    page, message = MISTAKES[mistake]
    project = copy_project(tmp_path / "project")
    (project / "docs" / "bad.md").write_text(page, encoding="utf-8")
    result = site_build(project, tmp_path / "site", site_url="https://example.org/", engine=engine)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert any("docs/bad.md:" in line and message in line for line in errors), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", *ENGINES])
def test_a_missing_translation_stops_every_engine(tmp_path: Path, engine: str) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.es.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  helplines: helplines/es.yml\n", ""))
    result = site_build(project, tmp_path / "site", site_url="https://example.org/", engine=engine)
    assert result.returncode != 0
    assert "extra.helplines is set for another language, but not for 'es'" in result.stderr
    assert "Traceback" not in result.stderr


#: A helplines file whose one number was last checked long ago: a fixture, not the real data.
STALE_HELPLINES = """countries:
  - code: ie
    name: Ireland
    lines:
      - name: Example Line
        kinds: [crisis]
        phone: "116 123"
        web: https://example.org/
        hours: Day and night
        serves: Anyone.
        source: https://example.org/contact
        source_kind: service
        checked: 2020-01-31
"""
#: The same line resting on an encyclopedia, checked today: never evidence.
ENCYCLOPEDIA_HELPLINES = STALE_HELPLINES.replace("https://example.org/contact", "https://en.wikipedia.org/wiki/X")
HELPLINE_MISTAKES = {
    "stale": (
        STALE_HELPLINES,
        "helplines/en.yml:13: 'Example Line' (Ireland): checked 2020-01-31 is more than 12 months ago",
    ),
    "encyclopedia": (
        ENCYCLOPEDIA_HELPLINES,
        "helplines/en.yml:11: 'Example Line' (Ireland): source en.wikipedia.org is an encyclopedia",
    ),
}


@pytest.mark.parametrize("mistake", list(HELPLINE_MISTAKES))
@pytest.mark.parametrize("engine", ["mkdocs", *ENGINES])
def test_a_helpline_mistake_stops_every_engine(tmp_path: Path, engine: str, mistake: str) -> None:
    data, expected = HELPLINE_MISTAKES[mistake]
    project = copy_project(tmp_path / "project")
    (project / "helplines" / "en.yml").write_text(data, encoding="utf-8")
    result = site_build(project, tmp_path / "site", site_url="https://example.org/", engine=engine)
    assert result.returncode != 0
    assert expected in result.stderr
    assert sum(line.startswith("ERROR") for line in result.stderr.splitlines()) >= 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", *ENGINES])
def test_every_engine_reports_the_gaps_it_filled_without_failing(tmp_path: Path, engine: str) -> None:
    """A country with no line of a kind: the page shows the fallback sentence, and the build says so in
    an INFO line that does not fail ``--strict``."""
    project = copy_project(tmp_path / "project")
    fresh = STALE_HELPLINES.replace("2020-01-31", date.today().isoformat())
    (project / "helplines" / "en.yml").write_text(fresh, encoding="utf-8")
    result = site_build(project, tmp_path / "site", site_url="https://example.org/", engine=engine)
    assert result.returncode == 0, result.stderr
    note = (
        "helplines/en.yml:2: Ireland (ie): no line for emergency, abuse, men, lgbtq, young, behaviour; the help "
        "page shows that section's fallback sentence instead"
    )
    assert sum(note in line and line.startswith("INFO") for line in result.stderr.splitlines()) == 1, result.stderr
