"""What our fences share: each is a fence of ``pymdownx.superfences``, listed after it.

``finding_balance.quiz.markdown`` and ``finding_balance.helplines.markdown`` register their fence with
superfences, so they must come after it under ``markdown_extensions``. The one place that says so:
the extensions check it when an engine loads them (``superfences_of``), and under MkDocs and
ProperDocs the hooks check the config's list when the build starts (``order_problem``), with the
same message.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown import Markdown
from pymdownx.superfences import SuperFencesCodeExtension

SUPERFENCES = "pymdownx.superfences"


def order_message(extension: str) -> str:
    """The message for ``extension`` listed before superfences, or without it."""
    return f"mkdocs.yml: list '{extension}' after '{SUPERFENCES}' under markdown_extensions."


def order_problem(extensions: Sequence[str], extension: str) -> str | None:
    """What is wrong with the order of ``extensions`` (a config's list) for ``extension``, if anything."""
    listed = SUPERFENCES in extensions and extension in extensions
    in_order = listed and extensions.index(SUPERFENCES) < extensions.index(extension)
    return None if in_order else order_message(extension)


def superfences_of(md: Markdown, extension: str, error: type[Exception]) -> SuperFencesCodeExtension:
    """The superfences extension of ``md``, loaded before ``extension``; else raises ``error``."""
    for registered in md.registeredExtensions:
        if isinstance(registered, SuperFencesCodeExtension):
            return registered
    raise error(order_message(extension))
