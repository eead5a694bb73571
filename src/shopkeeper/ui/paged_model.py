"""A table model that pages its rows out of SQL through the DB worker.

`rowCount` is the SQL count; rows arrive a page at a time when the view first
asks for them, so a million-row table costs one page of memory and the GUI
thread never waits on DuckDB. Sorting and searching re-run the SQL (the
generation counter drops pages that belong to an older query).

Columns are known by their key in the service's `TableSource`, never by
position: headers are looked up by key, each row answers `RowIdRole` with its
key column, and a column the service marks editable accepts `setData`, which
becomes one `edit_cells` command (one undo step); the cell shows the new value
once that command's Changes have refreshed the table.

Signals:
    loaded(int): a new count arrived (rows matching the current search).
    edit_failed(object): an edit was refused (the exception, usually a KnownError).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from shopkeeper.domain.commands import CellEdit, CommandResult
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.operations import CommandOp, QueryOp

if TYPE_CHECKING:
    # Only a type: the model hands the service's source to the worker, which runs its queries.
    from shopkeeper.db.table_source import TableSource

PAGE_SIZE = 200
SortRole = Qt.ItemDataRole.UserRole + 1
RowIdRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
EDITOR = "window"  # who the audit trail names for edits made in the window


def edit_cells_op(edits: Sequence[CellEdit]) -> CommandOp[CommandResult]:
    def run(db: Any) -> CommandResult:
        from shopkeeper.services.edits import edit_cells

        return edit_cells(db, list(edits), who=EDITOR)

    return CommandOp(run)


class PagedSqlModel(QAbstractTableModel):
    loaded = Signal(int)
    edit_failed = Signal(object)

    def __init__(
        self,
        worker: DbWorker,
        source: TableSource,
        *,
        headers: Mapping[str, str],
        formatter: Callable[[str, str, Any], str],
        hidden: Sequence[str] = (),
        status_colors: dict[str, str] | None = None,
        locked_tips: Mapping[str, str] | None = None,
        name: str = "table",
    ) -> None:
        super().__init__()
        self._worker = worker
        self._source = source
        self._headers = dict(headers)
        self._format = formatter
        self._name = name
        self._hidden = set(hidden)
        self._status_colors = status_colors or {}
        # column key -> why its cell is read-only on a row its `locked_by` flag locks
        self._locked_tips = dict(locked_tips or {})
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

    @property
    def name(self) -> str:
        return self._name

    def set_source(self, source: TableSource, *, keep_rows: bool = False) -> None:
        self._source = source
        self.refresh(keep_rows=keep_rows)

    def set_search(self, text: str) -> None:
        self._search = text
        self.refresh()

    def set_filters(self, names: Sequence[str]) -> None:
        self._filters = tuple(names)
        self.refresh()

    def view_state(self) -> tuple[str, tuple[str, ...], str | None, bool | None]:
        """Search, filters, sort column and direction now shown: an export writes the same rows, all of them."""
        return self._search, self._filters, self._sort_key, self._descending

    def column_key(self, column: int) -> str:
        return self._source.columns[column].key

    def column_of(self, key: str) -> int:
        return self._source.column_keys().index(key)

    def hidden_columns(self) -> list[int]:
        return [i for i, c in enumerate(self._source.columns) if c.key in self._hidden]

    def refresh(self, *, keep_rows: bool = False) -> None:
        """Re-count and refill from SQL.

        With `keep_rows` (the shop changed under the same search) the rows on
        screen stay until their fresh copies arrive, so the selection and the
        scroll position survive an edit; a new search or sort starts empty.
        """
        self._generation += 1
        generation = self._generation
        source, search, filters = self._source, self._search, self._filters
        self._pending.clear()
        self._worker.query(self, QueryOp(lambda db: source.count(db, search, filters), key="count"),
                           lambda count: self._apply_count(generation, count, keep_rows))

    def _apply_count(self, generation: int, count: int, keep_rows: bool) -> None:
        if generation != self._generation:
            return
        if keep_rows and int(count) == self._count:
            for page_no in sorted(self._pages):
                self._request(page_no)
            self.loaded.emit(self._count)
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

    def set_header(self, key: str, text: str) -> None:
        """Rename one column (a header that names what only the shop knows, such as its base currency)."""
        if self._headers.get(key) == text:
            return
        self._headers[key] = text
        section = self._source.column_keys().index(key)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._source.columns):
            column = self._source.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers.get(column.key, column.key)
            if role == Qt.ItemDataRole.ToolTipRole and column.edit is not None:
                return self.tr("Double-click a cell to change it")
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

    def row_id(self, row: int) -> str | None:
        values = self.row_values(row)
        return None if values is None else str(values[self._source.key_index()])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._count:
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.ToolTipRole,
            SortRole,
            RowIdRole,
        ):
            return None
        column = self._source.columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._locked_tips.get(column.key) if self._locked(index) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("int", "money", "pct"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        values = self.row_values(index.row())
        if values is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == RowIdRole:
            return str(values[self._source.key_index()])
        value = values[index.column()]
        if role == SortRole:
            return value
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self._status_colors.get(str(value)) if column.kind == "status" else None
            if column.kind == "badges" and value:
                color = "#c62828"  # a listing problem reads as one at a glance
            return QBrush(QColor(color)) if color else None
        return self._format(column.key, column.kind, value)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._source.columns[index.column()].edit is not None \
                and self.row_values(index.row()) is not None and not self._locked(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _locked(self, index: _Index) -> bool:
        """The cell's row locks it (a bundle's stock count: its stock is what its parts allow)."""
        flag = self._source.columns[index.column()].locked_by
        values = self.row_values(index.row()) if flag else None
        return values is not None and bool(values[self.column_of(flag)])

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Submit the edit as a command; the table shows it once the command's Changes reload it."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.edit_rows([index.row()], self.column_key(index.column()), value)

    def edit_rows(self, rows: Sequence[int], key: str, value: Any) -> bool:
        """Set column `key` of every row in `rows` to `value`: one command, so one undo step."""
        column = self._source.columns[self.column_of(key)]
        if column.edit is None:
            return False
        ids = [self.row_id(r) for r in rows]
        if not ids or any(i is None for i in ids):
            return False
        if isinstance(value, str):
            # The core reads text as typed and says what is wrong with it; only our own
            # thousands separators are taken out, since the table shows numbers with them.
            value = value.replace(",", "")
        entity, field = column.edit
        edits = [CellEdit(entity, str(row_id), field, value) for row_id in dict.fromkeys(ids)]
        self._worker.command(self, edit_cells_op(edits), on_error=self.edit_failed.emit)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._source.columns):
            return
        self._sort_key = self._source.columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def locate(self, key_value: str, found: Callable[[int | None], None]) -> None:
        """Ask where the row with this key sits now (search, filters and sort as shown); `found(row)` answers,
        None when the row is not in the table. Asked after a refresh, the answer comes after the fresh pages."""
        generation = self._generation
        source, search, filters = self._source, self._search, self._filters
        sort_key, descending = self._sort_key, self._descending

        def where(db: Any) -> int | None:
            return source.position(db, key_value, search=search, active=filters, sort_key=sort_key,
                                   descending=descending)

        self._worker.query(self, QueryOp(where, key="locate"),
                           lambda row: found(row) if generation == self._generation else None)

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

        self._worker.query(self, QueryOp(fetch), lambda rows: self._apply_page(generation, page_no, rows))

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
