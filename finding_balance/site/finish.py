"""The finishing of one built edition: passes over each page as it is written, then over the site.

``SiteFinisher.page`` cuts a built page once around its content and reads that content once into
its article (``finding_balance.site.page``, ``finding_balance.article``), then runs ``PAGE_PASSES``
over it, each one concern: each section heading in a row with room for its
"Copy link" button, the page's anchors checked for collisions, its quizzes checked to have reached
it, what the site-wide passes need noted (anchors, quiz links, content), its old anchors put back.
Then the page is finished by ``LAST_EDITS`` (the handout's QR code and the Content Security Policy,
written in one copy of the page), unless a site-wide pass finishes it later (the counsellors' list,
the pack page). ``SiteFinisher.site``, once every page is written, runs ``SITE_PASSES`` in order:
our CSS and JS bundles, the checks across pages (quiz links' and redirects' anchors), the sitemap's
language alternates, the hosts' headers file, the pages held back, every other HTML file of the site
(the redirect pages of mkdocs-redirects, for one) and the QR codes kept for the next build. Adding a
pass is adding one entry to its list.

Under MkDocs and ProperDocs the plugin (``finding_balance/engines/mkdocs_finishing.py``) hands each
page to ``page`` as MkDocs writes it and calls ``site`` when the build ends (or
``finding_balance.site.parallel`` does, in a helper process); under Zensical the build command
calls ``finish_site`` over the pages Zensical wrote.
"""

from __future__ import annotations

import html as html_lib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from finding_balance import anchor_collisions
from finding_balance.anchor_redirects import AnchorRedirect
from finding_balance.article import Article
from finding_balance.check import unrendered_quizzes
from finding_balance.errors import AuthorError
from finding_balance.messages import EditionFiles
from finding_balance.site import counsellors, csp, handouts, old_anchors, packs
from finding_balance.site.bundle import write_bundles
from finding_balance.site.copy_links import in_rows
from finding_balance.site.headers import write_headers
from finding_balance.site.pack_ids import PACK_PAGE
from finding_balance.site.page import BuiltPage
from finding_balance.site.qr_cache import QrCodes
from finding_balance.site.quiz_links import QuizLink, missing_anchors, quiz_links, quizzes_in
from finding_balance.site.sitemap import SitemapError, write_alternates
from finding_balance.urls import page_url, relative_url


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
    """``extra.anchor_redirects``, as the check read them (``finding_balance.anchor_redirects``)."""
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


_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@dataclass
class _Noted:
    """What the site-wide passes need from one page."""

    ids: frozenset[str]
    """The ids of the page's content as built (before old anchors went in)."""
    article: Article
    """The page's content as built, read (``BuiltPage.article``): what the counsellors' list reads."""
    description: str
    old_anchors: frozenset[str] = frozenset()
    entry: counsellors.DirectoryEntry | None = None
    """The page's entry in the counsellors' list, when made as the page went by
    (``SiteFinisher.list_each_page``)."""


