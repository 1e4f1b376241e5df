"""Author input quoted in a one-line error message, safely.

A build error names the file, the line and what is wrong on one line. Text the author wrote (a quiz
label, a misspelt key, a setting's value) may hold line breaks, control or right-to-left characters,
or run to thousands of characters; quoted as it is, it would break or garble that line. ``one_line``
escapes what would; ``shown`` also shortens, and ``kind`` says what a value is, in an author's words:
the one way every message describes a wrong value (quizzes, settings, helplines). ``EditionFiles``
is how every message names the edition's config file and docs folder.
"""

from __future__ import annotations

import datetime
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
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


#: What each kind of value is called, first match wins (``bool`` before the numbers it belongs to).
_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "true/false"),
    ((int, float), "a number"),
    (str, "text"),
    (Mapping, "a mapping"),
    ((list, tuple), "a list"),
    ((datetime.date, datetime.datetime), "a date"),
    (bytes, "binary data"),
    ((set, frozenset), "a set"),
)
#: What YAML made of a value its author may have meant as text, and how to write that text.
_YAML_HINTS = {
    "true/false": " (YAML reads yes, no, on and off as true/false: put such words in quotes)",
    "a date": " (put it in quotes to write it as text)",
}


def kind(value: Any, *, yaml_hint: bool = False) -> str:
    """What ``value`` is: "text", "a number", "a list", "nothing"... With ``yaml_hint``, a value YAML
    read as true/false or a date says how to write it as text instead."""
    if value is None:
        return "nothing"
    name = next((name for types, name in _KINDS if isinstance(value, types)), "a value of another kind")
    return name + _YAML_HINTS.get(name, "") if yaml_hint else name


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted in a message: text in quotes, on one line and shortened; a number or true/false
    as written; anything else by its ``kind``."""
    if isinstance(value, str):
        return f"'{shorten(value, limit)}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return shorten(str(value), limit)
    return kind(value)


@dataclass(frozen=True)
class EditionFiles:
    """How a message names an edition's own files, as its author sees them from the config's folder:
    the config file (``mkdocs.es.yml`` for the Spanish edition) and the docs folder (``docs-es``).
    A message about a setting or a page names these, never ``mkdocs.yml`` and ``docs/`` by habit."""

    config: str = "mkdocs.yml"
    docs: str = "docs"

    def page(self, source: str) -> str:
        """The file ``source`` (relative to the docs folder) as a message names it: ``docs-es/trust.md``."""
        return f"{self.docs}/{source}"


def edition_files(config_file: Path, docs_dir: Path) -> EditionFiles:
    """The names of an edition's config file and docs folder, the folder relative to the config's."""
    docs = os.path.relpath(docs_dir, config_file.parent).replace(os.sep, "/")
    return EditionFiles(config_file.name, docs)


#: The main edition's files as MkDocs names them by default: what a message says when no edition is known.
DEFAULT_FILES = EditionFiles()
