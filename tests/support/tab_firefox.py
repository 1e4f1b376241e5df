"""Firefox for the cross-browser tests (``browser_tabs.Tab``), driven over WebDriver BiDi (``bidi.py``).

Each tab is a tab of its own user context (``browser.createUserContext``): its cookies and storage
are its own, as a Playwright context's are. Firefox reports console errors and uncaught exceptions
itself (``log.entryAdded``); they are sorted by the tab they came from.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from support.bidi import BiDiError, BiDiSession, start_firefox
from support.browser_tabs import CATCH_ERRORS_COOKIE, Engine, Tab
from support.outside_proxy import OutsideProxy

#: WebDriver's codes for the keys of ``browser_tabs.KEYS``.
KEY_CODES = {
    "Tab": "\ue004",
    "Enter": "\ue007",
    "Space": " ",
    "Shift": "\ue008",
    "ArrowDown": "\ue015",
    "Escape": "\ue00c",
}


class FirefoxTab(Tab):
    """A tab in a user context of its own, in the session's Firefox."""

    engine = "firefox"

    def __init__(self, session: BiDiSession, user_context: str, context: str) -> None:
        self.session = session
        self.user_context = user_context
        self.context = context
        self.reported: list[str] = []

    def goto(self, url: str) -> None:
        navigate = {"context": self.context, "url": url, "wait": "complete"}
        try:
            self.session.command("browsingContext.navigate", navigate)
        except BiDiError as error:
            # A quick exit just before left for another host, which the test proxy refuses; Firefox can
            # report that refusal as the failure of the next navigation, which then never happened.
            if "proxyConnectFailure" not in str(error):
                raise
            self.session.command("browsingContext.navigate", navigate)

    def _call(self, function: str, *, own: bool = False) -> dict[str, Any]:
        result = self.session.command(
            "script.callFunction",
            {
                "functionDeclaration": function,
                "awaitPromise": False,
                "target": {"context": self.context},
                "resultOwnership": "root" if own else "none",
            },
        )
        if result["type"] == "exception":
            raise BiDiError(f"script error: {result['exceptionDetails']['text']}")
        return result["result"]

    def _run(self, body: str) -> str:
        return self._call(f"function () {{ {body} }}")["value"]

    def click(self, selector: str) -> None:
        element = self._call(
            f"function () {{ const el = document.querySelector({json.dumps(selector)});"
            " el?.scrollIntoView({block: 'center'}); return el; }"
        )
        assert element.get("type") == "node", f"firefox: nothing matches {selector}"
        origin = {"type": "element", "element": {"sharedId": element["sharedId"]}}
        pointer = [
            {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0},
        ]
        self._actions({"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": pointer})

    def _actions(self, source: dict[str, Any]) -> None:
        self.session.command("input.performActions", {"context": self.context, "actions": [source]})

    def _keys(self, codes: list[str]) -> None:
        actions = [
            step for code in codes for step in ({"type": "keyDown", "value": code}, {"type": "keyUp", "value": code})
        ]
        self._actions({"type": "key", "id": "keyboard", "actions": actions})

    def press(self, key: str) -> None:
        self._keys([KEY_CODES[key]])

    def type(self, text: str) -> None:
        self._keys(list(text))

    def url(self) -> str:
        tree = self.session.command("browsingContext.getTree", {"root": self.context, "maxDepth": 0})
        return tree["contexts"][0]["url"]

    def engine_errors(self) -> list[str]:
        return list(self.reported)

    def close(self) -> None:
        self.session.command("browser.removeUserContext", {"userContext": self.user_context})


class FirefoxEngine(Engine):
    """Debian's Firefox ESR, headless on a fresh profile, every other host through ``proxy``."""

    name = "firefox"
    errors_from = "Firefox's own log over WebDriver BiDi (log.entryAdded), and catch-errors.js in the page"

    def __init__(self, binary: str, proxy: OutsideProxy) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="fb-firefox-"))
        self.process: subprocess.Popen[str] | None = None
        try:
            self.process, address = start_firefox(binary, self.profile / "profile")
            through = {"proxyType": "manual", "httpProxy": proxy.address, "sslProxy": proxy.address}
            self.session = BiDiSession(address, {"proxy": through})
            self.session.on("log.entryAdded", self._on_log)
            self.session.command("session.subscribe", {"events": ["log.entryAdded"]})
        except BaseException:
            self.close()
            raise
        self.tabs: dict[str, FirefoxTab] = {}

    def _on_log(self, entry: dict[str, Any]) -> None:
        tab = self.tabs.get(entry.get("source", {}).get("context", ""))
        if tab is not None and entry.get("level") == "error":
            tab.reported.append(f"{entry.get('type')}: {entry.get('text')}")

    def new_tab(self, base_url: str) -> Tab:
        user_context = self.session.command("browser.createUserContext", {})["userContext"]
        context = self.session.command("browsingContext.create", {"type": "tab", "userContext": user_context})[
            "context"
        ]
        viewport = {"width": 1280, "height": 900}
        self.session.command("browsingContext.setViewport", {"context": context, "viewport": viewport})
        cookie = {
            "name": CATCH_ERRORS_COOKIE,
            "value": {"type": "string", "value": "1"},
            "domain": urlsplit(base_url).hostname,
            "path": "/",
        }
        partition = {"type": "storageKey", "userContext": user_context}
        self.session.command("storage.setCookie", {"cookie": cookie, "partition": partition})
        tab = FirefoxTab(self.session, user_context, context)
        self.tabs[context] = tab
        return tab

    def close(self) -> None:
        session = getattr(self, "session", None)
        if session is not None:
            session.close()
        if self.process is not None:
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
