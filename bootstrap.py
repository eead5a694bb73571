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


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    rest = sys.argv[2:]
    if command == "run":
        ensure_environment("test,build")
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
