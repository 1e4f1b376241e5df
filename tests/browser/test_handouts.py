"""Printed handouts: every page prints clean, with its address and a QR code (made at build time).

The browser test keeps a screenshot and a PDF of a printed page in test-artifacts/ (ignored by git)
for a person to look at.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, PageLog
from playwright.sync_api import Page, expect
from support.sitebuild import PROJECT_ROOT

from finding_balance.errors import AuthorError
from finding_balance.gates.addresses import addresses_in
from finding_balance.handouts.printout import qr_code_replacement
from finding_balance.handouts.qr import qr_code
from finding_balance.handouts.qr_cache import QrCodes, cache_file, encoder
from finding_balance.site.finish import SiteContext, SiteFinisher

ARTIFACTS = PROJECT_ROOT / "test-artifacts"


def with_qr_code(html: str) -> str:
    """``html`` with its handout's QR code in place of the placeholder, unchanged without a handout."""
    found = qr_code_replacement(html)
    if found is None:
        return html
    start, end, image = found
    return html[:start] + image + html[end:]


def test_every_page_ends_with_its_address_and_qr_code(built_site: BuiltSite) -> None:
    # The pack page prints the pack's own address and code, made in the browser (tests/browser/test_packs.py).
    pages = [
        address for address in addresses_in(built_site.directory) if "#" not in address and "/pack/" not in address
    ]
    assert len(pages) >= 10
    for path in pages:
        html_file = built_site.directory / path.lstrip("/") / "index.html"
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        parts = soup.select(".fb-handout")
        assert len(parts) == 1, path
        address = built_site.base_url + path.lstrip("/")
        assert parts[0].select_one(".fb-handout__address").get_text(strip=True) == address
        image = parts[0].select_one("img.fb-handout__qr")
        assert image is not None and image["alt"], path
        # Made here at build time, for exactly this address: no QR service, no request.
        assert image["src"] == qr_code(address)[0], path
        assert image["src"].startswith("data:image/svg+xml"), path
        # After the page's content and outside the article, so every page template gets it.
        assert parts[0].find_parent("article") is None
        assert parts[0].find_previous("main") is not None


def test_static_pages_have_no_handout(built_site: BuiltSite) -> None:
    assert not built_site.soup("404.html").select(".fb-handout")


def test_the_placeholder_becomes_the_code() -> None:
    # What the code holds and that it scans: tests/browser/test_qr.py.
    address = "https:&#x2f;&#x2f;example.org&#x2f;"  # as Zensical's templates escape it
    html = f'<p><span class="fb-handout__qr" data-fb-qr="{address}" data-fb-qr-alt="QR"></span></p>'
    image, size = qr_code("https://example.org/")
    expected = f'<img class="fb-handout__qr" src="{escape(image)}" width="{size}" height="{size}" alt="QR">'
    assert with_qr_code(html) == f"<p>{expected}</p>"
    svg = unquote(image.split(",", 1)[1])
    assert svg.startswith("<svg") and "<script" not in svg


def test_an_address_too_long_for_a_qr_code_stops_the_build_with_one_message(tmp_path: Path) -> None:
    address = "https://example.org/" + "a-very-long-folder-name/" * 200
    handout = f'<span class="fb-handout__qr" data-fb-qr="{address}" data-fb-qr-alt="QR"></span>'
    html = f"<html><head></head><body>{handout}</body></html>"
    folder = {name: tmp_path for name in ("site_dir", "docs_dir", "assets_dir", "display_root")}
    context = SiteContext(site_url="https://example.org/", **folder)
    with pytest.raises(AuthorError) as raised:
        SiteFinisher(context).page(html, "long/index.html")
    [problem] = raised.value.problems
    assert problem.startswith("handout: long/index.html: the page's address is too long for a QR code (")
    assert problem.endswith("); shorten site_url or the page's path.")


ADDRESSES = ["https://example.org/", "https://example.org/trust/", "https://example.org/es/confianza/"]