class SiteFinisher:
    """The finishing of one edition: ``page`` for every built page, then ``site`` once.

    One per build and edition; it keeps what the site-wide passes need until ``site``.
    """

    def __init__(self, context: SiteContext) -> None:
        self.context = context
        directory_urls = context.use_directory_urls
        sources = sorted(
            os.path.relpath(os.path.join(root, name), context.docs_dir).replace(os.sep, "/")
            for root, _, names in os.walk(context.docs_dir)
            for name in names
            if name.endswith(".md")
        )
        self.urls = {source: page_url(source, directory_urls) for source in sources}
        self.by_url = {url: source for source, url in self.urls.items()}
        self.redirects = list(context.redirects)
        self.redirects_by_page: dict[str, list[AnchorRedirect]] = {}
        for redirect in self.redirects:
            self.redirects_by_page.setdefault(redirect.page, []).append(redirect)
        self.noted: dict[str, _Noted] = {}
        self.quiz_links: list[QuizLink] = []
        self.held: dict[str, BuiltPage] = {}
        self.finished: set[str] = set()
        self.reported: set[AnchorRedirect] = set()
        self.problems: list[str] = []
        self.qr_codes = QrCodes(context.qr_cache)
        self.nav_titles = {source: title for title, source in context.nav}
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

    def page(
        self, html: str, name: str, source: str | None = None, quizzes: Iterable[tuple[str, int]] | None = None
    ) -> str:
        """One built page, finished. ``name`` is its file relative to the site folder; ``source`` its
        Markdown file relative to the docs folder (none for a page made from a template alone, such
        as ``404.html``); ``quizzes`` the id and line of each quiz the check found in that file, to
        make sure each reached the page (none: the caller checked). Problems that concern the whole
        site are kept for ``site``; a page that cannot carry a policy raises ``AuthorError``."""
        self.finished.add(name)
        if source is None:
            return finished_html(html, self.context, name, self.qr_codes)
        built = BuiltPage.cut(html, name, source, quizzes)
        for page_pass in PAGE_PASSES:
            page_pass(self, built)
        if built.held:
            self.held[source] = built
            return built.html
        return finished_html(built.html, self.context, name, self.qr_codes)

    def site(self) -> None:
        """Once every page went through ``page``: ``SITE_PASSES``. Raises ``AuthorError``."""
        for _, site_pass in SITE_PASSES:
            site_pass(self)

    def directory_entries(self) -> list[counsellors.DirectoryEntry]:
        """Every page noted, as the counsellors' list shows it, in navigation order."""
        entries = {source: noted.entry or self.directory_entry(source, noted) for source, noted in self.noted.items()}
        return counsellors.in_order(entries, [source for _, source in self.context.nav])

    def directory_entry(self, source: str, noted: _Noted) -> counsellors.DirectoryEntry:
        title = self.nav_titles.get(source)
        if not title:
            title = noted.article.title if noted.article.title is not None else source
        return counsellors.directory_entry(
            source=source,
            title=title,
            page_url=self.url_of(source),
            site_url=self.context.site_url,
            found=noted.article.outline,
            description=noted.description,
        )

    def write_finished(self, html: str, name: str) -> None:
        (self.context.site_dir / name).write_text(finished_html(html, self.context, name, self.qr_codes), "utf-8")


# ---------------------------------------------------------------------------------------------------
# The passes over each page built from Markdown, in order

PagePass = Callable[[SiteFinisher, BuiltPage], None]


def copy_link_rows(finisher: SiteFinisher, page: BuiltPage) -> None:
    """Each section heading in a row with room for its "Copy link" button (``copy_links``)."""
    page.content = in_rows(page.content, page.article)


def colliding_anchors(finisher: SiteFinisher, page: BuiltPage) -> None:
    """Two anchors of the page that collide (a heading {#quiz-x} beside quiz x, one {#anchor} twice)."""
    if page.article.duplicate_ids():
        source = page.source
        text, display = finisher.source_text(source), finisher.display_source(source)
        collision = anchor_collisions.page_collision(page.article, text, display)
        if collision:
            finisher.problems.append(collision)


def quizzes_reached_the_page(finisher: SiteFinisher, page: BuiltPage) -> None:
    """Each quiz the check found is on the page (``check.unrendered_quizzes``)."""
    if page.quizzes is not None:
        finisher.problems += unrendered_quizzes(finisher.display_source(page.source), page.quizzes, page.content)


def note_for_the_site(finisher: SiteFinisher, page: BuiltPage) -> None:
    """What the site-wide passes need: the page's anchors, content, description and quiz links."""
    source, article = page.source, page.article
    if article.quizzes:
        finisher.quiz_links += quiz_links(source, article, finisher.url_of(source), finisher.by_url)
    description = _DESCRIPTION.search(page.head or page.content)  # in <head>; a page without an article is all content
    noted = _Noted(
        ids=frozenset(article.ids),
        article=article,
        description=html_lib.unescape(description.group(1)) if description else "",
    )
    if finisher.list_each_page:
        noted.entry = finisher.directory_entry(source, noted)
    finisher.noted[source] = noted


