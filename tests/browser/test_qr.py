"""QR codes that scan, proven: every printed page's code is read back by a decoder and leads to that page.

Two levels. Unit tests take the SVG that ``finding_balance.handouts.qr`` writes, paint it module by module
from its path, and read it with zxing-cpp's decoder; they also check what the QR standard asks for
(a quiet zone of 4 modules, error correction M or better, a real QR code, the mask with the lowest
penalty). The browser test prints every page of the built site in Chromium, screenshots it as printed
and reads the code from the screenshot.
"""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from conftest import BuiltSite
from PIL import Image
from playwright.sync_api import Browser, expect
from support.gates import site_pages

from finding_balance.handouts.qr import QUIET_ZONE, SCALE, Modules, qr_code, qr_modules

AWKWARD_ADDRESSES = [
    "https://finding-balance.example.org/",
    "https://finding-balance.example.org/trust/",
    "http://127.0.0.1:8000/personal-space/",
    # %-escapes, as MkDocs writes addresses of non-ASCII file names
    "https://example.org/caf%C3%A9/%E4%BF%A1%E9%A0%BC/100%25-sure/",
    # anchors and queries
    "https://example.org/site/trust/#quiz-safe-to-ask",
    "https://example.org/site/trust/?print=1&lang=en#feeling-safe-to-ask",
    # non-ASCII paths, unescaped: Latin-1, Greek, Japanese, emoji
    "https://example.org/café/naïve/",
    "https://example.org/ελληνικά/εμπιστοσύνη/",
    "https://example.org/信頼/距離/",
    "https://example.org/🙂/",
    # upper case only: the encoder may use its alphanumeric mode
    "HTTPS://EXAMPLE.ORG/TRUST/",
    # long: a large symbol version (with version information blocks)
    "https://finding-balance.example.org/" + "/".join(f"section-{n}/deeper-and-deeper" for n in range(12)) + "/",
    "https://example.org/" + "a" * 600,
]

_RECTANGLE = re.compile(r"[Mm](-?\d+),(-?\d+)h(\d+)v1h-(\d+)z")
_SVG = re.compile(
    r"<svg xmlns='http://www.w3.org/2000/svg' width='(\d+)' height='(\d+)' viewBox='0 0 (\d+) (\d+)' "
    r"shape-rendering='crispEdges'><rect width='(\d+)' height='(\d+)' fill='#fff'/>"
    r"<path fill='#000' d='([^']*)'/></svg>"
)


def svg_of(data_url: str) -> str:
    prefix = "data:image/svg+xml,"
    assert data_url.startswith(prefix)
    return unquote(data_url.removeprefix(prefix))


def paint(svg: str) -> tuple[list[list[bool]], int]:
    """The SVG's modules as painted (quiet zone included, ``True`` for dark) and its size in pixels.

    Reads our SVG exactly: a white square as large as the viewBox and one path of rectangles, one
    module high, each drawn as ``m dx,dy h w v1 h-w z`` (the first move absolute).
    """
    match = _SVG.fullmatch(svg)
    assert match, svg[:300]
    width, height, view_w, view_h, rect_w, rect_h, path = match.groups()
    assert width == height and view_w == view_h == rect_w == rect_h, "not a white square as large as the view"
    side = int(view_w)
    assert int(width) == side * SCALE
    grid = [[False] * side for _ in range(side)]
    position = 0
    pen_x = pen_y = 0
    for rectangle in _RECTANGLE.finditer(path):
        assert rectangle.start() == position, f"unexpected path data at {position}: {path[position : position + 40]}"
        position = rectangle.end()
        dx, dy, run, back = (int(number) for number in rectangle.groups())
        assert run == back > 0
        pen_x, pen_y = pen_x + dx, pen_y + dy
        for x in range(pen_x, pen_x + run):
            grid[pen_y][x] = True
    assert position == len(path)
    return grid, int(width)


def image_of(grid: list[list[bool]], pixels_per_module: int = 4) -> Image.Image:
    side = len(grid)
    image = Image.new("L", (side, side), 255)
    image.putdata([0 if dark else 255 for row in grid for dark in row])
    return image.resize((side * pixels_per_module, side * pixels_per_module), Image.Resampling.NEAREST)


@pytest.mark.parametrize("address", AWKWARD_ADDRESSES)
def test_a_code_reads_back_as_its_address_with_the_standard_quiet_zone_and_error_correction(address: str) -> None:
    image = qr_code(address)
    grid, pixels = paint(svg_of(image.data_url))
    assert image.size == pixels

    # Quiet zone: 4 light modules on every side, and the symbol's finder patterns right inside it.
    side = len(grid)
    dark = [(x, y) for y, row in enumerate(grid) for x, is_dark in enumerate(row) if is_dark]
    assert min(x for x, _ in dark) == min(y for _, y in dark) == QUIET_ZONE == 4
    assert max(x for x, _ in dark) == max(y for _, y in dark) == side - 1 - QUIET_ZONE
    symbol = side - 2 * QUIET_ZONE
    assert symbol >= 21 and (symbol - 21) % 4 == 0, "not the size of a QR code (Micro QR is 11 to 17)"

    found = zxingcpp.read_barcodes(image_of(grid))
    assert len(found) == 1
    (code,) = found
    assert code.text == address
    assert code.format == zxingcpp.BarcodeFormat.QRCode  # a real QR code, model 2: not Micro QR, not rMQR
    assert code.extra["ECLevel"] in {"M", "Q", "H"}
    assert int(code.extra["Version"]) == (symbol - 17) // 4
    # Non-ASCII text as UTF-8, marked so (ECI 000026); ASCII without any designator.
    (raw,) = zxingcpp.read_barcodes(image_of(grid), text_mode=zxingcpp.TextMode.HexECI)
    expected = b"]Q1" + address.encode() if address.isascii() else b"]Q2\\000026" + address.encode()
    assert bytes.fromhex(raw.text) == expected


