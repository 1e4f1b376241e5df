"""QR codes kept between builds: each handout's code is made once for its address, not on every build.

Where: ``.cache/finding-balance/qr-codes-<config file name>.json`` beside the edition's config
(``mkdocs.yml`` and ``mkdocs.es.yml`` each have their own), never in ``site/``. Deleting the folder
(or ``make clean``) clears it; the next build then makes every code again.

Why it is safe:

- An entry is the code of one full address, looked up by that exact address: a page whose address
  changes (a new ``site_url``, a moved page) gets a new code.
- The file is for one encoder: the zxing-cpp version and the text of ``finding_balance/handouts/qr.py`` (error
  correction, quiet zone, scale, the SVG it writes). When either changes, the file no longer matches
  and every code is made again.
- A file that cannot be read, or an entry that is not an image, is ignored and made again.
- A build writes back only the codes it used, so the file holds the edition's current pages; it is
  replaced whole, so a build that stops half way leaves the old one (``finding_balance.json_cache``).

A cold build (no file) makes exactly the codes it made before; ``tests/browser/test_handouts.py`` checks that
a code from the file is the one ``finding_balance.handouts.qr`` makes.

Made with each edition's finisher and saved by its last site-wide pass, under every engine.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

from finding_balance.handouts import qr
from finding_balance.handouts.qr import QrImage, qr_code
from finding_balance.json_cache import CACHE_FOLDER, JsonCache


def encoder() -> str:
    """The encoder the codes in a file were made with."""
    return (
        f"zxing-cpp {version('zxing-cpp')}; finding_balance/handouts/qr.py "
        f"{hashlib.sha256(Path(qr.__file__).read_bytes()).hexdigest()[:16]}"
    )


def cache_file(config_file: Path, folder: Path | str = CACHE_FOLDER) -> Path:
    """The file of the edition whose config is ``config_file``, in the cache ``folder`` (relative to
    the config's folder)."""
    return config_file.parent / folder / f"qr-codes-{config_file.name}.json"


class QrCodes:
    """The QR code of an address: from the file when an earlier build made it, else made now.

    ``path`` ``None``: no file, every code is made (tests, callers that want no cache). The file is
    read at the first code: a finisher whose pages are finished by a helper process never reads it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._file = JsonCache(path, encoder(), "encoder", "codes")

    @property
    def made(self) -> int:
        """How many codes this build made (not taken from the file)."""
        return self._file.added

    def __call__(self, address: str) -> QrImage:
        entry = self._file.get(address, _is_image)
        if entry is not None:
            return QrImage(entry[0], entry[1])
        image = qr_code(address)
        self._file.put(address, [image.data_url, image.size])
        return image

    def save(self) -> None:
        """Write the codes this build used, when they differ from the file's."""
        self._file.save()


def _is_image(entry: object) -> bool:
    return (
        isinstance(entry, list)
        and len(entry) == 2
        and isinstance(entry[0], str)
        and entry[0].startswith("data:image/svg+xml,")
        and isinstance(entry[1], int)
    )
