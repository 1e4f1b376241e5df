"""MkDocs and ProperDocs: the finishing pass over the built site, once every page is written.

``finding_balance.site.finish.finish_site`` does the work, the same pass the build command runs over
Zensical's output: our CSS/JS bundles, old anchors, quiz links' anchors, the counsellors' list, the
handouts' QR codes and each page's Content Security Policy (none under ``mkdocs serve``, whose
live-reload script is inline and differs on every load).

MkDocs events: ``on_startup`` (which command runs) and ``on_post_build`` (at priority -100, after
every plugin has written its files, such as mkdocs-redirects' pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from finding_balance.config import nav_pages
from finding_balance.site.finish import FinishError, SiteContext, finish_site

log = get_plugin_logger("finish_site")

_serving = False


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _serving
    _serving = command == "serve"
    if _serving:
        log.info("mkdocs serve: pages get no Content Security Policy (its live-reload script is inline).")


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    context = SiteContext(
        site_dir=Path(config.site_dir),
        site_url=config.site_url or "",
        docs_dir=Path(config.docs_dir),
        assets_dir=Path(config.theme.custom_dir or config_file.parent / "overrides") / "assets",
        display_root=config_file.parent,
        nav=tuple(nav_pages(config.nav)),
        use_directory_urls=config.use_directory_urls,
        extra=dict(config.extra),
        serving=_serving,
    )
    try:
        finish_site(context)
    except FinishError as error:
        raise PluginError(str(error)) from None
