"""Making the demo's celadon gift box a bundle from the Listings tab: the dialog, the column, the panel, undo."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialogButtonBox

from shopkeeper.services.inventory import inventory_rows
from shopkeeper.ui.paged_model import RowIdRole
from tests.gui.conftest import TODAY, run_query, wait_idle

GIFT, POT, CUP = "CL-SET-GIFT-CEL", "CL-GAIWAN-CEL", "CL-CUP-CEL-CEL"


def _select(qtbot, app, tab, sku: str) -> None:  # noqa: ANN001
    tab.search.setText(sku)

    def found() -> bool:
        wait_idle(qtbot, app.worker)
        return tab.model.rowCount() == 1 and tab.model.data(tab.model.index(0, 0), RowIdRole) == sku

    qtbot.waitUntil(found, timeout=10000)
    tab.view.selectRow(0)
    wait_idle(qtbot, app.worker)


def _shown(tab, key: str) -> str:  # noqa: ANN001
    return tab.model.data(tab.model.index(0, tab.model.column_of(key)))


def test_a_bundle_made_in_the_dialog_shows_in_the_table_and_panel_and_undoes(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("listings")
    _select(qtbot, app, tab, GIFT)
    assert _shown(tab, "bundle") == ""
    dialog = tab.open_bundle_dialog()
    assert dialog is not None
    wait_idle(qtbot, app.worker)
    for sku, qty in ((POT, 1), (CUP, 4), ("NO-SUCH-SKU", 1)):
        dialog.new_part.setText(sku)
        dialog.new_quantity.setValue(qty)
        dialog.add_part()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    # Refused whole, said in the dialog, which stays open with what was typed.
    assert dialog.isVisible() and "NO-SUCH-SKU" in dialog.error.text()
    dialog.table.selectRow(2)
    dialog.remove_selected()
    assert dialog.current_parts() == [(POT, 1), (CUP, 4)]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert not shiboken6.isValid(dialog)  # saved: closed and deleted
    assert f"parts of {GIFT}: 4 × {CUP} + 1 × {POT}" in app.window.undo_action.text()

    rows = {r["sku"]: r for r in run_query(qtbot, app.worker, lambda db: inventory_rows(db, TODAY))}
    expected = min(rows[POT]["on_hand"], rows[CUP]["on_hand"] // 4)
    _select(qtbot, app, tab, GIFT)
    assert _shown(tab, "bundle") == "▣ Bundle"
    assert _shown(tab, "on_hand") == f"{expected:,}"
    html = tab.detail.text()
    assert "Bundle made of" in html and f"4 × {CUP}" in html

    app.window.undo()
    wait_idle(qtbot, app.worker)
    _select(qtbot, app, tab, GIFT)
    assert _shown(tab, "bundle") == ""
