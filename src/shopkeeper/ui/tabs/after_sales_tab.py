"""After-sales: how many paid orders came back, where and when, which SKUs stand out, and the seller's tags.

Figures come from services/after_sales.py (rule: domain/refunds.py) in one
query on the DB worker. The refunded orders come a page (ORDERS_PAGE) at a
time: the list says how many of how many it shows, "Show more" adds the next
page and the search box finds an order or a SKU among all of them, so every
refunded order can be reached and tagged (a real shop has 5,648). Tagging the
selected refunded orders and editing the tag list are commands
(services/refund_tags.py), each one Ctrl+Z.
"""

from __future__ import annotations

import html
from datetime import timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area
from shopkeeper.domain.errors import KnownError
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.after_sales import (
    ORDERS_PAGE,
    RefundedOrder,
    RefundedPage,
    RefundRate,
    ReturnsOverview,
    refunded_page,
    returns_overview,
)
from shopkeeper.services.chart_filters import Choices, filter_choices
from shopkeeper.services.refund_tags import set_order_tags, set_tag_names, tag_names
from shopkeeper.services.sales_report import ReportScope
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import joined, money, platform_label
from shopkeeper.ui.message_texts import list_separator, window_text
from shopkeeper.ui.operations import CommandOp, QueryOp
from shopkeeper.ui.paged_model import EDITOR
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.tabs.table_tab import make_search_box
from shopkeeper.ui.ui_state import UiState
from shopkeeper.ui.widgets.table_filling import filling

_RED = "#c62828"
_PERIOD_DAYS = (30, 90, 365, None)  # None: every order


