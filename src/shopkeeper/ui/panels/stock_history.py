"""A SKU's stock over time: a step chart of its level and the table of what moved it.

Shown in the Listings tab's product panel. The rows come from
services/stock_ledger.stock_history (the same rule that stores on hand), so
the last level drawn is the on hand the table shows. pyqtgraph is imported
when the first chart is drawn, not when the window starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.services.stock_ledger import StockHistoryRow
from shopkeeper.ui.formatting import platform_label
from shopkeeper.ui.widgets.table_filling import filling

LINE_COLOR = "#1565c0"
MIN_SPAN_DAYS = 30


class StockHistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockHistory")
        self.heading = QLabel(self.tr("<b>Stock over time</b>"), self)
        self.heading.setStyleSheet("color: #1565c0; margin-top: 6px")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #616161")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("stockHistoryTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Change"), self.tr("Level")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)
        self.plot: Any = None  # a pyqtgraph PlotWidget, made on first use
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 0, 10, 8)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.note)
        self._layout.addWidget(self.table)
        self.rows: list[StockHistoryRow] = []
        self._until = datetime.now().astimezone()

    def clear(self) -> None:
        """Nothing selected: nothing to show."""
        self.rows = []
        self.hide()

    def show_history(self, rows: Sequence[StockHistoryRow], until: datetime | None = None) -> None:
        """`until`: where the last level's step ends (the app's clock; default the computer's)."""
        self.show()
        self._until = until or datetime.now().astimezone()
        self.rows = list(rows)
        if not self.rows:
            self.note.setText(self.tr("Never counted: import a product or inventory export, or type a stock count "
                                      "in the On hand column, and its history starts there."))
            self.table.setRowCount(0)
            if self.plot is not None:
                self.plot.clear()
                self.plot.hide()
            return
        self.note.setText(self.tr("From the first count on: each count sets the level, orders shipped after it "
                                  "take units off, goods an export says came back put them back."))
        self._fill_table()
        self._draw()

    def _what(self, row: StockHistoryRow) -> tuple[str, str]:
        """A short label for the narrow panel, and the full story for its tooltip."""
        if row.kind == "snapshot":
            if row.source == "count":
                return self.tr("Counted"), self.tr("Your stock count")
            return self.tr("Export"), self.tr("The stock level a product or inventory export gave")
        where = platform_label(row.shop_id.split(":")[0]) if row.shop_id else ""
        if row.kind == "return":
            return (self.tr("Returned · {platform}").format(platform=where),
                    self.tr("Order {order}: the export says the goods came back").format(order=row.order_id))
        return (self.tr("Sold · {platform}").format(platform=where),
                self.tr("Order {order}, shipped").format(order=row.order_id))

    def _fill_table(self) -> None:
        # Newest first: the seller checks what happened lately.
        with filling(self.table):
            self.table.setRowCount(len(self.rows))
            for i, row in enumerate(reversed(self.rows)):
                change = f"{row.change:+,}" if row.kind != "snapshot" else f"= {row.level:,} ({row.change:+,})"
                what, story = self._what(row)
                local = row.occurred_at.astimezone()
                cells = (f"{local:%Y-%m-%d}", what, change, f"{row.level:,}")
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(f"{local:%Y-%m-%d %H:%M} · {story}")
                    self.table.setItem(i, col, item)

    def _draw(self) -> None:
        import numpy as np
        import pyqtgraph as pg

        if self.plot is None:
            pg.setConfigOptions(antialias=False, useOpenGL=False, background="w", foreground="#333")
            self.plot = pg.PlotWidget(self, axisItems={"bottom": pg.DateAxisItem()})
            self.plot.setObjectName("stockHistoryPlot")
            self.plot.setMinimumHeight(150)
            self.plot.showGrid(x=True, y=True, alpha=0.2)
            self.plot.setMouseEnabled(x=True, y=False)
            self._layout.insertWidget(2, self.plot)
        self.plot.clear()
        self.plot.show()
        # Each level holds from its entry until the next one; the last until now.
        end = max(self._until.timestamp(), self.rows[-1].occurred_at.timestamp())
        x = np.array([r.occurred_at.timestamp() for r in self.rows] + [end], dtype=float)
        y = np.array([r.level for r in self.rows], dtype=float)
        item = self.plot.plot(x, y, stepMode="center", pen=pg.mkPen(LINE_COLOR, width=1.5))
        item.setClipToView(True)
        # A count imported a minute ago would otherwise fill the chart with those seconds (axis in seconds, a
        # flat line at ±0.4): show at least the last MIN_SPAN_DAYS, and the levels from 0 up.
        self.plot.setXRange(min(x[0], end - MIN_SPAN_DAYS * 86_400), end, padding=0.02)
        self.plot.setYRange(min(0.0, float(y.min())), max(1.0, float(y.max())), padding=0.08)
