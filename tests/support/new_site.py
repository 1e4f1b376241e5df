"""A new site made from this package as other organisations make one: the wheel built and installed
(not editable) in a fresh virtual environment away from this repository, and a new site's own
``make test`` run on a fresh clone of it.

Those steps take more than a minute and need no fixture, so they run in a thread of their own while
the other tests run: ``tests/conftest.py`` starts a ``Preparation`` when the session has collected
``tests/built/test_generator.py`` (with pytest-xdist workers, the controller starts it before the
workers, ``support.shared_session``), whose tests wait for its results. The results are also written
as files in the preparation's folder, which is how a worker reads them (``PreparationFiles``). A
failed step is the failure of the tests that need it, with the step's output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import PROJECT_ROOT
from support.shared_session import wait_for_file, write_whole

#: How long a test waits for the thread (a slow registry, a loaded machine).
PATIENCE = 1800


class StepFailed(Exception):
    """A step of the preparation failed: the message holds its command and output."""


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without what ties a program to this repository or its venv."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


def run_step(command: list[str], cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=clean_environment(**extra))
    if result.returncode != 0:
        raise StepFailed(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


@dataclass(frozen=True)
class Installed:
    """A fresh environment with the wheel installed, and the requirement line that installs it."""

    python: Path
    requirement: str
    home: Path

    def run(self, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        command = [str(self.python), *arguments]
        return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=clean_environment(), timeout=600)


def install_wheel(home: Path) -> Installed:
    """Build the wheel of this repository and install it, with its gates, in a new venv in ``home``."""
    uv = str(Path(sys.executable).with_name("uv"))  # installed beside the tests' Python by the Makefile
    wheels = home / "wheels"
    run_step([uv, "build", "--quiet", "--wheel", "--out-dir", str(wheels), str(PROJECT_ROOT)], home)
    wheel = next(wheels.glob("finding_balance-*.whl"))
    requirement = f"finding-balance[gates] @ {wheel.as_uri()}"
    run_step([uv, "venv", "--quiet", "--python", sys.executable, str(home / "venv")], home)
    python = home / "venv" / "bin" / "python"
    run_step([uv, "pip", "install", "--quiet", "--python", str(python), requirement], home)
    return Installed(python, requirement, home)


def make_test_on_a_fresh_clone(installed: Installed) -> subprocess.CompletedProcess[str]:
    """``new``, then the new site committed to git, cloned, and its own ``make test`` in the clone (as
    its CI would run it): the finished ``make test``, whatever its exit code."""
    site = installed.home / "cloned-site"
    run_step(
        [str(installed.python), "-m", "finding_balance", "new", str(site), "--package", installed.requirement],
        installed.home,
    )
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    run_step(["git", "init", "--quiet"], site)
    run_step(["git", "add", "-A"], site)
    run_step(["git", "commit", "--quiet", "-m", "A new site"], site, **identity)
    clone = installed.home / "clone"
    run_step(["git", "clone", "--quiet", str(site), str(clone)], installed.home)
    return subprocess.run(["make", "test"], capture_output=True, text=True, cwd=clone, env=clean_environment(CI="true"))


INSTALLED_FILE = "installed.json"
TESTED_FILE = "fresh-clone.json"


class Preparation:
    """The slow steps, in a thread started at once: ``installed`` and ``fresh_clone`` wait for them."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._installed: Future[Installed] = Future()
        self._tested: Future[subprocess.CompletedProcess[str]] = Future()
        self._thread = threading.Thread(target=self._work, name="new-site", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            installed = install_wheel(self.home)
        except BaseException as error:  # handed to the waiting tests as their failure
            self._installed.set_exception(error)
            self._tested.set_exception(error)
            failure = {"error": f"{type(error).__name__}: {error}"}
            write_whole(self.home / INSTALLED_FILE, failure)
            write_whole(self.home / TESTED_FILE, failure)
            return
        self._installed.set_result(installed)
        write_whole(
            self.home / INSTALLED_FILE,
            {"python": str(installed.python), "requirement": installed.requirement, "home": str(installed.home)},
        )
        try:
            tested = make_test_on_a_fresh_clone(installed)
        except BaseException as error:
            self._tested.set_exception(error)
            write_whole(self.home / TESTED_FILE, {"error": f"{type(error).__name__}: {error}"})
            return
        self._tested.set_result(tested)
        write_whole(
            self.home / TESTED_FILE,
            {"args": tested.args, "returncode": tested.returncode, "stdout": tested.stdout, "stderr": tested.stderr},
        )

    def installed(self) -> Installed:
        return self._installed.result(timeout=PATIENCE)

    def fresh_clone(self) -> subprocess.CompletedProcess[str]:
        return self._tested.result(timeout=PATIENCE)

    def close(self) -> None:
        """The folder goes once the thread is done (a session stopped early leaves it to the system)."""
        if not self._thread.is_alive():
            shutil.rmtree(self.home, ignore_errors=True)


class PreparationFiles:
    """A preparation run by another process (the xdist controller), read from the files it writes."""

    def __init__(self, home: Path) -> None:
        self.home = home

    def _read(self, name: str) -> dict[str, object]:
        data = wait_for_file(self.home / name, PATIENCE, "the new site's preparation")
        if "error" in data:
            raise StepFailed(str(data["error"]))
        return data

    def installed(self) -> Installed:
        data = self._read(INSTALLED_FILE)
        return Installed(Path(str(data["python"])), str(data["requirement"]), Path(str(data["home"])))

    def fresh_clone(self) -> subprocess.CompletedProcess[str]:
        data = self._read(TESTED_FILE)
        return subprocess.CompletedProcess(data["args"], int(data["returncode"]), data["stdout"], data["stderr"])

    def close(self) -> None:
        """The controller's preparation removes the folder."""


#: Where the session keeps its preparation (``pytest.Config.stash``).
PREPARED = pytest.StashKey[Preparation | PreparationFiles]()
