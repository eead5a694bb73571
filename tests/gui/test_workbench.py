"""The workbench: tabs reload only what changed, remember their layout by column name, show the
selected row in a detail panel, and edit in place as undoable change sets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt

from shopkeeper.domain.changes import Area, Changes
from shopkeeper.services.reorder_list import reorder_list
from shopkeeper.ui.formatting import money
from shopkeeper.ui.paged_model import RowIdRole
from shopkeeper.ui.purchase_list_document import purchase_list_html
from tests.gui.conftest import TODAY, make_app, run_query, wait_idle
from tests.unit.importers.export_files import SHOPIFY_ORDERS, write_export


def _spy_refreshes(window, monkeypatch) -> dict[str, int]:  # noqa: ANN001
    counts = dict.fromkeys(("listings", "members", "promotions", "charts"), 0)
    for name in counts:
        tab = window.tab_by_name(name)
        original = tab.refresh

        def counted(name: str = name, original=original) -> None:  # noqa: ANN001
            counts[name] += 1
            original()

        monkeypatch.setattr(tab, "refresh", counted)
    return counts


def _load_rows(qtbot, app, model, rows: int = 1) -> None:  # noqa: ANN001
    for row in range(rows):
        model.data(model.index(row, 0))
    wait_idle(qtbot, app.worker)


def _select(view, rows: list[int]) -> None:  # noqa: ANN001
    model, selection = view.model(), view.selectionModel()
    selection.clearSelection()
    for i, row in enumerate(rows):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if i == 0:
            selection.setCurrentIndex(model.index(row, 0), flags | QItemSelectionModel.SelectionFlag.Current)
        else:
            selection.select(model.index(row, 0), flags)


def test_a_stock_change_reloads_only_the_tabs_that_show_stock(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    counts = _spy_refreshes(app.window, monkeypatch)
    app.worker.changed.emit(Changes.of(Area.STOCK))
    assert counts == {"listings": 1, "members": 0, "promotions": 1, "charts": 0}
    app.worker.changed.emit(Changes())  # a command that changed nothing reloads nothing
    assert counts == {"listings": 1, "members": 0, "promotions": 1, "charts": 0}


def test_an_import_of_orders_reloads_charts_members_and_listings(qtbot, app, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    counts = _spy_refreshes(app.window, monkeypatch)
    export = write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, [
        {"Name": "#9001", "Email": "new.buyer@example.com", "Financial Status": "paid", "Currency": "USD",
         "Subtotal": "25.00", "Total": "25.00", "Created at": "2026-11-20 10:00:00 +0000", "Lineitem quantity": "1",
         "Lineitem name": "Moon Mug", "Lineitem price": "25.00", "Lineitem sku": "CL-MUG-RUS-OAT",
         "Billing Name": "New Buyer", "Id": "990001"},
    ])
    results: list = []
    app.imports.run([export], on_finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=60000)
    assert results[0][0].ok, results[0][0].message
    wait_idle(qtbot, app.worker)
    assert counts["charts"] == 1 and counts["members"] == 1 and counts["listings"] == 1
    # the same file again changes nothing, so nothing reloads
    app.imports.run([export], on_finished=results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=60000)
    wait_idle(qtbot, app.worker)
    assert results[1][0].already_imported
    assert counts["charts"] == 1 and counts["members"] == 1 and counts["listings"] == 1


def test_a_released_tab_no_longer_hears_changes(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    counts = _spy_refreshes(app.window, monkeypatch)
    tab = app.window.members
    assert tab.tracked_connections() == 1
    tab.release()
    assert tab.tracked_connections() == 0
    app.worker.changed.emit(Changes.of(Area.MEMBERS))
    assert counts["members"] == 0


def test_columns_sort_and_splitter_come_back_by_column_name(qtbot, shop_copy: Path) -> None:  # noqa: ANN001
    first = make_app(qtbot, shop_copy)
    tab = first.window.listings
    view, header = tab.view, tab.view.horizontalHeader()
    cost = tab.model.column_of("cost")
    view.setColumnWidth(cost, 157)
    view.setColumnHidden(tab.model.column_of("platforms"), True)
    header.moveSection(header.visualIndex(cost), 1)  # cost right after the SKU
    view.sortByColumn(tab.model.column_of("margin_pct"), Qt.SortOrder.DescendingOrder)
    tab.splitter.setSizes([500, 500])
    sizes = tab.splitter.sizes()
    wait_idle(qtbot, first.worker)
    first.window.close()
    first.shutdown()

    second = make_app(qtbot, shop_copy)
    try:
        tab = second.window.listings
        view, header = tab.view, tab.view.horizontalHeader()
        cost = tab.model.column_of("cost")
        assert view.columnWidth(cost) == 157
        assert view.isColumnHidden(tab.model.column_of("platforms"))
        assert header.visualIndex(cost) == 1
        assert header.sortIndicatorSection() == tab.model.column_of("margin_pct")
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        # the splitter keeps its split; Qt scales it to the window, whose size the offscreen screen may clamp
        restored = tab.splitter.sizes()
        assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.01
        _load_rows(qtbot, second, tab.model, 3)
        margins = [tab.model.data(tab.model.index(r, tab.model.column_of("margin_pct")), Qt.ItemDataRole.UserRole + 1)
                   for r in range(3)]
        assert margins == sorted(margins, reverse=True)  # the SQL order followed the remembered sort
    finally:
        second.shutdown()


def test_headers_and_row_ids_come_from_the_services_columns(qtbot, app) -> None:  # noqa: ANN001
    model = app.window.listings.model
    assert model.headerData(model.column_of("cost"), Qt.Orientation.Horizontal) == "Cost"
    assert model.headerData(model.column_of("reorder_point"), Qt.Orientation.Horizontal) == "Reorder at"
    _load_rows(qtbot, app, model)
    sku = model.data(model.index(0, model.column_of("sku")))
    assert model.data(model.index(0, model.column_of("margin_pct")), RowIdRole) == sku
    editable = {model.column_key(c) for c in range(model.columnCount())
                if model.flags(model.index(0, c)) & Qt.ItemFlag.ItemIsEditable}
    assert editable == {"price", "cost", "on_hand", "reorder_point", "lead_time_days", "safety_stock", "pack_size",
                        "min_order", "target_cover_days"}


def test_the_detail_panel_shows_the_selected_sku_and_member(qtbot, app) -> None:  # noqa: ANN001
    listings = app.window.listings
    _load_rows(qtbot, app, listings.model)
    sku = listings.model.data(listings.model.index(0, 0), RowIdRole)
    _select(listings.view, [0])
    wait_idle(qtbot, app.worker)
    text = listings.detail.text()
    assert sku in text and "Listed on" in text and "Reorder at" in text and "Taobao" in text

    app.window.show_tab("members")
    members = app.window.members
    _load_rows(qtbot, app, members.model)
    member_id = members.model.data(members.model.index(0, 0), RowIdRole)
    _select(members.view, [0])
    wait_idle(qtbot, app.worker)
    text = members.detail.text()
    assert member_id in text and "Accounts on platforms" in text and "Points" in text


def _cost(qtbot, app, sku: str) -> Decimal:  # noqa: ANN001
    return run_query(qtbot, app.worker, lambda db: db.scalar("SELECT cost FROM variants WHERE sku = ?", [sku]))


def _reorder_points(qtbot, app, skus: list[str]) -> list:  # noqa: ANN001
    return [run_query(qtbot, app.worker, lambda db, s=s: db.scalar(
        "SELECT reorder_point FROM stock_levels WHERE sku = ?", [s])) for s in skus]


def test_editing_a_cost_in_the_table_is_undone_by_ctrl_z(qtbot, app) -> None:  # noqa: ANN001
    window, tab = app.window, app.window.listings
    model = tab.model
    _load_rows(qtbot, app, model)
    sku = model.data(model.index(0, 0), RowIdRole)
    before = _cost(qtbot, app, sku)
    cost = model.index(0, model.column_of("cost"))
    assert model.setData(cost, "40.00", Qt.ItemDataRole.EditRole)
    wait_idle(qtbot, app.worker)
    assert _cost(qtbot, app, sku) == Decimal("40.00")
    assert model.data(model.index(0, model.column_of("cost"))) == "40.00"  # the refreshed row
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == f"&Undo: cost of {sku} {before} → 40.00"

    assert window.undo_action.shortcut().matches(Qt.Key.Key_Z | Qt.KeyboardModifier.ControlModifier).name == "ExactMatch"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, app.worker)
    assert _cost(qtbot, app, sku) == before
    assert window.redo_action.isEnabled() and "40.00" in window.redo_action.text()


def test_a_bad_value_shows_the_cores_message_and_changes_nothing(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    _load_rows(qtbot, app, tab.model)
    sku = tab.model.data(tab.model.index(0, 0), RowIdRole)
    before = _cost(qtbot, app, sku)
    tab.model.setData(tab.model.index(0, tab.model.column_of("cost")), "-5", Qt.ItemDataRole.EditRole)
    wait_idle(qtbot, app.worker)
    assert tab.notice.isVisibleTo(tab) and "Not changed" in tab.notice.text()
    assert _cost(qtbot, app, sku) == before
    tab.model.setData(tab.model.index(0, tab.model.column_of("cost")), "twelve", Qt.ItemDataRole.EditRole)
    wait_idle(qtbot, app.worker)
    assert "not a number" in tab.notice.text()
    wait_idle(qtbot, app.worker)
    assert _cost(qtbot, app, sku) == before


def test_setting_the_reorder_point_of_several_rows_is_one_undo_step(qtbot, app) -> None:  # noqa: ANN001
    window, tab = app.window, app.window.listings
    _load_rows(qtbot, app, tab.model, 3)
    skus = [tab.model.data(tab.model.index(r, 0), RowIdRole) for r in range(3)]
    before = _reorder_points(qtbot, app, skus)
    _select(tab.view, [0, 1, 2])
    assert tab.selected_rows() == [0, 1, 2]
    assert tab.set_selected("reorder_point", "12")
    wait_idle(qtbot, app.worker)
    assert _reorder_points(qtbot, app, skus) == [12, 12, 12]
    window.undo()
    wait_idle(qtbot, app.worker)
    assert _reorder_points(qtbot, app, skus) == before  # all three back in one step


def test_the_reorder_view_shows_what_to_buy_and_exports_it(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    tab = app.window.listings
    tab.refresh()
    wait_idle(qtbot, app.worker)
    tab.reorder_only.setChecked(True)
    wait_idle(qtbot, app.worker)
    rows = tab.model.rowCount()
    assert rows > 0
    assert tab.reorder_total.text().startswith(f"{rows} SKU")
    assert "CNY" in tab.reorder_total.text()
    for r in range(rows):
        assert int(tab.model.row_values(r)[tab.model.column_of("suggested_qty")]) > 0
    target = tmp_path / "reorder.csv"
    tab.export_reorder(str(target))
    wait_idle(qtbot, app.worker)
    assert len(target.read_text(encoding="utf-8-sig").splitlines()) == rows + 1
    assert str(target) in tab.notice.text()
    # The same list as a page for the supplier: every SKU to buy on it, the total per currency, a real PDF.
    pdf = tmp_path / "purchase.pdf"
    tab.export_reorder(str(pdf))
    wait_idle(qtbot, app.worker)
    qtbot.waitUntil(lambda: pdf.exists())
    assert pdf.read_bytes().startswith(b"%PDF") and not (tmp_path / "purchase.pdf.partial").exists()
    assert str(pdf) in tab.notice.text()
    plan = run_query(qtbot, app.worker, lambda db: reorder_list(db, TODAY))
    assert len(plan.lines) == rows
    page = purchase_list_html(plan)
    assert all(line.sku in page for line in plan.lines)
    assert all(f"{money(amount)} {currency}" in page for currency, amount in plan.totals.items())
    tab.reorder_only.setChecked(False)
    wait_idle(qtbot, app.worker)


def test_a_stock_count_that_re_sorts_the_table_keeps_the_highlight_on_its_sku(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    model = tab.model
    _load_rows(qtbot, app, model)
    # The table opens most urgent first: counting plenty of the top SKU sends it down the order.
    sku = model.data(model.index(0, 0), RowIdRole)
    _select(tab.view, [0])
    wait_idle(qtbot, app.worker)
    assert model.setData(model.index(0, model.column_of("on_hand")), "5000", Qt.ItemDataRole.EditRole)
    wait_idle(qtbot, app.worker)
    assert model.data(model.index(0, 0), RowIdRole) != sku   # another SKU took its place
    current = tab.view.currentIndex().row()
    assert current > 0 and model.data(model.index(current, 0), RowIdRole) == sku
    assert sku in tab.detail.text()


def test_a_refused_edit_says_so_below_the_table_without_moving_its_rows(qtbot, app) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPoint

    tab = app.window.listings
    app.window.show_tab("listings")
    wait_idle(qtbot, app.worker)
    app.window.show()
    qtbot.wait(50)
    before = tab.view.mapTo(tab, QPoint(0, 0)).y()
    tab.show_notice('Not changed: "abc" is not a number')
    qtbot.wait(50)
    assert tab.notice.isVisible() and tab.notice.mapTo(tab, QPoint(0, 0)).y() > before
    assert tab.view.mapTo(tab, QPoint(0, 0)).y() == before  # the next double-click lands where the seller aims
