"""Members: people across platforms, their tier and points, and who is slipping away."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from shopkeeper.runtime.clock import Clock
from shopkeeper.services.membership import members_source, tier_summary
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import format_value, money
from shopkeeper.ui.paged_model import PagedSqlModel
from shopkeeper.ui.tabs.table_tab import make_search_box, make_table_view

STATUS_COLORS = {"at_risk": "#e65100", "lapsed": "#c62828", "active": "#2e7d32"}
TIER_COLORS = {4: "#6a1b9a", 3: "#b8860b", 2: "#607d8b", 1: "#8d6e63"}


class MembersTab(QWidget):
    def __init__(self, *, worker: DbWorker, clock: Clock, chinese: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersTab")
        self._worker = worker
        self._clock = clock
        self._chinese = chinese
        headers = [
            self.tr("Member"), self.tr("Name"), self.tr("Tier"), self.tr("Buys on"), self.tr("Orders"),
            self.tr("Spend (base currency)"), self.tr("Points"), self.tr("Last order"), self.tr("Days since"),
            self.tr("Status"), self.tr("Tier rank"),
        ]
        self.model = PagedSqlModel(
            worker, members_source(clock.today(), chinese=chinese), headers=headers, formatter=format_value,
            hidden=("tier_rank",), status_colors=STATUS_COLORS, name="members",
        )
        self.cards = QHBoxLayout()
        self.search = make_search_box(self, self.tr("Search name, member id or platform"), self.model.set_search)
        self.win_back = QCheckBox(self.tr("Win back: regulars slipping away"), self)
        self.multi = QCheckBox(self.tr("Buys on several platforms"), self)
        self.win_back.toggled.connect(self._filters_changed)
        self.multi.toggled.connect(self._filters_changed)
        self.count_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.win_back)
        bar.addWidget(self.multi)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.view = make_table_view(self, self.model, {0: 80, 1: 180, 2: 100, 3: 150, 4: 70, 5: 170})
        layout = QVBoxLayout(self)
        layout.addLayout(self.cards)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%n member(s)", "", n)))

    def _filters_changed(self) -> None:
        names = []
        if self.win_back.isChecked():
            names.append("win_back")
        if self.multi.isChecked():
            names.append("multi_platform")
        self.model.set_filters(names)

    def refresh(self) -> None:
        today = self._clock.today()
        self.model.set_source(members_source(today, chinese=self._chinese))
        self._worker.submit(
            lambda db: tier_summary(db, today, chinese=self._chinese), self._show_tiers, key="members:tiers"
        )

    def _show_tiers(self, tiers: list[dict[str, Any]]) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for tier in tiers:
            card = QFrame(self)
            card.setFrameShape(QFrame.Shape.StyledPanel)
            color = TIER_COLORS.get(tier["rank"], "#455a64")
            card.setStyleSheet(f"QFrame {{ border-left: 4px solid {color}; padding: 4px; }}")
            text = QLabel(
                self.tr("<b style='color:{color}'>{tier}</b><br>{members} members · spend {spend}<br>"
                        "{points} points held · {win_back} to win back").format(
                    color=color, tier=tier["tier"] or "—", members=f"{tier['members']:,}",
                    spend=money(tier["spend"]), points=f"{tier['points']:,}", win_back=f"{tier['win_back']:,}",
                ),
                card,
            )
            inner = QVBoxLayout(card)
            inner.setContentsMargins(6, 4, 6, 4)
            inner.addWidget(text)
            self.cards.addWidget(card)
        self.cards.addStretch(1)
