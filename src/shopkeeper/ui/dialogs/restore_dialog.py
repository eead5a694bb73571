"""File › Restore…: the shop's backups with what each holds, and the one-click way back for a damaged shop.

The list is read on the DB worker (each backup opened read-only for its counts,
so a large folder never freezes the window), also when the shop itself could not be opened. Choosing a backup only returns
it: the composition root closes the shop, restores and reopens it
(services/backups.py checks the backup whole first and keeps the shop it replaces).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.backup_retention import BackupKind
from shopkeeper.domain.errors import DamagedShopFileError
from shopkeeper.domain.messages import Message
from shopkeeper.services.backups import BackupInfo
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text

Listed = BackupInfo | tuple[Path, Message]


def kind_label(kind: BackupKind) -> str:
    translate = QCoreApplication.translate
    return {
        BackupKind.BEFORE_IMPORT: translate("Backups", "Before an import"),
        BackupKind.DAILY: translate("Backups", "Daily"),
        BackupKind.MANUAL: translate("Backups", "Made by you"),
        BackupKind.BEFORE_UPGRADE: translate("Backups", "Before an upgrade"),
        BackupKind.BEFORE_RESTORE: translate("Backups", "Before a restore"),
    }[kind]


def when(info: BackupInfo) -> str:
    return info.file.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")


class RestoreDialog(QDialog):
    """The shop's backups, newest first; `chosen` is the backup to restore once accepted."""

    def __init__(self, parent: QWidget | None, worker: DbWorker, shop: Path,
                 list_backups: Callable[[Path], list[Listed]]) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumSize(820, 380)
        self.chosen: Path | None = None
        self._shop = shop
        self._rows: list[Listed] = []
        intro = QLabel(self.tr("Backups of {shop}. Restoring one replaces the shop; the shop as it is now is kept "
                               "as a backup first.").format(shop=shop.name), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Orders"),
                                              self.tr("Members"), self.tr("Size"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._restore_selected())
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_selected)
        other = QPushButton(self.tr("Another file…"), self)
        other.clicked.connect(self._restore_other)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        worker.files(self, lambda: list_backups(shop), self.fill)

    def fill(self, rows: list[Listed]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            if isinstance(row, BackupInfo):
                cells = [when(row), kind_label(row.file.kind), f"{row.orders:,}", f"{row.members:,}",
                         f"{row.size / 1e6:,.1f} MB", str(row.file.path)]
            else:
                cells = ["", window_text(row[1]), "", "", "", str(row[0])]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not isinstance(row, BackupInfo):
                    item.setFlags(Qt.ItemFlag.NoItemFlags)  # a backup that cannot be read is no way back
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if rows and isinstance(rows[0], BackupInfo):
            self.table.selectRow(0)

    def _selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self._rows[rows[0].row()]
        return row if isinstance(row, BackupInfo) else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self._selected() is not None)

    def _restore_selected(self) -> None:
        info = self._selected()
        if info is not None and self._confirm(self.tr("Replace the shop with the backup taken {when} ({orders:,} "
                                                      "orders, {members:,} members)?").format(
                when=when(info), orders=info.orders, members=info.members)):
            self.chosen = info.file.path
            self.accept()

    def _restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore a backup"), str(self._shop.parent),
                                              self.tr("Shopkeeper shops (*.duckdb);;All files (*)"))
        if path and self._confirm(self.tr("Replace the shop with {file}?").format(file=path)):
            self.chosen = Path(path)
            self.accept()

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            question + "\n\n" + self.tr("The shop as it is now is kept as a backup first, so this can be undone "
                                        "by restoring that one."))
        return answer == QMessageBox.StandardButton.Yes


def backup_to_offer(exc: BaseException) -> Path | None:
    """The latest good backup a damaged shop's message names, if it names one."""
    if not isinstance(exc, DamagedShopFileError):
        return None
    advice = exc.message.params.get("advice")
    if not isinstance(advice, Message) or advice.code != "shop.restore.latest_good_backup":
        return None
    return Path(str(advice.params["backup"]))


def ask_to_restore(parent: QWidget | None, exc: DamagedShopFileError) -> bool:
    """The damaged-shop message with a button that restores its latest good backup; True if it was clicked."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(window_text(exc.title))
    box.setText(window_text(exc.message))
    restore = box.addButton(QCoreApplication.translate("Backups", "Restore latest backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
