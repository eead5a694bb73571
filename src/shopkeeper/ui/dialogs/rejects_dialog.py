"""The rows an import could not read: row, column, value and why, savable as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.errors import show_error
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp

# Rows fitted to their text up to this many; a longer list keeps one line per row (fitting reads every cell).
_FITTED_ROWS = 2_000


class RejectsDialog(QDialog):
    """The rows an import could not read: row, column, value, reason; savable as CSV."""

    def __init__(self, parent: QWidget | None, worker: DbWorker, batch_id: int, log_file: Path) -> None:
        super().__init__(parent)
        self.setObjectName("rejectsDialog")
        self._log_file = log_file
        self.setWindowTitle(self.tr("Rows that were not imported"))
        self.setMinimumSize(720, 400)
        self._worker = worker
        self._batch_id = batch_id
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, 120)
        self.table.setColumnWidth(2, 160)
        self.table.verticalHeader().hide()  # the Row column numbers them as the file does
        self.table.setWordWrap(True)  # a reason is a sentence: read whole, not cut at the column's edge
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        save = QPushButton(self.tr("Save as CSV…"), self)
        save.clicked.connect(self._save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        from shopkeeper.services.imports import reject_messages

        worker.query(self, QueryOp(lambda db: reject_messages(db, batch_id)), self._fill)

    def _fill(self, rows: list[tuple[Any, ...]]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:4]):
                text = window_text(value) if c == 3 else ("" if value is None else str(value))
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        if len(rows) <= _FITTED_ROWS:
            self.table.resizeRowsToContents()

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), "rejected-rows.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        from shopkeeper.services.imports import write_rejects_csv

        batch_id = self._batch_id
        # Reads the shop and writes only the seller's CSV file: a query, nothing in the shop changes.
        self._worker.query(self, QueryOp(lambda db: write_rejects_csv(db, batch_id, Path(path))), lambda _r: None,
                           lambda exc: show_error(self, exc, self._log_file))
