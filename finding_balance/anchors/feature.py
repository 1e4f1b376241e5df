"""Anchors and stable links as the build composes them: the "Copy link" wording (``extra.copy_link``),
the stylesheet and script of the buttons and old anchors, and the passes over the built pages.

- Each page as built: each section heading in its "Copy link" row (``copy_links``), and two anchors
  that collide stop the build (``collisions``).
- Each page once noted: the links of its quizzes noted (``quiz_links``) and the old anchors of
  ``extra.anchor_redirects`` put back (``old_anchors``).
- The site: every old anchor's new target and every quiz link's anchor exist.

Declared for the registry (``finding_balance.registry``), under every engine.
"""

from __future__ import annotations

from finding_balance.anchors import collisions as anchor_collisions
from finding_balance.anchors import old_anchors
from finding_balance.anchors.copy_links import in_rows
from finding_balance.anchors.quiz_links import missing_anchors, quiz_links
from finding_balance.anchors.redirects import AnchorRedirect
from finding_balance.anchors.settings import validate_copy_link
from finding_balance.feature import Feature, in_language
from finding_balance.site.built import BuiltSite
from finding_balance.site.page import BuiltPage
from finding_balance.urls import relative_url


def copy_link_rows(finisher: BuiltSite, page: BuiltPage) -> None:
    """Each section heading in a row with room for its "Copy link" button (``copy_links``)."""
    page.content = in_rows(page.content, page.article)


def colliding_anchors(finisher: BuiltSite, page: BuiltPage) -> None:
    """Two anchors of the page that collide (a heading {#quiz-x} beside quiz x, one {#anchor} twice)."""
    if page.article.duplicate_ids():
        source = page.source
        text, display = finisher.source_text(source), finisher.display_source(source)
        collision = anchor_collisions.page_collision(page.article, text, display)
        if collision:
            finisher.problems.append(collision)


def note_quiz_links(finisher: BuiltSite, page: BuiltPage) -> None:
    """The links in the page's quizzes, whose anchors are checked once every page is noted."""
    source, article = page.source, page.article
    if article.quizzes:
        finisher.quiz_links += quiz_links(source, article, finisher.url_of(source), finisher.by_url)


def old_anchors_back(finisher: BuiltSite, page: BuiltPage) -> None:
    """The old anchors of ``extra.anchor_redirects`` that belong to the page (``old_anchors``)."""
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


def redirect_targets(finisher: BuiltSite) -> list[str]:
    """Each old anchor's new target exists (the redirects not already reported on their page)."""
    return old_anchors.missing_redirect_targets(
        [redirect for redirect in finisher.redirects if redirect not in finisher.reported],
        finisher.ids_of,
        finisher.files,
    )


def quiz_link_anchors(finisher: BuiltSite) -> list[str]:
    """Each quiz link's anchor is on its page, or is one of the page's old anchors."""

    def ids_and_old_anchors(source: str) -> frozenset[str]:
        noted = finisher.noted.get(source)
        return noted.ids | noted.old_anchors if noted else frozenset()

    return missing_anchors(finisher.quiz_links, ids_and_old_anchors, finisher.context.docs_dir, finisher.display)


FEATURE = Feature(
    "anchors",
    settings=(("copy_link", in_language(validate_copy_link)),),
    styles=("stable-links.css",),
    scripts=("stable-links.js",),
    page_passes=(copy_link_rows, colliding_anchors),
    noted_page_passes=(note_quiz_links, old_anchors_back),
    site_checks=(redirect_targets, quiz_link_anchors),
)
