"""Gate: every page carries one Content Security Policy, before anything it governs, that allows only the
site itself and exactly the page's own inline scripts, by hash: no ``'unsafe-inline'``.

Read here independently of the code that writes the policy (``finding_balance.policy.csp``), so that a
mistake there cannot hide itself."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from bs4 import BeautifulSoup

from finding_balance.gates.pages import html_files, name_of

#: ``type`` values of a ``<script>`` that the browser runs.
RUNNABLE_TYPES = (None, "", "module", "text/javascript")


def parse_policy(policy: str) -> dict[str, list[str]]:
    """A policy's directives, each with its sources; a directive given twice is kept as the first."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            directives.setdefault(name, sources)
    return directives


def disallowed_sources(directives: dict[str, list[str]]) -> list[str]:
    """Every source the policy allows beyond the site itself, data images and script hashes."""
    problems = []
    for name, expected in (("default-src", ["'self'"]), ("object-src", ["'none'"]), ("base-uri", ["'self'"])):
        if directives.get(name) != expected:
            problems.append(f"{name} is {directives.get(name)}, not {expected}")
    for name, sources in directives.items():
        for source in sources:
            allowed = source in {"'self'", "'none'"} or (name == "img-src" and source == "data:")
            allowed = allowed or (name in ("script-src", "style-src") and source.startswith("'sha256-"))
            if not allowed:
                problems.append(f"{name} allows {source}")
    return problems


def policy_problems_in(html: str) -> list[str]:
    """What is wrong with the policy of one page (empty: nothing)."""
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    if len(metas) != 1:
        return [f"{len(metas)} policies"]
    problems = []
    before = metas[0].find_all_previous(["script", "link", "style"])
    if before:
        problems.append(f"policy comes after <{before[-1].name}>")
    directives = parse_policy(str(metas[0]["content"]))
    problems += disallowed_sources(directives)
    expected = set()
    for script in soup.find_all("script"):
        if script.get("src") or script.get("type") not in RUNNABLE_TYPES:
            continue
        digest = hashlib.sha256((script.string or "").encode("utf-8")).digest()
        expected.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    listed = {source for source in directives.get("script-src", []) if source.startswith("'sha256-")}
    problems += [f"inline script not allowed: {source}" for source in sorted(expected - listed)]
    problems += [f"hash of no script on the page: {source}" for source in sorted(listed - expected)]
    return problems


def policy_problems(site_dir: Path) -> list[str]:
    """Every HTML file of the site whose policy is missing, too broad or does not fit its scripts."""
    return [
        f"{name_of(site_dir, path)}: {problem}"
        for path in html_files(site_dir)
        for problem in policy_problems_in(path.read_text(encoding="utf-8"))
    ]
