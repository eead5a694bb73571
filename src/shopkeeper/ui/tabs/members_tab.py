"""Members: people across platforms, their tier and points, and who is slipping away."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.platform_totals import NONE_IMPORTED
from shopkeeper.domain.segments import NOT_IMPORTED
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.currency import base_currency
from shopkeeper.services.member_segments import segment_overview
from shopkeeper.services.membership import (
    EXPIRING_DAYS,
    PLATFORM_CODES,
    TIER_CODES,
    MemberDetail,
    PlatformTotals,
    member_detail,
    members_source,
    tier_summary,
)
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.loyalty_settings_dialog import LoyaltySettingsDialog
from shopkeeper.ui.formatting import (
    money,
    money_per_currency,
    order_status_label,
    platform_label,
    points_reason_label,
    status_label,
)
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel
from shopkeeper.ui.tabs.detail_panel import DetailPanel, RichText
from shopkeeper.ui.tabs.member_identity_bar import MemberIdentityBar
from shopkeeper.ui.tabs.member_loyalty_panel import MemberLoyaltyPanel
from shopkeeper.ui.tabs.members_segments import SegmentPanel, ask_export_targets, format_member_value, segment_label
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.tabs.table_tab import make_search_box, make_table_view
from shopkeeper.ui.ui_state import UiState

STATUS_COLORS = {"at_risk": "#e65100", "lapsed": "#c62828", "active": "#2e7d32", "not_imported": "#e65100"}
TIER_COLORS = {4: "#6a1b9a", 3: "#b8860b", 2: "#607d8b", 1: "#8d6e63"}


class MembersTab(ShopTab):
    # Spend is converted with the seller's exchange rates (settings) and counts orders.
    areas = frozenset({Area.MEMBERS, Area.ORDERS, Area.SETTINGS})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, chinese: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(name="members", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        self._chinese = chinese
        # The instant the table, the cards, the segments and the detail give points for: one per refresh,
        # so they show one set of figures (and read one kept result).
        self._now = clock.now()
        self._currency = ""  # the base currency, known once the tiers are read (refresh)
        headers = {
            "member_id": self.tr("Member"), "name": self.tr("Name"), "tier": self.tr("Tier"),
            "platforms": self.tr("Buys on"), "orders": self.tr("Orders"), "spend": self.tr("Spend (base currency)"),
            # Spendable now, as a redemption allows; points inside the return window apart.
            "points": self.tr("Points available"), "points_pending": self.tr("Points pending"),
            "last_order": self.tr("Last order"), "days_since": self.tr("Days since"),
            "status": self.tr("Status"), "tier_rank": self.tr("Tier rank"),
            "segment": self.tr("RFM segment"), "churn_risk": self.tr("Churn risk"),
            "expected_next": self.tr("Next order due"),
            "email": self.tr("E-mail"), "phone": self.tr("Phone"),
            "expiring_points": self.tr("Expiring soon"),
        }
        self.model = PagedSqlModel(
            worker, members_source(clock.today(), chinese=chinese, now=self._now), headers=headers,
            formatter=format_member_value,
            hidden=("tier_rank",), status_colors=STATUS_COLORS, name="members",
        )
        self.cards = QHBoxLayout()
        self.search = make_search_box(self, self.tr("Search name, member id or platform"), self.model.set_search)
        self.win_back = QCheckBox(self.tr("Win back: regulars slipping away"), self)
        self.multi = QCheckBox(self.tr("Buys on several platforms"), self)
        self.win_back.toggled.connect(self._filters_changed)
        self.multi.toggled.connect(self._filters_changed)
        self.tier_filter = QComboBox(self)
        self.tier_filter.setObjectName("tierFilter")
        self.tier_filter.addItem(self.tr("Every tier"), "")
        self.platform_filter = QComboBox(self)
        self.platform_filter.setObjectName("platformFilter")
        self.platform_filter.addItem(self.tr("Every platform"), "")
        for code in PLATFORM_CODES:
            self.platform_filter.addItem(platform_label(code), f"platform:{code}")
        self.expiring = QCheckBox(self.tr("Points expiring within {days} days").format(days=EXPIRING_DAYS), self)
        self.expiring.setToolTip(self.tr("Members who will lose points soon unless they buy or redeem: a reason to "
                                         "write to them"))
        for box in (self.tier_filter, self.platform_filter):
            box.currentIndexChanged.connect(self._filters_changed)
        self.expiring.toggled.connect(self._filters_changed)
        self.count_label = QLabel(self)
        self.segments = SegmentPanel(self)
        self.segments.filters_changed.connect(self._filters_changed)
        self.segments.export_requested.connect(self._export_targets)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.win_back)
        bar.addWidget(self.multi)
        bar.addWidget(self.tier_filter)
        bar.addWidget(self.platform_filter)
        bar.addWidget(self.expiring)
        bar.addStretch(1)
        self.loyalty_button = QPushButton(self.tr("Loyalty settings…"), self)
        self.loyalty_button.clicked.connect(self.open_loyalty_settings)
        # Erasure on request (PIPL art. 47, GDPR art. 17): the member shown in the detail panel.
        self.erase_button = QPushButton(self.tr("Erase member…"), self)
        self.erase_button.clicked.connect(self.erase_shown_member)
        self.view = make_table_view(self, self.model, {"member_id": 80, "name": 180, "tier": 100, "platforms": 150,
                                                       "orders": 70, "spend": 170, "points": 125,
                                                       "points_pending": 115})
        self.detail = DetailPanel(self.tr("Select a member to see their accounts on each platform, tier and points."),
                                  self)
        # The member's points and tier under the detail: its own widget (ui/tabs/member_loyalty_panel.py).
        self.loyalty = MemberLoyaltyPanel(worker, clock, chinese=chinese, parent=self)
        # In a scroll area the splitter may make it smaller than its contents (a 720-pixel-high window
        # otherwise gave it all the room and left the member's accounts two lines).
        loyalty_scroll = QScrollArea(self)
        loyalty_scroll.setWidget(self.loyalty)
        loyalty_scroll.setWidgetResizable(True)
        loyalty_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.detail)
        side.addWidget(loyalty_scroll)
        # The member's accounts and figures first; points and tier history below, smaller.
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        side.setSizes([600, 400])
        self.splitter = self.master_detail(self.view, side)
        self._member_shown: MemberDetail | None = None
        self.identity = MemberIdentityBar(self, worker=worker, view=self.view, model=self.model,
                                          current_member=lambda: self._member_shown)
        self.identity.reveal_changed.connect(lambda _on: self.apply_changes(Changes.of(Area.MEMBERS)))
        layout = QVBoxLayout(self)
        layout.addLayout(self.cards)
        layout.addWidget(self.segments)
        layout.addLayout(bar)
        # The filters get the first row to themselves; the count and the actions on members share the second
        # with the identity actions (one row held them all and squeezed the search box in English).
        actions = QHBoxLayout()
        actions.addWidget(self.identity, 1)
        actions.addWidget(self.count_label)
        actions.addWidget(self.loyalty_button)
        actions.addWidget(self.erase_button)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%Ln member(s)", "", n)))
        self.remember_view(self.view, self.model)
        self.remember_splitter("detail", self.splitter)
        self.follow_selection(self.view, self.model, self._detail_query, self._show_detail)

    def erase_shown_member(self) -> None:
        from shopkeeper.ui.dialogs.privacy_dialog import ask_and_erase_member

        if self._member_shown is None:
            QMessageBox.information(self, self.tr("Erase member"), self.tr("Select the member to erase first."))
            return
        ask_and_erase_member(self, self._worker, self._member_shown.member_id, show_error=self._erase_failed,
                             done=self._erased)

    def _erase_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        QMessageBox.warning(self, self.tr("Not erased"), window_text(exc.message))

    def _erased(self, result: CommandResult) -> None:
        if result.message is not None:
            QMessageBox.information(self, self.tr("Erase member"), window_text(result.message))

    def open_loyalty_settings(self) -> LoyaltySettingsDialog:
        dialog = LoyaltySettingsDialog(self._worker, self._clock, chinese=self._chinese, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _filter_names(self) -> list[str]:
        names = []
        if self.win_back.isChecked():
            names.append("win_back")
        if self.multi.isChecked():
            names.append("multi_platform")
        names += [str(box.currentData()) for box in (self.tier_filter, self.platform_filter) if box.currentData()]
        if self.expiring.isChecked():
            names.append("expiring_soon")
        return [*names, *self.segments.filter_names()]

    def _filters_changed(self) -> None:
        self.model.set_filters(self._filter_names())

    def refresh(self) -> None:
        today, chinese = self._clock.today(), self._chinese
        now = self._now = self._clock.now()
        self.model.set_source(members_source(today, chinese=chinese, reveal=self.identity.revealed, now=now),
                              keep_rows=True)
        self.query(QueryOp(lambda db: (tier_summary(db, today, chinese=chinese, now=now), base_currency(db)),
                           key="tiers"), self._show_tiers)
        self.query(QueryOp(lambda db: (segment_overview(db, today, now=now), base_currency(db)), key="segments"),
                   lambda result: self.segments.show_overview(*result))

    def _export_targets(self) -> None:
        # The list is who the table shows: its search and every filter chosen.
        ask_export_targets(self, self.query, self._clock.today(), self._filter_names(), self.search.text(),
                           self.segments.show_notice)

    def _unconverted(self, d: MemberDetail) -> str:
        """What they spent in their own currencies, said to be not yet in the base one (no exchange rate)."""
        return self.tr("{amounts} (set the exchange rate to count it in {base})").format(
            amounts=money_per_currency(dict(d.spend_by_currency)), base=self._currency)

    def _tier_spend(self, tier: dict[str, Any]) -> str:
        """The tier's spend, saying how many members' spend is unknown for want of an exchange rate."""
        if not tier["spend_unknown"]:
            return self._in_base(tier["spend"])
        known = self._in_base(tier["spend"]) if tier["spend"] is not None else "—"
        return self.tr("{spend} (%Ln without an exchange rate)", "", tier["spend_unknown"]).format(spend=known)

    def _in_base(self, amount: Decimal) -> str:
        return f"{money(amount)} {self._currency}".strip()  # no code until the tiers' read names it

    def _show_tiers(self, result: tuple[list[dict[str, Any]], str]) -> None:
        tiers, self._currency = result
        # Spend is in the base currency, which the seller sets (or the shop's usual one): named, not "base".
        self.model.set_header("spend", self.tr("Spend ({currency})").format(currency=self._currency))
        self._fill_tier_filter(tiers)
        while self.cards.count():
            item = self.cards.takeAt(0)
            card = item.widget() if item is not None else None
            if card is not None:
                card.deleteLater()
        for tier in tiers:
            card = QFrame(self)
            card.setFrameShape(QFrame.Shape.StyledPanel)
            color = TIER_COLORS.get(tier["rank"], "#455a64")
            card.setStyleSheet(f"QFrame {{ border-left: 4px solid {color}; padding: 4px; }}")
            text = QLabel(
                self.tr("<b style='color:{color}'>{tier}</b><br>{members} members · spend {spend}<br>"
                        "{points} points available · {win_back} to win back").format(
                    color=color, tier=tier["tier"] or "—", members=f"{tier['members']:,}",
                    spend=self._tier_spend(tier), points=f"{tier['points']:,}", win_back=f"{tier['win_back']:,}",
                ),
                card,
            )
            # Spendable now, as the table's Points available; what is still inside the return window apart.
            card.setToolTip(self.tr("{points} points available now and {pending} pending (inside the return "
                                    "window)").format(points=f"{tier['points']:,}",
                                                      pending=f"{tier['points_pending']:,}"))
            inner = QVBoxLayout(card)
            inner.setContentsMargins(6, 4, 6, 4)
            inner.addWidget(text)
            self.cards.addWidget(card)
        self.cards.addStretch(1)

    def _fill_tier_filter(self, tiers: list[dict[str, Any]]) -> None:
        # The seller names the tiers: the list follows the names in force, keeping the choice made.
        chosen = self.tier_filter.currentData()
        self.tier_filter.blockSignals(True)
        while self.tier_filter.count() > 1:
            self.tier_filter.removeItem(1)
        for tier in sorted(tiers, key=lambda t: t["rank"]):
            if tier["code"] in TIER_CODES:
                self.tier_filter.addItem(tier["tier"] or tier["code"], f"tier:{tier['code']}")
        self.tier_filter.setCurrentIndex(max(0, self.tier_filter.findData(chosen)))
        self.tier_filter.blockSignals(False)

    # -- detail ---------------------------------------------------------------------------------
    def _detail_query(self, member_id: str) -> QueryOp[MemberDetail | None]:
        today, chinese, reveal, now = self._clock.today(), self._chinese, self.identity.revealed, self._now
        return QueryOp(lambda db: member_detail(db, member_id, today, chinese=chinese, reveal=reveal, now=now),
                       key="detail")

    def _orders_text(self, count: int) -> str:
        # Whole sentences per count: English has no plural forms file, so %n would print "order(s)".
        return self.tr("1 order") if count == 1 else self.tr("{n} orders").format(n=f"{count:,}")

    def _platform_says(self, t: PlatformTotals) -> str:
        """What a platform's customers export says of the member that the shop's orders do not show yet."""
        orders = self._orders_text(t.orders or 0)
        if t.spent is not None:
            # The export names no currency: the shop's, when the seller or the shop's orders say which it is.
            spent = money(t.spent) + (f" {t.currency}" if t.currency else "")
            orders = self.tr("{orders}, {spent} spent").format(orders=orders, spent=spent)
        platform = platform_label(t.platform)
        if t.gap != NONE_IMPORTED:
            return self.tr("{platform}'s customer export says {claim}; the shop holds {imported} of them: import "
                           "the latest orders export to see the rest.").format(
                platform=platform, claim=orders, imported=f"{t.imported:,}")
        if t.orders == 1:
            return self.tr("{platform}'s customer export says {claim}; it is not imported yet: import the orders "
                           "export to see it here.").format(platform=platform, claim=orders)
        return self.tr("{platform}'s customer export says {claim}; none of them is imported yet: import the orders "
                       "export to see them here.").format(platform=platform, claim=orders)

    def _next_order_text(self, d: MemberDetail) -> str:
        if d.expected_next is None:
            return "—"
        if d.churn_risk:
            return self.tr("{date} (overdue: at risk of churning)").format(date=f"{d.expected_next:%Y-%m-%d}")
        return f"{d.expected_next:%Y-%m-%d}"

    def _show_detail(self, d: MemberDetail | None) -> None:
        self._member_shown = d
        self.loyalty.load(None if d is None else d.member_id)
        if d is None:
            self.detail.show_placeholder()
            return
        last = "—" if d.last_order is None else self.tr("{date} ({days} days ago)").format(
            date=f"{d.last_order:%Y-%m-%d}", days=d.days_since)
        # Orders a platform's customers export says the member placed and the shop does not hold: the platform's
        # word, counted nowhere (domain/platform_totals.py); the status says so (domain/segments.NOT_IMPORTED).
        missing = [t for t in d.platform_totals if t.gap]
        summary = [
            (self.tr("Tier"), d.tier or "—"),
            (self.tr("Status"), status_label(d.status)),
            # What a redemption may take now; points inside the return window apart.
            (self.tr("Points"), self.tr("{available} available · {pending} pending").format(
                available=f"{d.points:,}", pending=f"{d.points_pending:,}")),
            (self.tr("Orders"), f"{d.orders:,}"),
            *((self.tr("Not imported yet"), RichText(f"<span style='color:#e65100'>{escape(self._platform_says(t))}"
                                                     "</span>")) for t in missing),
            (self.tr("Spend"), self._in_base(d.spend) if d.spend is not None else self._unconverted(d)),
            (self.tr("Last order"), last),
            (self.tr("Member since"), f"{d.joined_at:%Y-%m-%d}" if d.joined_at else "—"),
            (self.tr("RFM segment"), status_label(d.status) if d.status == NOT_IMPORTED else segment_label(d.segment)),
            (self.tr("Next order due"), self._next_order_text(d)),
        ]
        contact = [(label, value) for label, value in ((self.tr("E-mail"), d.email), (self.tr("Phone"), d.phone))
                   if value]
        accounts = [
            (platform_label(i.shop_id.split(":")[0]),
             " · ".join(p for p in (i.account or i.buyer_id, i.city or "", self._orders_text(i.orders)) if p))
            for i in d.identities
        ] or [(self.tr("None"), self.tr("no platform account is linked to this member"))]
        sections = [(self.tr("Membership"), summary)]
        if contact:
            sections.append((self.tr("Contact"), contact))
        sections.append((self.tr("Accounts on platforms"), accounts))
        if d.recent_orders:
            sections.append((self.tr("Latest orders, every platform"), [
                (f"{o.day:%Y-%m-%d}",
                 " · ".join((platform_label(o.shop_id.split(":")[0]), o.order_id, f"{money(o.total)} {o.currency}",
                             order_status_label(o.status))))
                for o in d.recent_orders]))
        if d.ledger:
            sections.append((self.tr("Points ledger (latest)"), [
                (f"{e.at:%Y-%m-%d}", " · ".join(p for p in (
                    f"{e.points:+,}", points_reason_label(e.reason), e.order_id or "", e.note or "",
                    self.tr("expires {date}").format(date=f"{e.expires_at:%Y-%m-%d}") if e.expires_at else "") if p))
                for e in d.ledger]))
        self.detail.show_sections(d.name, d.member_id, sections)
