"""The finishing of one built edition: the features' passes over each page as it is written, then over the site.

The passes are the features' (``finding_balance.registry.FEATURES``, in its order; each declares its
own in its folder's ``feature.py``). ``SiteFinisher.page`` cuts a built page once around its content
and reads that content once into its article (``finding_balance.site.page``,
``finding_balance.article``), then runs ``PAGE_PASSES`` over it: the features' passes over the page
as built (the "Copy link" rows, colliding anchors), then ``note_for_the_site`` (the page's anchors,
content and description, as the site-wide passes need them), then the features' passes over the
noted page (quizzes that did not reach it, quiz links, old anchors, the pages held back). Then the
page is finished by ``LAST_EDITS`` (the handout's QR code and the Content Security Policy, written in
one copy of the page), unless a site-wide pass finishes it later (the counsellors' list, the pack
page). ``SiteFinisher.site``, once every page is written, runs ``SITE_PASSES`` in order: our CSS and
JS bundles, the checks across pages (every problem of the pages and the features' checks, in one
message), the features' site-wide passes (the sitemap's language alternates, the hosts' headers
file, the pages held back), every other HTML file of the site (the redirect pages of
mkdocs-redirects, for one) and last what the build used, kept for the next (the QR codes).

Under MkDocs and ProperDocs the plugin (``finding_balance/engines/mkdocs_finishing.py``) hands each
page to ``page`` as MkDocs writes it and calls ``site`` when the build ends (or
``finding_balance.site.parallel`` does, in a helper process); under Zensical the build command
calls ``finish_site`` over the pages Zensical wrote.
"""

from __future__ import annotations

import html as html_lib
import os
import re
from collections.abc import Iterable, Mapping

from finding_balance.anchors.quiz_links import quizzes_in
from finding_balance.errors import AuthorError
from finding_balance.handouts.qr_cache import QrCodes
from finding_balance.registry import FEATURES
from finding_balance.site.built import BuiltSite, LastEdit, Noted, PagePass, SiteContext, SitePass, apply_edits
from finding_balance.site.bundle import write_bundles
from finding_balance.site.page import BuiltPage

_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def note_for_the_site(finisher: BuiltSite, page: BuiltPage) -> None:
    """What the site-wide passes need: the page's anchors, its article and description."""
    source, article = page.source, page.article
    description = _DESCRIPTION.search(page.head or page.content)  # in <head>; a page without an article is all content
    finisher.noted[source] = Noted(
        ids=frozenset(article.ids),
        article=article,
        description=html_lib.unescape(description.group(1)) if description else "",
    )


#: Over each page built from Markdown, in order.
PAGE_PASSES: tuple[PagePass, ...] = (
    *(page_pass for feature in FEATURES for page_pass in feature.page_passes),
    note_for_the_site,
    *(page_pass for feature in FEATURES for page_pass in feature.noted_page_passes),
)
#: The last edits of every page: each a place in the page and what goes there, made in one copy.
LAST_EDITS: tuple[LastEdit, ...] = tuple(edit for feature in FEATURES for edit in feature.last_edits)


def finished_html(html: str, context: SiteContext, name: str, codes: QrCodes | None = None) -> str:
    """A page with ``LAST_EDITS`` made, each found in the page as it came (QR codes from ``codes``,
    the codes kept between builds, when given)."""
    return apply_edits(html, context, name, codes or QrCodes(), LAST_EDITS)


class SiteFinisher(BuiltSite):
    """The finishing of one edition: ``page`` for every built page, then ``site`` once.

    One per build and edition; it keeps what the site-wide passes need until ``site``.
    """

    def __init__(self, context: SiteContext) -> None:
        super().__init__(context, LAST_EDITS)

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
            return self.finish(html, name)
        built = BuiltPage.cut(html, name, source, quizzes)
        for page_pass in PAGE_PASSES:
            page_pass(self, built)
        if built.held:
            self.held[source] = built
            return built.html
        return self.finish(built.html, name)

    def site(self) -> None:
        """Once every page went through ``page``: ``SITE_PASSES``. Raises ``AuthorError``."""
        for site_pass in SITE_PASSES:
            site_pass(self)


# ---------------------------------------------------------------------------------------------------
# The passes over the site, once every page is written, in order


def bundles(finisher: BuiltSite) -> None:
    """Our CSS and JS, one minified bundle each (``bundle``)."""
    context = finisher.context
    try:
        write_bundles(context.assets_dir, context.site_dir)
    except OSError as error:
        raise AuthorError([f"finding_balance/theme/assets: cannot read {error.filename}: {error.strerror}"]) from None


def checks_across_pages(finisher: BuiltSite) -> None:
    """Every problem of the pages, and those the features find across pages (the anchors that
    redirects and quiz links lead to), in one message."""
    problems = list(finisher.problems)
    for feature in FEATURES:
        for site_check in feature.site_checks:
            problems += site_check(finisher)
    if problems:
        raise AuthorError(problems)


def other_html_files(finisher: BuiltSite) -> None:
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
            finished = finisher.finish(html, name)
            if finished != html:
                with open(path, "w", encoding="utf-8") as file:
                    file.write(finished)


SITE_PASSES: tuple[SitePass, ...] = (
    bundles,
    checks_across_pages,
    *(site_pass for feature in FEATURES for site_pass in feature.site_passes),
    other_html_files,
    *(site_pass for feature in FEATURES for site_pass in feature.closing_passes),
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
