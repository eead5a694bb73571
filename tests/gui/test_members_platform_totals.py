"""The member panel says what a platform's customers export states of a member whose orders are not imported
(or only in part), instead of "No orders yet"; the segment overview counts such members."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from shopkeeper.runtime.clock import FixedClock
from shopkeeper.services.imports import import_paths
from shopkeeper.ui.tabs.members_tab import MembersTab
from shopkeeper.ui.ui_state import UiState
from tests.gui.conftest import run_query, wait_idle

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "importers"))
from customer_exports import current_customers, legacy_customers, orders  # noqa: E402


def _import(qtbot, worker, path: Path) -> None:  # noqa: ANN001
    def load(db):  # noqa: ANN001, ANN202
        with tempfile.TemporaryDirectory() as scratch:
            return import_paths(db, [path], workdir=Path(scratch))

    run_query(qtbot, worker, load)


def _show(qtbot, worker, tab: MembersTab, name: str) -> str:  # noqa: ANN001
    """Select the member of that name and return the detail panel's text."""
    tab.refresh()
    wait_idle(qtbot, worker)
    model = tab.model
    column = model.column_of("name")
    [row] = [r for r in range(model.rowCount()) if model.row_values(r)[column] == name]  # type: ignore[index]
    tab.view.clearSelection()
    tab.view.selectRow(row)
    wait_idle(qtbot, worker)
    return tab.detail.text().replace("&#x27;", "'")


def _status_cell(tab: MembersTab, name: str, column: str = "status") -> str:
    model = tab.model
    [row] = [r for r in range(model.rowCount()) if model.row_values(r)[model.column_of("name")] == name]  # type: ignore[index]
    return str(model.index(row, model.column_of(column)).data())


def test_the_panel_says_which_orders_the_platform_knows_and_the_shop_does_not(qtbot, worker,  # noqa: ANN001
                                                                             tmp_path: Path) -> None:
    _import(qtbot, worker, current_customers(tmp_path / "customers_export.csv"))
    tab = MembersTab(worker=worker, clock=FixedClock(datetime(2026, 11, 26, 12, tzinfo=UTC)),
                     ui_state=UiState(tmp_path / "ui.ini"), chinese=False)
    qtbot.addWidget(tab)

    # Only the customers export: Shopify says Ana ordered 3 times; no order of the shop names a currency yet.
    text = _show(qtbot, worker, tab, "Ana Lira")
    assert ("Shopify's customer export says 3 orders, 265,000.00 spent; none of them is imported yet: import the "
            "orders export to see them here.") in text
    assert "Orders not imported yet" in text and "No orders yet" not in text
    # the table's Status cell says the same as the panel
    assert _status_cell(tab, "Ana Lira") == "Orders not imported yet"
    assert _status_cell(tab, "Sin Pedidos") == "No orders yet"
    # RFM scores the orders the shop holds: its segment cell claims no more than that, for Ana as for Sin
    assert {_status_cell(tab, name, "segment") for name in ("Ana Lira", "Sin Pedidos")} == {"No orders in the shop"}
    # the English plural comes with the translations ("1 member has"): "member(s) have" until then
    assert "1 member" in tab.segments.summary.text()
    assert "orders on their platform that are not imported yet" in tab.segments.summary.text()
    # Sin's export says no orders: nothing is missing, and "No orders yet" is true.
    text = _show(qtbot, worker, tab, "Sin Pedidos")
    assert "Not imported yet" not in text and "No orders yet" in text

    # A later export says 4 and names Leo's one order; then two of Ana's orders are imported (in CLP).
    _import(qtbot, worker, legacy_customers(tmp_path / "customers_old.csv"))
    _import(qtbot, worker, orders(tmp_path / "orders_export.csv"))
    text = _show(qtbot, worker, tab, "Ana Lira")
    assert ("Shopify's customer export says 4 orders, 301,000.00 CLP spent; the shop holds 2 of them: import the "
            "latest orders export to see the rest.") in text
    assert "Orders not imported yet" not in text and _status_cell(tab, "Ana Lira") != "Orders not imported yet"
    text = _show(qtbot, worker, tab, "Leo Viejo")
    assert ("Shopify's customer export says 1 order, 86,000.00 CLP spent; it is not imported yet: import the orders "
            "export to see it here.") in text
    assert "2 member" in tab.segments.summary.text()
    assert "orders on their platform that are not imported yet" in tab.segments.summary.text()
