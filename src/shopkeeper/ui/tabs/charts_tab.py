"""Charts: the morning's figures on top, then one chart at a time picked from a list, with the numbers under it.

Everything is aggregated in DuckDB on the worker thread (services/summary_figures.py,
chart_series.py); the tab draws a few hundred points. Queries are keyed, so a
newer range or filter replaces an older request that has not started, and a
generation number drops an answer that was already running when the seller
moved on. Only the chart on screen is queried. Hovering shows a point's
values; clicking opens the orders behind it (paged from SQL). Any chart
saves as PNG, its numbers as CSV, and a selection of the table copies as
tab-separated text.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.clock import Clock
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_export import tab_separated, write_chart_csv
from shopkeeper.services.chart_filters import ChartFilter, Choices, filter_choices, money_currency
from shopkeeper.services.summary_figures import summary
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.conversion_settings_dialog import ConversionSettingsDialog
from shopkeeper.ui.dialogs.orders_behind_dialog import OrdersBehindDialog
from shopkeeper.ui.formatting import joined, platform_label, table_number
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.tabs import ads_chart, profit_chart
from shopkeeper.ui.tabs import chart_drawings as cd
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.ui_state import UiState
from shopkeeper.ui.widgets.chart_frame import compact_axes, set_title
from shopkeeper.ui.widgets.summary_row import SummaryRow

Loader = Callable[[Any, ChartFilter, str, Any], Any]


@dataclass(frozen=True)
class ChartKind:
    key: str
    load: Callable[[Any, ChartFilter, str, Any], Any]          # (db, filter, grain, today) -> data
    draw: Callable[[pg.PlotWidget, Any, str, ChartFilter, str], cd.Drawn]   # (plot, data, currency, filter, grain)


# The Period choice that starts at the shop's first order.
ALL_TIME = 0
CHOSEN_DATES = -1  # the range the seller picks: a Double 11 window, a February long ago


def _day(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())

# The charts of money converted to the base currency: their notes say which orders' money has no exchange rate
# (unknown, drawn as a gap or no bar, never as 0). Price bands leave such orders out: their price is unknown.
MONEY_CHARTS = frozenset({"trend", "platforms", "products", "pareto", "bands", "baskets", "regions"})

CHARTS = (
    ChartKind("trend", lambda db, f, g, _t: cs.sales_trend(db, f, g),
              lambda p, d, c, f, _g: cd.draw_trend(p, d, c, f.first, f.last)),
    ChartKind("platforms", lambda db, f, g, _t: cs.platform_trend(db, f, g),
              lambda p, d, c, f, _g: cd.draw_platforms(p, d, c, f.first, f.last)),
    ChartKind("products", lambda db, f, g, _t: cs.top_products(db, f, g, 12),
              lambda p, d, c, _f, g: cd.draw_top_products(p, d, c, g)),
    ChartKind("pareto", lambda db, f, _g, _t: cs.pareto(db, f), lambda p, d, c, _f, _g: cd.draw_pareto(p, d, c)),
    ChartKind("bands", lambda db, f, _g, _t: cs.price_bands(db, f),
              lambda p, d, c, _f, _g: cd.draw_price_bands(p, d, c)),
    ChartKind("baskets", lambda db, f, _g, _t: cs.basket_sizes(db, f),
              lambda p, d, c, _f, _g: cd.draw_baskets(p, d, c)),
    ChartKind("cohorts", lambda db, f, _g, _t: cs.cohorts(db, f), lambda p, d, c, f, _g: cd.draw_cohorts(p, d, c, f.last)),
    ChartKind("segments", lambda db, _f, _g, t: cs.segment_sizes(db, t),
              lambda p, d, c, _f, _g: cd.draw_segments(p, d, c)),
    ChartKind("regions", lambda db, f, _g, _t: cs.regions(db, f), lambda p, d, c, _f, _g: cd.draw_regions(p, d, c)),
    # with the sold orders whose export gives only a date: they have no hour, and the note says so
    ChartKind("hours", lambda db, f, _g, _t: (cs.hour_weekday(db, f), cs.date_only(db, f)),
              lambda p, d, c, _f, _g: cd.draw_hours(p, d, c)),
    ChartKind("profit", profit_chart.load_profit, profit_chart.draw_profit),
    # issue 13.5: ads against their break-even, and products that draw visitors who do not buy
    ChartKind("ads", ads_chart.load_ads, ads_chart.draw_ads),
    ChartKind("conversion", ads_chart.load_conversion, ads_chart.draw_conversion),
)


class ChartsTab(ShopTab):
    # Money is converted with the seller's rates (settings); products are named from the catalogue;
    # campaign windows come from the promotions.
    areas = frozenset({Area.ORDERS, Area.SETTINGS, Area.CATALOG, Area.PROMOTIONS, Area.MEMBERS, Area.MONEY})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="charts", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        self._summary_generation = 0
        self._chart_generation = 0
        self._choices = Choices((), (), (), ())
        self.drawn: dict[str, cd.Drawn] = {}
        self._last_filter: ChartFilter | None = None
        pg.setConfigOptions(antialias=False, useOpenGL=False, background="w", foreground="#333")

        self.range_box = QComboBox(self)
        self.range_box.setObjectName("rangeBox")
        for days, label in ((7, self.tr("Last 7 days")), (30, self.tr("Last 30 days")), (90, self.tr("Last 90 days")),
                            (365, self.tr("Last 12 months")), (730, self.tr("Last 2 years")),
                            (ALL_TIME, self.tr("All time")), (CHOSEN_DATES, self.tr("Dates…"))):
            self.range_box.addItem(label, days)
        self.range_box.setCurrentIndex(3)
        today = clock.today()
        self.from_date = QDateEdit(QDate(today.year, today.month, 1), self)
        self.to_date = QDateEdit(QDate(today.year, today.month, today.day), self)
        for name, edit in (("fromDate", self.from_date), ("toDate", self.to_date)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
            edit.dateChanged.connect(lambda _d: self._filters_changed(0))
        self.range_box.currentIndexChanged.connect(self._range_picked)
        self.grain_box = QComboBox(self)
        self.grain_box.setObjectName("grainBox")
        for grain, label in (("day", self.tr("By day")), ("week", self.tr("By week")), ("month", self.tr("By month"))):
            self.grain_box.addItem(label, grain)
        self.grain_box.setCurrentIndex(1)
        self.platform_box = self._filter_box("platformBox")
        self.shop_box = self._filter_box("shopBox")
        self.currency_box = self._filter_box("currencyBox")
        self.category_box = self._filter_box("categoryBox")
        for box in (self.range_box, self.grain_box):
            box.currentIndexChanged.connect(self._filters_changed)

        self.summary_row = SummaryRow(self)

        self.picker = QListWidget(self)
        self.picker.setObjectName("chartPicker")
        self.stack = QStackedWidget(self)
        self.plots: dict[str, pg.PlotWidget] = {}
        for kind in CHARTS:
            self.picker.addItem(self._chart_title(kind.key))
            plot = pg.PlotWidget(axisItems=compact_axes())
            plot.setObjectName(f"{kind.key}Plot")
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setMouseEnabled(x=kind.key in ("trend", "platforms", "pareto"), y=False)
            plot.scene().sigMouseMoved.connect(lambda pos, k=kind.key: self._hover(k, pos))
            plot.scene().sigMouseClicked.connect(lambda ev, k=kind.key: self._clicked(k, ev))
            self.plots[kind.key] = plot
            self.stack.addWidget(plot)
        self.picker.setMinimumWidth(150)
        self.picker.currentRowChanged.connect(self._chart_picked)
        self.note = QLabel(self)
        self.note.setObjectName("chartNote")
        self.note.setWordWrap(True)
        self.note.linkActivated.connect(self._note_link)
        self.table = QTableWidget(self)
        self.table.setObjectName("chartTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selection)
        png = QPushButton(self.tr("Save chart as PNG…"), self)
        png.clicked.connect(self._ask_png)
        csv_button = QPushButton(self.tr("Save data as CSV…"), self)
        csv_button.clicked.connect(self._ask_csv)
        copy = QPushButton(self.tr("Copy selection"), self)
        copy.setToolTip(self.tr("Tab-separated, ready to paste into a spreadsheet (Ctrl+C)"))
        copy.clicked.connect(self.copy_selection)
        # Money (issue 13): payout reconciliation and the rates and costs behind profit.
        payouts = QPushButton(self.tr("Payouts…"), self)
        payouts.setObjectName("payoutsButton")
        payouts.clicked.connect(self.open_payouts)
        rates = QPushButton(self.tr("Fee rates and costs…"), self)
        rates.setObjectName("feeRatesButton")
        rates.clicked.connect(self.open_fee_rates)
        self.thresholds_button = QPushButton(self.tr("Low-conversion thresholds…"), self)
        self.thresholds_button.clicked.connect(self.open_conversion_settings)

        bar = QHBoxLayout()
        for label, widget in ((self.tr("Period:"), self.range_box), ("", self.from_date), ("", self.to_date),
                              ("", self.grain_box),
                              (self.tr("Platform:"), self.platform_box), (self.tr("Shop:"), self.shop_box),
                              (self.tr("Currency:"), self.currency_box), (self.tr("Category:"), self.category_box)):
            if label:
                bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(payouts)
        bar.addWidget(rates)
        exchange = QPushButton(self.tr("Exchange rates…"), self)
        exchange.setObjectName("exchangeRatesButton")
        exchange.clicked.connect(self.open_exchange_rates)
        bar.addWidget(exchange)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.thresholds_button)
        buttons.addWidget(png)
        buttons.addWidget(csv_button)
        buttons.addWidget(copy)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 3)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.table, 2)
        body = QSplitter(self)
        body.addWidget(self.picker)
        body.addWidget(right)
        body.setStretchFactor(1, 1)
        body.setSizes([190, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary_row)
        layout.addWidget(body, 1)
        saved = self._ui_state.tab_state(self.tab_name).get("chart")
        keys = [k.key for k in CHARTS]
        self.picker.setCurrentRow(keys.index(saved) if saved in keys else 0)

    def _chart_title(self, key: str) -> str:
        return {
            "trend": self.tr("Sales trend"), "platforms": self.tr("Sales by platform"),
            "products": self.tr("Top products"), "pareto": self.tr("ABC Pareto curve"),
            "bands": self.tr("Price bands"), "baskets": self.tr("Basket size"),
            "cohorts": self.tr("Repurchase and cohorts"), "segments": self.tr("Customer segments"),
            "regions": self.tr("Sales by city or province"), "hours": self.tr("Hour × weekday"),
            "profit": self.tr("Profit"),
            "ads": self.tr("Channels & ads"), "conversion": self.tr("Conversion"),
        }[key]

    def open_payouts(self) -> QWidget:
        from shopkeeper.ui.dialogs.payouts_dialog import PayoutsDialog

        dialog = PayoutsDialog(self._worker, self._clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_fee_rates(self) -> QWidget:
        from shopkeeper.ui.dialogs.fee_rates_dialog import FeeRatesDialog

        dialog = FeeRatesDialog(self._worker, self._clock, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_exchange_rates(self) -> QWidget:
        from shopkeeper.ui.dialogs.exchange_rates_dialog import ExchangeRatesDialog

        dialog = ExchangeRatesDialog(self._worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _filter_box(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.addItem(self.tr("All"), None)
        # Its choices arrive after the first show: sized to them, so "Shopify" never reads "Sho"; a long
        # category name is cut in the bar (it shows whole in the list) instead of pushing the other filters out.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        box.setMaximumWidth(260)
        box.currentIndexChanged.connect(self._filters_changed)
        return box

    # -- what to show -------------------------------------------------------------------------------------
    def _range_picked(self, _index: int) -> None:
        chosen = self.range_box.currentData() == CHOSEN_DATES
        self.from_date.setVisible(chosen)
        self.to_date.setVisible(chosen)

    def chart_filter(self) -> ChartFilter:
        today = self._clock.today()
        days = int(self.range_box.currentData())
        if days == CHOSEN_DATES:
            picked = sorted((_day(self.from_date.date()), _day(self.to_date.date())))
            return ChartFilter(picked[0], picked[1], platform=self.platform_box.currentData(),
                               shop_id=self.shop_box.currentData(), currency=self.currency_box.currentData(),
                               category=self.category_box.currentData())
        if days == ALL_TIME:
            # From the shop's first order; until the shop's orders are known (the summary brings them), two years.
            first = self._choices.first_day
            days = (today - first).days + 1 if first is not None and first < today else 730
        return ChartFilter(today - timedelta(days=days - 1), today, platform=self.platform_box.currentData(),
                           shop_id=self.shop_box.currentData(), currency=self.currency_box.currentData(),
                           category=self.category_box.currentData())

    def current_key(self) -> str:
        return CHARTS[max(0, self.picker.currentRow())].key

    def _filters_changed(self, _index: int) -> None:
        self.refresh()

    def _chart_picked(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
            self.thresholds_button.setVisible(CHARTS[row].key == "conversion")
            self._ui_state.set_tab_state(self.tab_name, {**self._ui_state.tab_state(self.tab_name),
                                                         "chart": CHARTS[row].key})
            self._load_chart()

    def refresh(self) -> None:
        f = self.chart_filter()
        today = self._clock.today()
        self._summary_generation += 1
        generation = self._summary_generation
        self.query(QueryOp(lambda db: (filter_choices(db), summary(db, f, today)), key="summary"),
                   lambda got: self._show_summary(generation, *got))
        self._load_chart()

    def _load_chart(self) -> None:
        kind = CHARTS[max(0, self.picker.currentRow())]
        f = self.chart_filter()
        today = self._clock.today()
        grain = str(self.grain_box.currentData())
        self._chart_generation += 1
        generation = self._chart_generation
        money_chart = kind.key in MONEY_CHARTS
        self.query(QueryOp(lambda db: (kind.load(db, f, grain, today), money_currency(db, f),
                                       cs.without_rate(db, f) if money_chart else cs.WithoutRate(0, ())),
                           key="chart"),
                   lambda got: self._show_chart(generation, kind, f, grain, *got))

    def _show_summary(self, generation: int, choices: Choices, s: Any) -> None:  # noqa: ANN401 - a Summary
        if generation != self._summary_generation:
            return  # a newer range or filter is on its way (this one was already running)
        self._set_choices(choices)
        self.summary_row.show_summary(s, all_time=self.range_box.currentData() == ALL_TIME)

    def _set_choices(self, choices: Choices) -> None:
        if choices == self._choices:
            return
        spans_anew = choices.first_day != self._choices.first_day and self.range_box.currentData() == ALL_TIME
        self._choices = choices
        for box, values, label in ((self.platform_box, choices.platforms, platform_label),
                                   (self.shop_box, choices.shops, str), (self.currency_box, choices.currencies, str),
                                   (self.category_box, choices.categories, str)):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), None)
            for value in values:
                box.addItem(label(value), value)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 8)
            box.blockSignals(False)
        if spans_anew:
            self.refresh()  # "All time" starts at the first order, now known

    def _show_chart(self, generation: int, kind: ChartKind, f: ChartFilter, grain: str, data: Any,  # noqa: ANN401
                    currency: str, missing: cs.WithoutRate | None = None) -> None:
        if generation != self._chart_generation:
            return  # a newer chart, range or filter is on its way (this one was already running)
        plot = self.plots[kind.key]
        plot.clear()
        legend = plot.getPlotItem().legend
        if legend is not None:
            legend.scene().removeItem(legend)
            plot.getPlotItem().legend = None
        plot.getAxis("bottom").setTicks(None)
        plot.getAxis("left").setTicks(None)
        plot.invertY(False)
        drawn = kind.draw(plot, data, currency, f, grain)
        if kind.key == "hours":
            drawn.note = " ".join(n for n in (self.date_only_note(data[1]), drawn.note) if n)
        set_title(plot, self._chart_title(kind.key))
        plot.autoRange()
        if not any(isinstance(v, (int, Decimal)) and v for row in drawn.rows for v in row):
            plot.setYRange(0, 1)  # nothing to scale: keep the axis plain (no "x0.001" over a flat zero)
        self.drawn[kind.key] = drawn
        self._last_filter = f
        outside = self._outside_note(f)
        rates = self._rate_note(kind.key, missing, currency)
        if outside or rates:
            # One click to where the orders are (or to the rates that convert them), not a hunt for a box.
            self.note.setTextFormat(Qt.TextFormat.RichText)
            parts = []
            if outside:
                link = self.tr("Show all time")
                parts.append(f"{html.escape(outside)} <a href='all_time'>{html.escape(link)}</a>")
            if rates:
                link = self.tr("Exchange rates…")
                parts.append(f"{html.escape(rates)} <a href='exchange_rates'>{html.escape(link)}</a>")
            self.note.setText(" ".join([*parts, html.escape(drawn.note)]).strip())
        else:
            self.note.setTextFormat(Qt.TextFormat.PlainText)
            self.note.setText(drawn.note)
        self._fill_table(drawn)

    def _rate_note(self, key: str, missing: cs.WithoutRate | None, currency: str) -> str:
        """Which sold orders' money this chart cannot show for want of an exchange rate ('' when none)."""
        if missing is None or not missing.orders:
            return ""
        currencies = joined(missing.currencies)
        if key == "bands":
            return self.tr("%Ln sold order(s) in {currencies} have no exchange rate to {base}: their unit prices in "
                           "{base} are unknown, so their units are in no band.", "", missing.orders).format(
                currencies=currencies, base=currency)
        return self.tr("%Ln sold order(s) in {currencies} have no exchange rate to {base}: their money is unknown, "
                       "shown as — (no bar, a gap in a line), never as 0.", "", missing.orders).format(
            currencies=currencies, base=currency)

    def date_only_note(self, left_out: cs.DateOnly) -> str:
        """How many sold orders of the range the hours leave out: their export gives only a date ('' when none)."""
        if not left_out.orders:
            return ""
        return self.tr("%Ln sold order(s) have only a date in their export ({platforms}): they are not in the hours.",
                       "", left_out.orders).format(platforms=cd.date_only_platforms(left_out))

    def _note_link(self, link: str) -> None:
        if link == "exchange_rates":
            self.open_exchange_rates()
        else:
            self.show_all_time()

    def _outside_note(self, f: ChartFilter) -> str:
        """Say so when the range holds none of the shop's orders, and where they are."""
        first, last = self._choices.first_day, self._choices.last_day
        if first is None or last is None or (first <= f.last and last >= f.first):
            return ""
        return self.tr("No orders in this period: this shop's orders run from {first} to {last}.").format(
            first=first.isoformat(), last=last.isoformat())

    def show_all_time(self) -> None:
        self.range_box.setCurrentIndex(self.range_box.findData(ALL_TIME))

    def _fill_table(self, drawn: cd.Drawn) -> None:
        self.table.clear()
        self.table.setColumnCount(len(drawn.header))
        self.table.setRowCount(len(drawn.rows))
        self.table.setHorizontalHeaderLabels(list(drawn.header))
        for r, row in enumerate(drawn.rows):
            for c, value in enumerate(row):
                if value is None and c in drawn.unknown:
                    text = cd.UNKNOWN   # money without an exchange rate: unknown, never 0.00
                else:
                    text = drawn.shown[c](value) if c in drawn.shown else table_number(value)
                item = QTableWidgetItem(text)
                if not isinstance(value, str):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    # -- hover and click ------------------------------------------------------------------------------------
    def _view_point(self, key: str, scene_pos: QPointF) -> QPointF | None:
        plot = self.plots[key].getPlotItem()
        if not plot.sceneBoundingRect().contains(scene_pos):
            return None
        point: QPointF = plot.vb.mapSceneToView(scene_pos)
        return point

    def _hover(self, key: str, scene_pos: QPointF) -> None:
        drawn = self.drawn.get(key)
        point = self._view_point(key, scene_pos)
        text = None if drawn is None or point is None else drawn.hover(point.x(), point.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plots[key])
        else:
            QToolTip.hideText()

    def _clicked(self, key: str, event: Any) -> None:  # noqa: ANN401 - pyqtgraph's click event
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._view_point(key, event.scenePos())
        self.open_point(key, None if point is None else (point.x(), point.y()))

    def open_point(self, key: str, xy: tuple[float, float] | None) -> QDialog | None:
        """Open the orders (or, for a segment, the members) behind the chart's point at plot coordinates `xy`
        (None: nothing there)."""
        drawn = self.drawn.get(key)
        if drawn is None or xy is None or self._last_filter is None:
            return None
        point = drawn.click(*xy)
        if point is None:
            return None
        title = drawn.hover(*xy) or self._chart_title(key)
        if point.segment is not None:
            return self._open_members(point.segment, title.splitlines()[0])
        dialog = OrdersBehindDialog(worker=self._worker, chart_filter=self._last_filter, point=point,
                                    title=title.splitlines()[0], parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_conversion_settings(self) -> ConversionSettingsDialog:
        dialog = ConversionSettingsDialog(self._worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # the thresholds live with the stock settings (Area.STOCK), which this tab does not follow
        dialog.accepted.connect(self._load_chart)
        dialog.open()
        return dialog

    def _open_members(self, segment: str, title: str) -> QDialog:
        from shopkeeper.ui.dialogs.members_behind_dialog import MembersBehindDialog
        from shopkeeper.ui.tabs.members_segments import format_member_value

        dialog = MembersBehindDialog(worker=self._worker, today=self._clock.today(), segment=segment, title=title,
                                     formatter=format_member_value, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- export -----------------------------------------------------------------------------------------------
    def copy_selection(self) -> str:
        """The selected cells' rows (with the header) as tab-separated text, on the clipboard."""
        ranges = self.table.selectedRanges()
        rows = sorted({r for rg in ranges for r in range(rg.topRow(), rg.bottomRow() + 1)})
        cols = sorted({c for rg in ranges for c in range(rg.leftColumn(), rg.rightColumn() + 1)})
        drawn = self.drawn.get(self.current_key())
        if drawn is None or not rows:
            return ""
        # As the table shows them: a platform or segment by its name, not its code.
        text = tab_separated([[drawn.header[c] for c in cols]]
                             + [[drawn.shown[c](drawn.rows[r][c]) if c in drawn.shown else drawn.rows[r][c]
                                 for c in cols] for r in rows])
        QApplication.clipboard().setText(text)
        return text

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as PNG"), f"{self.current_key()}.png",
                                              self.tr("PNG images (*.png)"))
        if path:
            self.save_png(Path(path))

    def save_png(self, path: Path) -> None:
        """The chart on screen as a PNG, written beside and renamed so a failed write leaves no half image."""
        target = path if path.suffix.lower() == ".png" else path.with_suffix(".png")
        tmp = target.with_name(target.stem + ".partial.png")
        try:
            exporter = pyqtgraph.exporters.ImageExporter(self.plots[self.current_key()].getPlotItem())
            exporter.parameters()["width"] = max(1200, int(self.plots[self.current_key()].width()))
            exporter.export(str(tmp))
            os.replace(tmp, target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save chart"), window_text(Message(
                "export.write_failed", {"path": str(target), "reason": exc.strerror or str(exc)})))
        finally:
            tmp.unlink(missing_ok=True)

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart data as CSV"), f"{self.current_key()}.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        drawn = self.drawn.get(self.current_key())
        if drawn is None:
            return
        try:
            write_chart_csv(drawn.header, drawn.rows, path)
        except KnownError as exc:
            QMessageBox.warning(self, self.tr("Save chart data"), window_text(exc.message))
