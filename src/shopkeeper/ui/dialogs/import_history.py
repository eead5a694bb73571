"""Every import, newest first, with its counts; the selected one can be undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.errors import show_error
from shopkeeper.ui.format_labels import format_label
from shopkeeper.ui.formatting import platform_label
from shopkeeper.ui.operations import CommandOp, QueryOp


class ImportHistoryDialog(QDialog):
    """Every import with its counts; the selected one can be undone."""

    def __init__(self, parent: QWidget | None, worker: DbWorker, log_file: Path) -> None:
        super().__init__(parent)
        self.setObjectName("importHistory")
        self._log_file = log_file
        self.setWindowTitle(self.tr("Import history"))
        self.setMinimumSize(860, 420)
        self._worker = worker
        self.table = QTableWidget(0, 9, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("#"), self.tr("When"), self.tr("File"), self.tr("Platform"), self.tr("Format"),
            self.tr("Read"), self.tr("Added"), self.tr("Updated"), self.tr("Rejected"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(2, 260)
        self.undo_button = QPushButton(self.tr("Undo this import…"), self)
        self.undo_button.clicked.connect(self._undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        from shopkeeper.services.imports import list_imports

        self._worker.query(self, QueryOp(list_imports, key="list"), self._fill)

    def _fill(self, batches: list[Any]) -> None:
        from shopkeeper.services.imports import format_name

        self.table.setRowCount(len(batches))
        for r, b in enumerate(batches):
            when = b.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
            name = b.file_name + (f" › {b.member}" if b.member else "")
            if b.tables > 1:
                name = self.tr("{name} and {more} more tables").format(name=name, more=f"{b.tables - 1:,}")
            if b.undone_at is not None:
                name = self.tr("{name} (undone)").format(name=name)
            label = format_name(b.platform, b.kind)
            cells = [str(b.batch_id), when, name, platform_label(b.platform),
                     format_label(label) if label is not None else b.kind, f"{b.rows_read:,}", f"{b.rows_added:,}",
                     f"{b.rows_updated:,}", f"{b.rows_rejected:,}"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, None if b.undone_at else b.batch_id)
                if b.undone_at is not None:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)

    def _undo(self) -> None:
        items = self.table.selectedItems()
        batch_id = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        if batch_id is None:
            QMessageBox.information(self, self.tr("Undo import"), self.tr("Select an import that is not undone yet."))
            return
        answer = QMessageBox.question(
            self, self.tr("Undo import"),
            self.tr("Undo import #{id}? The shop goes back to exactly how it was before that file.").format(id=batch_id),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from shopkeeper.services.imports import undo_import

        self._worker.command(self, CommandOp(lambda db: undo_import(db, int(batch_id))), lambda _r: self._load(),
                             lambda exc: show_error(self, exc, self._log_file))
