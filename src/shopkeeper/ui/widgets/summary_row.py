"""The row of figures at the top of the Charts tab: one card per period, each with a tiny sparkline.

A figure shows its change against the period just before (arrow and percent,
green up, red down; for the refund rate, up is bad) and the same dates a
year earlier. A change from nothing has no percentage and says so ("new").
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from shopkeeper.services.summary_figures import Figures, PeriodSummary, Summary, change_pct
from shopkeeper.ui.formatting import money


def period_title(p: PeriodSummary) -> str:
    return {"today": QCoreApplication.translate("Charts", "Today"), "7d": QCoreApplication.translate("Charts", "Last 7 days"), "30d": QCoreApplication.translate("Charts", "Last 30 days"),
            "range": QCoreApplication.translate("Charts", "Chosen range")}[p.period]


def arrow(now: Decimal | int | None, before: Decimal | int | None, *, up_is_good: bool = True) -> str:
    """'▲ 12.5 %' coloured by whether the change is good news; 'was 0' when the period compared had none
    (no percentage can say how much more that is); '—' with nothing either side."""
    pct = change_pct(now, before)
    if pct is None:
        return QCoreApplication.translate("Charts", "was 0") if now and not before else "—"
    if pct == 0:
        return "= 0 %"
    good = (pct > 0) == up_is_good
    color = "#2e7d32" if good else "#c62828"
    return f"<span style='color:{color}; font-size:small'>{'▲' if pct > 0 else '▼'}{abs(pct)}%</span>"


def _rows(f: Figures, currency: str) -> list[tuple[str, str]]:
    aov = f.average_order
    return [
        (QCoreApplication.translate("Charts", "Revenue"), f"{money(f.revenue)} {currency}"),
        (QCoreApplication.translate("Charts", "Orders"), f"{f.orders:,}"),
        (QCoreApplication.translate("Charts", "Avg. order"), "—" if aov is None else f"{money(aov)} {currency}"),
        (QCoreApplication.translate("Charts", "Units"), f"{f.units:,}"),
        (QCoreApplication.translate("Charts", "Money refunded %"), "—" if f.refund_rate is None else f"{f.refund_rate} %"),
        (QCoreApplication.translate("Charts", "New / back"), f"{f.new_buyers:,} / {f.returning_buyers:,}"),
    ]


def _explanations() -> dict[str, str]:
    return {
        QCoreApplication.translate("Charts", "Revenue"): QCoreApplication.translate("Charts", "Sold orders' totals less refunds"),
        QCoreApplication.translate("Charts", "Avg. order"): QCoreApplication.translate("Charts", "Revenue ÷ orders"),
        QCoreApplication.translate("Charts", "Units"): QCoreApplication.translate("Charts", "Units sold, refunded units taken off"),
        QCoreApplication.translate("Charts", "Money refunded %"): QCoreApplication.translate("Charts", "Money refunded ÷ money paid, over every paid order"),
        QCoreApplication.translate("Charts", "New / back"): QCoreApplication.translate("Charts", "Buyers whose first order ever falls in the period / buyers who had bought before"),
    }


def _values(f: Figures) -> list[tuple[Decimal | int | None, bool]]:
    return [(f.revenue, True), (f.orders, True), (f.average_order, True), (f.units, True),
            (f.refund_rate, False), (f.new_buyers, True)]


class PeriodCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("periodTitle")
        self.spark = pg.PlotWidget(self)
        self.spark.setObjectName("sparkline")
        self.spark.setFixedHeight(34)
        self.spark.hideAxis("left")
        self.spark.hideAxis("bottom")
        self.spark.setMouseEnabled(x=False, y=False)
        self.spark.hideButtons()
        self.spark.setMenuEnabled(False)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(1)
        self.labels: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []
        for row in range(6):
            cells = (QLabel(self), QLabel(self), QLabel(self), QLabel(self))
            for col, cell in enumerate(cells):
                self.grid.addWidget(cell, row, col)
            self.labels.append(cells)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#8d6e00")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.spark)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)

    def show_period(self, p: PeriodSummary, currency: str, *, compare: bool = True) -> None:
        """The period's figures; with `compare` False (All time: there is no period before it, and a year
        earlier is the same orders) without the ▲▼ columns, which could only say 'was 0' and '= 0 %'."""
        fmt = "%m-%d" if p.first.year == p.last.year else "%Y-%m-%d"
        self.title.setText(f"<b>{period_title(p)}</b> <span style='color:#666'>{p.first.strftime(fmt)}"
                           + ("" if p.first == p.last else f" – {p.last.strftime(fmt)}") + "</span>")
        self.title.setToolTip(QCoreApplication.translate("Charts", "Against the period before (same number of days) and the same dates a year ago"))
        self.spark.clear()
        if p.spark:
            item = self.spark.plot(np.arange(len(p.spark), dtype=float), np.array([float(v) for v in p.spark]),
                                   pen=pg.mkPen("#1565c0", width=1))
            item.setClipToView(True)
        for cells, (name, text), (now, good), (before, _g), (year, _y) in zip(
                self.labels, _rows(p.now, currency), _values(p.now), _values(p.before), _values(p.last_year),
                strict=True):
            cells[0].setText(f"<span style='color:#555'>{name}</span>")
            cells[0].setToolTip(_explanations().get(name, ""))
            cells[1].setText(f"<b>{text}</b>")
            cells[2].setText(arrow(now, before, up_is_good=good) if compare else "")
            cells[2].setToolTip(QCoreApplication.translate("Charts", "Against the period before") if compare else "")
            cells[3].setText(arrow(now, year, up_is_good=good) if compare else "")
            cells[3].setToolTip(QCoreApplication.translate("Charts", "Against the same dates last year") if compare else "")
        self.note.setText(QCoreApplication.translate("Charts", "{n} orders in currencies without a rate are left out of money (Edit › Exchange rates…).").format(
            n=p.now.without_rate) if p.now.without_rate else "")


class SummaryRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryRow")
        self.cards = [PeriodCard(self) for _ in range(4)]
        self.money_note = QLabel(self)
        self.money_note.setObjectName("moneyNote")
        self.money_note.setStyleSheet("color:#666")
        row = QHBoxLayout()
        for card in self.cards:
            row.addWidget(card, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.money_note)

    def show_summary(self, s: Summary, *, all_time: bool = False) -> None:
        for card, p in zip(self.cards, s.periods, strict=True):
            card.show_period(p, s.currency, compare=not (all_time and p.period == "range"))
        self.money_note.setText(
            QCoreApplication.translate("Charts", "Money is net of refunds, converted to {currency} at your rates (Edit › Exchange rates…); "
               "▲▼: against the period before, then the same dates last year.").format(currency=s.currency)
            if s.converted else
            QCoreApplication.translate("Charts", "Money is net of refunds, in {currency} only (orders in other currencies are left out); "
               "▲▼: against the period before, then the same dates last year.").format(currency=s.currency))
