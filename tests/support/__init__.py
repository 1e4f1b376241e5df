"""What the tests share: building and serving the site, the browser engines, the quality gates'
checks, the fuzzing strategies, quiz samples, and this site's pages as the tests know them. One module
per concern; test files import them as ``from support.sitebuild import ...`` (``tests/`` is on pytest's
``pythonpath``). Test files never import one another: what two of them need lives here."""

from __future__ import annotations

from pathlib import Path

#: The project's root folder (this file is ``tests/support/__init__.py``).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
#: The tests' data files (README, "Tests"): the published addresses, the engines' known differences,
#: the Nu Html Checker's allowlist and the page error catcher of the cross-browser tests.
TEST_DATA = PROJECT_ROOT / "tests" / "data"
