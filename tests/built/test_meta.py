"""Gate 5, page metadata: every page of the built site has a language, a title of its own, a meta
description of its own and a canonical link to its own address."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import BuiltSite
from support.gates import site_pages


def meta_problems(html: str, own_url: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    root = soup.find("html")
    if root is None or not str(root.get("lang") or "").strip():
        problems.append("no lang on <html>")
    titles = soup.find_all("title")
    if len(titles) != 1 or not titles[0].get_text(strip=True):
        problems.append(f"{len(titles)} <title>, or an empty one")
    descriptions = soup.find_all("meta", attrs={"name": "description"})
    if len(descriptions) != 1 or not str(descriptions[0].get("content") or "").strip():
        problems.append(f"{len(descriptions)} meta description, or an empty one")
    canonicals = soup.find_all("link", rel="canonical")
    if len(canonicals) != 1:
        problems.append(f"{len(canonicals)} canonical links")
    elif canonicals[0].get("href") != own_url:
        problems.append(f"canonical link is {canonicals[0].get('href')}, not {own_url}")
    return problems


def test_every_page_has_lang_title_description_and_canonical(built_site: BuiltSite) -> None:
    pages = site_pages(built_site.directory, built_site.base_url)
    assert (built_site.directory / "404.html").exists()
    problems = {
        page.path: found
        for page in pages
        if (found := meta_problems((built_site.directory / page.path).read_text(encoding="utf-8"), page.url))
    }
    assert problems == {}


def test_titles_and_descriptions_are_not_shared_between_pages(built_site: BuiltSite) -> None:
    titles: dict[str, list[str]] = {}
    descriptions: dict[str, list[str]] = {}
    for page in site_pages(built_site.directory, built_site.base_url):
        # Within each edition: every edition's home page carries the site's name.
        edition = next((folder for folder in ("es/", "ar/") if page.path.startswith(folder)), "")
        soup = built_site.soup(page.path)
        title = soup.find("title")
        description = soup.find("meta", attrs={"name": "description"})
        titles.setdefault(edition + (title.get_text(strip=True) if title else ""), []).append(page.path)
        descriptions.setdefault(str(description.get("content")) if description else "", []).append(page.path)
    assert {text: paths for text, paths in titles.items() if len(paths) > 1} == {}
    assert {text: paths for text, paths in descriptions.items() if len(paths) > 1} == {}


def test_meta_check_reports_a_bare_page() -> None:
    bare = "<html><head><title> </title></head><body></body></html>"
    assert meta_problems(bare, "http://127.0.0.1/x/") == [
        "no lang on <html>",
        "1 <title>, or an empty one",
        "0 meta description, or an empty one",
        "0 canonical links",
    ]
    wrong = (
        '<html lang="en"><head><title>T</title><meta name="description" content="D">'
        '<link rel="canonical" href="http://127.0.0.1/y/"></head></html>'
    )
    assert meta_problems(wrong, "http://127.0.0.1/x/") == [
        "canonical link is http://127.0.0.1/y/, not http://127.0.0.1/x/"
    ]
