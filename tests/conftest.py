"""Test harness: offscreen Qt, and a private home for every test.

SHOPKEEPER_HOME points every Shopkeeper folder (data, config, logs, cache) at
a temporary directory, so no test can touch the seller's real data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SHOPKEEPER_DB", None)

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


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
