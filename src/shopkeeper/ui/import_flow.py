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

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from shopkeeper.domain.errors import ShopWriteFailed
from shopkeeper.runtime.work_folders import work_folder
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.import_history import ImportHistoryDialog
from shopkeeper.ui.dialogs.import_progress import ImportProgressDialog
from shopkeeper.ui.dialogs.import_results import ImportResultsDialog
from shopkeeper.ui.dialogs.shop_name_question import ask_shop_name
from shopkeeper.ui.errors import show_error
from shopkeeper.ui.operations import CommandOp


class _ProgressBridge(QObject):
    """Carries progress from the worker thread to the GUI thread (queued signal)."""

    progressed = Signal(object, float)  # (Message, fraction)


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

    def run(self, paths: list[Path], on_finished: Callable[[list[Any]], None] | None = None, *,
            shop_name: str | None = None) -> None:
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
                    db, paths, workdir=work, shop_name=shop_name,
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
            if on_finished is not None:
                on_finished(outcomes)
            else:
                self.show_results(outcomes, shop_name=shop_name)

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

    def show_results(self, outcomes: list[Any], *, shop_name: str | None = None) -> None:
        """What each file became; Map columns… maps one table of unknown shape at a time. `shop_name`: the shop the
        files were imported into, which a file imported again once mapped goes into too."""
        ImportResultsDialog(self._parent(), outcomes, self._worker, self._log_file,
                            map_columns=lambda path, member: self.map_columns(path, member, outcomes,
                                                                              shop_name=shop_name),
                            choose_shop=self.choose_shop).exec()

    def choose_shop(self, paths: list[Path], names: list[str]) -> None:
        """Import `paths` again into the shop the seller names (offered: `names`)."""
        name = ask_shop_name(self._parent(), names)
        if name is not None:
            self.run(paths, shop_name=name)

    def map_columns(self, path: Path, member: str | None, outcomes: list[Any] | None = None, *,
                    shop_name: str | None = None) -> bool:
        """Map a table of unknown shape; once the mapping is saved, import the file again, with the other files
        still waiting for a mapping (one of the same shape is imported by it too), into the shop they were
        meant for (`shop_name`, None: the platform's only shop). Cancelled: the results of `outcomes` come
        back, so the other files can still be mapped."""
        from shopkeeper.ui.dialogs.mapping_dialog import map_columns

        waiting = list(dict.fromkeys([path, *(o.path for o in outcomes or () if o.needs_mapping)]))
        saved = map_columns(self._parent(), self._worker, path, member, cache_dir=self._cache_dir,
                            log_file=self._log_file,
                            on_saved=lambda _again: self.run(waiting, shop_name=shop_name))
        if not saved and outcomes:
            self.show_results(outcomes, shop_name=shop_name)
        return saved

    def show_mappings(self) -> None:
        from shopkeeper.ui.dialogs.mapping_dialog import SavedMappingsDialog

        SavedMappingsDialog(self._parent(), self._worker, self._log_file).exec()

    def show_history(self) -> None:
        ImportHistoryDialog(self._parent(), self._worker, self._log_file).exec()
