"""One build and one background preparation for the whole test run, however many pytest-xdist
workers run the tests (``make test`` runs two).

Without workers, ``tests/conftest.py`` builds and serves the site itself, as before. With workers,
the controller process does both once (``SharedSite``) and hands each worker the site's folder, its
address and the files that ask for the build and say when it is done (``pytest_configure_node`` in
conftest). The build starts when the first worker's ``built_site`` asks for it, so that a run of tests
that need no build (``make test-fast``) builds nothing; then every worker waits for the same build. The
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
    wanted_file: Path
    done_file: Path

    def as_input(self) -> str:
        files = {"wanted": str(self.wanted_file), "done": str(self.done_file)}
        return json.dumps({"directory": str(self.directory), "base_url": self.base_url, **files})

    @classmethod
    def from_input(cls, text: str) -> SiteAddress:
        data = json.loads(text)
        return cls(Path(data["directory"]), data["base_url"], Path(data["wanted"]), Path(data["done"]))

    def wait_for_build(self) -> dict[str, Any]:
        """Ask for the build, then wait for its exit code and messages."""
        self.wanted_file.touch()
        return wait_for_file(self.done_file, BUILD_PATIENCE, "the shared build of the site")


class SharedSite:
    """The controller's build of every edition, served on localhost until the run ends."""

    def __init__(self, folder: Path) -> None:
        site_dir = folder / "site"
        site_dir.mkdir(parents=True)
        self._server = bind_server(site_dir)
        host, port = self._server.server_address[:2]
        address = f"http://{host}:{port}/"
        self.address = SiteAddress(site_dir, address, folder / "build-wanted", folder / "build-done.json")
        self._serving = serving(self._server)
        self._serving.__enter__()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._build, name="shared-build", daemon=True)
        self._thread.start()

    def _build(self) -> None:
        while not self.address.wanted_file.exists():
            if self._closing.wait(0.1):
                return
        try:
            result = site_build(PROJECT_ROOT, self.address.directory, site_url=self.address.base_url)
            outcome = {"returncode": result.returncode, "stderr": result.stderr}
        except BaseException as error:  # handed to the workers as the build's failure
            outcome = {"returncode": -1, "stderr": f"{type(error).__name__}: {error}"}
        write_whole(self.address.done_file, outcome)

    def close(self) -> None:
        self._closing.set()
        self._serving.__exit__(None, None, None)