def old_anchors_back(finisher: SiteFinisher, page: BuiltPage) -> None:
    """The old anchors of ``extra.anchor_redirects`` that belong to the page (``anchors``)."""
    mine = finisher.redirects_by_page.get(page.source)
    if not mine:
        return
    noted = finisher.noted[page.source]
    directory_urls = finisher.context.use_directory_urls

    def where_still(redirect: AnchorRedirect) -> str | None:
        """An old anchor still on its page: where the page's Markdown declares it, when it shows."""
        found = anchor_collisions.declarations(redirect.anchor, finisher.source_text(redirect.page))
        if not found:
            return None
        return anchor_collisions.collision_message(
            finisher.display_source(redirect.page),
            redirect.anchor,
            len(found) + 1,
            found,
            others=(f"the old anchor {redirect.name} in {finisher.context.config_name}",),
            hint="remove the redirect, or the anchor from the page",
        )

    page.content, problems = old_anchors.old_anchors_into(
        page.content,
        noted.ids,
        mine,
        lambda here, there: relative_url(here, there, directory_urls),
        where_still,
        finisher.files,
    )
    finisher.problems += problems
    finisher.reported |= {redirect for redirect in mine if redirect.anchor in noted.ids}
    noted.old_anchors = frozenset(redirect.anchor for redirect in mine if redirect.anchor not in noted.ids)


def hold_site_wide_pages(finisher: SiteFinisher, page: BuiltPage) -> None:
    """The counsellors' list and the pack page are finished in ``site``, once every page is known."""
    page.held = counsellors.has_directory(page.content) or packs.has_placeholder(page.content)


PAGE_PASSES: tuple[PagePass, ...] = (
    copy_link_rows,
    colliding_anchors,
    quizzes_reached_the_page,
    note_for_the_site,
    old_anchors_back,
    hold_site_wide_pages,
)


# ---------------------------------------------------------------------------------------------------
# The last edits of every page: each a place in the page and what goes there, made in one copy

Edit = tuple[int, int, str]
LastEdit = Callable[[str, SiteContext, str, QrCodes], "Edit | None"]


def qr_code_edit(html: str, context: SiteContext, name: str, codes: QrCodes) -> Edit | None:
    """The handout's QR code in place of its placeholder (``handouts``)."""
    try:
        return handouts.qr_code_replacement(html, codes)
    except ValueError as error:  # the encoder's own words: the address does not fit in any QR code
        too_long = f"the page's address is too long for a QR code ({error})"
        raise AuthorError([f"handout: {name}: {too_long}; shorten site_url or the page's path."]) from None


def policy_edit(html: str, context: SiteContext, name: str, codes: QrCodes) -> Edit | None:
    """The Content Security Policy (``csp``), none under ``mkdocs serve``. Computed on the page
    before the QR code goes in: the image (a percent-encoded ``data:`` URL) holds no ``<`` and so
    adds no script, comment or style to the page."""
    if context.serving:
        return None
    try:
        position, meta = csp.policy_insert(html, context.style_hashes)
    except ValueError as error:
        raise AuthorError([f"csp: {name}: {error}."]) from None
    return position, position, meta


LAST_EDITS: tuple[LastEdit, ...] = (qr_code_edit, policy_edit)


def finished_html(html: str, context: SiteContext, name: str, codes: QrCodes | None = None) -> str:
    """A page with ``LAST_EDITS`` made, each found in the page as it came (QR codes from ``codes``,
    the codes kept between builds, when given)."""
    codes = codes or QrCodes()
    edits = [edit for last_edit in LAST_EDITS if (edit := last_edit(html, context, name, codes))]
    if not edits:
        return html
    pieces, done = [], 0
    for start, end, text in sorted(edits):
        pieces += [html[done:start], text]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------------------
# The passes over the site, once every page is written, in order

SitePass = Callable[[SiteFinisher], None]


def bundles(finisher: SiteFinisher) -> None:
    """Our CSS and JS, one minified bundle each (``bundle``)."""
    context = finisher.context
    try:
        write_bundles(context.assets_dir, context.site_dir)
    except OSError as error:
        raise AuthorError([f"finding_balance/theme/assets: cannot read {error.filename}: {error.strerror}"]) from None


def checks_across_pages(finisher: SiteFinisher) -> None:
    """Every problem of the pages, and the anchors that redirects and quiz links lead to."""
    problems = list(finisher.problems)
    problems += old_anchors.missing_redirect_targets(
        [redirect for redirect in finisher.redirects if redirect not in finisher.reported],
        finisher.ids_of,
        finisher.files,
    )

    def ids_and_old_anchors(source: str) -> frozenset[str]:
        noted = finisher.noted.get(source)
        return noted.ids | noted.old_anchors if noted else frozenset()

    problems += missing_anchors(finisher.quiz_links, ids_and_old_anchors, finisher.context.docs_dir, finisher.display)
    if problems:
        raise AuthorError(problems)


