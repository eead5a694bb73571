"""The Members tab's RFM part: the segment overview, the segment and churn filters, the target-list export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.domain.rfm import PROSPECTS, SEGMENTS
from shopkeeper.services.member_segments import SegmentOverview, target_list, write_target_list
from shopkeeper.ui.formatting import format_value, money
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp

SEGMENT_COLORS = {"champions": "#2e7d32", "loyal": "#558b2f", "potential_loyalists": "#00838f",
                  "new_customers": "#1565c0", "promising": "#3949ab", "need_attention": "#f9a825",
                  "at_risk": "#e65100", "cant_lose": "#c62828", "hibernating": "#6d4c41", "lost": "#757575",
                  PROSPECTS: "#9e9e9e"}


def segment_label(code: str) -> str:
    labels = {
        "champions": QCoreApplication.translate("Segment", "Champions"),
        "loyal": QCoreApplication.translate("Segment", "Loyal"),
        "potential_loyalists": QCoreApplication.translate("Segment", "Potential loyalists"),
        "new_customers": QCoreApplication.translate("Segment", "New"),
        "promising": QCoreApplication.translate("Segment", "Promising"),
        "need_attention": QCoreApplication.translate("Segment", "Need attention"),
        "at_risk": QCoreApplication.translate("Segment", "At risk"),
        "cant_lose": QCoreApplication.translate("Segment", "Can't lose them"),
        "hibernating": QCoreApplication.translate("Segment", "Hibernating"),
        "lost": QCoreApplication.translate("Segment", "Lost"),
        # True of a member who never ordered and of one whose platform orders are not imported yet
        # (domain/segments.NOT_IMPORTED): RFM scores only the orders the shop holds.
        PROSPECTS: QCoreApplication.translate("Segment", "No orders in the shop"),
    }
    return labels.get(code, code)


def format_member_value(key: str, kind: str, value: Any) -> str:  # noqa: ANN401 - any cell
    """The Members table's cells: the RFM segment by its name, the rest as every table shows them."""
    if key == "segment" and value is not None:
        return segment_label(str(value))
    return format_value(key, kind, value)


