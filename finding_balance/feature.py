"""What a feature of the package declares, once, in its folder's ``feature.py``.

A feature (the quiz, the handouts, the anchors...) is one folder of the package: its model, its
Markdown extension if it has one, and a ``feature.py`` whose ``FEATURE`` says what the rest of the
build needs to know of it: its settings under ``extra:``, its stylesheets and scripts, and its passes
over the built pages and site. ``finding_balance.registry`` lists the features; the settings check
(``finding_balance.check``), the bundles (``finding_balance.site.bundle``) and the finishing
(``finding_balance.site.finish``) loop over that list, in its order.

Engine-free: read under every engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from finding_balance.settings import EditionSettings
from finding_balance.site.built import LastEdit, PagePass, SiteCheck, SitePass

SettingReader = Callable[[Any, EditionSettings], Any]
"""Reads the value of one ``extra:`` key as the author wrote it (``None`` when absent) and returns it
checked and completed; raises ``finding_balance.settings.SettingsError``."""


def in_language(validate: Callable[[Any, str], Any]) -> SettingReader:
    """The reader of a group of wording: ``validate(raw, language)``, in the edition's language."""
    return lambda raw, edition: validate(raw, edition.language)


def as_written(validate: Callable[[Any], Any]) -> SettingReader:
    """The reader of a setting that needs nothing of its edition: ``validate(raw)``."""
    return lambda raw, edition: validate(raw)


@dataclass(frozen=True)
class PageBundle:
    """A stylesheet and a script that only some pages link (``assets/finding-balance-<name>.min.css``
    and ``.min.js``), each made of these sources of ``finding_balance/theme/assets/``, in order."""

    name: str
    styles: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feature:
    """One feature, as the build composes it. Every part is optional; each runs in the order of
    ``finding_balance.registry.FEATURES``, one feature's after the one's before."""

    name: str
    settings: tuple[tuple[str, SettingReader], ...] = ()
    """``extra.<key>`` and its reader: the checked value replaces what the config says."""
    styles: tuple[str, ...] = ()
    """Stylesheets of ``finding_balance/theme/assets/`` in the site's one bundle, every page's."""
    scripts: tuple[str, ...] = ()
    """Scripts in the site's one bundle."""
    page_bundles: tuple[PageBundle, ...] = ()
    vendored: tuple[str, ...] = ()
    """Third-party files of the assets folder, served as they are (each beside its licence)."""
    page_passes: tuple[PagePass, ...] = ()
    """Over each page built from Markdown, its content as the engine built it."""
    noted_page_passes: tuple[PagePass, ...] = ()
    """Over each page, once the site has noted its anchors and content (``BuiltSite.noted``)."""
    last_edits: tuple[LastEdit, ...] = ()
    """On every HTML page of the site, the last edits, made in one copy."""
    site_checks: tuple[SiteCheck, ...] = ()
    """Once every page is built: problems across pages, reported with those of the pages."""
    site_passes: tuple[SitePass, ...] = ()
    """Once every page is built and checked: files of the site written from what was noted."""
    closing_passes: tuple[SitePass, ...] = ()
    """Last of all, once every HTML file is finished (what the build used, kept for the next)."""
