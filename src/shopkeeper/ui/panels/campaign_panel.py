"""The selected campaign: its checks before it starts, its checklist, and its review after.

Three pages under the Promotions tab's campaign list. The figures come from
services/campaign_checks.py, campaign_tasks.py and campaign_review.py (loaded on
the worker by `load_campaign`); ticking a task asks the tab to run the
undoable command, so the panel itself never writes. pyqtgraph is imported when
the first review chart is drawn, not when the window starts.

Signals:
    taskToggled(str, bool): the seller ticked a task off (True) or opened it again.
    settingsWanted(): the seller asked to set the minimum margin and the platforms' fees.
    templateWanted(): the seller asked to edit the checklist template.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.campaign_checks import BELOW_COST, BELOW_MIN
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_checks import SkuCheck, sku_checks
from shopkeeper.services.campaign_review import CampaignReview, campaign_review
from shopkeeper.services.campaign_tasks import CampaignTask, campaign_tasks
from shopkeeper.ui.formatting import joined, money
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.widgets.table_filling import filling

_RED = "#c62828"
_AMBER = "#ef6c00"
EVENT_COLOR = "#1e88e5"
BASELINE_COLOR = "#9e9e9e"


@dataclass(frozen=True)
class CampaignDetails:
    promotion_id: int
    name: str
    ended: bool
    checks: list[SkuCheck]
    tasks: list[CampaignTask]
    review: CampaignReview | None


def load_campaign(db: Any, promotion_id: int, today: date) -> CampaignDetails | None:  # noqa: ANN401 - the worker's shop
    """Everything the panel shows for one campaign (None: it is gone)."""
    row = db.fetchone("SELECT name, ends_on FROM promotions WHERE promotion_id = ?", [promotion_id])
    if row is None:
        return None
    ended = row[1] < today
    started = db.scalar("SELECT starts_on <= ? FROM promotions WHERE promotion_id = ?", [today, promotion_id])
    return CampaignDetails(promotion_id, row[0], ended, [] if ended else sku_checks(db, promotion_id, today),
                           campaign_tasks(db, promotion_id), campaign_review(db, promotion_id, today) if started else None)


def _item(text: str, *, color: str | None = None, tip: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if color:
        item.setForeground(QBrush(QColor(color)))
    if tip:
        item.setToolTip(tip)
    return item


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(20)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    return table


class CampaignPanel(QTabWidget):
    taskToggled = Signal(str, bool)
    settingsWanted = Signal()
    templateWanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignPanel")
        self._today = date.today()
        self._filling = False
        self.plot: Any = None  # a pyqtgraph PlotWidget, made on first use

        checks_page = QWidget(self)
        self.checks_note = QLabel(checks_page)
        self.checks_note.setWordWrap(True)
        self.settings_button = QPushButton(self.tr("Margin and fees…"), checks_page)
        self.settings_button.setToolTip(self.tr("The minimum margin and each platform's fees the checks use"))
        self.settings_button.clicked.connect(self.settingsWanted.emit)
        top = QHBoxLayout()
        top.addWidget(self.checks_note, 1)
        top.addWidget(self.settings_button)
        self.checks_table = _table(checks_page, "campaignChecks", [
            self.tr("SKU"), self.tr("Price"), self.tr("Cost"), self.tr("Fees"), self.tr("Margin"),
            self.tr("On hand"), self.tr("Expected"), self.tr("To order"), self.tr("Order by"),
            self.tr("Lowest in 30 days")])
        layout = QVBoxLayout(checks_page)
        layout.addLayout(top)
        layout.addWidget(self.checks_table, 1)
        self.addTab(checks_page, self.tr("Checks"))

        tasks_page = QWidget(self)
        self.tasks_note = QLabel(tasks_page)
        self.tasks_list = QListWidget(tasks_page)
        self.tasks_list.setObjectName("campaignTasks")
        self.tasks_list.itemChanged.connect(self._task_changed)
        self.template_button = QPushButton(self.tr("Checklist template…"), tasks_page)
        self.template_button.clicked.connect(self.templateWanted.emit)
        top = QHBoxLayout()
        top.addWidget(self.tasks_note, 1)
        top.addWidget(self.template_button)
        layout = QVBoxLayout(tasks_page)
        layout.addLayout(top)
        layout.addWidget(self.tasks_list, 1)
        self.addTab(tasks_page, self.tr("Checklist"))

        self.review_page = QWidget(self)
        self.review_note = QLabel(self.review_page)
        self.review_note.setWordWrap(True)
        self.review_table = _table(self.review_page, "campaignReview", [
            self.tr("SKU"), self.tr("Units"), self.tr("Orders"), self.tr("Revenue"), self.tr("Discount cost"),
            self.tr("Baseline units"), self.tr("Lift")])
        self._review_layout = QVBoxLayout(self.review_page)
        self._review_layout.addWidget(self.review_note)
        self._review_layout.addWidget(self.review_table, 1)
        self.addTab(self.review_page, self.tr("Review"))
        self.show_details(None, self._today)

    # -- filling -----------------------------------------------------------------------------------------
    def show_details(self, details: CampaignDetails | None, today: date) -> None:
        self._today = today
        self.setEnabled(details is not None)
        self._show_checks(details)
        self._show_tasks(details)
        self._show_review(details)

    def _show_checks(self, details: CampaignDetails | None) -> None:
        checks = [] if details is None else details.checks
        if details is None:
            self.checks_note.setText(self.tr("Select a campaign to see its checks, checklist and review."))
        elif details.ended:
            self.checks_note.setText(self.tr("This campaign is over: see its review."))
        else:
            self.checks_note.setText(self.tr(
                "Each SKU at its campaign price (stacked with overlapping campaigns), after its cost and the "
                "platform's fees; stock against the sales expected until the end of the campaign."))
        with filling(self.checks_table):
            self.checks_table.setRowCount(len(checks))
            for row, c in enumerate(checks):
                margin_color = {BELOW_COST: _RED, BELOW_MIN: _AMBER}.get(c.margin_verdict or "")
                margin_tip = {BELOW_COST: self.tr("Sells below cost after fees"),
                              BELOW_MIN: self.tr("Below the minimum margin")}.get(c.margin_verdict or "")
                basis = self.tr("last year's same days") if c.from_last_year else self.tr("recent sales × expected uplift")
                expected_tip = self.tr("{event} in the campaign ({basis}) and {before} before it starts").format(
                    event=c.expected, basis=basis, before=c.before_start)
                late = bool(c.short) and c.order_by < self._today
                cells = [
                    _item(c.sku),
                    _item("—" if c.price is None else money(c.price)),
                    _item("—" if c.cost is None else money(c.cost), tip=None if c.cost is not None else self.tr(
                        "No cost: the margin cannot be checked")),
                    _item(self.tr("not set") if c.fee_pct is None else f"{c.fee_pct:.1f} %"),
                    _item("—" if c.margin_pct is None else f"{c.margin_pct:.1f} %", color=margin_color, tip=margin_tip),
                    _item(self.tr("not counted") if c.on_hand is None else f"{c.on_hand:,}",
                          color=_AMBER if c.on_hand is None else None,
                          tip=self.tr("Never counted: type the count in Listings & Inventory")
                          if c.on_hand is None else None),
                    _item(f"{c.expected + c.before_start:,}", tip=expected_tip),
                    _item(f"{c.short:,}" if c.short else "", color=_RED if c.short else None),
                    _item(f"{c.order_by:%Y-%m-%d}" if c.short else "", color=_RED if late else None,
                          tip=self.tr("The lead time has passed") if late else None),
                    _item("—" if c.lowest_30d is None else money(c.lowest_30d),
                          color=_AMBER if c.above_lowest else None,
                          tip=self.tr("The campaign price is not below the lowest price of the last 30 days: "
                                      "platforms (最低价 rules) may refuse it as a discount") if c.above_lowest else None),
                ]
                for col, cell in enumerate(cells):
                    self.checks_table.setItem(row, col, cell)

    def _show_tasks(self, details: CampaignDetails | None) -> None:
        self._filling = True
        self.tasks_list.clear()
        tasks = [] if details is None else details.tasks
        open_count = sum(1 for t in tasks if not t.done)
        overdue = sum(1 for t in tasks if t.overdue(self._today))
        self.tasks_note.setText(self.tr("{open} open · {overdue} overdue · tick a task off when it is done "
                                        "(Edit › Undo takes it back)").format(open=open_count, overdue=overdue))
        for t in tasks:
            name = window_text(t.name) if isinstance(t.name, Message) else t.name
            item = QListWidgetItem(f"{t.due_on:%Y-%m-%d}  {name}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.done else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, t.task_id)
            if t.overdue(self._today):
                item.setForeground(QBrush(QColor(_RED)))
                item.setToolTip(self.tr("Overdue"))
            self.tasks_list.addItem(item)
        self._filling = False

    def _task_changed(self, item: QListWidgetItem) -> None:
        if not self._filling:
            self.taskToggled.emit(str(item.data(Qt.ItemDataRole.UserRole)),
                                  item.checkState() == Qt.CheckState.Checked)

    def _show_review(self, details: CampaignDetails | None) -> None:
        review = None if details is None else details.review
        if review is None:
            self.review_note.setText(self.tr("The review shows once the campaign has started."))
            self.review_table.setRowCount(0)
            if self.plot is not None:
                self.plot.hide()
            return
        t = review.total
        lift = "—" if t.lift_pct is None else f"{t.lift_pct:+.1f} %"
        expected = []
        if review.expected_units is not None:
            expected.append(self.tr("expected {units} units").format(units=f"{review.expected_units:,}"))
        if review.expected_uplift_pct is not None:
            expected.append(self.tr("expected uplift {pct} %").format(pct=f"{review.expected_uplift_pct:.0f}"))
        so_far = ""
        if len(review.days) < review.campaign_days:
            so_far = self.tr("So far, day {day} of {days}: ").format(day=len(review.days), days=review.campaign_days)
        buyers = self.tr("%Ln new buyer(s)", "", review.new_members)
        self.review_note.setText(so_far + self.tr(
            "<b>{units}</b> units in {orders} orders, revenue <b>{revenue}</b>, discounts {discount}, "
            "{buyers}; lift <b>{lift}</b> over the {days} days before ({baseline} units){expected}"
        ).format(units=f"{t.units:,}", orders=f"{t.orders:,}", revenue=f"{money(t.revenue)} {review.currency}",
                 discount=f"{money(t.discount_cost)} {review.currency}", buyers=buyers, lift=lift,
                 days=len(review.days), baseline=f"{t.baseline_units:,}",
                 expected=(" · " + joined(expected)) if expected else ""))
        with filling(self.review_table):
            self.review_table.setRowCount(len(review.skus))
            for row, s in enumerate(review.skus):
                f = s.figures
                cells = [s.sku, f"{f.units:,}", f"{f.orders:,}", money(f.revenue), money(f.discount_cost),
                         f"{f.baseline_units:,}", "—" if f.lift_pct is None else f"{f.lift_pct:+.1f} %"]
                for col, text in enumerate(cells):
                    self.review_table.setItem(row, col, _item(text))
        self._draw(review)

    def _draw(self, review: CampaignReview) -> None:
        import numpy as np
        import pyqtgraph as pg

        from shopkeeper.ui.widgets.chart_frame import compact_axes

        if self.plot is None:
            pg.setConfigOptions(antialias=False, useOpenGL=False, background="w", foreground="#333")
            self.plot = pg.PlotWidget(self.review_page, axisItems=compact_axes())
            self.plot.setObjectName("campaignReviewPlot")
            self.plot.setMinimumHeight(150)
            self.plot.showGrid(x=False, y=True, alpha=0.2)
            self.plot.setMouseEnabled(x=True, y=False)
            self.plot.addLegend(offset=(10, 5))
            self.plot.getAxis("bottom").setLabel(self.tr("day of the campaign"))
            self._review_layout.insertWidget(1, self.plot, 1)
        self.plot.clear()
        self.plot.show()
        x = np.arange(1, len(review.days) + 1, dtype=float)
        # Whole days only: a 4-day campaign has no day 1.5.
        step = max(1, -(-len(review.days) // 12))
        self.plot.getAxis("bottom").setTicks([[(float(i), str(i)) for i in range(1, len(review.days) + 1, step)]])
        event = np.array([d[1] for d in review.days], dtype=float)
        baseline = np.array([d[2] for d in review.days], dtype=float)
        for y, color, name in ((baseline, BASELINE_COLOR, self.tr("Days before")),
                               (event, EVENT_COLOR, self.tr("Campaign"))):
            line = self.plot.plot(x, y, pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                  symbolBrush=color, symbolPen=None, name=name)
            line.setClipToView(True)
