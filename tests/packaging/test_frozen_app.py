"""The PyInstaller one-folder build runs with no Python around it.

Builds the real bundle from packaging/shopkeeper.spec (a few minutes; or uses the folder named by
SHOPKEEPER_FROZEN_APP, as the release workflow does after its own build), then, from an unrelated
folder in a bare environment (no PYTHONPATH, no virtual environment, a fresh home): `--version`,
`demo`, `stats --json`, `import` of an export, and a window drawn to PNG in English and in Chinese.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "shopkeeper.exe" if os.name == "nt" else "shopkeeper"
MAX_LINUX_MB = 250  # issue 15: at most 250 MB unpacked on Linux
SHOPIFY_ORDERS = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,"
    "Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,"
    "Billing Name,Id\n"
    "#1001,ann@example.com,paid,2026-03-01 10:00:00 +0100,fulfilled,2026-03-02 09:00:00 +0100,EUR,40.00,5.00,0.00,"
    "45.00,,0.00,2026-03-01 09:58:00 +0100,2,Blue mug,20.00,MUG-BLU,Ann Lee,5550001112223\n"
    "#1002,bob@example.com,refunded,2026-03-03 11:00:00 +0100,,,EUR,12.50,0.00,0.00,12.50,,0.00,"
    "2026-03-03 10:59:00 +0100,1,Tea towel,12.50,TOWEL-1,Bob Ray,5550001112224\n"
)


def _bare_env(home: Path) -> dict[str, str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "SHOPKEEPER_HOME": str(home / "sk"),
           "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    for keep in ("SYSTEMROOT", "TEMP", "TMP", "USERPROFILE", "LOCALAPPDATA", "APPDATA"):  # Windows needs these
        if keep in os.environ:
            env[keep] = os.environ[keep]
    return env


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    given = os.environ.get("SHOPKEEPER_FROZEN_APP")
    if given:
        yield Path(given)
        return
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("pyinstaller is not installed: run `python3 bootstrap.py test`, which installs it")
    qm = ROOT / "resources" / "i18n" / "shopkeeper_zh_CN.qm"
    assert qm.exists(), "translations are not compiled: bootstrap.py builds them"
    work = tmp_path_factory.mktemp("frozen")
    # The build a seller downloads: packaging/build.py (icons, PyInstaller, symbols stripped).
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--skip-archive", "--dist", str(work / "dist"),
         "--work", str(work / "build")],
        check=True, cwd=work, capture_output=True, timeout=1200,
    )
    shutil.rmtree(work / "build", ignore_errors=True)
    yield work / "dist" / "Shopkeeper"


def _run(exe: Path, *args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)
    assert result.returncode == 0, f"{args}: {result.stderr[-2000:]}"
    # A module the bundle lacks often fails on the worker thread, where the command still exits 0.
    assert "Traceback" not in result.stderr, f"{args}: {result.stderr[-3000:]}"
    return result


@pytest.mark.slow
def test_frozen_app_works_from_its_folder_in_a_bare_environment(frozen: Path, tmp_path: Path) -> None:
    exe = frozen / EXE_NAME
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _bare_env(tmp_path)
    assert _run(exe, "--version", cwd=elsewhere, env=env).stdout.startswith("Shopkeeper ")

    demo = tmp_path / "demo.duckdb"
    _run(exe, "demo", "--db", str(demo), cwd=elsewhere, env=env)
    stats = json.loads(_run(exe, "stats", "--db", str(demo), "--json", cwd=elsewhere, env=env).stdout)
    assert stats["orders"] > 1000

    export = tmp_path / "orders_export_1.csv"
    export.write_text(SHOPIFY_ORDERS, encoding="utf-8")
    shop = tmp_path / "shop.duckdb"
    _run(exe, "import", "--db", str(shop), str(export), cwd=elsewhere, env=env)
    imported = json.loads(_run(exe, "stats", "--db", str(shop), "--json", cwd=elsewhere, env=env).stdout)
    assert imported["orders"] == 2

    for lang, tab in (("en", "charts"), ("zh_CN", "members")):
        shot = tmp_path / f"frozen-{lang}.png"
        _run(exe, "--db", str(demo), "--screenshot", str(shot), "--tab", tab, "--lang", lang, cwd=elsewhere, env=env)
        assert shot.stat().st_size > 10_000


@pytest.mark.slow
def test_frozen_folder_holds_its_resources_and_stays_small(frozen: Path) -> None:
    internal = frozen / "_internal"
    for needed in ("resources/i18n/shopkeeper_zh_CN.qm", "resources/icons/shopkeeper.svg",
                   "shopkeeper/db/migrations/0001_initial.sql"):
        assert (internal / needed).exists(), needed
    assert not (internal / "pyarrow").exists(), "Arrow is not used by the app and weighs ~160 MB"
    if sys.platform.startswith("linux"):
        platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
        assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
        size = sum(p.stat().st_size for p in frozen.rglob("*") if p.is_file() and not p.is_symlink())
        assert size <= MAX_LINUX_MB * 1_000_000, f"{size / 1e6:.0f} MB unpacked"
