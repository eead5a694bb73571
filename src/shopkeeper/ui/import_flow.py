"""Importing from the window: progress with Cancel, results, rejected rows, history and undo.

The import runs on the DB worker, so the window stays responsive; Cancel sets
a flag the importer polls and interrupts the running query, and the importer
rolls the file back, leaving the shop exactly as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.errors import ShopWriteFailed
from shopkeeper.domain.messages import Message
from shopkeeper.runtime.work_folders import work_folder
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.errors import show_error
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp


class _ProgressBridge(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    progressed = Signal(object, float)  # (Message, fraction)


class ImportProgressDialog(QDialog):
    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(self.tr("Importing"))
        self.setMinimumWidth(460)
        self.label = QLabel(self.tr("Reading %n file(s)…", "", count), self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_progress(self, message: Message, fraction: float) -> None:
        self.label.setText(window_text(message))
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))

    def reject(self) -> None:  # Esc or the close box means Cancel
        self.cancel_button.click()


class ImportFlow(QObject):
    """Imports and undoing them run as commands: the worker broadcasts what they changed.

    Signals:
        shop_failed(ShopWriteFailed): the shop file failed under an import (disk full, damaged); its
            connection may be unusable, so the shop should be opened again and the failure shown.
    """

    shop_failed = Signal(object)

    def __init__(self, *, worker: DbWorker, parent_widget: Callable[[], QWidget | None], cache_dir: Path,
                 log_file: Path) -> None:
        super().__init__()
        self._worker = worker
        self._parent = parent_widget
        self._cache_dir = cache_dir
        self._log_file = log_file
        self._running = False
        self.last_outcomes: list[Any] = []

    @property
    def running(self) -> bool:
        return self._running

    def choose_files(self, start_folder: str = "") -> list[Path]:
        files, _ = QFileDialog.getOpenFileNames(
            self._parent(),
            self.tr("Import platform exports"),
            start_folder,
            self.tr("Exports (*.csv *.tsv *.txt *.xlsx *.xls *.zip);;All files (*)"),
        )
        return [Path(f) for f in files]

    def run(self, paths: list[Path], on_finished: Callable[[list[Any]], None] | None = None) -> None:
        if self._running:
            QMessageBox.information(self._parent(), self.tr("Import"), self.tr("An import is already running."))
            return
        from shopkeeper.services.imports import ImportRun, import_command

        self._running = True
        cancel = threading.Event()
        dialog = ImportProgressDialog(self._parent(), len(paths))
        bridge = _ProgressBridge()
        bridge.progressed.connect(dialog.show_progress)

        def on_cancel() -> None:
            cancel.set()
            dialog.cancel_button.setEnabled(False)
            dialog.label.setText(self.tr("Cancelling… the shop is being put back as it was."))
            self._worker.interrupt()

        dialog.cancel_button.clicked.connect(on_cancel)
        self._cache_dir.mkdir(parents=True, exist_ok=True)

        def job(db: Any) -> ImportRun:
            with work_folder(self._cache_dir) as work:
                return import_command(
                    db, paths, workdir=work,
                    progress=lambda msg, frac: bridge.progressed.emit(msg, float(frac)),
                    cancel=cancel.is_set,
                )

        def done(result: ImportRun) -> None:
            self._running = False
            dialog.accept()
            if result.cancelled is not None:
                QMessageBox.information(self._parent(), self.tr("Import cancelled"),
                                        self.cancelled_text(result.cancelled))
                return
            outcomes = list(result.outcomes)
            self.last_outcomes = outcomes
            if on_finished is not None:
                on_finished(outcomes)
            else:
                ImportResultsDialog(self._parent(), outcomes, self._worker, self._log_file,
                                    map_columns=self.map_columns).exec()

        def failed(exc: BaseException) -> None:
            self._running = False
            dialog.accept()
            if isinstance(exc, ShopWriteFailed):
                self.shop_failed.emit(exc)  # the shop is opened anew, then asked what it kept, then told
                return
            show_error(self._parent(), exc, self._log_file)

        self._worker.command(self, CommandOp(job), done, failed)
        dialog.open()

    def cancelled_text(self, exc: Any) -> str:
        """What a cancel left in the shop: it can come after a file's COMMIT, so the importer asked the shop."""
        earlier = any(o.ok and not o.already_imported for o in exc.done)
        if exc.kept is True:
            return self.tr("The import was cancelled too late to stop {name}: it was imported and kept. "
                           "File > Import history… can undo it.").format(name=exc.name)
        if exc.kept is None:
            return self.tr("The import was cancelled. Shopkeeper could not check whether {name} was kept: "
                           "import it again to find out (it says imported before if it was).").format(name=exc.name)
        if earlier:
            return self.tr("The import was cancelled. Files imported before the cancel were kept; "
                           "File > Import history… can undo them.")
        return self.tr("The import was cancelled. The shop is exactly as it was before.")

    def map_columns(self, path: Path, member: str | None) -> None:
        """Map a table of unknown shape; once the mapping is saved, import the file again."""
        from shopkeeper.ui.dialogs.mapping_dialog import map_columns

        map_columns(self._parent(), self._worker, path, member, cache_dir=self._cache_dir, log_file=self._log_file,
                    on_saved=lambda again: self.run([again]))

    def show_mappings(self) -> None:
        from shopkeeper.ui.dialogs.mapping_dialog import SavedMappingsDialog

        SavedMappingsDialog(self._parent(), self._worker, self._log_file).exec()

    def show_history(self) -> None:
        ImportHistoryDialog(self._parent(), self._worker, self._log_file).exec()


