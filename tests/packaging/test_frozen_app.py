"""The PyInstaller one-folder build starts and finds its resources and translations.

Builds the real bundle from packaging/shopkeeper.spec (about a minute), then
runs `--version` and a Chinese `--screenshot` from the frozen folder, so
nothing in the app quietly depends on a source checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_app_runs_from_its_folder(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).parent / ("pyinstaller.exe" if os.name == "nt" else "pyinstaller")
    if not pyinstaller.exists():
        pytest.fail("pyinstaller is not installed: run `python3 bootstrap.py test`, which installs it")
    qm = ROOT / "resources" / "i18n" / "shopkeeper_zh_CN.qm"
    assert qm.exists(), "translations are not compiled: bootstrap.py builds them"
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "packaging" / "shopkeeper.spec")],
        check=True, cwd=tmp_path, capture_output=True, timeout=900,
    )
    folder = tmp_path / "dist" / "Shopkeeper"
    exe = folder / ("shopkeeper.exe" if os.name == "nt" else "shopkeeper")
    # Run from somewhere unrelated, with no source tree on the path.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["SHOPKEEPER_HOME"] = str(tmp_path / "home")
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, cwd=elsewhere, env=env,
                             timeout=120, check=True)
    assert version.stdout.startswith("Shopkeeper ")
    shot = tmp_path / "frozen.png"
    result = subprocess.run(
        [str(exe), "--db", str(tmp_path / "s.duckdb"), "--screenshot", str(shot), "--tab", "members",
         "--lang", "zh_CN"],
        capture_output=True, text=True, cwd=elsewhere, env=env, timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert (folder / "_internal" / "resources" / "i18n" / "shopkeeper_zh_CN.qm").exists()
    assert (folder / "_internal" / "shopkeeper" / "db" / "migrations" / "0001_initial.sql").exists()
    shutil.rmtree(tmp_path / "build", ignore_errors=True)
