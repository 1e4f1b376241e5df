"""The theme that comes with the package, and our own Jinja environment for the markup we render
outside the engine's templates: the quiz (at conversion) and the counsellors' list (over the built
site).

``THEME_DIR`` (``finding_balance/theme/``) holds every template, partial and asset of our features. It
is package data, so an installed package needs no file of the site beside it: under MkDocs and
ProperDocs the plugin puts it in the theme's search path before Material's, for Zensical the build
command names it as the custom folder. A site's own ``custom_dir`` goes before it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

THEME_DIR = Path(__file__).resolve().parent / "theme"
#: Our CSS and JS sources, bundled into the built site (``finding_balance.site.bundle``).
ASSETS_DIR = THEME_DIR / "assets"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(THEME_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
