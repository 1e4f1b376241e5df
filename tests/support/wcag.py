"""Checks for the WCAG 2.2 criteria that rule engines such as axe cannot judge, run in Chromium on a
page as it is: focus not obscured (2.4.11), target size (2.5.8), reflow and text spacing (1.4.10,
1.4.12), resized text (1.4.4), forced colours, reduced motion and consistent help (3.2.6). Each
``*_JS`` snippet runs in the page and returns problems as short lines of text (or facts to compare
across pages); tests/browser/test_gates_wcag22.py drives them over every page of the built site."""

from __future__ import annotations

#: What describes an element in a problem line.
#: Whether an element takes part in the layout and can be seen (not display: none, not hidden).
_LAID_OUT = """
const laidOut = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
"""
_DESCRIBE = """
const describe = el => {
  const bits = [el.tagName.toLowerCase()];
  if (el.id) bits.push('#' + el.id);
  if (typeof el.className === 'string' && el.className.trim()) {
    bits.push('.' + el.className.trim().split(/\\s+/).filter(c => c !== 'focus-visible').join('.'));
  }
  const name = el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || '';
  return bits.join('') + (name.trim() ? ` "${name.trim().replace(/\\s+/g, ' ').slice(0, 40)}"` : '');
};
"""

# ---------------------------------------------------------------------------------------------------
# 2.4.11 Focus not obscured

# Installed in the page before a Tab walk (gates.keyboard_walk, which calls ``check`` after each Tab,
# once what focus set off has finished):
# - ``snapshot()``: what is shown before anything has focus. Focus must not land on something hidden
#   until then (such as a closed search field that opens over the page when focused). A control that
#   only fades itself in when focused, in a place that is shown (a skip link, the theme's permalink
#   sign), changes nothing else and is fine.
# - ``check(el)``: the focused element (or, for a visually hidden input, its visible label) must be
#   shown, on screen, and at none of its points (centre and corners of each of its boxes: a link that
#   wraps has one per line) covered by something else: the sticky header, the banner, the quick exit
#   button, an overlay. Returns the problems found.
FOCUS_CHECK_JS = (
    "(() => {"
    + _DESCRIBE
    + """
const shown = node => node.checkVisibility({opacityProperty: true, visibilityProperty: true})
  && node.getBoundingClientRect().width >= 2 && node.getBoundingClientRect().height >= 2;
// Where a visually hidden input shows its focus: its labels, or the label right after it (the theme's
// palette switch).
const holdersOf = el => {
  const next = el.nextElementSibling;
  const labels = [...(el.labels || []), ...(el.tagName === 'INPUT' && next && next.tagName === 'LABEL' ? [next] : [])];
  return [el, ...labels].filter(shown);
};
let shownBefore = new WeakSet();
window.__fbFocusCheck = {
  snapshot() {
    const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')];
    const fadesIn = el => getComputedStyle(el).opacity === '0' && el.parentElement
      && el.parentElement.checkVisibility({opacityProperty: true, visibilityProperty: true});
    shownBefore = new WeakSet(focusable.filter(el => holdersOf(el).length || fadesIn(el)));
  },
  check(el) {
    const problems = [];
    if (!shownBefore.has(el)) problems.push(`focus lands on something hidden until then: ${describe(el)}`);
    const holders = holdersOf(el);
    if (!holders.length) return [...problems, `focus on something invisible: ${describe(el)}`];
    const boxes = [...holders[0].getClientRects()].map(r => [Math.max(r.left, 0), Math.min(r.right, innerWidth),
                                                            Math.max(r.top, 0), Math.min(r.bottom, innerHeight)])
      .filter(([left, right, top, bottom]) => right - left >= 1 && bottom - top >= 1);
    if (!boxes.length) return [...problems, `focused but off screen: ${describe(el)}`];
    const inset = 2;
    const points = boxes.flatMap(([left, right, top, bottom]) => [
      [(left + right) / 2, (top + bottom) / 2], [left + inset, top + inset], [right - inset, top + inset],
      [left + inset, bottom - inset], [right - inset, bottom - inset]]);
    const own = node => node && (holders.some(h => h === node || h.contains(node)) || node.contains(el));
    const covers = new Set();
    for (const [x, y] of points) {
      const topmost = document.elementFromPoint(x, y);
      if (own(topmost)) continue;
      const chrome = topmost && topmost.closest(
        '.md-header, .md-banner, .fb-quick-exit, .md-search, .md-overlay, .md-sidebar, [role=dialog]');
      covers.add(topmost ? describe(chrome || topmost) : '?');
    }
    if (covers.size) problems.push(`focused ${describe(el)} is covered by ${[...covers].join(', ')}`);
    return problems;
  },
};
})()
"""
)


