"""Our CSS and JS as one minified stylesheet and one minified script, written into a built site.

The sources stay separate files in ``finding_balance/theme/assets/``, one per component
(``quiz.css`` beside ``partials/quiz.html``), each named by its feature (``styles`` and ``scripts``
in its ``feature.py``) and bundled in the order of the registry (``finding_balance.registry``).
Every page links only the two bundles (``extra_css`` and ``extra_javascript`` in ``mkdocs.yml``);
the engines copy the theme folder's files into the site, and this pass writes the bundles there and
removes those copies. Fewer, smaller requests: our total stays under 8 KB gzipped
(``benchmarks/page_weight.py``).

Components that only some pages need are bundled apart (``PAGE_BUNDLES``: each feature's
``page_bundles``) and linked only by the templates of those pages: the Print button of topic pages
(``main.html``), the filters and pack panel of the counsellors' list (``counsellors.html``), the
pack page (``pack.html``), the help page's country chooser and plain card (``help.html``). Each page
bundle is a stylesheet and a script, ``assets/finding-balance-<name>.min.css`` and ``.min.js``. The
QR code encoder of the pack page is a vendored library (``VENDORED``, the counsellors' feature's:
lean-qr, pinned in ``package.json``, with its licence), copied as it is.

A site-wide pass (``finding_balance.site.finish``), under every engine.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rcssmin
import rjsmin

from finding_balance.registry import FEATURES
from finding_balance.templates import shared_mark

BUNDLE_CSS = "assets/finding-balance.min.css"
BUNDLE_JS = "assets/finding-balance.min.js"
#: Our stylesheets and scripts, in the order they are bundled: each feature's, in the registry's order.
CSS_SOURCES: tuple[str, ...] = tuple(name for feature in FEATURES for name in feature.styles)
JS_SOURCES: tuple[str, ...] = tuple(name for feature in FEATURES for name in feature.scripts)
#: Bundles that only some pages link: name, then their stylesheets and scripts, in order.
PAGE_BUNDLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    bundle.name: (bundle.styles, bundle.scripts) for feature in FEATURES for bundle in feature.page_bundles
}
#: Third-party files served as they are (each beside its licence), relative to the assets folder.
VENDORED: tuple[str, ...] = tuple(name for feature in FEATURES for name in feature.vendored)


def page_bundle(name: str, kind: str) -> str:
    """Where the page bundle ``name`` is written: ``kind`` is ``css`` or ``js``; the templates link it
    with the same macro (``partials/placeholders.html``, ``bundle``)."""
    return shared_mark("bundle", name, kind)


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
    for name, (styles, scripts) in PAGE_BUNDLES.items():
        bundles[page_bundle(name, "css")] = bundle_css(read(styles))
        bundles[page_bundle(name, "js")] = bundle_js(read(scripts))
    return bundles


def sources() -> tuple[str, ...]:
    """Every source file that goes into a bundle."""
    names = [*CSS_SOURCES, *JS_SOURCES]
    for styles, scripts in PAGE_BUNDLES.values():
        names += [*styles, *scripts]
    return tuple(names)


def write_bundles(assets_dir: Path, site_dir: Path) -> None:
    """Write every bundle and the vendored files into ``site_dir`` and remove the copied sources.
    Raises ``OSError`` when a source cannot be read."""
    names = sources()
    stamp = tuple((assets_dir / name).stat().st_mtime_ns for name in names)
    for bundle, text in _bundles(assets_dir, stamp).items():
        target = site_dir / bundle
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for name in VENDORED:
        target = site_dir / "assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((assets_dir / name).read_bytes())
    for name in names:
        (site_dir / "assets" / name).unlink(missing_ok=True)
