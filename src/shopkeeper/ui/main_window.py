"""The main window: five tabs, menus, a status bar, and a drop target over all of it.

The window knows nothing about SQL: every command's Changes come from the DB
worker and the window broadcasts them to the tabs, each of which reloads only
when an area it shows changed; Edit › Undo/Redo run the shop's change sets
and are named after them. Dropped files go to the import flow. What to do for
File > New/Open/Backup and the language menu is passed in by the composition
root (app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.clock import Clock
from shopkeeper.services.campaign_tasks import CampaignTask, overdue_tasks
from shopkeeper.services.shop_files import is_demo_shop, shop_display_name
from shopkeeper.services.stats import shop_stats
from shopkeeper.ui.change_labels import change_label, redo_text, undo_text
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp
from shopkeeper.ui.tabs.after_sales_tab import AfterSalesTab
from shopkeeper.ui.tabs.charts_tab import ChartsTab
from shopkeeper.ui.tabs.listings_tab import ListingsTab
from shopkeeper.ui.tabs.members_tab import MembersTab
from shopkeeper.ui.tabs.promotions_tab import PromotionsTab
from shopkeeper.ui.tabs.tab_base import ShopTab
from shopkeeper.ui.ui_state import UiState

TAB_NAMES = ("listings", "members", "promotions", "charts", "after_sales")


@dataclass(frozen=True)
class WindowActions:
    """What the menus do; supplied by the composition root."""

    new_shop: Callable[[], None]
    open_shop: Callable[[Path | None], None]
    recent_shops: Callable[[], list[Path]]
    import_files: Callable[[list[Path]], None]
    choose_import_files: Callable[[], None]
    choose_import_files_into_shop: Callable[[], None]
    import_history: Callable[[], None]
    column_mappings: Callable[[], None]
    backup: Callable[[], None]
    restore: Callable[[], None]
    set_language: Callable[[str], None]
    about: Callable[[], None]
    show_error: Callable[[BaseException], None]


class DropOverlay(QLabel):
    """The hint shown over the whole window while files are dragged onto it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel { background: rgba(21, 101, 192, 40); border: 3px dashed #1565c0;"
            " color: #0d47a1; font-size: 20px; font-weight: bold; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()


class MainWindow(QMainWindow):
    """Signals:
        files_dropped(list): local paths dropped anywhere on the window.
        shop_changed(Changes): broadcast of what a command changed; tabs listen to it.
    """

    files_dropped = Signal(list)
    shop_changed = Signal(object)

    def __init__(
        self,
        *,
        worker: DbWorker,
        clock: Clock,
        ui_state: UiState,
        actions: WindowActions,
        language: str,
        languages: dict[str, str],
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._worker = worker
        self._ui_state = ui_state
        self._actions = actions
        self._shop_path: Path | None = None
        self._clock = clock
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)

        self.listings = ListingsTab(worker=worker, clock=clock, ui_state=ui_state)
        self.members = MembersTab(worker=worker, clock=clock, ui_state=ui_state, chinese=language.startswith("zh"))
        self.promotions = PromotionsTab(worker=worker, clock=clock, ui_state=ui_state)
        self.charts = ChartsTab(worker=worker, clock=clock, ui_state=ui_state)
        self.after_sales = AfterSalesTab(worker=worker, clock=clock, ui_state=ui_state)
        for tab in self.all_tabs():
            tab.track(self.shop_changed, tab.apply_changes)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.listings, self.tr("Listings && Inventory"))
        self.tabs.addTab(self.members, self.tr("Members"))
        self.tabs.addTab(self.promotions, self.tr("Promotions"))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.tabs.addTab(self.after_sales, self.tr("After-sales"))
        self.tabs.currentChanged.connect(lambda i: ui_state.set_last_tab(TAB_NAMES[i]))
        self.empty_hint = QLabel(self)
        self.empty_hint.setObjectName("emptyShopHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(
            "QLabel { background: #e3f2fd; border: 1px solid #90caf9; padding: 10px; color: #0d47a1; }"
        )
        self.empty_hint.setText(self.tr(
            "<b>This shop is empty.</b> Drag your platforms' order, product or customer exports "
            "(CSV, Excel or zip) anywhere onto this window, or use File › Import…. "
            "Shopify, Etsy, Amazon, WooCommerce, eBay, Taobao/Tmall, JD, Pinduoduo, Douyin and Youzan "
            "exports are recognised by their columns."
        ))
        self.empty_hint.hide()
        # The first start opens the demo: a new seller must see at once that these figures are not theirs,
        # and the one step that starts their own shop.
        self.demo_hint = QLabel(self)
        self.demo_hint.setObjectName("demoShopHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet(
            "QLabel { background: #fff8e1; border: 1px solid #ffcc80; padding: 8px 10px; color: #5d4037; }"
        )
        self.demo_hint.setText("{} <a href='new'>{}</a> {}".format(
            self.tr("<b>This is the demo shop:</b> its orders, members and campaigns are made up, to try every tab."),
            self.tr("Start my own shop…"),
            self.tr("(or drop your exports on the window)"),
        ))
        self.demo_hint.linkActivated.connect(lambda _link: self._actions.new_shop())
        self.demo_hint.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.demo_hint)
        column.addWidget(self.empty_hint)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.overlay = DropOverlay(self)
        self.overlay.setText(self.tr("Drop platform exports here to import them"))
        self.shop_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.busy_label = QLabel(self)
        # Overdue campaign tasks stand out on every tab; a click shows the campaigns.
        self.tasks_label = QLabel(self)
        self.tasks_label.setObjectName("overdueTasks")
        self.tasks_label.setStyleSheet("color: #c62828")
        self.tasks_label.linkActivated.connect(lambda _link: self.show_tab("promotions"))
        self.statusBar().addWidget(self.shop_label)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.tasks_label)
        self.statusBar().addPermanentWidget(self.busy_label)
        worker.busy_changed.connect(self._show_busy)
        worker.changed.connect(self.broadcast)

        self._build_menus(language, languages)
        geometry = ui_state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        last = ui_state.last_tab()
        if last in TAB_NAMES:
            self.tabs.setCurrentIndex(TAB_NAMES.index(last))

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    # -- menus --------------------------------------------------------------------
    def _build_menus(self, language: str, languages: dict[str, str]) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add(file_menu, self.tr("&New shop…"), self._actions.new_shop, QKeySequence.StandardKey.New)
        self._add(file_menu, self.tr("&Open shop…"), lambda: self._actions.open_shop(None), QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Recent shops"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Import…"), self._actions.choose_import_files, QKeySequence("Ctrl+I"))
        self._add(file_menu, self.tr("Import into a s&hop…"), self._actions.choose_import_files_into_shop)
        self._add(file_menu, self.tr("Import &history…"), self._actions.import_history)
        self._add(file_menu, self.tr("Saved column &mappings…"), self._actions.column_mappings)
        self._add(file_menu, self.tr("Export &stock update…"), self.export_stock_update)
        self._add(file_menu, self.tr("Export &table…"), self.export_table)
        self._add(file_menu, self.tr("&Privacy…"), self.privacy)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Backup now…"), self._actions.backup, QKeySequence("Ctrl+Shift+B"))
        self._add(file_menu, self.tr("&Restore…"), self._actions.restore)
        file_menu.addSeparator()
        quit_action = self._add(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._add(edit_menu, undo_text(None), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._add(edit_menu, redo_text(None), self.redo, QKeySequence.StandardKey.Redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        edit_menu.addSeparator()
        self._add(edit_menu, self.tr("&Audit trail…"), self.audit_trail)
        self._add(edit_menu, self.tr("E&xchange rates…"), self.exchange_rates)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._add(view_menu, self.tr("&Refresh"), self.refresh_all, QKeySequence.StandardKey.Refresh)
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in languages.items():
            action = lang_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == language)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self._actions.set_language(c))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = self._add(help_menu, self.tr("&About Shopkeeper"), self._actions.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _add(self, menu: QMenu, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        shops = self._actions.recent_shops()
        if not shops:
            empty = self.recent_menu.addAction(self.tr("(none yet)"))
            empty.setEnabled(False)
        for shop in shops:
            action = self.recent_menu.addAction(str(shop))
            action.triggered.connect(lambda _checked=False, p=shop: self._actions.open_shop(p))

    def export_stock_update(self) -> None:
        from shopkeeper.ui.dialogs.stock_update_dialog import StockUpdateDialog

        StockUpdateDialog(self, worker=self._worker, show_error=self._actions.show_error).exec()

    def export_table(self) -> None:
        """The current tab's table, with its search, filters and order; names masked unless the tab shows them."""
        from shopkeeper.ui.paged_model import PagedSqlModel
        from shopkeeper.ui.table_export_action import export_table_view

        model = getattr(self.tabs.currentWidget(), "model", None)
        if not isinstance(model, PagedSqlModel):
            QMessageBox.information(self, self.tr("Export table"),
                                    self.tr("This tab has no table to export; choose Listings or Members."))
            return
        # Members' contacts come masked from the view's own query unless the seller revealed them there (logged).
        revealed = self.tabs.currentWidget() is self.members and self.members.identity.revealed
        export_table_view(self, self._worker, model, personal={} if revealed else {"name": "name"},
                          show_error=self._actions.show_error)

    def privacy(self) -> None:
        from shopkeeper.ui.dialogs.privacy_dialog import PrivacyDialog

        PrivacyDialog(self, worker=self._worker, show_error=self._actions.show_error).exec()

    def audit_trail(self) -> None:
        from shopkeeper.ui.dialogs.audit_dialog import AuditDialog

        AuditDialog(self, worker=self._worker).exec()

    def exchange_rates(self) -> QWidget:
        return self.charts.open_exchange_rates()

    # -- undo and redo --------------------------------------------------------------
    def undo(self) -> None:
        from shopkeeper.services.change_sets import undo

        self._worker.command(self, CommandOp(lambda db: undo(db, who="window")), self._command_done,
                             self._actions.show_error)

    def redo(self) -> None:
        from shopkeeper.services.change_sets import redo

        self._worker.command(self, CommandOp(lambda db: redo(db, who="window")), self._command_done,
                             self._actions.show_error)

    def _command_done(self, result: CommandResult) -> None:
        if result.message is not None:
            self.statusBar().showMessage(change_label(result.message), 8000)

    def refresh_undo_state(self) -> None:
        """Name the Undo/Redo items after the newest steps; the stack lives in the shop, so it survives restarts."""
        from shopkeeper.services.change_sets import undo_redo_state

        self._worker.query(self, QueryOp(undo_redo_state, key="undo-state"), self._show_undo_state)

    def _show_undo_state(self, state: Any) -> None:
        self.undo_action.setText(undo_text(state.undo))
        self.undo_action.setEnabled(state.undo is not None)
        self.redo_action.setText(redo_text(state.redo))
        self.redo_action.setEnabled(state.redo is not None)

    # -- content ------------------------------------------------------------------
    def tab_by_name(self, name: str) -> ShopTab:
        return {"listings": self.listings, "members": self.members, "promotions": self.promotions, "charts": self.charts,
                "after_sales": self.after_sales}[name]

    def all_tabs(self) -> list[ShopTab]:
        return [self.tab_by_name(name) for name in TAB_NAMES]

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def broadcast(self, changes: Changes) -> None:
        """Tell every tab what changed (each reloads only its own areas), and refresh the header and Edit menu."""
        if not changes:
            return
        self.shop_changed.emit(changes)
        self.refresh_header()
        self.refresh_undo_state()

    def refresh_all(self) -> None:
        self.broadcast(Changes.everything())

    def shop_opened(self, path: Path | None) -> None:
        self._shop_path = path

    def refresh_header(self) -> None:
        def header(db: Any) -> tuple[str, dict[str, Any], bool]:
            return shop_display_name(db), shop_stats(db), is_demo_shop(db)

        def show(result: tuple[str, dict[str, Any], bool]) -> None:
            name, stats, demo = result
            self.set_shop(self.tr("Demo shop") if demo else name, self._shop_path)
            self.set_counts(stats)
            self.demo_hint.setVisible(demo)

        self._worker.query(self, QueryOp(header, key="header"), show)
        today = self._clock.today()
        self._worker.query(self, QueryOp(lambda db: overdue_tasks(db, today), key="overdue"), self.set_overdue)

    def set_overdue(self, tasks: list[CampaignTask]) -> None:
        self.tasks_label.setVisible(bool(tasks))
        if tasks:
            self.tasks_label.setText("<a href='promotions' style='color:#c62828'>⚠ {}</a>".format(
                self.tr("%Ln campaign task(s) overdue", "", len(tasks))))
            self.tasks_label.setToolTip("\n".join(
                f"{t.due_on:%Y-%m-%d} {t.campaign}: {window_text(t.name) if isinstance(t.name, Message) else t.name}"
                for t in tasks[:20]))

    def set_shop(self, name: str, path: Path | None) -> None:
        self.setWindowTitle(self.tr("{shop} — Shopkeeper").format(shop=name))
        self.shop_label.setText(f"<b>{name}</b>")
        self.shop_label.setToolTip(str(path) if path else "")

    def set_counts(self, stats: dict[str, Any]) -> None:
        self.empty_hint.setVisible(not stats["orders"] and not stats["products"] and not stats["members"])
        totals = " · ".join(f"{cur} {float(val):,.0f}" for cur, val in stats.get("order_total", {}).items())
        self.counts_label.setText(
            self.tr("{orders} orders · {members} members · {products} SKUs · {imports} imports").format(
                orders=f"{stats['orders']:,}", members=f"{stats['members']:,}",
                products=f"{stats['products']:,}", imports=f"{stats['imports']:,}",
            )
            + (" · " + self.tr("orders' totals {totals}").format(totals=totals) if totals else "")
        )
        # Gross, as imported: it must not be read as the net sales the Charts tab shows.
        self.counts_label.setToolTip(self.tr(
            "Orders' totals are what the imported orders add up to, unpaid, cancelled and refunded ones included. "
            "Net sales are on the Charts tab.") if totals else "")

    # -- drag and drop ------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if _local_paths(event):
            event.acceptProposedAction()
            self.overlay.setGeometry(self.rect())
            self.overlay.raise_()
            self.overlay.show()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if _local_paths(event):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self.overlay.hide()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.overlay.hide()
        paths = _local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)
        self._actions.import_files(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for tab in self.all_tabs():
            tab.release()
        self._ui_state.set_geometry(self.saveGeometry())
        self._ui_state.set_last_tab(TAB_NAMES[self.tabs.currentIndex()])
        self._ui_state.sync()
        super().closeEvent(event)


def _local_paths(event: Any) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