class ImportResultsDialog(QDialog):
    def __init__(self, parent: QWidget | None, outcomes: list[Any], worker: DbWorker, log_file: Path,
                 map_columns: Callable[[Path, str | None], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResults")
        self._outcomes = outcomes
        self._map_columns = map_columns
        self._log_file = log_file
        self.setWindowTitle(self.tr("Import finished"))
        self.setMinimumSize(640, 300)
        self._worker = worker
        ok = sum(1 for o in outcomes if o.ok)
        heading = QLabel(self.tr("{ok} of {total} file(s) imported.").format(ok=ok, total=len(outcomes)), self)
        self.list = QListWidget(self)
        for outcome in outcomes:
            item = QListWidgetItem(("✔ " if outcome.ok else "✖ ") + self.outcome_text(outcome))
            item.setToolTip(outcome.message)  # the English line, as the log and the command line have it
            item.setForeground(Qt.GlobalColor.darkGreen if outcome.ok else Qt.GlobalColor.darkRed)
            item.setData(Qt.ItemDataRole.UserRole, outcome.batch_id if outcome.rows_rejected else None)
            self.list.addItem(item)
        self.rejects_button = QPushButton(self.tr("Show rejected rows…"), self)
        self.rejects_button.setEnabled(any(o.rows_rejected for o in outcomes))
        self.rejects_button.clicked.connect(self._show_rejects)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.rejects_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.map_button = QPushButton(self.tr("Map columns…"), self)
        self.map_button.setToolTip(self.tr("Tell Shopkeeper what the columns of a table it does not know hold"))
        can_map = map_columns is not None and any(o.needs_mapping for o in outcomes)
        self.map_button.clicked.connect(self._map)
        buttons.addButton(self.map_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.map_button.setVisible(can_map)  # after addButton, which shows the button
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if can_map:
            hint = QLabel(self.tr("Some tables have a shape Shopkeeper does not know. Select one and press "
                                  "Map columns… to import it."), self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def outcome_text(self, outcome: Any) -> str:
        """The outcome in the window's language."""
        from shopkeeper.importers.reading import display_name  # the reading layer stays off start-up

        name = display_name(outcome.path, outcome.member)
        if outcome.needs_mapping:
            return self.tr("{name}: Shopkeeper does not know the columns of this table yet; "
                           "press Map columns… to import it").format(name=name)
        return window_text(outcome.line)

    def _map(self) -> None:
        row = self.list.currentRow()
        candidates = [o for o in self._outcomes if o.needs_mapping]
        chosen = self._outcomes[row] if 0 <= row < len(self._outcomes) else None
        outcome = chosen if chosen is not None and chosen.needs_mapping else (candidates[0] if candidates else None)
        if outcome is None or self._map_columns is None:
            return
        self.accept()
        self._map_columns(outcome.path, outcome.member)

    def _show_rejects(self) -> None:
        item = self.list.currentItem()
        batch_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if batch_id is None:
            for i in range(self.list.count()):
                batch_id = self.list.item(i).data(Qt.ItemDataRole.UserRole)
                if batch_id is not None:
                    break
        if batch_id is not None:
            RejectsDialog(self, self._worker, int(batch_id), self._log_file).exec()


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
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
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
                text = "" if value is None else str(value)
                self.table.setItem(r, c, QTableWidgetItem(window_text(value) if c == 3 else text))

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
            self.tr("#"), self.tr("When"), self.tr("File"), self.tr("Platform"), self.tr("Kind"),
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
        self.table.setRowCount(len(batches))
        for r, b in enumerate(batches):
            when = b.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
            name = b.file_name + (f" › {b.member}" if b.member else "")
            if b.undone_at is not None:
                name = self.tr("{name} (undone)").format(name=name)
            cells = [str(b.batch_id), when, name, b.platform, b.kind, f"{b.rows_read:,}", f"{b.rows_added:,}",
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
