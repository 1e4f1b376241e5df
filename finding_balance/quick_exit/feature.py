"""The quick exit: its setting (``extra.quick_exit``: the neutral page and the button's wording) and
its stylesheet and script. The button is the theme's (``partials/quick-exit.html``).

Declared for the registry (``finding_balance.registry``), read under every engine.
"""

from __future__ import annotations

from finding_balance.feature import Feature, in_language
from finding_balance.quick_exit.settings import validate_quick_exit

FEATURE = Feature(
    "quick_exit",
    settings=(("quick_exit", in_language(validate_quick_exit)),),
    styles=("quick-exit.css",),
    scripts=("quick-exit.js",),
)