def language_alternates(finisher: SiteFinisher) -> None:
    """Each edition's addresses in the sitemap (``sitemap``)."""
    context = finisher.context
    language = str(context.extra.get("language") or "en")
    try:
        write_alternates(context.site_dir, context.site_url, language, context.extra.get("editions") or [])
    except SitemapError as error:
        raise AuthorError([f"sitemap.xml: {error}"]) from None


def hosts_headers(finisher: SiteFinisher) -> None:
    """The main edition's headers file: the host reads one, at the root, for every edition."""
    if not any(edition.get("default") for edition in finisher.context.extra.get("editions") or []):
        write_headers(finisher.context.site_dir)


def held_pages(finisher: SiteFinisher) -> None:
    """The counsellors' list and the pack page's data, from every page noted (``counsellors``, ``packs``)."""
    if not finisher.held:
        return
    context = finisher.context
    entries = finisher.directory_entries()
    pack_url = finisher.urls.get(PACK_PAGE)
    pack_address = counsellors.page_address(context.site_url, pack_url) if pack_url else ""
    directories = {source: page for source, page in finisher.held.items() if counsellors.has_directory(page.content)}
    for source, page in directories.items():
        words = context.extra.get("words", {})
        theme_dir = str(context.theme_dir) if context.theme_dir else None
        listed = counsellors.with_directory(page.html, entries, source, words, pack_address, theme_dir)
        finisher.write_finished(listed, page.name)
    pack_pages = [page for source, page in finisher.held.items() if source not in directories]
    if pack_pages:
        items: dict[str, packs.PackItem] = {}
        leave_out = {PACK_PAGE, *directories}
        for entry in entries:
            if entry.source not in leave_out:
                items.update(packs.page_items(entry, finisher.noted[entry.source].article))
        data = packs.pack_data(items, finisher.redirects)
        for page in pack_pages:
            finisher.write_finished(packs.with_data(page.html, data), page.name)


def other_html_files(finisher: SiteFinisher) -> None:
    """Every HTML file of the site no engine event handed over (mkdocs-redirects' pages, for one)."""
    site_dir = finisher.context.site_dir
    for root, _, names in os.walk(site_dir):
        for file_name in names:
            if not file_name.endswith(".html"):
                continue
            path = os.path.join(root, file_name)
            name = os.path.relpath(path, site_dir).replace(os.sep, "/")
            if name in finisher.finished:
                continue
            with open(path, encoding="utf-8") as file:
                html = file.read()
            finished = finished_html(html, finisher.context, name, finisher.qr_codes)
            if finished != html:
                with open(path, "w", encoding="utf-8") as file:
                    file.write(finished)


def kept_qr_codes(finisher: SiteFinisher) -> None:
    """The QR codes this build used, kept for the next (``qr_cache``, outside the site)."""
    finisher.qr_codes.save()


SITE_PASSES: tuple[tuple[str, SitePass], ...] = (
    ("bundles", bundles),
    ("checks across pages", checks_across_pages),
    ("language alternates", language_alternates),
    ("hosts' headers", hosts_headers),
    ("held pages", held_pages),
    ("other HTML files", other_html_files),
    ("kept QR codes", kept_qr_codes),
)


def finish_site(context: SiteContext, quizzes: Mapping[str, Iterable[tuple[str, int]]] | None = None) -> None:
    """Finish the edition built in ``context.site_dir``, reading and writing its files: for an engine
    that runs none of our code while it builds (Zensical). ``quizzes``: the id and line of each quiz
    of each page, as the check found them (``check.check_edition``); without them each page's
    Markdown is read again. Raises ``AuthorError`` on a problem."""
    finisher = SiteFinisher(context)
    for source in finisher.urls:
        name = finisher.output_name(source)
        path = context.site_dir / name
        if not path.is_file():
            continue
        html = path.read_text(encoding="utf-8")
        expected = quizzes.get(source, ()) if quizzes is not None else quizzes_in(context.docs_dir / source)
        finished = finisher.page(html, name, source, expected)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
    finisher.site()
