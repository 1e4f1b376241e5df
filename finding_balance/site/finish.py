"""The finishing passes over one built edition: each page as it is written, then the site once.

``SiteFinisher.page`` takes one built page's final HTML and returns it finished: each section
heading in a row with room for its "Copy link" button (``copy_links``), its anchors checked for
collisions (``finding_balance.anchors``), its old anchors put back (``anchors``), the handout's QR
code (``handouts``) and, last, its Content Security Policy (``csp``). It also notes what the
site-wide steps need from the page: its anchors, its quizzes' links, and for the counsellors' list
its content (the theme's ``<article>``, not the whole page with its navigation).
``SiteFinisher.site``, once every page is written: our CSS and JS bundles (``bundle``), the anchors
that quiz links and anchor redirects lead to checked across pages, the counsellors' list written
into its page (``counsellors``; that page gets its policy then), the pack page's data (``packs``: every
page, section and quiz a pack can hold, from the same pages), the sitemap's language alternates
(``sitemap``), for the main edition the hosts' headers file (``headers``), any other HTML file of
the site finished (the redirect pages of mkdocs-redirects, for one), and the QR codes kept for the
next build (``qr_cache``, outside the site).

Callers, the only thing that differs between engines: under MkDocs and ProperDocs
``hooks/finish_site.py``, which hands each page to ``page`` as MkDocs writes it (``on_post_page``,
``on_post_template``) and calls ``site`` in ``on_post_build``: no page is read back or written twice.
Under Zensical the build command calls ``finish_site``, which reads each page Zensical wrote, passes
it through the same ``page`` and writes it back, then calls ``site``.
"""

from __future__ import annotations

import html as html_lib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from finding_balance.anchors import collision_message, declarations, duplicate_ids, page_collision
from finding_balance.check import unrendered_quizzes
from finding_balance.errors import AuthorError
from finding_balance.outline import outline
from finding_balance.quiz.markdown import page_url, relative_url
from finding_balance.quiz.model import QuizError, find_quiz_blocks, parse_quiz
from finding_balance.site import anchors, counsellors, csp, handouts, packs
from finding_balance.site.bundle import write_bundles
from finding_balance.site.copy_links import in_rows
from finding_balance.site.headers import write_headers
from finding_balance.site.qr_cache import QrCodes
from finding_balance.site.sitemap import write_alternates
from finding_balance.stable_links import AnchorRedirect, parse_anchor_redirects


@dataclass(frozen=True)
class SiteContext:
    """What the passes need to know about one built edition."""

    site_dir: Path
    site_url: str
    docs_dir: Path
    assets_dir: Path
    """Our CSS and JS sources (``overrides/assets``)."""
    display_root: Path
    """The folder file names in messages are relative to (the config file's)."""
    nav: tuple[tuple[str, str], ...] = ()
    use_directory_urls: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    serving: bool = False
    """Under ``mkdocs serve``: no Content Security Policy (its live-reload script is inline)."""
    style_hashes: tuple[str, ...] = ()
    """Hashes of stylesheets the engine's theme script writes (``engines.zensical.theme_style_hashes``)."""
    qr_cache: Path | None = None
    """The file of QR codes kept between builds (``qr_cache.cache_file``); none: every code is made."""


_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_ARTICLE_START = '<article class="md-content__inner md-typeset"'
_ARTICLE_END = "</article>"


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub("", fragment)).split()).removesuffix("¶").strip()


def article_bounds(html: str) -> tuple[int, int]:
    """Where the content of a built page (the theme's ``<article>``) starts and ends in ``html``: the
    whole page when it has none. Searched from the end of the page, where the theme writes the
    content, after the navigation: on a large site most of a page is navigation."""
    end = html.rfind(_ARTICLE_END)
    position = html.rfind(_ARTICLE_START, 0, end if end != -1 else len(html))
    while position != -1:
        start = anchors.ARTICLE_START.match(html, position)
        if start:
            return start.end(), end if end > start.end() else len(html)
        position = html.rfind(_ARTICLE_START, 0, position)
    return 0, len(html)


