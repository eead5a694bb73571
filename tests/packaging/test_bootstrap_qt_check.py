"""`bootstrap.py run` names the packages a fresh Linux desktop lacks instead of Qt's bare plugin error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import bootstrap  # noqa: E402

# What `ldd libqxcb.so` prints on a fresh Debian 12 with no desktop libraries (abridged).
FRESH_DEBIAN_LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""


def test_missing_libraries_are_read_from_ldd_each_once() -> None:
    assert bootstrap.missing_libraries(FRESH_DEBIAN_LDD) == [
        "libxkbcommon-x11.so.0", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert bootstrap.missing_libraries("\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n") == []


def test_advice_names_the_packages_for_each_distribution() -> None:
    advice = bootstrap.install_advice(bootstrap.missing_libraries(FRESH_DEBIAN_LDD))
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0" in advice
    assert "sudo dnf install libxkbcommon-x11 xcb-util-cursor xcb-util-keysyms xcb-util-wm" in advice
    assert "sudo pacman -S libxkbcommon-x11 xcb-util-cursor xcb-util-keysyms xcb-util-wm" in advice
    unknown = bootstrap.install_advice(["libfoo.so.9"])
    assert "libfoo.so.9" in unknown and "apt install" not in unknown


def _fake_run(ldd_stdout: str, plugin_dir: Path) -> Any:
    def run(cmd: list[str], **_: Any) -> SimpleNamespace:
        if cmd[0] == "ldd":
            return SimpleNamespace(returncode=0, stdout=ldd_stdout)
        return SimpleNamespace(returncode=0, stdout=str(plugin_dir) + "\n")
    return run


@pytest.fixture
def pyside_dir(tmp_path: Path) -> Path:
    platforms = tmp_path / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (platforms / "libqxcb.so").write_bytes(b"")
    (platforms / "libqwayland.so").write_bytes(b"")
    return tmp_path / "PySide6"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_a_window_that_cannot_open_exits_non_zero_with_the_packages(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pyside_dir: Path) -> None:
    monkeypatch.setattr(subprocess, "run", _fake_run(FRESH_DEBIAN_LDD, pyside_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert bootstrap.check_qt_platform([]) == 3
    assert "libxcb-cursor0" in capsys.readouterr().err
    # Commands that open no window, and the headless platform the tests use, need none of it.
    assert bootstrap.check_qt_platform(["stats", "--json"]) == 0
    assert bootstrap.check_qt_platform(["--screenshot", "out.png"]) == 0
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert bootstrap.check_qt_platform([]) == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_nothing_missing_lets_the_window_open(monkeypatch: pytest.MonkeyPatch, pyside_dir: Path) -> None:
    monkeypatch.setattr(subprocess, "run", _fake_run("\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n", pyside_dir))
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert bootstrap.check_qt_platform([]) == 0


def test_wayland_session_checks_the_wayland_plugin() -> None:
    assert bootstrap.platform_plugin({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert bootstrap.platform_plugin({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == "xcb"
    assert bootstrap.platform_plugin({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert bootstrap.platform_plugin({}) == "xcb"
