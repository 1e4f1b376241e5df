"""The finishing pass over one built edition: what needs every page, or a page's final HTML.

In order: our CSS and JS bundles (``bundle``), old anchors put back and quiz links' anchors checked
(``anchors``), each section heading in a row with room for its "Copy link" button (``copy_links``), the
counsellors' list (``counsellors``), the sitemap's language alternates
(``sitemap``), each page's handout QR code (``handouts``) and, last, each page's Content Security
Policy (``csp``); and for the main edition, the hosts' security headers file (``headers``). A page's
anchors that collide stop the build here too (``finding_balance.anchors``). Each
built page is read once and written once.

Callers, the only thing that differs between engines: under MkDocs and ProperDocs
``hooks/finish_site.py`` in ``on_post_build`` (MkDocs' own ``site_dir``, also under ``mkdocs serve``);
under Zensical the build command (``python -m finding_balance build``) once the engine is done.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from finding_balance.outline import outline
from finding_balance.quiz.markdown import page_url, relative_url
from finding_balance.quiz.model import QuizError, find_quiz_blocks, parse_quiz
from finding_balance.anchors import collision_message, declarations, page_collision
from finding_balance.site import anchors, counsellors, csp, handouts
from finding_balance.site.headers import write_headers
from finding_balance.site.sitemap import write_alternates
from finding_balance.site.bundle import write_bundles
from finding_balance.site.copy_links import in_rows
from finding_balance.stable_links import parse_anchor_redirects


class FinishError(Exception):
    """Problems found while finishing the site; one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


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


_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_ARTICLE_END = "</article>"


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub("", fragment)).split()).removesuffix("¶").strip()


def article_of(html: str) -> str:
    """The content of a built page (the theme's ``<article>``), or the whole page without one."""
    start = anchors.ARTICLE_START.search(html)
    if start is None:
        return html
    end = html.rfind(_ARTICLE_END)
    return html[start.end() : end if end > start.end() else len(html)]


def with_article(html: str, change: Callable[[str], str]) -> str:
    """A built page with ``change`` applied to its content (the theme's ``<article>``) alone."""
    start = anchors.ARTICLE_START.search(html)
    end = html.rfind(_ARTICLE_END)
    if start is None or end < start.end():
        return html
    return html[: start.end()] + change(html[start.end() : end]) + html[end:]


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


def finish_site(context: SiteContext) -> None:
    """Finish the edition built in ``context.site_dir``; raises ``FinishError`` on a problem."""
    site_dir = context.site_dir
    try:
        write_bundles(context.assets_dir, site_dir)
    except OSError as error:
        raise FinishError([f"overrides/assets: cannot read {error.filename}: {error.strerror}"]) from None

    urls = {
        source: page_url(source, context.use_directory_urls)
        for source in sorted(path.relative_to(context.docs_dir).as_posix() for path in context.docs_dir.rglob("*.md"))
    }
    output = {
        source: site_dir / (url + "index.html" if context.use_directory_urls else url) for source, url in urls.items()
    }
    pages = {source: path.read_text(encoding="utf-8") for source, path in output.items() if path.is_file()}
    original = dict(pages)
    problems: list[str] = []

    def display(path: Path) -> str:
        root = context.display_root
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    def source_text(source: str) -> str:
        try:
            return (context.docs_dir / source).read_text(encoding="utf-8-sig")
        except OSError:
            return ""

    # Two anchors of one page that collide (a heading {#quiz-x} beside quiz x, one {#anchor} twice):
    # a counsellor's link could land on the wrong one.
    for source, html in pages.items():
        collision = page_collision(article_of(html), source_text(source), display(context.docs_dir / source))
        if collision:
            problems.append(collision)

    redirects = parse_anchor_redirects(context.extra.get("anchor_redirects"))
    if redirects:
        def where_still(redirect: anchors.AnchorRedirect) -> str | None:
            """The old anchor is still on its page: where the page's Markdown declares it, if it shows."""
            found = declarations(redirect.anchor, source_text(redirect.page))
            if not found:
                return None
            return collision_message(
                display(context.docs_dir / redirect.page),
                redirect.anchor,
                len(found) + 1,
                found,
                others=(f"the old anchor {redirect.name} in mkdocs.yml",),
                hint="remove the redirect, or the anchor from the page",
            )

        changed, found = anchors.apply_anchor_redirects(
            redirects, pages, lambda here, there: relative_url(here, there, context.use_directory_urls), where_still
        )
        pages.update(changed)
        problems += found

    id_cache: dict[str, set[str]] = {}

    def ids_of(source: str) -> set[str]:
        if source not in id_cache:
            id_cache[source] = anchors.ids_in(pages.get(source, ""))
        return id_cache[source]

    # A fence the engine did not read as a quiz (inside raw HTML, or indented into a code block) must
    # not vanish without a word.
    for source, html in pages.items():
        for quiz_id, line in _quizzes_of(context.docs_dir / source):
            if f'id="quiz-{quiz_id}"' not in html:
                problems.append(
                    f"{display(context.docs_dir / source)}:{line}: quiz '{quiz_id}': the quiz did not reach the page; "
                    "a quiz must not sit inside raw HTML or an indented code block."
                )

    by_url = {url: source for source, url in urls.items()}
    for source, html in pages.items():
        for quiz_id, target, fragment in anchors.quiz_link_problems(source, html, urls[source], by_url, ids_of):
            path = context.docs_dir / source
            problems.append(
                f"{display(path)}:{_quiz_line(path, quiz_id)}: quiz '{quiz_id}': the link '{target}#{fragment}' points "
                f"to an anchor '#{fragment}' that {target} does not have"
            )
    if problems:
        raise FinishError(problems)

    for source, html in pages.items():
        pages[source] = with_article(html, in_rows)

    directory_pages = [source for source, html in pages.items() if counsellors.has_directory(html)]
    if directory_pages:
        titles = dict((source, title) for title, source in context.nav)
        order = [source for _, source in context.nav]
        entries = {}
        for source, html in pages.items():
            description = _DESCRIPTION.search(html)
            heading = _H1.search(article_of(html))
            entries[source] = counsellors.directory_entry(
                source=source,
                title=titles.get(source) or (_text(heading.group(1)) if heading else source),
                page_url=urls[source],
                site_url=context.site_url,
                found=outline(article_of(html)),
                description=html_lib.unescape(description.group(1)) if description else "",
            )
        listed = counsellors.in_order(entries, order)
        for source in directory_pages:
            pages[source] = counsellors.with_directory(pages[source], listed, source, context.extra.get("words", {}))

    language = str(context.extra.get("language") or "en")
    editions = context.extra.get("editions") or []
    write_alternates(site_dir, context.site_url, language, editions)
    if not any(edition.get("default") for edition in editions):
        # The main edition: the host reads one headers file, at the root, for every edition.
        write_headers(site_dir)

    written = {output[source] for source in pages}
    for source, html in pages.items():
        finished = _finish_page(html, context, str(output[source].relative_to(site_dir)))
        if finished != original[source]:
            output[source].write_text(finished, encoding="utf-8")
    for path in site_dir.rglob("*.html"):
        if path in written:
            continue
        html = path.read_text(encoding="utf-8")
        finished = _finish_page(html, context, str(path.relative_to(site_dir)))
        if finished != html:
            path.write_text(finished, encoding="utf-8")


def _finish_page(html: str, context: SiteContext, name: str) -> str:
    html = handouts.with_qr_code(html)
    if context.serving:
        return html
    try:
        return csp.with_policy(html, context.style_hashes)
    except ValueError as error:
        raise FinishError([f"csp: {name}: {error}."]) from None
