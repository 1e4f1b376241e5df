"""A JSON file of entries kept between builds, for one version of the code that made them.

The build cache (README, "The build cache"): each cache (``finding_balance.quiz.cache``,
``finding_balance.handouts.qr_cache``) is one such file in ``.cache/finding-balance/``. The file is read
at the first entry asked for, and ignored whole when it cannot be read or was written for another
version. A build writes back only the entries it used, and only when they differ from the file's,
replacing the file whole (written beside, then renamed): a build that stops half way leaves the old
one. A file that cannot be written is left as it is: a cache only saves time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: What our builds keep between builds (QR codes, quizzes), beside each edition's config; never in
#: the site. Deleting it only makes the next build slower.
CACHE_FOLDER = Path(".cache") / "finding-balance"


class JsonCache:
    """The entries of the file at ``path`` (none: nothing is read or written) made by ``version``.

    The file is ``{version_key: version, entries_key: {key: entry}}``."""

    def __init__(self, path: Path | None, version: str, version_key: str, entries_key: str) -> None:
        self.path = path
        self.version = version
        self._version_key = version_key
        self._entries_key = entries_key
        self._known_entries: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}
        self.added = 0

    def known(self) -> dict[str, Any]:
        """The entries of the file, read at the first call."""
        if self._known_entries is None:
            self._known_entries = {}
            try:
                data = json.loads(self.path.read_text(encoding="utf-8")) if self.path else None
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and data.get(self._version_key) == self.version:
                entries = data.get(self._entries_key)
                self._known_entries = entries if isinstance(entries, dict) else {}
        return self._known_entries

    def get(self, key: str, valid: Callable[[Any], bool]) -> Any | None:
        """The entry of ``key`` when the file has one that ``valid`` accepts; it is then kept."""
        entry = self.known().get(key)
        if not valid(entry):
            return None
        self._used[key] = entry
        return entry

    def put(self, key: str, entry: Any) -> None:
        """An entry made by this build, to keep."""
        self._used[key] = entry
        self.added += 1

    def save(self) -> None:
        """Write the entries this build used, when they differ from the file's (see the docstring)."""
        if self.path is None or self._known_entries is None:  # nothing asked for: the file stays
            return
        if self.added == 0 and self._used.keys() == self._known_entries.keys():
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {self._version_key: self.version, self._entries_key: self._used}
            temporary.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            temporary.unlink(missing_ok=True)
