"""Pack ids: what names a page, section or quiz in a counsellor's pack, the same in every edition.

An item is a page's Markdown file without ``.md`` (``trust``), or that and one of its stable anchors
(``trust:feeling-safe-to-ask``); ``finding_balance/theme/assets/pack-address.js`` writes and reads them. Used by
the counsellors' list (``counsellors``), which gives each item its id, and the pack page's data
(``packs``), under every engine.
"""

from __future__ import annotations

#: The pack page's Markdown file in every edition (``docs/pack.md``): never an item of a pack itself.
PACK_PAGE = "pack.md"


def pack_id(source: str, anchor: str = "") -> str:
    """The language-independent id of a page (``trust.md``) or of one of its anchors."""
    page = source.removesuffix(".md")
    return f"{page}:{anchor}" if anchor else page
