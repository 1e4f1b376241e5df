"""Printed handouts: every page ends its printout with its full address and a QR code leading to it.

The QR code is made at build time by ``finding_balance.qr`` (with ``zxing-cpp``) as an SVG image in a
``data:`` URL: no online QR service, no file to fetch, no request of any kind.
``overrides/partials/handout.html`` (included from ``main.html`` before the footer) shows address and
code in print only;
``assets/handout.css`` holds the print rules: no navigation, search, buttons or quick exit on paper,
the disclaimer banner kept. Static pages such as ``404.html`` have no address of their own and get no
handout part.

MkDocs events: ``on_config`` (add the stylesheet) and ``on_page_context`` (the page's handout, given to
the templates as ``handout``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from hook_config import add_assets
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from finding_balance.qr import qr_code

log = get_plugin_logger("handouts")

ASSETS_CSS = "assets/handout.css"


@dataclass(frozen=True)
class Handout:
    """What a printed page carries at its end."""

    address: str
    qr_image: str
    """The QR code of ``address``: an SVG image as a ``data:`` URL, for an ``<img src>``."""
    qr_size: int
    """Width and height of the SVG image in pixels."""


def handout(site_url: str, page_url: str) -> Handout:
    """The handout part of the page at ``page_url`` (as MkDocs gives it, e.g. ``trust/``)."""
    address = urljoin(site_url, page_url)
    image, size = qr_code(address)
    return Handout(address=address, qr_image=image, qr_size=size)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is empty; printed pages need the site's full address for their QR code."
        )
    add_assets(config, css=ASSETS_CSS)
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["handout"] = handout(config.site_url or "", page.url)
    return context
