"""Promotions: a planning calendar with each promotion's margin and stock in view."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.promotions import PromotionRow, list_promotions
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import money, platform_label, status_label
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.ui_state import UiState

EVENT_COLORS = {"618": "#ffcdd2", "double11": "#ffe0b2", "black_friday": "#cfd8dc", "christmas": "#c8e6c9"}
DEFAULT_COLOR = "#bbdefb"


class PromotionsTab(ShopTab):
    # Margin after discount reads prices and costs; "stock vs plan" reads stock on hand.
    areas = frozenset({Area.PROMOTIONS, Area.CATALOG, Area.STOCK})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="promotions", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        self._promotions: list[PromotionRow] = []
        self._painted: list[QDate] = []

        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.selectionChanged.connect(self._show_day)
        self.day_label = QLabel(self)
        self.day_label.setWordWrap(True)
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar)
        left_layout.addWidget(self.day_label, 1)

        self.table = QTableWidget(0, 9, self)
        self.table.setObjectName("promotionsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Promotion"), self.tr("When"), self.tr("Shops"), self.tr("Discount"), self.tr("Budget"),
            self.tr("SKUs"), self.tr("Margin after discount"), self.tr("Stock vs plan"), self.tr("State"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 190)
        self.table.itemSelectionChanged.connect(self._jump_to_selected)
        self.heading = QLabel(self)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QHBoxLayout(self)
        layout.addWidget(self.splitter)
        self.remember_splitter("calendar", self.splitter)

    def refresh(self) -> None:
        self.query(QueryOp(list_promotions, key="list"), self._show)

    def _show(self, promotions: list[PromotionRow]) -> None:
        today = self._clock.today()
        self._promotions = promotions
        for qdate in self._painted:
            self.calendar.setDateTextFormat(qdate, QTextCharFormat())
        self._painted = []
        for promo in promotions:
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(EVENT_COLORS.get(promo.event or "", DEFAULT_COLOR))))
            fmt.setToolTip(promo.name)
            day = promo.starts_on
            while day <= promo.ends_on:
                qdate = QDate(day.year, day.month, day.day)
                self.calendar.setDateTextFormat(qdate, fmt)
                self._painted.append(qdate)
                day += timedelta(days=1)
        upcoming = [p for p in promotions if p.state(today) != "ended"]
        self.heading.setText(
            self.tr("<b>{planned}</b> planned or running · {total} in all").format(
                planned=len(upcoming), total=len(promotions)
            )
        )
        self.table.setRowCount(len(promotions))
        ended = [p for p in promotions if p.state(today) == "ended"]
        # What is coming matters most: upcoming first by date, then the past, latest first.
        ordered = sorted(upcoming, key=lambda p: p.starts_on) + sorted(ended, key=lambda p: p.starts_on, reverse=True)
        for row, promo in enumerate(ordered):
            self._fill_row(row, promo, today)
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self._show_day()

    def _fill_row(self, row: int, promo: PromotionRow, today: date) -> None:
        shops = platform_label(promo.shop_id.split(":")[0]) if promo.shop_id else self.tr("All shops")
        margin = "—" if promo.margin_after_pct is None else f"{promo.margin_after_pct:.1f} %"
        if promo.target_units is None:
            stock = self.tr("{units} in stock").format(units=f"{promo.stock_units:,}")
        else:
            stock = self.tr("{units} of {target} planned").format(
                units=f"{promo.stock_units:,}", target=f"{promo.target_units:,}"
            )
        budget = "—" if promo.budget is None else f"{money(promo.budget)} {promo.currency}"
        cells = [
            promo.name,
            f"{promo.starts_on:%Y-%m-%d} → {promo.ends_on:%Y-%m-%d}",
            shops,
            f"{promo.discount_pct:.0f} %",
            budget,
            str(promo.sku_count),
            margin,
            stock,
            status_label(promo.state(today)),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, promo.promotion_id)
            if column == 6 and promo.margin_after_pct is not None and promo.margin_after_pct < 15:
                item.setForeground(QBrush(QColor("#c62828")))
                item.setToolTip(self.tr("Thin margin: this discount leaves less than 15 % on these SKUs."))
            if column == 7 and promo.stock_short:
                item.setForeground(QBrush(QColor("#c62828")))
                item.setToolTip(self.tr("Not enough stock on hand for the planned units."))
            self.table.setItem(row, column, item)

    def _jump_to_selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        promotion_id = items[0].data(Qt.ItemDataRole.UserRole)
        for promo in self._promotions:
            if promo.promotion_id == promotion_id:
                start = promo.starts_on
                self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))

    def _show_day(self) -> None:
        qdate = self.calendar.selectedDate()
        day = date(qdate.year(), qdate.month(), qdate.day())
        active = [p for p in self._promotions if p.starts_on <= day <= p.ends_on]
        if not active:
            self.day_label.setText(self.tr("{day}: no promotion").format(day=f"{day:%Y-%m-%d}"))
            return
        lines = [f"<b>{day:%Y-%m-%d}</b>"]
        for promo in active:
            lines.append(
                self.tr("{name}: {discount} % off, {skus} SKUs").format(
                    name=promo.name, discount=f"{promo.discount_pct:.0f}", skus=promo.sku_count
                )
            )
        self.day_label.setText("<br>".join(lines))
