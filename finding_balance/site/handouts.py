"""Printed handouts: each page's printout ends with its full address and a QR code leading to it.

``overrides/partials/handout.html`` writes the address (the page's canonical address) and a
placeholder, ``<span class="fb-handout__qr" data-fb-qr="..." data-fb-qr-alt="...">``; this pass puts
the code in its place as an SVG image in a ``data:`` URL: no online QR service, nothing to fetch.
``assets/handout.css`` shows the part in print only.

Caller: ``finding_balance.site.finish``, for every page, under every engine.
"""

from __future__ import annotations

import html as html_lib
import re

from finding_balance.qr import qr_code

PLACEHOLDER = re.compile(
    r'<span class="fb-handout__qr" data-fb-qr="(?P<address>[^"]*)" data-fb-qr-alt="(?P<alt>[^"]*)"></span>'
)


def with_qr_code(html: str) -> str:
    """``html`` with its handout's QR code in place (unchanged when the page has no handout)."""

    def image(match: re.Match[str]) -> str:
        address = html_lib.unescape(match["address"])
        source, size = qr_code(address)
        return (
            f'<img class="fb-handout__qr" src="{html_lib.escape(source)}" width="{size}" height="{size}" '
            f'alt="{match["alt"]}">'
        )

    return PLACEHOLDER.sub(image, html, count=1)