# ---------------------------------------------------------------------------------------------------
# 2.5.8 Target size (minimum)

#: Our controls (and the theme's heading permalinks, which our CSS fixes): each must be at least 24 by
#: 24 CSS pixels, or have no other target within a 24 px circle around its centre (the spacing
#: exception). A radio button or checkbox counts with its label, which takes the click too.
OUR_TARGETS = (
    ".fb-quiz button, .fb-quiz label.fb-quiz__choice, .fb-quiz label.fb-quiz__remember, .fb-quiz textarea, "
    ".fb-quiz summary, .fb-copy-link, .fb-quick-exit__button, .fb-disclaimer summary, .fb-menu-button, "
    ".fb-search-button, .headerlink, .md-typeset__scrollwrap[tabindex], .fb-print__summary, .fb-print__choice, "
    ".fb-pack-pick, .fb-pack-picker__button, .fb-pack-picker__note, .fb-pack__print, .fb-directory__filter select"
)
TARGET_SIZE_JS = (
    "targets => {"
    + _DESCRIBE
    + _LAID_OUT
    + """
  const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, label, [tabindex]')]
    .filter(laidOut).filter(el => !(el.tagName === 'INPUT' && el.closest('label')));
  const ours = [...document.querySelectorAll(targets)].filter(laidOut);
  const problems = [];
  for (const el of ours) {
    const box = el.getBoundingClientRect();
    if (box.width >= 24 && box.height >= 24) continue;
    const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
    const near = all.filter(other => other !== el && !other.contains(el) && !el.contains(other)).filter(other => {
      const r = other.getBoundingClientRect();
      const dx = Math.max(r.left - cx, 0, cx - r.right), dy = Math.max(r.top - cy, 0, cy - r.bottom);
      return Math.hypot(dx, dy) < 12;
    });
    if (near.length) {
      problems.push(`${describe(el)} is ${box.width.toFixed(1)} by ${box.height.toFixed(1)} px, with ` +
                    `${describe(near[0])} within 12 px of its centre`);
    }
  }
  return {checked: ours.length, problems};
}
"""
)

# ---------------------------------------------------------------------------------------------------
# 1.4.10 Reflow, 1.4.12 Text spacing, 1.4.4 Resize text

#: The text spacing of WCAG 1.4.12, which readers may apply with their own stylesheet.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Runs in the page: no scrolling sideways, nothing shown sticks out of the screen (outside a box that
# scrolls on its own, such as a wide table), and no text is cut off in a box that hides what overflows.
LAYOUT_JS = (
    "() => {"
    + _DESCRIBE
    + """
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > innerWidth + 1) {
    problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide in a ${innerWidth} px window`);
  }
  const scrolls = el => /auto|scroll/.test(getComputedStyle(el).overflowX);
  const tiny = el => { const r = el.getBoundingClientRect(); return r.width <= 2 || r.height <= 2; };
  const shown = el => el.checkVisibility({opacityProperty: true, visibilityProperty: true}) && !tiny(el);
  const inScroller = el => { for (let p = el.parentElement; p; p = p.parentElement) { if (scrolls(p)) return true; }
                             return false; };
  const hidesOverflow = el => { const s = getComputedStyle(el);
                                return /hidden|clip/.test(s.overflowX + ' ' + s.overflowY); };
  const visuallyHidden = el => el.closest('.fb-visually-hidden, .md-skip, [aria-hidden=true], .md-search, .md-sidebar');
  for (const el of document.body.querySelectorAll('*')) {
    if (visuallyHidden(el) || !shown(el)) continue;
    const box = el.getBoundingClientRect();
    const text = [...el.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
    if (text && (box.right > innerWidth + 1 || box.left < -1) && !inScroller(el)) {
      problems.push(`${describe(el)} sticks out of the screen: ${Math.round(box.left)} to ${Math.round(box.right)} px`);
    }
    if (hidesOverflow(el) && el.textContent.trim()
        && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
      problems.push(`text cut off in ${describe(el)}: ${el.scrollWidth} by ${el.scrollHeight} px of content ` +
                    `in ${el.clientWidth} by ${el.clientHeight}`);
    }
  }
  return problems;
}
"""
)

# ---------------------------------------------------------------------------------------------------
# Forced colours

