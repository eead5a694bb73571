from __future__ import annotations

from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.i18n import Translations


@pytest.fixture
def worker(qtbot, tmp_path: Path):  # noqa: ANN001, ANN201
    """A DB worker that owns a fresh shop opened on its own thread."""
    path = tmp_path / "shop.duckdb"

    def opener() -> Database:
        db = Database.open(path)
        migrate(db, tmp_path / "bk")
        return db

    w = DbWorker(opener)
    qtbot.waitUntil(w.is_idle, timeout=10000)
    yield w
    w.shutdown()


def wait_idle(qtbot, worker: DbWorker, timeout: int = 20000) -> None:  # noqa: ANN001
    # Several rounds: a finished job (a count) often submits the next (its first page).
    for _ in range(4):
        qtbot.waitUntil(worker.is_idle, timeout=timeout)
        qtbot.wait(20)


@pytest.fixture
def chinese(qapp):  # noqa: ANN001, ANN201
    """The window's language is Simplified Chinese for this test."""
    translations = Translations()
    assert translations.install(qapp, "zh_CN"), "the Chinese .qm is not built (bootstrap.py builds it)"
    yield
    translations.install(qapp, "en")