def test_a_code_kept_between_builds_is_the_code_the_encoder_makes(tmp_path: Path) -> None:
    path = cache_file(tmp_path / "mkdocs.yml")
    assert path == tmp_path / ".cache" / "finding-balance" / "qr-codes-mkdocs.yml.json"
    first = QrCodes(path)
    assert [first(address) for address in ADDRESSES] == [qr_code(address) for address in ADDRESSES]
    assert first.made == 3
    first.save()
    again = QrCodes(path)
    assert [again(address) for address in ADDRESSES] == [qr_code(address) for address in ADDRESSES]
    assert again.made == 0


def test_a_new_address_gets_a_new_code_and_the_file_keeps_only_codes_in_use(tmp_path: Path) -> None:
    path = cache_file(tmp_path / "mkdocs.yml")
    first = QrCodes(path)
    for address in ADDRESSES:
        first(address)
    first.save()
    moved = QrCodes(path)
    assert moved("https://example.org/moved/") == qr_code("https://example.org/moved/")
    assert moved(ADDRESSES[0]) == qr_code(ADDRESSES[0])
    assert moved.made == 1
    moved.save()
    assert set(json.loads(path.read_text(encoding="utf-8"))["codes"]) == {"https://example.org/moved/", ADDRESSES[0]}


def test_codes_of_another_encoder_or_an_unreadable_file_are_made_again(tmp_path: Path) -> None:
    path = cache_file(tmp_path / "mkdocs.yml")
    path.parent.mkdir(parents=True)
    stale = {"https://example.org/": ["data:image/svg+xml,stale", 8]}
    for text in (
        json.dumps({"encoder": "zxing-cpp 0.0; finding_balance/handouts/qr.py 0", "codes": stale}),
        json.dumps({"encoder": encoder(), "codes": {"https://example.org/": ["not an image", 8]}}),
        json.dumps({"encoder": encoder(), "codes": {"https://example.org/": "data:image/svg+xml,x"}}),
        "{not json",
    ):
        path.write_text(text, encoding="utf-8")
        codes = QrCodes(path)
        assert codes("https://example.org/") == qr_code("https://example.org/")
        assert codes.made == 1


def test_a_printed_page_is_a_clean_handout(page: Page, page_log: PageLog, built_site: BuiltSite) -> None:
    page.goto(f"{built_site.base_url}trust/")
    # One answer chosen: it prints with the worksheet.
    page.locator("#quiz-safe-to-ask input[type=radio]").first.check()
    page.emulate_media(media="print")

    expect(page.locator(".fb-disclaimer")).to_be_visible()
    handout_part = page.locator(".fb-handout")
    expect(handout_part).to_be_visible()
    expect(handout_part).to_contain_text(f"{built_site.base_url}trust/")
    qr = page.locator("img.fb-handout__qr")
    expect(qr).to_be_visible()
    assert page.evaluate("document.querySelector('img.fb-handout__qr').naturalWidth") > 0
    box = qr.bounding_box()
    assert box is not None and box["width"] >= 100, "the QR code prints too small to scan"

    for hidden in (
        ".md-header",
        ".md-search",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".fb-quick-exit",
        "a.fb-quick-exit__skip",
        ".md-skip",
    ):
        expect(page.locator(hidden).first).to_be_hidden()
    visible_buttons = page.locator("button:visible, [role=button]:visible, a.md-button:visible")
    expect(visible_buttons).to_have_count(0)
    expect(page.locator("#quiz-safe-to-ask .fb-quiz__worksheet")).to_be_visible()
    expect(page.locator("#quiz-safe-to-ask input[type=radio]").first).to_be_checked()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "print-trust.png", full_page=True)
    page.pdf(path=ARTIFACTS / "print-trust.pdf", print_background=True)
    assert (ARTIFACTS / "print-trust.png").stat().st_size > 10_000
    assert page_log.foreign_requests(built_site.base_url) == []
    assert page_log.console_errors == []


def test_artifacts_folder_is_ignored_by_git() -> None:
    assert "/test-artifacts/" in (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").split()
