"""The handouts' setting: ``extra.licence``, the line every printed page ends with.

Read once a build by the check of the settings, under every engine (``feature``).
"""

from __future__ import annotations

from typing import Any

from finding_balance.messages import kind
from finding_balance.settings import invalid


def validate_licence(raw: Any) -> str | None:
    """``extra.licence``: one line on every printed page saying how readers may share the pages
    (optional: a site states its own content's licence)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise invalid("extra.licence", f"must be text, not {kind(raw)}")
    line = " ".join(raw.split())
    if not line:
        raise invalid("extra.licence", "is empty; write the line or leave the key out")
    return line
