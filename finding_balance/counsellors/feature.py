"""The counsellors' tools as the build composes them: the bundles of the counsellors' list and of the
pack page (with the vendored QR encoder), and the passes that fill both from every page noted.

The counsellors' page and the pack page are held back as they go by (``hold_site_wide_pages``) and
written once every page is known (``held_pages``): the list from each page's entry
(``directory``), the pack page's data from the same entries (``packs``).

Declared for the registry (``finding_balance.registry``), under every engine.
"""

from __future__ import annotations

from finding_balance.counsellors import directory as counsellors
from finding_balance.counsellors import packs
from finding_balance.counsellors.pack_ids import PACK_PAGE
from finding_balance.feature import Feature, PageBundle
from finding_balance.site.built import BuiltSite, Noted
from finding_balance.site.page import BuiltPage


def directory_entry(finisher: BuiltSite, source: str, noted: Noted) -> counsellors.DirectoryEntry:
    """The page ``source`` as the counsellors' list shows it."""
    title = finisher.nav_titles.get(source)
    if not title:
        title = noted.article.title if noted.article.title is not None else source
    return counsellors.directory_entry(
        source=source,
        title=title,
        page_url=finisher.url_of(source),
        site_url=finisher.context.site_url,
        found=noted.article.outline,
        description=noted.description,
    )


def directory_entries(finisher: BuiltSite) -> list[counsellors.DirectoryEntry]:
    """Every page noted, as the counsellors' list shows it, in navigation order."""
    entries = {
        source: noted.entry or directory_entry(finisher, source, noted) for source, noted in finisher.noted.items()
    }
    return counsellors.in_order(entries, [source for _, source in finisher.context.nav])


def entry_as_the_page_goes_by(finisher: BuiltSite, page: BuiltPage) -> None:
    """The page's entry in the list made now rather than at the end (``BuiltSite.list_each_page``)."""
    if finisher.list_each_page:
        noted = finisher.noted[page.source]
        noted.entry = directory_entry(finisher, page.source, noted)


def hold_site_wide_pages(finisher: BuiltSite, page: BuiltPage) -> None:
    """The counsellors' list and the pack page are finished in ``site``, once every page is known."""
    page.held = counsellors.has_directory(page.content) or packs.has_placeholder(page.content)


def held_pages(finisher: BuiltSite) -> None:
    """The counsellors' list and the pack page's data, from every page noted (``directory``, ``packs``)."""
    if not finisher.held:
        return
    context = finisher.context
    entries = directory_entries(finisher)
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


FEATURE = Feature(
    "counsellors",
    page_bundles=(
        PageBundle(
            "counsellors",
            ("counsellors-list.css", "pack-picker.css"),
            ("counsellors-list.js", "pack-address.js", "pack-picker.js"),
        ),
        PageBundle("pack", ("pack.css",), ("pack-address.js", "pack.js")),
    ),
    vendored=("vendor/lean-qr/lean-qr.js", "vendor/lean-qr/LICENSE.txt"),
    noted_page_passes=(entry_as_the_page_goes_by, hold_site_wide_pages),
    site_passes=(held_pages,),
)
