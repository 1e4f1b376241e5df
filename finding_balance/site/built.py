"""One built edition as the finishing passes share it: what it is, and what they note as pages go by.

``SiteContext`` is what the engine tells of the edition (folders, address, navigation, settings);
``BuiltSite`` holds what the passes of every feature read and note from one page to the next (page
addresses, the anchors and content of each page, the problems found, the pages held back) and the
helpers they share (a page's address, a file as messages name it). The kinds of pass a feature
declares (``finding_balance.feature``) are typed here: ``PagePass``, ``LastEdit``, ``SiteCheck`` and
``SitePass``; ``apply_edits`` makes a page's last edits in one copy.

Made for each build and edition by ``finding_balance.site.finish.SiteFinisher``, under every engine.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from finding_balance.anchors.redirects import AnchorRedirect
from finding_balance.article import Article
from finding_balance.handouts.qr_cache import QrCodes
from finding_balance.messages import EditionFiles
from finding_balance.site.page import BuiltPage
from finding_balance.urls import page_url

if TYPE_CHECKING:
    from finding_balance.anchors.quiz_links import QuizLink
    from finding_balance.counsellors.directory import DirectoryEntry


@dataclass(frozen=True)
class SiteContext:
    """What the passes need to know about one built edition."""

    site_dir: Path
    site_url: str
    docs_dir: Path
    assets_dir: Path
    """Our CSS and JS sources (``finding_balance/theme/assets``)."""
    display_root: Path
    """The folder file names in messages are relative to (the config file's)."""
    nav: tuple[tuple[str, str], ...] = ()
    use_directory_urls: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    redirects: tuple[AnchorRedirect, ...] = ()
    """``extra.anchor_redirects``, as the check read them (``finding_balance.anchors.redirects``)."""
    serving: bool = False
    """Under ``mkdocs serve``: no Content Security Policy (its live-reload script is inline)."""
    style_hashes: tuple[str, ...] = ()
    """Hashes of stylesheets the engine's theme script writes (``engines.zensical.theme_style_hashes``)."""
    qr_cache: Path | None = None
    """The file of QR codes kept between builds (``qr_cache.cache_file``); none: every code is made."""
    theme_dir: Path | None = None
    """The site's own theme folder (``theme.custom_dir``): its templates win over ours."""
    config_name: str = "mkdocs.yml"
    """The edition's config file (``mkdocs.es.yml``), as messages name it."""


@dataclass
class Noted:
    """What the site-wide passes need from one page."""

    ids: frozenset[str]
    """The ids of the page's content as built (before old anchors went in)."""
    article: Article
    """The page's content as built, read (``BuiltPage.article``): what the counsellors' list reads."""
    description: str
    old_anchors: frozenset[str] = frozenset()
    entry: DirectoryEntry | None = None
    """The page's entry in the counsellors' list, when made as the page went by
    (``BuiltSite.list_each_page``)."""


# ---------------------------------------------------------------------------------------------------
# The kinds of pass a feature declares (``finding_balance.feature.Feature``)

PagePass = Callable[["BuiltSite", BuiltPage], None]
"""Over one page built from Markdown: edits ``page.content`` or notes a problem in ``site.problems``."""
Edit = tuple[int, int, str]
"""A place in a page (start, end) and what goes there."""
LastEdit = Callable[[str, SiteContext, str, QrCodes], "Edit | None"]
"""On every HTML page, once it is final: the edit to make in it, found in the page as it came."""
SiteCheck = Callable[["BuiltSite"], list[str]]
"""Once every page is built: problems across pages, reported with the pages' own in one message."""
SitePass = Callable[["BuiltSite"], None]
"""Once every page is built: reads the pages noted and writes files of the site."""


def apply_edits(html: str, context: SiteContext, name: str, codes: QrCodes, edits: Iterable[LastEdit]) -> str:
    """``html`` with each of ``edits`` made, each found in the page as it came, in one copy."""
    found = [edit for last_edit in edits if (edit := last_edit(html, context, name, codes))]
    if not found:
        return html
    pieces, done = [], 0
    for start, end, text in sorted(found):
        pieces += [html[done:start], text]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


class BuiltSite:
    """One edition as its passes share it, from the first page to the last site-wide pass.

    ``last_edits``: the edits that finish a page (``finding_balance.registry``), so that a pass
    that writes a page again (the counsellors' list) finishes it as every other page is.
    """

    def __init__(self, context: SiteContext, last_edits: tuple[LastEdit, ...] = ()) -> None:
        self.context = context
        self.last_edits = last_edits
        directory_urls = context.use_directory_urls
        sources = sorted(
            os.path.relpath(os.path.join(root, name), context.docs_dir).replace(os.sep, "/")
            for root, _, names in os.walk(context.docs_dir)
            for name in names
            if name.endswith(".md")
        )
        self.urls = {source: page_url(source, directory_urls) for source in sources}
        self.by_url = {url: source for source, url in self.urls.items()}
        self.noted: dict[str, Noted] = {}
        self.held: dict[str, BuiltPage] = {}
        self.finished: set[str] = set()
        self.problems: list[str] = []
        self.nav_titles = {source: title for title, source in context.nav}
        # What one feature's passes note for its own later passes (``anchors``, ``handouts``).
        self.redirects = list(context.redirects)
        self.redirects_by_page: dict[str, list[AnchorRedirect]] = {}
        for redirect in self.redirects:
            self.redirects_by_page.setdefault(redirect.page, []).append(redirect)
        self.reported: set[AnchorRedirect] = set()
        self.quiz_links: list[QuizLink] = []
        self.qr_codes = QrCodes(context.qr_cache)
        #: Make each page's entry in the counsellors' list as the page goes by, not in ``site``: for a
        #: finisher with time to spare while the engine renders (``parallel``), which then has less
        #: left to do when the build ends.
        self.list_each_page = False

    def url_of(self, source: str) -> str:
        return self.urls.get(source) or page_url(source, self.context.use_directory_urls)

    def output_name(self, source: str) -> str:
        """Where the page ``source`` is written, relative to the site folder."""
        url = self.url_of(source)
        return url + "index.html" if self.context.use_directory_urls else url

    def display(self, path: Path) -> str:
        root = self.context.display_root
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    def display_source(self, source: str) -> str:
        return self.display(self.context.docs_dir / source)

    @property
    def files(self) -> EditionFiles:
        """The edition's config file and docs folder, as messages name them."""
        return EditionFiles(self.context.config_name, self.display(self.context.docs_dir))

    def source_text(self, source: str) -> str:
        try:
            return (self.context.docs_dir / source).read_text(encoding="utf-8-sig")
        except OSError:
            return ""

    def ids_of(self, source: str) -> frozenset[str]:
        """The anchors of a page as built (before its old anchors went in)."""
        noted = self.noted.get(source)
        return noted.ids if noted else frozenset()

    def finish(self, html: str, name: str) -> str:
        """A page with its last edits made."""
        return apply_edits(html, self.context, name, self.qr_codes, self.last_edits)

    def write_finished(self, html: str, name: str) -> None:
        (self.context.site_dir / name).write_text(self.finish(html, name), "utf-8")
