"""The core (domain, db, importers, services, runtime, cli) never imports Qt or pyqtgraph.

Checked in a fresh interpreter so nothing another test imported can hide a
leak. This is what lets the command line run on machines with no display and
keeps the core testable without a QApplication.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import shopkeeper

CORE_PACKAGES = ("domain", "db", "importers", "services", "demo", "runtime")


def _core_modules() -> list[str]:
    root = Path(shopkeeper.__file__).parent
    names = ["shopkeeper", "shopkeeper.cli"]
    for package in CORE_PACKAGES:
        names.append(f"shopkeeper.{package}")
        for info in pkgutil.walk_packages([str(root / package)], prefix=f"shopkeeper.{package}."):
            names.append(info.name)
    return names


def test_core_modules_import_without_qt() -> None:
    modules = _core_modules()
    assert "shopkeeper.db.database" in modules
    assert "shopkeeper.services.stats" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported Qt: {result.stdout}"


def test_no_module_is_named_utils() -> None:
    root = Path(shopkeeper.__file__).parent
    offenders = [p for p in root.rglob("*.py") if p.stem in ("utils", "helpers", "common", "misc")]
    assert offenders == []
