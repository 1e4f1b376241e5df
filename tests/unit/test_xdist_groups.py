"""Which tests share an xdist worker (``support.xdist_groups``): a wrong group makes a fixture twice
(a width's pass over every page, an engine's build)."""

from __future__ import annotations

from support import PROJECT_ROOT
from support.xdist_groups import SLOWEST_GROUPS, GroupScheduling, group_of, slowest_first


def test_a_test_joins_its_files_group() -> None:
    assert (
        group_of("tests/built/test_generator.py::test_a_new_spanish_site_is_spanish") == "tests/built/test_generator.py"
    )
    assert group_of("tests/browser/test_gates_axe.py::test_menu_button_is_hidden_on_a_desktop") == (
        "tests/browser/test_gates_axe.py"
    )


def test_the_gates_of_one_width_share_a_group_across_files() -> None:
    axe = group_of("tests/browser/test_gates_axe.py::test_every_control_is_reachable_with_tab_and_shows_focus[phone]")
    wcag = group_of("tests/browser/test_gates_wcag22.py::test_focus_is_never_obscured_nor_invisible[phone]")
    desktop = group_of("tests/browser/test_gates_wcag22.py::test_focus_is_never_obscured_nor_invisible[desktop]")
    assert axe == wcag == "gates-phone"
    assert desktop == "gates-desktop"


def test_axe_in_the_light_palette_joins_its_widths_pass_and_the_dark_run_its_file() -> None:
    light = "tests/browser/test_gates_axe.py::test_axe_finds_nothing_on_any_page_in_the_light_palette[desktop]"
    dark = "tests/browser/test_gates_axe.py::test_axe_finds_nothing_on_any_page_in_the_dark_palette"
    assert group_of(light) == "gates-desktop"
    assert group_of(dark) == "tests/browser/test_gates_axe.py"


def test_key_paths_by_browser_and_parity_tests_by_engine() -> None:
    firefox = group_of("tests/engines/test_key_paths.py::test_the_reader_can[firefox-quick exit button-es]")
    webkit = group_of(
        "tests/engines/test_key_paths.py::test_the_page_loads_and_our_script_runs_without_an_error[webkit-home-en]"
    )
    zensical = group_of("tests/engines/test_engines.py::test_in_the_browser[zensical-es/]")
    assert (firefox, webkit, zensical) == ("browser-firefox", "browser-webkit", "engine-build-zensical")
    assert group_of("tests/engines/test_engines.py::test_every_page_has_every_feature[properdocs]") == (
        "engine-build-properdocs"
    )


AXE = "tests/browser/test_gates_axe.py"


def test_the_slowest_groups_are_handed_out_first_then_the_largest() -> None:
    collected = {"group-a": 3, "group-b": 4, AXE: 1, "gates-phone": 5}
    collected["gates-desktop"] = 2
    assert slowest_first(collected) == [
        "gates-desktop",
        "gates-phone",
        AXE,
        "group-b",
        "group-a",
    ]


def test_groups_of_the_same_size_keep_the_order_they_were_collected_in() -> None:
    assert slowest_first({"group-z": 2, "group-a": 2}) == [
        "group-z",
        "group-a",
    ]
    assert slowest_first({"group-a": 2, "group-z": 2}) == [
        "group-a",
        "group-z",
    ]


def test_every_slow_group_named_is_a_file_of_this_suite_or_a_group_made_by_id() -> None:
    """A renamed test file must not leave a stale name behind."""
    made_by_id = ("gates-", "browser-", "engine-build-")
    files = [start.split("::")[0] for start in SLOWEST_GROUPS if not start.startswith(made_by_id)]
    assert [file for file in files if not (PROJECT_ROOT / file).is_file()] == []
    assert len(files) > 5


class _Worker:
    """What the scheduler needs of an xdist worker: it is sent tests (indexes into its collection)."""

    shutting_down = False

    def __init__(self) -> None:
        self.sent: list[list[int]] = []

    def send_runtest_some(self, indexes: list[int]) -> None:
        self.sent.append(indexes)

    def shutdown(self) -> None:
        pass


class _Options:
    loadscopereorder = True


class _Config:
    option = _Options()

    def getvalue(self, name: str) -> list[str]:
        assert name == "tx"
        return ["1*popen"]


def test_the_scheduler_sends_the_slowest_group_first_by_the_workers_own_indexes() -> None:
    collection = [
        "group-a::test_one",
        "group-a::test_two",
        "tests/browser/test_gates_axe.py::test_every_control_is_reachable_with_tab_and_shows_focus[phone]",
        "group-b::test_one",
    ]
    worker = _Worker()
    scheduler = GroupScheduling(_Config())  # type: ignore[arg-type]
    scheduler.add_node(worker)  # type: ignore[arg-type]
    scheduler.add_node_collection(worker, collection)  # type: ignore[arg-type]
    scheduler.schedule()
    assert worker.sent[0] == [2]
    assert worker.sent[1] == [0, 1]
