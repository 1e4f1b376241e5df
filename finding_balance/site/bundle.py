"""Our CSS and JS as one minified stylesheet and one minified script, written into a built site.

The sources stay separate files in ``overrides/assets/``, one per component (``quiz.css`` beside
``partials/quiz.html``), in the order below. Every page links only the two bundles (``extra_css`` and
``extra_javascript`` in ``mkdocs.yml``); the engines copy the theme folder's files into the site, and
this pass writes the bundles there and removes those copies. Fewer, smaller requests: our total
stays under 8 KB gzipped (``benchmarks/page_weight.py``). What one page alone needs (the help page's
country chooser) is minified into its own small files, which only that page's template links.

Caller: ``finding_balance.site.finish``, under every engine.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rcssmin
import rjsmin

BUNDLE_CSS = "assets/finding-balance.min.css"
BUNDLE_JS = "assets/finding-balance.min.js"
#: Our stylesheets and scripts, in the order they are bundled.
CSS_SOURCES = (
    "site.css",
    "disclaimer.css",
    "header.css",
    "quiz.css",
    "quick-exit.css",
    "stable-links.css",
    "language.css",
    "handout.css",
)
JS_SOURCES = ("site.js", "quiz.js", "quick-exit.js", "stable-links.js", "language.js")
#: Assets that one page alone needs, minified on their own and linked from that page's template only
#: (the help page's country chooser and plain card: ``overrides/help.html``).
PAGE_CSS = {"assets/helplines.min.css": ("helplines.css",)}
PAGE_JS = {"assets/helplines.min.js": ("helplines.js",)}


def bundle_css(sources: list[str]) -> str:
    """The stylesheets, minified, one after the other."""
    return "\n".join(rcssmin.cssmin(source) for source in sources) + "\n"


def bundle_js(sources: list[str]) -> str:
    """The scripts, minified, one after the other. Each of ours is a self-contained function, and a
    ``;`` between them keeps one file's last statement from running into the next."""
    return ";\n".join(rjsmin.jsmin(source) for source in sources) + "\n"


@cache
def _bundles(assets_dir: Path, stamp: tuple[float, ...]) -> dict[str, str]:
    """Every bundle, made once for a given state of the sources (two editions share them)."""
    read = lambda names: [(assets_dir / name).read_text(encoding="utf-8") for name in names]  # noqa: E731
    bundles = {BUNDLE_CSS: bundle_css(read(CSS_SOURCES)), BUNDLE_JS: bundle_js(read(JS_SOURCES))}
    bundles |= {name: bundle_css(read(sources)) for name, sources in PAGE_CSS.items()}
    bundles |= {name: bundle_js(read(sources)) for name, sources in PAGE_JS.items()}
    return bundles


def write_bundles(assets_dir: Path, site_dir: Path) -> None:
    """Write the bundles into ``site_dir`` and remove the copied sources. Raises ``OSError`` when a
    source cannot be read."""
    names = (*CSS_SOURCES, *JS_SOURCES, *(name for group in (*PAGE_CSS.values(), *PAGE_JS.values()) for name in group))
    stamp = tuple((assets_dir / name).stat().st_mtime_ns for name in names)
    for bundle, text in _bundles(assets_dir, stamp).items():
        target = site_dir / bundle
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for name in names:
        (site_dir / "assets" / name).unlink(missing_ok=True)
