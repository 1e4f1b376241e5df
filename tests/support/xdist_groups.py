"""Which tests share a pytest-xdist worker (``make test`` runs two): a group of tests always runs in
one worker, so a fixture they share is made once.

The controller, which only sees test ids, decides by id (``group_of``): a test joins its file's group,
so that the file's module fixtures are made once, except

- the quality gates' tests of one width (ids ending ``[phone]`` or ``[desktop]``), which share that
  width's pass over every page (axe, the Tab walk, the WCAG checks) across both gate files: one group
  per width;
- the cross-browser key paths: one group per browser engine, which is started once;
- the engine parity tests: one group per engine, whose build is made once.

The groups are handed out slowest first (``slowest_first``): a worker that takes a long group last
would keep the whole run waiting for it. xdist's own order (most tests first) put the slow groups of
one test each (an axe run over every page) at the very end.

(pytest-xdist's own ``xdist_group`` mark does nothing under pytest 9, which no longer keeps a node's id
in the attribute the mark's code rewrites; this scheduler needs no mark.)"""

from __future__ import annotations

import re
from collections import OrderedDict

from xdist.scheduler import LoadScopeScheduling
from xdist.workermanage import WorkerController

GATE_WIDTH = re.compile(r"^tests/browser/test_gates_\w+\.py::\w+\[(phone|desktop)\]$")
BROWSER_ENGINE = re.compile(r"^tests/engines/test_key_paths\.py::\w+\[(chromium|firefox|webkit)-")
ENGINE_BUILD = re.compile(r"^tests/engines/test_engines\.py::\w+\[(properdocs|zensical)\b")


#: The slowest groups (``pytest --durations=0`` summed by group, on 2 cores), slowest first; a group
#: named by its start. Only the order of the run depends on it: a group not here comes after these.
SLOWEST_GROUPS = (
    "gates-desktop",
    "tests/engines/test_edition_messages.py",
    "gates-phone",
    "browser-firefox",
    "tests/browser/test_gates_browser.py",
    "engine-build-",
    "tests/browser/test_packs.py",
    "tests/engines/test_theme_overrides.py",
    "tests/built/test_quiz_build.py",
    "browser-webkit",
    "tests/browser/test_quiz_browser.py",
    "tests/browser/test_gates_axe.py",
    "browser-chromium",
    "tests/built/test_anchors.py",
    "tests/browser/test_stable_links.py",
    "tests/built/test_benchmarks.py",
    "tests/browser/test_qr.py",
    "tests/browser/test_layout_shift.py",
    "tests/browser/test_print_button.py",
)


def group_of(nodeid: str) -> str:
    """The group of the test with this id (see the module's docstring)."""
    if match := GATE_WIDTH.match(nodeid):
        return f"gates-{match[1]}"
    if match := BROWSER_ENGINE.match(nodeid):
        return f"browser-{match[1]}"
    if match := ENGINE_BUILD.match(nodeid):
        return f"engine-build-{match[1]}"
    return nodeid.split("::", 1)[0]


def slowest_first(sizes: dict[str, int]) -> list[str]:
    """The groups (with their number of tests, in the order collected) in the order they are handed
    out: those of ``SLOWEST_GROUPS`` in its order, then the others, the ones with most tests first."""

    def rank(place: int, group: str) -> tuple[int, int, int]:
        slow = next((rank for rank, start in enumerate(SLOWEST_GROUPS) if group.startswith(start)), len(SLOWEST_GROUPS))
        return slow, -sizes[group], place

    return [group for _, group in sorted(enumerate(sizes), key=lambda item: rank(*item))]


class GroupScheduling(LoadScopeScheduling):
    """Load scheduling by ``group_of``, slowest groups first: each group goes whole to the next worker
    that runs short of work."""

    def _split_scope(self, nodeid: str) -> str:
        return group_of(nodeid)

    def _assign_work_unit(self, node: WorkerController) -> None:
        if not any(self.assigned_work.values()):  # nothing handed out yet: the queue is complete
            order = slowest_first({group: len(tests) for group, tests in self.workqueue.items()})
            self.workqueue = OrderedDict((group, self.workqueue[group]) for group in order)
        super()._assign_work_unit(node)
