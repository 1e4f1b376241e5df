"""``extra.anchor_redirects``: old section and quiz anchors that keep working after a rename, read.

A section or quiz whose anchor changes, or that goes, is listed under ``extra.anchor_redirects``::

    extra:
      anchor_redirects:
        "trust.md#old-anchor": "trust.md#new-anchor"      # same page: works without JavaScript
        "trust.md#moved-away": "self-care.md#new-home"    # another page (or just "self-care.md")

Read once per build by the check of the settings (``finding_balance.check``), under every engine;
the old anchors go back into the built pages in ``finding_balance.anchors.old_anchors``. A whole page
that moves is redirected by ``plugins.redirects.redirect_maps`` instead.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

from finding_balance.messages import kind, one_line, shown
from finding_balance.settings import SettingsError

_OLD = re.compile(r"^(?P<page>[^#\s]+\.md)#(?P<anchor>[A-Za-z0-9_][A-Za-z0-9_.:-]*)\Z")
_NEW = re.compile(r"^(?P<page>[^#\s]+\.md)(?:#(?P<anchor>[A-Za-z0-9_][A-Za-z0-9_.:-]*))?\Z")


@dataclass(frozen=True)
class AnchorRedirect:
    """``page#anchor`` (paths relative to ``docs/``) that now lives at ``target_page#target_anchor``."""

    page: str
    anchor: str
    target_page: str
    target_anchor: str = ""

    @property
    def name(self) -> str:
        return f"extra.anchor_redirects['{self.page}#{self.anchor}']"


def _fail(problem: str) -> SettingsError:
    return SettingsError(f"{one_line(problem)}.")


def parse_anchor_redirects(raw: Any) -> list[AnchorRedirect]:
    """Check ``extra.anchor_redirects`` and return it as a list, or raise ``SettingsError``."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        raise _fail(
            f'extra.anchor_redirects must be a mapping of "page.md#old-anchor": "page.md#new-anchor", not {kind(raw)}'
        )
    redirects: list[AnchorRedirect] = []
    for key, value in raw.items():
        old = _OLD.match(key) if isinstance(key, str) else None
        if old is None:
            raise _fail(
                f'extra.anchor_redirects: {shown(key)} must be a page and the old anchor, like "trust.md#old-anchor" '
                "(a whole page that moves goes under plugins.redirects.redirect_maps)"
            )
        new = _NEW.match(value) if isinstance(value, str) else None
        if new is None:
            raise _fail(
                f"extra.anchor_redirects[{shown(key)}]: {shown(value)} must be a page, with or without an anchor, like "
                '"trust.md#new-anchor" or "trust.md"'
            )
        page, target_page = posixpath.normpath(old["page"]), posixpath.normpath(new["page"])
        if (page, old["anchor"]) == (target_page, new["anchor"]):
            raise _fail(f"extra.anchor_redirects[{shown(key)}] points to itself")
        twin = next((r for r in redirects if (r.page, r.anchor) == (page, old["anchor"])), None)
        if twin:
            raise _fail(f"extra.anchor_redirects[{shown(key)}] names the same old anchor as {twin.name}: keep one")
        redirects.append(AnchorRedirect(page, old["anchor"], target_page, new["anchor"] or ""))
    return redirects


def moved_to(redirect: AnchorRedirect, relative_url: str) -> str:
    """Where the old anchor sends the reader, seen from its own page: ``#new``, or ``../other/#new``."""
    if redirect.target_page == redirect.page:
        return f"#{redirect.target_anchor}" if redirect.target_anchor else "#"
    return relative_url + (f"#{redirect.target_anchor}" if redirect.target_anchor else "")
