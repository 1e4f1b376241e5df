"""Zensical: it reads ``mkdocs.yml`` and the Markdown extensions, but no plugins, ours included.

So the build command does around it what our plugin does under MkDocs:

1. ``finding_balance.check.check_edition``: every authoring mistake stops the build first; each helpline
   section filled with its fallback sentence is reported (an INFO line, as under MkDocs).
2. A config for Zensical beside the edition's own (``.zensical.<name>.yml``, removed afterwards): the
   edition's config with its ``INHERIT`` already merged as MkDocs merges it (Zensical's own merge
   appends lists, so a Spanish ``nav`` would follow the English one), plus our settings checked and
   completed (``extra.disclaimer`` with its defaults and so on), because Zensical's templates cannot
   call Python to fill them in; and our theme (``finding_balance/theme/``) as its custom folder, merged
   with the site's own ``custom_dir`` when it has one (``theme_folder``: in a temporary folder, as
   ``zensical build --clean`` empties ``.cache/`` beside the config before it reads the theme; our
   build cache is parked there too while Zensical runs, ``parked``).
3. ``zensical build --clean --strict`` with that config.
4. ``finding_balance.site.finish.finish_site`` over the output folder (given the quizzes the check
   found, so that it need not read them again). Zensical's search dialog
   lives in a shadow root styled by a ``<style>`` element its script writes; the policy allows exactly
   that stylesheet by its hash (``theme_style_hashes``), not inline styles in general.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from finding_balance.check import check_edition
from finding_balance.editions import Edition, PythonTag
from finding_balance.engines.options import options_of
from finding_balance.errors import AuthorError
from finding_balance.handouts.qr_cache import cache_file
from finding_balance.helplines.data import gap_notes
from finding_balance.policy.csp import source_hash
from finding_balance.site.finish import SiteContext, finish_site
from finding_balance.templates import ASSETS_DIR, THEME_DIR


def zensical_command() -> list[str]:
    """The ``zensical`` program of this environment (beside this Python), else the one on the PATH."""
    beside = Path(sys.executable).with_name("zensical")
    return [str(beside)] if beside.exists() else [shutil.which("zensical") or "zensical"]


class ConfigDumper(yaml.SafeDumper):
    """Writes ``!!python/...`` values back as the tags they were read from."""


def _python_tag(dumper: yaml.SafeDumper, value: PythonTag) -> yaml.Node:
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/{value}", "")


ConfigDumper.add_representer(PythonTag, _python_tag)


def theme_folder(edition: Edition, scratch: Path) -> Path:
    """The one custom folder Zensical reads: the package's theme, or, for a site with its own
    ``custom_dir``, both merged (the site's files win) into the folder ``scratch``."""
    if edition.custom_dir is None:
        return THEME_DIR
    merged = scratch / "theme"
    shutil.copytree(THEME_DIR, merged)
    shutil.copytree(edition.custom_dir, merged, dirs_exist_ok=True)
    return merged


@contextmanager
def parked(folder: Path, aside: Path) -> Iterator[None]:
    """``folder`` moved to ``aside`` for the time of the block, and back (Zensical's ``--clean``
    removes everything in ``.cache/``, our build cache included)."""
    if folder.is_dir():
        shutil.move(folder, aside)
    try:
        yield
    finally:
        if aside.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            folder.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(aside, folder)


def zensical_config(edition: Edition, settings: dict[str, object], theme_dir: Path = THEME_DIR) -> str:
    """The YAML of the config Zensical builds from: the edition's own, merged, with our settings and
    our theme (``theme_folder``)."""
    config = dict(edition.raw)
    config["theme"] = {**dict(config.get("theme") or {}), "custom_dir": str(theme_dir)}
    config["site_dir"] = os.path.relpath(edition.site_dir, edition.config_file.parent)
    config["site_url"] = edition.site_url
    config["extra"] = {**dict(edition.extra), **settings}
    return yaml.dump(config, Dumper=ConfigDumper, allow_unicode=True, sort_keys=False)


#: ``X("style",{},Name.toString())``: the theme script writing a ``<style>`` from a string constant.
_STYLE_ELEMENT = re.compile(r'[A-Za-z_$][\w$]*\("style",\{\},(?P<name>[A-Za-z_$][\w$]*)\.toString\(\)\)')


def theme_style_hashes(site_dir: Path) -> tuple[str, ...]:
    """The CSP hashes of the stylesheets Zensical's theme script writes into ``<style>`` elements."""
    hashes = []
    for bundle in sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")):
        script = bundle.read_text(encoding="utf-8")
        for name in dict.fromkeys(match["name"] for match in _STYLE_ELEMENT.finditer(script)):
            constant = re.search(rf"(?<![\w$]){re.escape(name)}='((?:[^'\\]|\\.)*)'", script)
            if constant:
                text = json.loads('"' + constant.group(1).replace('"', '\\"').replace("\\'", "'") + '"')
                hashes.append(source_hash(text))
    return tuple(hashes)


def build(edition: Edition) -> subprocess.CompletedProcess[str]:
    """Build ``edition`` with Zensical and finish it. Raises ``AuthorError`` on a
    mistake; returns Zensical's process (a non-zero ``returncode`` when Zensical failed)."""
    checked = check_edition(edition)
    try:
        options = options_of(edition.raw, edition.config_file)
    except ValueError as error:
        raise AuthorError([str(error)]) from None
    settings = checked.settings.extra
    for note in gap_notes(settings["helplines"]):
        print(f"INFO    -  {note}", file=sys.stderr)
    config = edition.config_file.with_name(f".zensical.{edition.config_file.stem}.yml")
    with (
        tempfile.TemporaryDirectory(prefix="finding-balance-") as scratch,
        parked(edition.config_file.parent / options.cache_dir, Path(scratch) / "cache"),
    ):
        config.write_text(zensical_config(edition, settings, theme_folder(edition, Path(scratch))), encoding="utf-8")
        try:
            result = subprocess.run(
                [*zensical_command(), "build", "--clean", "--strict", "--config-file", str(config)],
                capture_output=True,
                text=True,
                cwd=edition.config_file.parent,
            )
        finally:
            config.unlink(missing_ok=True)
    if result.returncode != 0:
        return result
    finish_site(
        SiteContext(
            site_dir=edition.site_dir,
            site_url=edition.site_url,
            docs_dir=edition.docs_dir,
            assets_dir=ASSETS_DIR,
            display_root=edition.config_file.parent,
            nav=edition.nav,
            use_directory_urls=edition.use_directory_urls,
            extra={**edition.extra, **settings},
            redirects=checked.settings.redirects,
            style_hashes=theme_style_hashes(edition.site_dir),
            qr_cache=cache_file(edition.config_file, options.cache_dir),
            theme_dir=edition.custom_dir,
            config_name=edition.config_file.name,
        ),
        quizzes=checked.quizzes,
    )
    return result
