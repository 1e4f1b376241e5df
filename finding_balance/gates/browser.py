"""Finding a Chromium for the browser gates, and axe-core's accessibility rules run in it.

``python -m finding_balance.gates.browser`` prints the Chromium to use: ``$CHROMIUM`` if set, else
Debian's headless shell (``/usr/bin/chromium-headless-shell``), else Debian's full ``/usr/bin/chromium``,
else one Playwright downloaded earlier. Without the headless shell, as root on Debian it first
installs the ``chromium-headless-shell`` package; with no Chromium at all it stops with one sentence
saying what to install.

The headless shell is what Playwright itself runs for a headless Chromium: the same Blink without
the full browser around it. Here it spends about a third less CPU on a Tab keypress and a seventh
less on a page load than the full browser in headless mode, with the same results in every test.
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
DEBIAN_HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


class NoChromium(Exception):
    """No Chromium here, and none could be installed: the message says what to do."""


def _candidates() -> list[Path]:
    downloaded = sorted((Path.home() / ".cache" / "ms-playwright").glob("chromium-*/chrome-linux*/chrome"))
    return [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM, *downloaded]


def _install_headless_shell() -> None:
    """Install Debian's headless shell (root on Debian only); its messages go to stderr."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    print("Installing Debian's chromium-headless-shell package for the browser tests.", file=sys.stderr)
    quiet = {"env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, "stdout": sys.stderr, "check": False}
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium-headless-shell"]
    if subprocess.run(command, **quiet).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], **quiet)
        subprocess.run(command, **quiet)


def find_chromium(install: bool = True) -> Path:
    """The Chromium to drive (see the module's docstring). Raises ``NoChromium``."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        if os.access(chosen, os.X_OK):
            return Path(chosen)
        raise NoChromium(f"CHROMIUM is set to '{chosen}', but there is no program there.")
    if install and not os.access(DEBIAN_HEADLESS_SHELL, os.X_OK):
        _install_headless_shell()
    for candidate in _candidates():
        if os.access(candidate, os.X_OK):
            return candidate
    raise NoChromium(
        "No Chromium found: install Debian's 'chromium-headless-shell' package "
        "(sudo apt-get install chromium-headless-shell) or set CHROMIUM to the path of a Chromium binary."
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
