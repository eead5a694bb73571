"""The product panel's stock history: the chart and table replay the ledger that stores on hand."""

from __future__ import annotations

import os
from pathlib import Path

from shopkeeper.services.stock_ledger import stock_history
from shopkeeper.ui.paged_model import RowIdRole
from tests.gui.conftest import run_query, wait_idle


def test_the_panel_shows_the_selected_skus_counts_and_sales_ending_at_its_on_hand(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    listings = app.window.listings
    model = listings.model
    model.data(model.index(0, 0))
    wait_idle(qtbot, app.worker)
    listings.view.selectRow(0)
    wait_idle(qtbot, app.worker)
    sku = model.data(model.index(0, 0), RowIdRole)
    panel = listings.stock_history
    qtbot.waitUntil(lambda: bool(panel.rows), timeout=20000)
    on_hand = run_query(qtbot, app.worker, lambda db: db.scalar("SELECT on_hand FROM stock_levels WHERE sku = ?", [sku]))
    expected = run_query(qtbot, app.worker, lambda db: stock_history(db, sku))
    assert panel.rows == expected
    assert panel.rows[-1].level == on_hand
    kinds = {r.kind for r in panel.rows}
    assert {"snapshot", "sale"} <= kinds
    table = panel.table
    assert table.rowCount() == len(expected)
    assert table.item(0, 3).text() == f"{on_hand:,}"           # newest first: today's level on top
    assert panel.plot is not None and panel.plot.isVisible()
    items = panel.plot.getPlotItem().listDataItems()
    assert len(items) == 1 and items[0].opts["stepMode"] == "center"
    if os.environ.get("SK_SHOT"):
        listings.detail.verticalScrollBar().setValue(listings.detail.verticalScrollBar().maximum())
        qtbot.wait(50)
        app.window.grab().save(os.environ["SK_SHOT"])
