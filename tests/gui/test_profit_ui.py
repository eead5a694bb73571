"""Profit in the window on the demo shop: the Profit chart, profit columns, the Payouts view, the fee rates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from shopkeeper.ui.tabs.charts_tab import CHARTS
from tests.gui.conftest import wait_idle


def _profit_chart(qtbot, app):  # noqa: ANN001, ANN202
    tab = app.window.charts
    app.window.show_tab("charts")
    wait_idle(qtbot, app.worker)
    tab.picker.setCurrentRow([k.key for k in CHARTS].index("profit"))
    wait_idle(qtbot, app.worker)
    return tab


def test_the_profit_chart_draws_each_month_with_its_costs_and_says_it_is_estimated(qtbot, app) -> None:  # noqa: ANN001
    tab = _profit_chart(qtbot, app)
    drawn = tab.drawn["profit"]
    assert len(drawn.rows) >= 12                      # the last 12 months of the demo's orders
    for month, takings, cogs, fees, ads, refunds, net, _margin, estimated in drawn.rows:
        assert takings - cogs - fees - ads - refunds == net, month
        assert estimated == "yes"                      # every month has orders of shops with no settlements
    assert "estimated" in tab.note.text()
    assert "estimated" in (drawn.hover(0.0, 0.0) or "")
    # Its refunds are only the part refunds of kept orders (After-sales counts full ones too): named and said so.
    assert drawn.header[5] == "Partial refunds" and "refunded in full are not in takings" in tab.note.text()


def test_listings_show_net_per_unit_and_margin_after_fees(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("listings")
    app.window.show_tab("listings")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=30000)
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert {"Net / unit", "Margin after fees", "Profit estimated"} <= set(headers)
    net = headers.index("Net / unit")
    qtbot.waitUntil(lambda: tab.model.row_values(0) is not None, timeout=30000)
    shown = [tab.model.data(tab.model.index(r, net)) for r in range(min(20, tab.model.rowCount()))]
    assert any(text and text != "—" for text in shown)   # the demo's selling SKUs have a net per unit


def test_fee_rates_save_as_one_undoable_change_and_move_the_chart(qtbot, app) -> None:  # noqa: ANN001
    tab = _profit_chart(qtbot, app)
    before = tab.drawn["profit"].rows[-1]
    dialog = tab.open_fee_rates()
    wait_idle(qtbot, app.worker)
    row = next(r for r in range(dialog.rates.rowCount())
               if dialog.rates.item(r, 0).text() == "Taobao" and dialog.rates.item(r, 1).text() == "Commission")
    assert dialog.rates.item(row, 5).text() == "default"
    dialog.rates.item(row, 2).setText("5.00")
    assert [c.rate_id for c in dialog.rate_changes()] == ["taobao:commission"]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert "fee rates" in app.window.undo_action.text()
    after = tab.drawn["profit"].rows[-1]
    assert after[3] > before[3] and after[6] < before[6]   # more fees, less net
    app.window.undo()
    wait_idle(qtbot, app.worker)
    assert tab.drawn["profit"].rows[-1] == before


def test_a_bad_fee_rate_is_refused_in_words_and_nothing_is_saved(qtbot, app) -> None:  # noqa: ANN001
    dialog = app.window.charts.open_fee_rates()
    wait_idle(qtbot, app.worker)
    dialog.rates.item(0, 2).setText("150")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert dialog.error.isVisible() and "150" in dialog.error.text()
    assert "fee rates" not in app.window.undo_action.text()
    dialog.close()


def test_the_payouts_view_lists_the_payouts_that_do_not_reconcile(qtbot, app) -> None:  # noqa: ANN001
    dialog = app.window.charts.open_payouts()
    wait_idle(qtbot, app.worker)
    found = dialog.reconciliation
    assert found is not None
    # the demo's imported Shopify payouts: one held back a reserve, one export lost a charge line
    off = [p for p in found.payouts if p.difference != 0]
    assert len(off) == 2 and len(found.payouts) > 300
    assert {p.difference > 0 for p in off} == {True, False}
    assert dialog.payouts.rowCount() == len(found.payouts)
    shown = {dialog.payouts.item(r, 6).text() for r in range(dialog.payouts.rowCount())}
    assert {f"{p.difference:.2f}" for p in off} <= shown
    assert "2 not matching" in dialog.summary.text()
    # the order of the lost line was never settled
    assert dialog.unsettled.rowCount() == len(found.unsettled) > 0
    dialog.close()


def test_a_month_with_goods_of_unknown_cost_shows_no_margin_and_says_why(qapp) -> None:  # noqa: ANN001
    from datetime import date
    from decimal import Decimal as D

    import pyqtgraph as pg

    from shopkeeper.services.chart_filters import ChartFilter
    from shopkeeper.services.profit import ProfitByMonth, ProfitMonth
    from shopkeeper.ui.tabs.profit_chart import draw_profit

    # The real Tmall 订单报表 gives no lines: nothing is costed, and 95 % would be a margin no one earned.
    months = (ProfitMonth("2025-04", D("1000.00"), D("45.00"), D("0"), D("0"), D("0"), D("955.00"), False, True),
              ProfitMonth("2025-05", D("1000.00"), D("45.00"), D("0"), D("0"), D("400.00"), D("555.00"), False))
    drawn = draw_profit(pg.PlotWidget(), ProfitByMonth("CNY", months, (), True), "CNY",
                        ChartFilter(date(2025, 4, 1), date(2025, 5, 31)), "month")
    assert [row[7] for row in drawn.rows] == [None, D("55.5")]
    assert "no known cost" in drawn.note and "no margin" in drawn.note
    assert "no known cost" in (drawn.hover(0.0, 0.0) or "") and "no known cost" not in (drawn.hover(1.0, 0.0) or "")
