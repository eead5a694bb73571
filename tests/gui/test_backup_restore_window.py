"""The window's backups: Restore… lists them, restores in place, a damaged shop is one click from its backup.

And `shopkeeper backup` works while the window has the shop open (the window writes it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

import shopkeeper.app as app_module
from shopkeeper.app import ShopkeeperApp
from shopkeeper.db.database import Database
from shopkeeper.db.shop_backups import backups_of, check_backup
from shopkeeper.domain.backup_retention import BackupKind
from shopkeeper.runtime.clock import FixedClock
from shopkeeper.runtime.paths import app_paths
from shopkeeper.runtime.recent_shops import RecentShops
from shopkeeper.services.backups import back_up, list_backups
from shopkeeper.services.stats import shop_stats
from shopkeeper.ui.dialogs.restore_dialog import RestoreDialog
from shopkeeper.ui.i18n import Translations
from shopkeeper.ui.ui_state import UiState
from tests.gui.conftest import run_query, wait_idle
from tests.unit.faults.shop_states import write_orders
from tests.unit.importers.export_files import import_ok, open_fresh_shop

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A shop of 40 orders with one backup of it, then 25 more orders."""
    db = open_fresh_shop(tmp_path)
    import_ok(db, write_orders(tmp_path / "orders_export.csv", 40))
    back_up(db, tmp_path / "backups", BackupKind.DAILY, now=NOW)
    import_ok(db, write_orders(tmp_path / "more.csv", 25, first=40_000))
    db.checkpoint()
    db.close()
    return tmp_path / "shop.duckdb"


@pytest.fixture
def app(qtbot, monkeypatch):  # noqa: ANN001, ANN201
    shown: list[BaseException] = []
    told: list[str] = []
    monkeypatch.setattr(app_module, "show_error", lambda _parent, exc, _log: shown.append(exc))
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    paths = app_paths().ensure()
    translations = Translations()
    translations.install(QApplication.instance(), "en")
    app = ShopkeeperApp(
        qt_app=QApplication.instance(), paths=paths, clock=FixedClock(datetime(2026, 12, 2, 12, tzinfo=UTC)),
        ui_state=UiState(paths.ui_state_file), translations=translations,
        recent=RecentShops(paths.config_dir / "recent-shops.json"), screenshot=False,
    )
    qtbot.addWidget(app.build_window())
    app.shown, app.told = shown, told  # type: ignore[attr-defined]
    yield app
    app.shutdown()


def _orders(qtbot, app: ShopkeeperApp) -> int:  # noqa: ANN001
    return run_query(qtbot, app.worker, lambda db: shop_stats(db)["orders"])


def test_restore_lists_the_backups_with_what_each_holds(qtbot, app, shop: Path) -> None:  # noqa: ANN001
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    dialog = RestoreDialog(app.window, app.worker, shop, list_backups)
    qtbot.addWidget(dialog)
    # The daily one of the fixture, the one before its second import, and today's first open's.
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=20000)
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(3)]
    assert sorted(row[1:] for row in rows[:2]) == [["Before an import", "40"], ["Daily", "65"]]
    assert rows[2] == [NOW.astimezone().strftime("%Y-%m-%d %H:%M"), "Daily", "40"]  # newest first
    assert dialog.restore_button.isEnabled()


def test_restoring_in_the_window_replaces_the_open_shop_and_keeps_it(qtbot, app, shop: Path) -> None:  # noqa: ANN001
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    assert _orders(qtbot, app) == 65
    backup = next(b.path for b in backups_of(shop) if b.taken_at == NOW)

    app.restore_into(backup, shop)
    wait_idle(qtbot, app.worker)
    assert app.shown == []
    assert _orders(qtbot, app) == 40
    assert app.shop_path == shop
    assert "restored from the backup taken" in app.told[-1] and "kept in" in app.told[-1]
    kept = [b for b in backups_of(shop) if b.kind == BackupKind.BEFORE_RESTORE]
    assert len(kept) == 1 and check_backup(kept[0].path).orders == 65


def test_a_refused_restore_reopens_the_shop_unchanged(qtbot, app, shop: Path, tmp_path: Path) -> None:  # noqa: ANN001
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a shop at all" * 100)
    app.restore_into(junk, shop)
    wait_idle(qtbot, app.worker)
    assert len(app.shown) == 1 and "not a backup of a Shopkeeper shop" in str(app.shown[0])
    assert _orders(qtbot, app) == 65


def test_a_damaged_shop_is_restored_from_its_latest_good_backup_in_one_click(
        qtbot, app, shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    db = Database.open(shop)
    latest = back_up(db, shop.parent / "backups", BackupKind.MANUAL, now=datetime.now(UTC))
    db.close()
    size = shop.stat().st_size
    with shop.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(b"\xff" * (size // 3))
    offered: list[str] = []

    def click_restore(_parent, exc) -> bool:  # noqa: ANN001
        offered.append(str(exc))
        return True

    monkeypatch.setattr(app_module, "ask_to_restore", click_restore)
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    assert len(offered) == 1 and f'Its latest good backup is "{latest}"' in offered[0]
    assert app.shown == []
    assert app.shop_path == shop and app.open_error is None
    assert _orders(qtbot, app) == 65
    damaged = [b for b in backups_of(shop) if b.kind == BackupKind.BEFORE_RESTORE]
    assert len(damaged) == 1  # the damaged file itself is kept, never thrown away


def test_the_command_line_backs_up_a_shop_the_window_has_open(qtbot, app, shop: Path, tmp_path: Path) -> None:  # noqa: ANN001
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    assert app.guard.listen(shop)
    command = subprocess.Popen(
        [sys.executable, "-m", "shopkeeper", "backup", "--db", str(shop), "--to", str(tmp_path / "usb"), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    qtbot.waitUntil(lambda: command.poll() is not None, timeout=60000)
    out, err = command.communicate()
    assert command.returncode == 0, err
    made = list((tmp_path / "usb").glob("shop-manual-*.duckdb"))
    assert len(made) == 1 and str(made[0]) in out
    assert check_backup(made[0]).orders == 65


def test_backup_now_writes_a_checked_copy_where_the_seller_chose(
        qtbot, app, shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    suggested: list[str] = []

    def choose(_parent, _title, start, _filter):  # noqa: ANN001, ANN202
        suggested.append(start)
        return str(tmp_path / "usb" / "my copy"), ""

    monkeypatch.setattr(app_module.QFileDialog, "getSaveFileName", choose)
    app.backup()
    wait_idle(qtbot, app.worker)
    assert Path(suggested[0]).parent == shop.parent / "backups" and "-manual-" in suggested[0]
    made = tmp_path / "usb" / "my copy.duckdb"
    assert check_backup(made).orders == 65
    assert app.told and str(made) in app.told[-1] and "65 orders" in app.told[-1]


def test_after_declining_the_offer_restore_lists_the_damaged_shops_backups(
        qtbot, app, shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    size = shop.stat().st_size
    with shop.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(b"\xff" * (size // 3))
    monkeypatch.setattr(app_module, "ask_to_restore", lambda _parent, _exc: False)
    app.open_shop_at(shop)
    wait_idle(qtbot, app.worker)
    assert app.shop_path is None and app.failed_shop == shop  # nothing open: the window started on a damaged shop

    dialog = RestoreDialog(app.window, app.worker, app.failed_shop, list_backups)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20000)
    assert sorted(dialog.table.item(r, 2).text() for r in range(2)) == ["40", "40"]
