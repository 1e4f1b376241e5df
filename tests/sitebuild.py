"""Building the real site (or a variant of it) for the tests, and serving it on localhost."""

from __future__ import annotations

import fnmatch
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
#: What a variant build needs from the project; everything else (tests, venv, site) is left out.
SOURCES = ("mkdocs.yml", "mkdocs.es.yml", "docs", "docs-es", "overrides", "hooks", "helplines")


def mkdocs_build(
    config_file: Path, site_dir: Path, *, site_url: str | None = None, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` as an author would, returning its exit code and output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    command = [*MKDOCS, "build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_file.parent)


def site_build(
    root: Path, site_dir: Path, *, site_url: str, engine: str = "mkdocs"
) -> subprocess.CompletedProcess[str]:
    """Build every edition (English in ``site_dir``, Spanish in ``site_dir/es``) with ``engine``, through
    the build command that ``make build`` runs."""
    command = [sys.executable, "-m", "finding_balance", "build", "--engine", engine]
    command += ["--site-dir", str(site_dir), "--site-url", site_url]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=root)


def copy_project(destination: Path) -> Path:
    """Copy the site's sources into ``destination`` so a test can change them; return the copy."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def build_variant(
    workdir: Path, *, config_overrides: str = "", pages: dict[str, str] | None = None, strict: bool = True
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Build a copy of the site with extra YAML merged into its config and pages added or replaced.

    ``config_overrides`` is YAML that ``INHERIT``s the real ``mkdocs.yml``: only what it names changes.
    Returns the finished process and the folder the site was built into.
    """
    project = copy_project(workdir / "project")
    for relative_path, text in (pages or {}).items():
        page = project / "docs" / relative_path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    config_file = project / "variant.yml"
    config_file.write_text("INHERIT: mkdocs.yml\n" + config_overrides, encoding="utf-8")
    site_dir = workdir / "site"
    return mkdocs_build(config_file, site_dir, strict=strict), site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


HeaderRules = list[tuple[str, list[tuple[str, str]]]]


def read_headers_file(path: Path) -> HeaderRules:
    """A Netlify / Cloudflare Pages ``_headers`` file: each path pattern (``/*``) with its indented
    ``Name: value`` lines. Read here, independently of the code that writes it."""
    rules: ClassVar[HeaderRules] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
            continue
        name, colon, value = line.strip().partition(":")
        if not rules or not colon or not name or not value.strip():
            raise ValueError(f"{path}:{number}: not a header line under a path: {line!r}")
        rules[-1][1].append((name.strip(), value.strip()))
    return rules


class _HeadersHandler(_QuietHandler):
    """Sends the headers of every rule whose path pattern matches, as Netlify would."""

    rules: ClassVar[HeaderRules] = []

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        for pattern, headers in self.rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()


@contextmanager
def serving(directory: Path, server: ThreadingHTTPServer | None = None) -> Iterator[str]:
    """Serve ``directory`` over HTTP on localhost; yield the base URL (ending in ``/``)."""
    server = server or bind_server(directory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def bind_server(
    directory: Path, *, headers: HeaderRules | None = None, host: str = "127.0.0.1", port: int = 0
) -> ThreadingHTTPServer:
    """A server bound to ``host`` and ``port`` (by default a free port on 127.0.0.1), not yet serving,
    so its address is known early. With ``headers`` (from ``read_headers_file``) it sends them as a
    host that reads ``_headers`` would."""
    handler_class = type("HeadersHandler", (_HeadersHandler,), {"rules": headers}) if headers else _QuietHandler
    handler = functools.partial(handler_class, directory=str(directory))
    return ThreadingHTTPServer((host, port), handler)
