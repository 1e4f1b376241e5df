"""The published addresses of the site: every page, every section and every quiz.

Counsellors send these addresses to clients, so each one must keep working. ``tests/data/published-urls.txt``
lists them, one a line, relative to ``site_url`` (``/trust/#feeling-safe-to-ask``);
``tests/content/test_published_addresses.py`` fails when a listed address no longer leads anywhere in the
build and no redirect keeps it working.

Run as a script (``make urls``), it builds the site, adds the addresses that are new to the list and
says which listed ones are broken. It never removes an address: one that goes needs a redirect
(``plugins.redirects.redirect_maps`` for a page, ``extra.anchor_redirects`` for a section or quiz).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# The site is built as the tests build it, with their helpers (tests/support/).
sys.path[:0] = [str(Path(__file__).resolve().parent.parent / folder) for folder in ("tests", "hooks")]
from support import TEST_DATA  # noqa: E402
from support.sitebuild import PROJECT_ROOT, site_build  # noqa: E402

from finding_balance.outline import outline  # noqa: E402  (the hooks folder is not a package)

LIST_FILE = TEST_DATA / "published-urls.txt"
HEADER = """\
# Published addresses of Finding Balance: every page, section and quiz, relative to site_url.
# Counsellors send them to clients, so each must keep working: tests/content/test_published_addresses.py
# fails when one is gone from the build without a redirect. Add new addresses with `make urls`. Never
# delete a line: redirect the address instead (plugins.redirects.redirect_maps in mkdocs.yml for a page,
# extra.anchor_redirects for a section or quiz).
"""
#: Built HTML files that are not published pages.
NOT_PAGES = ("404.html",)
_REFRESH = re.compile(r"""<meta\s+http-equiv=["']refresh["']\s+content=["']\d+;\s*url=([^"']+)["']""", re.IGNORECASE)
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
MAX_REDIRECTS = 5


def redirect_target(html: str) -> str | None:
    """Where a redirect page (as ``mkdocs-redirects`` writes them) sends the reader, else ``None``."""
    found = _REFRESH.search(html)
    return found.group(1) if found else None


def page_address(site_dir: Path, html_file: Path) -> str:
    """The address of a built HTML file, relative to the site root: ``/``, ``/trust/``, ``/x.html``."""
    relative = html_file.relative_to(site_dir).as_posix()
    return "/" + relative.removesuffix("index.html")


def file_of(site_dir: Path, path: str) -> Path | None:
    """The built file an address path leads to, as a static web server finds it."""
    relative = unquote(path).lstrip("/")
    candidate = site_dir / relative
    if not relative or relative.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def addresses_in(site_dir: Path) -> list[str]:
    """Every published address of a built site: each page, then its sections and quizzes in page order.

    A page is every HTML file but ``404.html`` and redirect pages; its sections are the headings with an
    ``id`` in its article (not the page title, not quiz titles), its quizzes the ``section.fb-quiz``.
    """
    addresses: list[str] = []
    html_files = sorted(site_dir.rglob("*.html"), key=lambda path: page_address(site_dir, path))
    for html_file in html_files:
        if html_file.name in NOT_PAGES:
            continue
        html = html_file.read_text(encoding="utf-8")
        if redirect_target(html) is not None:
            continue
        address = page_address(site_dir, html_file)
        addresses.append(address)
        article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
        if article is None:
            continue
        found = outline(str(article))
        anchors = [section.anchor for section in found.sections] + [quiz.anchor for quiz in found.quizzes]
        addresses += [f"{address}#{anchor}" for anchor in anchors]
    return addresses


def problem_with(site_dir: Path, address: str) -> str | None:
    """Why ``address`` no longer leads anywhere in the built site, or ``None`` when it works.

    It works when its page is built (or is a redirect page leading, within a few steps, to a built page)
    and the page has an element with its anchor: the section or quiz itself, or the old anchor an
    anchor redirect puts back. A redirect page carries the anchor along, as its script does.
    """
    path, _, anchor = address.partition("#")
    for _ in range(MAX_REDIRECTS):
        html_file = file_of(site_dir, path)
        if html_file is None:
            return f"no page at {path}"
        html = html_file.read_text(encoding="utf-8")
        target = redirect_target(html)
        if target is None:
            break
        parts = urlsplit(urljoin(path, target))
        path = parts.path
        if parts.fragment:
            anchor = f"{parts.fragment}#{anchor}" if anchor else parts.fragment
    else:
        return f"more than {MAX_REDIRECTS} redirects"
    if anchor and unquote(anchor) not in set(_ID.findall(html)):
        return f"{path} has no anchor #{anchor}"
    return None


def broken(site_dir: Path, addresses: Iterable[str]) -> dict[str, str]:
    """The addresses that no longer lead anywhere, each with the reason."""
    problems = {address: problem_with(site_dir, address) for address in addresses}
    return {address: problem for address, problem in problems.items() if problem}


def read_list(path: Path = LIST_FILE) -> list[str]:
    """The addresses in a list file: one a line; blank lines and ``#`` comment lines skipped."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line and not line.startswith("# ") and line != "#"]


def merged(listed: list[str], published: list[str]) -> list[str]:
    """Every listed and every published address once, grouped by page, in the order the site has them.

    Listed addresses the build no longer has (kept working by redirects) stay with their page.
    """
    groups: dict[str, list[str]] = {}
    for address in [*published, *listed]:
        group = groups.setdefault(address.partition("#")[0], [])
        if address not in group:
            group.append(address)
    return [address for group in groups.values() for address in group]


def write_list(addresses: list[str], path: Path = LIST_FILE) -> None:
    path.write_text(HEADER + "".join(f"{address}\n" for address in addresses), encoding="utf-8")


def main() -> int:
    """Build the site, add its new addresses to the list, report the listed ones that are broken."""
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder)
        result = site_build(PROJECT_ROOT, site_dir, site_url="https://finding-balance.example.org/")
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            print("The site does not build: fix that first.", file=sys.stderr)
            return 1
        listed = read_list() if LIST_FILE.exists() else []
        published = addresses_in(site_dir)
        new = [address for address in published if address not in listed]
        write_list(merged(listed, published))
        problems = broken(site_dir, listed)
    path = LIST_FILE.relative_to(PROJECT_ROOT)
    print(f"{path}: {len(new)} new address(es) added." if new else f"{path}: no new addresses.")
    for address in new:
        print(f"  + {address}")
    if problems:
        print("Listed addresses that no longer work: add a redirect for each (see the top of the list):")
        for address, problem in problems.items():
            print(f"  ! {address}  ({problem})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
