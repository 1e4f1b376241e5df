"""A proxy on localhost that the cross-browser tests give every browser, so that nothing leaves the
machine and the tests can see where a page tried to go.

It connects to nothing: it writes down the address of each request for another host and answers
``403 Forbidden`` (to a ``CONNECT``, for an https address) or a small neutral page (to a plain http
request). The quick exit's neutral page (https://www.bbc.co.uk/weather, say) is such a request, so
"the browser left for the neutral page" is "the proxy saw that host". The site itself, on 127.0.0.1,
is fetched directly.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from support.sitebuild import QuietServer

NEUTRAL_PAGE = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"


class _Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_CONNECT(self) -> None:
        host = self.path.rsplit(":", 1)[0]
        self.seen.append(f"https://{host}/")
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(NEUTRAL_PAGE)))
        self.end_headers()
        self.wfile.write(NEUTRAL_PAGE)

    do_POST = do_GET


class OutsideProxy:
    """The running proxy: ``address`` (``127.0.0.1:port``) and ``seen``, every address asked for, in
    order (an https address as ``https://host/``: the path travels encrypted)."""

    def __init__(self, server: ThreadingHTTPServer, seen: list[str]) -> None:
        self.server = server
        self.seen = seen

    @property
    def address(self) -> str:
        host, port = self.server.server_address[:2]
        return f"{host}:{port}"

    def asked_for(self, url: str, since: int = 0) -> bool:
        """Whether a request for ``url``'s host (https) or for ``url`` itself (http) came after the
        first ``since`` requests."""
        scheme, _, rest = url.partition("://")
        wanted = f"https://{rest.split('/', 1)[0]}/" if scheme == "https" else url
        return any(seen == wanted or seen.startswith(url) for seen in self.seen[since:])


@contextmanager
def outside_proxy() -> Iterator[OutsideProxy]:
    """Run the proxy on a free port of 127.0.0.1 for the length of the ``with`` block."""
    seen: list[str] = []
    handler = type("Handler", (_Handler,), {"seen": seen})
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield OutsideProxy(server, seen)
    finally:
        server.shutdown()
        server.server_close()
