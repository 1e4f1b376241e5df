"""Content Security Policy on every HTML page of the site, the 404 page included.

Writes ``<meta http-equiv="Content-Security-Policy" content="...">`` into the ``<head>`` of every
page, straight after ``<meta charset>`` so that it is in force before any script or stylesheet. The
policy lets a page load and connect to nothing but the site itself (``'self'``). Inline scripts run
only when the policy lists their SHA-256 hash, computed here from the very page the policy is
written into: the theme's small inline scripts keep working, anything else inline is blocked. There
is no ``'unsafe-inline'`` and no ``'unsafe-eval'``. Styles: Material writes no inline ``<style>`` or
``style`` attribute with our settings, so ``style-src`` is ``'self'`` alone (its scripts set styles
through the CSSOM, which CSP allows); images may also be ``data:`` URLs, which the theme's
stylesheet uses for its icons (and a page may use for an inline SVG picture).

Under ``mkdocs serve`` nothing is written: the live-reload script that the dev server injects into
every response is inline and different on every request, so no hash could allow it.

MkDocs events: ``on_startup`` (which command runs), ``on_post_page`` (pages made from Markdown) and
``on_post_template`` (static templates such as ``404.html``, which do not pass through
``on_post_page``). Both page events run at priority -100, after every other hook and plugin has
finished changing the HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

log = get_plugin_logger("csp")

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

_serving = False


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


#: A comment or a style element (skipped, as the parser skips them), or the start tag of a script.
_SCRIPT_START = re.compile(
    r"<!--.*?(?:-->|\Z)|<style(?=[\s/>]).*?(?:</style\s*>|\Z)|<script(?=[\s/>])(?:\"[^\"]*\"|'[^']*'|[^'\">])*>",
    re.IGNORECASE | re.DOTALL,
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
        parser = _InlineScripts()
        parser.feed(html[match.start() : end.end()])
        parser.close()
        scripts += parser.scripts
        position = end.end()
    return scripts


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script: ``'sha256-…'``."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(html: str) -> str:
    """The policy for one page: only the site itself, plus the hashes of the page's inline scripts."""
    hashes = list(dict.fromkeys(script_hash(source) for source in inline_scripts(html)))
    directives = {name: list(sources) for name, sources in BASE_DIRECTIVES.items()}
    directives["script-src"] += hashes
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str) -> str:
    """``html`` with its policy written as the first element of ``<head>`` after ``<meta charset>``.

    Raises ``ValueError`` when the page has no ``<head>`` or already carries a policy.
    """
    if EXISTING_POLICY.search(html):
        raise ValueError("the page already has a Content-Security-Policy <meta>")
    head = HEAD_START.search(html)
    if head is None:
        raise ValueError("the page has no <head>")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return f"{html[: head.end()]}\n    {meta}{html[head.end() :]}"


def _write_policy(html: str, name: str) -> str:
    if _serving:
        return html
    try:
        return with_policy(html)
    except ValueError as error:
        raise PluginError(f"csp: {name}: {error}.") from None


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        log.info("mkdocs serve: pages get no Content Security Policy (its live-reload script is inline).")


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _write_policy(output, page.file.dest_uri)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return _write_policy(output_content, template_name)
