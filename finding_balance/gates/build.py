"""Building a site for its tests, as ``make build`` does, and serving the result on localhost."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def build_site(
    project: Path, site_dir: Path, *, site_url: str, engine: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """Build every edition of the site in ``project`` into ``site_dir`` with ``--strict``, through the
    build command (``python -m finding_balance build``); returns the finished process."""
    command = [sys.executable, "-m", "finding_balance", "build", "--engine", engine]
    command += ["--site-dir", str(site_dir), "--site-url", site_url]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=project)


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built files as any static host would, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def bind_server(directory: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler) -> ThreadingHTTPServer:
    """A server of ``directory`` bound to a free port on 127.0.0.1 and not yet serving, so that its
    address is known before the build (Material's instant navigation needs the final ``site_url``)."""
    return ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[str]:
    """Serve with ``server`` until the block ends; yields the base address, ending in ``/``."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
