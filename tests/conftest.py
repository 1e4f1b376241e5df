"""Session fixtures: the real site built once with ``--strict``, served on localhost, Chromium, and the
three browser engines of the cross-browser tests (Chromium, Firefox, WebKit).

``make test`` runs the tests in two pytest-xdist workers (``-n 2 --dist loadgroup``). The site is
then built once, by the controller, for both (``support.shared_session``); tests that share an
expensive fixture run in the same worker (``support.xdist_groups``)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright
from support import fuzzing
from support.browser_tabs import Engine, Tab
from support.gate_pass import PageChecks, check_page, takes
from support.gates import site_pages
from support.new_site import PREPARED, Preparation, PreparationFiles
from support.outside_proxy import OutsideProxy, outside_proxy
from support.shared_session import PREPARATION_KEY, SITE_KEY, SharedSite, SiteAddress
from support.sitebuild import PROJECT_ROOT, bind_server, serving, site_build
from support.tab_chromium import ChromiumEngine
from support.tab_firefox import FirefoxEngine
from support.tab_webkit import WebKitEngine
from support.xdist_groups import GroupScheduling

from finding_balance.gates.browser import CHROMIUM_ARGS, NoChromium, find_chromium

# The budget of the property-based tests: "quick" unless HYPOTHESIS_PROFILE says "fuzz" (make fuzz).
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", fuzzing.DEFAULT_PROFILE))


#: The generator's test file, whose slow steps start as soon as the run begins.
GENERATOR_TESTS = PROJECT_ROOT / "tests" / "built" / "test_generator.py"
#: The controller's shared build (``SharedSite``) when the tests run in xdist workers.
SHARED_SITE = pytest.StashKey[SharedSite]()


def is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def runs_workers(config: pytest.Config) -> bool:
    """True in the controller of an xdist run (``-n 2``), which runs no test itself."""
    return not is_worker(config) and bool(getattr(config.option, "numprocesses", None))


def selects_generator_tests(config: pytest.Config) -> bool:
    """Whether the run's paths include the generator's tests (the controller does not collect)."""
    for argument in config.args:
        path = Path(argument.split("::", 1)[0]).resolve()
        if path == GENERATOR_TESTS or GENERATOR_TESTS.is_relative_to(path):
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    """With xdist workers, the controller starts the build and the generator's slow steps at once."""
    if not runs_workers(config):
        return
    config.stash[SHARED_SITE] = SharedSite(Path(tempfile.mkdtemp(prefix="finding-balance-site-")))
    if selects_generator_tests(config):
        config.stash[PREPARED] = Preparation(Path(tempfile.mkdtemp(prefix="finding-balance-new-site-")))


def pytest_configure_node(node: object) -> None:
    """xdist's controller, for each worker: where the shared site and the preparation are."""
    config: pytest.Config = node.config  # type: ignore[attr-defined]
    inputs: dict[str, object] = node.workerinput  # type: ignore[attr-defined]
    inputs[SITE_KEY] = config.stash[SHARED_SITE].address.as_input()
    preparation = config.stash.get(PREPARED, None)
    if preparation is not None:
        inputs[PREPARATION_KEY] = str(preparation.home)


def pytest_unconfigure(config: pytest.Config) -> None:
    shared = config.stash.get(SHARED_SITE, None)
    if shared is not None:
        shared.close()


def pytest_collection_finish(session: pytest.Session) -> None:
    """The generator's slow steps (a wheel, two installs, a new site's ``make test``) start now, in a
    thread, when the session is to run its tests (``support.new_site``); in an xdist worker they are
    the controller's, read from its files."""
    if not any(item.path.name == GENERATOR_TESTS.name for item in session.items):
        return
    if is_worker(session.config):
        home = session.config.workerinput.get(PREPARATION_KEY)  # type: ignore[attr-defined]
        if home:
            session.config.stash[PREPARED] = PreparationFiles(Path(home))
        return
    session.config.stash[PREPARED] = Preparation(Path(tempfile.mkdtemp(prefix="finding-balance-new-site-")))


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> GroupScheduling | None:
    """``--dist loadgroup`` (``make test``) sends each group of tests (``support.xdist_groups``) to one worker."""
    if config.getvalue("dist") != "loadgroup":
        return None
    return GroupScheduling(config, log)  # type: ignore[arg-type]


