"""Building the real site (or a variant of it) for the tests, and serving it on localhost."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from finding_balance.gates.build import serving as serving_with
from support import PROJECT_ROOT, TEST_DATA
from support.browser_tabs import CATCH_ERRORS_COOKIE, ORIGIN_PAGE

MKDOCS = [sys.executable, "-m", "mkdocs"]


#: What a variant build needs from the project; everything else (tests, venv, site) is left out.
def edition_sources() -> list[str]:
    """Every edition's config and pages: ``mkdocs.yml`` and ``docs``, then ``mkdocs.<lang>.yml`` and
    ``docs-<lang>`` for each further language."""
    configs = sorted(path.name for path in PROJECT_ROOT.glob("mkdocs*.yml"))
    folders = sorted(path.name for path in PROJECT_ROOT.glob("docs*") if path.is_dir())
    return configs + folders


#: The helplines of this site are the package's own lists; a copy keeps them in ``helplines/``, as a new
#: site does (a ``finding_balance/`` folder in the copy would hide the installed package from Python).
HELPLINES = "finding_balance/helplines/lists"


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
    for name in edition_sources():
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    shutil.copytree(PROJECT_ROOT / HELPLINES, destination / "helplines")
    for path in destination.glob("mkdocs*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace(f"{HELPLINES}/", "helplines/"), encoding="utf-8")
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


#: Test only (browser_tabs.py): the page error catcher, served at this address on the site's own host.
CATCH_ERRORS_PATH = "/__test__/catch-errors.js"
CATCH_ERRORS_FILE = TEST_DATA / "catch-errors.js"
#: Test only: the blank page a cross-browser tab opens to reach the site's storage (``ORIGIN_PAGE``).
ORIGIN_HTML = b"<!doctype html><html lang='en'><title>Test origin</title></html>"
_POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)


def with_error_catcher(html: str) -> str:
    """``html`` with catch-errors.js as its first script: right after the page's Content Security
    Policy (so the policy applies to it, unchanged), or at the top of ``<head>`` on a page without one."""
    tag = f'<script src="{CATCH_ERRORS_PATH}"></script>'
    match = _POLICY_META.search(html)
    at = match.end() if match else html.index("<head>") + len("<head>")
    return html[:at] + tag + html[at:]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site as any static host would. For a browser that sends the cookie
    ``CATCH_ERRORS_COOKIE`` (the cross-browser tests' tabs), each page comes with catch-errors.js
    added (``with_error_catcher``); everyone else gets the built files byte for byte."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        found = self._test_only_body()
        if found is None:
            super().do_GET()
            return
        body, content_type = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _test_only_body(self) -> tuple[bytes, str] | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == CATCH_ERRORS_PATH:
            return CATCH_ERRORS_FILE.read_bytes(), "text/javascript; charset=utf-8"
        if path == "/" + ORIGIN_PAGE:
            return ORIGIN_HTML, "text/html; charset=utf-8"
        if f"{CATCH_ERRORS_COOKIE}=1" not in self.headers.get("Cookie", ""):
            return None
        if not path.endswith(("/", ".html")):
            return None
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            return None
        html = with_error_catcher(file.read_text(encoding="utf-8"))
        return html.encode("utf-8"), "text/html; charset=utf-8"


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
    with serving_with(server or bind_server(directory)) as address:
        yield address


def bind_server(
    directory: Path, *, headers: HeaderRules | None = None, host: str = "127.0.0.1", port: int = 0
) -> ThreadingHTTPServer:
    """A server bound to ``host`` and ``port`` (by default a free port on 127.0.0.1), not yet serving,
    so its address is known early. With ``headers`` (from ``read_headers_file``) it sends them as a
    host that reads ``_headers`` would."""
    handler_class = type("HeadersHandler", (_HeadersHandler,), {"rules": headers}) if headers else _QuietHandler
    handler = functools.partial(handler_class, directory=str(directory))
    return QuietServer((host, port), handler)


class QuietServer(ThreadingHTTPServer):
    """A browser that leaves a page before it has loaded closes its connections; that is not an error."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


#: The pages of a small copy of the site (``small_project``): a quiz, the helplines and the
#: counsellors' list, in each edition. Enough for every feature that renders a template of ours.
SMALL_PAGES = {
    "en": {
        "index.md": "---\ndescription: A small test page.\n---\n\n# Home\n\n## A question {#a-question}\n\n"
        "```quiz\nid: small\ntype: prompt\ntitle: A question\nprompts: [What do you need today?]\n```\n",
        "help.md": "---\ndescription: Help.\ntemplate: help.html\n---\n\n# Get help now\n\n```helplines\n```\n",
        "counsellors.md": "---\ndescription: For counsellors.\ntemplate: counsellors.html\n---\n\n# For counsellors\n",
    },
    "es": {
        "index.md": "---\ndescription: Una página de prueba.\n---\n\n# Inicio\n\n## Una pregunta {#una-pregunta}\n\n"
        "```quiz\nid: small\ntype: prompt\ntitle: Una pregunta\nprompts: [¿Qué necesitas hoy?]\n```\n",
        "help.md": "---\ndescription: Ayuda.\ntemplate: help.html\n---\n\n# Pide ayuda ahora\n\n```helplines\n```\n",
        "counsellors.md": "---\ndescription: Para profesionales.\ntemplate: counsellors.html\n---\n\n"
        "# Para profesionales\n",
    },
}
_NAV = re.compile(r"^nav:\n(?:[ \t].*\n|\n)*", re.MULTILINE)
_ARABIC_EDITION = re.compile(r"^    - language: ar\n(?:      .*\n)*", re.MULTILINE)


def small_project(destination: Path) -> Path:
    """A copy of the site (``copy_project``) with its English and Spanish editions only, each holding
    only ``SMALL_PAGES``: it builds in a few seconds under any engine, with the same config and every
    feature that renders a template. The Arabic edition goes (with its entry in the others' list of
    editions): the build takes it before the Spanish one, where these tests make their mistakes."""
    project = copy_project(destination)
    for language, docs, config in (("en", "docs", "mkdocs.yml"), ("es", "docs-es", "mkdocs.es.yml")):
        shutil.rmtree(project / docs)
        (project / docs).mkdir()
        for name, text in SMALL_PAGES[language].items():
            (project / docs / name).write_text(text, encoding="utf-8")
        nav = "nav:\n" + "".join(f"  - {name}\n" for name in SMALL_PAGES[language])
        path = project / config
        text, arabic = _ARABIC_EDITION.subn("", _NAV.sub(nav, path.read_text(encoding="utf-8"), count=1))
        assert arabic == 1, f"{config} lists no Arabic edition to remove"
        path.write_text(text, encoding="utf-8")
    (project / "mkdocs.ar.yml").unlink()
    shutil.rmtree(project / "docs-ar")
    return project
