"""The helplines as the build composes them: the edition's data file (``extra.helplines``), read and
checked, and the help page's bundle (the country chooser and the plain card).

The help page's lines are made at conversion by the Markdown extension
(``finding_balance.helplines.markdown``). Declared for the registry (``finding_balance.registry``),
under every engine.
"""

from __future__ import annotations

from typing import Any

from finding_balance.feature import Feature, PageBundle
from finding_balance.helplines.data import HelplineError, load_helplines
from finding_balance.messages import DEFAULT_FILES
from finding_balance.settings import EditionSettings, SettingsError


def read_helplines(raw: Any, edition: EditionSettings) -> list[dict[str, Any]]:
    """``extra.helplines``: the lines of the data file it names, relative to the edition's config."""
    try:
        return load_helplines(raw, edition.base)
    except HelplineError as error:
        # A problem with the setting itself (not inside the data file) is the config's.
        message = str(error)
        about_the_setting = message.startswith(f"{DEFAULT_FILES.config}: extra.helplines")
        problem = message.removeprefix(f"{DEFAULT_FILES.config}: ") if about_the_setting else message
        raise SettingsError(problem, in_config=about_the_setting) from None


FEATURE = Feature(
    "helplines",
    settings=(("helplines", read_helplines),),
    page_bundles=(PageBundle("helplines", ("helplines.css",), ("helplines.js",)),),
)
