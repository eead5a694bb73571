"""The Charts tab on the demo shop: every chart draws from its aggregate, a click opens the orders behind it,
and a chart leaves as PNG, CSV or pasted text."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from shopkeeper.runtime.clock import FixedClock
from shopkeeper.ui.tabs.charts_tab import ALL_TIME, CHARTS
from tests.gui.conftest import run_query, wait_idle


def _show(qtbot, app, key: str):  # noqa: ANN001, ANN202
    tab = app.window.charts
    app.window.show_tab("charts")
    wait_idle(qtbot, app.worker)
    keys = [k.key for k in CHARTS]
    tab.picker.setCurrentRow(keys.index(key))
    wait_idle(qtbot, app.worker)
    return tab


def test_every_chart_draws_and_lists_its_numbers(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "trend")
    cards = tab.summary_row.cards
    assert "CNY" in cards[2].labels[0][1].text()             # 30 days' revenue, in the base currency
    assert "converted to CNY" in tab.summary_row.money_note.text()
    for kind in CHARTS:
        tab = _show(qtbot, app, kind.key)
        drawn = tab.drawn[kind.key]
        assert drawn.rows, kind.key
        assert tab.table.rowCount() == len(drawn.rows)
        assert tab.plots[kind.key].getPlotItem().items, kind.key


def test_a_newer_filter_wins_and_platform_filter_narrows_the_trend(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "platforms")
    everything = {r[0] for r in tab.drawn["platforms"].rows}
    assert everything >= {"taobao", "douyin", "shopify", "etsy"}
    tab.platform_box.setCurrentIndex(tab.platform_box.findData("etsy"))
    tab.range_box.setCurrentIndex(0)   # two requests in a row: only the newest is drawn
    wait_idle(qtbot, app.worker)
    assert {r[0] for r in tab.drawn["platforms"].rows} == {"etsy"}
    assert len({r[1] for r in tab.drawn["platforms"].rows}) <= 2   # 7 days by week


def test_clicking_a_point_lists_the_orders_behind_it(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "trend")
    drawn = tab.drawn["trend"]
    busiest = max(range(len(drawn.rows)), key=lambda i: drawn.rows[i][2])
    dialog = tab.open_point("trend", (float(busiest), 0.0))
    assert dialog is not None
    wait_idle(qtbot, app.worker)
    assert dialog.model.rowCount() == drawn.rows[busiest][2]   # the bucket's order count
    dialog.close()
    assert tab.open_point("trend", (len(drawn.rows) + 5.0, 0.0)) is None


def test_clicking_a_cohort_cell_lists_its_buyers_orders(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "cohorts")
    rows = tab.drawn["cohorts"].rows   # (month, people, back 1 month later, 2 months later, ...)
    i, k = next((i, k) for i, r in enumerate(rows) for k in range(1, len(r) - 1) if r[k + 1])
    dialog = tab.open_point("cohorts", (k - 0.5, i + 0.5))
    assert dialog is not None and dialog.objectName() == "ordersBehindDialog"
    wait_idle(qtbot, app.worker)
    # At least one order per person counted in the cell, each by a buyer of that cohort, in that month.
    assert dialog.model.rowCount() >= rows[i][k + 1]
    days = {dialog.model.row_values(r)[2] for r in range(min(dialog.model.rowCount(), 50))}
    assert {(d.year, d.month) for d in days if d is not None} == {(dialog_month := _month_after(rows[i][0], k))}
    assert dialog_month
    dialog.close()


def _month_after(month: str, k: int) -> tuple[int, int]:
    year, m = map(int, month.split("-"))
    m += k - 1
    return year + m // 12, m % 12 + 1


def test_clicking_a_segment_bar_lists_its_members(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "segments")
    sizes = tab.drawn["segments"].rows   # (segment, members, spend), drawn top to bottom
    i = max(range(len(sizes)), key=lambda n: sizes[n][1])
    dialog = tab.open_point("segments", (0.0, float(len(sizes) - 1 - i)))
    assert dialog is not None and dialog.objectName() == "membersBehindDialog"
    wait_idle(qtbot, app.worker)
    assert dialog.model.rowCount() == sizes[i][1]
    segment = dialog.model.row_values(0)[dialog.model.column_of("segment")]
    assert segment == sizes[i][0]
    # The spend is named in the shop's base currency, as on the Members tab.
    header = dialog.model.headerData(dialog.model.column_of("spend"), Qt.Orientation.Horizontal)
    assert re.fullmatch(r"Spend \([A-Z]{3}\)", header), header
    dialog.close()


def test_a_chart_saves_as_png_and_csv_and_copies_as_tab_separated_text(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "regions")
    tab.save_png(tmp_path / "regions.png")
    image = QImage(str(tmp_path / "regions.png"))
    assert image.width() >= 1200 and not list(tmp_path.glob("*.partial*"))
    tab.save_csv(tmp_path / "regions.csv")
    lines = (tmp_path / "regions.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Country,Province or state,City,Orders,Revenue" and len(lines) == len(tab.drawn["regions"].rows) + 1
    tab.table.selectRow(0)
    text = tab.copy_selection()
    assert text == QApplication.clipboard().text()
    header, first = text.splitlines()
    assert header.split("\t") == ["Country", "Province or state", "City", "Orders", "Revenue"]
    assert first.split("\t")[:3] == ["" if v is None else str(v) for v in tab.drawn["regions"].rows[0][:3]]


def test_a_period_without_orders_says_where_they_are_and_all_time_shows_them(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "trend")
    sold, first, last = run_query(qtbot, app.worker, lambda db: db.fetchone(
        "SELECT count(*) FILTER (WHERE sk_is_sold(status)), min(sk_order_day(ordered_at, ordered_tz)),"
        " max(sk_order_day(ordered_at, ordered_tz)) FROM orders"))
    # Four years on, the last 12 months hold none of the shop's orders: the tab says where they are.
    tab._clock = FixedClock(datetime(2030, 11, 26, 12, tzinfo=UTC))
    tab.refresh()
    wait_idle(qtbot, app.worker)
    assert sum(r[2] for r in tab.drawn["trend"].rows) == 0
    assert f"run from {first.isoformat()} to {last.isoformat()}" in tab.note.text()
    assert tab.plots["trend"].getAxis("left").labelString().find("x0.001") < 0
    assert "Show all time</a>" in tab.note.text()
    tab.note.linkActivated.emit("all_time")   # the note's link, one click to where the orders are
    wait_idle(qtbot, app.worker)
    assert tab.range_box.currentData() == ALL_TIME
    assert sum(r[2] for r in tab.drawn["trend"].rows) == sold   # every sold order, from the first one on
    assert tab.drawn["trend"].rows[0][0] <= first.isoformat()
    assert "run from" not in tab.note.text()
    # All time has no period before it and a year earlier is the same orders: no ▲▼ to read as news.
    chosen = tab.summary_row.cards[3]
    assert chosen.labels[0][1].text() and all(c[2].text() == c[3].text() == "" for c in chosen.labels)
    assert all(c[2].text() for c in tab.summary_row.cards[2].labels)  # the last 30 days still compare


def test_the_seller_picks_the_dates_of_a_period(qtbot, app) -> None:  # noqa: ANN001
    from datetime import date

    from PySide6.QtCore import QDate

    from shopkeeper.ui.tabs.charts_tab import CHOSEN_DATES

    tab = _show(qtbot, app, "trend")
    assert tab.from_date.isHidden() and tab.to_date.isHidden()
    first, last = date(2026, 11, 1), date(2026, 11, 11)  # a Double 11 window
    expected = run_query(qtbot, app.worker, lambda db: db.scalar(
        "SELECT count(*) FROM orders WHERE sk_is_sold(status)"
        " AND sk_order_day(ordered_at, ordered_tz) BETWEEN ? AND ?", [first, last]))
    tab.range_box.setCurrentIndex(tab.range_box.findData(CHOSEN_DATES))
    assert not tab.from_date.isHidden() and not tab.to_date.isHidden()
    tab.to_date.setDate(QDate(2026, 11, 11))
    tab.from_date.setDate(QDate(2026, 11, 1))
    tab.grain_box.setCurrentIndex(tab.grain_box.findData("day"))
    wait_idle(qtbot, app.worker)
    f = tab.chart_filter()
    assert (f.first, f.last) == (first, last)
    rows = tab.drawn["trend"].rows
    assert rows[0][0] == "2026-11-01" and rows[-1][0] == "2026-11-11"
    assert sum(r[2] for r in rows) == expected > 0


def test_the_tables_name_platforms_and_segments_and_copy_what_they_show(qtbot, app) -> None:  # noqa: ANN001
    from shopkeeper.ui.formatting import platform_label
    from shopkeeper.ui.tabs.members_segments import segment_label

    tab = _show(qtbot, app, "segments")
    rows = tab.drawn["segments"].rows
    shown = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert shown == [segment_label(r[0]) for r in rows] and "champions" not in shown
    tab.table.selectRow(0)
    assert tab.copy_selection().splitlines()[1].split("\t")[0] == shown[0]
    tab = _show(qtbot, app, "platforms")
    assert {tab.table.item(r, 0).text() for r in range(tab.table.rowCount())} == {
        platform_label(r[0]) for r in tab.drawn["platforms"].rows}
    assert "taobao" not in {tab.table.item(r, 0).text() for r in range(tab.table.rowCount())}


def test_large_ticks_read_as_thousands_and_millions_never_as_exponents() -> None:
    from PySide6.QtCore import QLocale

    from shopkeeper.ui.widgets.chart_frame import compact_ticks

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert compact_ticks([0, 500_000, 1_000_000, 1_500_000], 500_000) == ["0", "0.5M", "1M", "1.5M"]
        assert compact_ticks([0, 20_000, 40_000], 20_000) == ["0", "20k", "40k"]
        assert compact_ticks([1_000_000, 1_250_000], 250_000) == ["1M", "1.25M"]  # the spacing's decimals
        assert compact_ticks([0, 2_000, 4_000], 2_000) is None                    # small: written out in full
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        assert compact_ticks([0, 500_000, 1_000_000, 1_500_000], 500_000) == ["0", "50万", "100万", "150万"]
        assert compact_ticks([0, 100_000_000, 200_000_000], 100_000_000) == ["0", "1亿", "2亿"]
    finally:
        QLocale.setDefault(before)


def test_the_legend_sits_beside_the_title_not_over_the_data(qtbot, app) -> None:  # noqa: ANN001
    for key in ("trend", "platforms", "bands", "profit"):
        tab = _show(qtbot, app, key)
        item = tab.plots[key].getPlotItem()
        legend = item.legend
        assert legend is not None and legend.items, key
        qtbot.waitUntil(lambda item=item, legend=legend: legend.sceneBoundingRect().height() > 0)
        data_area = item.vb.sceneBoundingRect()
        assert legend.sceneBoundingRect().bottom() <= data_area.top() + 1, key
        # the title moved left to make room: the two never overlap
        assert not item.titleLabel.item.sceneBoundingRect().intersects(legend.sceneBoundingRect()), key


def test_cohort_months_still_to_come_are_blank_not_zero(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "cohorts")
    rows = tab.drawn["cohorts"].rows   # (month, people, back 1 month later, 2 months later, ...)
    last = rows[-1]
    # the newest cohort is this month's: every later month is still to come, so nothing is claimed for it
    assert last[2:] and all(v is None for v in last[2:])
    oldest = rows[0]
    assert all(v is not None for v in oldest[2:])
    assert tab.open_point("cohorts", (len(last) - 3 + 0.5, len(rows) - 1 + 0.5)) is None


def test_time_ticks_say_the_year_whenever_the_range_leaves_one(qapp) -> None:  # noqa: ANN001
    from datetime import date

    import pyqtgraph as pg

    from shopkeeper.ui.tabs.chart_drawings import _bucket_ticks

    def ticks(keys: list[date], grain: str) -> list[str]:
        plot = pg.PlotWidget()
        _bucket_ticks(plot, keys, grain)
        return [text for _x, text in plot.getAxis("bottom")._tickLevels[0]]

    assert ticks([date(2026, 3, 2), date(2026, 3, 9)], "week") == ["03-02", "03-09"]
    assert ticks([date(2020, 1, 27), date(2026, 9, 28)], "week") == ["2020-01-27", "2026-09-28"]
    assert ticks([date(2025, 12, 1), date(2026, 1, 1)], "month") == ["2025-12", "2026-01"]


def test_money_without_a_rate_reads_as_unknown_with_a_way_to_the_rates(qtbot, shop_copy: Path,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    # The demo with its USD rate taken away: the dollar orders' money cannot be put in yuan. It showed as
    # 0.00 in every chart ("Taobao 100.0 %", "A: 0 SKUs"); it is unknown: "—", no bar, an empty CSV cell.
    from shopkeeper.db.database import Database
    from shopkeeper.ui.dialogs.exchange_rates_dialog import ExchangeRatesDialog
    from tests.gui.conftest import make_app

    db = Database.open(shop_copy)
    db.execute("DELETE FROM currency_settings WHERE key = 'fx_USD'")
    db.close()
    app = make_app(qtbot, shop_copy)
    try:
        tab = _show(qtbot, app, "trend")
        f = tab.chart_filter()
        usd = run_query(qtbot, app.worker, lambda db: db.scalar(
            "SELECT count(*) FROM orders WHERE currency = 'USD' AND sk_is_sold(status)"
            " AND sk_order_day(ordered_at, ordered_tz) BETWEEN ? AND ?", [f.first, f.last]))
        assert usd > 0
        # Every week of the demo sells in dollars: no week's money is known, and none reads 0.00.
        rows = tab.drawn["trend"].rows
        assert [r[1] for r in rows if r[2]] and all(r[1] is None for r in rows if r[2])
        assert {tab.table.item(i, 1).text() for i, r in enumerate(rows) if r[2]} == {"—"}
        note = tab.note.text()   # the English plural comes with the translations: "sold order(s)" until then
        assert f"{usd:,} sold order" in note and "in USD have no exchange rate to CNY" in note
        assert "<a href='exchange_rates'>" in tab.note.text()
        assert tab.summary_row.cards[3].note.text().startswith(f"{usd} orders")   # the card counts the same
        tab.save_csv(tmp_path / "trend.csv")
        lines = (tmp_path / "trend.csv").read_text(encoding="utf-8-sig").splitlines()
        assert lines[1].split(",")[1] == "" and "0.00" not in lines[1].split(",")[1:2]
        for key in ("platforms", "products", "pareto", "baskets", "regions", "bands"):
            tab = _show(qtbot, app, key)
            assert "have no exchange rate to CNY" in tab.note.text(), key
        # Shopify and Etsy sell in dollars: they stay on the chart, with no share made up for anyone.
        tab = _show(qtbot, app, "platforms")
        assert {r[0] for r in tab.drawn["platforms"].rows} == {"taobao", "shopify", "etsy", "douyin"}
        assert " %" not in tab.note.text().split("Share of the range:")[1]
        tab = _show(qtbot, app, "pareto")
        assert "with money in a currency without an exchange rate" in tab.note.text()
        assert "A: 0 SKUs" not in tab.note.text()
        # a SKU has a class exactly when its revenue is known (CNY only), as the ABC rule ranks them
        assert all((r[1] is None) == (r[3] is None) for r in tab.drawn["pareto"].rows)
        tab.note.linkActivated.emit("exchange_rates")   # one click to where the rate is set
        qtbot.waitUntil(lambda: any(isinstance(w, ExchangeRatesDialog) and w.isVisible()
                                    for w in QApplication.topLevelWidgets()))
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ExchangeRatesDialog):
                w.close()
        wait_idle(qtbot, app.worker)
    finally:
        app.shutdown()


def test_orders_with_only_a_date_are_not_in_the_hours_and_the_note_says_so(qtbot, shop_copy: Path) -> None:  # noqa: ANN001
    # Etsy's exports give the day of an order, not its time: the heatmap piled them all at midnight
    # ("my buyers order at midnight"). They are left out of the hours, counted in the note.
    import pyqtgraph as pg

    from shopkeeper.db.database import Database
    from tests.gui.conftest import make_app

    db = Database.open(shop_copy)
    db.execute("UPDATE orders SET ordered_date_only = TRUE WHERE shop_id LIKE 'etsy:%'")
    db.close()
    app = make_app(qtbot, shop_copy)
    try:
        tab = _show(qtbot, app, "hours")
        f = tab.chart_filter()
        sold, etsy = run_query(qtbot, app.worker, lambda db: db.fetchone(
            "SELECT count(*), count(*) FILTER (WHERE shop_id LIKE 'etsy:%') FROM orders WHERE sk_is_sold(status)"
            " AND sk_order_day(ordered_at, ordered_tz) BETWEEN ? AND ?", [f.first, f.last]))
        assert 0 < etsy < sold
        assert sum(sum(row[1:]) for row in tab.drawn["hours"].rows) == sold - etsy
        note = tab.note.text()   # the English plural comes with the translations: "sold order(s)" until then
        assert f"{etsy:,} sold order" in note and "only a date in their export (Etsy): they are not in the hours" in note
        # The Etsy shop alone: no order has an hour. The chart says so instead of an empty grid.
        tab.platform_box.setCurrentIndex(tab.platform_box.findData("etsy"))
        wait_idle(qtbot, app.worker)
        assert tab.drawn["hours"].rows == [] and tab.table.rowCount() == 0
        said = [i.textItem.toPlainText() for i in tab.plots["hours"].getPlotItem().items if isinstance(i, pg.TextItem)]
        assert said == ["No sold order of this period has a time of day in its export (Etsy): "
                        "there are no hours to show."]
        assert f"{etsy:,} sold order" in tab.note.text() and "they are not in the hours" in tab.note.text()
        assert not any(isinstance(i, pg.ImageItem) for i in tab.plots["hours"].getPlotItem().items)
        # and back to every platform: the grid again, without the Etsy orders
        tab.platform_box.setCurrentIndex(0)
        wait_idle(qtbot, app.worker)
        assert sum(sum(row[1:]) for row in tab.drawn["hours"].rows) == sold - etsy
        assert not any(isinstance(i, pg.TextItem) for i in tab.plots["hours"].getPlotItem().items)
    finally:
        app.shutdown()


def test_the_filter_boxes_fit_the_choices_that_arrive_after_the_window_shows(qtbot, app) -> None:  # noqa: ANN001
    app.window.show()
    tab = _show(qtbot, app, "trend")
    box = tab.platform_box
    assert box.count() > 1  # the shop's platforms arrived after the first show
    widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.sizeHint().width() >= widest  # "Shopify", never "Sho"
    for other in (tab.shop_box, tab.category_box):
        assert other.sizeHint().width() <= other.maximumWidth() <= 260  # a long name never pushes the others out
