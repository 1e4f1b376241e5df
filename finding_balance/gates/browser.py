"""Finding a Chromium for the browser gates, and axe-core's accessibility rules run in it.

``python -m finding_balance.gates.browser`` prints the Chromium to use: ``$CHROMIUM`` if set, else
Debian's ``/usr/bin/chromium``, else one Playwright downloaded earlier; with none, as root on Debian it
installs the ``chromium`` package, otherwise it stops with one sentence saying what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: Flags for a headless Chromium in a container: no sandbox, GPU or background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Chromium's own form-filling service asks Google about a form once a reader types in it.
    "--disable-features=AutofillServerCommunication",
]
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


class NoChromium(Exception):
    """No Chromium here, and none could be installed: the message says what to do."""


def _candidates() -> list[Path]:
    downloaded = sorted((Path.home() / ".cache" / "ms-playwright").glob("chromium-*/chrome-linux*/chrome"))
    return [DEBIAN_CHROMIUM, *downloaded]


def find_chromium(install: bool = True) -> Path:
    """The Chromium to drive (see the module's docstring). Raises ``NoChromium``."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        if os.access(chosen, os.X_OK):
            return Path(chosen)
        raise NoChromium(f"CHROMIUM is set to '{chosen}', but there is no program there.")
    for candidate in _candidates():
        if os.access(candidate, os.X_OK):
            return candidate
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        print("No Chromium found: installing Debian's chromium package.", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        quiet = {"env": env, "stdout": sys.stderr, "check": False}
        if subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], **quiet).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], **quiet)
        if os.access(DEBIAN_CHROMIUM, os.X_OK):
            return DEBIAN_CHROMIUM
    raise NoChromium(
        "No Chromium found: install Debian's 'chromium' package (sudo apt-get install chromium) "
        "or set CHROMIUM to the path of a Chromium binary."
    )


#: axe-core's rules that read colours: what a page's other palette can change (its layout it cannot).
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def axe_violations(page: Page, only: tuple[str, ...] = ()) -> list[str]:
    """axe-core's default rules (or ``only`` these) on the page as it is now; one line per failing element."""
    from axe_playwright_python.sync_playwright import Axe

    options: dict[str, object] = {"resultTypes": ["violations"]}
    if only:
        options["runOnly"] = {"type": "rule", "values": list(only)}
    found = []
    for violation in Axe().run(page, options=options).response["violations"]:
        for node in violation["nodes"]:
            checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
            message = checks[0]["message"] if checks else violation["help"]
            target = " ".join(str(part) for part in node["target"])
            found.append(f"{violation['id']} ({violation['impact']}) at {target}: {message}")
    return found


if __name__ == "__main__":
    try:
        print(find_chromium())
    except NoChromium as error:
        print(error, file=sys.stderr)
        sys.exit(1)
