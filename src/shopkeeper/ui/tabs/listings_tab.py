"""Listings & Inventory: every SKU with price, margin, stock and when to reorder.

Price, cost, stock on hand, reorder point and lead time are edited in place;
"Set cost…" / "Set reorder point…" (or pasting one value over several
selected rows) change every selected SKU in one step, undone by one Ctrl+Z.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area
from shopkeeper.domain.errors import KnownError
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.inventory import (
    SkuDetail,
    inventory_source,
    inventory_summary,
    sku_detail,
)
from shopkeeper.services.listing_checks import ListingProblem, sku_problems
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.listing_checks_dialog import ListingChecksDialog
from shopkeeper.ui.formatting import format_value, money, platform_label, status_label
from shopkeeper.ui.listing_problem_labels import problem_badges, problem_label
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel
from shopkeeper.ui.tabs.detail_panel import DetailPanel, highlighted
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.tabs.table_tab import make_search_box, make_table_view
from shopkeeper.ui.ui_state import UiState

STATUS_COLORS = {"out": "#c62828", "low": "#e65100", "ok": "#2e7d32"}


def _format(key: str, kind: str, value: Any) -> str:  # noqa: ANN401 - a cell's native value
    if kind == "badges":
        return problem_badges(value)
    return format_value(key, kind, value)


class ListingsTab(ShopTab):
    # Sold (30 days) and the computed reorder points come from orders; the listing checks' word list and
    # price tolerance are settings.
    areas = frozenset({Area.CATALOG, Area.STOCK, Area.ORDERS, Area.SETTINGS})

    def __init__(self, *, worker: DbWorker, clock: Clock, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(name="listings", worker=worker, ui_state=ui_state, parent=parent)
        self._clock = clock
        headers = {
            "sku": self.tr("SKU"), "product": self.tr("Product"), "variant": self.tr("Variant"),
            "stock_status": self.tr("Stock"), "on_hand": self.tr("On hand"), "days_cover": self.tr("Days of cover"),
            "sold_30d": self.tr("Sold (30 days)"), "reorder_point": self.tr("Reorder at"),
            "lead_time_days": self.tr("Lead time (days)"), "price": self.tr("Price"), "cost": self.tr("Cost"),
            "margin_pct": self.tr("Margin"), "currency": self.tr("Currency"), "platforms": self.tr("Sold on"),
            "urgency": self.tr("Urgency"), "problems": self.tr("Listing problems"),
        }
        self.model = PagedSqlModel(
            worker, inventory_source(clock.today()), headers=headers, formatter=_format,
            hidden=("urgency", "lead_time_days"), status_colors=STATUS_COLORS, name="inventory",
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("inventorySummary")
        self.search = make_search_box(self, self.tr("Search SKU, product or variant"), self.model.set_search)
        self.reorder_only = QCheckBox(self.tr("Only what needs reordering"), self)
        self.reorder_only.toggled.connect(self._filters_changed)
        self.problems_only = QCheckBox(self.tr("Only listings with problems"), self)
        self.problems_only.toggled.connect(self._filters_changed)
        self.checks_button = QPushButton(self.tr("Listing checks…"), self)
        self.checks_button.setToolTip(self.tr("The words the Advertising Law forbids in listings, and the price "
                                              "difference allowed across platforms"))
        self.checks_button.clicked.connect(self.open_checks_dialog)
        self.set_cost_button = QPushButton(self.tr("Set cost…"), self)
        self.set_cost_button.setToolTip(self.tr("Give every selected SKU the same cost (one undo step)"))
        self.set_cost_button.clicked.connect(lambda: self.ask_and_set("cost", self.tr("Set cost")))
        self.set_reorder_button = QPushButton(self.tr("Set reorder point…"), self)
        self.set_reorder_button.setToolTip(self.tr("Reorder the selected SKUs at this stock level; "
                                                   "leave it empty to go back to the level computed from sales"))
        self.set_reorder_button.clicked.connect(lambda: self.ask_and_set("reorder_point", self.tr("Set reorder point")))
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
        bar.addStretch(1)
        bar.addWidget(self.checks_button)
        bar.addWidget(self.set_cost_button)
        bar.addWidget(self.set_reorder_button)
        bar.addWidget(self.count_label)
        self.view = make_table_view(self, self.model, {"sku": 130, "product": 230, "variant": 120, "stock_status": 110,
                                                       "sold_30d": 110, "platforms": 200, "problems": 200})
        self.detail = DetailPanel(self.tr("Select a SKU to see its stock, reorder settings and where it is listed."),
                                  self)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        self.model.loaded.connect(lambda n: self.count_label.setText(self.tr("%n SKU(s)", "", n)))
        self.model.edit_failed.connect(self.show_refusal)
        self.model.dataChanged.connect(lambda *_: self.notice.hide())
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.view)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste_into_selection)
        self.remember_view(self.view, self.model)
        self.remember_splitter("detail", self.splitter)
        self.follow_selection(self.view, self.model, self._detail_query, self._show_detail)

    def _filters_changed(self) -> None:
        active = ["needs_reorder"] if self.reorder_only.isChecked() else []
        if self.problems_only.isChecked():
            active.append("has_problems")
        self.model.set_filters(active)

    def open_checks_dialog(self) -> ListingChecksDialog:
        dialog = ListingChecksDialog(self._worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        today = self._clock.today()
        self.model.set_source(inventory_source(today), keep_rows=True)
        self.query(QueryOp(lambda db: inventory_summary(db, today), key="summary"), self._show_summary)

    def _show_summary(self, summary: dict[str, Any]) -> None:
        self.summary.setText(
            self.tr(
                "<b>{skus}</b> SKUs · <span style='color:#e65100'><b>{low}</b> to reorder</span> · "
                "<span style='color:#c62828'><b>{out}</b> out of stock</span> · stock value at cost <b>{value}</b>"
            ).format(
                skus=f"{summary['skus']:,}", low=summary["low"], out=summary["out"], value=money(summary["stock_value"])
            )
        )

    # -- editing ------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def set_selected(self, key: str, value: object) -> bool:
        """Set column `key` of every selected SKU to `value`: one change set."""
        rows = self.selected_rows()
        if not rows:
            current = self.view.currentIndex()
            rows = [current.row()] if current.isValid() else []
        return bool(rows) and self.model.edit_rows(rows, key, value)

    def ask_and_set(self, key: str, title: str) -> None:
        rows = self.selected_rows()
        if not rows:
            self.show_notice(self.tr("Select one or more SKUs first."))
            return
        label = self.tr("New value for %n selected SKU(s):", "", len(rows))
        text, ok = QInputDialog.getText(self, title, label)
        if ok:
            self.set_selected(key, text)

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

    def show_notice(self, text: str) -> None:
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

    def _show_detail(self, found: tuple[SkuDetail | None, tuple[ListingProblem, ...]]) -> None:
        d, problems = found
        if d is None:
            self.detail.show_placeholder()
            return
        cover = self.tr("{days} days").format(days=d.days_cover) if d.days_cover is not None else "—"
        reorder = "—" if d.reorder_point is None else f"{d.reorder_point:,}"
        reorder_how = self.tr("set by you") if d.reorder_point_set else self.tr("from the last 30 days of sales")
        margin = "—" if d.margin_pct is None else f"{d.margin_pct:.1f} %"
        price_rows = [
            (self.tr("Price"), f"{money(d.price)} {d.currency}" if d.price is not None else "—"),
            (self.tr("Cost"), f"{money(d.cost)} {d.currency}" if d.cost is not None else "—"),
            (self.tr("Margin"), margin),
        ]
        stock_rows = [
            (self.tr("Status"), status_label(d.stock_status)),
            (self.tr("On hand"), f"{d.on_hand:,}"),
            (self.tr("Sold (30 days)"), f"{d.sold_30d:,}"),
            (self.tr("Days of cover"), cover),
            (self.tr("Reorder at"), f"{reorder} ({reorder_how})"),
            (self.tr("Lead time"), self.tr("{days} days").format(days=d.lead_time_days)),
        ]
        channels = [
            (platform_label(c.shop_id.split(":")[0]),
             " · ".join(p for p in (f"{money(c.price)} {c.currency or ''}".strip() if c.price is not None else "",
                                    status_label(c.status or ""), c.title) if p))
            for c in d.channels
        ] or [(self.tr("Not listed"), self.tr("no platform listing carries this SKU"))]
        sections = [(self.tr("Price and margin"), price_rows), (self.tr("Stock"), stock_rows),
                    (self.tr("Listed on"), channels)]
        if problems:
            sections.insert(0, (self.tr("Listing problems"), self._problem_rows(problems)))
        self.detail.show_sections(d.sku, " · ".join(p for p in (d.product, d.variant) if p), sections)
