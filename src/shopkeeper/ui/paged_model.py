"""A table model that pages its rows out of SQL through the DB worker.

`rowCount` is the SQL count; rows arrive a page at a time when the view first
asks for them, so a million-row table costs one page of memory and the GUI
thread never waits on DuckDB. Sorting and searching re-run the SQL (the
generation counter drops pages that belong to an older query).

Signals:
    loaded(int): a new count arrived (rows matching the current search).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from shopkeeper.services.table_source import TableSource
from shopkeeper.ui.db_worker import DbWorker

PAGE_SIZE = 200
SortRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class PagedSqlModel(QAbstractTableModel):
    loaded = Signal(int)

    def __init__(
        self,
        worker: DbWorker,
        source: TableSource,
        *,
        headers: Sequence[str],
        formatter: Callable[[str, str, Any], str],
        hidden: Sequence[str] = (),
        status_colors: dict[str, str] | None = None,
        name: str = "table",
    ) -> None:
        super().__init__()
        self._worker = worker
        self._source = source
        self._headers = list(headers)
        self._format = formatter
        self._name = name
        self._hidden = set(hidden)
        self._status_colors = status_colors or {}
        self._count = 0
        self._pages: dict[int, list[tuple[Any, ...]]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._search = ""
        self._filters: tuple[str, ...] = ()
        self._sort_key: str | None = None
        self._descending: bool | None = None

    # -- configuration -----------------------------------------------------------
    @property
    def source(self) -> TableSource:
        return self._source

    def set_source(self, source: TableSource) -> None:
        self._source = source
        self.refresh()

    def set_search(self, text: str) -> None:
        self._search = text
        self.refresh()

    def set_filters(self, names: Sequence[str]) -> None:
        self._filters = tuple(names)
        self.refresh()

    def column_key(self, column: int) -> str:
        return self._source.columns[column].key

    def hidden_columns(self) -> list[int]:
        return [i for i, c in enumerate(self._source.columns) if c.key in self._hidden]

    def refresh(self) -> None:
        """Forget cached pages and re-count; the view refills as rows arrive."""
        self._generation += 1
        generation = self._generation
        source, search, filters = self._source, self._search, self._filters
        self._pending.clear()
        self._worker.submit(
            lambda db: source.count(db, search, filters),
            lambda count: self._apply_count(generation, count),
            key=f"{self._name}:count",
        )

    def _apply_count(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._pages.clear()
        self._pending.clear()
        self._count = int(count)
        self.endResetModel()
        self.loaded.emit(self._count)

    # -- Qt model API -------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._source.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._headers):
                return self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def row_values(self, row: int) -> tuple[Any, ...] | None:
        page = self._pages.get(row // PAGE_SIZE)
        if page is None:
            self._request(row // PAGE_SIZE)
            return None
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
            SortRole,
        ):
            return None
        column = self._source.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("int", "money", "pct"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        values = self.row_values(index.row())
        if values is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        value = values[index.column()]
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self._status_colors.get(str(value)) if column.kind == "status" else None
            return QBrush(QColor(color)) if color else None
        return self._format(column.key, column.kind, value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._source.columns):
            return
        self._sort_key = self._source.columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # -- paging -------------------------------------------------------------------
    def _request(self, page_no: int) -> None:
        if page_no in self._pending:
            return
        self._pending.add(page_no)
        generation = self._generation
        source, search, filters = self._source, self._search, self._filters
        sort_key, descending = self._sort_key, self._descending

        def fetch(db: Any) -> list[tuple[Any, ...]]:
            return source.page(
                db,
                search=search,
                active=filters,
                sort_key=sort_key,
                descending=descending,
                offset=page_no * PAGE_SIZE,
                limit=PAGE_SIZE,
            )

        self._worker.submit(fetch, lambda rows: self._apply_page(generation, page_no, rows))

    def _apply_page(self, generation: int, page_no: int, rows: list[tuple[Any, ...]]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page_no)
        self._pages[page_no] = rows
        # Keep memory flat while scrolling a huge table: drop pages far away.
        if len(self._pages) > 50:
            for stale in sorted(self._pages, key=lambda p: abs(p - page_no))[50:]:
                del self._pages[stale]
        first = page_no * PAGE_SIZE
        last = min(self._count, first + len(rows)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
