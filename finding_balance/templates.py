"""The theme that comes with the package, and our own Jinja environment for the markup we render
outside the engine's templates: the quiz and its search view (at conversion), the helplines (at
conversion) and the counsellors' list (over the built site).

``THEME_DIR`` (``finding_balance/theme/``) holds every template, partial and asset of our features. It
is package data, so an installed package needs no file of the site beside it: under MkDocs and
ProperDocs the plugin puts it in the theme's search path before Material's, for Zensical the build
command names it as the custom folder. A site's own ``custom_dir`` goes before it, for the engine's
templates and for ours alike: ``environment(custom_dir)`` looks there first, so a site that puts its
own ``partials/quiz.html`` in its ``custom_dir`` sees it in every quiz, under every engine.
``template_digest`` is what a cache of rendered markup keys on: the text of the templates actually used.
``shared_mark`` is the text of a mark that the engine's templates write and our passes look for (a
placeholder, a bundle's address), from the one partial that writes it (``MARKS_TEMPLATE``).
``compiled_templates_cache`` keeps the engine's compiled templates on disk from one build to the next
(the MkDocs plugin's ``on_env``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jinja2

THEME_DIR = Path(__file__).resolve().parent / "theme"
#: Our CSS and JS sources, bundled into the built site (``finding_balance.site.bundle``).
ASSETS_DIR = THEME_DIR / "assets"


@cache
def _loader(custom_dir: str | None) -> jinja2.FileSystemLoader:
    return jinja2.FileSystemLoader([str(THEME_DIR)] if custom_dir is None else [custom_dir, str(THEME_DIR)])


@cache
def environment(custom_dir: str | None = None) -> jinja2.Environment:
    """Our templates, with the site's own theme folder (``custom_dir``) before the package's: a
    template of the same name there wins. One environment a folder, compiled templates kept; a
    template changed on disk is read again (Jinja's ``auto_reload``)."""
    return jinja2.Environment(
        loader=_loader(custom_dir),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def compiled_templates_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates on disk, in its own private folder of the system's
    temporary folder, for ``env``: each build of each edition otherwise compiles the theme's templates
    again (about a fifth of a small site's build). A template is compiled again when its text changes
    (Jinja compares a checksum of it). Jinja names a cached template by its name and file alone, and
    what a template compiles to depends on the environment's settings, so the settings are part of
    the file names: two environments that read the same file with other settings never share one.
    ``None`` where there is no such folder to be had, or the settings cannot be named."""
    if not isinstance(env.autoescape, bool):
        return None
    settings = (
        jinja2.__version__,
        sorted(env.extensions),
        env.autoescape,
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.optimized,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
    )
    digest = hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"finding-balance-{digest}-%s.cache")
    except RuntimeError:  # Jinja found no private temporary folder it could trust
        return None


#: The partial whose macros write every mark shared by the templates and our Python code.
MARKS_TEMPLATE = "partials/placeholders.html"


@cache
def shared_mark(name: str, *arguments: str) -> str:
    """What the macro ``name`` of ``MARKS_TEMPLATE`` writes with ``arguments`` (the package's own
    partial: the marks are a contract between our templates and our code, not a site's to change),
    kept: a mark our passes look for."""
    return filled_mark(name, *arguments)


def filled_mark(name: str, *arguments: str) -> str:
    """What the macro ``name`` of ``MARKS_TEMPLATE`` writes with ``arguments``, not kept: a mark our
    passes fill in (markup-safe arguments, ``markupsafe.Markup``, go in as they are)."""
    macro = getattr(environment().get_template(MARKS_TEMPLATE).module, name)
    return str(macro(*arguments))


def template_digest(names: Iterable[str], custom_dir: str | None = None) -> str:
    """A digest of the text of the templates ``names`` as ``environment(custom_dir)`` finds them: the
    site's own where it has one, else the package's."""
    env, loader = environment(custom_dir), _loader(custom_dir)
    digest = hashlib.sha256()
    for name in names:
        source, _, _ = loader.get_source(env, name)
        digest.update(f"{name}\0{source}\0".encode())
    return digest.hexdigest()
