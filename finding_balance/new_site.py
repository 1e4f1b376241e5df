"""``python -m finding_balance new DIR``: a new microsite that builds at once and uses this package.

It writes the starter site (``finding_balance/starter/``: its README says what is in it) in the
chosen language: config, pages, a README with the two commands, a Makefile, ``.ci/run`` and tests that
run the package's gates (``finding_balance.gates``). Every feature stays in the package, so upgrading
the package upgrades the site; the new site has no ``overrides/`` folder until it wants to change something.
Engine-free; only the build command calls it.
"""

from __future__ import annotations

import re
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

STARTER = Path(__file__).with_name("starter")
#: The sourced helpline data of each language, the same files this repository's help page shows.
HELPLINE_DATA = Path(__file__).with_name("helplines") / "lists"
LANGUAGES = ("en", "es", "ar")
#: A country's heading on the help page, among the published addresses: ``/help/#helplines-gb``.
COUNTRY_ANCHOR = re.compile(r"#helplines-[a-z]{2}$")
EMPTY_HELPLINES = """\
# The helplines of the help page, by country (format: the Finding Balance README, "Helplines").
# With no country listed, the help page points readers to a helpline directory.
countries: []
"""


def _dotted(relative: Path) -> Path:
    """``dot-gitignore`` is written as ``.gitignore``: package data keeps no hidden files."""
    return Path(*(part.replace("dot-", ".", 1) if part.startswith("dot-") else part for part in relative.parts))


class NewSiteError(Exception):
    """The new site cannot be written where asked: the message says why."""


def package_requirement() -> str:
    """How a new site installs this package: the release it was made with, with its gates."""
    try:
        release = version("finding-balance")
    except PackageNotFoundError:
        release = ""
    return f"finding-balance[gates]=={release}" if release else "finding-balance[gates]"


def write_site(target: Path, language: str = "en", *, helplines: bool = True, requirement: str = "") -> list[Path]:
    """Write the starter site in ``language`` into ``target`` (which must not exist or be empty);
    return the files written. ``helplines``: copy the sourced helpline data, else an empty list.
    ``requirement``: the line that installs this package (default: ``package_requirement``). A
    language without sourced helplines in the package gets the empty list, as ``helplines=False``."""
    if language not in LANGUAGES:
        raise NewSiteError(f"there is no starter site in '{language}'; choose one of {', '.join(LANGUAGES)}")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewSiteError(f"{target} already exists and is not an empty folder; choose a new one")
    written: list[Path] = []
    for tree in (STARTER / "common", STARTER / language):
        for source in sorted(path for path in tree.rglob("*") if path.is_file()):
            if "__pycache__" in source.parts:
                continue
            destination = target / _dotted(source.relative_to(tree))
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
            written.append(destination)
    (target / ".ci" / "run").chmod(0o755)
    requirements = target / "requirements.txt"
    requirements.write_text(
        requirements.read_text(encoding="utf-8").replace("@PACKAGE@", requirement or package_requirement()),
        encoding="utf-8",
    )
    data = target / "helplines" / f"{language}.yml"
    data.parent.mkdir(parents=True, exist_ok=True)
    if helplines and (HELPLINE_DATA / f"{language}.yml").exists():
        shutil.copyfile(HELPLINE_DATA / f"{language}.yml", data)
    else:
        data.write_text(EMPTY_HELPLINES, encoding="utf-8")
        # No country, no country's anchor among the published addresses.
        published = target / "tests" / "published-urls.txt"
        lines = published.read_text(encoding="utf-8").splitlines(keepends=True)
        published.write_text("".join(line for line in lines if not COUNTRY_ANCHOR.search(line)), encoding="utf-8")
    written.append(data)
    return written
