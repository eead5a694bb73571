"""The Members tab's say on who is who: possible duplicates, merge, split, and revealing contact details.

Contact details show masked until the seller ticks "Show contact details",
which asks first and writes the reveal to the shop's privacy log
(services/privacy.py); unticking masks them again without asking.

Signals:
    reveal_changed(bool): contact details are now shown (True) or masked (False).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QMessageBox, QPushButton, QTableView, QWidget

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.services.member_identity import merge_members, split_member
from shopkeeper.services.membership import MemberDetail
from shopkeeper.services.privacy import MEMBERS_TAB, log_reveal
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp
from shopkeeper.ui.paged_model import PagedSqlModel


class MemberIdentityBar(QWidget):
    reveal_changed = Signal(bool)

    def __init__(self, parent: QWidget, *, worker: DbWorker, view: QTableView, model: PagedSqlModel,
                 current_member: Callable[[], MemberDetail | None]) -> None:
        super().__init__(parent)
        self._worker = worker
        self._view = view
        self._model = model
        self._current = current_member
        self.duplicates = QPushButton(self.tr("Possible duplicates…"), self)
        self.merge = QPushButton(self.tr("Merge selected"), self)
        self.merge.setToolTip(self.tr("Make the selected members one person (the one who joined first stays)"))
        self.split = QPushButton(self.tr("Split accounts…"), self)
        self.split.setToolTip(self.tr("Move some of this member's platform accounts to a member of their own"))
        self.reveal = QCheckBox(self.tr("Show contact details"), self)
        self.reveal.setToolTip(self.tr("E-mails and phones are masked; showing them is recorded in the privacy log"))
        self.duplicates.clicked.connect(self._open_duplicates)
        self.merge.clicked.connect(self._merge_selected)
        self.split.clicked.connect(self._split_current)
        self.reveal.toggled.connect(self._reveal_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.duplicates, self.merge, self.split):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.reveal)

    @property
    def revealed(self) -> bool:
        return self.reveal.isChecked()

    def _selected_members(self) -> list[str]:
        rows = sorted({i.row() for i in self._view.selectionModel().selectedRows()})
        return [m for m in (self._model.row_id(r) for r in rows) if m is not None]

    def _open_duplicates(self) -> None:
        from shopkeeper.ui.dialogs.member_duplicates_dialog import MemberDuplicatesDialog

        MemberDuplicatesDialog(self, worker=self._worker, show_error=self._failed).exec()

    def _merge_selected(self) -> None:
        chosen = self._selected_members()
        if len(chosen) < 2:
            QMessageBox.information(self, self.tr("Merge members"),
                                    self.tr("Select two or more members in the table to merge them."))
            return
        answer = QMessageBox.question(
            self, self.tr("Merge members"),
            self.tr("Make these {count} members one person? Their accounts, orders and points from orders "
                    "move to the member who joined first. Edit › Undo takes it back.").format(count=len(chosen)))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(CommandOp(lambda db: merge_members(db, chosen, who="window")))

    def _split_current(self) -> None:
        member = self._current()
        if member is None or len(member.identities) < 2:
            QMessageBox.information(self, self.tr("Split accounts"),
                                    self.tr("Select a member with two or more platform accounts to split."))
            return
        from shopkeeper.ui.dialogs.member_split_dialog import MemberSplitDialog

        dialog = MemberSplitDialog(self, member)
        if dialog.exec() == MemberSplitDialog.DialogCode.Accepted:
            accounts = dialog.accounts()
            self._run(CommandOp(lambda db: split_member(db, member.member_id, accounts, who="window")))

    def _reveal_toggled(self, on: bool) -> None:
        if not on:
            self.reveal_changed.emit(False)
            return
        answer = QMessageBox.question(
            self, self.tr("Show contact details"),
            self.tr("Show members' e-mails and phones unmasked? They are your buyers' personal data; "
                    "Shopkeeper notes in the shop's privacy log that you showed them."))
        if answer != QMessageBox.StandardButton.Yes:
            self.reveal.blockSignals(True)
            self.reveal.setChecked(False)
            self.reveal.blockSignals(False)
            return

        def logged(_result: object) -> None:
            self.reveal_changed.emit(True)

        def not_logged(exc: BaseException) -> None:
            # Nothing is shown that the log does not record.
            self.reveal.blockSignals(True)
            self.reveal.setChecked(False)
            self.reveal.blockSignals(False)
            self._failed(exc)

        self._worker.command(self, CommandOp(lambda db: log_reveal(db, who="window", place=MEMBERS_TAB)),
                             logged, not_logged)

    def _run(self, op: CommandOp[CommandResult]) -> None:
        self._worker.command(self, op, None, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, KnownError):
            raise exc
        QMessageBox.warning(self, self.tr("Not changed"), window_text(exc.message))
