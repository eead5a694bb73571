#!/usr/bin/env python3
"""Set up Shopkeeper in its own virtual environment, then run it or its tests.

    python3 bootstrap.py run    # set up everything and open the app
    python3 bootstrap.py test   # set up everything and run the whole test suite

Needs only Python 3.11+; works the same on Windows, macOS and Linux. The
virtual environment lives in .venv next to this file; re-running is quick
when nothing changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".shopkeeper-installed"


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _tool(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


def _run(*cmd: object) -> None:
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def ensure_environment(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - bootstrap runs under whatever python3 the seller has
        sys.exit(f"Shopkeeper needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not _python().exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing Shopkeeper and its dependencies …", flush=True)
        _run(_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _run(_python(), "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")
        STAMP.write_text(wanted)
    build_translations()


def build_translations() -> None:
    """Compile resources/i18n/*.ts into .qm files (kept out of git, rebuilt when the .ts changes)."""
    lrelease = _tool("pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _run(lrelease, "-silent", ts, "-qm", qm)


def translated_sources() -> list[Path]:
    """Files whose strings go through Qt translation: the GUI layer and the composition root."""
    src = ROOT / "src" / "shopkeeper"
    return sorted((src / "ui").rglob("*.py")) + [src / "app.py"]


def update_translations() -> None:
    """Refresh the .ts files from the source; new strings arrive unfinished for a translator."""
    lupdate = _tool("pyside6-lupdate")
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        # English is the source language: its file only gives counted strings their plural forms.
        only_plurals = ["-pluralonly"] if ts.stem.endswith("_en") else []
        _run(lupdate, "-no-obsolete", *only_plurals, "-locations", "none", *translated_sources(), "-ts", ts)


# The shared libraries Qt's Linux platform plugins load that a fresh desktop install may lack, and the
# package that provides each: (Debian/Ubuntu apt, Fedora dnf, Arch pacman).
QT_SYSTEM_LIBRARIES: dict[str, tuple[str, str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
}
INSTALLERS = (("Debian/Ubuntu", "sudo apt install"), ("Fedora", "sudo dnf install"), ("Arch", "sudo pacman -S"))
# Commands and options that never open a window: they need no platform plugin.
NO_WINDOW = {"demo", "stats", "import", "report", "check", "export", "backup", "restore", "privacy",
             "--version", "-h", "--help", "--screenshot"}


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames `ldd` could not find ("libxcb-icccm.so.4 => not found"), each once, in ldd's order."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition("=>")
        if where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def install_advice(missing: list[str]) -> str:
    """What to type on each common distribution to install what the Qt platform plugin lacks."""
    lines = ["Shopkeeper's window cannot open: Qt's platform plugin needs system libraries that are not "
             "installed:", "  " + ", ".join(missing), "", "Install them with one of:"]
    for column, (distro, command) in enumerate(INSTALLERS):
        packages = sorted({QT_SYSTEM_LIBRARIES[lib][column] for lib in missing if lib in QT_SYSTEM_LIBRARIES})
        if packages:
            lines.append(f"  {distro:14} {command} {' '.join(packages)}")
    unknown = [lib for lib in missing if lib not in QT_SYSTEM_LIBRARIES]
    if unknown:
        lines.append(f"  (and whatever package provides {', '.join(unknown)})")
    lines.append("Then run `python3 bootstrap.py run` again.")
    return "\n".join(lines)


def platform_plugin(env: dict[str, str]) -> str:
    """The platform plugin Qt will try: the one named in QT_QPA_PLATFORM, else wayland on a Wayland session."""
    wanted = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    if wanted:
        return wanted
    return "wayland" if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY") else "xcb"


def check_qt_platform(rest: list[str]) -> int:
    """0 when the window can open; otherwise print the packages to install and return 3.

    Checked on Linux only, and only when a window will open: the libraries of the plugin Qt will
    load are listed by `ldd` (which follows them all the way down), so the seller learns exactly
    what is missing instead of Qt's "could not load the Qt platform plugin".
    """
    if not sys.platform.startswith("linux") or NO_WINDOW.intersection(rest):
        return 0
    plugin = platform_plugin(dict(os.environ))
    if plugin in ("offscreen", "minimal"):
        return 0
    found = subprocess.run(
        [str(_python()), "-c", "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)"],
        capture_output=True, text=True, check=False)
    library = Path(found.stdout.strip()) / "Qt" / "plugins" / "platforms" / f"libq{plugin}.so"
    if found.returncode != 0 or not library.exists():
        return 0  # nothing to inspect: Qt will say what it can
    try:
        ldd = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return 0
    missing = missing_libraries(ldd.stdout)
    if not missing:
        return 0
    print(install_advice(missing), file=sys.stderr)
    return 3


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    rest = sys.argv[2:]
    if command == "run":
        ensure_environment("test,build")
        if check_qt_platform(rest):
            return 3
        return subprocess.call([str(_python()), "-m", "shopkeeper", *rest], cwd=ROOT)
    if command == "test":
        # The build extra too: a test freezes the app and runs it from its folder.
        ensure_environment("test,build")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([str(_python()), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if command == "build":
        ensure_environment("test,build")
        return subprocess.call([str(_tool("pyinstaller")), "--noconfirm", "--clean",
                                str(ROOT / "packaging" / "shopkeeper.spec")], cwd=ROOT)
    if command == "translations":
        ensure_environment("test,build")
        update_translations()
        return 0
    sys.exit(f"unknown command {command!r}: use run, test, build or translations")


if __name__ == "__main__":
    sys.exit(main())
