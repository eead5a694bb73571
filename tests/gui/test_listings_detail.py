"""The Listings product panel and its notices on the demo shop: a bundle's stock, prices per currency,
a refusal that goes once the seller's next command goes through, and an Etsy item without a SKU."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt

from shopkeeper.domain.sku_lines import stand_in_sku
from shopkeeper.services.imports import import_paths
from shopkeeper.ui.paged_model import RowIdRole
from tests.gui.conftest import run_query, wait_idle
from tests.gui.test_workbench import _select

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "importers"))
from export_files import ETSY_ITEMS, SHOPIFY_ORDERS, write_export  # noqa: E402


def _show(qtbot, app, sku: str) -> int:  # noqa: ANN001
    """Search the table down to `sku`, select it and wait for its panel; its row."""
    tab = app.window.listings
    tab.model.set_search(sku)
    wait_idle(qtbot, app.worker)
    rows = [r for r in range(tab.model.rowCount()) if tab.model.data(tab.model.index(r, 0), RowIdRole) == sku]
    assert rows, sku
    _select(tab.view, rows[:1])
    wait_idle(qtbot, app.worker)
    return rows[0]


def test_a_bundles_stock_count_is_refused_and_its_panel_says_its_parts_make_its_stock(qtbot, app) -> None:  # noqa: ANN001
    window, tab = app.window, app.window.listings
    sku = "CL-SET-GIFT-OAT"
    row = _show(qtbot, app, sku)
    on_hand = tab.model.index(row, tab.model.column_of("on_hand"))
    shown, undo_text = tab.model.data(on_hand), window.undo_action.text()
    assert "what its parts allow" in tab.detail.text()
    assert not tab.stock_history.isVisibleTo(tab)  # its own old counts are not its stock
    # The cell does not open an editor for a count that would only be refused, and says why on hover.
    assert not tab.model.flags(on_hand) & Qt.ItemFlag.ItemIsEditable
    assert "parts" in tab.model.data(on_hand, Qt.ItemDataRole.ToolTipRole)
    plain = _show(qtbot, app, "CL-VASE-BUD-INK")
    plain_on_hand = tab.model.index(plain, tab.model.column_of("on_hand"))
    assert tab.model.flags(plain_on_hand) & Qt.ItemFlag.ItemIsEditable
    assert tab.model.data(plain_on_hand, Qt.ItemDataRole.ToolTipRole) is None
    row = _show(qtbot, app, sku)
    on_hand = tab.model.index(row, tab.model.column_of("on_hand"))

    # Still refused when it comes another way (a paste over many rows, a script): the core decides.

    assert tab.model.setData(on_hand, "50", Qt.ItemDataRole.EditRole)
    wait_idle(qtbot, app.worker)
    assert tab.notice.isVisibleTo(tab) and "is a bundle" in tab.notice.text()
    assert window.undo_action.text() == undo_text
    assert tab.model.data(tab.model.index(row, tab.model.column_of("on_hand"))) == shown
    assert run_query(qtbot, app.worker, lambda db: db.scalar(
        "SELECT count(*) FROM stock_snapshots WHERE sku = ? AND on_hand = 50", [sku])) == 0


def test_the_price_across_platforms_is_one_range_per_currency(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    _show(qtbot, app, "CL-VASE-BUD-INK")
    ranges = run_query(qtbot, app.worker, lambda db: db.fetchall(
        "SELECT currency, min(low), max(high) FROM sk_price_range() WHERE sku = 'CL-VASE-BUD-INK' GROUP BY 1"))
    assert {c for c, _, _ in ranges} == {"CNY", "USD"}
    text = tab.detail.text()
    for currency, low, high in ranges:
        assert (f"{low:.2f} – {high:.2f} {currency}" if low != high else f"{low:.2f} {currency}") in text


def test_a_refusal_goes_once_a_later_edit_goes_through_even_one_that_changes_nothing(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    row = _show(qtbot, app, "CL-VASE-BUD-INK")
    cost = tab.model.index(row, tab.model.column_of("cost"))
    before = tab.model.data(cost)
    tab.model.setData(cost, "-5", Qt.ItemDataRole.EditRole)
    wait_idle(qtbot, app.worker)
    assert tab.notice.isVisibleTo(tab)
    tab.model.setData(cost, before, Qt.ItemDataRole.EditRole)  # the value it has: nothing changes
    wait_idle(qtbot, app.worker)
    assert not tab.notice.isVisibleTo(tab)


def _stand_in_panel(qtbot, app, export: Path, platform: str, title: str) -> str:  # noqa: ANN001
    """Import `export` in the window's shop and show the Listings panel of `title`'s stand-in."""
    def load(db):  # noqa: ANN001, ANN202
        with tempfile.TemporaryDirectory() as scratch:
            return import_paths(db, [export], workdir=Path(scratch))

    run_query(qtbot, app.worker, load)
    app.window.listings.refresh()
    wait_idle(qtbot, app.worker)
    sku = stand_in_sku(platform, title)
    assert sku is not None
    _show(qtbot, app, sku)
    return app.window.listings.detail.text()


def test_an_etsy_item_without_a_sku_is_listed_under_its_titles_stand_in(qtbot, app, tmp_path) -> None:  # noqa: ANN001
    # Most small Etsy shops never set a SKU: their sales still reach Listings, and the panel says whose key it is.
    items = write_export(tmp_path / "EtsySoldOrderItems2026.csv", ETSY_ITEMS, [
        {"Sale Date": "11/26/26", "Item Name": "Moon phase sticker sheet", "Buyer": "Ann B (annb)", "Quantity": "3",
         "Price": "4.00", "Item Total": "12.00", "Currency": "USD", "Transaction ID": "91", "Listing ID": "77",
         "Order ID": "9001"}])
    text = _stand_in_panel(qtbot, app, items, "etsy", "Moon phase sticker sheet")
    assert "Moon phase sticker sheet" in text and "Etsy gives this item no SKU" in text
    # a SKU someone wrote says nothing of the kind
    _show(qtbot, app, "CL-VASE-BUD-INK")
    assert "gives this item no SKU" not in app.window.listings.detail.text()


def test_a_shopify_line_without_a_sku_or_a_product_is_listed_under_its_titles_stand_in(qtbot, app,  # noqa: ANN001
                                                                                        tmp_path) -> None:
    orders = write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, [
        {"Name": "#7001", "Email": "ann@example.com", "Financial Status": "paid", "Currency": "USD",
         "Total": "30.00", "Created at": "2026-11-26 09:55:16 -0400", "Id": "7001", "Lineitem quantity": "3",
         "Lineitem name": "Ski Wax - Cold", "Lineitem price": "10.00", "Lineitem sku": ""}])
    text = _stand_in_panel(qtbot, app, orders, "shopify", "Ski Wax - Cold")
    assert "Ski Wax - Cold" in text and "until a products export shows which product it is" in text
