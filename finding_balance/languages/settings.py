"""The languages' setting: ``extra.editions``, the site's other editions for the language link and
the hreflang links, checked.

Read once a build by the check of the settings, under every engine (``feature``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from finding_balance.messages import kind, shorten, shown
from finding_balance.settings import check_url, invalid


def _entries(
    raw: Any, setting: str, keys: tuple[str, ...], not_a_list: str, not_a_mapping: str
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each entry of a setting that is a list of mappings with known keys, with where it is
    (``extra.helplines[0]``); the first one that is not stops the build. The two messages name what
    the setting or an entry is instead, as ``{kind}``."""
    if not isinstance(raw, list):
        raise invalid(setting, not_a_list.format(kind=kind(raw)))
    for index, entry in enumerate(raw):
        where = f"{setting}[{index}]"
        if not isinstance(entry, Mapping):
            raise invalid(where, not_a_mapping.format(kind=kind(entry)))
        unknown = sorted(shorten(str(key), 40) for key in entry if key not in keys)
        if unknown:
            raise invalid(f"{where}.{unknown[0]}", f"is not a known key; use only {', '.join(keys)}")
        yield where, entry


_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


EDITION_KEYS = ("language", "label", "url", "default")


def validate_editions(raw: Any) -> list[dict[str, Any]]:
    """``extra.editions``: the site's other editions, for the language link and hreflang links.

    Each is ``language`` (its code, as in its ``theme.language``), ``label`` (the link's words, in
    that language), ``url`` (the edition's address, ending in ``/``) and optionally ``default: true``
    for the main edition (``x-default``).
    """
    if raw is None:
        return []
    editions = []
    for where, entry in _entries(
        raw,
        "extra.editions",
        EDITION_KEYS,
        "must be a list of editions (each starting with '- language:'), not {kind}",
        "must be a mapping with language, label and url, not {kind}",
    ):
        for key in ("language", "label", "url"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise invalid(f"{where}.{key}", f"must be text, not {kind(value) if value is not None else 'missing'}")
        if not _LANGUAGE.match(entry["language"]):
            raise invalid(f"{where}.language", f"is {shown(entry['language'])}; use a language code such as 'es'")
        url = entry["url"].strip()
        problem = check_url(url)
        if problem or not url.endswith("/"):
            raise invalid(f"{where}.url", problem or f"must end with '/', like the edition's site_url: {shown(url)}")
        if not isinstance(entry.get("default", False), bool):
            raise invalid(f"{where}.default", f"must be true or false, not {kind(entry['default'])}")
        label, default = entry["label"].strip(), entry.get("default", False)
        editions.append({"language": entry["language"], "label": label, "url": url, "default": default})
    return editions
