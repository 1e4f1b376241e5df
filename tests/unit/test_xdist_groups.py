"""Which tests share an xdist worker (``support.xdist_groups``): a wrong group makes a fixture twice
(a width's Tab walks, an engine's build) or puts every axe run in one worker."""

from __future__ import annotations

from support.xdist_groups import group_of


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


def test_each_axe_run_is_its_own_group() -> None:
    light = "tests/browser/test_gates_axe.py::test_axe_finds_nothing_on_any_page_width_or_palette[phone-light]"
    dark = "tests/browser/test_gates_axe.py::test_axe_finds_nothing_on_any_page_width_or_palette[phone-dark]"
    assert group_of(light) == light
    assert group_of(dark) == dark


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
