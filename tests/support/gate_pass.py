"""One pass of Chromium over every page of the built site at one of the gates' widths, in the light
palette. Each page is loaded once and every per-page check of the gates runs on it, in this order:
axe (on the page as it loaded), target size, where "Get help now" is, reduced motion
(support/wcag.py), the Tab walk from the top of the page (support/gates.py), and last forced
colours, which focuses each of our controls in turn (a walk after it would start where that left
focus). Loading each page once per width instead of once per check saves a third of the gates' page
loads; the tests of one width read its pass (conftest ``gate_passes``).

The Tab walk is the slowest check (a keypress, a look at the focused element and often a frame for
each of about a thousand controls per edition). Each width's pass takes every edition at the
desktop's width and, at the phone's, English and Arabic (``EDITIONS_AT_WIDTH``): one edition in each
direction. The walk itself takes English and Arabic at both widths (``DIRECTION_EDITIONS``). The Spanish
pages are the English templates and styles with other words: axe, target size, where "Get help now"
is, reduced motion and forced colours still take them at the desktop's width, and reflow and 200 %
text (test_gates_wcag22.py) at both, which catch words that no longer fit. What the walk checks (Tab
order, focus rings, focus not covered) comes from the templates and styles, which the English walk
covers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Page

from finding_balance.gates.browser import axe_violations
from support.gates import KeyboardWalk, keyboard_walk
from support.wcag import (
    FORCED_COLOURS_JS,
    FORCED_EDGES,
    FORCED_FOCUS,
    HELP_PLACE_JS,
    OUR_ELEMENTS,
    OUR_TARGETS,
    REDUCED_MOTION_JS,
    TARGET_SIZE_JS,
)

#: The name of the "Get help now" page in each edition's navigation, by the edition's folder.
HELP_LINK_TEXT = {"": "Get help now", "es/": "Pide ayuda ahora", "ar/": "المساعدة الآن"}


#: English and Arabic (by folder): one edition in each writing direction. The checks whose findings
#: come from the templates and styles alone take these; Spanish is the English templates with other words.
DIRECTION_EDITIONS = ("", "ar/")

#: The editions (by folder) whose pages each width's pass takes.
EDITIONS_AT_WIDTH = {"desktop": ("", "es/", "ar/"), "phone": DIRECTION_EDITIONS}


def edition_of(path: str) -> str:
    """The folder of the edition a page belongs to: "" for English, "es/" for Spanish, "ar/" for Arabic."""
    return next((folder for folder in HELP_LINK_TEXT if folder and path.startswith(folder)), "")


@dataclass(frozen=True)
class PageChecks:
    """What every per-page check found on one page at one width."""

    scheme: str | None  # the Material palette the page showed ("default" for light)
    axe: list[str]
    targets: dict[str, Any]
    help: dict[str, Any] | None
    motion: list[str]
    forced: dict[str, Any]
    walk: KeyboardWalk | None  # None: the page's edition is not walked (``DIRECTION_EDITIONS``)


def takes(width_name: str, path: str) -> bool:
    """Whether the pass at this width takes the page of the site's file ``path``."""
    return edition_of(path) in EDITIONS_AT_WIDTH[width_name]


def walked(path: str) -> bool:
    """Whether the Tab walk takes the page of the site's file ``path`` (at a width whose pass takes it)."""
    return edition_of(path) in DIRECTION_EDITIONS


def check_page(page: Page, path: str) -> PageChecks:
    """Run every per-page check on ``page``, loaded from the site's file ``path``."""
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    axe = axe_violations(page)
    targets = page.evaluate(TARGET_SIZE_JS, OUR_TARGETS)
    help_place = page.evaluate(HELP_PLACE_JS, f"/{edition_of(path)}help/")
    page.emulate_media(reduced_motion="reduce")
    motion = page.evaluate(REDUCED_MOTION_JS, OUR_ELEMENTS)
    page.emulate_media(reduced_motion="no-preference")
    walk = keyboard_walk(page) if walked(path) else None
    page.emulate_media(forced_colors="active")
    page.keyboard.press("Tab")  # the keyboard is in use: focus shows as it does for Tab
    forced = page.evaluate(FORCED_COLOURS_JS, [FORCED_EDGES, FORCED_FOCUS])
    page.emulate_media(forced_colors="none")
    return PageChecks(scheme, axe, targets, help_place, motion, forced, walk)
