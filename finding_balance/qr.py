"""QR codes for printed pages: an address in, an SVG image as a ``data:`` URL out.

Made at build time by ``segno`` with the standard's error correction level M, its quiet zone of four
modules and its mask choice. Caller: ``finding_balance.site.handouts``, under every engine.
"""

from __future__ import annotations

import segno

#: Pixels per QR module in the SVG; print CSS sets the printed size.
QR_SCALE = 4
#: The quiet zone around the code, in modules: 4 is what the QR standard asks for.
QR_BORDER = 4


def qr_code(address: str) -> tuple[str, int]:
    """The QR code of ``address`` as an SVG ``data:`` URL (black on white) and its size in pixels."""
    code = segno.make(address, error="m", micro=False)
    width, _ = code.symbol_size(scale=QR_SCALE, border=QR_BORDER)
    return code.svg_data_uri(scale=QR_SCALE, border=QR_BORDER, dark="#000", light="#fff"), width
