"""What every tab of the window shares: change-driven refresh, tracked connections, remembered layout.

A tab names the areas of the shop it shows (`areas`); the window broadcasts
each command's Changes and a tab reloads only when one of its areas is among
them. Its queries go to the DB worker with the tab as owner, so an answer
never reaches a tab that is gone. Connections a tab makes to longer-lived
objects are tracked and undone when it is released, and its tables'
columns (by name, never by position), sort and splitter sizes are kept in
the UI state between runs.

A tab with a table and a detail panel (master-detail) follows the selected
row's id (`RowIdRole`) and loads the detail with a keyed query, so clicking
through rows quickly shows only the last one.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QModelIndex, QPoint, Qt, SignalInstance
from PySide6.QtWidgets import QMenu, QSplitter, QTableView, QWidget

from shopkeeper.domain.changes import Area, Changes
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel, RowIdRole
from shopkeeper.ui.ui_state import UiState

log = logging.getLogger(__name__)
T = TypeVar("T")


class ShopTab(QWidget):
    areas: ClassVar[frozenset[Area]] = frozenset()

    def __init__(self, *, name: str, worker: DbWorker, ui_state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Tab")
        self.tab_name = name
        self._worker = worker
        self._ui_state = ui_state
        self._connections: list[tuple[SignalInstance, Callable[..., Any]]] = []
        self._views: list[tuple[QTableView, PagedSqlModel]] = []
        self._splitters: dict[str, QSplitter] = {}
        self._detail: _Detail | None = None
        self._shown = False  # a tab never shown has no real sizes to keep

    def showEvent(self, event: Any) -> None:  # noqa: N802
        self._shown = True
        super().showEvent(event)

    # -- refresh ------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything the tab shows (off the GUI thread)."""
        raise NotImplementedError

    def apply_changes(self, changes: Changes) -> None:
        if changes.touches(*self.areas):
            self.refresh()
            if self._detail is not None:
                self._detail.reload()

    def query(self, op: QueryOp[T], on_done: Callable[[T], None],
              on_error: Callable[[BaseException], None] | None = None) -> None:
        self._worker.query(self, op, on_done, on_error)

    # -- connections --------------------------------------------------------------
    def track(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect `slot` to a signal of a longer-lived object, undone by `release`."""
        signal.connect(slot)
        self._connections.append((signal, slot))

    def release(self) -> None:
        """Undo every tracked connection (the tab is closing) and keep the layout for next time."""
        self.save_state()
        for signal, slot in self._connections:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # already gone with its sender
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        self._connections.clear()

    def tracked_connections(self) -> int:
        return len(self._connections)

    # -- remembered layout ----------------------------------------------------------
    def remember_view(self, view: QTableView, model: PagedSqlModel) -> None:
        """Restore the view's columns and sort from the UI state; `save_state` keeps them."""
        self._views.append((view, model))
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self._column_menu(view, model, pos))
        saved = self._ui_state.tab_state(self.tab_name).get("views", {}).get(model.name, {})
        keys = model.source.column_keys()
        columns = {k: v for k, v in saved.get("columns", {}).items() if k in keys and isinstance(v, dict)}
        for key, info in columns.items():
            column = keys.index(key)
            if isinstance(info.get("width"), int) and info["width"] > 0:
                view.setColumnWidth(column, info["width"])
            if isinstance(info.get("hidden"), bool):
                view.setColumnHidden(column, info["hidden"])
        placed = sorted((info["visual"], key) for key, info in columns.items() if isinstance(info.get("visual"), int))
        for visual, key in placed:
            header.moveSection(header.visualIndex(keys.index(key)), min(visual, len(keys) - 1))
        sort = saved.get("sort")
        if isinstance(sort, dict) and sort.get("key") in keys:
            order = Qt.SortOrder.DescendingOrder if sort.get("descending") else Qt.SortOrder.AscendingOrder
            view.sortByColumn(keys.index(sort["key"]), order)

    def master_detail(self, master: QWidget, detail: QWidget) -> QSplitter:
        """The table on the left, the selected row's panel on the right (remember it with `remember_splitter`)."""
        splitter = QSplitter(self)
        splitter.addWidget(master)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 320])
        return splitter

    def remember_splitter(self, name: str, splitter: QSplitter) -> None:
        self._splitters[name] = splitter
        sizes = self._ui_state.tab_state(self.tab_name).get("splitters", {}).get(name)
        if isinstance(sizes, list) and len(sizes) == splitter.count() and all(isinstance(s, int) for s in sizes):
            splitter.setSizes(sizes)

    def save_state(self) -> None:
        views: dict[str, Any] = {}
        for view, model in self._views:
            header = view.horizontalHeader()
            keys = model.source.column_keys()
            views[model.name] = {
                "columns": {
                    key: {"width": header.sectionSize(i) or view.columnWidth(i), "hidden": view.isColumnHidden(i),
                          "visual": header.visualIndex(i)}
                    for i, key in enumerate(keys)
                },
                "sort": {"key": keys[header.sortIndicatorSection()],
                         "descending": header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder}
                if 0 <= header.sortIndicatorSection() < len(keys) else None,
            }
        previous = self._ui_state.tab_state(self.tab_name)
        if not self._shown:
            # Never laid out this run: its sizes are Qt's placeholders, not the seller's choice.
            return
        splitters = {n: s.sizes() for n, s in self._splitters.items()}
        self._ui_state.set_tab_state(self.tab_name, {**previous, "views": views, "splitters": splitters})

    def _column_menu(self, view: QTableView, model: PagedSqlModel, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        for column in range(model.columnCount()):
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not view.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: view.setColumnHidden(c, not shown))
        menu.popup(view.horizontalHeader().mapToGlobal(pos))

    # -- master-detail ----------------------------------------------------------------
    def follow_selection(self, view: QTableView, model: PagedSqlModel, load: Callable[[str], QueryOp[Any]],
                         show: Callable[[Any], None]) -> None:
        """Show the selected row's detail: `load(row_id)` is queried, `show(result)` fills the panel."""
        self._detail = _Detail(self, model, load, show)
        view.selectionModel().currentRowChanged.connect(self._detail.row_changed)
        model.dataChanged.connect(self._detail.rows_arrived)

        def first_row_when_none(count: int) -> None:
            # An empty panel says nothing: with no row chosen yet, show the first (the most urgent SKU,
            # the biggest spender), so the panel explains itself at a glance.
            if count and not view.currentIndex().isValid():
                view.selectRow(0)

        model.loaded.connect(first_row_when_none)

        def follow_the_shown_row(_count: int) -> None:
            # An edit can re-sort the table (a stock count moves a SKU down the urgency order): the highlight
            # follows the row the panel shows, so the next edit never lands on the SKU that took its place.
            shown = self._detail.row_id if self._detail is not None else None
            if shown is None:
                return

            def found(row: int | None) -> None:
                if row is not None and row != view.currentIndex().row():
                    view.selectRow(row)
                    view.scrollTo(model.index(row, 0))

            model.locate(shown, found)

        model.loaded.connect(follow_the_shown_row)

class _Detail:
    """The detail panel's bookkeeping: which row it shows and fetching it again after changes."""

    def __init__(self, tab: ShopTab, model: PagedSqlModel, load: Callable[[str], QueryOp[Any]],
                 show: Callable[[Any], None]) -> None:
        self._tab = tab
        self._model = model
        self._load = load
        self._show = show
        self.row_id: str | None = None
        self._waiting_row: int | None = None  # selected before its page arrived

    def row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row_id = self._model.data(current, RowIdRole)
        if row_id is None:
            self._waiting_row = current.row()
            return
        self._waiting_row = None
        self.row_id = str(row_id)
        self.reload()

    def rows_arrived(self, first: QModelIndex, last: QModelIndex) -> None:
        row = self._waiting_row
        if row is not None and first.row() <= row <= last.row():
            self.row_changed(self._model.index(row, 0), QModelIndex())

    def reload(self) -> None:
        if self.row_id is not None:
            self._tab.query(self._load(self.row_id), self._show)
