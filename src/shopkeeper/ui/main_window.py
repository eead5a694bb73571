"""The main window: four tabs, menus, a status bar, and a drop target over all of it.

The window knows nothing about SQL: it asks the tabs to refresh and hands
dropped files to the import flow. What to do for File > New/Open/Backup and
the language menu is passed in by the composition root (app.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from shopkeeper.runtime.clock import Clock
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.tabs.charts_tab import ChartsTab
from shopkeeper.ui.tabs.listings_tab import ListingsTab
from shopkeeper.ui.tabs.members_tab import MembersTab
from shopkeeper.ui.tabs.promotions_tab import PromotionsTab
from shopkeeper.ui.ui_state import UiState

TAB_NAMES = ("listings", "members", "promotions", "charts")


@dataclass(frozen=True)
class WindowActions:
    """What the menus do; supplied by the composition root."""

    new_shop: Callable[[], None]
    open_shop: Callable[[Path | None], None]
    recent_shops: Callable[[], list[Path]]
    import_files: Callable[[list[Path]], None]
    choose_import_files: Callable[[], None]
    import_history: Callable[[], None]
    column_mappings: Callable[[], None]
    backup: Callable[[], None]
    set_language: Callable[[str], None]
    about: Callable[[], None]


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
    """

    files_dropped = Signal(list)

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
        self.setAcceptDrops(True)
        self.setMinimumSize(900, 600)

        self.listings = ListingsTab(worker=worker, clock=clock)
        self.members = MembersTab(worker=worker, clock=clock, chinese=language.startswith("zh"))
        self.promotions = PromotionsTab(worker=worker, clock=clock)
        self.charts = ChartsTab(worker=worker, clock=clock)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.listings, self.tr("Listings && Inventory"))
        self.tabs.addTab(self.members, self.tr("Members"))
        self.tabs.addTab(self.promotions, self.tr("Promotions"))
        self.tabs.addTab(self.charts, self.tr("Charts"))
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
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty_hint)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.overlay = DropOverlay(self)
        self.overlay.setText(self.tr("Drop platform exports here to import them"))
        self.shop_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.statusBar().addWidget(self.shop_label)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        worker.busy_changed.connect(self._show_busy)

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
        self._add(file_menu, self.tr("Import &history…"), self._actions.import_history)
        self._add(file_menu, self.tr("Saved column &mappings…"), self._actions.column_mappings)
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Backup…"), self._actions.backup, QKeySequence("Ctrl+Shift+B"))
        file_menu.addSeparator()
        quit_action = self._add(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

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

    # -- content ------------------------------------------------------------------
    def tab_by_name(self, name: str) -> QWidget:
        return {"listings": self.listings, "members": self.members, "promotions": self.promotions, "charts": self.charts}[name]

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TAB_NAMES.index(name))

    def refresh_all(self) -> None:
        for name in TAB_NAMES:
            self.tab_by_name(name).refresh()  # type: ignore[attr-defined]

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
            + (f" · {totals}" if totals else "")
        )

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
        self._ui_state.set_geometry(self.saveGeometry())
        self._ui_state.set_last_tab(TAB_NAMES[self.tabs.currentIndex()])
        self._ui_state.sync()
        super().closeEvent(event)


def _local_paths(event: Any) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
