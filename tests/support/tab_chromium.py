"""Chromium for the cross-browser tests (``browser_tabs.Tab``), through Playwright and the session's
Chromium (``conftest.browser``). Chromium reports console errors and uncaught exceptions itself."""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, CDPSession, ConsoleMessage
from playwright.sync_api import Error as PlaywrightError

from support.browser_tabs import CATCH_ERRORS_COOKIE, Engine, Tab
from support.outside_proxy import OutsideProxy


class ChromiumTab(Tab):
    """A Playwright page in a browser context of its own."""

    engine = "chromium"

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.page = context.new_page()
        self._devtools: CDPSession | None = None
        self._errors: list[str] = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self._errors.append(f"uncaught: {error}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self._errors.append(f"console: {message.text}")

    def goto(self, url: str) -> None:
        self.page.goto(url)

    def _run(self, body: str) -> str:
        return self.page.evaluate(f"() => {{ {body} }}")

    def click(self, selector: str) -> None:
        # The mouse at the element's centre, as in the other engines: Locator.click would also wait
        # for any navigation it starts, and the quick exit's is held by the proxy.
        element = self.page.locator(selector).first
        element.scroll_into_view_if_needed()
        box = element.bounding_box()
        assert box is not None, f"chromium: {selector} is not shown"
        self.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        for character in text:
            if character.isascii():
                self.page.keyboard.type(character)
            else:
                self._key_of_another_layout(character)

    def _key_of_another_layout(self, character: str) -> None:
        """``character`` typed as a keyboard of its language types it: key down with the character,
        key up. Playwright sends a character missing from its US layout (Arabic) as input alone, which
        neither the theme's search (it waits for keyup) nor a list box's type-ahead hears."""
        if self._devtools is None:
            self._devtools = self.page.context.new_cdp_session(self.page)
        self._devtools.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": character, "text": character})
        self._devtools.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": character})

    def url(self) -> str:
        # The document's own address: after a failed navigation Chromium shows its error page
        # (chrome-error://chromewebdata/), while Playwright's page.url keeps the last page's.
        try:
            return self.page.evaluate("location.href")
        except PlaywrightError:  # between two documents
            return self.page.url

    def engine_errors(self) -> list[str]:
        return list(self._errors)

    def close(self) -> None:
        self.context.close()


class ChromiumEngine(Engine):
    """Debian's Chromium, already started by Playwright for the whole session."""

    name = "chromium"
    errors_from = "Playwright's console and pageerror events, and catch-errors.js in the page"

    def __init__(self, browser: Browser, proxy: OutsideProxy) -> None:
        self.browser = browser
        self.proxy = proxy

    def new_tab(self, base_url: str) -> Tab:
        context = self.browser.new_context(
            viewport={"width": 1280, "height": 900},
            proxy={"server": f"http://{self.proxy.address}", "bypass": "127.0.0.1,localhost"},
        )
        context.add_cookies([{"name": CATCH_ERRORS_COOKIE, "value": "1", "url": base_url}])
        return ChromiumTab(context)

    def close(self) -> None:
        """Nothing to stop: the session's ``browser`` fixture closes Chromium."""
