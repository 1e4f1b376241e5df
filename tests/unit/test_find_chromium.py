"""Which Chromium the browser gates drive (finding_balance/gates/browser.py ``find_chromium``): the
headless shell before the full browser, ``$CHROMIUM`` before both, one sentence when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from finding_balance.gates import browser


def _program(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def no_chromium_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "DEBIAN_HEADLESS_SHELL", tmp_path / "chromium-headless-shell")
    monkeypatch.setattr(browser, "DEBIAN_CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr(browser.Path, "home", lambda: tmp_path / "home")
    return tmp_path


def test_the_headless_shell_comes_before_the_full_browser(no_chromium_here: Path) -> None:
    _program(no_chromium_here, "chromium")
    assert browser.find_chromium(install=False) == no_chromium_here / "chromium"
    shell = _program(no_chromium_here, "chromium-headless-shell")
    assert browser.find_chromium(install=False) == shell


def test_chromium_set_wins_and_a_wrong_one_is_named(no_chromium_here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _program(no_chromium_here, "chromium-headless-shell")
    chosen = _program(no_chromium_here, "my-chromium")
    monkeypatch.setenv("CHROMIUM", str(chosen))
    assert browser.find_chromium(install=False) == chosen
    monkeypatch.setenv("CHROMIUM", str(no_chromium_here / "nothing"))
    with pytest.raises(browser.NoChromium, match=r"CHROMIUM is set to '.*nothing', but there is no program there"):
        browser.find_chromium(install=False)


def test_with_none_it_says_what_to_install(no_chromium_here: Path) -> None:
    with pytest.raises(browser.NoChromium, match=r"install Debian's 'chromium-headless-shell' package"):
        browser.find_chromium(install=False)
