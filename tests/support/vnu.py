"""The Nu Html Checker (npm vnu-jar, on Java), as the HTML gate and the pack tests run it: over a list
of files in one Java process, beside a canary page with a known error that proves it really checks;
and the theme's own known errors, listed with their reasons in ``tests/data/vnu-allowlist.yml``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from support import PROJECT_ROOT, TEST_DATA

VNU_JAR = PROJECT_ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
ALLOWLIST = TEST_DATA / "vnu-allowlist.yml"
CANARY_NAME = "canary.html"
CANARY = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>'
    "<body><ul><div>A div may not be a child of a list.</div></ul></body></html>"
)


@dataclass(frozen=True)
class VnuError:
    file: str
    line: int
    message: str
    markup: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.markup}]"


@dataclass(frozen=True)
class Allowed:
    message: str
    markup: str
    template: str
    reason: str

    def matches(self, error: VnuError) -> bool:
        return error.message.startswith(self.message) and error.markup == self.markup


def java() -> str:
    """The Java that ``make test`` found (``JAVA``), else the one on PATH. Missing is a failure."""
    path = os.environ.get("JAVA") or shutil.which("java")
    if not path or not Path(path).exists():
        pytest.fail(
            "No Java: run the tests with 'make test', which installs Debian's default-jre-headless "
            "when it is missing, or set JAVA to a java binary.",
            pytrace=False,
        )
    return path


def run_vnu(files: list[Path], relative_to: Path) -> list[VnuError]:
    if not VNU_JAR.exists():
        pytest.fail(f"No {VNU_JAR.relative_to(PROJECT_ROOT)}: run 'make test' (it runs npm ci).", pytrace=False)
    command = [java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--stdout", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode not in (0, 1) or not result.stdout.strip():
        pytest.fail(f"vnu did not run (exit {result.returncode}):\n{result.stderr}", pytrace=False)
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "info":
            continue
        file = Path(unquote(message.get("url", "").removeprefix("file:")))
        extract = message.get("extract", "")
        start = message.get("hiliteStart", 0)
        markup = extract[start : start + message.get("hiliteLength", len(extract))]
        name = file.relative_to(relative_to).as_posix() if file.is_relative_to(relative_to) else str(file)
        errors.append(VnuError(name, message.get("lastLine", 0), message["message"], markup.strip()))
    return errors


def load_allowlist() -> list[Allowed]:
    return [Allowed(**entry) for entry in yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))]
