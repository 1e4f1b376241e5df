"""MkDocs and ProperDocs: the finishing passes, each page as MkDocs writes it, then the site once.

``finding_balance.site.finish.SiteFinisher`` does the work, the same passes the build command runs
over Zensical's output: old anchors, the handouts' QR codes and each page's Content Security Policy
(none under ``mkdocs serve``, whose live-reload script is inline and differs on every load) page by
page; then our CSS/JS bundles, quiz links' anchors, the counsellors' list and any other HTML file.
On a small site (or one core) each page is finished in the HTML MkDocs is about to write: none is
read back or written twice (only the counsellors' page, once the list is made). QR codes made in
earlier builds are taken from ``.cache/finding-balance/`` beside the config
(``finding_balance.handouts.qr_cache``).

The plugin (``finding_balance.engines.mkdocs_plugin``) hands it these MkDocs events:
``on_startup`` (which command runs), ``on_pre_build`` (a new finisher for this build: under
``mkdocs serve`` the plugin lives from one build to the next), ``on_post_page`` (each page),
``on_post_template`` (pages made from a template alone, such as ``404.html``), ``on_post_build``
(at priority -100, after every plugin has written its files, such as mkdocs-redirects' pages) and
``on_build_error`` (a helper process is stopped). On a site of many pages and a machine with a second
core, the same finisher runs in a helper process alongside MkDocs (``finding_balance.site.parallel``):
each page is then read, finished and written again there once MkDocs has written it, and
``on_post_build`` waits for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from finding_balance.editions import nav_pages
from finding_balance.engines.mkdocs_errors import stopping_the_build
from finding_balance.engines.options import FindingBalanceConfig
from finding_balance.handouts.qr_cache import cache_file
from finding_balance.site.finish import SiteContext, SiteFinisher
from finding_balance.site.parallel import FinisherProcess, parallel_finisher
from finding_balance.templates import ASSETS_DIR

log = get_plugin_logger("finding-balance")


class Finishing:
    """The finishing of the site under MkDocs: one finisher a build, made in ``on_pre_build``."""

    def __init__(self) -> None:
        self.serving = False
        self.finisher: SiteFinisher | FinisherProcess | None = None

    def on_startup(self, command: Literal["build", "gh-deploy", "serve"]) -> None:
        self.serving = command == "serve"
        if self.serving:
            log.info("mkdocs serve: pages get no Content Security Policy (its live-reload script is inline).")

    def on_pre_build(self, config: MkDocsConfig, options: FindingBalanceConfig | None = None) -> None:
        options = options or FindingBalanceConfig()
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        context = SiteContext(
            site_dir=Path(config.site_dir),
            site_url=config.site_url or "",
            docs_dir=Path(config.docs_dir),
            assets_dir=ASSETS_DIR,
            display_root=config_file.parent,
            nav=tuple(nav_pages(config.nav)),
            use_directory_urls=config.use_directory_urls,
            extra=dict(config.extra),
            redirects=tuple(config.extra["anchor_redirects"]),
            serving=self.serving,
            qr_cache=cache_file(config_file, options.cache_dir),
            theme_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
            config_name=config_file.name,
        )
        self.finisher = parallel_finisher(
            context, SiteFinisher(context), at_least=options.second_core_at, one_process=options.one_process
        )

    def _current(self) -> SiteFinisher | FinisherProcess:
        if self.finisher is None:  # only if another plugin builds pages without the build's events
            raise PluginError("finding-balance: a page was written before the build started")
        return self.finisher

    def on_post_page(self, output: str, page: Page) -> str:
        with stopping_the_build():
            return self._current().page(output, page.file.dest_uri, page.file.src_uri)

    def on_post_template(self, output_content: str, template_name: str) -> str:
        if not template_name.endswith(".html"):
            return output_content
        with stopping_the_build():
            return self._current().page(output_content, template_name)

    def on_post_build(self) -> None:
        finisher, self.finisher = self._current(), None
        with stopping_the_build():
            finisher.site()

    def on_build_error(self) -> None:
        if isinstance(self.finisher, FinisherProcess):
            self.finisher.close()
        self.finisher = None
