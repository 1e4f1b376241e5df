"""Fuzzed settings: random YAML-like values, and valid settings mutated, given to the check of every
``extra:`` setting. Each must return the checked settings or raise one ``SettingsError`` whose message
is one line starting ``mkdocs.yml:``; never another exception or a hang.

``make fuzz`` runs the same tests with a far larger budget (``tests/support/fuzzing.py``)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.fuzzing import RAW_YAML, hard_limit, keys, texts, values

# isort: split
# Every check under test, in one place (the engine-free settings checks).
from finding_balance.anchors.redirects import AnchorRedirect, parse_anchor_redirects
from finding_balance.disclaimer.settings import validate_disclaimer
from finding_balance.languages.settings import validate_editions
from finding_balance.quick_exit.settings import validate_quick_exit
from finding_balance.quiz.settings import validate_quiz_strings as validate_strings
from finding_balance.settings import SettingsError, validate_words

#: Each ``extra:`` key: its check and a valid value to start mutating from.
CHECKS: dict[str, tuple[Callable[[Any], Any], Any]] = {
    "disclaimer": (validate_disclaimer, {"label": "Disclaimer", "text": "For information only."}),
    "quick_exit": (validate_quick_exit, {"url": "https://www.bbc.co.uk/weather", "label": "Leave this site"}),
    "quiz": (validate_strings, {"see_result": "See my result", "your_score": "{score} of {max}"}),
    "anchor_redirects": (parse_anchor_redirects, {"trust.md#old": "trust.md#new", "a/b.md#x": "c.md"}),
    "words": (validate_words, {"last_reviewed": "Last reviewed:", "date": "{day} {month} {year}"}),
    "editions": (validate_editions, [{"language": "es", "label": "En español", "url": "https://example.org/es/"}]),
}
KNOWN_KEYS = ["label", "text", "url", "name", "phone", "hours", "see_result", "your_score", "points", "tab_title"]

raw_strings = st.sampled_from(RAW_YAML) | st.sampled_from(
    ["https://example.org/", "http://localhost:8000/x", "javascript:alert(1)", "trust.md#a", "x.md", "{score}"]
)


@st.composite
def mutated(draw: st.DrawFn, start: Any) -> Any:
    """``start`` with a few entries dropped, renamed, repeated or given a value of another kind."""
    value = copy.deepcopy(start)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        container = value
        if isinstance(value, list) and value and draw(st.booleans()):
            container = draw(st.sampled_from(value))
        if isinstance(container, dict) and container:
            key = draw(st.sampled_from(sorted(container, key=repr)))
            operation = draw(st.sampled_from(["drop", "rename", "value", "text", "raw"]))
            if operation == "drop":
                del container[key]
            elif operation == "rename":
                container[draw(st.sampled_from(KNOWN_KEYS) | keys | raw_strings)] = container.pop(key)
            else:
                strategy = {"value": values, "text": texts, "raw": raw_strings}[operation]
                container[key] = draw(strategy)
        elif isinstance(container, list):
            if container and draw(st.booleans()):
                container.extend(copy.deepcopy(container) * draw(st.integers(min_value=1, max_value=50)))
            else:
                container.insert(draw(st.integers(min_value=0, max_value=len(container))), draw(values))
    return value


def settings_for(name: str) -> st.SearchStrategy[Any]:
    return st.one_of(values, mutated(CHECKS[name][1]), st.just(CHECKS[name][1]))


def check_settings(name: str, raw: Any) -> None:
    check = CHECKS[name][0]
    try:
        with hard_limit():
            result = check(raw)
    except SettingsError as error:
        message = str(error)
        assert message.startswith("mkdocs.yml: "), message
        assert len(message.splitlines()) == 1, f"not one line: {message!r}"
        return
    if name == "editions":
        assert isinstance(result, list)
        assert all(entry["url"].startswith(("https://", "http://")) and entry["url"].endswith("/") for entry in result)
        assert all(isinstance(entry["label"], str) and entry["label"] for entry in result)
    elif name == "anchor_redirects":
        assert isinstance(result, list)
        assert all(isinstance(redirect, AnchorRedirect) for redirect in result)
    else:
        assert isinstance(result, dict)
        assert all(isinstance(text, str) and text for text in result.values()), result


@pytest.mark.parametrize("name", sorted(CHECKS))
@given(data=st.data())
def test_any_settings_value_is_checked_or_refused_with_one_line(name: str, data: st.DataObject) -> None:
    check_settings(name, data.draw(settings_for(name), label=f"extra.{name}"))


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_the_valid_starting_points_pass(name: str) -> None:
    check, valid = CHECKS[name]
    assert check(copy.deepcopy(valid))
