"""Listings & Inventory: every SKU with price, margin, stock, when to reorder and how much.

Price, cost, stock on hand and the reorder settings are edited in place;
"Set cost…" / "Set reorder point…" (or pasting one value over several
selected rows) change every selected SKU in one step, undone by one Ctrl+Z.
The reorder view lists what to buy now with what it costs per currency, and
exports it as a CSV purchase list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.reorder import ReorderSettings
from shopkeeper.domain.sku_lines import stand_in_platform
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.inventory import (
    ChannelListing,
    SkuDetail,
    inventory_source,
    inventory_summary,
    sku_detail,
)
from shopkeeper.services.inventory_settings import reorder_settings
from shopkeeper.services.listing_checks import ListingProblem, sku_problems
from shopkeeper.services.reorder_list import ReorderList, reorder_list, write_reorder_csv
from shopkeeper.services.stock_ledger import stock_history
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.bundle_dialog import BundleDialog
from shopkeeper.ui.dialogs.listing_checks_dialog import ListingChecksDialog
from shopkeeper.ui.dialogs.reorder_settings_dialog import ReorderSettingsDialog
from shopkeeper.ui.formatting import format_value, money, money_per_currency, platform_label, shop_label, status_label
from shopkeeper.ui.listing_problem_labels import problem_badges, problem_label
from shopkeeper.ui.listing_status_labels import listing_status_label, season_label
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel
from shopkeeper.ui.panels.stock_history import StockHistoryView
from shopkeeper.ui.purchase_list_document import print_purchase_list, save_purchase_list_pdf
from shopkeeper.ui.tabs.bundle_rows import bundle_section
from shopkeeper.ui.tabs.detail_panel import DetailPanel, highlighted
from shopkeeper.ui.tabs.listings_links_view import ChannelLinksView
from shopkeeper.ui.tabs.listings_selection_menu import SelectionMenu
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.tabs.table_tab import make_search_box, make_table_view
from shopkeeper.ui.ui_state import UiState

STATUS_COLORS = {"out": "#c62828", "low": "#e65100", "ok": "#2e7d32", "unknown": "#757575"}


def _format(key: str, kind: str, value: Any) -> str:  # noqa: ANN401 - a cell's native value
    if kind == "badges":
        return problem_badges(value)
    if key == "bundle":
        return QCoreApplication.translate("ListingsTab", "▣ Bundle") if value else ""
    if kind == "listing_status":
        return listing_status_label(value)
    if key == "season":
        return season_label(value)
    if key == "abc" and value is None:
        return "—"  # some of its sales are in a currency without a rate: its revenue, so its class, is unknown
    return format_value(key, kind, value)


class ListingsTab(ShopTab):
    # Sold (30 days) and the computed reorder points come from orders; the listing checks' word list and
    # price tolerance are settings.
    # Net per unit reads settlements, ad spend, fee rates and purchase lots (Area.MONEY).
    areas = frozenset({Area.CATALOG, Area.STOCK, Area.ORDERS, Area.SETTINGS, Area.MONEY})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="listings", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        headers = {
            "sku": self.tr("SKU"), "product": self.tr("Product"), "variant": self.tr("Variant"),
            "stock_status": self.tr("Stock"), "on_hand": self.tr("On hand"), "days_cover": self.tr("Days of cover"),
            "sold_30d": self.tr("Sold (30 days)"), "reorder_point": self.tr("Reorder at"),
            "lead_time_days": self.tr("Lead time (days)"), "price": self.tr("Price"), "cost": self.tr("Cost"),
            "margin_pct": self.tr("Margin"), "currency": self.tr("Currency"), "platforms": self.tr("Sold on"),
            "urgency": self.tr("Urgency"), "avg_daily": self.tr("Avg / day"), "suggested_qty": self.tr("To buy"),
            "order_value": self.tr("Order cost"), "abc": self.tr("ABC"), "xyz": self.tr("XYZ"),
            "dead_stock": self.tr("Dead stock"), "safety_stock": self.tr("Safety stock"),
            "pack_size": self.tr("Pack size"), "min_order": self.tr("Minimum order"),
            "target_cover_days": self.tr("Target cover (days)"),
            "problems": self.tr("Listing problems"),
            "status": self.tr("Status"), "season": self.tr("Season"), "tags": self.tr("Tags"),
            "units_7d": self.tr("Sold 7 d"),
            "units_30d": self.tr("Sold 30 d"), "units_90d": self.tr("Sold 90 d"),
            "price_min": self.tr("Lowest price"), "price_max": self.tr("Highest price"),
            "cost_unknown": self.tr("Cost unknown"), "order_only": self.tr("From orders only"),
            "bundle": self.tr("Bundle"),
            "net_per_unit": self.tr("Net / unit"), "profit_margin_pct": self.tr("Margin after fees"),
            "profit_estimated": self.tr("Profit estimated"),
        }
        self._settings = ReorderSettings()
        self.model = PagedSqlModel(
            worker, inventory_source(clock.today(), self._settings), headers=headers, formatter=_format,
            hidden=("urgency", "lead_time_days", "safety_stock", "pack_size", "min_order", "target_cover_days",
                    "order_value", "sold_30d"),
            status_colors=STATUS_COLORS, name="inventory",
            locked_tips={"on_hand": self.tr("A bundle's stock is what its parts allow: count its parts, not the bundle")},
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("inventorySummary")
        self.search = make_search_box(self, self.tr("Search SKU, product, variant or tag"), self.model.set_search)
        self.reorder_only = QCheckBox(self.tr("Reorder view: what to buy now"), self)
        self.reorder_only.setToolTip(self.tr("SKUs at or below their reorder point with a quantity to buy"))
        self.reorder_only.toggled.connect(self._filters_changed)
        self.reorder_total = QLabel(self)
        self.reorder_total.setObjectName("reorderTotal")
        self.export_reorder_button = QPushButton(self.tr("Export reorder list…"), self)
        self.export_reorder_button.setToolTip(self.tr("Save what to buy now as a CSV purchase list"))
        self.export_reorder_button.clicked.connect(self.ask_export_reorder)
        self.print_reorder_button = QPushButton(self.tr("Print purchase list…"), self)
        self.print_reorder_button.setToolTip(self.tr("Print what to buy now, with quantities and costs"))
        self.print_reorder_button.clicked.connect(self.print_purchase_list)
        self.problems_only = QCheckBox(self.tr("Only listings with problems"), self)
        self.problems_only.toggled.connect(self._filters_changed)
        self.cost_unknown_only = QCheckBox(self.tr("Only SKUs without a cost"), self)
        self.cost_unknown_only.toggled.connect(self._filters_changed)
        # Channel links (one catalogue across platforms) take the table's place while shown.
        self.links_view = ChannelLinksView(worker, self)
        self.links_view.hide()
        self.links_button = QPushButton(self.tr("Channel links"), self)
        self.links_button.setCheckable(True)
        self.links_button.setToolTip(self.tr("Platform SKUs waiting to be linked to your catalogue, with suggestions"))
        self.links_button.toggled.connect(self._show_links)
        self.links_view.waiting_changed.connect(lambda n: self.links_button.setText(
            self.tr("Channel links (%Ln waiting)", "", n) if n else self.tr("Channel links")))
        self.checks_button = QPushButton(self.tr("Listing checks…"), self)
        self.checks_button.setToolTip(self.tr("The words the Advertising Law forbids in listings, and the price "
                                              "difference allowed across platforms"))
        self.checks_button.clicked.connect(self.open_checks_dialog)
        self.reorder_settings_button = QPushButton(self.tr("Reorder settings…"), self)
        self.reorder_settings_button.setToolTip(self.tr("How many days of sales make the demand, from which days, "
                                                        "and when stock counts as dead"))
        self.reorder_settings_button.clicked.connect(self.open_reorder_settings)
        self.set_cost_button = QPushButton(self.tr("Set cost…"), self)
        self.set_cost_button.setToolTip(self.tr("Give every selected SKU the same cost (one undo step)"))
        self.set_cost_button.clicked.connect(lambda: self.ask_and_set("cost", self.tr("Set cost")))
        self.set_reorder_button = QPushButton(self.tr("Set reorder point…"), self)
        self.set_reorder_button.setToolTip(self.tr("Reorder the selected SKUs at this stock level; "
                                                   "leave it empty to go back to the level computed from sales"))
        self.set_reorder_button.clicked.connect(lambda: self.ask_and_set("reorder_point", self.tr("Set reorder point")))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        for text, name in ((self.tr("Every status"), ""), (self.tr("Active"), "status_active"),
                           (self.tr("New"), "status_new"), (self.tr("Seasonal"), "status_seasonal"),
                           (self.tr("Out of season"), "out_of_season"), (self.tr("Delisted"), "status_delisted")):
            self.status_filter.addItem(text, name)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.selection_button = QPushButton(self.tr("Selected SKUs ▾"), self)
        self.selection_button.setToolTip(self.tr("Delist, relist, make seasonal, mark new, or set a field "
                                                 "for every selected SKU (one undo step)"))
        self.bundle_button = QPushButton(self.tr("Bundle…"), self)
        self.bundle_button.setToolTip(self.tr("Make the selected SKU a bundle of other SKUs, or change its parts"))
        self.bundle_button.clicked.connect(self.open_bundle_dialog)
        self.count_label = QLabel(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("editNotice")
        self.notice.setStyleSheet("QLabel#editNotice { color: #c62828; }")
        self.notice.setWordWrap(True)
        self.notice.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.reorder_only)
        bar.addWidget(self.problems_only)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.cost_unknown_only)
        bar.addStretch(1)
        # Up here, not beside the reorder buttons: at 1280 px that row had no room left for its buttons' words.
        bar.addWidget(self.reorder_total)
        bar.addSpacing(12)
        bar.addWidget(self.count_label)
        # A second row for what the seller does with the selection: buy, check, edit.
        actions = QHBoxLayout()
        actions.addWidget(self.export_reorder_button)
        actions.addWidget(self.print_reorder_button)
        actions.addStretch(1)
        actions.addWidget(self.links_button)
        actions.addWidget(self.checks_button)
        actions.addWidget(self.reorder_settings_button)
        actions.addWidget(self.selection_button)
        actions.addWidget(self.set_cost_button)
        actions.addWidget(self.set_reorder_button)
        actions.addWidget(self.bundle_button)
        self.view = make_table_view(self, self.model, {"sku": 130, "product": 230, "variant": 120, "stock_status": 110,
                                                       "bundle": 80, "sold_30d": 110, "platforms": 200,
                                                       "problems": 200, "status": 80, "season": 80})
        self.detail = DetailPanel(self.tr("Select a SKU to see its stock, reorder settings and where it is listed."),
                                  self)
        self.stock_history = StockHistoryView(self)
        self.detail.add_below(self.stock_history)
        self.splitter = self.master_detail(self.view, self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.links_view, 1)
        # Below the table: shown above it, a refusal pushed every row down under the seller's pointer.
        layout.addWidget(self.notice)
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%Ln SKU(s)", "", n)))
        self.model.edit_failed.connect(self.show_refusal)
        self.model.dataChanged.connect(lambda *_: self.notice.hide())
        # A refusal stands until the seller's next command goes through, one that changed nothing included
        # (the worker says so for every command that succeeded; a refused one says it again).
        self.track(worker.changed, lambda *_: self.notice.hide())
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.view)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste_into_selection)
        self.selection = SelectionMenu(view=self.view, model=self.model, worker=worker, today=clock.today,
                                       on_refused=self.show_refusal, on_nothing_selected=self._nothing_selected,
                                       parent=self)
        self.selection_button.clicked.connect(lambda: self.selection.build().popup(
            self.selection_button.mapToGlobal(self.selection_button.rect().bottomLeft())))
        self.remember_view(self.view, self.model)
        self.remember_splitter("detail", self.splitter)
        self.follow_selection(self.view, self.model, self._detail_query, self._show_detail)

    def _filters_changed(self) -> None:
        active = ["to_buy"] if self.reorder_only.isChecked() else []
        if self.problems_only.isChecked():
            active.append("has_problems")
        if self.status_filter.currentData():
            active.append(str(self.status_filter.currentData()))
        if self.cost_unknown_only.isChecked():
            active.append("cost_unknown")
        self.model.set_filters(active)

    def _show_links(self, shown: bool) -> None:
        self.splitter.setVisible(not shown)
        self.links_view.setVisible(shown)

    def open_reorder_settings(self) -> ReorderSettingsDialog:
        dialog = ReorderSettingsDialog(self._worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_checks_dialog(self) -> ListingChecksDialog:
        dialog = ListingChecksDialog(self._worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_bundle_dialog(self) -> BundleDialog | None:
        current = self.view.currentIndex()
        sku = self.model.row_id(current.row()) if current.isValid() else None
        if sku is None:
            self.show_notice(self.tr("Select a SKU first."))
            return None
        dialog = BundleDialog(self._worker, sku, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        today = self._clock.today()
        self.model.set_source(inventory_source(today, self._settings), keep_rows=True)
        self.links_view.refresh()
        self.query(QueryOp(lambda db: (reorder_settings(db), inventory_summary(db, today), reorder_list(db, today)),
                           key="summary"), self._show_summary)

    def _show_summary(self, result: tuple[ReorderSettings, dict[str, Any], ReorderList]) -> None:
        settings, summary, plan = result
        if settings != self._settings:
            # The window or dead-stock days were changed: the table's figures follow.
            self._settings = settings
            self.model.set_source(inventory_source(self._clock.today(), settings), keep_rows=True)
        self._show_counts(summary)
        self._show_reorder_total(plan)

    def _show_reorder_total(self, plan: ReorderList) -> None:
        money_text = money_per_currency(plan.totals)
        text = self.tr("%Ln SKU(s) to buy, costing {money}", "", len(plan.lines)).format(money=money_text)
        if plan.without_cost:
            text += " " + self.tr("(%Ln without a cost not counted)", "", plan.without_cost)
        self.reorder_total.setText(text)
        self.export_reorder_button.setEnabled(bool(plan.lines))
        self.print_reorder_button.setEnabled(bool(plan.lines))

    def ask_export_reorder(self) -> None:
        csv_filter, pdf_filter = self.tr("CSV files (*.csv)"), self.tr("Purchase list to print or send (*.pdf)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export reorder list"), "reorder-list.csv",
                                                   f"{csv_filter};;{pdf_filter}")
        if path and chosen == pdf_filter and not path.lower().endswith(".pdf"):
            path += ".pdf"
        if path:
            self.export_reorder(path)

    def export_reorder(self, path: str) -> None:
        today = self._clock.today()

        if path.lower().endswith(".pdf"):
            # The page is laid out in the window's thread (fonts and text layout are Qt's); the figures come first.
            self.query(QueryOp(lambda db: reorder_list(db, today), key="export_reorder"),
                       lambda plan: self._save_pdf(plan, path), self._export_failed)
            return

        def write(db: Any) -> int:
            plan = reorder_list(db, today)
            write_reorder_csv(plan, Path(path))
            return len(plan.lines)

        self.query(QueryOp(write, key="export_reorder"), lambda n: self._saved(n, path), self._export_failed)

    def _saved(self, n: int, path: str) -> None:
        self.show_notice(self.tr("%Ln SKU(s) saved to {path}", "", n).format(path=path), ok=True)

    def _save_pdf(self, plan: ReorderList, path: str) -> None:
        try:
            save_purchase_list_pdf(plan, Path(path))
        except KnownError as exc:
            self._export_failed(exc)
            return
        self._saved(len(plan.lines), path)

    def print_purchase_list(self) -> None:
        today = self._clock.today()
        self.query(QueryOp(lambda db: reorder_list(db, today), key="print_reorder"),
                   self._print, self._export_failed)

    def _print(self, plan: ReorderList) -> None:
        if print_purchase_list(plan, self):
            self.show_notice(self.tr("Purchase list sent to the printer"), ok=True)

    def _export_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        self.show_notice(window_text(exc.message))

    def _show_counts(self, summary: dict[str, Any]) -> None:
        self.summary.setText(
            self.tr(
                "<b>{skus}</b> SKUs · <span style='color:#e65100'><b>{low}</b> to reorder</span> · "
                "<span style='color:#c62828'><b>{out}</b> out of stock</span> · <b>{dead}</b> dead stock · "
                "stock value at cost <b>{value}</b>"
            ).format(
                skus=f"{summary['skus']:,}", low=summary["low"], out=summary["out"], dead=summary["dead"],
                value=money_per_currency(summary["stock_values"]),
            ) + (" " + self.tr("(%Ln SKU(s) in stock without a cost not counted)", "", summary["stock_without_cost"])
                 if summary.get("stock_without_cost") else "")
            + (self.tr(" · <span style='color:#757575'><b>{unknown}</b> never counted</span>").format(
                unknown=f"{summary['unknown']:,}") if summary.get("unknown") else "")
        )

    # -- editing ------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def set_selected(self, key: str, value: object) -> bool:
        """Set column `key` of every selected SKU (or the current one) to `value`: one change set."""
        rows = self.selection.rows()
        return bool(rows) and self.model.edit_rows(rows, key, value)

    def _nothing_selected(self) -> None:
        self.show_notice(self.tr("Select one or more SKUs first."))

    def ask_and_set(self, key: str, title: str) -> None:
        self.selection.ask_field(key, title)

    def paste_into_selection(self) -> None:
        """One value pasted over several selected rows sets that column of each of them."""
        current: QModelIndex = self.view.currentIndex()
        if not current.isValid():
            return
        text = QGuiApplication.clipboard().text().strip()
        if "\n" in text or "\t" in text:
            self.show_notice(self.tr("Paste one value at a time."))
            return
        key = self.model.column_key(current.column())
        if self.model.source.columns[current.column()].edit is None:
            self.show_notice(self.tr("This column cannot be changed here."))
            return
        self.set_selected(key, text)

    def show_refusal(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.show_notice(self.tr("Not changed: {reason}").format(reason=window_text(exc.message)))
        else:
            raise exc

    def show_notice(self, text: str, *, ok: bool = False) -> None:
        self.notice.setStyleSheet("QLabel#editNotice { color: %s; }" % ("#2e7d32" if ok else "#c62828"))
        self.notice.setText(text)
        self.notice.show()

    # -- detail ---------------------------------------------------------------------------------
    def _detail_query(self, sku: str) -> QueryOp[tuple[SkuDetail | None, tuple[ListingProblem, ...]]]:
        today = self._clock.today()
        return QueryOp(lambda db: (sku_detail(db, sku, today), sku_problems(db, sku)), key="detail")

    def _problem_rows(self, problems: tuple[ListingProblem, ...]) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        for p in problems:
            label = problem_label(p.rule)
            if p.platform:
                label = f"{label} · {platform_label(p.platform)}"
            text = window_text(p.message)
            value: str
            if p.rule == "absolute_terms" and p.detail.get("field") == "title" and p.title:
                # The title itself, with the offending words marked where they stand.
                value = highlighted(p.title, p.words)
            elif p.words:
                value = highlighted(text, p.words)
            else:
                value = text
            rows.append((label, value))
        return rows

    def _listing_price(self, c: ChannelListing) -> str:
        if c.price is None:
            return ""
        price = f"{money(c.price)} {c.currency or ''}".strip()
        # A listing of the whole product (several variants) gives its lowest price, not this variant's.
        return self.tr("from {price}").format(price=price) if c.whole else price

    def _show_detail(self, found: tuple[SkuDetail | None, tuple[ListingProblem, ...]]) -> None:
        d, problems = found
        if d is None:
            self.detail.show_placeholder()
            self.stock_history.clear()
            return
        cover = self.tr("{days} days").format(days=d.days_cover) if d.days_cover is not None else "—"
        reorder = "—" if d.reorder_point is None else f"{d.reorder_point:,}"
        reorder_how = (self.tr("set by you") if d.reorder_point_set
                       else self.tr("safety stock + sales during the lead time"))
        if d.bundle:
            reorder_how = self.tr("a bundle is bought as its parts")
        margin = "—" if d.margin_pct is None else f"{d.margin_pct:.1f} %"
        # One range per currency, each with its currency: a yuan and a dollar price are never one range.
        ranges = " · ".join(
            (f"{money(r.low)} {r.currency}" if r.low == r.high else f"{money(r.low)} – {money(r.high)} {r.currency}")
            for r in d.price_ranges)
        price_rows = [
            (self.tr("Price"), f"{money(d.price)} {d.currency}" if d.price is not None else "—"),
            (self.tr("Across platforms"), ranges or "—"),
            (self.tr("Cost"), f"{money(d.cost)} {d.currency}" if d.cost is not None
             else self.tr("unknown: type it in the Cost column")),
            (self.tr("Margin"), margin),
        ]
        to_buy = "—"
        if d.suggested_qty:
            cost = (f"{money(d.order_value)} {d.currency}" if d.order_value is not None
                    else self.tr("cost unknown"))
            to_buy = f"{d.suggested_qty:,} ({cost})"
        classes = "{abc} · {xyz}".format(abc=d.abc or "—", xyz=d.xyz or "—")
        if d.abc is None:
            classes += " " + self.tr("(ABC unknown: some of its sales are in a currency without an exchange rate)")
        listing_state = listing_status_label(d.status)
        if d.season:
            listing_state += " · " + season_label(d.season, d.in_season)
        if not d.may_reorder:
            listing_state += " · " + self.tr("no reorder suggested")
        sold_recent = self.tr("{d7} · {d30} · {d90} (7 · 30 · 90 days)").format(
            d7=f"{d.units_7d:,}", d30=f"{d.units_30d:,}", d90=f"{d.units_90d:,}")
        if d.bundle:
            # A bundle's stock is what its parts allow: it is counted as its parts, never as itself.
            on_hand = (self.tr("not counted: count its parts") if d.stock_status == "unknown" else
                       self.tr("{count} (what its parts allow: count the parts, not the bundle)").format(
                           count=f"{d.on_hand:,}"))
        else:
            on_hand = (f"{d.on_hand:,}" if d.stock_status != "unknown"
                       else self.tr("not counted: type the count in the On hand column"))
        stock_rows = [
            (self.tr("Listing status"), listing_state),
            (self.tr("Status"), status_label(d.stock_status)),
            (self.tr("Sold"), sold_recent),
            (self.tr("On hand"), on_hand),
            (self.tr("Sold (the same {n} days last year)").format(n=d.window_days) if d.last_year
             else self.tr("Sold (last {n} days)").format(n=d.window_days), f"{d.sold_30d:,}"),
            (self.tr("Average per day"),
             self.tr("{avg} over %Ln day(s) it could sell", "", d.selling_days).format(avg=f"{d.avg_daily:.2f}")),
            (self.tr("Days of cover"), cover),
            (self.tr("Reorder at"), f"{reorder} ({reorder_how})"),
            (self.tr("To buy now"), to_buy),
            (self.tr("ABC · XYZ"), classes),
        ]
        if d.dead_stock:
            value = f"{money(d.dead_value)} {d.currency}" if d.dead_value is not None else self.tr("cost unknown")
            stock_rows.append((self.tr("Dead stock"), self.tr("nothing sold lately; {value} at cost").format(
                value=value)))

        def setting(value: int | None, default: str) -> str:
            return f"{value:,}" if value is not None else self.tr("{default} (default)").format(default=default)

        settings_rows = [
            (self.tr("Lead time"), self.tr("{days} days").format(days=d.lead_time_days)),
            (self.tr("Safety stock"), setting(d.safety_stock, self.tr("7 days of sales"))),
            (self.tr("Pack size"), setting(d.pack_size, "1")),
            (self.tr("Minimum order"), setting(d.min_order, self.tr("none"))),
            (self.tr("Target cover"), self.tr("{days} days").format(days=d.target_cover_applied)),
        ]
        channels = [
            (shop_label(c.shop_id),
             " · ".join(p for p in (self.tr("listing {id}").format(id=c.listing_id),
                                    self.tr("SKU {sku}").format(sku=c.channel_sku) if c.channel_sku else "",
                                    self._listing_price(c),
                                    listing_status_label(c.status), c.title) if p))
            for c in d.channels
        ] or [(self.tr("Not listed"), self.tr("no platform listing carries this SKU"))]
        made_for = stand_in_platform(d.sku)
        if made_for is not None:
            # a SKU made from the title (domain/sku_lines.py): the seller never wrote it
            if made_for == "shopify":  # only its orders' lines are keyed so: its variants have handles
                note = self.tr(
                    "The orders name no SKU for this item and its name matches no single imported product (none, "
                    "or several): Shopkeeper keeps its sales under a SKU made from its title until a products "
                    "export shows which product it is")
            else:
                note = self.tr("{platform} gives this item no SKU: Shopkeeper keeps it under one made from its title "
                               "(a renamed listing starts a new one)").format(platform=platform_label(made_for))
            price_rows.insert(0, (self.tr("SKU"), note))
        sections = [(self.tr("Price and margin"), price_rows), (self.tr("Stock"), stock_rows),
                    (self.tr("Reorder settings"), settings_rows), (self.tr("Listed on"), channels)]
        if d.bundle:
            del sections[2]  # its parts' reorder settings apply
        bundled = bundle_section(d)
        if bundled is not None:
            sections.insert(1, bundled)
        if problems:
            sections.insert(0, (self.tr("Listing problems"), self._problem_rows(problems)))
        self.detail.show_sections(d.sku, " · ".join(p for p in (d.product, d.variant) if p), sections)
        if d.bundle:
            # Its own old counts are not its stock: the panel above says what its parts allow.
            self.stock_history.clear()
            return
        sku = d.sku
        self.query(QueryOp(lambda db: stock_history(db, sku), key="stock_history"),
                   lambda rows: self.stock_history.show_history(rows, self._clock.now()))
