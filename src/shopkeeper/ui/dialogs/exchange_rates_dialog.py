"""Exchange rates: the currency figures across platforms are counted in, and what each other currency is worth.

Kept in the shop (services/exchange_rates.py); Save makes one change set, so Edit › Undo puts the
previous rates back, and members' spend, tiers and points are recomputed at the new rates. Money in
a currency left without a rate stays out of converted figures; the dialog says how many orders wait.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.exchange_rates import ExchangeRates, exchange_rates, save_exchange_rates
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.formatting import joined
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"
_RATE_COLUMN = 2


class ExchangeRatesDialog(CommandDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("exchangeRatesDialog")
        self.setWindowTitle(self.tr("Exchange rates"))
        self.resize(520, 380)
        intro = QLabel(self.tr(
            "Figures across platforms (charts, members' spend, tiers and points, ABC, profit) are counted in your "
            "base currency. Type what one unit of each other currency is worth in it; money in a currency without "
            "a rate is left out of those figures, never guessed."), self)
        intro.setWordWrap(True)
        self.base = QComboBox(self)
        self.base.setObjectName("baseCurrency")
        self.base.setEditable(True)
        self.base.currentTextChanged.connect(self._base_changed)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("ratesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Currency"), self.tr("Orders"), self.tr("Rate")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _item: self._count_waiting())
        self.waiting = QLabel(self)
        self.waiting.setObjectName("ordersWithoutRate")
        self.waiting.setWordWrap(True)
        self.error_label("ratesError")
        self.save_buttons(self.save, until_loaded=True)
        form = QFormLayout()
        form.addRow(self.tr("Base currency"), self.base)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        worker.query(self, QueryOp(exchange_rates), self._show, self._failed)

    def _show(self, rates: ExchangeRates) -> None:
        self.base.blockSignals(True)
        self.base.clear()
        self.base.addItems(sorted({rates.base, *(r.currency for r in rates.rates)}))
        self.base.setCurrentText(rates.base)
        self.base.blockSignals(False)
        self.table.blockSignals(True)
        # The base has a row too, hidden while it is the base: choosing another base asks for its rate.
        rows = sorted([(rates.base, rates.base_orders, ""),
                       *((r.currency, r.orders, "" if r.rate is None else f"{r.rate:f}") for r in rates.rates)])
        self.table.setRowCount(len(rows))
        for row, (currency, orders, rate) in enumerate(rows):
            for column, text in enumerate((currency, f"{orders:,}", rate)):
                item = QTableWidgetItem(text)
                if column != _RATE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._base_changed(rates.base)
        self.enable_save()

    def _rows(self) -> list[tuple[str, int, str]]:
        out = []
        for row in range(self.table.rowCount()):
            currency, orders, rate = (self._text(row, c) for c in range(3))
            out.append((currency, int(orders.replace(",", "") or 0), rate))
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _base_changed(self, base: str) -> None:
        """The base currency's own row is 1 by definition: it cannot be typed."""
        code = base.strip().upper()
        for row in range(self.table.rowCount()):
            self.table.setRowHidden(row, self._text(row, 0) == code)
        self._count_waiting()

    def _count_waiting(self) -> None:
        base = self.base.currentText().strip().upper()
        waiting = [(c, n) for c, n, rate in self._rows() if c != base and not rate.strip() and n]
        orders = sum(n for _, n in waiting)
        self.waiting.setText(self.tr("%Ln order(s) in {currencies} have no rate yet and are left out of converted "
                                     "figures.", "", orders).format(currencies=joined(c for c, _ in waiting))
                             if orders else self.tr("Every order can be converted."))

    def save(self) -> None:
        base = self.base.currentText()
        rates = {currency: rate for currency, _, rate in self._rows()}

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_exchange_rates(db, who=EDITOR, base=base, rates=rates)

        self.run_command(run)
