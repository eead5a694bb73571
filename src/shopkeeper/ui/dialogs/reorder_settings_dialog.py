"""The reorder settings: how many days of sales make the demand, from which days, and when stock is dead.

Kept in the shop (services/inventory_settings.py); Save makes one change set,
so Edit › Undo puts the previous settings back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.reorder import MAX_WINDOW_DAYS, ReorderSettings
from shopkeeper.services.inventory_settings import reorder_settings, save_inventory_settings
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"


class ReorderSettingsDialog(CommandDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("reorderSettingsDialog")
        self.setWindowTitle(self.tr("Reorder settings"))
        intro = QLabel(self.tr(
            "How Shopkeeper works out what to buy. Days a SKU had no stock do not count as days nobody wanted it. "
            "The settings are kept in this shop."), self)
        intro.setWordWrap(True)
        self.window_days = QSpinBox(self)
        self.window_days.setObjectName("windowDays")
        self.window_days.setRange(1, MAX_WINDOW_DAYS)
        self.window_days.setSuffix(self.tr(" days"))
        self.basis = QComboBox(self)
        self.basis.setObjectName("demandBasis")
        self.basis.addItem(self.tr("The most recent days"), "recent")
        self.basis.addItem(self.tr("The same days last year (seasonal goods)"), "last_year")
        self.basis.setToolTip(self.tr("Last year: the days starting on this date a year ago, once the shop's "
                                      "orders reach back that far; until then the recent days count."))
        self.dead_days = QSpinBox(self)
        self.dead_days.setObjectName("deadStockDays")
        self.dead_days.setRange(1, MAX_WINDOW_DAYS)
        self.dead_days.setSuffix(self.tr(" days"))
        self.error_label()
        self.save_buttons(self.save, until_loaded=True)
        form = QFormLayout()
        form.addRow(self.tr("Average sales over"), self.window_days)
        form.addRow(self.tr("Read demand from"), self.basis)
        form.addRow(self.tr("Dead stock: nothing sold in"), self.dead_days)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        worker.query(self, QueryOp(reorder_settings), self._show, self._failed)

    def _show(self, settings: ReorderSettings) -> None:
        self.window_days.setValue(settings.window_days)
        self.basis.setCurrentIndex(max(0, self.basis.findData(settings.basis)))
        self.dead_days.setValue(settings.dead_stock_days)
        self.enable_save()

    def save(self) -> None:
        window, basis, dead = self.window_days.value(), str(self.basis.currentData()), self.dead_days.value()

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_inventory_settings(db, who=EDITOR, window_days=window, basis=basis, dead_stock_days=dead)

        self.run_command(run)
