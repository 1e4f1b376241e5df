"""Counsellor packs (issue 20): picking on the counsellors' list, the pack page, and printing it.

Pure parts first (pack ids, summaries, the data block), then the built site (the list's pack ids and
kinds, the pack page's data in both editions, what each page links), then Chromium: a section and a
quiz ticked by keyboard make an address whose page lists exactly those two in English and in Spanish,
no request carries the picks and nothing is stored; tampered fragments show one calm line and run
nothing; the pack survives instant navigation; the printed pack (PDF text, read with pypdf) has every
item's address, and its QR code, read with zxing-cpp, is the pack's address; the filters; axe and a
Tab walk on the new states. The PDFs and a screenshot go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from conftest import BuiltSite, PageLog
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader
from support.gates import CSP_LISTENER_JS, keyboard_walk
from support.sitebuild import PROJECT_ROOT

from finding_balance.anchors.redirects import AnchorRedirect
from finding_balance.counsellors.directory import DirectoryEntry, Link
from finding_balance.counsellors.packs import data_element, first_sentence, pack_data, pack_id, page_items
from finding_balance.gates.browser import axe_violations
from finding_balance.site.bundle import PAGE_BUNDLES, VENDORED, page_bundle

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
SECTION = "trust:feeling-safe-to-ask"
QUIZ = "trust:quiz-safe-to-ask"
NOTE = "Read these before Tuesday <b>please</b> & take your time"

# --- Pure parts ---------------------------------------------------------------------------------------


def test_pack_ids_are_the_file_and_the_anchor() -> None:
    assert pack_id("trust.md") == "trust"
    assert pack_id("trust.md", "quiz-safe-to-ask") == "trust:quiz-safe-to-ask"
    assert pack_id("guides/index.md", "a") == "guides/index:a"


def test_first_sentence_is_short_and_cut_at_a_word() -> None:
    assert first_sentence("One. Two.") == "One."
    long = "word " * 60
    cut = first_sentence(long, limit=30)
    assert cut.endswith("…") and len(cut) <= 31 and " " not in cut[-2:]


CONTENT = """
<h1 id="t">T</h1><p class="fb-summary">The page.</p>
<div class="fb-linkable"><h2 id="a">A</h2></div><p>First sentence of A. Second.</p>
<h3 id="a-sub">Sub</h3><p>Under A too.</p>
<div class="fb-linkable"><h2 id="b">B</h2></div>
<p>Before the quiz.</p>
<section class="fb-quiz fb-quiz--scale" id="quiz-q" data-quiz-type="scale">
<div class="fb-linkable"><h3 class="fb-quiz__title" id="quiz-q--title">Q</h3></div>
<div class="fb-quiz__intro"><p>Think about it. Really.</p></div>
<section class="inner"><p>Nested.</p></section>
</section>
<h2 id="c">C</h2><p>Last.</p>
"""


def entry() -> DirectoryEntry:
    sections = tuple(
        Link(title, f"https://e.org/t/#{anchor}", "", pack_id("t.md", anchor), anchor)
        for title, anchor in (("A", "a"), ("Sub", "a-sub"), ("B", "b"), ("C", "c"))
    )
    quiz = (Link("Q", "https://e.org/t/#quiz-q", "rating", pack_id("t.md", "quiz-q"), "quiz-q"),)
    return DirectoryEntry("t.md", "T", "https://e.org/t/", "The page.", 2, sections, quiz)


def test_each_item_has_its_kind_summary_and_time() -> None:
    items = page_items(entry(), CONTENT)
    assert list(items) == ["t", "t:a", "t:a-sub", "t:b", "t:c", "t:quiz-q"]
    assert (items["t"].kind, items["t"].summary, items["t"].minutes) == ("page", "The page.", 2)
    assert items["t:a"].summary == "First sentence of A."
    assert items["t:a"].page == "T" and items["t:a"].kind == "section"
    # A section runs to the next heading of its level: B holds the quiz, whose words are not read.
    assert items["t:b"].summary == "Before the quiz."
    assert items["t:c"].summary == "Last."
    quiz = items["t:quiz-q"]
    assert (quiz.kind, quiz.quiz, quiz.summary) == ("quiz", "rating", "Think about it.")


def test_old_anchors_lead_to_their_new_item_and_markup_cannot_end_the_block() -> None:
    items = page_items(entry(), CONTENT)
    data = pack_data(items, [AnchorRedirect("t.md", "old", "t.md", "a"), AnchorRedirect("t.md", "gone", "x.md", "")])
    assert data["aliases"] == {"t:old": "t:a"}
    items["t"] = items["t"].__class__("page", '"><script>alert(1)</script>', "<!-- & -->", 1, "https://e.org/")
    element = BeautifulSoup(data_element(pack_data(items)), "html.parser").div
    assert element is not None and element.has_attr("hidden") and not element.contents
    assert json.loads(element["data-fb-pack-data"])["items"]["t"]["title"] == '"><script>alert(1)</script>'


# --- The built site -----------------------------------------------------------------------------------


def pack_data_of(site: BuiltSite, prefix: str) -> dict[str, dict]:
    holder = site.soup(f"{prefix}pack/index.html").select_one("article [data-fb-pack-data]")
    assert holder is not None
    return json.loads(holder["data-fb-pack-data"])


def listed_ids(site: BuiltSite, prefix: str) -> list[str]:
    items = site.soup(f"{prefix}counsellors/index.html").select("li[data-fb-pack-id]")
    return [item["data-fb-pack-id"] for item in items]


#: The help page lists each edition's own countries (helplines/<language>.yml): those items differ.
EDITION_COUNTRIES = re.compile(r"help:helplines-[a-z]{2}")


def same_in_both(ids: list[str]) -> list[str]:
    """The pack ids that both editions share: every item but the help page's countries."""
    return [pack_id for pack_id in ids if not EDITION_COUNTRIES.fullmatch(pack_id)]


