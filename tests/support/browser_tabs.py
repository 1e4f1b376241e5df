"""One way for a test to drive a tab in any of the three browser engines (Chromium, Firefox, WebKit).

Each engine has its own driver: Playwright for Chromium (``tab_chromium.py``), WebDriver BiDi for
Firefox (``tab_firefox.py``), Selenium's WebKitGTK driver for WebKit (``tab_webkit.py``). A key-path
test is written once against ``Tab`` and runs in all three. ``Tab`` asks each driver for a handful of
actions (go to, run a script, click, press a key, read the address, read the errors); waiting and
focusing are built on those here, the same for every engine.

Script errors: each engine reports what it can (Chromium and Firefox report console errors and
uncaught exceptions; WebKitGTK's driver reports nothing), and in every engine the page itself keeps
a list too: ``catch-errors.js``, which only the test server adds to a page, and only for a browser
that carries the cookie ``CATCH_ERRORS_COOKIE`` (see ``sitebuild.py``). It records uncaught errors,
rejected promises, Content Security Policy violations, files that failed to load and
``console.error`` in ``sessionStorage``, so the list outlives a page load.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from typing import Any

#: The cookie that makes the test server add catch-errors.js to each page (sitebuild.py).
CATCH_ERRORS_COOKIE = "fb-test-catch-errors"
#: Where catch-errors.js keeps what it caught (sessionStorage, per tab and site).
CAUGHT_KEY = "fb-test-errors"
#: Keys a test may press, by the names Playwright uses (others map them to WebDriver's codes).
KEYS = ("Tab", "Enter", "Space", "Shift", "ArrowDown", "Escape")
#: A page on the site's address to open for reaching the site's storage: a blank page the test server
#: serves (``support.sitebuild``), running no script, so that leaving it at once can fail nothing (a file
#: that is not a page, such as a script, makes MiniBrowser wait for a load that never comes).
ORIGIN_PAGE = "__test__/origin.html"
#: How long ``wait_for`` waits by default, in seconds.
WAIT_SECONDS = 10.0


class Tab(ABC):
    """A browser tab of one engine, on a fresh profile (no storage from other tests)."""

    engine: str
    #: Whether a navigation that fails (the neutral page, refused by the proxy) leaves the page it
    #: was leaving on screen, as WebKit does, rather than showing an error page at the new address.
    failed_load_keeps_page = False

    @abstractmethod
    def goto(self, url: str) -> None:
        """Open ``url`` and wait for its load event."""

    @abstractmethod
    def _run(self, body: str) -> str:
        """Run ``body`` (a JavaScript function body that returns a string) in the page; return the string."""

    @abstractmethod
    def click(self, selector: str) -> None:
        """Click the first element matching the CSS ``selector``, as a mouse would."""

    @abstractmethod
    def press(self, key: str) -> None:
        """Press and release one of ``KEYS``."""

    @abstractmethod
    def type(self, text: str) -> None:
        """Type ``text`` with the keyboard into whatever has focus."""

    @abstractmethod
    def url(self) -> str:
        """The address the tab shows now."""

    @abstractmethod
    def engine_errors(self) -> list[str]:
        """Script errors the engine itself reported (empty where it reports none: WebKitGTK)."""

    @abstractmethod
    def close(self) -> None:
        """Close the tab and forget its storage."""

    def run(self, body: str) -> Any:
        """Run ``body``, a JavaScript function body, in the page; return its result (JSON values)."""
        result = self._run(f"return JSON.stringify((() => {{ {body} }})() ?? null);")
        return json.loads(result)

    def wait_for(self, body: str, what: str, timeout: float = WAIT_SECONDS) -> Any:
        """Run ``body`` until it returns something truthy; return that, or fail naming ``what``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.run(body)
            except Exception:  # the page may be between two documents
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                try:
                    seen = self.errors()
                except Exception:  # not on one of the site's pages
                    seen = self.engine_errors()
                raise AssertionError(f"{self.engine}: waited {timeout} s for {what}; script errors: {seen}")
            time.sleep(0.05)

    def focus(self, selector: str) -> None:
        """Move the keyboard focus to the first element matching ``selector``."""
        found = self.run(f"const el = document.querySelector({json.dumps(selector)}); el?.focus(); return !!el;")
        assert found, f"{self.engine}: nothing matches {selector}"

    def focused(self, condition: str) -> bool:
        """Whether ``condition`` (JavaScript about ``el``, the focused element) holds."""
        return bool(self.run(f"const el = document.activeElement; return !!({condition});"))

    def tab_until(self, condition: str, limit: int = 15) -> None:
        """Press Tab until ``condition`` (JavaScript about ``el``, the focused element) holds."""
        for _ in range(limit):
            self.press("Tab")
            if self.focused(condition):
                return
        raise AssertionError(f"{self.engine}: Tab never reached an element where {condition}")

    def caught_errors(self) -> list[str]:
        """What catch-errors.js caught in this tab on the site's pages so far (the page must be one
        of the site's: sessionStorage belongs to the site)."""
        return self.run(f"return JSON.parse(sessionStorage.getItem('{CAUGHT_KEY}') || '[]');")

    def errors(self) -> list[str]:
        """Every script error seen: the engine's own reports and what the page caught itself."""
        return [*self.engine_errors(), *self.caught_errors()]


class Engine(ABC):
    """A running browser of one engine, started once per test session; ``new_tab`` gives each test
    a tab of its own. Every request for another host goes to ``outside_proxy.OutsideProxy``."""

    name: str
    #: How the engine's own error reports are had, or how the tests make up for their absence.
    errors_from: str

    @abstractmethod
    def new_tab(self, base_url: str) -> Tab:
        """A tab with empty storage, carrying the catch-errors cookie for ``base_url``'s site."""

    @abstractmethod
    def close(self) -> None:
        """Stop the browser and anything started for it."""
