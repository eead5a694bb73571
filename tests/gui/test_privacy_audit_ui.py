"""File › Privacy…, Edit › Audit trail… and File › Export table… on the demo shop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.gui.conftest import wait_idle


def test_privacy_dialog_shows_holdings_and_purges(app: Any, qtbot: Any, monkeypatch: Any) -> None:  # noqa: ANN401
    from shopkeeper.ui.dialogs.privacy_dialog import PrivacyDialog

    window = app.window
    dialog = PrivacyDialog(window, worker=app.worker, show_error=lambda exc: (_ for _ in ()).throw(exc))
    qtbot.addWidget(dialog)
    wait_idle(qtbot, app.worker)
    tables = [dialog.holdings.item(r, 0).text() for r in range(dialog.holdings.rowCount())]
    assert "buyers" in tables and "members" in tables
    buyers_row = tables.index("buyers")
    before = int(dialog.holdings.item(buyers_row, 2).text().replace(",", ""))
    assert before > 0
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dialog.purge_days.setValue(365)
    dialog._preview_purge()
    wait_idle(qtbot, app.worker)
    wait_idle(qtbot, app.worker)
    assert asked and "cannot be undone" in asked[0]
    after = int(dialog.holdings.item(buyers_row, 2).text().replace(",", ""))
    assert after < before


def test_audit_dialog_lists_privacy_acts(app: Any, qtbot: Any) -> None:  # noqa: ANN401
    from shopkeeper.services.privacy import log_reveal
    from shopkeeper.ui.dialogs.audit_dialog import AuditDialog
    from shopkeeper.ui.operations import CommandOp

    app.worker.command(app.window, CommandOp(lambda db: log_reveal(db, who="window", place="test")))
    wait_idle(qtbot, app.worker)
    dialog = AuditDialog(app.window, worker=app.worker)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("privacy"))
    wait_idle(qtbot, app.worker)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10000)


def test_export_table_writes_the_members_view(app: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:  # noqa: ANN401
    target = tmp_path / "members.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    app.window.show_tab("members")
    wait_idle(qtbot, app.worker)
    app.window.export_table()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("member_id,name,")
    assert len(lines) - 1 == app.window.members.model.rowCount()
    assert str(target) in shown[0]


def test_members_tab_erases_the_shown_member(app: Any, qtbot: Any, monkeypatch: Any) -> None:  # noqa: ANN401
    from tests.gui.conftest import run_query

    members = app.window.members
    app.window.show_tab("members")
    wait_idle(qtbot, app.worker)
    members.view.selectRow(0)
    qtbot.waitUntil(lambda: members._member_shown is not None, timeout=20000)
    member = members._member_shown.member_id
    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    members.erase_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert member in asked[0] and "cannot be undone" in asked[0]
    row = run_query(qtbot, app.worker, lambda db: db.fetchone(
        "SELECT display_name, email, phone FROM members WHERE member_id = ?", [member]))
    assert row == ("", None, None)
    logged = run_query(qtbot, app.worker, lambda db: db.fetchone(
        "SELECT what, member_id FROM privacy_log WHERE what = 'erase'"))
    assert logged == ("erase", member)


def test_retention_purges_when_the_shop_opens(qtbot: Any, shop_copy: Path) -> None:  # noqa: ANN401
    from shopkeeper.db.database import Database
    from shopkeeper.services.privacy_retention import set_retention
    from tests.gui.conftest import make_app

    db = Database.open(shop_copy)
    try:
        set_retention(db, 365, who="test", place="test")
        held = db.scalar("SELECT count(*) FROM members WHERE display_name <> ''")
    finally:
        db.close()
    app = make_app(qtbot, shop_copy)
    try:
        assert "no order since" in app.window.statusBar().currentMessage()
    finally:
        app.shutdown()
    db = Database.open(shop_copy)
    try:
        assert db.scalar("SELECT count(*) FROM members WHERE display_name <> ''") < held
        assert db.fetchone("SELECT what, place FROM privacy_log WHERE what = 'purge'") == ("purge", "retention")
    finally:
        db.close()
