"""pytest fixtures for a Finding Balance site's own tests: load with ``pytest_plugins =
["finding_balance.gates.plugin"]`` in the site's ``tests/conftest.py``.

- ``built_site``: every edition built once per test session with ``--strict`` from the folder pytest
  runs in, and served on localhost (a failed build fails the tests that need it, with the build's
  message);
- ``chromium``: a headless Chromium (``browser.find_chromium``), started once; a missing browser is a
  failure, never a skip;
- ``page``: a fresh page of it, in its own context, so no storage leaks between tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from finding_balance.gates.browser import CHROMIUM_ARGS, NoChromium, find_chromium
from finding_balance.gates.build import bind_server, build_site, serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


@dataclass(frozen=True)
class BuiltSite:
    """The site built once for the session, the folder it is in and the address it is served at."""

    project: Path
    directory: Path
    base_url: str


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    project = Path(str(request.config.rootpath))
    site_dir = tmp_path_factory.mktemp("site")
    server = bind_server(site_dir)
    host, port = server.server_address[:2]
    result = build_site(project, site_dir, site_url=f"http://{host}:{port}/")
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"the site does not build:\n{result.stderr}", pytrace=False)
    with serving(server) as base_url:
        yield BuiltSite(project, site_dir, base_url)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    try:
        executable = find_chromium()
    except NoChromium as error:
        pytest.fail(str(error), pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
