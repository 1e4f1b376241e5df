"""The engine's compiled templates kept on disk between builds (finding_balance/templates.py,
``compiled_templates_cache``; set by the MkDocs plugin's ``on_env``): one cache file a template and
set of settings, and a changed template compiled again."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from finding_balance.engines.mkdocs_plugin import FindingBalancePlugin
from finding_balance.templates import compiled_templates_cache


def cache_pattern(env: jinja2.Environment) -> str:
    cache = compiled_templates_cache(env)
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    return cache.pattern


def test_environments_with_the_same_settings_share_their_cache_files() -> None:
    assert cache_pattern(jinja2.Environment()) == cache_pattern(jinja2.Environment())
    assert cache_pattern(jinja2.Environment()).endswith("-%s.cache")


@pytest.mark.parametrize(
    "settings",
    [
        {"trim_blocks": True},
        {"lstrip_blocks": True},
        {"autoescape": True},
        {"keep_trailing_newline": True},
        {"extensions": ["jinja2.ext.i18n"]},
        {"block_start_string": "<%", "block_end_string": "%>"},
        {"variable_start_string": "[[", "variable_end_string": "]]"},
        {"line_statement_prefix": "#"},
    ],
)
def test_other_settings_never_read_the_same_cache_file(settings: dict[str, object]) -> None:
    """What a template compiles to depends on these: Jinja's own name for a cached template (its name
    and file) does not, so the settings are in the file names."""
    assert cache_pattern(jinja2.Environment(**settings)) != cache_pattern(jinja2.Environment())  # type: ignore[arg-type]


def test_settings_that_cannot_be_named_get_no_cache() -> None:
    assert compiled_templates_cache(jinja2.Environment(autoescape=jinja2.select_autoescape())) is None


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    page = tmp_path / "page.html"

    def rendered() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), auto_reload=False)
        env.bytecode_cache = compiled_templates_cache(env)
        return env.get_template("page.html").render(name="reader")

    page.write_text("Hello {{ name }}", encoding="utf-8")
    assert rendered() == "Hello reader"
    cache = compiled_templates_cache(jinja2.Environment())
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    assert (Path(cache.directory) / (cache.pattern % cache.get_cache_key("page.html", str(page)))).is_file()
    assert rendered() == "Hello reader"  # from the cache file the first build wrote
    page.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert rendered() == "Goodbye reader"


def test_the_plugin_gives_the_engine_s_environment_the_cache_and_keeps_one_it_has() -> None:
    plugin = FindingBalancePlugin()
    env = plugin.on_env(jinja2.Environment(), config=None, files=None)  # type: ignore[arg-type]
    assert isinstance(env.bytecode_cache, jinja2.FileSystemBytecodeCache)
    own = jinja2.FileSystemBytecodeCache(pattern="site-%s.cache")
    with_own = jinja2.Environment(bytecode_cache=own)
    assert plugin.on_env(with_own, config=None, files=None).bytecode_cache is own  # type: ignore[arg-type]
