"""Gate and tool: the published addresses of a site, every page, section and quiz, keep working.

Counsellors send these addresses to clients. A site lists them in a text file, one a line, relative to
its ``site_url`` (``/trust/#feeling-safe-to-ask``); ``address_problems`` names each listed address that
no longer leads anywhere in the build. ``python -m finding_balance urls`` adds a build's new addresses
to the list and never removes one: an address that goes needs a redirect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from finding_balance.gates.pages import NOT_PAGES, article_of, redirect_target
from finding_balance.outline import outline

HEADER = """\
# Published addresses of this site: every page, section and quiz, relative to site_url.
# Counsellors send them to clients, so each must keep working: the tests fail when one is gone from
# the build without a redirect. Add new addresses with `make urls`. Never delete a line: redirect the
# address instead (plugins.redirects.redirect_maps in mkdocs.yml for a page, extra.anchor_redirects
# for a section or quiz).
"""
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
MAX_REDIRECTS = 5


def page_address(site_dir: Path, html_file: Path) -> str:
    """The address of a built HTML file, relative to the site root: ``/``, ``/trust/``, ``/x.html``."""
    return "/" + html_file.relative_to(site_dir).as_posix().removesuffix("index.html")


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
    for html_file in sorted(site_dir.rglob("*.html"), key=lambda path: page_address(site_dir, path)):
        if html_file.name in NOT_PAGES:
            continue
        html = html_file.read_text(encoding="utf-8")
        if redirect_target(html) is not None:
            continue
        address = page_address(site_dir, html_file)
        addresses.append(address)
        article = article_of(html)
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


def read_list(path: Path) -> list[str]:
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


def write_list(addresses: list[str], path: Path, header: str = HEADER) -> None:
    path.write_text(header + "".join(f"{address}\n" for address in addresses), encoding="utf-8")


def address_problems(site_dir: Path, list_file: Path) -> list[str]:
    """Each listed address that no longer works, with the reason; a missing list is one problem."""
    if not list_file.is_file():
        return [f"{list_file}: no list of published addresses; run `make urls`"]
    return [f"{address}: {problem}" for address, problem in broken(site_dir, read_list(list_file)).items()]