def pytest_sessionfinish(session: pytest.Session) -> None:
    preparation = session.config.stash.get(PREPARED, None)
    if preparation is not None:
        preparation.close()


#: The editions besides English, each built under its language's folder (``mkdocs.<lang>.yml``).
OTHER_EDITIONS = tuple(config.stem.split(".", 1)[1] for config in sorted(PROJECT_ROOT.glob("mkdocs.*.yml")))


@dataclass
class BuiltSite:
    """The real site, built once for the whole session, and the address it is served at."""

    directory: Path
    base_url: str

    def html_files(self) -> list[Path]:
        """The pages of the English edition (the others are under ``es/`` and ``ar/``: ``edition_files``)."""
        others = [self.directory / language for language in OTHER_EDITIONS]
        return sorted(
            path for path in self.directory.rglob("*.html") if not any(path.is_relative_to(o) for o in others)
        )

    def edition_files(self, language: str) -> list[Path]:
        """The pages of one edition: ``en`` at the root, each other one under ``<language>/``."""
        return self.html_files() if language == "en" else sorted((self.directory / language).rglob("*.html"))

    def every_edition_files(self) -> list[Path]:
        """The pages of every edition."""
        return sorted(self.directory.rglob("*.html"))

    def soup(self, relative_path: str) -> BeautifulSoup:
        return BeautifulSoup((self.directory / relative_path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    if is_worker(request.config):
        shared = SiteAddress.from_input(request.config.workerinput[SITE_KEY])  # type: ignore[attr-defined]
        outcome = shared.wait_for_build()
        if outcome["returncode"] != 0:
            pytest.fail(f"the build (every edition, --strict) failed:\n{outcome['stderr']}", pytrace=False)
        yield BuiltSite(shared.directory, shared.base_url)
        return
    site_dir = tmp_path_factory.mktemp("site")
    # Bind the port first: the build needs the final address, because Material only navigates
    # instantly to URLs listed in sitemap.xml, which is written from site_url.
    server = bind_server(site_dir)
    host, port = server.server_address[:2]
    base_url = f"http://{host}:{port}/"
    result = site_build(PROJECT_ROOT, site_dir, site_url=base_url)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"the build (mkdocs build --strict, every edition) failed:\n{result.stderr}", pytrace=False)
    with serving(site_dir, server) as url:
        yield BuiltSite(site_dir, url)


@pytest.fixture(scope="session")
def site_dir(built_site: BuiltSite) -> Path:
    """The folder of the site built with ``--strict``."""
    return built_site.directory


def chromium_path() -> str:
    """The Chromium that ``make test`` found (``CHROMIUM``), else what ``find_chromium`` finds here
    without installing anything. Never skipped: a missing browser is a failure, in CI and locally alike."""
    try:
        return str(find_chromium(install=False))
    except NoChromium as error:
        pytest.fail(f"{error} Run the tests with 'make test', which finds or installs one.", pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageLog:
    """What a browser page did: console errors, uncaught exceptions and every request's URL."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def foreign_requests(self, base_url: str) -> list[str]:
        return [url for url in self.requests if not url.startswith((base_url, "data:", "blob:"))]


@pytest.fixture
def page_log() -> PageLog:
    return PageLog()


@pytest.fixture
def page(browser: Browser, page_log: PageLog) -> Iterator[Page]:
    """A fresh browser page (own context, so no storage leaks between tests) that logs its activity."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    new_page.on("console", page_log.on_console)
    new_page.on("pageerror", lambda error: page_log.console_errors.append(str(error)))
    new_page.on("request", page_log.on_request)
    yield new_page
    context.close()


#: The two widths of the quality gates, with the window height used there.
GATE_WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
#: A gate test's parameter for each width. The tests of one width run in one xdist worker, which
#: makes that width's pass over every page (``gate_passes``) once (``support.xdist_groups``).
BY_GATE_WIDTH = list(GATE_WIDTHS)


class GatePasses:
    """Every page at a desktop's width and those of English and Arabic at a phone's ("page.html [phone]",
    ``support.gate_pass.EDITIONS_AT_WIDTH``), each loaded once per width in a fresh context and checked
    by every per-page check of the gates (``support.gate_pass``): axe (browser/test_gates_axe.py),
    keyboard access and focus rings (same file), and the WCAG 2.2 checks axe cannot make
    (browser/test_gates_wcag22.py). Each width's pass is made when a test first asks."""

    def __init__(self, browser: Browser, site: BuiltSite) -> None:
        self._browser = browser
        self._site = site
        self._passes: dict[str, dict[str, PageChecks]] = {}

    def at(self, width_name: str) -> dict[str, PageChecks]:
        if width_name not in self._passes:
            width, height = GATE_WIDTHS[width_name]
            context = self._browser.new_context(color_scheme="light", viewport={"width": width, "height": height})
            page = context.new_page()
            checked = {}
            try:
                for site_page in site_pages(self._site.directory, self._site.base_url):
                    if takes(width_name, site_page.path):
                        page.goto(site_page.url)
                        checked[f"{site_page.path} [{width_name}]"] = check_page(page, site_page.path)
            finally:
                context.close()
            self._passes[width_name] = checked
        return self._passes[width_name]


@pytest.fixture(scope="session")
def gate_passes(browser: Browser, built_site: BuiltSite) -> GatePasses:
    return GatePasses(browser, built_site)


# ---------------------------------------------------------------------------------------------------
# The three browser engines of the cross-browser tests (engines/test_key_paths.py, support/key_paths.py)

#: Every engine the key paths run in. Each is started once, when its first test needs it.
BROWSER_ENGINES = ("chromium", "firefox", "webkit")


def browser_binary(variable: str, finder: str, default: str) -> str:
    """The browser that ``make test`` found (``variable``), else ``default``. Never skipped: a missing
    browser is a failure, in CI and locally alike."""
    path = os.environ.get(variable) or default
    if not Path(path).exists():
        pytest.fail(
            f"No browser at {path}: run the tests with 'make test', which finds or installs it "
            f"(scripts/{finder}), or set {variable}.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def outside() -> Iterator[OutsideProxy]:
    """The proxy every cross-browser tab sends other hosts' requests to (nothing leaves the machine)."""
    with outside_proxy() as proxy:
        yield proxy


@pytest.fixture(scope="session", params=BROWSER_ENGINES)
def browser_engine(request: pytest.FixtureRequest, outside: OutsideProxy) -> Iterator[Engine]:
    """One running browser engine; the tests that use it are run together, then it is stopped."""
    name = request.param
    if name == "chromium":
        engine: Engine = ChromiumEngine(request.getfixturevalue("browser"), outside)
    elif name == "firefox":
        engine = FirefoxEngine(browser_binary("FIREFOX", "find-firefox.sh", "/usr/bin/firefox-esr"), outside)
    else:
        default = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
        engine = WebKitEngine(browser_binary("WEBKIT", "find-webkit.sh", default), outside)
    yield engine
    engine.close()


@pytest.fixture
def tab(browser_engine: Engine, built_site: BuiltSite) -> Iterator[Tab]:
    """A tab of ``browser_engine`` with empty storage, on no page yet."""
    new_tab = browser_engine.new_tab(built_site.base_url)
    yield new_tab
    new_tab.close()
