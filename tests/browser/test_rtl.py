"""Right to left: the Arabic edition (``/ar/``) laid out as a mirror of the English one, on a phone.

Material sets ``dir="rtl"`` from ``theme.language: ar``; our CSS is written in logical properties
(``inset-inline-end``, ``padding-inline-start``...), so each of our elements must sit on the side where
the reader's line starts or ends, in both directions, and stay inside the screen: the quick exit at
the end of the header band, the banner's chevron at the start of its line, a quiz's answer boxes at
the start of their labels, "Copy link" buttons at the end of their heading, the helplines chooser at
the start of the line, the language links at the end. Numbers stay left to right inside Arabic text
(``dir="ltr"``, ``<bdi>`` in the templates): a phone number on the Arabic help page is read, from the
screen, in its true order, and the check is shown to fail when the number is not isolated.
"""

from __future__ import annotations

import re

import pytest
from conftest import BuiltSite
from playwright.sync_api import Page

PHONE = (390, 844)

# Runs in the page: each of our elements' box, and which side of its reference it sits on.
_LAYOUT_JS = """
() => {
  const box = el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right, width: r.width}; };
  const shown = el => el && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  const first = selector => [...document.querySelectorAll(selector)].find(shown);
  const found = {};
  const add = (name, el) => { if (shown(el)) found[name] = box(el); };
  add('quick exit', first('.fb-quick-exit__button'));
  add('header', document.querySelector('.md-header'));
  add('banner', first('.md-banner'));
  add('banner line', first('.fb-disclaimer__short'));
  const chevron = first('.fb-disclaimer__short');
  if (chevron) {
    const after = getComputedStyle(chevron, '::after');
    const line = chevron.getBoundingClientRect();
    const left = parseFloat(after.left), width = parseFloat(after.width);
    found['banner chevron'] = {left: line.left + left, right: line.left + left + width, width};
  }
  add('language links', first('.fb-language__list > li:last-child'));
  add('content', first('article.md-content__inner'));
  const choice = first('.fb-quiz__choice');
  if (choice) {
    add('quiz answer box', choice.querySelector('input'));
    add('quiz answer label', choice.querySelector('span'));
  }
  add('quiz', first('section.fb-quiz'));
  const row = first('.fb-linkable:has(> .fb-copy-link)');
  if (row) {
    add('copy link', row.querySelector('.fb-copy-link'));
    add('copy link heading', row.querySelector('h2, h3, h4, h5, h6'));
  }
  add('helplines chooser', first('[data-fb-helplines-select]'));
  add('helplines', first('[data-fb-helplines]'));
  return {found, dir: document.body.dir, scroll: document.documentElement.scrollWidth, width: window.innerWidth};
}
"""

#: (page, element, its reference, where it must be in the reader's direction: "start" or "end").
SIDES = [
    ("trust/", "quick exit", "header", "end"),
    ("trust/", "banner chevron", "banner line", "start"),
    ("trust/", "language links", "content", "end"),
    ("trust/", "quiz answer box", "quiz answer label", "before"),
    ("trust/", "copy link", "copy link heading", "after"),
    ("help/", "helplines chooser", "helplines", "start"),
]
#: Our elements that must be wholly on screen on every page tried.
OURS = ("quick exit", "banner", "language links", "quiz", "copy link", "helplines chooser")


def layout(page: Page, url: str) -> dict:
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(url)
    page.wait_for_selector("[data-fb-copy]", state="attached")
    return page.evaluate(_LAYOUT_JS)


def side_problem(element: dict, reference: dict, where: str, rtl: bool) -> str | None:
    """Whether ``element`` sits where ``where`` says against ``reference``, read in the page's direction."""
    tolerance = 2.0
    start, end = ("right", "left") if rtl else ("left", "right")
    sign = -1 if rtl else 1  # along the reading direction
    if where in ("start", "end"):
        edge = start if where == "start" else end
        if abs(element[edge] - reference[edge]) > 16:
            return f"its {edge} edge is at {element[edge]:.0f}, the {where} of its place is at {reference[edge]:.0f}"
        return None
    # "before" / "after": wholly before (or after) the reference along the line.
    if where == "before" and sign * (reference[start] - element[end]) < -tolerance:
        return f"it is not before its label: {element} / {reference}"
    if where == "after" and sign * (element[start] - reference[end]) < -tolerance:
        return f"it is not after its heading: {element} / {reference}"
    return None


