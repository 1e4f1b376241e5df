"""The disclaimer banner and the header band: their settings (``extra.disclaimer``,
``extra.short_name``) and their stylesheets. The markup is the theme's (``partials/disclaimer.html``,
``partials/header.html``); nothing is done to the built pages.

Declared for the registry (``finding_balance.registry``), read under every engine.
"""

from __future__ import annotations

from finding_balance.disclaimer.settings import validate_disclaimer, validate_short_name
from finding_balance.feature import Feature, in_language

FEATURE = Feature(
    "disclaimer",
    settings=(
        ("disclaimer", in_language(validate_disclaimer)),
        ("short_name", lambda raw, edition: validate_short_name(raw, edition.site_name or "Finding Balance")),
    ),
    styles=("disclaimer.css", "header.css"),
)
