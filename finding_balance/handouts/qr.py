"""QR codes for printed pages: a full address in, a standards-conforming QR code out, as an SVG image.

Adds the code that a printed handout carries next to the page's address, so a reader can open the page
again with a phone camera. ``finding_balance.handouts.printout`` calls :func:`qr_code` for every page (the image goes
into an ``<img src>`` as a ``data:`` URL: no QR service, no file, no request of any kind).

The code is what the QR standard (ISO/IEC 18004) asks for: a real QR code (model 2, never Micro QR),
error correction level M or better (a higher level when it fits in the same size, as ``segno`` did
before), the mask chosen by the standard's penalty rules out of all eight, and a quiet zone of 4
modules. The encoder is ``zxing-cpp`` (its bundled libzint places the modules); the SVG is written here
from the module matrix: one ``<path>`` with the dark modules on a white background. About 0.55 ms a
code, SVG included, against about 4.5 ms with the pure-Python ``segno`` (``benchmarks/qr_codes.py``).
Free of MkDocs: any engine can call it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import zxingcpp

#: Pixels per module in the SVG's ``width`` and ``height``; the print CSS sets the printed size.
SCALE = 4
#: The quiet zone around the code, in modules: 4 is what the QR standard asks for.
QUIET_ZONE = 4
#: The lowest error correction level we accept (M recovers about 15 % of the code); then the higher
#: levels tried in the same symbol version, best first.
EC_LEVEL = "M"
BOOSTED_EC_LEVELS = ("H", "Q")

Modules = tuple[str, ...]
"""The symbol without its quiet zone, row by row: ``"1"`` for a dark module, ``"0"`` for a light one."""

_DARK_RUN = re.compile("1+")
#: The image zxing-cpp draws has one byte a pixel: 0 for dark, 255 for light.
_PIXEL_TO_MODULE = bytes.maketrans(b"\x00\xff", b"10")
#: What our SVG needs escaped in a ``data:`` URL: it holds no other character that a URL forbids
#: ("%" first, so that no escape is escaped again).
_URL_ESCAPES = (("%", "%25"), (" ", "%20"), ("#", "%23"), ("'", "%27"), ('"', "%22"), ("<", "%3C"), (">", "%3E"))


class QrImage(NamedTuple):
    """A QR code as an ``<img>`` shows it."""

    data_url: str
    """An SVG image (black on white, quiet zone included) as a ``data:`` URL."""
    size: int
    """Width and height of the image in pixels."""


def _create(address: str, ec_level: str, **options: int) -> zxingcpp.Barcode:
    # Imported on the first code: a build whose codes are made by its helper process never loads it.
    import zxingcpp

    if not address.isascii():
        # Non-ASCII text as UTF-8 with its ECI designator, rather than the Latin-1, Shift JIS or other
        # 8-bit character sets the encoder would pick on its own: readers know UTF-8 best.
        return zxingcpp.create_barcode(
            address, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level, eci="UTF-8", **options
        )
    return zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level, **options)


def qr_modules(address: str, *, mask: int | None = None) -> tuple[Modules, str]:
    """The QR code of ``address`` and its error correction level (``"M"``, ``"Q"`` or ``"H"``).

    ``mask`` forces one of the eight data masks (0 to 7), for tests that check the automatic choice.
    """
    options = {} if mask is None else {"data_mask": mask}
    barcode = _create(address, EC_LEVEL, **options)
    level = barcode.ec_level
    if level != EC_LEVEL:  # the encoder ignores options it does not know: never print a weaker code
        raise RuntimeError(f"zxing-cpp made a QR code with error correction {level!r}, not {EC_LEVEL!r}")
    size = barcode.position.top_right.x + 1
    for better in BOOSTED_EC_LEVELS:
        try:
            boosted = _create(address, better, version=(size - 17) // 4, **options)
        except ValueError:  # does not fit in this size: the encoder refuses before it masks
            continue
        if boosted.ec_level == better:
            barcode, level = boosted, better
            break
    image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    size = image.shape[0]
    pixels = image.tobytes().translate(_PIXEL_TO_MODULE).decode("ascii")
    return tuple(pixels[start : start + size] for start in range(0, size * size, size)), level


#: Path commands already written, by (move right, move down, width): the same few hundred come back
#: in every code, and looking one up is faster than formatting it again. Pure text: nothing in it
#: depends on the address.
_COMMANDS: dict[tuple[int, int, int], str] = {}


def svg_path(modules: Modules, *, quiet_zone: int = QUIET_ZONE) -> str:
    """The path data of the dark modules: each run of dark modules in a row one closed rectangle.

    Moves are relative to the start of the previous rectangle (where "z" leaves the pen), which keeps
    the path short; numbers are separated by commas and signs, never spaces, so that the path needs no
    escaping in a ``data:`` URL."""
    commands: list[str] = []
    known = _COMMANDS if len(_COMMANDS) < 100_000 else {}
    pen_x, pen_y = 0, 0
    for y, row in enumerate(modules, start=quiet_zone):
        for run in _DARK_RUN.finditer(row):
            start, end = run.span()
            left = start + quiet_zone
            key = (left - pen_x, y - pen_y, end - start)
            command = known.get(key)
            if command is None:
                command = known[key] = f"m{key[0]},{key[1]}h{key[2]}v1h-{key[2]}z"
            commands.append(command)
            pen_x, pen_y = left, y
    path = "".join(commands)
    return "M" + path[1:] if path else path  # the first move is absolute: the same numbers, from the origin


def _svg_parts(side: int, scale: int) -> tuple[str, str]:
    """The SVG around the path of a code ``side`` modules wide (quiet zone included)."""
    pixels = side * scale
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{pixels}' height='{pixels}' "
        f"viewBox='0 0 {side} {side}' shape-rendering='crispEdges'>"
        f"<rect width='{side}' height='{side}' fill='#fff'/>"
        "<path fill='#000' d='",
        "'/></svg>",
    )


def svg(modules: Modules, *, scale: int = SCALE, quiet_zone: int = QUIET_ZONE) -> str:
    """An SVG image of ``modules``: one path of dark modules on white, the quiet zone in the viewBox."""
    before, after = _svg_parts(len(modules) + 2 * quiet_zone, scale)
    return before + svg_path(modules, quiet_zone=quiet_zone) + after


def _url_escaped(text: str) -> str:
    for character, escape in _URL_ESCAPES:
        text = text.replace(character, escape)
    return text


def qr_code(address: str) -> QrImage:
    """The QR code of the full ``address`` as an SVG ``data:`` URL (black on white) and its size in pixels."""
    modules, _ = qr_modules(address)
    side = len(modules) + 2 * QUIET_ZONE
    before, after = _svg_parts(side, SCALE)
    # Only the text around the path needs escaping (the path holds letters, digits, "," and "-").
    image = _url_escaped(before) + svg_path(modules) + _url_escaped(after)
    return QrImage(data_url="data:image/svg+xml," + image, size=side * SCALE)
