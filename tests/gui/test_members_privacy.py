"""The Members tab shows contact details masked until the seller reveals them, and the reveal is logged."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from shopkeeper.runtime.clock import FixedClock
from shopkeeper.services.imports import import_paths
from shopkeeper.ui.tabs.members_tab import MembersTab
from shopkeeper.ui.ui_state import UiState
from tests.gui.conftest import run_query, wait_idle
from tests.unit.importers.export_files import SHOPIFY_ORDERS, write_export

TODAY = date(2026, 11, 26)


def _rows(tab: MembersTab) -> list[tuple[object, ...]]:
    model = tab.model
    email, phone = model.column_of("email"), model.column_of("phone")
    return sorted((model.row_values(r)[email], model.row_values(r)[phone])  # type: ignore[index]
                  for r in range(model.rowCount()))


def test_contacts_are_masked_until_revealed_and_the_reveal_is_logged(qtbot, worker, tmp_path: Path,  # noqa: ANN001
                                                                     monkeypatch) -> None:  # noqa: ANN001
    rows = [{"Name": "#1", "Id": "9001", "Email": "ann.lee@example.com", "Financial Status": "paid",
             "Currency": "CAD", "Subtotal": "20.00", "Total": "20.00", "Created at": "2025-01-10 12:00:00 -0500",
             "Billing Name": "Ann Lee", "Phone": "+1 416 555 0199", "Lineitem quantity": "1",
             "Lineitem name": "Mug", "Lineitem price": "20.00", "Lineitem sku": "MUG"}]
    path = write_export(tmp_path / "orders.csv", SHOPIFY_ORDERS, rows)

    def load(db):  # noqa: ANN001, ANN202
        with tempfile.TemporaryDirectory() as scratch:
            return import_paths(db, [path], workdir=Path(scratch))

    run_query(qtbot, worker, load)
    tab = MembersTab(worker=worker, clock=FixedClock(datetime(2026, 11, 26, 12, tzinfo=UTC)),
                     ui_state=UiState(tmp_path / "ui.ini"), chinese=False)
    qtbot.addWidget(tab)
    tab.refresh()
    wait_idle(qtbot, worker)
    assert _rows(tab) == [("a***@example.com", "141****0199")]
    assert tab.detail is not None

    # Saying no keeps them masked and logs nothing.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab.identity.reveal.setChecked(True)
    wait_idle(qtbot, worker)
    assert not tab.identity.revealed
    assert run_query(qtbot, worker, lambda db: db.scalar("SELECT count(*) FROM privacy_log")) == 0

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.identity.reveal.setChecked(True)
    wait_idle(qtbot, worker)
    assert _rows(tab) == [("ann.lee@example.com", "+1 416 555 0199")]
    assert run_query(qtbot, worker, lambda db: db.fetchall("SELECT what, place FROM privacy_log")) == [
        ("contacts", "members_tab")]

    tab.identity.reveal.setChecked(False)
    wait_idle(qtbot, worker)
    assert _rows(tab) == [("a***@example.com", "141****0199")]


def _import(qtbot, worker, path: Path) -> None:  # noqa: ANN001
    def load(db):  # noqa: ANN001, ANN202
        with tempfile.TemporaryDirectory() as scratch:
            return import_paths(db, [path], workdir=Path(scratch), shop_name=path.stem)

    run_query(qtbot, worker, load)


def _order(number: int, email: str, name: str, city: str) -> dict[str, str]:
    return {"Name": f"#{number}", "Id": f"90{number}", "Email": email, "Financial Status": "paid", "Currency": "CAD",
            "Subtotal": "20.00", "Total": "20.00", "Created at": f"2025-01-1{number} 12:00:00 -0500",
            "Billing Name": name, "Billing City": city, "Lineitem quantity": "1", "Lineitem name": "Mug",
            "Lineitem price": "20.00", "Lineitem sku": "MUG"}


def test_a_possible_duplicate_is_merged_from_the_dialog_and_split_again(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    from shopkeeper.services.membership import member_detail
    from shopkeeper.ui.dialogs.member_duplicates_dialog import MemberDuplicatesDialog
    from shopkeeper.ui.dialogs.member_split_dialog import MemberSplitDialog

    _import(qtbot, worker, write_export(tmp_path / "east.csv", SHOPIFY_ORDERS,
                                        [_order(1, "ann@a.com", "Ann Lee", "Toronto")]))
    _import(qtbot, worker, write_export(tmp_path / "west.csv", SHOPIFY_ORDERS,
                                        [_order(2, "lee.ann@b.org", "Ann Lee", "Toronto")]))
    errors: list[BaseException] = []
    dialog = MemberDuplicatesDialog(None, worker=worker, show_error=errors.append)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 4).text() == "same name and city"
    assert not dialog.merge_button.isEnabled()
    dialog.table.selectRow(0)
    dialog.merge_button.click()
    wait_idle(qtbot, worker)
    assert errors == []
    assert dialog.table.rowCount() == 0 and not dialog.empty.isHidden()
    assert "merge of 2 members" in dialog.status.text()
    member_id = run_query(qtbot, worker, lambda db: db.scalar("SELECT min(member_id) FROM members"))
    assert run_query(qtbot, worker, lambda db: db.scalar("SELECT count(*) FROM members")) == 1

    detail = run_query(qtbot, worker, lambda db: member_detail(db, member_id, TODAY, chinese=False))
    assert sorted(i.account for i in detail.identities) == ["a***@a.com", "l***@b.org"]
    split = MemberSplitDialog(None, detail)
    qtbot.addWidget(split)
    ok = split.buttons.button(split.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    split.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled() and split.accounts() == [(detail.identities[1].shop_id, detail.identities[1].buyer_id)]
    split.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert not ok.isEnabled()  # not every account: someone must stay
