"""Promotions: the festival calendar with the campaigns on their days, and every campaign with its margin,
stock and warnings; campaigns are created, edited and deleted here (each an undoable change). The selected
campaign's checks, checklist and review show in the panel beside the list."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.campaign_price import KIND_NAMES
from shopkeeper.domain.changes import Area
from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.campaign_tasks import set_task_done
from shopkeeper.services.campaigns import delete_calendar_event, delete_campaign, plan_of
from shopkeeper.services.promotion_calendar import CalendarItem, calendar_items
from shopkeeper.services.promotions import PromotionRow, list_promotions
from shopkeeper.ui.calendar.calendar_panel import CalendarPanel
from shopkeeper.ui.calendar.items import item_name
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import joined, money, platform_label, status_label
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp
from shopkeeper.ui.panels.campaign_panel import CampaignDetails, CampaignPanel, load_campaign
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.ui_state import UiState

_RED = "#c62828"
# What the seller checks first comes first (a narrow window still shows it): is it on, is anything
# wrong, will margin and stock hold; then the terms.
_COLUMNS = ("name", "when", "state", "warnings", "margin", "stock", "tasks", "shops", "kind", "budget", "skus",
            "lowest")


class PromotionsTab(ShopTab):
    # Margin after discount reads prices and costs; "stock vs plan" reads stock on hand.
    areas = frozenset({Area.PROMOTIONS, Area.CATALOG, Area.STOCK})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="promotions", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        self._worker = worker
        self._promotions: list[PromotionRow] = []
        self._items: list[CalendarItem] = []

        self.calendar = CalendarPanel(self)
        self.calendar.set_today(clock.today())
        self.calendar.spanNeeded.connect(self._load_span)
        self.calendar.dayChosen.connect(self._show_day)
        self.calendar.campaignChosen.connect(self.edit_campaign)
        self.calendar.eventChosen.connect(self.remove_event)
        self.day_label = QLabel(self)
        self.day_label.setWordWrap(True)
        self.day_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.day_label.setMinimumWidth(200)
        top = QSplitter(self)
        top.addWidget(self.calendar)
        top.addWidget(self.day_label)
        top.setStretchFactor(0, 4)
        top.setStretchFactor(1, 1)

        self.table = QTableWidget(0, 12, self)
        self.table.setObjectName("promotionsTable")
        headers = {
            "name": self.tr("Promotion"), "when": self.tr("When"), "state": self.tr("State"),
            "warnings": self.tr("Warnings"), "margin": self.tr("Margin after discount"),
            "stock": self.tr("Stock vs plan"), "tasks": self.tr("Tasks"), "shops": self.tr("Shops"),
            "kind": self.tr("Kind"), "budget": self.tr("Budget"), "skus": self.tr("SKUs"),
            "lowest": self.tr("Lowest price"),
        }
        self.table.setHorizontalHeaderLabels([headers[c] for c in _COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        for column, width in (("name", 220), ("when", 170), ("state", 80), ("warnings", 80), ("kind", 230),
                              ("stock", 150)):
            self.table.setColumnWidth(_COLUMNS.index(column), width)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._jump_to_selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_campaign(self._selected_id()))
        self.heading = QLabel(self)
        self.new_button = QPushButton(self.tr("New campaign…"), self)
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(lambda: self.edit_campaign(self._selected_id()))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.event_button = QPushButton(self.tr("Add calendar event…"), self)
        self.event_button.setToolTip(self.tr("Your own dates, or Prime Day once announced. "
                                             "Double-click one in the calendar's list to remove it."))
        self.event_button.clicked.connect(self.add_event)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        for b in (self.new_button, self.edit_button, self.delete_button, self.event_button):
            buttons.addWidget(b)

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(buttons)
        self.details = CampaignPanel(self)
        self.details.taskToggled.connect(self.tick_task)
        self.details.settingsWanted.connect(self.edit_check_settings)
        self.details.templateWanted.connect(self.edit_checklist_template)
        lists = QSplitter(self)
        lists.addWidget(self.table)
        lists.addWidget(self.details)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        # The checks table asks for more width than it needs; without this the campaign list got
        # a third of a 1280-pixel window and showed only names and dates.
        lists.setSizes([550, 450])
        bottom_layout.addWidget(lists, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.remember_splitter("calendar_v2", self.splitter)
        self.remember_splitter("campaign_lists", lists)

    # -- loading ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.calendar.set_today(self._clock.today())
        today = self._clock.today()
        self.query(QueryOp(lambda db: list_promotions(db, today), key="list"), self._show)
        self._load_details()
        self._load_span(*self.calendar.span())

    def _load_span(self, first: date, last: date) -> None:
        def load(db: Any) -> tuple[list[CalendarItem], date, date]:  # noqa: ANN401 - the worker's shop
            return calendar_items(db, first, last, today=today), first, last

        today = self._clock.today()

        self.query(QueryOp(load, key="calendar"), self._show_calendar)

    def _show_calendar(self, loaded: tuple[list[CalendarItem], date, date]) -> None:
        items, first, last = loaded
        self._items = items
        self.calendar.set_items(items, first, last)
        self._show_day(self._clock.today())

    def _show(self, promotions: list[PromotionRow]) -> None:
        today = self._clock.today()
        self._promotions = promotions
        upcoming = [p for p in promotions if p.state(today) != "ended"]
        self.heading.setText(
            self.tr("<b>{planned}</b> planned or running · {total} in all").format(
                planned=len(upcoming), total=len(promotions)
            )
        )
        selected = self._selected_id()
        old_row = self.table.currentRow()
        self.table.blockSignals(True)
        self.table.setRowCount(len(promotions))
        ended = [p for p in promotions if p.state(today) == "ended"]
        # What is coming matters most: upcoming first by date, then the past, latest first.
        ordered = sorted(upcoming, key=lambda p: p.starts_on) + sorted(ended, key=lambda p: p.starts_on, reverse=True)
        for row, promo in enumerate(ordered):
            self._fill_row(row, promo, today)
        self.table.blockSignals(False)
        # The campaign in the panel stays selected; at first, the next one coming.
        ids = [p.promotion_id for p in ordered]
        if ids:
            # A deleted campaign's neighbour takes its place, as in any list; not the top row.
            self.table.selectRow(ids.index(selected) if selected in ids else min(max(old_row, 0), len(ids) - 1))
            self._load_details()
        self.edit_button.setEnabled(bool(promotions))
        self.delete_button.setEnabled(bool(promotions))

    def _shops_text(self, promo: PromotionRow) -> str:
        if not promo.shop_ids:
            return self.tr("All shops")
        return joined(platform_label(s.split(":")[0]) for s in promo.shop_ids)

    def _kind_text(self, promo: PromotionRow) -> str:
        kind = window_text(Message(KIND_NAMES.get(promo.kind, "campaign.kind.percent_off")))
        if promo.kind == "percent_off":
            terms = f"{promo.discount_pct:.2f}".rstrip("0").rstrip(".") + " %"  # 12.5 %, not 12 %
        elif promo.tiers:
            terms = joined(self.tr("{spend} − {off}").format(spend=money(a), off=money(b)) for a, b in promo.tiers)
        elif promo.kind == "buy_x_get_y" and promo.buy_qty and promo.get_qty:
            terms = self.tr("buy {buy} get {get}").format(buy=promo.buy_qty, get=promo.get_qty)
        elif promo.amount_off is not None:
            terms = f"−{money(promo.amount_off)}"
        elif promo.fixed_price is not None:
            terms = money(promo.fixed_price)
        else:
            return kind
        return f"{kind}: {terms}"

    def _fill_row(self, row: int, promo: PromotionRow, today: date) -> None:
        margin = "—" if promo.margin_after_pct is None else f"{promo.margin_after_pct:.1f} %"
        if promo.min_margin_pct is not None:
            # Before it starts: the worst SKU after cost and fees is what the seller must see.
            margin = self.tr("worst {margin} %").format(margin=f"{promo.min_margin_pct:.1f}")
        if promo.state(today) == "ended":
            stock = "—"  # today's stock says nothing about a campaign that is over: its review does
        elif promo.stock_ok is not None:
            stock = self.tr("lasts") if promo.stock_ok else self.tr("{units} short").format(
                units=f"{promo.short_units:,}")
        elif promo.target_units is None:
            stock = self.tr("{units} in stock").format(units=f"{promo.stock_units:,}")
        else:
            stock = self.tr("{units} of {target} planned").format(
                units=f"{promo.stock_units:,}", target=f"{promo.target_units:,}"
            )
        if promo.stock_ok is None and promo.stock_uncounted:
            stock = self.tr("{stock} · {count} not counted").format(stock=stock,
                                                                   count=f"{promo.stock_uncounted:,}")
        budget = "—" if promo.budget is None else f"{money(promo.budget)} {promo.currency}"
        warnings = [window_text(w) for w in promo.warnings]
        cells = {
            "name": promo.name,
            "when": f"{promo.starts_on:%Y-%m-%d} → {promo.ends_on:%Y-%m-%d}",
            "state": status_label(promo.state(today)),
            "warnings": f"⚠ {len(warnings)}" if warnings else "",
            "margin": margin,
            "stock": stock,
            "tasks": self._tasks_text(promo),
            "shops": self._shops_text(promo),
            "kind": self._kind_text(promo),
            "budget": budget,
            "skus": str(promo.sku_count),
            "lowest": "—" if promo.min_unit_price is None else money(promo.min_unit_price),
        }
        for index, column in enumerate(_COLUMNS):
            item = QTableWidgetItem(cells[column])
            item.setData(Qt.ItemDataRole.UserRole, promo.promotion_id)
            if column == "margin" and promo.margin_verdict in ("below_cost", "below_min"):
                item.setForeground(QBrush(QColor(_RED)))
                item.setToolTip(self.tr("A SKU sells below cost or below the minimum margin after fees."))
            elif column == "margin" and promo.margin_verdict is None and promo.margin_after_pct is not None \
                    and promo.margin_after_pct < 15:
                item.setForeground(QBrush(QColor(_RED)))
                item.setToolTip(self.tr("Thin margin: this discount leaves less than 15 % on these SKUs."))
            if column == "stock" and promo.state(today) != "ended" and (
                    promo.stock_ok is False or (promo.stock_ok is None and promo.stock_short)):
                item.setForeground(QBrush(QColor(_RED)))
                item.setToolTip(self.tr("Not enough stock on hand for the planned units."))
            if column == "tasks" and promo.tasks_overdue:
                item.setForeground(QBrush(QColor(_RED)))
            if column == "warnings" and warnings:
                item.setForeground(QBrush(QColor(_RED)))
                item.setToolTip("\n".join(warnings))
            self.table.setItem(row, index, item)

    def _tasks_text(self, promo: PromotionRow) -> str:
        if promo.tasks_overdue:
            return self.tr("{open} open, {overdue} overdue").format(open=promo.tasks_open, overdue=promo.tasks_overdue)
        return self.tr("{open} open").format(open=promo.tasks_open) if promo.tasks_open else self.tr("done")

    # -- the selected campaign -----------------------------------------------------------------------------
    def _load_details(self) -> None:
        promotion_id, today = self._selected_id(), self._clock.today()
        if promotion_id is None:
            self.details.show_details(None, today)
            return
        self.query(QueryOp(lambda db: load_campaign(db, promotion_id, today), key="details"),
                   lambda details: self._show_details(details, today))

    def _show_details(self, details: CampaignDetails | None, today: date) -> None:
        self.details.show_details(details, today)

    def tick_task(self, task_id: str, done: bool) -> None:
        self._worker.command(self, CommandOp(lambda db: set_task_done(db, task_id, done, who="window")),
                             self._saved, self._refused)

    def edit_check_settings(self) -> None:
        from shopkeeper.ui.dialogs.campaign_check_settings_dialog import CampaignCheckSettingsDialog

        CampaignCheckSettingsDialog(self._worker, self).open()

    def edit_checklist_template(self) -> None:
        from shopkeeper.ui.dialogs.checklist_template_dialog import ChecklistTemplateDialog

        ChecklistTemplateDialog(self._worker, self).open()

    # -- the day -----------------------------------------------------------------------------------------
    def _jump_to_selected(self) -> None:
        self._load_details()
        promotion_id = self._selected_id()
        for promo in self._promotions:
            if promo.promotion_id == promotion_id:
                self.calendar.go_to(promo.starts_on)
                self._show_day(promo.starts_on)

    def _show_day(self, day: date) -> None:
        on_day = [i for i in self._items if i.covers(day)]
        lines = [f"<b>{day:%Y-%m-%d}</b>"]
        if not on_day:
            lines.append(self.tr("No campaign or festival"))
        for item in on_day:
            name = item_name(item)
            if item.is_warmup(day):
                name = self.tr("{name} (warm-up)").format(name=name)
            lines.append(name)
        for promo in self._promotions:
            if promo.starts_on <= day <= promo.ends_on:
                lines += [f"<span style='color:{_RED}'>⚠ {window_text(w)}</span>" for w in promo.warnings]
        self.day_label.setText("<br>".join(lines))

    # -- changing campaigns --------------------------------------------------------------------------------
    def _selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return None if not items else int(items[0].data(Qt.ItemDataRole.UserRole))

    def _saved(self, _result: CommandResult) -> None:
        pass  # the worker broadcasts the change: apply_changes reloads this tab

    def new_campaign(self) -> None:
        from shopkeeper.ui.dialogs.campaign_dialog import CampaignDialog

        CampaignDialog(self, worker=self._worker, today=self._clock.today()).open()

    def edit_campaign(self, promotion_id: int | None) -> None:
        if promotion_id is None:
            return
        from shopkeeper.ui.dialogs.campaign_dialog import CampaignDialog

        def opened(plan: Any) -> None:  # noqa: ANN401 - a CampaignPlan, or None when it went meanwhile
            if plan is not None:
                CampaignDialog(self, worker=self._worker, today=self._clock.today(), plan=plan,
                               promotion_id=promotion_id).open()

        self.query(QueryOp(lambda db: plan_of(db, promotion_id)), opened)

    def delete_selected(self) -> None:
        promotion_id = self._selected_id()
        if promotion_id is None:
            return
        name = next((p.name for p in self._promotions if p.promotion_id == promotion_id), "")
        asked = QMessageBox.question(self, self.tr("Delete campaign"), self.tr(
            "Delete the campaign \"{name}\" with its checklist? Edit › Undo brings it back.").format(name=name))
        if asked != QMessageBox.StandardButton.Yes:
            return
        self._worker.command(self, CommandOp(lambda db: delete_campaign(db, promotion_id, who="window")),
                             self._saved, self._refused)

    def add_event(self) -> None:
        from shopkeeper.ui.dialogs.calendar_event_dialog import CalendarEventDialog

        CalendarEventDialog(self, worker=self._worker, day=self._clock.today()).open()

    def remove_event(self, event_id: int, name: str) -> None:
        """Double-clicking an own event in the list offers to remove it (undoable like any change)."""
        asked = QMessageBox.question(self, self.tr("Remove calendar event"),
                                     self.tr("Remove \"{name}\" from the calendar?").format(name=name))
        if asked != QMessageBox.StandardButton.Yes:
            return
        self._worker.command(self, CommandOp(lambda db: delete_calendar_event(db, event_id, who="window")),
                             self._saved, self._refused)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.heading.setText(f"<span style='color:{_RED}'>{window_text(exc.message)}</span>")
