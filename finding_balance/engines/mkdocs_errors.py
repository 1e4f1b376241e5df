"""MkDocs and ProperDocs: an author's mistake stops the build as MkDocs' own ``PluginError``.

The engine-free code raises ``finding_balance.errors.AuthorError`` (one line a mistake); MkDocs shows
a ``PluginError`` as "Aborted with a BuildError!" and the message, with no traceback. Each event of
the plugin's parts that runs our code does so inside ``stopping_the_build``, the one place that
turns the one into the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.exceptions import PluginError

from finding_balance.errors import AuthorError


@contextmanager
def stopping_the_build() -> Iterator[None]:
    """Raise an ``AuthorError`` of the block as a ``PluginError`` with the same message."""
    try:
        yield
    except AuthorError as error:
        raise PluginError(str(error)) from None
