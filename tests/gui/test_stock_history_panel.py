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


def test_a_count_just_imported_is_drawn_over_a_month_not_over_the_seconds_since(qtbot) -> None:  # noqa: ANN001
    # The seller imports a products export and looks at once: the one count is seconds old. The chart spans at
    # least the last 30 days (not those seconds, whose axis reads "48.250"), and a level of 0 sits on the floor
    # of an axis from 0 up, not in the middle of -0.4..0.4.
    from datetime import UTC, datetime, timedelta

    from shopkeeper.services.stock_ledger import StockHistoryRow
    from shopkeeper.ui.panels.stock_history import MIN_SPAN_DAYS, StockHistoryView

    view = StockHistoryView()
    qtbot.addWidget(view)
    now = datetime(2026, 12, 5, 12, tzinfo=UTC)
    view.show_history([StockHistoryRow(now - timedelta(seconds=5), "snapshot", 0, 0, "import", None, None)], until=now)
    (x0, x1), (y0, y1) = view.plot.getPlotItem().viewRange()
    assert x1 - x0 >= MIN_SPAN_DAYS * 86_400 and x1 >= now.timestamp()
    assert y0 <= 0 < y1 and y0 > -0.5 and y1 >= 1
    # A long history keeps its own span; the levels fit.
    rows = [StockHistoryRow(now - timedelta(days=200), "snapshot", 40, 40, "count", None, None),
            StockHistoryRow(now - timedelta(days=100), "sale", -3, 37, None, "shopify:s", "1001")]
    view.show_history(rows, until=now)
    (x0, x1), (y0, y1) = view.plot.getPlotItem().viewRange()
    assert x0 <= (now - timedelta(days=200)).timestamp() and x1 >= now.timestamp()
    assert y0 <= 0 and y1 >= 40
