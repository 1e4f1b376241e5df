"""What our fences share: each is a fence of ``pymdownx.superfences``, listed after it.

``finding_balance.quiz.markdown`` and ``finding_balance.helplines.markdown`` register their fence with
superfences, so they must come after it under ``markdown_extensions``. The one place that says so:
the extensions check it when an engine loads them (``superfences_of``), and the config's list is
checked before any page is converted (``order_problem``: by the plugin under MkDocs and ProperDocs,
by the check before the build for Zensical), with the same message naming the edition's config.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown import Markdown
from pymdownx.superfences import SuperFencesCodeExtension

SUPERFENCES = "pymdownx.superfences"


def order_message(extension: str, config: str = "mkdocs.yml") -> str:
    """The message for ``extension`` listed before superfences, or without it, in the config file ``config``."""
    return f"{config}: list '{extension}' after '{SUPERFENCES}' under markdown_extensions."


def order_problem(extensions: Sequence[str], extension: str, config: str = "mkdocs.yml") -> str | None:
    """What is wrong with the order of ``extensions`` (the list of the config file ``config``) for
    ``extension``, if anything."""
    listed = SUPERFENCES in extensions and extension in extensions
    in_order = listed and extensions.index(SUPERFENCES) < extensions.index(extension)
    return None if in_order else order_message(extension, config)


def superfences_of(md: Markdown, extension: str, error: type[Exception]) -> SuperFencesCodeExtension:
    """The superfences extension of ``md``, loaded before ``extension``; else raises ``error``."""
    for registered in md.registeredExtensions:
        if isinstance(registered, SuperFencesCodeExtension):
            return registered
    raise error(order_message(extension))
