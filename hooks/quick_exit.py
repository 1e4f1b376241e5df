"""Quick exit ("Leave this site") on every page: its settings, checked when the build starts.

The markup is ``overrides/partials/quick-exit.html`` (a skip-style link at the very top and the button
kept in reach while scrolling), used from ``main.html``'s header block so that every page, the 404
page included, has it. ``assets/quick-exit.js`` makes the button, the link and Shift pressed three
times blank the page, clear quiz answers and replace the page with the neutral one; without
JavaScript both are plain links to that page. This module validates the settings under
``extra.quick_exit`` and fills in the defaults::

    extra:
      quick_exit:
        url: https://www.bbc.co.uk/weather   # the everyday page to go to; full http(s) address
        label: Leave this site               # the button and the skip link
        press_two_more: Shift pressed. Press it 2 more times to leave this site.
        press_one_more: Press Shift 1 more time to leave this site.
        leaving: Loading.                    # on the blank page while the neutral page loads
        tab_title: New tab                   # the tab's title while the neutral page loads

MkDocs events: ``on_config`` (check the settings, add ``assets/quick-exit.css`` and ``.js``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from hook_config import add_assets, read_text_settings, stop_on
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from finding_balance.messages import shown

log = get_plugin_logger("quick_exit")

ASSETS_CSS = "assets/quick-exit.css"
ASSETS_JS = "assets/quick-exit.js"
#: An everyday page that gives nothing away: the one GOV.UK's "Exit this page" uses.
DEFAULT_URL = "https://www.bbc.co.uk/weather"


class QuickExitConfig(base.Config):
    """The settings under ``extra.quick_exit``; every one has a default."""

    url = c.Type(str, default=DEFAULT_URL)
    """Where the reader goes: a full ``https://`` (or ``http://``) address on another site."""
    label = c.Type(str, default="Leave this site")
    press_two_more = c.Type(str, default="Shift pressed. Press it 2 more times to leave this site.")
    press_one_more = c.Type(str, default="Press Shift 1 more time to leave this site.")
    leaving = c.Type(str, default="Loading.")
    """Shown and announced on the blank page while the neutral page loads: neutral words on purpose."""
    tab_title = c.Type(str, default="New tab")


def check_url(url: str) -> str | None:
    """What is wrong with ``url`` as the neutral page, or ``None`` when it is fine."""
    if not url or url != url.strip() or any(character.isspace() for character in url):
        return f"must be a full web address without spaces, not {shown(url)}"
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return f"must be a full web address starting with https://, not {shown(url)}"
    if any(character in url for character in "\"'<>`\\"):
        return f"must not contain quotes, angle brackets or backslashes: {shown(url)}"
    return None


def validate_quick_exit(raw: Any) -> dict[str, str]:
    """Return the checked settings with defaults filled in, or raise ``PluginError`` with one message."""
    values, problems = read_text_settings("quick_exit", raw, QuickExitConfig, "a mapping (at least 'url: https://...')")
    url_problem = check_url(values["url"]) if values.get("url") else None
    if url_problem:
        problems.append(f"extra.quick_exit.url {url_problem}")
    stop_on(problems)
    return values


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["quick_exit"] = validate_quick_exit(config.extra.get("quick_exit"))
    add_assets(config, css=ASSETS_CSS, js=ASSETS_JS)
    log.debug("quick exit goes to %s", config.extra["quick_exit"]["url"])
    return config
