from __future__ import annotations

import gc
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from shopkeeper.app import ShopkeeperApp
from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.runtime.clock import FixedClock
from shopkeeper.runtime.paths import app_paths
from shopkeeper.runtime.recent_shops import RecentShops
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.gui_thread_gc import collect_on_gui_thread
from shopkeeper.ui.i18n import Translations
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.ui_state import UiState


@pytest.fixture(autouse=True)
def _gc_on_gui_thread(qapp):  # noqa: ANN001, ANN202
    """As the app does (ui/gui_thread_gc.py): widgets of earlier tests are never collected on a worker thread.

    Torn down last (after the app's worker has stopped): this test's windows are collected here, on the
    GUI thread, and automatic collection is back on for the tests outside tests/gui.
    """
    collect_on_gui_thread(qapp)
    yield
    gc.collect()
    gc.enable()


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


def run_query(qtbot, worker: DbWorker, fn, timeout: int = 60000):  # noqa: ANN001, ANN201
    """Run `fn(db)` on the worker as a query and return its result (or raise its error)."""
    owner = QObject()
    box: list = []
    worker.query(owner, QueryOp(fn), box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


TODAY = date(2026, 11, 26)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from shopkeeper.demo.shop import build_demo_shop

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.duckdb"
    db = Database.open(path)
    migrate(db, folder / "bk")
    build_demo_shop(db, today=TODAY)
    db.checkpoint()
    db.close()
    return path


def make_app(qtbot, shop: Path, language: str = "en") -> ShopkeeperApp:  # noqa: ANN001
    paths = app_paths().ensure()
    translations = Translations()
    translations.install(QApplication.instance(), language)
    app = ShopkeeperApp(
        qt_app=QApplication.instance(), paths=paths, clock=FixedClock(datetime(2026, 11, 26, 12, tzinfo=UTC)),
        ui_state=UiState(paths.ui_state_file), translations=translations,
        recent=RecentShops(paths.config_dir / "recent-shops.json"), screenshot=True,
    )
    window = app.build_window()
    qtbot.addWidget(window)
    app.open_shop_at(shop)
    window.show()
    wait_idle(qtbot, app.worker)
    return app


@pytest.fixture
def shop_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "shop.duckdb"
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def app(qtbot, shop_copy: Path):  # noqa: ANN001, ANN201
    app = make_app(qtbot, shop_copy)
    yield app
    app.shutdown()
    app.translations.install(QApplication.instance(), "en")
