"""One build and one background preparation for the whole test run, however many pytest-xdist
workers run the tests (``make test`` runs two).

Without workers, ``tests/conftest.py`` builds and serves the site itself, as before. With workers,
the controller process does both once, in a thread that starts before the workers (``SharedSite``),
and hands each worker the site's folder, its address and a file that says when the build is done
(``pytest_configure_node`` in conftest); a worker's ``built_site`` waits for that file. The
generator's slow steps (``support.new_site``) are started by the controller the same way, and their
results reach the workers as files in the preparation's folder."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from finding_balance.gates.build import serving
from support.sitebuild import PROJECT_ROOT, bind_server, site_build

#: How long a worker waits for the controller's build (a loaded machine builds slowly).
BUILD_PATIENCE = 900
#: The key of the shared site in a worker's ``workerinput``.
SITE_KEY = "finding_balance_site"
#: The key of the generator's preparation folder in a worker's ``workerinput``.
PREPARATION_KEY = "finding_balance_new_site"


def wait_for_file(path: Path, patience: float, what: str) -> dict[str, Any]:
    """The JSON that another process writes to ``path`` when it is done (written whole, then renamed)."""
    deadline = time.monotonic() + patience
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: nothing after {patience} s ({path})")
        time.sleep(0.2)
    return json.loads(path.read_text(encoding="utf-8"))


def write_whole(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as JSON so that a reader never sees half of it."""
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(path)


@dataclass(frozen=True)
class SiteAddress:
    """Where the shared site is, as a worker receives it."""

    directory: Path
    base_url: str
    done_file: Path

    def as_input(self) -> str:
        return json.dumps({"directory": str(self.directory), "base_url": self.base_url, "done": str(self.done_file)})

    @classmethod
    def from_input(cls, text: str) -> SiteAddress:
        data = json.loads(text)
        return cls(Path(data["directory"]), data["base_url"], Path(data["done"]))

    def wait_for_build(self) -> dict[str, Any]:
        """The build's exit code and messages, once the controller's build has ended."""
        return wait_for_file(self.done_file, BUILD_PATIENCE, "the shared build of the site")


class SharedSite:
    """The controller's build of every edition, served on localhost until the run ends."""

    def __init__(self, folder: Path) -> None:
        site_dir = folder / "site"
        site_dir.mkdir(parents=True)
        self._server = bind_server(site_dir)
        host, port = self._server.server_address[:2]
        self.address = SiteAddress(site_dir, f"http://{host}:{port}/", folder / "build-done.json")
        self._serving = serving(self._server)
        self._serving.__enter__()
        self._thread = threading.Thread(target=self._build, name="shared-build", daemon=True)
        self._thread.start()

    def _build(self) -> None:
        try:
            result = site_build(PROJECT_ROOT, self.address.directory, site_url=self.address.base_url)
            outcome = {"returncode": result.returncode, "stderr": result.stderr}
        except BaseException as error:  # handed to the workers as the build's failure
            outcome = {"returncode": -1, "stderr": f"{type(error).__name__}: {error}"}
        write_whole(self.address.done_file, outcome)

    def close(self) -> None:
        self._serving.__exit__(None, None, None)