def test_every_item_of_the_list_has_a_pack_id_and_a_kind_the_same_in_both_editions(built_site: BuiltSite) -> None:
    soup = built_site.soup("counsellors/index.html")
    items = soup.select(".fb-directory li[data-fb-copy-url]")
    assert items and all(item.get("data-fb-pack-id") and item.get("data-fb-kind") for item in items)
    kinds = {item["data-fb-kind"] for item in items}
    assert kinds == {"page", "section", "quiz"}
    assert SECTION in listed_ids(built_site, "") and QUIZ in listed_ids(built_site, "")
    for other in ("es/", "ar/"):
        assert same_in_both(listed_ids(built_site, "")) == same_in_both(listed_ids(built_site, other)), other
    # The pack page is not content: it is neither listed nor an item.
    assert not [pack for pack in listed_ids(built_site, "") if pack.startswith("pack")]


def test_without_javascript_the_list_is_as_it_was(built_site: BuiltSite) -> None:
    soup = built_site.soup("counsellors/index.html")
    for hidden in ("[data-fb-filters]", "[data-fb-pack-picker]"):
        element = soup.select_one(hidden)
        assert element is not None and element.has_attr("hidden"), hidden
    panel = soup.select_one("[data-fb-pack-picker]")
    assert panel["data-base"] == f"{built_site.base_url}pack/"
    assert built_site.soup("es/counsellors/index.html").select_one("[data-fb-pack-picker]")["data-base"] == (
        f"{built_site.base_url}es/pack/"
    )
    assert panel.select_one("textarea")["maxlength"] == "200"
    # No heading of ours gains an id: the published addresses stay the page's own.
    assert not soup.select(".fb-directory h3[id], .fb-pack-picker [id^='every']")


def test_the_pack_page_has_the_data_of_every_listed_item_in_its_language(built_site: BuiltSite) -> None:
    english, spanish = pack_data_of(built_site, ""), pack_data_of(built_site, "es/")
    assert set(english["items"]) == set(listed_ids(built_site, ""))
    assert set(spanish["items"]) == set(listed_ids(built_site, "es/"))
    assert set(same_in_both(list(english["items"]))) == set(same_in_both(list(spanish["items"])))
    arabic = pack_data_of(built_site, "ar/")
    assert set(arabic["items"]) == set(listed_ids(built_site, "ar/"))
    assert set(same_in_both(list(english["items"]))) == set(same_in_both(list(arabic["items"])))
    assert arabic["items"][SECTION]["address"] == f"{built_site.base_url}ar/trust/#feeling-safe-to-ask"
    section, quiz = english["items"][SECTION], english["items"][QUIZ]
    assert (section["kind"], section["title"]) == ("section", "Feeling safe to ask")
    assert section["address"] == f"{built_site.base_url}trust/#feeling-safe-to-ask"
    assert (quiz["kind"], quiz["quiz"]) == ("quiz", "rating")
    assert spanish["items"][SECTION]["address"] == f"{built_site.base_url}es/trust/#feeling-safe-to-ask"
    assert spanish["items"][SECTION]["title"] != section["title"]
    for item in english["items"].values():
        assert item["title"] and item["summary"] and item["minutes"] >= 1, item