#: Controls and boxes of ours that must keep a visible edge when the system forces its colours.
FORCED_EDGES = (
    ".fb-quiz .md-button, .fb-quiz textarea, .fb-quiz fieldset, .fb-copy-link, .fb-quick-exit__button, "
    ".md-banner:has(.fb-disclaimer), .fb-print__summary, .fb-print__choice, .fb-pack-picker__button, "
    ".fb-pack-picker__note, .fb-pack__print, .fb-directory__filter select"
)
#: Controls of ours that must show where the keyboard is.
FORCED_FOCUS = (
    ".fb-quiz .md-button, .fb-quiz input, .fb-quiz textarea, .fb-copy-link, .fb-quick-exit__button, "
    ".fb-disclaimer summary, .fb-menu-button, .fb-search-button, .fb-print__summary, .fb-print__choice, "
    ".fb-pack-pick input, .fb-pack-picker__button, .fb-pack-picker__note, .fb-pack__print, .fb-directory__filter select"
)
FORCED_COLOURS_JS = (
    "([edges, focusable]) => {"
    + _DESCRIBE
    + _LAID_OUT
    + """
  const visible = color => color && !/^transparent$|rgba\\(.*,\\s*0\\)$/.test(color);
  const problems = [];
  for (const el of [...document.querySelectorAll(edges)].filter(laidOut)) {
    const s = getComputedStyle(el);
    const sides = ['Top', 'Right', 'Bottom', 'Left'].filter(side => s[`border${side}Style`] !== 'none'
      && parseFloat(s[`border${side}Width`]) >= 1 && visible(s[`border${side}Color`]));
    if (!sides.length) problems.push(`no visible edge in forced colours: ${describe(el)}`);
  }
  let focused = 0;
  for (const el of [...document.querySelectorAll(focusable)].filter(laidOut)) {
    el.focus();
    if (document.activeElement !== el) continue;
    focused += 1;
    const s = getComputedStyle(el);
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && visible(s.outlineColor);
    if (!ring) problems.push(`no visible focus outline in forced colours: ${describe(el)}`);
    el.blur();
  }
  const canvas = getComputedStyle(document.body).backgroundColor;
  const chevrons = [...document.querySelectorAll('.fb-disclaimer summary, .fb-quiz summary')].filter(laidOut)
    .filter(el => { const after = getComputedStyle(el, '::after');
                    return after.content !== 'none' && after.backgroundColor === canvas; });
  problems.push(...chevrons.map(el => `the open/closed sign of ${describe(el)} vanishes in forced colours`));
  return {focused, problems};
}
"""
)

# ---------------------------------------------------------------------------------------------------
# Reduced motion

#: Ours: every element of our components and what our CSS animates (the navigation drawer).
OUR_ELEMENTS = "[class*='fb-'], [class*='fb-'] *, .md-sidebar--primary, .headerlink"
REDUCED_MOTION_JS = (
    "selector => {"
    + _DESCRIBE
    + """
  const seconds = value => Math.max(...value.split(',').map(part => part.trim().endsWith('ms')
    ? parseFloat(part) / 1000 : parseFloat(part)));
  const problems = [];
  if (getComputedStyle(document.documentElement).scrollBehavior !== 'auto') problems.push('the page scrolls smoothly');
  for (const el of document.querySelectorAll(selector)) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      const animated = s.animationName === 'none' ? 0 : seconds(s.animationDuration);
      const moving = Math.max(seconds(s.transitionDuration), animated);
      if (moving > 0.01) problems.push(`${describe(el)}${pseudo || ''} moves for ${moving} s`);
    }
  }
  return problems;
}
"""
)

# ---------------------------------------------------------------------------------------------------
# 3.2.6 Consistent help

# Runs in the page: where the first link to the "Get help now" page sits in the page's landmarks (the
# article's own links left out, as they differ from page to page): which landmark, its place among the
# landmarks, and the place of the link's item in that landmark's top-level list.
HELP_PLACE_JS = """
helpPath => {
  const kinds = 'header, nav, aside, footer, [role=navigation], [role=complementary]';
  const landmarks = [...document.querySelectorAll(kinds)]
    .filter(el => !el.closest('article') && !el.parentElement.closest('nav, aside, header, footer'));
  for (const [order, landmark] of landmarks.entries()) {
    const link = [...landmark.querySelectorAll('a[href]')].find(a => new URL(a.href).pathname === helpPath);
    if (!link) continue;
    const item = link.closest('li');
    const list = item ? item.parentElement : null;
    return {
      landmark: `${landmark.tagName.toLowerCase()}[${landmark.getAttribute('aria-label') || landmark.className}]`,
      order,
      item: list ? [...list.children].indexOf(item) : -1,
      text: link.textContent.trim().replace(/\\s+/g, ' '),
    };
  }
  return null;
}
"""
