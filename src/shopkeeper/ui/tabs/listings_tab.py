"""Listings & Inventory: every SKU with price, margin, stock and when to reorder."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from shopkeeper.runtime.clock import Clock
from shopkeeper.services.inventory import inventory_source, inventory_summary
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import format_value, money
from shopkeeper.ui.paged_model import PagedSqlModel
from shopkeeper.ui.tabs.table_tab import make_search_box, make_table_view

STATUS_COLORS = {"out": "#c62828", "low": "#e65100", "ok": "#2e7d32"}


class ListingsTab(QWidget):
    def __init__(self, *, worker: DbWorker, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listingsTab")
        self._worker = worker
        self._clock = clock
        headers = [
            self.tr("SKU"), self.tr("Product"), self.tr("Variant"), self.tr("Stock"), self.tr("On hand"),
            self.tr("Days of cover"), self.tr("Sold (30 days)"), self.tr("Reorder at"), self.tr("Price"),
            self.tr("Cost"), self.tr("Margin"), self.tr("Currency"), self.tr("Sold on"), self.tr("Urgency"),
        ]
        self.model = PagedSqlModel(
            worker, inventory_source(clock.today()), headers=headers, formatter=format_value,
            hidden=("urgency",), status_colors=STATUS_COLORS, name="inventory",
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("inventorySummary")
        self.search = make_search_box(self, self.tr("Search SKU, product or variant"), self.model.set_search)
        self.reorder_only = QCheckBox(self.tr("Only what needs reordering"), self)
        self.reorder_only.toggled.connect(self._filters_changed)
        self.count_label = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.reorder_only)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.view = make_table_view(self, self.model, {0: 130, 1: 230, 2: 120, 3: 110, 6: 110, 12: 200})
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%n SKU(s)", "", n)))

    def _filters_changed(self) -> None:
        self.model.set_filters(["needs_reorder"] if self.reorder_only.isChecked() else [])

    def refresh(self) -> None:
        today = self._clock.today()
        self.model.set_source(inventory_source(today))
        self._worker.submit(lambda db: inventory_summary(db, today), self._show_summary, key="inventory:summary")

    def _show_summary(self, summary: dict[str, Any]) -> None:
        self.summary.setText(
            self.tr(
                "<b>{skus}</b> SKUs · <span style='color:#e65100'><b>{low}</b> to reorder</span> · "
                "<span style='color:#c62828'><b>{out}</b> out of stock</span> · stock value at cost <b>{value}</b>"
            ).format(
                skus=f"{summary['skus']:,}", low=summary["low"], out=summary["out"], value=money(summary["stock_value"])
            )
        )
