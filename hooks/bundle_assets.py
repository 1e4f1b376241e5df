"""One minified stylesheet and one minified script of ours per page, instead of nine small files.

Our CSS and JS stay separate files in ``docs/assets/``, one concern each, and the hooks (or
``mkdocs.yml``) list them in ``extra_css`` / ``extra_javascript``. This hook runs after them: it puts
``assets/finding-balance.min.css`` and ``.min.js`` in their place, and writes those two files
(minified by ``rcssmin`` / ``rjsmin``, in the listed order) when the build is done. Fewer, smaller
requests: our total stays under 8 KB gzipped (benchmarks/page_weight.py).

MkDocs events: ``on_config`` (late, after the other hooks added their files), ``on_files`` (the
sources are not copied) and ``on_post_build`` (the bundles are written).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files

log = get_plugin_logger("bundle_assets")

BUNDLE_CSS = "assets/finding-balance.min.css"
BUNDLE_JS = "assets/finding-balance.min.js"
OWN_PREFIX = "assets/"

_sources: dict[str, list[str]] = {BUNDLE_CSS: [], BUNDLE_JS: []}


def bundle_css(sources: list[str]) -> str:
    """The stylesheets, minified, one after the other."""
    return "\n".join(rcssmin.cssmin(source) for source in sources) + "\n"


def bundle_js(sources: list[str]) -> str:
    """The scripts, minified, one after the other. Each of ours is a self-contained function, and a
    ``;`` between them keeps one file's last statement from running into the next."""
    return ";\n".join(rjsmin.jsmin(source) for source in sources) + "\n"


def _take_own(entries: list[Any], docs_dir: Path, bundle: str) -> list[Any]:
    """Replace our files among ``entries`` (those under docs/assets/) by ``bundle``, where the first
    was; other entries stay as they are."""
    own = [entry for entry in entries if str(entry).startswith(OWN_PREFIX) and (docs_dir / str(entry)).is_file()]
    _sources[bundle] = [str(entry) for entry in own]
    if not own:
        return entries
    first = entries.index(own[0])
    rest = [entry for entry in entries if entry not in own]
    return [*rest[:first], bundle, *rest[first:]]


# After every other hook has added its files in on_config (default priority 0).
@event_priority(-90)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs_dir = Path(config.docs_dir)
    config.extra_css = _take_own(list(config.extra_css), docs_dir, BUNDLE_CSS)
    config.extra_javascript = _take_own(list(config.extra_javascript), docs_dir, BUNDLE_JS)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave the bundled source files out of the site: pages load only the bundles."""
    for path in [*_sources[BUNDLE_CSS], *_sources[BUNDLE_JS]]:
        file = files.get_file_from_path(path)
        if file is not None:
            files.remove(file)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    docs_dir, site_dir = Path(config.docs_dir), Path(config.site_dir)
    for bundle, make in ((BUNDLE_CSS, bundle_css), (BUNDLE_JS, bundle_js)):
        paths = _sources[bundle]
        if not paths:
            continue
        try:
            text = make([(docs_dir / path).read_text(encoding="utf-8") for path in paths])
        except OSError as error:
            raise PluginError(f"{bundle}: cannot read {error.filename}: {error.strerror}") from None
        (site_dir / bundle).write_text(text, encoding="utf-8")
        log.debug("%s: %d files, %d bytes", bundle, len(paths), len(text))
