"""Fee rates and landed costs: the seller's own figures behind estimated fees and cost of goods.

The Fee rates page lists each platform's commission and payment fee (percent
of what the buyer paid + a fixed amount per order); a rate never changed shows
as Shopkeeper's default. The Purchase lots page enters the landed cost of a
batch of goods received (FIFO cost of goods, domain/landed_cost.py). Each Save
is one change set (services/fee_rates.py, services/landed_costs.py), so Edit ›
Undo takes it back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.fee_rates import RateChange, StoredRate, fee_rates, save_fee_rates
from shopkeeper.services.landed_costs import PurchaseLot, purchase_lots, save_lot
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.formatting import platform_label
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"
# Fee-rate table columns; percent, fixed and currency are edited in place.
_PLATFORM, _KIND, _PERCENT, _FIXED, _CURRENCY, _DEFAULT = range(6)


class FeeRatesDialog(CommandDialog):
    def __init__(self, worker: DbWorker, clock: Clock, parent: QWidget | None = None,
                 on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(worker, parent, on_saved)
        self.setObjectName("feeRatesDialog")
        self.setWindowTitle(self.tr("Fee rates and landed costs"))
        self._rates: list[StoredRate] = []
        self.tabs = QTabWidget(self)

        rates_page = QWidget(self)
        intro = QLabel(self.tr(
            "Until a platform's settlement or payout report names an order, its fees are estimated from these "
            "rates and the order's profit is marked estimated. Percent is of what the buyer paid; the fixed "
            "amount is charged once per order."), rates_page)
        intro.setWordWrap(True)
        self.rates = QTableWidget(0, 6, rates_page)
        self.rates.setObjectName("feeRatesTable")
        self.rates.setHorizontalHeaderLabels([self.tr("Platform"), self.tr("Fee"), self.tr("Percent"),
                                              self.tr("Fixed per order"), self.tr("Currency"), self.tr("Default")])
        rates_layout = QVBoxLayout(rates_page)
        rates_layout.addWidget(intro)
        rates_layout.addWidget(self.rates)
        self.tabs.addTab(rates_page, self.tr("Fee rates"))

        lots_page = QWidget(self)
        lots_intro = QLabel(self.tr(
            "Landed cost per purchase batch (goods, freight and duty per unit). Units sold take the oldest "
            "batch first; units no batch covers cost the SKU's catalogue cost. A quantity of 0 removes a batch."),
            lots_page)
        lots_intro.setWordWrap(True)
        self.lots = QTableWidget(0, 5, lots_page)
        self.lots.setObjectName("purchaseLotsTable")
        self.lots.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Received"), self.tr("Quantity"),
                                             self.tr("Unit cost"), self.tr("Currency")])
        self.lots.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lot_sku = QLineEdit(lots_page)
        self.lot_sku.setObjectName("lotSku")
        self.lot_day = QDateEdit(lots_page)
        self.lot_day.setCalendarPopup(True)
        today = clock.today()
        self.lot_day.setDate(QDate(today.year, today.month, today.day))
        self.lot_quantity = QSpinBox(lots_page)
        self.lot_quantity.setRange(0, 10_000_000)
        self.lot_cost = QLineEdit(lots_page)
        self.lot_cost.setObjectName("lotCost")
        self.lot_currency = QLineEdit(lots_page)
        self.lot_currency.setMaxLength(3)
        self.save_lot_button = QPushButton(self.tr("Save batch"), lots_page)
        self.save_lot_button.clicked.connect(self.save_lot)
        form = QFormLayout()
        form.addRow(self.tr("SKU"), self.lot_sku)
        form.addRow(self.tr("Received on"), self.lot_day)
        form.addRow(self.tr("Quantity"), self.lot_quantity)
        form.addRow(self.tr("Landed cost per unit"), self.lot_cost)
        form.addRow(self.tr("Currency"), self.lot_currency)
        lots_layout = QVBoxLayout(lots_page)
        lots_layout.addWidget(lots_intro)
        lots_layout.addWidget(self.lots)
        lots_layout.addLayout(form)
        lots_layout.addWidget(self.save_lot_button)
        self.tabs.addTab(lots_page, self.tr("Purchase lots"))

        self.error_label("feeRatesError")
        self.save_buttons(self.save_rates, other=QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        self.reload()

    def reload(self) -> None:
        self._worker.query(self, QueryOp(lambda db: (fee_rates(db), purchase_lots(db))),
                           lambda got: self._show(*got), self._failed)

    def _show(self, rates: list[StoredRate], lots: list[PurchaseLot]) -> None:
        self._rates = rates
        kinds = {"commission": self.tr("Commission"), "payment_fee": self.tr("Payment fee")}
        self.rates.setRowCount(len(rates))
        for r, rate in enumerate(rates):
            cells = (platform_label(rate.platform), kinds.get(rate.fee_kind, rate.fee_kind), f"{rate.percent:.2f}",
                     f"{rate.fixed:.2f}", rate.currency, self.tr("default") if rate.is_default else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c not in (_PERCENT, _FIXED, _CURRENCY):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.rates.setItem(r, c, item)
        self.rates.resizeColumnsToContents()
        self.lots.setRowCount(len(lots))
        for r, lot in enumerate(lots):
            for c, value in enumerate((lot.sku, lot.received_on.isoformat(), lot.quantity, lot.unit_cost,
                                       lot.currency)):
                self.lots.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.lots.resizeColumnsToContents()

    def rate_changes(self) -> list[RateChange]:
        """The rows whose percent, fixed amount or currency differ from what is stored."""
        out = []
        for r, rate in enumerate(self._rates):
            percent, fixed, currency = (self._cell(r, c) for c in (_PERCENT, _FIXED, _CURRENCY))
            if (_same(percent, rate.percent) and _same(fixed, rate.fixed)
                    and currency.strip().upper() == rate.currency):
                continue
            out.append(RateChange(rate.rate_id, percent, fixed, currency))
        return out

    def _cell(self, row: int, column: int) -> str:
        item = self.rates.item(row, column)
        return "" if item is None else item.text()

    def save_rates(self) -> None:
        changes = self.rate_changes()
        if not changes:
            self.accept()
            return
        self.run_command(lambda db: save_fee_rates(db, changes, who=EDITOR))

    def save_lot(self) -> None:
        try:
            cost: Decimal | None = Decimal(self.lot_cost.text().strip()) if self.lot_cost.text().strip() else None
        except InvalidOperation:
            cost = None
        d = self.lot_day.date()
        quantity = self.lot_quantity.value()
        lot = PurchaseLot(self.lot_sku.text().strip(), date(d.year(), d.month(), d.day()),
                          quantity or None, cost, self.lot_currency.text().strip() or None)

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_lot(db, lot, who=EDITOR)

        self.run_command(run, self._saved_lot)

    def _saved_lot(self, result: CommandResult) -> None:
        # a batch is one of many edits: the dialog stays open on the refreshed tables
        self._tell_saved(result)
        self.error.hide()
        self.reload()


def _same(text: str, stored: Decimal) -> bool:
    try:
        return Decimal(text.strip()) == stored
    except InvalidOperation:
        return False
