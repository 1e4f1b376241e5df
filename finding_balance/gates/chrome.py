"""Gates for what every page carries around its content: the disclaimer banner and the quick exit."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from finding_balance.gates.pages import html_files, name_of, redirect_target


def banner_problems(site_dir: Path) -> list[str]:
    """Every HTML file but a redirect page has exactly one banner (``.fb-disclaimer``), with text, outside
    the article."""
    problems = []
    for path in html_files(site_dir):
        html = path.read_text(encoding="utf-8")
        if redirect_target(html) is not None:
            continue
        banners = BeautifulSoup(html, "html.parser").select(".fb-disclaimer")
        name = name_of(site_dir, path)
        if len(banners) != 1:
            problems.append(f"{name}: {len(banners)} disclaimer banners, not one")
        elif not banners[0].get_text(strip=True):
            problems.append(f"{name}: the disclaimer banner is empty")
        elif banners[0].find_parent("article"):
            problems.append(f"{name}: the disclaimer banner is inside the article")
    return problems


def quick_exit_problems(site_dir: Path) -> list[str]:
    """Every HTML file but a redirect page has the quick exit: its button and its skip link, each leading
    to an everyday page on another site, and the script that makes Shift pressed three times leave."""
    problems = []
    for path in html_files(site_dir):
        html = path.read_text(encoding="utf-8")
        if redirect_target(html) is not None:
            continue
        soup = BeautifulSoup(html, "html.parser")
        name = name_of(site_dir, path)
        links = soup.select("a[data-fb-quick-exit]")
        if len(links) < 2:
            problems.append(f"{name}: the quick exit needs its button and its skip link; found {len(links)} link(s)")
        for link in links:
            address = urlsplit(str(link.get("href") or ""))
            if address.scheme != "https" or not address.netloc:
                problems.append(f"{name}: the quick exit leads to {link.get('href')!r}, not to another site")
        scripts = [str(script.get("src") or "") for script in soup.find_all("script")]
        if not any(source.endswith("finding-balance.min.js") for source in scripts):
            problems.append(f"{name}: finding-balance.min.js is not loaded, so Shift pressed three times does nothing")
    return problems
