"""The orders behind a point of a chart: a table paged from SQL, sortable and searchable, copyable."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from shopkeeper.services.chart_drilldown import Slice, orders_behind
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.rows_behind import RowsBehindDialog
from shopkeeper.ui.formatting import format_value
from shopkeeper.ui.paged_model import PagedSqlModel


class OrdersBehindDialog(RowsBehindDialog):
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
        self.lay_out(PagedSqlModel(worker, orders_behind(chart_filter, point), headers=headers,
                                   formatter=format_value, name="orders_behind"),
                     self.tr("Search order, shop, buyer or city"), lambda n: self.tr("{n} orders").format(n=n))
        self.model.refresh()
