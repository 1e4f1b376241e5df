"""The site itself, first of the features: the templates' wording and the styles and script every
page starts with (``site.css``, ``site.js``).

Declared for the registry (``finding_balance.registry``), read under every engine.
"""

from __future__ import annotations

from finding_balance.feature import Feature, in_language
from finding_balance.settings import validate_words

FEATURE = Feature(
    "site",
    settings=(("words", in_language(validate_words)),),
    styles=("site.css",),
    scripts=("site.js",),
)
