"""Printed handouts: each page's printout ends with its full address and a QR code leading to it.

``finding_balance/theme/partials/handout.html`` writes the address (the page's canonical address) and a
placeholder, ``<span class="fb-handout__qr" data-fb-qr="..." data-fb-qr-alt="...">``; this pass puts
the code in its place as an SVG image in a ``data:`` URL: no online QR service, nothing to fetch.
``assets/handout.css`` shows the part in print only.

A last edit of every page (``finding_balance.site.finish``), under every engine, with the codes of
earlier builds (``qr_cache``).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable

from finding_balance.handouts.qr import QrImage, qr_code
from finding_balance.templates import shared_mark

#: The placeholder as ``partials/placeholders.html`` writes it (``handout_qr``), with a stand-in for
#: each value, which the expression below reads.
_WRITTEN = shared_mark("handout_qr", "\x00address\x00", "\x00alt\x00")
PLACEHOLDER = re.compile(
    re.escape(_WRITTEN)
    .replace(re.escape("\x00address\x00"), '(?P<address>[^"]*)')
    .replace(re.escape("\x00alt\x00"), '(?P<alt>[^"]*)')
)


#: How the placeholder starts: found with ``str.rfind`` from the end of the page, where the theme
#: writes the handout (after the content, before the scripts), not with a regular expression
#: searching the whole page and its long navigation; the expression then reads it where it stands.
_START = _WRITTEN[: _WRITTEN.index("\x00")]


def qr_code_replacement(html: str, codes: Callable[[str], QrImage] = qr_code) -> tuple[int, int, str] | None:
    """Where the handout's placeholder is (the last one, which the theme writes at the end of the
    page) and the image of the QR code that replaces it; ``None`` when the page has no handout. A
    caller with other changes to make then copies the page once. ``codes`` makes the code of an
    address (``qr_cache.QrCodes`` takes it from an earlier build when it can)."""
    position = html.rfind(_START)
    while position != -1:
        match = PLACEHOLDER.match(html, position)
        if match:
            address = html_lib.unescape(match["address"])
            source, size = codes(address)
            image = (
                f'<img class="fb-handout__qr" src="{html_lib.escape(source)}" width="{size}" height="{size}" '
                f'alt="{match["alt"]}">'
            )
            return position, match.end(), image
        position = html.rfind(_START, 0, position)
    return None
