"""The orders behind a point of a chart: a table paged from SQL, sortable and searchable, copyable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from shopkeeper.services.chart_drilldown import Slice, orders_behind
from shopkeeper.services.chart_export import tab_separated
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import format_value
from shopkeeper.ui.paged_model import PagedSqlModel


class OrdersBehindDialog(QDialog):
    def __init__(self, *, worker: DbWorker, chart_filter: ChartFilter, point: Slice, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersBehindDialog")
        self.setWindowTitle(self.tr("Orders behind: {what}").format(what=title))
        self.resize(980, 560)
        headers = {
            "order": self.tr("Order"), "shop": self.tr("Shop"), "day": self.tr("Day"), "status": self.tr("Status"),
            "buyer": self.tr("Buyer"), "city": self.tr("City"), "units": self.tr("Units"),
            "currency": self.tr("Currency"), "total": self.tr("Total"), "refunded": self.tr("Refunded"),
            "net": self.tr("Net"),
        }
        self.model = PagedSqlModel(worker, orders_behind(chart_filter, point), headers=headers,
                                   formatter=format_value, name="orders_behind")
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.count = QLabel(self)
        self.model.loaded.connect(lambda n: self.count.setText(self.tr("{n} orders").format(n=f"{n:,}")))
        search = QLineEdit(self)
        search.setPlaceholderText(self.tr("Search order, shop, buyer or city"))
        search.textChanged.connect(self.model.set_search)
        QShortcut(QKeySequence.StandardKey.Copy, self.view, self.copy_selection)
        bar = QHBoxLayout()
        bar.addWidget(search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.model.refresh()

    def copy_selection(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        cols = range(self.model.columnCount())
        text = tab_separated(
            [[self.model.headerData(c, Qt.Orientation.Horizontal) for c in cols]]
            + [[self.model.data(self.model.index(r, c)) for c in cols] for r in rows])
        QApplication.clipboard().setText(text)
