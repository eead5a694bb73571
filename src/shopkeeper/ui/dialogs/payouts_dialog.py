"""Payouts: does each deposit equal its lines, which orders were never settled, which money names no order.

Read from services/payouts.py on the worker thread; a payout that does not
reconcile is shown in red with its difference. The month-end page splits the
payouts whose lines cross a month's end, for books closed by month. For a
balance ledger's 提现 the opening balance is shown beside its lines, and the
balance-breaks page lists where a ledger's balances do not follow one another
(a month or a row not imported).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.runtime.clock import Clock
from shopkeeper.services.payouts import Reconciliation, reconcile
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.formatting import money, money_kind_label, platform_label, shop_label
from shopkeeper.ui.operations import QueryOp

_RED = QBrush(QColor("#c62828"))


def _table(parent: QWidget, name: str, header: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(header), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(header))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[Any]], red: Sequence[bool] = ()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if not isinstance(value, str):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r < len(red) and red[r]:
                item.setForeground(_RED)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class PayoutsDialog(CommandDialog):
    def __init__(self, worker: DbWorker, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("payoutsDialog")
        self.setWindowTitle(self.tr("Payouts"))
        self.reconciliation: Reconciliation | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("payoutsSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.payouts = _table(self, "payoutsTable", (
            self.tr("Payout"), self.tr("Platform"), self.tr("Paid"), self.tr("Currency"), self.tr("Deposit"),
            self.tr("Sum of lines"), self.tr("Difference"), self.tr("Lines"), self.tr("Status"),
            self.tr("Opening balance")))
        self.unsettled = _table(self, "unsettledTable", (
            self.tr("Platform"), self.tr("Shop"), self.tr("Order"), self.tr("Day"), self.tr("Currency"),
            self.tr("Total")))
        self.unmatched = _table(self, "unmatchedTable", (
            self.tr("Shop"), self.tr("Movement"), self.tr("When"), self.tr("Kind"), self.tr("Order"),
            self.tr("Amount"), self.tr("Currency"), self.tr("Payout")))
        self.months = _table(self, "monthSplitTable", (
            self.tr("Payout"), self.tr("Month"), self.tr("Currency"), self.tr("Amount"), self.tr("Lines")))
        self.tabs.addTab(self.payouts, self.tr("Payouts"))
        self.tabs.addTab(self.unsettled, self.tr("Orders never settled"))
        self.tabs.addTab(self.unmatched, self.tr("Money with no order"))
        self.breaks = _table(self, "balanceBreaksTable", (
            self.tr("Shop"), self.tr("When"), self.tr("Previous balance at"), self.tr("Currency"), self.tr("Expected balance"),
            self.tr("Stated balance"), self.tr("Gap"), self.tr("Payout")))
        self.tabs.addTab(self.months, self.tr("Month-end split"))
        self.tabs.addTab(self.breaks, self.tr("Balance breaks"))
        self.error_label(wrap=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 560)
        today = clock.today()
        worker.query(self, QueryOp(lambda db: reconcile(db, today)), self._show, self._failed)

    def _show(self, found: Reconciliation) -> None:
        self.reconciliation = found
        off = [p for p in found.payouts if not p.reconciles]
        self.summary.setText(self.tr(
            "{payouts} payouts, {off} not matching their lines; {unsettled} sold orders with no settlement after "
            "{days} days; {unmatched} movements naming an order this shop does not have.").format(
            payouts=f"{len(found.payouts):,}", off=f"{len(off):,}", unsettled=f"{len(found.unsettled):,}",
            days=found.unsettled_days, unmatched=f"{len(found.unmatched):,}"))
        if found.balance_breaks:
            self.summary.setText(self.summary.text() + " " + self.tr(
                "{breaks} breaks in ledger balances: a month or a row of a ledger is missing; see Balance breaks.")
                .format(breaks=len(found.balance_breaks)))
        _fill(self.payouts, [
            (p.payout_id, platform_label(p.platform), "" if p.paid_at is None else str(p.paid_at)[:10],
             p.currency or "", money(p.deposit), money(p.lines_total), money(p.difference), p.lines,
             p.status or "", money(p.opening_balance) if p.balance_ledger else "") for p in found.payouts],
              [not p.reconciles for p in found.payouts])
        _fill(self.unsettled, [(platform_label(o.platform), o.shop_id.partition(":")[2], o.order_id, o.day.isoformat(), o.currency,
                                money(o.total)) for o in found.unsettled])
        _fill(self.unmatched, [(shop_label(m.shop_id), m.movement_id, str(m.occurred_at)[:16], money_kind_label(m.kind), m.order_id,
                                money(m.amount), m.currency, m.payout_id or "") for m in found.unmatched])
        _fill(self.months, [(m.payout_id, m.month, m.currency, money(m.amount), m.lines) for m in found.month_split])
        _fill(self.breaks, [(shop_label(b.shop_id), str(b.occurred_at)[:16], str(b.previous_at)[:16], b.currency,
                             money(b.expected), money(b.balance), money(b.gap), b.payout_id or "")
                            for b in found.balance_breaks], [True] * len(found.balance_breaks))
