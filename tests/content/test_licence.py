"""The licences a counsellor needs to know: the code under MIT, the content under CC BY-SA 4.0, said
in the repository, on the about page and on every printed page, in both editions."""

from __future__ import annotations

from conftest import BuiltSite
from support import PROJECT_ROOT

from finding_balance.editions import read_edition


def test_the_licence_files_say_which_licence_covers_what() -> None:
    assert "MIT License" in (PROJECT_ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (PROJECT_ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in content and "https://creativecommons.org/licenses/by-sa/4.0/" in content
    assert "Counsellors may print" in content


def test_the_about_page_says_the_pages_may_be_printed_and_shared(built_site: BuiltSite) -> None:
    for page in ("about/index.html", "es/about/index.html", "ar/about/index.html"):
        section = built_site.soup(page).select_one("#sharing")
        assert section is not None, page
        assert "CC BY-SA 4.0" in section.find_next("p").get_text(" ", strip=True), page


def test_every_printed_page_carries_the_editions_own_licence_line(built_site: BuiltSite) -> None:
    for config, prefix in (("mkdocs.yml", ""), ("mkdocs.es.yml", "es/"), ("mkdocs.ar.yml", "ar/")):
        line = " ".join(read_edition(PROJECT_ROOT / config).extra["licence"].split())
        pages = [path for path in built_site.edition_files(prefix.rstrip("/") or "en") if path.name != "404.html"]
        assert len(pages) >= 10
        for path in pages:
            handout = built_site.soup(path.relative_to(built_site.directory).as_posix()).select_one(".fb-handout")
            if handout is None:  # a redirect page has no handout
                continue
            found = handout.select_one(".fb-handout__licence")
            assert found is not None and found.get_text(" ", strip=True) == line, path
