"""The member panel's loyalty part: points available and pending, expiring soon, tier history and progress.

Adjust and Redeem write one ledger entry each, as an undoable change
(services/points_entries.py); the figures come from services/member_loyalty.py.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.member_loyalty import MemberLoyalty, member_loyalty
from shopkeeper.services.points_entries import add_entry
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import money
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp

EDITOR = "window"


class MemberLoyaltyPanel(QGroupBox):
    """Shows one member's loyalty figures; `load(member_id)` asks the worker for them."""

    def __init__(self, worker: DbWorker, clock: Clock, *, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberLoyalty")
        self.setTitle(self.tr("Points and tier"))
        self._worker = worker
        self._clock = clock
        self._chinese = chinese
        self._member: str | None = None
        self.points = QLabel(self)
        self.points.setObjectName("loyaltyPoints")
        self.points.setWordWrap(True)
        self.tier = QLabel(self)
        self.tier.setObjectName("loyaltyTier")
        self.tier.setWordWrap(True)
        self.history = QListWidget(self)
        self.history.setObjectName("tierHistory")
        self.history.setMaximumHeight(110)
        self.adjust_button = QPushButton(self.tr("Adjust points…"), self)
        self.adjust_button.clicked.connect(self.adjust)
        self.redeem_button = QPushButton(self.tr("Redeem…"), self)
        self.redeem_button.clicked.connect(self.redeem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.redeem_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.points)
        layout.addWidget(self.tier)
        layout.addWidget(QLabel(self.tr("Tier history"), self))
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        self.clear()

    def clear(self) -> None:
        self._member = None
        self.points.setText("")
        self.tier.setText("")
        self.history.clear()
        self.setEnabled(False)

    def load(self, member_id: str | None) -> None:
        if member_id is None:
            self.clear()
            return
        self._member = member_id
        today, chinese, now = self._clock.today(), self._chinese, self._clock.now()
        self._worker.query(self, QueryOp(lambda db: member_loyalty(db, member_id, today, chinese=chinese, now=now),
                                         key="member-loyalty"), self.show_figures)

    def _amount(self, kind: str, value: Decimal, currency: str) -> str:
        if kind == "spend":
            return f"{money(value)} {currency}".strip()
        if kind == "orders":
            return self.tr("%Ln order(s)", "", int(value))
        return self.tr("{n} points").format(n=f"{value:,.0f}")

    def show_figures(self, figures: MemberLoyalty | None) -> None:
        if figures is None or figures.member_id != self._member:
            return
        self.setEnabled(True)
        p = figures.points
        text = self.tr("<b>{available}</b> points available · {pending} pending (inside the return window)").format(
            available=f"{p.available:,}", pending=f"{p.pending:,}")
        if p.expiring_soon:
            text += "<br>" + self.tr("<span style='color:#e65100'>{points} expire within 30 days</span>").format(
                points=f"{p.expiring_soon:,}")
        elif p.next_expiry is not None:
            text += "<br>" + self.tr("Next expiry: {date}").format(date=f"{p.next_expiry:%Y-%m-%d}")
        self.points.setText(text)
        step, kind, currency = figures.progress, figures.basis_kind, figures.currency
        if figures.basis_known:
            lines = [self.tr("<b>{tier}</b> · counted so far: {basis}").format(
                tier=figures.tier, basis=self._amount(kind, step.basis, currency))]
        else:
            # Not 0.00 (nor the other orders' sum passed off as the whole): unknown until the rate is set.
            lines = [self.tr("<b>{tier}</b> · counted so far: unknown").format(tier=figures.tier)]
        # The tier is worked out without such orders: it may be too low, and what it takes to reach the next one
        # or keep it is not known, so neither is said.
        unpriced = figures.unpriced_orders
        if unpriced:
            lines.append("<span style='color:#e65100'>" + (self.tr(
                "1 order in a currency without an exchange rate is not counted, so the tier is worked out without "
                "it: set the rate in Edit › Exchange rates…") if unpriced == 1 else self.tr(
                "{n} orders in a currency without an exchange rate are not counted, so the tier is worked out "
                "without them: set the rate in Edit › Exchange rates…").format(n=f"{unpriced:,}")) + "</span>")
        if figures.next_tier is not None and step.to_next is not None and not unpriced:
            lines.append(self.tr("{more} more to reach {tier}").format(more=self._amount(kind, step.to_next, currency),
                                                                     tier=figures.next_tier))
        if step.review is not None and step.to_keep is not None and not unpriced:
            if step.to_keep > 0:
                lines.append(self.tr("{more} more by {date} to keep {tier}").format(
                    more=self._amount(kind, step.to_keep, currency), date=f"{step.review:%Y-%m-%d}", tier=figures.tier))
            else:
                lines.append(self.tr("{tier} is kept at the review on {date}").format(
                    tier=figures.tier, date=f"{step.review:%Y-%m-%d}"))
        if figures.benefits:
            lines.append(self.tr("Benefits: {text}").format(text=figures.benefits))
        self.tier.setText("<br>".join(lines))
        self.history.clear()
        arrows = {"start": "•", "up": "↑", "down": "↓"}
        for change in reversed(figures.history):
            basis = self.tr("unknown") if change.basis is None else self._amount(kind, change.basis, currency)
            self.history.addItem(f"{change.day:%Y-%m-%d}  {arrows.get(change.change, '')} {change.tier}  ({basis})")

    # -- manual entries -------------------------------------------------------------------------
    def adjust(self) -> None:
        if self._member is None:
            return
        points, ok = QInputDialog.getInt(self, self.tr("Adjust points"),
                                         self.tr("Points to add (negative to take away):"), 0, -1_000_000, 1_000_000)
        if not ok or points == 0:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Adjust points"), self.tr("Reason:"))
        if ok:
            self._entry(points, "adjust", reason)

    def redeem(self) -> None:
        if self._member is None:
            return
        points, ok = QInputDialog.getInt(self, self.tr("Redeem points"), self.tr("Points spent:"), 0, 0, 1_000_000)
        if ok and points > 0:
            note, ok = QInputDialog.getText(self, self.tr("Redeem points"), self.tr("What for (optional):"))
            if ok:
                self._entry(points, "redeem", note)

    def _entry(self, points: int, reason: str, note: str) -> None:
        member = self._member
        assert member is not None

        now = self._clock.now()  # the instant the figures shown are for: what they allow is what is spent

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return add_entry(db, member, points, reason=reason, note=note, who=EDITOR, now=now)

        self._worker.command(self, CommandOp(run), lambda _result: self.load(member), self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        QMessageBox.warning(self, self.tr("Points not changed"), window_text(exc.message))
