"""MkDocs and ProperDocs: our settings under ``extra:`` checked and completed when the build starts.

``finding_balance.check.check_settings`` does the work, once a build (the same check the build
command runs before Zensical): the disclaimer, the quick exit, the helplines, the quiz wording and the
anchor redirects. Each helpline section a country has no line of (filled on the help page with a
fallback sentence) is reported as an INFO line, which does not fail ``--strict``.
The completed values replace what ``mkdocs.yml`` says, so the templates
(``finding_balance/theme/``) read every setting with its default filled in; the anchor redirects,
read, replace their mapping (``check_files`` and ``mkdocs_finishing`` take them from there). A
mistake stops the build with one message naming the edition's config file (``mkdocs.es.yml`` for
the Spanish edition) and the key.

The plugin (``finding_balance.engines.mkdocs_plugin``) calls ``check_config`` in ``on_config`` and
``check_files`` in ``on_files`` (the pages that anchor redirects name exist, once MkDocs knows the
pages).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from finding_balance.check import check_redirect_pages, check_settings
from finding_balance.editions import inherited_settings
from finding_balance.engines.mkdocs_errors import stopping_the_build
from finding_balance.errors import AuthorError
from finding_balance.helplines.data import gap_notes
from finding_balance.messages import EditionFiles, edition_files

log = get_plugin_logger("finding-balance")


def files_named(config: MkDocsConfig) -> EditionFiles:
    """The edition's config file and docs folder, as messages name them."""
    if not config.config_file_path:
        return EditionFiles()
    return edition_files(Path(config.config_file_path), Path(config.docs_dir))


def check_config(config: MkDocsConfig) -> MkDocsConfig:
    names = files_named(config)
    if not config.site_url:
        need = "the counsellors' list and printed pages need the site's full address"
        with stopping_the_build():
            raise AuthorError([f"{names.config}: site_url is empty; {need}."])
    language = str(config.theme["language"] or "en")
    config_file = Path(config.config_file_path) if config.config_file_path else None
    untranslated = inherited_settings(config_file) if config_file else ()
    base = config_file.parent if config_file else None
    with stopping_the_build():
        checked = check_settings(config.extra, None, language, untranslated, config.site_name, base, names)
    for note in gap_notes(checked.extra["helplines"]):
        log.info(note)
    config.extra.update(checked.extra)
    config.extra["anchor_redirects"] = checked.redirects
    return config


def check_files(files: Files, config: MkDocsConfig) -> Files:
    pages = [file.src_uri for file in files.documentation_pages()]
    with stopping_the_build():
        check_redirect_pages(config.extra["anchor_redirects"], pages, files_named(config))
    return files
