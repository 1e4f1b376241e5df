"""Helpers for the quality gates: the pages of the built site and Tab walks in Chromium
(one walk per page checks keyboard access, focus rings and WCAG 2.4.11), and what a browser page
reports about Content Security Policy violations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from support.wcag import FOCUS_CHECK_JS


@dataclass(frozen=True)
class SitePage:
    """One HTML file of the built site and the address it is served at."""

    path: str
    url: str


def site_pages(directory: Path, base_url: str) -> list[SitePage]:
    """Every HTML file under ``directory``, with its URL (``trust/index.html`` is ``…/trust/``)."""
    pages = []
    for file in sorted(directory.rglob("*.html")):
        relative = file.relative_to(directory).as_posix()
        address = relative.removesuffix("index.html")
        pages.append(SitePage(relative, base_url + address))
    return pages


# Runs in the page. Lists every element a keyboard user should be able to reach, remembers how each
# looks unfocused, then describes the focused element after each Tab: whether it shows a focus
# ring that it did not show before, on screen and not covered by something else.
_KEYBOARD_JS = """
(() => {
  const NATIVE = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe';
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const looks = el => {
    const style = getComputedStyle(el);
    const transparent = /^rgba\\(.*,\\s*0\\)$|^transparent$/.test(style.outlineColor);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent;
    return {outline: outline ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '',
            shadow: style.boxShadow === 'none' ? '' : style.boxShadow};
  };
  const describe = el => {
    const bits = [el.tagName.toLowerCase()];
    if (el.id) bits.push('#' + el.id);
    if (typeof el.className === 'string' && el.className.trim()) {
      bits.push('.' + el.className.trim().split(/\\s+/).filter(c => c !== 'focus-visible').join('.'));
    }
    const name = el.getAttribute('aria-label') || el.getAttribute('href') || el.name || el.textContent;
    return bits.join('') + (name ? ` "${name.trim().replace(/\\s+/g, ' ').slice(0, 50)}"` : '');
  };
  // Where the ring may show: the element, or (for a visually hidden input) its visible label.
  const ringHolders = el => {
    const holders = [el, ...(el.labels || [])];
    const next = el.nextElementSibling;
    if (el.tagName === 'INPUT' && next && next.tagName === 'LABEL') holders.push(next);
    return holders.filter(holder => shown(holder) && holder.getBoundingClientRect().width > 0);
  };
  const groupOf = el => el.type === 'radio' && el.name ? `radio:${el.form ? el.form.id : ''}:${el.name}` : null;
  const before = new Map();
  const wanted = new Map();
  for (const el of document.querySelectorAll(`${NATIVE}, [tabindex]:not([tabindex="-1"]), [contenteditable]`)) {
    if (el.disabled || el.closest('[inert]') || !shown(el)) continue;
    const key = groupOf(el) || el;
    if (!wanted.has(key)) wanted.set(key, describe(el));
  }
  window.__fbKeyboard = {
    wanted: wanted.size,
    reached: new Set(),
    scrollers: [],
    scrolled: '',
    remember() {
      for (const el of document.querySelectorAll('*')) {
        if (el.matches(NATIVE) || el.hasAttribute('tabindex') || el.tagName === 'LABEL') before.set(el, looks(el));
        if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth) this.scrollers.push(el);
      }
      this.scrolled = this.where();
    },
    where() {
      return [scrollX, scrollY, ...this.scrollers.flatMap(el => [el.scrollLeft, el.scrollTop])].join();
    },
    async inspect() {
      // When focus scrolled something, the theme reacts in the next frame (its sidebars follow the
      // page: the scroll event comes first in a frame, then the theme's animation-frame callbacks,
      // after ours): wait for that frame to end. Otherwise nothing waits, which would let the browser
      // draw a frame on every Tab (a third of the walk's work). What focus sets off (the focus ring,
      // things that fade or slide in) is taken to its end at once.
      const now = this.where();
      if (now !== this.scrolled) {
        this.scrolled = now;
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      for (const animation of document.getAnimations()) {
        if (animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
      }
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return {done: true};
      const first = !this.reached.has(el);
      this.reached.add(el);
      this.reached.add(groupOf(el));
      const holders = ringHolders(el);
      const ring = holders.some(holder => {
        const now = looks(holder);
        const was = before.get(holder) || {outline: '', shadow: ''};
        return (now.outline && now.outline !== was.outline) || (now.shadow && now.shadow !== was.shadow);
      });
      const visible = holders.some(holder => {
        const box = holder.getBoundingClientRect();
        const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
        const inView = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
        const top = document.elementFromPoint(x, y);
        return inView && top !== null && (holder.contains(top) || top.contains(holder) || top === el);
      });
      const obscured = window.__fbFocusCheck ? window.__fbFocusCheck.check(el) : [];
      return {done: false, first, description: describe(el), ring, visible, obscured};
    },
    unreached() {
      return [...wanted].filter(([key]) => !this.reached.has(key)).map(([, text]) => text);
    },
  };
  return wanted.size;
})()
"""


@dataclass(frozen=True)
class KeyboardWalk:
    """What a Tab walk through a page found: keyboard access and focus rings (``problems``), and focus
    that lands on something hidden or covered (``obscured``, WCAG 2.4.11; see wcag.FOCUS_CHECK_JS)."""

    problems: list[str]
    obscured: list[str]


def keyboard_walk(page: Page) -> KeyboardWalk:
    """Tab through the page from the top: every element a keyboard user should reach must get focus,
    each focused element must show a visible focus ring that it does not show when unfocused, and be
    shown (it was before), on screen and not covered by anything."""
    wanted = page.evaluate(_KEYBOARD_JS)
    page.evaluate(FOCUS_CHECK_JS)
    page.evaluate(
        "document.activeElement.blur(); window.scrollTo(0, 0); window.__fbKeyboard.remember(); "
        "window.__fbFocusCheck.snapshot()"
    )
    problems: list[str] = []
    obscured: list[str] = []
    for _ in range(wanted * 2 + 20):
        page.keyboard.press("Tab")
        state = page.evaluate("window.__fbKeyboard.inspect()")
        if state["done"] or not state["first"]:
            break
        if not state["ring"]:
            problems.append(f"no visible focus ring: {state['description']}")
        if not state["visible"]:
            problems.append(f"focused but off screen or covered: {state['description']}")
        obscured += state["obscured"]
    else:
        problems.append("Tab never left the page: a keyboard trap?")
    problems += [f"not reachable with Tab: {text}" for text in page.evaluate("window.__fbKeyboard.unreached()")]
    return KeyboardWalk(problems, obscured)


def keyboard_problems(page: Page) -> list[str]:
    """The keyboard access and focus ring problems of a Tab walk through the page (``keyboard_walk``)."""
    return keyboard_walk(page).problems


# Installed before any page script: reports each violation on the console, where the page log sees it.
CSP_LISTENER_JS = """
document.addEventListener('securitypolicyviolation', event => {
  console.error(`Content Security Policy violation: ${event.effectiveDirective} blocked ` +
                `${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
});
"""


def search_and_switch_palette(page: Page) -> None:
    """Search for a word and see results, then switch the palette and see it change: two of the
    theme's scripts at work (under a policy, under the security headers)."""
    page.locator(".md-search__input").click()
    page.keyboard.type("trust")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)


def take_quizzes(page: Page) -> tuple[int, list[str]]:
    """Answer every quiz on the page (first choice of each question, a line in each text box) and ask
    for the result, which must change the quiz. A quiz of writing prompts alone has no result to ask
    for. Waits first for the quiz script to mark the quiz ``data-quiz-ready``. Returns how many quizzes
    were taken and what went wrong."""
    quizzes = page.locator("section.fb-quiz")
    problems = []
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        name = quiz.get_attribute("id") or f"quiz {index + 1}"
        try:
            quiz.and_(page.locator("[data-quiz-ready]")).wait_for(timeout=5000)
        except PlaywrightTimeoutError:
            problems.append(f"{name}: the quiz script never made it ready (data-quiz-ready)")
            continue
        names = quiz.evaluate(
            "quiz => [...new Set([...quiz.querySelectorAll('input[type=radio][name], input[type=checkbox][name]')]"
            ".map(input => input.name).filter(Boolean))]"
        )
        for group in names:
            quiz.locator(f'input[name="{group}"]').first.check()
        textareas = quiz.locator("textarea")
        for box in range(textareas.count()):
            textareas.nth(box).fill("A private note.")
        before = quiz.evaluate("quiz => quiz.outerHTML")
        result = quiz.locator('button[data-quiz-action="result"]')
        if not names and result.count() == 0:
            continue  # writing prompts only: filling them in is taking the quiz
        if result.count() != 1:
            problems.append(f"{name}: no 'See my result' button")
            continue
        result.click()
        try:
            page.wait_for_function(
                "([quiz, before]) => quiz.outerHTML !== before", arg=[quiz.element_handle(), before], timeout=3000
            )
        except PlaywrightTimeoutError:
            problems.append(f"{name}: nothing changed after 'See my result'")
    return quizzes.count(), problems