@pytest.mark.parametrize(("prefix", "rtl"), [("", False), ("ar/", True)], ids=["en", "ar"])
def test_our_elements_sit_on_the_readers_side_and_stay_on_a_phone_screen(
    page: Page, built_site: BuiltSite, prefix: str, rtl: bool
) -> None:
    problems = []
    for path in ("trust/", "help/", "counsellors/", ""):
        state = layout(page, f"{built_site.base_url}{prefix}{path}")
        assert state["dir"] == ("rtl" if rtl else "ltr"), path
        if state["scroll"] > state["width"]:
            problems.append(f"{prefix}{path}: the page scrolls sideways ({state['scroll']} > {state['width']} px)")
        for name in OURS:
            box = state["found"].get(name)
            if box and (box["left"] < -0.5 or box["right"] > state["width"] + 0.5):
                problems.append(f"{prefix}{path}: {name} leaves the screen: {box}")
        for where_page, name, reference, where in SIDES:
            if where_page != path:
                continue
            found = state["found"]
            assert name in found and reference in found, f"{prefix}{path}: no {name} or {reference} shown"
            problem = side_problem(found[name], found[reference], where, rtl)
            if problem:
                problems.append(f"{prefix}{path}: {name}: {problem}")
    assert problems == []


def test_the_counsellors_lists_copy_link_button_is_at_the_end_of_its_item(page: Page, built_site: BuiltSite) -> None:
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(f"{built_site.base_url}ar/counsellors/")
    item = page.locator("li[data-fb-copy-url]:has(> .fb-copy-link)").first
    item.wait_for()
    button = item.locator(":scope > .fb-copy-link").bounding_box()
    text = item.locator(":scope > a").first.bounding_box()
    assert button is not None and text is not None
    assert button["x"] + button["width"] <= text["x"] + 1, "the button is not on the left, the end of an Arabic line"


# Runs in the page: the digit groups of an element's text, in the order written, each with where it is
# drawn on screen.
_GROUPS_JS = """
el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const groups = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\d+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      groups.push({digits: match[0], left: range.getBoundingClientRect().left});
    }
  }
  return groups;
}
"""
#: Runs in the page: the help page's numbers without what keeps them left to right.
_UNISOLATE_JS = """
() => document.querySelectorAll('a.fb-helpline__call').forEach(call => {
  call.removeAttribute('dir');
  call.querySelectorAll('bdi').forEach(bdi => bdi.replaceWith(...bdi.childNodes));
})
"""


def drawn_left_to_right(page: Page, selector: str) -> list[tuple[list[str], list[str]]]:
    """For each element matching ``selector`` with a number of several groups, its digit groups in
    the text and in the order they are drawn from left to right."""
    results = []
    for handle in page.query_selector_all(selector):
        if not handle.is_visible():
            continue
        groups = handle.evaluate(_GROUPS_JS)
        if len(groups) > 1:
            drawn = [group["digits"] for group in sorted(groups, key=lambda group: group["left"])]
            results.append(([group["digits"] for group in groups], drawn))
    return results


def test_a_phone_number_on_the_arabic_help_page_reads_in_its_true_order(page: Page, built_site: BuiltSite) -> None:
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(f"{built_site.base_url}ar/help/")
    page.wait_for_selector("[data-fb-helplines-ready]", state="attached")
    numbers = drawn_left_to_right(page, "a.fb-helpline__call")
    assert numbers, "no phone number of several groups (such as 0808 2000 247) on the Arabic help page"
    for written, drawn in numbers:
        assert drawn == written, f"{' '.join(written)} is shown as {' '.join(drawn)}"
    # The check sees the fault it guards against: without dir="ltr", the same numbers come out
    # backwards inside the Arabic line.
    page.evaluate(_UNISOLATE_JS)
    reversed_ = drawn_left_to_right(page, "a.fb-helpline__call")
    assert all(drawn == list(reversed(written)) for written, drawn in reversed_), reversed_


def test_numbers_keywords_and_addresses_are_marked_left_to_right_in_the_markup(built_site: BuiltSite) -> None:
    help_page = built_site.soup("ar/help/index.html")
    calls = help_page.select("a.fb-helpline__call")
    assert calls and all(call.get("dir") == "ltr" or call.select_one('bdi[dir="ltr"]') for call in calls)
    for card in help_page.select("template[data-fb-card]"):
        assert re.search(r'class="fb-card__number" dir="ltr"|<bdi dir="ltr">', str(card)), card["data-fb-card"]
    trust = built_site.soup("ar/trust/index.html")
    assert trust.select_one(".fb-handout__address")["dir"] == "ltr"
    counsellors = built_site.soup("ar/counsellors/index.html")
    addresses = counsellors.select("code.fb-directory__address")
    assert addresses and all(code.get("dir") == "ltr" for code in addresses)
