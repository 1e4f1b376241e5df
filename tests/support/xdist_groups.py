"""Which tests share a pytest-xdist worker (``make test`` runs three): a group of tests always runs in
one worker, so a fixture they share is made once.

The controller, which only sees test ids, decides by id (``group_of``): a test joins its file's group,
so that the file's module fixtures are made once, except

- the quality gates' tests of one width (ids ending ``[phone]`` or ``[desktop]``), which share that
  width's Tab walks and WCAG reports across both gate files: one group per width;
- axe over every page, one test per width and palette, each heavy enough to be a group of its own;
- the cross-browser key paths: one group per browser engine, which is started once;
- the engine parity tests: one group per engine, whose build is made once.

(pytest-xdist's own ``xdist_group`` mark does nothing under pytest 9, which no longer keeps a node's id
in the attribute the mark's code rewrites; this scheduler needs no mark.)"""

from __future__ import annotations

import re

from xdist.scheduler import LoadScopeScheduling

GATE_WIDTH = re.compile(r"^tests/browser/test_gates_\w+\.py::\w+\[(phone|desktop)\]$")
OWN_GROUP = re.compile(r"^tests/browser/test_gates_axe\.py::test_axe_finds_nothing_on_any_page_width_or_palette\[")
BROWSER_ENGINE = re.compile(r"^tests/engines/test_key_paths\.py::\w+\[(chromium|firefox|webkit)-")
ENGINE_BUILD = re.compile(r"^tests/engines/test_engines\.py::\w+\[(properdocs|zensical)\b")


def group_of(nodeid: str) -> str:
    """The group of the test with this id (see the module's docstring)."""
    if match := GATE_WIDTH.match(nodeid):
        return f"gates-{match[1]}"
    if OWN_GROUP.match(nodeid):
        return nodeid
    if match := BROWSER_ENGINE.match(nodeid):
        return f"browser-{match[1]}"
    if match := ENGINE_BUILD.match(nodeid):
        return f"engine-build-{match[1]}"
    return nodeid.split("::", 1)[0]


class GroupScheduling(LoadScopeScheduling):
    """Load scheduling by ``group_of``: each group goes whole to the next worker that runs short of work."""

    def _split_scope(self, nodeid: str) -> str:
        return group_of(nodeid)