def article_of(html: str) -> str:
    """The content of a built page (the theme's ``<article>``), or the whole page without one."""
    start, end = article_bounds(html)
    return html[start:end]


def _quizzes_of(path: Path) -> list[tuple[str, int]]:
    """The ids and lines of the quizzes of a Markdown file (none when it has no quiz fence)."""
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    if "quiz" not in text:
        return []
    found = []
    for block in find_quiz_blocks(text):
        try:
            found.append((parse_quiz(block).id, block.line))
        except QuizError:
            continue
    return found


def _quiz_line(path: Path, quiz_id: str) -> int:
    """The line of the quiz ``quiz_id`` in a Markdown file, for a message (1 when not found)."""
    try:
        for block in find_quiz_blocks(path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")):
            try:
                if parse_quiz(block).id == quiz_id:
                    return block.line
            except QuizError:
                continue
    except (OSError, QuizError):
        pass
    return 1


@dataclass
class _Noted:
    """What the site-wide steps need from one page."""

    ids: frozenset[str]
    """The ids of the page's content as built (before old anchors went in)."""
    content: str
    """The page's content (the theme's ``<article>``): what the counsellors' list reads."""
    description: str
    old_anchors: frozenset[str] = frozenset()
    entry: counsellors.DirectoryEntry | None = None
    """The page's entry in the counsellors' list, when made as the page went by
    (``SiteFinisher.list_each_page``)."""


class SiteFinisher:
    """The finishing of one edition: ``page`` for every built page, then ``site`` once.

    Made by whoever runs a build, one per build and edition (``hooks/finish_site.py`` in
    ``on_pre_build``, ``finish_site`` for Zensical); it keeps what the site-wide steps need until
    ``site``.
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
        self.redirects = parse_anchor_redirects(context.extra.get("anchor_redirects"))
        self._redirects_by_page: dict[str, list[AnchorRedirect]] = {}
        for redirect in self.redirects:
            self._redirects_by_page.setdefault(redirect.page, []).append(redirect)
        self._noted: dict[str, _Noted] = {}
        self._quiz_links: list[tuple[str, str, str, str]] = []
        self._directory_pages: dict[str, tuple[str, str]] = {}
        self._pack_pages: dict[str, tuple[str, str]] = {}
        self._finished: set[str] = set()
        self._reported: set[AnchorRedirect] = set()
        self.problems: list[str] = []
        self.qr_codes = QrCodes(context.qr_cache)
        self._nav_titles = {source: title for title, source in context.nav}
        #: Make each page's entry in the counsellors' list as the page goes by, not in ``site``: for a
        #: finisher with time to spare while the engine renders (``parallel``), which then has less
        #: left to do when the build ends.
        self.list_each_page = False

    def output_name(self, source: str) -> str:
        """Where the page ``source`` is written, relative to the site folder."""
        url = self.urls.get(source) or page_url(source, self.context.use_directory_urls)
        return url + "index.html" if self.context.use_directory_urls else url

    def display(self, path: Path) -> str:
        root = self.context.display_root
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    def source_text(self, source: str) -> str:
        try:
            return (self.context.docs_dir / source).read_text(encoding="utf-8-sig")
        except OSError:
            return ""

    def where_still(self, redirect: AnchorRedirect) -> str | None:
        """An old anchor still on its page: where the page's Markdown declares it, when it shows."""
        found = declarations(redirect.anchor, self.source_text(redirect.page))
        if not found:
            return None
        return collision_message(
            self.display(self.context.docs_dir / redirect.page),
            redirect.anchor,
            len(found) + 1,
            found,
            others=(f"the old anchor {redirect.name} in mkdocs.yml",),
            hint="remove the redirect, or the anchor from the page",
        )

    def page(
        self, html: str, name: str, source: str | None = None, quizzes: Iterable[tuple[str, int]] | None = None
    ) -> str:
        """One built page, finished. ``name`` is its file relative to the site folder; ``source`` its
        Markdown file relative to the docs folder (none for a page made from a template alone, such
        as ``404.html``); ``quizzes`` the id and line of each quiz the check found in that file, to
        make sure each reached the page (none: the caller checked). Problems that concern the whole
        site are kept for ``site``; a page that cannot carry a policy raises ``AuthorError``."""
        self._finished.add(name)
        if source is None:
            return _finish_page(html, self.context, name, self.qr_codes)
        start, end = article_bounds(html)
        # Each section heading in a row with room for its "Copy link" button (``copy_links``).
        html = html[:start] + in_rows(html[start:end]) + html[end:]
        start, end = article_bounds(html)
        content = html[start:end]
        if duplicate_ids(content):
            # Two anchors of the page collide (a heading {#quiz-x} beside quiz x, one {#anchor} twice).
            collision = page_collision(content, self.source_text(source), self.display(self.context.docs_dir / source))
            if collision:
                self.problems.append(collision)
        if quizzes is not None:
            self.problems += unrendered_quizzes(self.display(self.context.docs_dir / source), quizzes, html)
        ids = frozenset(anchors.ids_in(content))
        old_anchors: frozenset[str] = frozenset()
        if source in self._redirects_by_page:
            mine = self._redirects_by_page[source]
            html, problems = anchors.old_anchors_into_page(
                source,
                html,
                ids,
                mine,
                lambda here, there: relative_url(here, there, self.context.use_directory_urls),
                self.where_still,
            )
            self.problems += problems
            self._reported |= {redirect for redirect in mine if redirect.anchor in ids}
            old_anchors = frozenset(redirect.anchor for redirect in mine if redirect.anchor not in ids)
            start, _ = article_bounds(html)
        has_quizzes = 'class="fb-quiz' in content
        if has_quizzes:
            url = self.urls.get(source) or page_url(source, self.context.use_directory_urls)
            for quiz_id, target, fragment in anchors.quiz_links(source, content, url, self.by_url):
                self._quiz_links.append((source, quiz_id, target, fragment))
        description = _DESCRIPTION.search(html, 0, start or len(html))  # in <head>, before the content
        noted = _Noted(
            ids=ids,
            content=content,
            description=html_lib.unescape(description.group(1)) if description else "",
            old_anchors=old_anchors,
        )
        if self.list_each_page:
            noted.entry = self._directory_entry(source, noted)
        self._noted[source] = noted
        if counsellors.has_directory(content):
            # Finished in ``site``, once every page it lists is known.
            self._directory_pages[source] = (html, name)
            return html
        if packs.has_placeholder(content):
            # The same: its data holds every page.
            self._pack_pages[source] = (html, name)
            return html
        return _finish_page(html, self.context, name, self.qr_codes)

    def _ids_of(self, source: str) -> frozenset[str]:
        noted = self._noted.get(source)
        return noted.ids | noted.old_anchors if noted else frozenset()

    def site(self) -> None:
        """Once every page went through ``page``: the bundles, the checks across pages, the
        counsellors' list and every other HTML file of the site. Raises ``AuthorError``."""
        context = self.context
        try:
            write_bundles(context.assets_dir, context.site_dir)
        except OSError as error:
            raise AuthorError([f"overrides/assets: cannot read {error.filename}: {error.strerror}"]) from None

        problems = list(self.problems)
        problems += anchors.missing_redirect_targets(
            [redirect for redirect in self.redirects if redirect not in self._reported],
            lambda source: self._noted[source].ids if source in self._noted else frozenset(),
        )
        for source, quiz_id, target, fragment in self._quiz_links:
            if fragment not in self._ids_of(target):
                path = context.docs_dir / source
                problems.append(
                    f"{self.display(path)}:{_quiz_line(path, quiz_id)}: quiz '{quiz_id}': the link "
                    f"'{target}#{fragment}' points to an anchor '#{fragment}' that {target} does not have"
                )
        if problems:
            raise AuthorError(problems)

        language = str(context.extra.get("language") or "en")
        editions = context.extra.get("editions") or []
        write_alternates(context.site_dir, context.site_url, language, editions)
        if not any(edition.get("default") for edition in editions):
            # The main edition: the host reads one headers file, at the root, for every edition.
            write_headers(context.site_dir)

        if self._directory_pages or self._pack_pages:
            listed = self._directory_entries()
            pack_url = self.urls.get(packs.PACK_PAGE)
            pack_address = counsellors.page_address(context.site_url, pack_url) if pack_url else ""
            for source, (html, name) in self._directory_pages.items():
                words = context.extra.get("words", {})
                html = counsellors.with_directory(html, listed, source, words, pack_address)
                finished = _finish_page(html, context, name, self.qr_codes)
                (context.site_dir / name).write_text(finished, encoding="utf-8")
            if self._pack_pages:
                data = self._pack_data(listed)
                for html, name in self._pack_pages.values():
                    finished = _finish_page(packs.with_data(html, data), context, name, self.qr_codes)
                    (context.site_dir / name).write_text(finished, encoding="utf-8")

        for root, _, names in os.walk(context.site_dir):
            for file_name in names:
                if not file_name.endswith(".html"):
                    continue
                path = os.path.join(root, file_name)
                name = os.path.relpath(path, context.site_dir).replace(os.sep, "/")
                if name in self._finished:
                    continue
                with open(path, encoding="utf-8") as file:
                    html = file.read()
                finished = _finish_page(html, context, name, self.qr_codes)
                if finished != html:
                    with open(path, "w", encoding="utf-8") as file:
                        file.write(finished)
        self.qr_codes.save()

    def _directory_entries(self) -> list[counsellors.DirectoryEntry]:
        """Every page noted, as the counsellors' list shows it, in navigation order."""
        entries = {source: noted.entry or self._directory_entry(source, noted) for source, noted in self._noted.items()}
        return counsellors.in_order(entries, [source for _, source in self.context.nav])

    def _pack_data(self, entries: list[counsellors.DirectoryEntry]) -> dict[str, object]:
        """What the pack page reads: every item of every page the counsellors' list shows."""
        items: dict[str, packs.PackItem] = {}
        leave_out = {packs.PACK_PAGE, *self._directory_pages}
        for entry in entries:
            if entry.source not in leave_out:
                items.update(packs.page_items(entry, self._noted[entry.source].content))
        return packs.pack_data(items, self.redirects)

    def _directory_entry(self, source: str, noted: _Noted) -> counsellors.DirectoryEntry:
        title = self._nav_titles.get(source)
        if not title:
            heading = _H1.search(noted.content)
            title = _text(heading.group(1)) if heading else source
        return counsellors.directory_entry(
            source=source,
            title=title,
            page_url=self.urls.get(source) or page_url(source, self.context.use_directory_urls),
            site_url=self.context.site_url,
            found=outline(noted.content),
            description=noted.description,
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
        expected = quizzes.get(source, ()) if quizzes is not None else _quizzes_of(context.docs_dir / source)
        finished = finisher.page(html, name, source, expected)
        if finished != html:
            path.write_text(finished, encoding="utf-8")
    finisher.site()


def _finish_page(html: str, context: SiteContext, name: str, codes: QrCodes | None = None) -> str:
    """The last steps of every page: the handout's QR code in place of its placeholder (from
    ``codes``, the codes kept between builds, when given), and the Content Security Policy (none
    under ``mkdocs serve``), both written in one copy of the page.

    The policy is computed before the QR code goes in: the image (a percent-encoded ``data:`` URL)
    holds no ``<`` and so adds no script, comment or style to the page."""
    try:
        qr = handouts.qr_code_replacement(html, codes or QrCodes())
    except ValueError as error:  # the encoder's own words: the address does not fit in any QR code
        too_long = f"the page's address is too long for a QR code ({error})"
        raise AuthorError([f"handout: {name}: {too_long}; shorten site_url or the page's path."]) from None
    edits = [qr] if qr else []
    if not context.serving:
        try:
            position, meta = csp.policy_insert(html, context.style_hashes)
        except ValueError as error:
            raise AuthorError([f"csp: {name}: {error}."]) from None
        edits.append((position, position, meta))
    if not edits:
        return html
    pieces, done = [], 0
    for start, end, text in sorted(edits):
        pieces += [html[done:start], text]
        done = end
    pieces.append(html[done:])
    return "".join(pieces)
