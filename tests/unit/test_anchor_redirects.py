"""``extra.anchor_redirects`` read (``finding_balance.anchors.redirects``): each redirect, where an old
anchor sends the reader, and one message naming the config file and the key for each mistake. Pure
functions, no build.

The messages name the config file through ``config_message``: where an edition's own config is named
instead of ``mkdocs.yml``, that one function changes."""

from __future__ import annotations

from typing import Any

import pytest

from finding_balance.anchors.redirects import AnchorRedirect, moved_to, parse_anchor_redirects
from finding_balance.settings import SettingsError

CONFIG = "mkdocs.yml"


def config_message(text: str) -> str:
    return f"{CONFIG}: {text}"


def test_redirects_are_read_in_order_with_normalised_pages() -> None:
    assert parse_anchor_redirects(None) == []
    assert parse_anchor_redirects({}) == []
    assert parse_anchor_redirects(
        {
            "trust.md#old": "trust.md#new",
            "guide/./a.md#x_1.2:y-z": "guide/../self-care.md",
            "b/c.md#Q": "b/c.md#q",
        }
    ) == [
        AnchorRedirect("trust.md", "old", "trust.md", "new"),
        AnchorRedirect("guide/a.md", "x_1.2:y-z", "self-care.md", ""),
        AnchorRedirect("b/c.md", "Q", "b/c.md", "q"),
    ]


def test_a_redirect_is_named_by_its_key() -> None:
    assert AnchorRedirect("trust.md", "old", "x.md").name == "extra.anchor_redirects['trust.md#old']"
    assert AnchorRedirect("trust.md", "old", "x.md").target_anchor == ""


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            ["trust.md#old"],
            'extra.anchor_redirects must be a mapping of "page.md#old-anchor": "page.md#new-anchor", not a list.',
        ),
        (
            {"trust.md": "self-care.md"},
            "extra.anchor_redirects: 'trust.md' must be a page and the old anchor, like \"trust.md#old-anchor\" "
            "(a whole page that moves goes under plugins.redirects.redirect_maps).",
        ),
        (
            {3: "trust.md"},
            'extra.anchor_redirects: 3 must be a page and the old anchor, like "trust.md#old-anchor" '
            "(a whole page that moves goes under plugins.redirects.redirect_maps).",
        ),
        (
            {"trust.md#-x": "trust.md"},
            "extra.anchor_redirects: 'trust.md#-x' must be a page and the old anchor, like \"trust.md#old-anchor\" "
            "(a whole page that moves goes under plugins.redirects.redirect_maps).",
        ),
        (
            {"trust.md#old": "trust.html#new"},
            "extra.anchor_redirects['trust.md#old']: 'trust.html#new' must be a page, with or without an anchor, "
            'like "trust.md#new-anchor" or "trust.md".',
        ),
        (
            {"trust.md#old": None},
            "extra.anchor_redirects['trust.md#old']: nothing must be a page, with or without an anchor, "
            'like "trust.md#new-anchor" or "trust.md".',
        ),
        (
            {"trust.md#old": "trust.md#"},
            "extra.anchor_redirects['trust.md#old']: 'trust.md#' must be a page, with or without an anchor, "
            'like "trust.md#new-anchor" or "trust.md".',
        ),
        ({"trust.md#old": "./trust.md#old"}, "extra.anchor_redirects['trust.md#old'] points to itself."),
        (
            {"trust.md#old": "a.md", "./trust.md#old": "b.md"},
            "extra.anchor_redirects['./trust.md#old'] names the same old anchor as "
            "extra.anchor_redirects['trust.md#old']: keep one.",
        ),
        (
            {"a b.md#old": "a.md"},
            "extra.anchor_redirects: 'a b.md#old' must be a page and the old anchor, like \"trust.md#old-anchor\" "
            "(a whole page that moves goes under plugins.redirects.redirect_maps).",
        ),
        (
            {"trust.md#old\n": "a.md"},
            "extra.anchor_redirects: 'trust.md#old\\n' must be a page and the old anchor, like "
            '"trust.md#old-anchor" (a whole page that moves goes under plugins.redirects.redirect_maps).',
        ),
    ],
)
def test_mistakes_name_the_key(raw: Any, message: str) -> None:
    with pytest.raises(SettingsError) as caught:
        parse_anchor_redirects(raw)
    assert str(caught.value) == config_message(message)


def test_a_redirect_to_the_same_anchor_of_another_page_is_fine() -> None:
    assert parse_anchor_redirects({"a.md#x": "b.md#x"}) == [AnchorRedirect("a.md", "x", "b.md", "x")]
    assert parse_anchor_redirects({"a.md#x": "a.md"}) == [AnchorRedirect("a.md", "x", "a.md", "")]


@pytest.mark.parametrize(
    ("redirect", "relative_url", "expected"),
    [
        (AnchorRedirect("a.md", "old", "a.md", "new"), "../a/", "#new"),
        (AnchorRedirect("a.md", "old", "a.md", ""), "../a/", "#"),
        (AnchorRedirect("a.md", "old", "b.md", "new"), "../b/", "../b/#new"),
        (AnchorRedirect("a.md", "old", "b.md", ""), "../b/", "../b/"),
    ],
)
def test_where_an_old_anchor_sends_the_reader(redirect: AnchorRedirect, relative_url: str, expected: str) -> None:
    assert moved_to(redirect, relative_url) == expected
