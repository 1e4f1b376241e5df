"""Our own Jinja environment for the markup we render outside the theme: the quiz (at conversion)
and the counsellors' list (over the built site). The templates live in ``overrides/`` with the rest
of the site's markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

#: The theme folder of the project: ``overrides/`` beside this package.
TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "overrides"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
