"""Every message names the file the mistake is in: the edition's own config file (``mkdocs.es.yml``)
and docs folder (``docs-es/``), never ``mkdocs.yml`` and ``docs/`` by habit, under every engine
(finding_balance/messages.py, ``EditionFiles``). Each mistake is made in the Spanish edition of a
small copy of the site (``small_project``), which stops at that edition with one line; and a wrong
option of the plugin (finding_balance/engines/options.py) names the config file and the option."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.sitebuild import site_build, small_project

from finding_balance.engines.options import options_of

ENGINES = ("mkdocs", "properdocs", "zensical")
PAGE_WITH_A_BAD_LINK = """---
description: Una página de prueba.
---

# Inicio

```quiz
id: small
type: prompt
title: Una pregunta
prompts: ["Lee [esto](nowhere.md)."]
```
"""


def in_spanish_config(project: Path, extra: str) -> None:
    """``extra`` (YAML lines, indented under ``extra:``) added to the Spanish edition's config."""
    config = project / "mkdocs.es.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    config.write_text(text.replace("\nextra:\n", f"\nextra:\n{extra}", 1), encoding="utf-8")


def a_bad_setting(project: Path) -> None:
    text = (project / "mkdocs.es.yml").read_text(encoding="utf-8")
    assert "    url: https://www.google.com/\n" in text
    text = text.replace("    url: https://www.google.com/\n", "    url: www.google.com\n")
    (project / "mkdocs.es.yml").write_text(text, encoding="utf-8")


def a_redirect_to_nowhere(project: Path) -> None:
    in_spanish_config(project, '  anchor_redirects:\n    "index.md#antes": "index.md#no-existe"\n')


def a_redirect_from_a_missing_page(project: Path) -> None:
    in_spanish_config(project, '  anchor_redirects:\n    "gone.md#antes": "index.md"\n')


def a_bad_link_in_a_page(project: Path) -> None:
    (project / "docs-es" / "index.md").write_text(PAGE_WITH_A_BAD_LINK, encoding="utf-8")


MISTAKES = {
    "setting": (a_bad_setting, "mkdocs.es.yml: extra.quick_exit.url must be a full web address starting with https://"),
    "redirect target": (
        a_redirect_to_nowhere,
        "mkdocs.es.yml: extra.anchor_redirects['index.md#antes']: docs-es/index.md has no anchor '#no-existe'.",
    ),
    "redirected page": (
        a_redirect_from_a_missing_page,
        "mkdocs.es.yml: extra.anchor_redirects['gone.md#antes']: docs-es/gone.md does not exist;",
    ),
    "page": (
        a_bad_link_in_a_page,
        "docs-es/index.md:7: quiz 'small': prompts[0]: the link 'nowhere.md' goes to docs-es/nowhere.md, which",
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
@pytest.mark.parametrize("engine", ENGINES)
def test_a_mistake_in_the_spanish_edition_names_its_own_files(tmp_path: Path, engine: str, mistake: str) -> None:
    make, message = MISTAKES[mistake]
    project = small_project(tmp_path / "project")
    make(project)
    result = site_build(project, tmp_path / "site", site_url="https://example.org/", engine=engine)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert any(message in line for line in errors), result.stderr
    assert "mkdocs.yml:" not in result.stderr and " docs/" not in result.stderr
    assert "Traceback" not in result.stderr


#: One wrong value of each option, each under one engine (the check is the same class under all).
WRONG_OPTIONS = {
    "mkdocs": ("second_core_at: many", "mkdocs.es.yml: plugins.finding-balance.second_core_at must be a whole number"),
    "properdocs": (
        "one_process: sometimes",
        "mkdocs.es.yml: plugins.finding-balance.one_process must be true or false",
    ),
    "zensical": ("cache_dir: []", "mkdocs.es.yml: plugins.finding-balance.cache_dir must be the path of a folder"),
}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_wrong_plugin_option_names_the_config_and_the_option(tmp_path: Path, engine: str) -> None:
    options, message = WRONG_OPTIONS[engine]
    project = small_project(tmp_path / "project")
    config = project / "mkdocs.es.yml"
    plugins = "plugins:\n  - search\n  - redirects:\n      redirect_maps: {}\n"
    config.write_text(
        config.read_text(encoding="utf-8") + f"{plugins}  - finding-balance:\n      {options}\n", encoding="utf-8"
    )
    result = site_build(project, tmp_path / "site", site_url="https://example.org/", engine=engine)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"cache_dir": ""}, "plugins.finding-balance.cache_dir is empty"),
        ({"second_core_at": True}, "plugins.finding-balance.second_core_at must be a whole number of pages, 1 or more"),
        ({"second_core_at": 0}, "plugins.finding-balance.second_core_at must be a whole number of pages, 1 or more"),
        ({"cach_dir": "x"}, "plugins.finding-balance.cach_dir is not an option of the plugin"),
    ],
)
def test_the_options_are_read_as_mkdocs_reads_them(given: dict[str, object], message: str) -> None:
    """What the build command reads for Zensical, with the same checks: defaults, then each wrong value."""
    config = Path("/site/mkdocs.es.yml")
    defaults = options_of({"plugins": ["search", "finding-balance"]}, config)
    assert (defaults.cache_dir, defaults.second_core_at, defaults.one_process) == (".cache/finding-balance", 40, False)
    chosen = options_of({"plugins": [{"finding-balance": {"second_core_at": 3, "one_process": True}}]}, config)
    assert (chosen.second_core_at, chosen.one_process) == (3, True)
    with pytest.raises(ValueError) as caught:
        options_of({"plugins": [{"finding-balance": given}]}, config)
    assert str(caught.value).startswith(f"mkdocs.es.yml: {message}")