class AfterSalesTab(ShopTab):
    # Refunds come with orders; the tag list is a setting of the shop.
    areas = frozenset({Area.ORDERS, Area.SETTINGS, Area.CATALOG})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="after_sales", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        self._tags: tuple[str, ...] = ()
        self._orders: list[RefundedOrder] = []
        self._orders_total = 0          # every refunded order the period, platform, SKU and search give
        self._orders_of: tuple[Any, ...] | None = None   # what the listed orders are of: (scope, SKU, search)
        self._generation = 0            # a page asked for before the list was loaded again is dropped
        self._sku: str | None = None
        self._search = ""
        self.page_size = ORDERS_PAGE

        self.period = QComboBox(self)
        self.period.setObjectName("afterSalesPeriod")
        for days in _PERIOD_DAYS:
            self.period.addItem(self.tr("Last %Ln day(s)", "", days) if days else self.tr("All orders"), days)
        self.period.setCurrentIndex(2)
        self.platform = QComboBox(self)
        self.platform.setObjectName("afterSalesPlatform")
        self.platform.addItem(self.tr("All platforms"), None)
        self.period.currentIndexChanged.connect(self.refresh)
        self.platform.currentIndexChanged.connect(self.refresh)
        self.heading = QLabel(self)
        self.heading.setObjectName("afterSalesHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.linkActivated.connect(lambda _link: self.period.setCurrentIndex(_PERIOD_DAYS.index(None)))
        filters = QHBoxLayout()
        filters.addWidget(self.period)
        filters.addWidget(self.platform)
        filters.addWidget(self.heading, 1)

        self.worst = self._table("worstSkus", [self.tr("SKU"), self.tr("Paid orders"), self.tr("Refunded"),
                                                self.tr("Refund rate %"), self.tr("At least %")])
        self.worst.setToolTip(self.tr("SKUs with at least 10 paid orders, ranked by the lowest refund rate their "
                                      "orders allow (95 % Wilson bound), so a few unlucky orders do not top the list"))
        self.worst.itemSelectionChanged.connect(self._sku_chosen)
        self.platforms = self._table("refundsByPlatform", [self.tr("Platform"), self.tr("Paid orders"),
                                                           self.tr("Refunded"), self.tr("Refund rate %")])
        self.months = self._table("refundsByMonth", [self.tr("Month"), self.tr("Paid orders"), self.tr("Refunded"),
                                                     self.tr("Refund rate %")])
        self.tag_counts = self._table("refundTags", [self.tr("Tag"), self.tr("Orders")])
        self.reasons = self._table("refundReasons", [self.tr("Reason in the export"), self.tr("Orders")])
        why = QWidget(self)
        why_row = QHBoxLayout(why)
        why_row.setContentsMargins(0, 0, 0, 0)
        why_row.addWidget(self.tag_counts)
        why_row.addWidget(self.reasons)
        # Four titled tables one above the other, each as tall as the seller drags it (remembered).
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setChildrenCollapsible(False)
        titled: tuple[tuple[str, QWidget], ...] = ((self.tr("Worst SKUs by refund rate"), self.worst),
                             (self.tr("By platform"), self.platforms), (self.tr("By month"), self.months),
                             (self.tr("Why: the seller's tags and the exports' reasons"), why))
        for title, table in titled:
            block = QWidget(left)
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(QLabel(f"<b>{title}</b>", block))
            column.addWidget(table, 1)
            left.addWidget(block)
        left.setSizes([280, 140, 160, 140])
        self.remember_splitter("after_sales_left", left)

        self.orders_title = QLabel(self)
        self.orders = self._table("refundedOrders", [self.tr("Day"), self.tr("Platform"), self.tr("Order"),
                                                     self.tr("Status"), self.tr("Total"), self.tr("Refunded"),
                                                     self.tr("SKUs"), self.tr("Tags"), self.tr("Reason")])
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tag_button = QPushButton(self.tr("Tag selected orders"), self)
        self.tag_button.setObjectName("tagOrdersButton")
        self.tag_button.clicked.connect(self._tag_menu)
        self.list_button = QPushButton(self.tr("Edit tag list…"), self)
        self.list_button.setObjectName("editTagListButton")
        self.list_button.clicked.connect(self._edit_tag_list)
        self.order_search = make_search_box(self, self.tr("Search order or SKU"), self._search_changed)
        self.order_search.setObjectName("refundedOrderSearch")
        # wide enough to read what it is for (and a whole order number), whatever the language
        self.order_search.setMinimumWidth(
            self.order_search.fontMetrics().horizontalAdvance(self.order_search.placeholderText() + "0000") + 40)
        buttons = QHBoxLayout()
        buttons.addWidget(self.orders_title, 1)
        buttons.addWidget(self.order_search)
        buttons.addWidget(self.tag_button)
        buttons.addWidget(self.list_button)
        # Under the list: how many of how many it shows, and the next page.
        self.orders_shown = QLabel(self)
        self.orders_shown.setObjectName("refundedOrdersShown")
        self.more_button = QPushButton(self)
        self.more_button.setObjectName("moreOrdersButton")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.setVisible(False)
        more = QHBoxLayout()
        more.addWidget(self.orders_shown, 1)
        more.addWidget(self.more_button)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addLayout(buttons)
        right_column.addWidget(self.orders, 1)
        right_column.addLayout(more)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 700])
        self.remember_splitter("after_sales", splitter)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        # a row as high as its text needs, as in the other tabs' tables: more of each list in view
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- loading --------------------------------------------------------------------
    def scope(self) -> ReportScope:
        days = self.period.currentData()
        first = None if days is None else self._clock.today() - timedelta(days=int(days) - 1)
        return ReportScope(first, None, self.platform.currentData())

    def refresh(self) -> None:
        scope, sku, search = self.scope(), self._sku, self._search
        of = (scope, sku, search)
        # Loaded again for the same list (a tag given, an import): as many orders as the seller had opened.
        limit = max(self.page_size, len(self._orders)) if of == self._orders_of else self.page_size
        self._generation += 1
        generation = self._generation

        def load(db: Any) -> tuple[ReturnsOverview, RefundedPage, tuple[str, ...], Choices]:  # noqa: ANN401
            return (returns_overview(db, scope), refunded_page(db, scope, sku=sku, search=search, limit=limit),
                    tag_names(db), filter_choices(db))

        self.query(QueryOp(load, key="after_sales"), lambda result: self._show(result, of, generation))

    def show_more(self) -> None:
        """The next page of refunded orders, added under those listed."""
        of, offset, generation, size = self._orders_of, len(self._orders), self._generation, self.page_size
        if of is None or offset >= self._orders_total:
            return
        scope, sku, search = of
        self.more_button.setEnabled(False)

        def load(db: Any) -> RefundedPage:  # noqa: ANN401
            return refunded_page(db, scope, sku=sku, search=search, offset=offset, limit=size)

        def done(page: RefundedPage) -> None:
            # The list was loaded again meanwhile (another period, SKU or search, a tag): this page is not its.
            if generation != self._generation or page.offset != len(self._orders):
                return
            self._list_orders(page, start=page.offset)

        self.query(QueryOp(load, key="after_sales_more"), done)

    def _search_changed(self, text: str) -> None:
        if text.strip() != self._search:
            self._search = text.strip()
            self.refresh()

    def _show(self, result: tuple[ReturnsOverview, RefundedPage, tuple[str, ...], Choices],
              of: tuple[Any, ...], generation: int) -> None:
        overview, page, tags, choices = result
        self._tags = tags
        self._offer_platforms(choices.platforms)
        total = overview.total
        if total.paid_orders == 0 and choices.first_day is not None and choices.last_day is not None:
            # An empty period of a shop with orders: say where its orders are rather than show a page of zeros.
            link = self.tr("Show all orders")
            self.heading.setText(self.tr(
                "No paid orders in this period: this shop's orders run from {first} to {last}.").format(
                first=choices.first_day.isoformat(), last=choices.last_day.isoformat())
                + f" <a href='all'>{html.escape(link)}</a>")
        else:
            refunded = joined(f"{money(m.amount)} {m.currency}" for m in overview.money) or "0"
            self.heading.setText(self.tr(
                "{refunded} of {paid} paid orders refunded ({rate} %); money back: {money}; "
                "{untagged} refunded orders not tagged yet").format(
                refunded=f"{total.refunded_orders:,}", paid=f"{total.paid_orders:,}", rate=_pct(total.rate_pct), money=refunded,
                untagged=f"{overview.untagged_refunds:,}")
                + (list_separator(sentences=True) + self.tr("%Ln refunded order(s) of several SKUs do not say which SKU the money was for: "
                                  "left out of the rates by SKU", "", overview.refunds_without_sku)
                   if overview.refunds_without_sku else ""))
        self._fill_rates(self.worst, overview.worst_skus, with_lower=True)
        self._fill_rates(self.platforms, overview.by_platform, label=platform_label)
        self._fill_rates(self.months, overview.by_month, label=lambda m: m[:7])
        self._fill(self.tag_counts, [(self.tag_label(t.tag), f"{t.orders:,}") for t in overview.tags])
        self._fill(self.reasons, [(r.tag, f"{r.orders:,}") for r in overview.reasons])
        if generation != self._generation:
            return  # the period, SKU or search changed since: the newer load lists its orders
        self._orders_of = of
        self.orders_title.setText(self.tr("Refunded orders of {sku}").format(sku=of[1]) if of[1]
                                  else self.tr("Refunded orders (newest first)"))
        self._list_orders(page, start=0)

    def _list_orders(self, page: RefundedPage, *, start: int) -> None:
        """The page's orders from row `start` (0: the list anew), and how many of how many are shown."""
        self._orders[start:] = page.orders
        self._orders_total = page.total
        self._fill(self.orders, [(o.day.isoformat(), platform_label(o.shop_id.split(":", 1)[0]),
                                  o.order_number or o.order_id, self.status_label(o.status), f"{money(o.total)} {o.currency}",
                                  money(o.refunded_amount), o.skus, joined(self.tag_label(t) for t in o.tags),
                                  o.reason or "") for o in page.orders],
                   numeric={4, 5}, start=start)
        shown, total = len(self._orders), page.total
        if total == 0 and self._orders_of is not None and self._orders_of[2]:
            self.orders_shown.setText(self.tr("No refunded order matches “{text}”").format(text=self._orders_of[2]))
        elif shown < total:
            self.orders_shown.setText(self.tr(
                "Showing the newest {shown} of {total}: search by order or SKU, or show more").format(
                shown=f"{shown:,}", total=f"{total:,}"))
        else:
            self.orders_shown.setText(self.tr("Orders listed: {count}").format(count=f"{total:,}"))
        self.more_button.setText(self.tr("Show {count} more").format(
            count=f"{min(self.page_size, max(total - shown, 0)):,}"))
        self.more_button.setVisible(shown < total)
        self.more_button.setEnabled(True)

    def _offer_platforms(self, platforms: tuple[str, ...]) -> None:
        known = {self.platform.itemData(i) for i in range(self.platform.count())}
        self.platform.blockSignals(True)
        for code in platforms:
            if code not in known:
                self.platform.addItem(platform_label(code), code)
        self.platform.blockSignals(False)

    def _fill_rates(self, table: QTableWidget, rates: tuple[RefundRate, ...], *, with_lower: bool = False,
                    label: Any = str) -> None:  # noqa: ANN401
        rows = []
        for r in rates:
            row = [label(r.key), f"{r.paid_orders:,}", f"{r.refunded_orders:,}", _pct(r.rate_pct)]
            rows.append((*row, _pct(r.lower_pct)) if with_lower else tuple(row))
        self._fill(table, rows)
        if with_lower:
            for i, r in enumerate(rates):
                item = table.item(i, 0)
                if item is not None:
                    item.setData(Qt.ItemDataRole.UserRole, r.key)

    def _fill(self, table: QTableWidget, rows: list[tuple[str, ...]], numeric: set[int] | None = None,
              start: int = 0) -> None:
        """Rows of text from row `start` (the rows above kept); columns after the first are figures
        (right-aligned) unless `numeric` says which are."""
        table.blockSignals(True)
        with filling(table):
            table.setRowCount(start + len(rows))
            for i, row in enumerate(rows, start):
                for j, text in enumerate(row):
                    item = QTableWidgetItem(text)
                    if (j in numeric) if numeric is not None else j > 0:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(i, j, item)
        table.blockSignals(False)

    def status_label(self, status: str) -> str:
        # Only refunds are listed: anything but a full refund gave part of the money back.
        return self.tr("Refunded") if status == "refunded" else self.tr("Part refunded")

    def tag_label(self, tag: str) -> str:
        """A default tag in the window's language; the seller's own tags as they wrote them."""
        return {"quality": self.tr("Quality"), "size": self.tr("Size"), "shipping_damage": self.tr("Shipping damage"),
                "description_mismatch": self.tr("Not as described"), "other": self.tr("Other")}.get(tag, tag)

    # -- choosing and tagging ----------------------------------------------------------
    def _sku_chosen(self) -> None:
        rows = self.worst.selectionModel().selectedRows()
        item = self.worst.item(rows[0].row(), 0) if rows else None
        sku = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if sku != self._sku:
            self._sku = sku
            self.refresh()

    def selected_orders(self) -> list[tuple[str, str]]:
        rows = sorted({i.row() for i in self.orders.selectionModel().selectedRows()})
        return [(self._orders[r].shop_id, self._orders[r].order_id) for r in rows if r < len(self._orders)]

    def _tag_menu(self) -> None:
        orders = self.selected_orders()
        menu = QMenu(self)
        menu.setObjectName("tagMenu")
        if not orders:
            menu.addAction(self.tr("Select refunded orders first")).setEnabled(False)
        for tag in self._tags:
            menu.addAction(self.tag_label(tag)).triggered.connect(
                lambda _checked=False, t=tag: self.tag_selected([t]))
        menu.addSeparator()
        menu.addAction(self.tr("No tags")).triggered.connect(lambda _checked=False: self.tag_selected([]))
        for action in menu.actions():
            action.setEnabled(action.isEnabled() and bool(orders))
        menu.popup(self.tag_button.mapToGlobal(self.tag_button.rect().bottomLeft()))

    def tag_selected(self, tags: list[str]) -> None:
        orders = self.selected_orders()
        if orders:
            self._worker.command(self, CommandOp(lambda db: set_order_tags(db, orders, tags, who=EDITOR)),
                                 None, self._refused)

    def _edit_tag_list(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("After-sales tags"), self.tr("One tag a line, in the order offered:"), "\n".join(self._tags))
        if ok:
            self.save_tag_list([line for line in text.splitlines() if line.strip()])

    def save_tag_list(self, names: list[str]) -> None:
        self._worker.command(self, CommandOp(lambda db: set_tag_names(db, names, who=EDITOR)), None, self._refused)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.heading.setText(f"<span style='color:{_RED}'>{window_text(exc.message)}</span>")


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.1f}"
