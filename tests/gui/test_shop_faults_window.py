"""The window and a failing shop: a damaged file gets a plain message, a failed import is told as it ended."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import shopkeeper.app as app_module
from shopkeeper.app import ShopkeeperApp
from shopkeeper.domain.errors import DamagedShopFileError, DiskFullError, ShopWriteFailed
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.clock import FixedClock
from shopkeeper.runtime.paths import app_paths
from shopkeeper.runtime.recent_shops import RecentShops
from shopkeeper.ui.i18n import Translations
from shopkeeper.ui.ui_state import UiState
from tests.gui.conftest import wait_idle
from tests.unit.faults.shop_states import write_orders
from tests.unit.importers.export_files import import_ok, open_fresh_shop

DISK_FULL = Message("shop.disk_full", {"shop": "shop.duckdb"})
FULL = 'The disk holding "shop.duckdb" is full. Free some space and try again.'


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Path, tuple[str, str | None]]:
    """A shop holding one import, and that import's (content hash, member)."""
    db = open_fresh_shop(tmp_path)
    import_ok(db, write_orders(tmp_path / "orders_export.csv", 30))
    key = db.fetchone("SELECT content_hash, member FROM import_batches")
    db.checkpoint()
    db.close()
    return tmp_path / "shop.duckdb", key


@pytest.fixture
def app(qtbot, monkeypatch):  # noqa: ANN001, ANN201
    shown: list[BaseException] = []
    monkeypatch.setattr(app_module, "show_error", lambda _parent, exc, _log: shown.append(exc))
    paths = app_paths().ensure()
    translations = Translations()
    translations.install(QApplication.instance(), "en")
    app = ShopkeeperApp(
        qt_app=QApplication.instance(), paths=paths, clock=FixedClock(datetime(2026, 11, 26, 12, tzinfo=UTC)),
        ui_state=UiState(paths.ui_state_file), translations=translations,
        recent=RecentShops(paths.config_dir / "recent-shops.json"), screenshot=False,
    )
    app.guard.listen = lambda _path: None  # type: ignore[method-assign]
    qtbot.addWidget(app.build_window())
    app.shown = shown  # type: ignore[attr-defined]
    yield app
    app.shutdown()


def test_after_a_failed_import_the_reopened_shop_is_asked_what_it_kept(qtbot, app, shop) -> None:  # noqa: ANN001
    path, key = shop
    app.open_shop_at(path)
    wait_idle(qtbot, app.worker)
    assert app.shown == []
    unknown = ShopWriteFailed(DiskFullError(DISK_FULL), name="orders_export.csv", kept=None, key=key)
    app.reopen(unknown)
    wait_idle(qtbot, app.worker)
    assert len(app.shown) == 1
    told = app.shown[0]
    assert isinstance(told, ShopWriteFailed) and told.kept is True
    assert "orders_export.csv was imported and kept" in str(told)


def test_a_damaged_shop_gets_a_plain_message_and_is_not_written(qtbot, app, shop, tmp_path: Path) -> None:  # noqa: ANN001
    path, _key = shop
    damaged = tmp_path / "damaged.duckdb"
    shutil.copy2(path, damaged)
    os.truncate(damaged, damaged.stat().st_size // 2)
    before = damaged.read_bytes()
    app.open_shop_at(damaged)
    wait_idle(qtbot, app.worker)
    assert [type(e) for e in app.shown] == [DamagedShopFileError]
    assert "is damaged and cannot be read" in str(app.shown[0])
    assert damaged.read_bytes() == before
