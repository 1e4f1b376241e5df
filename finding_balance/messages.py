"""Author input quoted in a one-line error message, safely.

A build error names the file, the line and what is wrong on one line. Text the author wrote (a quiz
label, a misspelt key, a setting's value) may hold line breaks, control or right-to-left characters,
or run to thousands of characters; quoted as it is, it would break or garble that line. ``one_line``
escapes what would, and ``shown`` also shortens and says what a non-text value is.

Used by the quiz model (``finding_balance.quiz.model``) and the settings checks in ``hooks/``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

#: Characters written as escapes (``\n``, ``\x07``, ``\u202e``): line breaks and separators, control
#: and format characters, surrogates, private and unassigned code points.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and invisible characters written as escapes."""
    if text.isprintable():
        return text
    return "".join(
        _ESCAPES.get(ch) or (repr(ch)[1:-1] if unicodedata.category(ch) in _HIDDEN_CATEGORIES else ch) for ch in text
    )


def shorten(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted in a message: text in quotes, on one line and shortened; a number as written;
    true/false, nothing, a list or a mapping by name."""
    if isinstance(value, str):
        return f"'{shorten(value, limit)}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return shorten(str(value), limit)
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a value of type {type(value).__name__}"