def test_the_pack_page_is_noindex_with_the_parts_of_every_page(built_site: BuiltSite) -> None:
    for prefix in ("", "es/", "ar/"):
        soup = built_site.soup(f"{prefix}pack/index.html")
        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
        assert soup.select_one(".fb-disclaimer") and soup.select_one("a.fb-quick-exit__button")
        assert soup.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert soup.select_one('nav a[href$="help/"]'), "the help link"
        # Its handout is made in the browser for the pack's own address, not at build time for /pack/.
        assert not soup.select(".fb-handout")
    sitemap = (built_site.directory / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{built_site.base_url}pack/</loc>" in sitemap, "instant navigation needs it in the sitemap"


def linked(site: BuiltSite, path: str) -> set[str]:
    soup = site.soup(path)
    found = {link["href"] for link in soup.select("link[rel=stylesheet]")}
    found |= {script["src"] for script in soup.select("script[src]")}
    return {Path(address).name for address in found}


def test_page_bundles_load_only_where_they_are_needed(built_site: BuiltSite) -> None:
    bundles = {name: {Path(page_bundle(name, kind)).name for kind in ("css", "js")} for name in PAGE_BUNDLES}
    expected = {
        "index.html": set(),
        "about/index.html": set(),
        "help/index.html": bundles["helplines"],
        "es/help/index.html": bundles["helplines"],
        "trust/index.html": bundles["print"],
        "es/self-care/index.html": bundles["print"],
        "counsellors/index.html": bundles["counsellors"],
        "es/counsellors/index.html": bundles["counsellors"],
        "pack/index.html": bundles["pack"],
    }
    every = set().union(*bundles.values())
    for path, wanted in expected.items():
        assert linked(built_site, path) & every == wanted, path
        assert {"finding-balance.min.css", "finding-balance.min.js"} <= linked(built_site, path), path
    for name in VENDORED:
        assert (built_site.directory / "assets" / name).is_file()
    assert "lean-qr" not in (built_site.directory / "index.html").read_text(encoding="utf-8")


def test_the_vendored_encoder_is_the_pinned_npm_package_with_its_licence() -> None:
    package = json.loads((PROJECT_ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((PROJECT_ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = package["devDependencies"]["lean-qr"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "pin an exact version"
    assert lock["packages"]["node_modules/lean-qr"]["version"] == version
    installed = PROJECT_ROOT / "node_modules" / "lean-qr"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == version
    vendored = PROJECT_ROOT / "finding_balance" / "theme" / "assets" / "vendor" / "lean-qr"
    assert (vendored / "lean-qr.js").read_bytes() == (installed / "index.mjs").read_bytes()
    assert (vendored / "LICENSE.txt").read_bytes() == (installed / "LICENSE").read_bytes()
    assert "MIT License" in (vendored / "LICENSE.txt").read_text(encoding="utf-8")


# --- In Chromium --------------------------------------------------------------------------------------

# Before any page script: every write to storage and every cookie set, kept where the test can read it.
STORAGE_SPY_JS = """
window.__fbWrites = [];
for (const name of ['setItem', 'removeItem', 'clear']) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (...args) {
    window.__fbWrites.push([this === window.sessionStorage ? 'session' : 'local', name, ...args.map(String)]);
    return original.apply(this, args);
  };
}
const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
Object.defineProperty(Document.prototype, 'cookie', {
  get() { return cookie.get.call(this); },
  set(value) { window.__fbWrites.push(['cookie', String(value)]); cookie.set.call(this, value); },
});
"""


def tab_to(page: Page, selector: str, limit: int = 300, back: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element ``selector`` has focus, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def box(pack: str) -> str:
    return f'li[data-fb-pack-id="{pack}"] input[data-fb-pack-box]'


def pick_by_keyboard(page: Page, base_url: str, prefix: str = "") -> str:
    """On the counsellors' page, by keyboard alone: show only the trust page's addresses with the page
    filter (typing its name into the drop-down list), tick the section and the quiz, write a note;
    return the pack's address the panel shows."""
    page.goto(f"{base_url}{prefix}counsellors/")
    expect(page.locator("[data-fb-pack-picker]")).to_be_visible()
    tab_to(page, '[data-fb-filter="topic"]')
    page.keyboard.type(pack_data_of_page(page)["trust"])
    expect(page.locator('[data-fb-filter="topic"]')).to_have_value("trust")
    tab_to(page, box(SECTION), limit=40)
    page.keyboard.press("Space")
    expect(page.locator("[data-fb-pack-count]")).to_have_text(re.compile("1"))
    tab_to(page, box(QUIZ), limit=40)
    page.keyboard.press("Space")
    expect(page.locator("[data-fb-pack-count]")).to_have_text(re.compile("2"))
    tab_to(page, "[data-fb-pack-note]", limit=80, back=True)
    page.keyboard.type(NOTE)
    return pack_address(page)


def pack_data_of_page(page: Page) -> dict[str, str]:
    """Each page's title on the counsellors' page in the browser, by its pack id."""
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('.fb-directory__page')]"
        ".map(p => [p.dataset.fbTopic, p.querySelector('h3').textContent.trim()]))"
    )


def pack_address(page: Page) -> str:
    link = page.locator("[data-fb-pack-link]")
    address = link.get_attribute("href") or ""
    expect(link).to_have_text(address)
    return address


def pick(page: Page, base_url: str) -> str:
    """The same pack as ``pick_by_keyboard``, ticked the quick way, for tests about what comes after."""
    page.goto(f"{base_url}counsellors/")
    page.locator(box(SECTION)).check()
    page.locator(box(QUIZ)).check()
    page.locator("[data-fb-pack-note]").fill(NOTE)
    return pack_address(page)


def item_titles(page: Page) -> list[str]:
    return page.locator(".fb-pack__item .fb-pack__title").all_inner_texts()


def test_a_section_and_a_quiz_ticked_by_keyboard_make_a_pack_in_both_languages(
    page: Page, page_log: PageLog, built_site: BuiltSite
) -> None:
    page.add_init_script(STORAGE_SPY_JS)
    page.add_init_script(CSP_LISTENER_JS)
    base = built_site.base_url
    address = pick_by_keyboard(page, base)
    assert address.startswith(f"{base}pack/#") and "?" not in address
    fragment = address.split("#", 1)[1]
    assert fragment.startswith(f"{SECTION},{QUIZ};note=")
    expect(page.locator("[data-fb-pack-count]")).to_have_attribute("aria-live", "polite")
    expect(page.locator("[data-fb-pack-count]")).to_have_text("2 items are ticked.")
    writes = page.evaluate("window.__fbWrites")
    stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")

    english = pick_titles(page, address)
    data = pack_data_of(built_site, "")
    assert english == [data["items"][SECTION]["title"], data["items"][QUIZ]["title"]]
    expect(page.locator("[data-fb-pack-note-text]")).to_have_text(NOTE)
    expect(page.locator(".fb-pack__item").nth(1).locator(".fb-pack__kind")).to_contain_text("Quiz (rating)")
    expect(page.locator(".fb-pack__item").first.locator(".fb-pack__time")).to_have_text(re.compile(r"\d+ minute"))
    spanish_address = address.replace(f"{base}pack/", f"{base}es/pack/")
    spanish = pick_titles(page, spanish_address)
    spanish_data = pack_data_of(built_site, "es/")
    assert spanish == [spanish_data["items"][SECTION]["title"], spanish_data["items"][QUIZ]["title"]]
    links = page.locator(".fb-pack__item a").evaluate_all("links => links.map(link => link.href)")
    assert links == [f"{base}es/trust/#feeling-safe-to-ask", f"{base}es/trust/#quiz-safe-to-ask"]
    arabic = pick_titles(page, address.replace(f"{base}pack/", f"{base}ar/pack/"))
    arabic_data = pack_data_of(built_site, "ar/")
    assert arabic == [arabic_data["items"][SECTION]["title"], arabic_data["items"][QUIZ]["title"]]
    shown = page.locator(".fb-pack__address bdi").evaluate_all("parts => parts.map(part => part.textContent)")
    assert shown == [f"{base}ar/trust/#feeling-safe-to-ask", f"{base}ar/trust/#quiz-safe-to-ask"]

    # Nothing of the pack reached a server or the browser's storage.
    words = ("feeling-safe-to-ask", "quiz-safe-to-ask", "Tuesday", "note=")
    assert [url for url in page_log.requests if any(word in url for word in words)] == []
    assert page_log.foreign_requests(base) == []
    assert [write for write in writes if any(word in " ".join(write) for word in words)] == []
    assert [write for write in writes if write[0] == "cookie"] == []
    assert not any(word in stored for word in words)
    later = page.evaluate("JSON.stringify([window.__fbWrites, document.cookie])")
    assert not any(word in later for word in words)
    assert page_log.console_errors == []


def pick_titles(page: Page, address: str) -> list[str]:
    page.goto(address)
    expect(page.locator("[data-fb-pack][data-fb-pack-ready]")).to_be_attached()
    return item_titles(page)


def test_nothing_is_kept_between_visits(page: Page, built_site: BuiltSite) -> None:
    pick(page, built_site.base_url)
    # A new visit, in another tab of the same browser, and the same tab loaded again: nothing ticked.
    # (Back and forward may show the page as it was left, from the browser's memory: nothing is stored.)
    other = page.context.new_page()
    for visit in (other, page):
        visit.goto(f"{built_site.base_url}counsellors/") if visit is other else visit.reload()
        expect(visit.locator("[data-fb-pack-picker]")).to_be_visible()
        expect(visit.locator("input[data-fb-pack-box]")).not_to_have_count(0)
        expect(visit.locator("input[data-fb-pack-box]:checked")).to_have_count(0)
        expect(visit.locator("[data-fb-pack-note]")).to_have_value("")
        expect(visit.locator("[data-fb-pack-link]")).to_have_attribute("href", f"{built_site.base_url}pack/")


def test_each_tick_box_is_named_after_its_item_and_page(page: Page, built_site: BuiltSite) -> None:
    items = pack_data_of(built_site, "es/")["items"]
    trust, section = items["trust"]["title"], items[SECTION]["title"]
    page.goto(f"{built_site.base_url}es/counsellors/")
    expect(page.locator(box(SECTION))).to_have_accessible_name(f"Añadir a la selección: {section} ({trust})")
    expect(page.locator(box("trust"))).to_have_accessible_name(f"Añadir a la selección: {trust} (La página completa)")
    names = page.locator("input[data-fb-pack-box]").evaluate_all("boxes => boxes.map(box => box.labels[0].textContent)")
    assert len(names) == len(set(names)), "two tick boxes with the same name"


TAMPERED = {
    "markup": "<img src=x onerror=window.__pwned=1>,%3Cscript%3Ewindow.__pwned=1%3C/script%3E",
    "unknown ids": "nothing-here,trust:no-such-anchor,quiz-safe-to-ask",
    "path tricks": "..%2F..%2Fetc%2Fpasswd,trust:..%2F..%2Fhelp,javascript:window.__pwned=1,%2F%2Fevil.example",
    "object keys": "__proto__,constructor,toString,hasOwnProperty",
    "broken escapes": "%E0%A4%A,trust:%zz,,,",
}


@pytest.mark.parametrize("case", TAMPERED)
def test_a_tampered_fragment_shows_a_calm_line_and_runs_nothing(
    page: Page, page_log: PageLog, built_site: BuiltSite, case: str
) -> None:
    page.add_init_script(CSP_LISTENER_JS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    note = "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"
    page.goto(f"{built_site.base_url}pack/#{TAMPERED[case]},{SECTION};note={note}")
    expect(page.locator("[data-fb-pack][data-fb-pack-ready]")).to_be_attached()
    assert item_titles(page) == ["Feeling safe to ask"], "only the real item"
    status = page.locator("[data-fb-pack-status]")
    expect(status).to_be_visible()
    expect(status).to_have_text(re.compile(r"could not be found\. .*The other items are here\."))
    expect(page.locator("[data-fb-pack-note-text]")).to_have_text("<img src=x onerror=window.__pwned=1>")
    injected = ".fb-pack img:not(.fb-pack-handout__qr), .fb-pack script, .fb-pack iframe"
    assert page.locator(injected).count() == 0
    hrefs = page.locator(".fb-pack a").evaluate_all("links => links.map(link => link.href)")
    assert hrefs == [f"{built_site.base_url}trust/#feeling-safe-to-ask"]
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and page_log.console_errors == []
    assert page_log.foreign_requests(built_site.base_url) == []


def test_an_empty_pack_says_so_calmly(page: Page, built_site: BuiltSite) -> None:
    for fragment in ("", "#"):
        page.goto(f"{built_site.base_url}pack/{fragment}")
        expect(page.locator("[data-fb-pack-status]")).to_have_text(re.compile("nothing in this pack"))
        expect(page.locator(".fb-pack__item")).to_have_count(0)
        expect(page.locator("[data-fb-pack-print]")).to_be_hidden()


def test_without_javascript_the_pack_page_explains_itself(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{built_site.base_url}es/pack/#{SECTION}")
        expect(page.locator("[data-fb-pack-status]")).to_contain_text("JavaScript")
        expect(page.locator("[data-fb-pack-print]")).to_be_hidden()
        page.goto(f"{built_site.base_url}counsellors/")
        expect(page.locator("[data-fb-pack-picker]")).to_be_hidden()
        expect(page.locator("[data-fb-filters]")).to_be_hidden()
        expect(page.locator("input[data-fb-pack-box]")).to_have_count(0)
        expect(page.locator(".fb-directory li[data-fb-copy-url]").first).to_be_visible()
    finally:
        context.close()


def test_the_pack_works_after_instant_navigation(page: Page, page_log: PageLog, built_site: BuiltSite) -> None:
    address = pick(page, built_site.base_url)
    page.evaluate("window.__fbSameDocument = true")
    page.locator("[data-fb-pack-link]").click()
    page.wait_for_url(address)
    expect(page.locator(".fb-pack__item")).to_have_count(2)
    # Away to a topic page by a link in the pack, and back, all without a page load.
    page.locator(".fb-pack__item a").first.click()
    page.wait_for_url(f"{built_site.base_url}trust/#feeling-safe-to-ask")
    expect(page.locator("[data-fb-print]")).to_be_visible()
    page.go_back()
    page.wait_for_url(address)
    expect(page.locator(".fb-pack__item")).to_have_count(2)
    expect(page.locator("[data-fb-pack-note-text]")).to_have_text(NOTE)
    # Another pack on the same page: only the fragment changes.
    page.evaluate(f"location.hash = '#{QUIZ}'")
    expect(page.locator(".fb-pack__item")).to_have_count(1)
    assert page.evaluate("window.__fbSameDocument") is True, "the theme fell back to full page loads"
    assert page_log.console_errors == []


def qr_texts(image: bytes) -> list[tuple[object, str]]:
    return [(code.format, code.text) for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(image)))]


def test_the_printed_pack_has_every_address_and_a_qr_code_of_the_pack(
    browser: Browser, page_log: PageLog, built_site: BuiltSite
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.on("request", page_log.on_request)
        address = pick(page, built_site.base_url)
        page.goto(address)
        handout = page.locator("[data-fb-pack-handout][data-fb-pack-qr-ready='']")
        expect(handout).to_be_attached()
        page.emulate_media(media="print")
        expect(page.locator(".fb-disclaimer")).to_be_visible()
        expect(page.locator("[data-fb-pack-print]")).to_be_hidden()
        qr = page.locator("img.fb-pack-handout__qr")
        expect(qr).to_be_visible()
        assert qr_texts(qr.screenshot()) == [(zxingcpp.BarcodeFormat.QRCode, address)]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "print-pack.png", full_page=True)
        pdf = page.pdf(print_background=True)
        (ARTIFACTS / "print-pack.pdf").write_bytes(pdf)
    finally:
        context.close()
    text = " ".join(" ".join(part.extract_text() for part in PdfReader(io.BytesIO(pdf)).pages).split())
    compact = text.replace(" ", "")  # a long address may wrap on paper
    data = pack_data_of(built_site, "")
    for item in (SECTION, QUIZ):
        assert data["items"][item]["address"] in compact, item
        assert data["items"][item]["title"] in text, item
    assert address in compact, "the pack's own address, beside its QR code"
    assert "for information and education only" in text
    assert "Tuesday" in text
    assert not [url for url in page_log.requests if not url.startswith((built_site.base_url, "data:"))]
    assert any(url.endswith("vendor/lean-qr/lean-qr.js") for url in page_log.requests)


def test_filters_show_one_kind_or_one_page(page: Page, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}counsellors/")
    filters = page.locator("[data-fb-filters]")
    expect(filters).to_be_visible()
    items = page.locator(".fb-directory li[data-fb-kind]")
    total = items.count()
    page.locator('[data-fb-filter="kind"]').select_option("quiz")
    visible = page.locator(".fb-directory li[data-fb-kind]:visible")
    quizzes = page.locator('.fb-directory li[data-fb-kind="quiz"]').count()
    expect(visible).to_have_count(quizzes)
    expect(page.locator("[data-fb-filter-status]")).to_have_text(f"Showing {quizzes} of {total} addresses.")
    page.locator('[data-fb-filter="topic"]').select_option("trust")
    expect(visible).to_have_count(1)
    expect(page.locator(".fb-directory__page:visible")).to_have_count(1)
    page.locator('[data-fb-filter="kind"]').select_option("")
    trust = page.locator('.fb-directory__page[data-fb-topic="trust"] li[data-fb-kind]').count()
    expect(visible).to_have_count(trust)
    # A ticked item hidden by a filter stays in the pack.
    page.locator('[data-fb-filter="topic"]').select_option("")
    page.locator(box("self-care")).check()
    page.locator('[data-fb-filter="topic"]').select_option("trust")
    expect(page.locator("[data-fb-pack-link]")).to_have_attribute("href", re.compile(r"#self-care$"))


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_nothing_on_a_full_pack_and_a_ticked_list(
    browser: Browser, built_site: BuiltSite, width: int
) -> None:
    found = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(f"{built_site.base_url}counsellors/")
            page.locator(box(SECTION)).check()
            page.locator('[data-fb-filter="kind"]').select_option("section")
            found += [f"counsellors [{width}, {scheme}]: {problem}" for problem in axe_violations(page)]
            page.goto(f"{built_site.base_url}es/pack/#{SECTION},{QUIZ},trust,gone;note=Hola")
            expect(page.locator(".fb-pack__item")).to_have_count(3)
            found += [f"pack [{width}, {scheme}]: {problem}" for problem in axe_violations(page)]
            if scheme == "light":  # as the gates' Tab walk (test_gates_axe.py) does
                walk = keyboard_walk(page)
                found += [f"pack [{width}]: {problem}" for problem in walk.problems + walk.obscured]
        finally:
            context.close()
    assert not found, "\n".join(found)


def test_bundles_stay_small(built_site: BuiltSite) -> None:
    """The bundle every page loads stays within 8 KB gzipped; each page bundle within 3 KB."""
    import gzip

    def gzipped(name: str) -> int:
        return len(gzip.compress((built_site.directory / name).read_bytes(), 6, mtime=0))

    assert gzipped("assets/finding-balance.min.css") + gzipped("assets/finding-balance.min.js") < 8 * 1024
    for name in PAGE_BUNDLES:
        assert gzipped(page_bundle(name, "css")) + gzipped(page_bundle(name, "js")) < 3 * 1024, name


# --- The gates on what the scripts show -----------------------------------------------------------------
# The gates walk every page as it loads: the pack page with no pack, the counsellors' page with nothing
# ticked, the Print fold-outs closed. Here the same checks run on what the scripts add.

SCRIPTED_STATES = {
    "pack": (
        f"es/pack/#{SECTION},{QUIZ},trust,self-care:quiz-weekly-self-care,gone;note=Hola, una nota larga " + "x" * 80,
        "",
    ),
    "counsellors": ("counsellors/", "list"),
    "print": ("trust/", "print"),
}


def show_state(page: Page, base_url: str, state: str) -> None:
    address, action = SCRIPTED_STATES[state]
    page.goto(base_url + address)
    if action == "list":
        page.locator(box(SECTION)).check()
        page.locator(box(QUIZ)).check()
        page.locator("[data-fb-pack-note]").fill("Una nota")
    elif action == "print":
        page.locator("[data-fb-print] > summary").click()
        expect(page.locator("[data-fb-print-mode]").first).to_be_visible()
    else:
        expect(page.locator(".fb-pack__item")).to_have_count(4)
    # Back at the top, as the gates load every page: scrolled, the theme's header shows the page's
    # title cut short, on every page alike.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function("!document.querySelector('.md-header--shadow, [data-md-state=active]')", timeout=3000)
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)))")


def test_the_wcag_checks_pass_on_what_the_scripts_show(browser: Browser, built_site: BuiltSite) -> None:
    from support.wcag import (
        FORCED_COLOURS_JS,
        FORCED_EDGES,
        FORCED_FOCUS,
        LAYOUT_JS,
        OUR_ELEMENTS,
        OUR_TARGETS,
        REDUCED_MOTION_JS,
        TARGET_SIZE_JS,
        TEXT_SPACING_CSS,
    )

    found = []
    for width in (320, 390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
        try:
            page = context.new_page()
            for state in SCRIPTED_STATES:
                where = f"{state} [{width} px]"
                show_state(page, built_site.base_url, state)
                found += [f"{where}: {problem}" for problem in page.evaluate(TARGET_SIZE_JS, OUR_TARGETS)["problems"]]
                found += [f"{where}: {problem}" for problem in page.evaluate(LAYOUT_JS)]
                if width == 320:
                    page.add_style_tag(content=TEXT_SPACING_CSS)
                    found += [f"{where}, text spacing: {problem}" for problem in page.evaluate(LAYOUT_JS)]
                page.emulate_media(reduced_motion="reduce")
                found += [f"{where}: {problem}" for problem in page.evaluate(REDUCED_MOTION_JS, OUR_ELEMENTS)]
                page.emulate_media(reduced_motion="no-preference", forced_colors="active")
                page.keyboard.press("Tab")
                forced = page.evaluate(FORCED_COLOURS_JS, [FORCED_EDGES, FORCED_FOCUS])
                found += [f"{where}, forced colours: {problem}" for problem in forced["problems"]]
                page.emulate_media(forced_colors="none")
        finally:
            context.close()
    assert not found, "\n".join(found)


def test_the_html_the_scripts_make_is_valid(
    browser: Browser, built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from support.vnu import CANARY, CANARY_NAME, load_allowlist, run_vnu

    folder = tmp_path_factory.mktemp("vnu-scripted")
    (folder / CANARY_NAME).write_text(CANARY, encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        for state in SCRIPTED_STATES:
            show_state(page, built_site.base_url, state)
            html = "<!doctype html>\n" + page.evaluate("document.documentElement.outerHTML")
            (folder / f"{state}.html").write_text(html, encoding="utf-8")
    finally:
        context.close()
    errors = run_vnu(sorted(folder.glob("*.html")), folder)
    assert [error.file for error in errors if error.file == CANARY_NAME], "the checker did not check"
    allowlist = load_allowlist()
    ours = [str(e) for e in errors if e.file != CANARY_NAME and not any(entry.matches(e) for entry in allowlist)]
    assert not ours, "\n".join(ours)


def test_wording_the_scripts_fill_in_must_keep_its_placeholders() -> None:
    from finding_balance.settings import SettingsError, validate_words

    with pytest.raises(SettingsError, match=r"extra\.words\.pack_item_quiz must contain \{kind\} and \{page\}"):
        validate_words({"pack_item_quiz": "A quiz"})
    assert validate_words({"pack_count": "{count} picked"})["pack_count"] == "{count} picked"


def test_copy_puts_the_pack_address_on_the_clipboard_and_says_so(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        address = pick(page, built_site.base_url)
        copy = page.get_by_role("button", name="Copy the pack's address")
        copy.focus()
        page.keyboard.press("Enter")
        expect(page.locator("[data-fb-pack-copied]")).to_have_text("The pack's address is copied.")
        assert page.evaluate("navigator.clipboard.readText()") == address
        page.get_by_role("button", name="Untick everything").click()
        expect(page.locator("input[data-fb-pack-box]:checked")).to_have_count(0)
        expect(copy).to_be_disabled()
        expect(page.locator("[data-fb-pack-count]")).to_have_text("Nothing is ticked yet.")
    finally:
        context.close()
