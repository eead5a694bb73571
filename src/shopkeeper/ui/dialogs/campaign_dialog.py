"""The campaign editor: kind and terms, dates, shops, products in scope, budget and what is expected.

Saving is one undoable change set through services/campaigns.py (the demo
plans its campaigns through the same call); the core checks every value and a
refusal is shown here with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.campaign_price import (
    BUNDLE_PRICE,
    BUY_X_GET_Y,
    COUPON,
    FIXED_OFF,
    FLASH_PRICE,
    KIND_NAMES,
    KINDS,
    PERCENT_OFF,
    SPEND_SAVE,
    Tier,
)
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.festivals import festivals
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_checks import CampaignCheck, campaign_checks
from shopkeeper.services.campaigns import CampaignPlan, categories, save_campaign, scope_skus, sku_titles
from shopkeeper.services.currency import base_currency
from shopkeeper.services.product_tags import all_tags
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.formatting import shop_label
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp

_PAGES = {PERCENT_OFF: 0, FIXED_OFF: 1, FLASH_PRICE: 2, BUNDLE_PRICE: 2, BUY_X_GET_Y: 3, SPEND_SAVE: 4, COUPON: 4}
_EMPTY_PAGE = 5


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


# shops (id, name), categories, tags (tag, count), the base currency, titles of the plan's SKUs
_Choices = tuple[list[tuple[str, str]], list[str], list[tuple[str, int]], str, dict[str, str]]


class CampaignDialog(CommandDialog):
    def __init__(self, parent: QWidget | None, *, worker: DbWorker, today: date, plan: CampaignPlan | None = None,
                 promotion_id: int | None = None, on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(worker, parent, on_saved)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(self.tr("Edit campaign") if promotion_id is not None else self.tr("New campaign"))
        self.setMinimumSize(760, 640)
        self._today = today
        self._promotion_id = promotion_id
        self._plan = plan

        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(window_text(Message(KIND_NAMES[kind])), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.festival = QComboBox(self)
        self.festival.addItem(self.tr("(none)"), None)
        seen: set[str] = set()
        for year in (today.year, today.year + 1):
            for f in festivals(year):
                if f.key not in seen:
                    seen.add(f.key)
                    self.festival.addItem(window_text(Message(f.name_code)), f.key)
        self.festival.currentIndexChanged.connect(self._festival_changed)
        self.starts = QDateEdit(self)
        self.ends = QDateEdit(self)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(today))

        self.shops = QListWidget(self)
        self.shops.setMaximumHeight(90)

        self.terms = QStackedWidget(self)
        self.percent = QDoubleSpinBox(self)
        self.percent.setRange(0.01, 99.99)
        self.percent.setDecimals(2)
        self.percent.setSuffix(" %")
        self.percent.setValue(10)
        self.amount_off = QLineEdit(self)
        self.fixed_price = QLineEdit(self)
        self.buy = QSpinBox(self)
        self.buy.setRange(1, 1000)
        self.buy.setValue(2)
        self.get = QSpinBox(self)
        self.get.setRange(1, 1000)
        self.tiers = QTableWidget(0, 2, self)
        self.tiers.setHorizontalHeaderLabels([self.tr("Spend at least"), self.tr("Amount off")])
        self.tiers.horizontalHeader().setStretchLastSection(True)
        self.tiers.setMaximumHeight(120)
        add_tier = QPushButton(self.tr("Add tier"), self)
        add_tier.clicked.connect(lambda: self._add_tier("", ""))
        drop_tier = QPushButton(self.tr("Remove tier"), self)
        drop_tier.clicked.connect(lambda: self.tiers.removeRow(self.tiers.currentRow()))
        self.terms.addWidget(self._page([(self.tr("Percent off"), self.percent)]))
        self.terms.addWidget(self._page([(self.tr("Amount off each unit"), self.amount_off)]))
        self.terms.addWidget(self._page([(self.tr("Set price"), self.fixed_price)]))
        self.terms.addWidget(self._page([(self.tr("Buy"), self.buy), (self.tr("Get free"), self.get)]))
        tier_page = QWidget(self)
        tier_layout = QVBoxLayout(tier_page)
        tier_layout.setContentsMargins(0, 0, 0, 0)
        tier_layout.addWidget(self.tiers)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(add_tier)
        tier_buttons.addWidget(drop_tier)
        tier_buttons.addStretch(1)
        tier_layout.addLayout(tier_buttons)
        self.terms.addWidget(tier_page)
        self.terms.addWidget(QLabel(self.tr("The price does not change; the seller pays the postage."), self))

        self.budget = QLineEdit(self)
        self.currency = QLineEdit(self)
        self.currency.setMaxLength(3)
        self.expected_units = QSpinBox(self)
        self.expected_units.setRange(0, 10_000_000)
        self.expected_units.setSpecialValueText(self.tr("not set"))
        self.uplift = QLineEdit(self)
        self.uplift.setPlaceholderText(self.tr("e.g. 40"))
        self.notes = QLineEdit(self)

        # Products in scope: found by search, category, tag and ABC class, then added to the list.
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("SKU or title"))
        self.category = QComboBox(self)
        self.category.addItem(self.tr("Any category"), None)
        self.tag = QComboBox(self)
        self.tag.setObjectName("campaignTag")
        self.tag.addItem(self.tr("Any tag"), None)
        self.abc = QComboBox(self)
        self.abc.addItem(self.tr("Any ABC class"), None)
        for cls in ("A", "B", "C"):
            self.abc.addItem(self.tr("Class {abc}").format(abc=cls), cls)
        add_matching = QPushButton(self.tr("Add matching"), self)
        add_matching.clicked.connect(self._add_matching)
        remove = QPushButton(self.tr("Remove selected"), self)
        remove.clicked.connect(self._remove_selected)
        self.skus = QListWidget(self)
        self.skus.setObjectName("campaignSkus")
        self.skus.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.sku_count = QLabel(self)
        finder = QHBoxLayout()
        for w in (self.search, self.category, self.tag, self.abc, add_matching):
            finder.addWidget(w)
        scope_buttons = QHBoxLayout()
        scope_buttons.addWidget(self.sku_count, 1)
        scope_buttons.addWidget(remove)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("For festival"), self.festival)
        dates = QHBoxLayout()
        dates.addWidget(self.starts)
        dates.addWidget(QLabel("→", self))
        dates.addWidget(self.ends)
        dates.addStretch(1)
        form.addRow(self.tr("Dates"), dates)
        form.addRow(self.tr("Terms"), self.terms)
        form.addRow(self.tr("Shops (none ticked: every shop)"), self.shops)
        money_row = QHBoxLayout()
        money_row.addWidget(self.budget)
        money_row.addWidget(self.currency)
        form.addRow(self.tr("Budget"), money_row)
        expect_row = QHBoxLayout()
        expect_row.addWidget(self.expected_units)
        expect_row.addWidget(QLabel(self.tr("uplift %"), self))
        expect_row.addWidget(self.uplift)
        form.addRow(self.tr("Expected units"), expect_row)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Find products"), finder)
        form.addRow(self.tr("Products in scope"), self.skus)
        form.addRow("", scope_buttons)

        self.error_label("campaignError")
        buttons = self.save_buttons(self.save)
        # An existing campaign's checks as saved (services/campaign_checks.py): its worst margin and stock verdict.
        self.checks = QLabel(self)
        self.checks.setObjectName("campaignChecks")
        self.checks.setWordWrap(True)
        self.checks.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.checks)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._fill(plan)
        named = tuple(plan.skus) if plan is not None else ()
        self._worker.query(self, QueryOp(lambda db: self._load_choices(db, named)), self._show_choices)
        if promotion_id is not None:
            pid = promotion_id
            self._worker.query(self, QueryOp(lambda db: campaign_checks(db, today).get(pid)), self._show_checks)

    # -- filling ---------------------------------------------------------------------------------------
    def _show_checks(self, check: CampaignCheck | None) -> None:
        if check is None:
            return  # over, or nothing in scope: nothing to check
        margin = "—" if check.min_margin_pct is None else f"{check.min_margin_pct:.1f} %"
        if check.stock_ok is None:
            stock = self.tr("stock not checked")
        else:
            stock = self.tr("stock lasts") if check.stock_ok else self.tr("{units} units short").format(
                units=f"{check.short_units:,}")
        lines = [self.tr("<b>Checks as saved:</b> worst margin {margin} · {stock}").format(margin=margin, stock=stock)]
        lines += [f"<span style='color:#c62828'>⚠ {window_text(w)}</span>" for w in check.warnings]
        self.checks.setText("<br>".join(lines))
        self.checks.show()

    def _page(self, rows: list[tuple[str, QWidget]]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in rows:
            form.addRow(label, widget)
        return page

    def _add_tier(self, threshold: str, off: str) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self.tiers.setItem(row, 0, QTableWidgetItem(threshold))
        self.tiers.setItem(row, 1, QTableWidgetItem(off))

    def _fill(self, plan: CampaignPlan | None) -> None:
        if plan is None:
            # The shop's base currency arrives with the choices (_show_choices).
            self._add_tier("300", "50")
            self._kind_changed()
            self._count()
            return
        self.name.setText(plan.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(plan.kind)))
        self.festival.setCurrentIndex(max(0, self.festival.findData(plan.event)))
        self.starts.setDate(_qdate(plan.starts_on))
        self.ends.setDate(_qdate(plan.ends_on))
        self.percent.setValue(float(plan.discount_pct) if plan.kind == PERCENT_OFF else 10.0)
        self.amount_off.setText("" if plan.amount_off is None else f"{plan.amount_off}")
        self.fixed_price.setText("" if plan.fixed_price is None else f"{plan.fixed_price}")
        self.buy.setValue(plan.buy_qty or 2)
        self.get.setValue(plan.get_qty or 1)
        for t in plan.tiers:
            self._add_tier(f"{t.threshold}", f"{t.amount_off}")
        self.budget.setText("" if plan.budget is None else f"{plan.budget}")
        self.currency.setText(plan.currency)
        self.expected_units.setValue(plan.target_units or 0)
        self.uplift.setText("" if plan.expected_uplift_pct is None else f"{plan.expected_uplift_pct}")
        self.notes.setText(plan.notes or "")
        for sku in plan.skus:
            self._add_sku_item(sku, None)  # named once the choices arrive
        self._kind_changed()
        self._count()

    @staticmethod
    def _load_choices(db: Any, skus: tuple[str, ...]) -> _Choices:  # noqa: ANN401
        shops = [(r[0], r[1]) for r in db.fetchall("SELECT shop_id, name FROM shops ORDER BY shop_id")]
        return shops, categories(db), all_tags(db), base_currency(db), sku_titles(db, list(skus))

    def _show_choices(self, choices: _Choices) -> None:
        shops, cats, tags, base, titles = choices
        if not self.currency.text().strip():
            self.currency.setText(base)
        for i in range(self.skus.count()):
            item = self.skus.item(i)
            sku = str(item.data(Qt.ItemDataRole.UserRole))
            self._name_sku_item(item, sku, titles.get(sku))
        for tag, count in tags:
            self.tag.addItem(self.tr("{tag} ({count})").format(tag=tag, count=count), tag)
        chosen = set(self._plan.shop_ids) if self._plan else set()
        for shop_id, _name in shops:
            item = QListWidgetItem(shop_label(shop_id), self.shops)
            item.setData(Qt.ItemDataRole.UserRole, shop_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if shop_id in chosen else Qt.CheckState.Unchecked)
        for cat in cats:
            self.category.addItem(cat, cat)

    def _kind_changed(self) -> None:
        self.terms.setCurrentIndex(_PAGES.get(str(self.kind.currentData()), _EMPTY_PAGE))

    def _festival_changed(self) -> None:
        # Picking a festival proposes its window (warm-up to the day) for dates not yet set.
        key = self.festival.currentData()
        if key is None or self._plan is not None:
            return
        for year in (self._today.year, self._today.year + 1):
            for f in festivals(year):
                if f.key == key and f.end >= self._today:
                    # A festival already under way starts today: a start in the past would make every
                    # checklist task overdue the moment the campaign exists.
                    self.starts.setDate(_qdate(max(f.first_day, self._today)))
                    self.ends.setDate(_qdate(f.end))
                    return

    # -- products in scope ------------------------------------------------------------------------------
    def _add_matching(self) -> None:
        search, category, abc, today = self.search.text(), self.category.currentData(), self.abc.currentData(), \
            self._today
        tag = self.tag.currentData()

        def find(db: Any) -> list[tuple[str, str, str | None]]:  # noqa: ANN401 - the worker's shop
            return scope_skus(db, search=search, category=category, abc=abc, today=today, tag=tag)

        self._worker.query(self, QueryOp(find, key="scope"), self._add_skus)

    def _add_skus(self, rows: list[tuple[str, str, str | None]]) -> None:
        have = set(self.chosen_skus())
        for sku, title, _category in rows:
            if sku not in have:
                self._add_sku_item(sku, title)
        self._count()

    def _add_sku_item(self, sku: str, title: str | None) -> None:
        item = QListWidgetItem(self.skus)
        item.setData(Qt.ItemDataRole.UserRole, sku)
        self._name_sku_item(item, sku, title)

    @staticmethod
    def _name_sku_item(item: QListWidgetItem, sku: str, title: str | None) -> None:
        # A seller knows a product by its name; the SKU alone ("12529011997255851358") says nothing.
        item.setText(f"{sku} · {title}" if title else sku)
        item.setToolTip(title or "")

    def chosen_skus(self) -> list[str]:
        return [str(self.skus.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.skus.count())]

    def _remove_selected(self) -> None:
        for item in self.skus.selectedItems():
            self.skus.takeItem(self.skus.row(item))
        self._count()

    def _count(self) -> None:
        self.sku_count.setText(self.tr("{count} SKUs in scope").format(count=self.skus.count()))

    # -- saving ----------------------------------------------------------------------------------------
    def _decimal(self, text: str, field: str) -> Decimal | None:
        """The number typed, None when empty; `field` is the field's name code for a refusal."""
        text = text.strip().replace(",", "")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ChangeRefused(Message("edit.refused.not_a_number", {
                "field": Message(field), "value": text})) from None

    def plan(self) -> CampaignPlan:
        """The plan as the form holds it (ChangeRefused when a number cannot be read)."""
        tiers = []
        for row in range(self.tiers.rowCount()):
            cells = [self.tiers.item(row, c) for c in (0, 1)]
            threshold = self._decimal(cells[0].text() if cells[0] else "", "campaign.field.threshold")
            off = self._decimal(cells[1].text() if cells[1] else "", "campaign.field.amount_off")
            if threshold is not None or off is not None:
                tiers.append(Tier(threshold or Decimal(0), off or Decimal(0)))
        shops = tuple(str(self.shops.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.shops.count())
                      if self.shops.item(i).checkState() == Qt.CheckState.Checked)
        return CampaignPlan(
            name=self.name.text(), kind=str(self.kind.currentData()), starts_on=_day(self.starts.date()),
            ends_on=_day(self.ends.date()), currency=self.currency.text().strip().upper() or "CNY",
            skus=tuple(self.chosen_skus()), shop_ids=shops,
            discount_pct=Decimal(str(round(self.percent.value(), 2))),
            amount_off=self._decimal(self.amount_off.text(), "campaign.field.amount_off"),
            fixed_price=self._decimal(self.fixed_price.text(), "campaign.field.fixed_price"),
            buy_qty=self.buy.value(), get_qty=self.get.value(), tiers=tuple(tiers),
            budget=self._decimal(self.budget.text(), "campaign.field.budget"),
            target_units=self.expected_units.value() or None,
            expected_uplift_pct=self._decimal(self.uplift.text(), "campaign.field.uplift"),
            event=self.festival.currentData(), notes=self.notes.text())

    def save(self) -> None:
        try:
            plan = self.plan()
        except ChangeRefused as refused:
            self._failed(refused)
            return
        promotion_id = self._promotion_id

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's shop
            return save_campaign(db, plan, who="window", promotion_id=promotion_id)

        self.run_command(run)
