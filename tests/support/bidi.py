"""A small WebDriver BiDi client: how the tests drive Firefox, which speaks the protocol itself.

Firefox started with ``--remote-debugging-port`` listens for WebDriver BiDi on a WebSocket, so no
geckodriver is needed (none is packaged where the tests run, and nothing may be downloaded). This
module starts Firefox on a fresh profile, opens a session and sends commands; events (console
messages, script errors) go to the handlers a caller subscribed. Only what the cross-browser tests
use is here; the protocol is https://w3c.github.io/webdriver-bidi/.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import websocket

#: Firefox prints this line once its WebDriver BiDi server is up.
_LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
#: How long Firefox may take to start, and a command to answer (a navigation waits for the load).
START_SECONDS = 60
COMMAND_SECONDS = 30

Event = dict[str, Any]


class BiDiError(RuntimeError):
    """A command that Firefox answered with an error, or did not answer in time."""


def start_firefox(binary: str, profile: Path) -> tuple[subprocess.Popen[str], str]:
    """Start headless Firefox on ``profile`` with its BiDi server on a free port; return the process
    and the server's WebSocket address. Firefox's own output is read (and dropped) in the background."""
    profile.mkdir(parents=True, exist_ok=True)
    # Firefox ESR 140 prefetches each page's <link rel="next"> and fires an error on the link when
    # that fails, which catch-errors.js takes for a page error; the tests' Chromium does no background
    # fetching either (--disable-background-networking).
    (profile / "user.js").write_text('user_pref("network.prefetch-next", false);\n', encoding="utf-8")
    command = [binary, "--headless", "--no-remote", "--profile", str(profile), "--remote-debugging-port", "0"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL
    )
    found: list[str] = []
    ready = threading.Event()

    def read_output() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            if not found and (match := _LISTENING.search(line)):
                found.append(match.group(1))
                ready.set()
        ready.set()  # Firefox stopped before it listened

    threading.Thread(target=read_output, daemon=True).start()
    if not ready.wait(START_SECONDS) or not found:
        process.kill()
        raise BiDiError(f"{binary} did not start its WebDriver BiDi server within {START_SECONDS} s")
    return process, found[0]


class BiDiSession:
    """One WebDriver BiDi session over a WebSocket: ``command`` sends and waits for the answer,
    ``on`` registers a handler for an event (after ``session.subscribe``)."""

    def __init__(self, address: str, capabilities: dict[str, Any] | None = None) -> None:
        # No Origin header: Firefox refuses a handshake that has one (it guards against web pages).
        self._socket = websocket.create_connection(
            f"{address.rstrip('/')}/session", timeout=COMMAND_SECONDS, suppress_origin=True
        )
        self._socket.settimeout(None)
        self._next_id = 0
        self._lock = threading.Lock()
        self._waiting: dict[int, tuple[threading.Event, list[dict[str, Any]]]] = {}
        self._handlers: dict[str, list[Callable[[Event], None]]] = {}
        self._closed = False
        threading.Thread(target=self._read, daemon=True).start()
        self.command("session.new", {"capabilities": {"alwaysMatch": capabilities or {}}})

    def _read(self) -> None:
        while True:
            try:
                message = json.loads(self._socket.recv())
            except (websocket.WebSocketException, OSError, ValueError):
                break
            if message.get("type") == "event":
                for handler in self._handlers.get(message["method"], []):
                    handler(message["params"])
            elif (answered := self._waiting.get(message.get("id", -1))) is not None:
                answered[1].append(message)
                answered[0].set()
        self._closed = True
        for done, _ in list(self._waiting.values()):
            done.set()

    def command(self, method: str, params: dict[str, Any], timeout: float = COMMAND_SECONDS) -> dict[str, Any]:
        """Send ``method`` with ``params``; return its result, or raise ``BiDiError``."""
        with self._lock:
            self._next_id += 1
            number = self._next_id
            done: threading.Event = threading.Event()
            answer: list[dict[str, Any]] = []
            self._waiting[number] = (done, answer)
            self._socket.send(json.dumps({"id": number, "method": method, "params": params}))
        try:
            if not done.wait(timeout):
                raise BiDiError(f"{method}: no answer within {timeout} s")
        finally:
            del self._waiting[number]
        if not answer:
            raise BiDiError(f"{method}: the connection to the browser closed")
        if answer[0].get("type") == "error":
            raise BiDiError(f"{method}: {answer[0].get('error')}: {answer[0].get('message')}")
        return answer[0]["result"]

    def on(self, event: str, handler: Callable[[Event], None]) -> None:
        """Call ``handler`` with the parameters of every ``event`` (subscribe to it as well)."""
        self._handlers.setdefault(event, []).append(handler)

    def close(self) -> None:
        """End the session and the browser with it (``browser.close``), then the connection."""
        if not self._closed:
            with contextlib.suppress(BiDiError):
                self.command("browser.close", {}, timeout=10)
        self._socket.close()
