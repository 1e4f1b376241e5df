"""The MkDocs plugin ``finding-balance`` (``plugins: [finding-balance]`` in ``mkdocs.yml``): every
feature of the package under MkDocs and ProperDocs, for any site that installs the package.

It puts the package's theme (``finding_balance.templates.THEME_DIR``) in the theme's search path,
after the site's own ``custom_dir`` and before Material's, and hands MkDocs' events to the three
parts that do the work: the settings (``mkdocs_settings``), the quizzes (``mkdocs_quizzes``) and the
finishing passes (``mkdocs_finishing``). List it after the other plugins, so that its last steps
(priority -100) see every page and file they write. Zensical runs no plugins: the build command does
the same around it (``finding_balance.engines.zensical``).

Its options (the build cache's folder, when to use a second core, one process) are declared in
``finding_balance.engines.options``; a wrong value stops the build with the config file and the option.

Nothing is kept from one build to the next: ``on_config`` and ``on_pre_build`` start each build
afresh (under ``mkdocs serve`` one plugin serves every build). Only the theme's compiled templates
are kept, on disk, by Jinja (``on_env``, ``finding_balance.templates.compiled_templates_cache``).
"""

from __future__ import annotations

from typing import Any, Literal

import jinja2
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from finding_balance.engines.mkdocs_finishing import Finishing
from finding_balance.engines.mkdocs_quizzes import Quizzes
from finding_balance.engines.mkdocs_settings import check_config, check_files
from finding_balance.engines.options import FindingBalanceConfig, wrong_values
from finding_balance.templates import THEME_DIR, compiled_templates_cache


def with_package_theme(config: MkDocsConfig) -> None:
    """The package's theme folder in the theme's search path: after the site's ``custom_dir``, before
    the theme's own templates."""
    folder = str(THEME_DIR)
    if folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, folder)


class FindingBalancePlugin(BasePlugin[FindingBalanceConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.quizzes = Quizzes()
        self.finishing = Finishing()

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        errors, warnings = super().load_config(options, config_file_path)
        return wrong_values(errors, config_file_path), warnings

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.finishing.on_startup(command)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with_package_theme(config)
        return self.quizzes.on_config(check_config(config), self.config.cache_dir)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return check_files(files, config)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.finishing.on_pre_build(config, self.config)

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if env.bytecode_cache is None:
            env.bytecode_cache = compiled_templates_cache(env)
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.quizzes.on_page_markdown(markdown, page, config, files)

    @event_priority(-100)  # after every other handler, so that they all see the whole quiz
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.quizzes.on_page_content(html, page, config, files)

    @event_priority(-100)  # after Material's search has read the page, before its template renders it
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.quizzes.on_page_context(page)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.finishing.on_post_page(output, page)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return self.finishing.on_post_template(output_content, template_name)

    @event_priority(-100)  # after every plugin has written its files, such as mkdocs-redirects' pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.quizzes.on_post_build()
        self.finishing.on_post_build()

    def on_build_error(self, *, error: Exception) -> None:
        self.finishing.on_build_error()
