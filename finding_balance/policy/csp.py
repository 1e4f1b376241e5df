"""Content Security Policy on every HTML page of a built site, the 404 page included.

Writes ``<meta http-equiv="Content-Security-Policy" content="...">`` into the ``<head>`` of a page,
straight after ``<meta charset>`` so that it is in force before any script or stylesheet. The policy
lets a page load and connect to nothing but the site itself (``'self'``). Inline scripts run only
when the policy lists their SHA-256 hash, computed from the very page the policy is written into:
the theme's small inline scripts keep working, anything else inline is blocked. There is no
``'unsafe-inline'`` and no ``'unsafe-eval'``. Styles: the theme writes no inline ``<style>`` or
``style`` attribute with our settings, so ``style-src`` is ``'self'`` alone; images may also be
``data:`` URLs (the theme's icons, the handout's QR code).

The last edit of every page (``finding_balance.site.finish``), after every pass that could change
its scripts, under every engine. Not under ``mkdocs serve``: its live-reload script is inline and
differs on every load.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

#: Directives that are the same on every page; ``script-src`` gets the page's hashes added.
BASE_DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
#: ``type`` values of a ``<script>`` that the browser runs; any other type is a data block.
SCRIPT_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "text/jscript",
    "application/x-javascript",
    "text/x-javascript",
}
HEAD_START = re.compile(r"<head(?:\s[^>]*)?>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)
EXISTING_POLICY = re.compile(r"<meta[^>]+http-equiv=[\"']?content-security-policy", re.IGNORECASE)


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script the browser would run, exactly as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        runs_inline = "src" not in attributes and kind in SCRIPT_TYPES
        self._current = [] if runs_inline else None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def _any_case(word: str) -> str:
    """A pattern for ``word`` in any case, spelt out: a pattern that starts with a plain ``<`` lets the
    search skip ahead to each ``<``, which ``re.IGNORECASE`` would not."""
    return "".join(f"[{letter.lower()}{letter.upper()}]" for letter in word)


#: A comment or a style element (skipped, as the parser skips them), or the start tag of a script.
_SCRIPT_START = re.compile(
    rf"<(?=[!sS])(?:!--.*?(?:-->|\Z)|{_any_case('style')}(?=[\s/>]).*?(?:</{_any_case('style')}\s*>|\Z)"
    rf"|{_any_case('script')}(?=[\s/>])(?:\"[^\"]*\"|'[^']*'|[^'\">])*>)",
    re.DOTALL,
)
#: The end tag that ends a script for ``HTMLParser``.
_SCRIPT_END = re.compile(r"</\s*script\s*>", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The source text of each inline script in ``html`` that a browser would execute.

    Only the script elements go through the parser: a whole page, its long navigation included, is
    too slow to parse in Python on every page of a large site.
    """
    scripts: list[str] = []
    position = 0
    while match := _SCRIPT_START.search(html, position):
        if match[0][1:7].lower() != "script":
            position = match.end()
            continue
        end = _SCRIPT_END.search(html, match.end())
        if end is None:
            break
        if match[0] == "<script>":  # no attribute: it runs, and its text is all up to the end tag
            scripts.append(html[match.end() : end.start()])
            position = end.end()
            continue
        parser = _InlineScripts()
        parser.feed(html[match.start() : end.end()])
        parser.close()
        scripts += parser.scripts
        position = end.end()
    return scripts


def source_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script or stylesheet: ``'sha256-…'``."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


script_hash = source_hash


def content_security_policy(html: str, style_hashes: tuple[str, ...] = ()) -> str:
    """The policy for one page: only the site itself, plus the hashes of the page's inline scripts
    (and of the stylesheets the theme's script writes, ``style_hashes``)."""
    hashes = list(dict.fromkeys(script_hash(source) for source in inline_scripts(html)))
    directives = {name: list(sources) for name, sources in BASE_DIRECTIVES.items()}
    directives["script-src"] += hashes
    directives["style-src"] += list(style_hashes)
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def policy_insert(html: str, style_hashes: tuple[str, ...] = ()) -> tuple[int, str]:
    """Where the page's policy goes (the first element of ``<head>`` after ``<meta charset>``) and
    what goes there, so that a caller with other changes to make copies the page once.

    Raises ``ValueError`` when the page has no ``<head>`` or already carries a policy.
    """
    head = HEAD_START.search(html)
    if head is None:
        raise ValueError("the page has no <head>")
    # A policy <meta> counts only in <head> (browsers ignore one elsewhere): look no further.
    head_end = html.find("</head>", head.end())
    if EXISTING_POLICY.search(html, 0, head_end if head_end != -1 else len(html)):
        raise ValueError("the page already has a Content-Security-Policy <meta>")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html, style_hashes)}">'
    return head.end(), f"\n    {meta}"
