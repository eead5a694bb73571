"""Charts: daily revenue per platform, month by month, and the best sellers.

Series are aggregated in SQL (a year of days is a few hundred points per
platform); the plots still clip to view and downsample so a long range pans
smoothly. OpenGL stays off (slower or broken on many laptops).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from shopkeeper.domain.changes import Area
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.charts import Series, daily_revenue_by_platform, monthly_revenue, top_products
from shopkeeper.services.currency import base_currency
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import money, platform_label
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.ui_state import UiState

PLATFORM_COLORS = {
    "taobao": "#ff5000", "douyin": "#111111", "shopify": "#5e8e3e", "etsy": "#1e88e5",
    "jd": "#e1251b", "pinduoduo": "#e02e24", "youzan": "#c41f3b", "amazon": "#ff9900",
    "woocommerce": "#7f54b3", "ebay": "#0064d2",
}


def _epoch(day: date) -> float:
    return time.mktime(datetime(day.year, day.month, day.day, 12).timetuple())


class ChartsTab(ShopTab):
    # Revenue is converted with the seller's rates (settings); best sellers are named by product title.
    areas = frozenset({Area.ORDERS, Area.SETTINGS, Area.CATALOG})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="charts", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        pg.setConfigOptions(antialias=False, useOpenGL=False, background="w", foreground="#333")

        self.range_box = QComboBox(self)
        for days, label in ((90, self.tr("Last 90 days")), (365, self.tr("Last 12 months")), (730, self.tr("Last 2 years"))):
            self.range_box.addItem(label, days)
        self.range_box.setCurrentIndex(1)
        self.range_box.currentIndexChanged.connect(self._range_changed)
        self.headline = QLabel(self)

        self.daily = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        self.daily.setObjectName("dailyRevenuePlot")
        self.daily.setTitle(self.tr("Revenue per day, by platform"))
        self.daily.showGrid(x=True, y=True, alpha=0.2)
        self.daily.setMouseEnabled(x=True, y=False)
        self.legend = self.daily.addLegend(offset=(10, 10))
        self.monthly = pg.PlotWidget()
        self.monthly.setTitle(self.tr("Revenue per month"))
        self.monthly.showGrid(y=True, alpha=0.2)
        self.monthly.setMouseEnabled(x=False, y=False)
        self.top = pg.PlotWidget()
        self.top.setTitle(self.tr("Best sellers in the period (revenue)"))
        self.top.setMouseEnabled(x=False, y=False)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.range_box)
        bar.addSpacing(16)
        bar.addWidget(self.headline, 1)
        grid = QGridLayout()
        grid.addWidget(self.daily, 0, 0, 1, 2)
        grid.addWidget(self.monthly, 1, 0)
        grid.addWidget(self.top, 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)

    def _range_changed(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        today = self._clock.today()
        days = int(self.range_box.currentData())
        first = today - timedelta(days=days - 1)

        def load(db: Any) -> dict[str, Any]:
            return {
                "daily": daily_revenue_by_platform(db, first, today),
                "monthly": monthly_revenue(db, 24, today),
                "top": top_products(db, first, today, 8),
                "currency": base_currency(db),
            }

        self.query(QueryOp(load, key="load"), self._show)

    def _show(self, data: dict[str, Any]) -> None:
        currency = data["currency"]
        self._show_daily(data["daily"], currency)
        self._show_monthly(data["monthly"], currency)
        self._show_top(data["top"], currency)

    def _show_daily(self, series: list[Series], currency: str) -> None:
        self.daily.clear()
        self.legend.clear()
        total = Decimal(0)
        for s in series:
            x = np.array([_epoch(d) for d in s.x], dtype=float)
            y = np.array([float(v) for v in s.y], dtype=float)  # plotting only; sums stay Decimal
            total += sum(s.y, Decimal(0))
            item = self.daily.plot(x, y, pen=pg.mkPen(PLATFORM_COLORS.get(s.label, "#1565c0"), width=1),
                                   name=platform_label(s.label))
            item.setClipToView(True)
            item.setDownsampling(auto=True, method="peak")
        self.daily.setLabel("left", currency)
        self.headline.setText(
            self.tr("Revenue in the period: <b>{total} {currency}</b> (net of refunds, at your conversion rates)").format(
                total=money(total), currency=currency
            )
        )

    def _show_monthly(self, months: list[tuple[date, Decimal]], currency: str) -> None:
        self.monthly.clear()
        if not months:
            return
        x = np.arange(len(months), dtype=float)
        heights = np.array([float(v) for _m, v in months], dtype=float)
        self.monthly.addItem(pg.BarGraphItem(x=x, height=heights, width=0.7, brush="#1565c0"))
        ticks = [(i, f"{m:%y-%m}") for i, (m, _v) in enumerate(months) if i % 3 == 0]
        self.monthly.getAxis("bottom").setTicks([ticks])
        self.monthly.setLabel("left", currency)

    def _show_top(self, rows: list[tuple[str, Decimal, int]], currency: str) -> None:
        self.top.clear()
        if not rows:
            return
        rows = list(reversed(rows))
        y = np.arange(len(rows), dtype=float)
        widths = np.array([float(r[1]) for r in rows], dtype=float)
        self.top.addItem(pg.BarGraphItem(x0=0, y=y, height=0.6, width=widths, brush="#ef6c00"))
        labels = [(i, (r[0] if len(r[0]) <= 24 else r[0][:23] + "…")) for i, r in enumerate(rows)]
        self.top.getAxis("left").setTicks([labels])
        self.top.setLabel("bottom", currency)
        axis = self.top.getAxis("left")
        axis.setStyle(tickTextWidth=200, autoExpandTextSpace=False, hideOverlappingLabels=False)
        axis.setWidth(205)

