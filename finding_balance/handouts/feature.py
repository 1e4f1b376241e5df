"""Printed handouts as the build composes them: the licence line of every printed page
(``extra.licence``), the handout's stylesheet and the Print button's bundle, each page's QR code put
in place, and the codes kept for the next build.

Declared for the registry (``finding_balance.registry``), under every engine.
"""

from __future__ import annotations

from finding_balance.errors import AuthorError
from finding_balance.feature import Feature, PageBundle, as_written
from finding_balance.handouts import printout
from finding_balance.handouts.qr_cache import QrCodes
from finding_balance.handouts.settings import validate_licence
from finding_balance.site.built import BuiltSite, Edit, SiteContext


def qr_code_edit(html: str, context: SiteContext, name: str, codes: QrCodes) -> Edit | None:
    """The handout's QR code in place of its placeholder (``printout``)."""
    try:
        return printout.qr_code_replacement(html, codes)
    except ValueError as error:  # the encoder's own words: the address does not fit in any QR code
        too_long = f"the page's address is too long for a QR code ({error})"
        raise AuthorError([f"handout: {name}: {too_long}; shorten site_url or the page's path."]) from None


def kept_qr_codes(finisher: BuiltSite) -> None:
    """The QR codes this build used, kept for the next (``qr_cache``, outside the site)."""
    finisher.qr_codes.save()


FEATURE = Feature(
    "handouts",
    settings=(("licence", as_written(validate_licence)),),
    styles=("handout.css",),
    page_bundles=(PageBundle("print", ("print-button.css",), ("print-button.js",)),),
    last_edits=(qr_code_edit,),
    closing_passes=(kept_qr_codes,),
)
