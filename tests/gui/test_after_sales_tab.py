"""The After-sales tab on the demo shop: rates as the service counts them, a SKU's refunded orders, tagging
them and taking the tags back with Undo."""

from __future__ import annotations

from shopkeeper.services.after_sales import returns_overview
from tests.gui.conftest import run_query, wait_idle


def test_rates_worst_skus_and_tags_with_undo(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.after_sales
    app.window.show_tab("after_sales")
    tab.period.setCurrentIndex(tab.period.findData(None))   # every order
    wait_idle(qtbot, app.worker)
    overview = run_query(qtbot, app.worker, returns_overview)
    total = overview.total
    assert f"{total.refunded_orders:,} of {total.paid_orders:,} paid orders refunded" in tab.heading.text()
    assert tab.worst.rowCount() == len(overview.worst_skus) > 0
    assert tab.platforms.rowCount() == len(overview.by_platform)

    worst = overview.worst_skus[0]
    tab.worst.selectRow(0)
    wait_idle(qtbot, app.worker)
    assert worst.key in tab.orders_title.text()
    assert tab.orders.rowCount() == worst.refunded_orders

    tab.orders.selectAll()
    tab.tag_selected(["quality"])
    wait_idle(qtbot, app.worker)
    assert {tab.orders.item(r, 7).text() for r in range(tab.orders.rowCount())} == {"Quality"}
    quality = {t.tag: t.orders for t in run_query(qtbot, app.worker, returns_overview).tags}["quality"]
    assert quality == worst.refunded_orders

    app.window.undo_action.trigger()
    wait_idle(qtbot, app.worker)
    assert {tab.orders.item(r, 7).text() for r in range(tab.orders.rowCount())} == {""}


def test_a_period_without_orders_says_where_the_shops_orders_are(qtbot, app) -> None:  # noqa: ANN001
    # A shop whose last order is two months old (an old export): the last 30 days hold no paid order.
    def age(db) -> None:  # noqa: ANN001
        with db.transaction():
            db.execute("DELETE FROM order_lines WHERE (shop_id, order_id) IN"
                       " (SELECT shop_id, order_id FROM orders WHERE ordered_at >= TIMESTAMPTZ '2026-09-26')")
            db.execute("DELETE FROM orders WHERE ordered_at >= TIMESTAMPTZ '2026-09-26'")

    run_query(qtbot, app.worker, age)
    tab = app.window.after_sales
    app.window.show_tab("after_sales")
    tab.period.setCurrentIndex(tab.period.findData(30))
    tab.refresh()
    wait_idle(qtbot, app.worker)
    heading = tab.heading.text()
    assert heading.startswith("No paid orders in this period: this shop's orders run from 20")
    assert "to 2026-09-" in heading and "( %)" not in heading

    assert "Show all orders</a>" in heading
    tab.heading.linkActivated.emit("all")   # the heading's link: every order, the figures again
    wait_idle(qtbot, app.worker)
    assert "paid orders refunded (" in tab.heading.text()


def test_hundreds_of_refunded_orders_fill_without_fitting_columns_cell_by_cell(qtbot, app, monkeypatch) -> None:  # noqa: ANN001
    # Columns that fit their contents measured the whole column at every cell: 500 orders × 9 columns froze
    # the window for 37 s on a 28,000-order shop. They are measured once, when the table is full.
    from PySide6.QtWidgets import QHeaderView, QTableWidget

    tab = app.window.after_sales
    app.window.show_tab("after_sales")
    modes: set[QHeaderView.ResizeMode] = set()
    set_item = QTableWidget.setItem

    def noting(table: QTableWidget, row: int, column: int, item: object) -> None:
        modes.add(table.horizontalHeader().sectionResizeMode(column))
        set_item(table, row, column, item)

    monkeypatch.setattr(QTableWidget, "setItem", noting)
    tab.period.setCurrentIndex(tab.period.findData(None))
    wait_idle(qtbot, app.worker)
    assert tab.orders.rowCount() > 100 and modes == {QHeaderView.ResizeMode.Interactive}
    header = tab.orders.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents  # and they fit again after
    assert header.sectionSize(0) >= tab.orders.fontMetrics().horizontalAdvance(tab.orders.item(0, 0).text())


def test_every_refunded_order_can_be_reached_a_page_at_a_time_or_by_search(qtbot, app) -> None:  # noqa: ANN001
    # A real shop's 5,648 refunded orders listed the newest 500, saying nothing of the rest and offering no way to
    # them: they could be neither seen nor tagged. The list says how many of how many it shows and shows more.
    from shopkeeper.services.after_sales import ORDERS_PAGE, refunded_page

    tab = app.window.after_sales
    app.window.show_tab("after_sales")
    assert tab.page_size == ORDERS_PAGE == 500
    tab.page_size = 7   # the demo has fewer than 500 refunds: pages of 7 show the same paging
    tab.period.setCurrentIndex(tab.period.findData(None))
    wait_idle(qtbot, app.worker)
    every = run_query(qtbot, app.worker, lambda db: refunded_page(db, limit=100_000))
    total = every.total
    assert total == len(every.orders) > 2 * 7
    assert tab.orders.rowCount() == 7
    assert tab.orders_shown.text() == f"Showing the newest 7 of {total:,}: search by order or SKU, or show more"
    assert not tab.more_button.isHidden() and tab.more_button.text() == "Show 7 more"

    pages = 0
    while not tab.more_button.isHidden():
        tab.more_button.click()
        wait_idle(qtbot, app.worker)
        pages += 1
        assert tab.orders.rowCount() == min(7 * (pages + 1), total)
    assert tab.orders_shown.text() == f"Orders listed: {total:,}"
    listed = [tab.orders.item(r, 2).text() for r in range(tab.orders.rowCount())]
    assert listed == [o.order_number or o.order_id for o in every.orders]

    # The oldest, on the last page, is tagged; the list comes back as long as the seller had opened it.
    oldest = every.orders[-1]
    tab.orders.selectRow(total - 1)
    assert tab.selected_orders() == [(oldest.shop_id, oldest.order_id)]
    tab.tag_selected(["size"])
    wait_idle(qtbot, app.worker)
    assert tab.orders.rowCount() == total and tab.orders.item(total - 1, 7).text() == "Size"

    # Or found among all of them by its order id, however far down.
    tab.order_search.setText(oldest.order_id)
    qtbot.waitUntil(lambda: tab.orders.rowCount() == 1, timeout=5000)
    wait_idle(qtbot, app.worker)
    assert tab.orders.item(0, 2).text() == (oldest.order_number or oldest.order_id)
    assert tab.orders_shown.text() == "Orders listed: 1" and tab.more_button.isHidden()
    tab.order_search.setText("no order is called this")
    qtbot.waitUntil(lambda: tab.orders.rowCount() == 0, timeout=5000)
    assert tab.orders_shown.text() == "No refunded order matches “no order is called this”"