class SegmentPanel(QWidget):
    """Segment sizes, revenue share and movement since a month ago; the filters a seller targets with.

    Clicking a segment's row filters the table to it (again: all segments).
    """

    filters_changed = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Segment"), self.tr("Members"), self.tr("Revenue share"), self.tr("A month ago"),
            self.tr("Moved in / out"), self.tr("Churn risk")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setFixedHeight(20 * 6 + 28)
        self.table.cellClicked.connect(self._row_clicked)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.segment = QComboBox(self)
        self.segment.addItem(self.tr("All segments"), "")
        for code in (*SEGMENTS, PROSPECTS):
            self.segment.addItem(segment_label(code), code)
        self.segment.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.churn = QCheckBox(self.tr("Churn risk only"), self)
        self.churn.setToolTip(self.tr("Members whose days since their last order exceed 1.5 times their own "
                                      "usual gap between orders (two or more orders)"))
        self.churn.toggled.connect(lambda _on: self.filters_changed.emit())
        self.export_button = QPushButton(self.tr("Export target list…"), self)
        self.export_button.setToolTip(self.tr("The members the table shows, with their platform accounts, "
                                              "masked contact and a suggested action, as a CSV file"))
        self.export_button.clicked.connect(self.export_requested.emit)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("RFM segment:"), self))
        bar.addWidget(self.segment)
        bar.addWidget(self.churn)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(self.summary)
        side.addLayout(bar)
        side.addWidget(self.notice)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(side, 1)

    def show_notice(self, text: str, *, ok: bool = True) -> None:
        self.notice.setStyleSheet(f"color: {'#2e7d32' if ok else '#c62828'};")
        self.notice.setText(text)

    def filter_names(self) -> list[str]:
        """The Members table's filters (services/membership.SEGMENT_FILTERS) the seller chose here."""
        names = []
        code = self.segment.currentData()
        if code:
            names.append(f"segment:{code}")
        if self.churn.isChecked():
            names.append("churn_risk")
        return names

    def _row_clicked(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        code = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        index = self.segment.findData(code if code != self.segment.currentData() else "")
        self.segment.setCurrentIndex(max(index, 0))

    def show_overview(self, o: SegmentOverview, currency: str = "") -> None:
        """`currency`: the base currency the members' spend is in."""
        self.table.setRowCount(len(o.segments))
        for row, s in enumerate(o.segments):
            name = QTableWidgetItem(segment_label(s.segment))
            name.setData(Qt.ItemDataRole.UserRole, s.segment)
            name.setForeground(Qt.GlobalColor.white)
            name.setBackground(_color(s.segment))
            share = "—" if s.revenue_share is None else f"{s.revenue_share} %"
            cells = [name, _number(f"{s.members:,}"), _number(share), _number(f"{s.before:,}"),
                     _number(f"+{s.came_in:,} / −{s.left:,}"), _number(f"{s.churn_risk:,}" if s.churn_risk else "")]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        self.table.setFixedWidth(header.length() + self.table.verticalScrollBar().sizeHint().width() + 4)
        rate = "—" if o.repurchase_rate is None else f"{o.repurchase_rate} %"
        second = "—" if o.median_days_to_second is None else self.tr("{days} days").format(days=o.median_days_to_second)
        scoring = (self.tr("scored against each other (quantiles)") if o.scoring == "quantile"
                   else self.tr("scored on fixed thresholds (fewer than 100 buyers)"))
        self.summary.setText(self.tr(
            "{members} members with orders, {spend}; {rate} bought again, the second order after {second} "
            "(median); {risk} at risk of churning. Movement since {before}; {scoring}.").format(
            # Unknown while an order has no exchange rate, not a smaller figure (the note below says why).
            members=f"{o.members_with_orders:,}",
            spend=self.tr("spend not known yet") if o.spend is None
            else self.tr("{amount} spent").format(amount=f"{money(o.spend)} {currency}".strip()),
            rate=rate, second=second,
            risk=f"{o.churn_risk:,}", before=f"{o.compared_with:%Y-%m-%d}", scoring=scoring)
            + (" " + self.tr("%Ln of the members' sold order(s) in currencies without an exchange rate are left out "
                             "of spend, tiers and points (Edit › Exchange rates…).", "", o.orders_without_rate)
               if o.orders_without_rate else "")
            + (" " + self.tr("%Ln sold order(s) name no buyer in their export: they count in sales but belong to "
                             "no member.", "", o.orders_without_buyer)
               if o.orders_without_buyer else "")
            # What a platform's customers export says they ordered, beyond the orders the shop holds.
            + (" " + self.tr("%Ln member(s) have orders on their platform that are not imported yet, as its "
                             "customer export says: import the orders export to see them.", "",
                             o.members_with_orders_not_imported)
               if o.members_with_orders_not_imported else ""))


def _number(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _color(code: str) -> Any:  # noqa: ANN401 - a QColor
    from PySide6.QtGui import QColor

    return QColor(SEGMENT_COLORS.get(code, "#455a64"))


def ask_export_targets(parent: QWidget, query: Callable[..., None], today: date, filters: Sequence[str],
                       search: str, done: Callable[..., None]) -> None:
    """Ask where to save the target list and whether to reveal personal data, then write it on the worker."""
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export target list"), "target-list.csv",
                                          parent.tr("CSV files (*.csv)"))
    if not path:
        return
    reveal = QMessageBox.question(
        parent, parent.tr("Personal data"),
        parent.tr("Include names, e-mails and phone numbers unmasked? Choose No to keep them masked "
                  "(a***@example.com, 138****0000). Revealing them is recorded in the log."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    ) == QMessageBox.StandardButton.Yes
    write_targets(query, Path(path), today, filters, search, reveal, done)


def write_targets(query: Callable[..., None], path: Path, today: date, filters: Sequence[str], search: str,
                  reveal: bool, done: Callable[..., None]) -> None:
    """Write on the worker; `done(text, ok=...)` tells the seller how it went."""
    chosen = list(filters)

    def write(db: Any) -> int:  # noqa: ANN401 - the worker's Database
        targets = target_list(db, today, filters=chosen, search=search, show_pii=reveal)
        return write_target_list(path, targets, window_text, segment_label)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        done(window_text(exc.message), ok=False)

    query(QueryOp(write, key="export_targets"),
          lambda n: done(window_text(Message("export.target.written", {"count": n, "path": str(path)}))), failed)