@pytest.mark.parametrize("address", AWKWARD_ADDRESSES)
def test_the_error_correction_is_the_highest_that_keeps_the_size_level_m_needs(address: str) -> None:
    modules, level = qr_modules(address)
    version = (len(modules) - 17) // 4
    options = {"eci": "UTF-8"} if not address.isascii() else {}
    plain_m = zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level="M", **options)
    assert plain_m.position.top_right.x + 1 == len(modules)
    higher = {"M": "Q", "Q": "H", "H": None}[level]
    if higher:
        with pytest.raises(ValueError, match="too long"):
            zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level=higher, version=version, **options)


def penalty(modules: Modules) -> int:
    """The mask penalty score of ISO/IEC 18004:2015, 7.8.3 (N1 = 3, N2 = 3, N3 = 40, N4 = 10)."""
    size = len(modules)
    rows = list(modules)
    columns = ["".join(row[x] for row in rows) for x in range(size)]
    score = 0
    for line in rows + columns:
        # N1: five or more modules of one colour in a row or column: 3, plus 1 for each further one.
        score += sum(len(run) - 2 for run in re.findall(r"0{5,}|1{5,}", line))
        # N3: dark-light-dark-dark-dark-light-dark, with 4 light modules before or after it (beyond the
        # symbol is the quiet zone, which is light).
        padded = "0000" + line + "0000"
        for found in re.finditer(r"(?=1011101)", padded):
            start = found.start()
            if padded[start - 4 : start] == "0000" or padded[start + 7 : start + 11] == "0000":
                score += 40
    # N2: each 2 x 2 block of one colour.
    for y in range(size - 1):
        for x in range(size - 1):
            if rows[y][x] == rows[y][x + 1] == rows[y + 1][x] == rows[y + 1][x + 1]:
                score += 3
    # N4: 10 for each full 5 % that the share of dark modules lies away from 50 %.
    dark_percent = 100 * sum(row.count("1") for row in rows) / (size * size)
    score += 10 * int(abs(dark_percent - 50) // 5)
    return score


@pytest.mark.parametrize("address", AWKWARD_ADDRESSES)
def test_the_mask_is_the_one_with_the_lowest_penalty(address: str) -> None:
    """Of the eight masks the standard defines, the encoder applies one with the lowest penalty."""
    chosen, level = qr_modules(address)
    scores = {}
    for mask in range(8):
        modules, same_level = qr_modules(address, mask=mask)
        assert same_level == level and len(modules) == len(chosen)
        scores[mask] = penalty(modules)
        if modules == chosen:
            chosen_mask = mask
    assert scores[chosen_mask] == min(scores.values()), scores


def test_the_image_is_a_plain_svg() -> None:
    image = qr_code("https://example.org/site/trust/")
    assert image.data_url.startswith("data:image/svg+xml,%3Csvg%20")
    # Nothing a URL forbids, nothing that would end the URL early, nothing that runs.
    assert not re.search(r"[\s\"'<>#]", image.data_url)
    svg = svg_of(image.data_url)
    assert "<script" not in svg and "href" not in svg
    assert svg.count("<path") == 1


# The built site, printed in Chromium.


def handout_pages(built_site: BuiltSite) -> list[tuple[str, str]]:
    """Every page of the built site that has a handout: its URL and its canonical address."""
    pages = []
    for page in site_pages(built_site.directory, built_site.base_url):
        soup = BeautifulSoup((built_site.directory / page.path).read_text(encoding="utf-8"), "html.parser")
        if soup.select_one(".fb-handout"):
            canonical = soup.find("link", rel="canonical")
            assert canonical is not None, page.path
            pages.append((page.url, str(canonical["href"])))
    return pages


def test_every_printed_page_has_a_code_that_reads_back_as_its_address(browser: Browser, built_site: BuiltSite) -> None:
    pages = handout_pages(built_site)
    assert len(pages) >= 10
    # Twice a screen's pixels, 192 dpi: the 3 cm code in about 230 pixels. Paper has more (300 dpi:
    # about 350); at 96 dpi, codes of addresses longer than about 110 characters no longer read.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        wrong = {}
        for url, address in pages:
            page.goto(url)
            qr = page.locator("img.fb-handout__qr")
            expect(qr).to_have_count(1)
            expect(qr).to_be_visible()
            assert page.evaluate("document.querySelector('img.fb-handout__qr').complete"), url
            screenshot = Image.open(io.BytesIO(qr.screenshot()))
            # Every kind of code the reader knows: exactly one, a QR code, and it leads here.
            found = [(code.format, code.text) for code in zxingcpp.read_barcodes(screenshot)]
            if found != [(zxingcpp.BarcodeFormat.QRCode, address)]:
                wrong[url] = found
        assert wrong == {}
    finally:
        context.close()
