"""Unit tests of ``validate_helplines``: the check of ``extra.helplines`` in ``mkdocs.yml``."""

from __future__ import annotations

from typing import Any

import pytest

from finding_balance.settings import SettingsError, validate_helplines

FULL = {
    "name": "Example Helpline",
    "phone": "0800 123 456",
    "url": "https://example.org/help",
    "hours": "Every day, 8am to 8pm",
    "text": "Free and private support.",
}

VALID: list[tuple[str, Any, list[dict[str, str]]]] = [
    ("left out", None, []),
    ("empty list", [], []),
    ("name only", [{"name": "Example Helpline"}], [{"name": "Example Helpline"}]),
    ("every key", [FULL], [FULL]),
    (
        "values are stripped",
        [{"name": "  Example Helpline ", "phone": " 116 123 "}],
        [{"name": "Example Helpline", "phone": "116 123"}],
    ),
    (
        "keys come out in a fixed order",
        [{"text": "Open to all.", "name": "Example Helpline"}],
        [{"name": "Example Helpline", "text": "Open to all."}],
    ),
    (
        "phone with country code and separators",
        [{"name": "A", "phone": "+44 (0)20 7946-0000"}],
        [{"name": "A", "phone": "+44 (0)20 7946-0000"}],
    ),
    (
        "plain http address",
        [{"name": "A", "url": "http://example.org/"}],
        [{"name": "A", "url": "http://example.org/"}],
    ),
    (
        "several entries keep their order",
        [{"name": "First"}, {"name": "Second"}],
        [{"name": "First"}, {"name": "Second"}],
    ),
]


@pytest.mark.parametrize(("raw", "expected"), [case[1:] for case in VALID], ids=[c[0] for c in VALID])
def test_valid_helplines(raw: Any, expected: list[dict[str, str]]) -> None:
    assert validate_helplines(raw) == expected


INVALID: list[tuple[str, Any, str, str]] = [
    # (case, raw value, key named in the message, words the message must hold)
    ("a mapping instead of a list", {"name": "A"}, "extra.helplines", "must be a list"),
    ("a string instead of a list", "116 123", "extra.helplines", "but it is text"),
    ("entry is a string", ["Example Helpline"], "extra.helplines[0]", "must be a mapping"),
    ("entry is empty", [{"name": "A"}, None], "extra.helplines[1]", "must be a mapping"),
    ("name missing", [{"phone": "116 123"}], "extra.helplines[0].name", "is missing"),
    ("name empty", [{"name": "   "}], "extra.helplines[0].name", "is empty"),
    ("name not text", [{"name": 42}], "extra.helplines[0].name", "must be text"),
    ("name blank in YAML", [{"name": None}], "extra.helplines[0].name", "must be text, but it is empty"),
    (
        "phone as a number",
        [{"name": "A"}, {"name": "B"}, {"name": "C", "phone": 116123}],
        "extra.helplines[2].phone",
        "it is a number (put a phone number in quotes",
    ),
    (
        "phone with words",
        [{"name": "A", "phone": "Text SHOUT to 85258"}],
        "extra.helplines[0].phone",
        "digits, spaces",
    ),
    ("phone with no digits", [{"name": "A", "phone": "+ ( )"}], "extra.helplines[0].phone", "digits"),
    ("phone empty", [{"name": "A", "phone": ""}], "extra.helplines[0].phone", "is empty"),
    ("url without scheme", [{"name": "A", "url": "example.org"}], "extra.helplines[0].url", "https://"),
    ("url with script", [{"name": "A", "url": "javascript:alert(1)"}], "extra.helplines[0].url", "https://"),
    (
        "url with a space",
        [{"name": "A", "url": "https://example.org/a b"}],
        "extra.helplines[0].url",
        "https://",
    ),
    (
        "hours as a list",
        [{"name": "A", "hours": ["Mon", "Tue"]}],
        "extra.helplines[0].hours",
        "must be text, but it is a list",
    ),
    ("text empty", [{"name": "A", "text": " "}], "extra.helplines[0].text", "is empty"),
    (
        "unknown key",
        [{"name": "A", "email": "a@example.org"}],
        "extra.helplines[0].email",
        "is not a known key",
    ),
    ("misspelt key", [{"name": "A", "phnoe": "116 123"}], "extra.helplines[0].phnoe", "use only name, phone"),
]


@pytest.mark.parametrize(("raw", "key", "words"), [case[1:] for case in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_helplines(raw: Any, key: str, words: str) -> None:
    with pytest.raises(SettingsError) as caught:
        validate_helplines(raw)
    message = str(caught.value)
    assert message.startswith(f"mkdocs.yml: {key} "), message
    assert words in message, message
