"""Test harness: offscreen Qt, and a private home for every test.

SHOPKEEPER_HOME points every Shopkeeper folder (data, config, logs, cache) at
a temporary directory, so no test can touch the seller's real data folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# CI must pass or fail on the code, not on the examples a run happened to draw: there the
# property tests draw the same examples every run; locally they keep exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
os.environ.pop("SHOPKEEPER_DB", None)

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def _real_folders() -> dict[str, float | None]:
    import platformdirs

    folders = [
        platformdirs.user_data_dir("Shopkeeper", "Shopkeeper"),
        platformdirs.user_config_dir("Shopkeeper", "Shopkeeper"),
        platformdirs.user_log_dir("Shopkeeper", "Shopkeeper"),
    ]
    return {f: (Path(f).stat().st_mtime if Path(f).exists() else None) for f in folders}


@pytest.fixture(scope="session", autouse=True)
def real_data_folder_untouched():  # noqa: ANN201
    """Fails the run if any test created or changed the seller's real Shopkeeper folders."""
    before = _real_folders()
    yield
    assert _real_folders() == before, "a test wrote into the real Shopkeeper data folders"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SHOPKEEPER_HOME", str(home))
    monkeypatch.delenv("SHOPKEEPER_DB", raising=False)
    return home


@pytest.fixture
def shop(tmp_path: Path):
    """A fresh, migrated shop file."""
    from shopkeeper.db.database import Database
    from shopkeeper.db.migrate import migrate

    db = Database.open(tmp_path / "shop.duckdb")
    migrate(db, tmp_path / "backups")
    yield db
    db.close()


@pytest.fixture
def samples_dir() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return SAMPLES


@contextmanager
def mounted_tmpfs(mount_point: Path, size: str) -> Iterator[Path]:
    """A small filesystem of its own at `mount_point` (a full disk on demand); skips where none can be mounted."""
    mount_point.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small filesystem needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)

