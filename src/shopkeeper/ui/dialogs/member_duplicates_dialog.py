"""Possible duplicates: members who may be one person, with why, for the seller to merge or keep apart.

Both answers are change sets (services/member_identity.py): Edit › Undo takes
either back, and the list reloads after each so a pair answered is gone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain import identity
from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.member_identity import Suggestion, merge_members, not_the_same, suggestions
from shopkeeper.ui.change_labels import change_label
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import list_separator
from shopkeeper.ui.operations import CommandOp, QueryOp


def reason_text(reason: str) -> str:
    texts = {
        identity.SAME_NAME_AND_CITY: QCoreApplication.translate("MemberDuplicates", "same name and city"),
        identity.SAME_NAME_AND_PHONE_TAIL: QCoreApplication.translate(
            "MemberDuplicates", "same name and last four digits of the phone"),
        identity.SAME_NAME_AND_EMAIL_USER: QCoreApplication.translate(
            "MemberDuplicates", "same name and e-mail name on another domain"),
    }
    return texts.get(reason, reason)


class MemberDuplicatesDialog(QDialog):
    """Lists `suggestions`; Merge and Not the same answer the selected pair."""

    def __init__(self, parent: QWidget | None, *, worker: DbWorker,
                 show_error: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._worker = worker
        self._show_error = show_error
        self._pairs: list[Suggestion] = []
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.resize(860, 420)
        self.intro = QLabel(self.tr("Members who may be one person buying on several platforms or accounts. "
                                    "Shopkeeper joins people by itself only on the same e-mail or full phone "
                                    "number; these look alike for the reasons given. Merge them, or say they "
                                    "are different people so they are not suggested again."), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Buys on"), self.tr("Member"),
                                              self.tr("Buys on"), self.tr("Why")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.empty = QLabel(self.tr("No possible duplicates: every likely match has been answered."), self)
        self.empty.hide()
        self.merge_button = QPushButton(self.tr("Same person: merge"), self)
        self.apart_button = QPushButton(self.tr("Not the same person"), self)
        self.merge_button.clicked.connect(self._merge)
        self.apart_button.clicked.connect(self._keep_apart)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.apart_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._selection_changed()
        self.load()

    def load(self) -> None:
        self._worker.query(self, QueryOp(suggestions, key="member-duplicates"), self._show, self._show_error)

    def _show(self, pairs: list[Suggestion]) -> None:
        self._pairs = pairs
        self.table.setRowCount(len(pairs))
        for row, s in enumerate(pairs):
            reasons = list_separator(sentences=True).join(reason_text(r) for r in s.reasons)
            cells = (s.a_name, s.a_platforms, s.b_name, s.b_platforms, reasons)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.ToolTipRole, f"{s.a} · {s.b}" if column < 4 else text)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not pairs)
        self._selection_changed()

    def _selected(self) -> Suggestion | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._pairs[rows.pop()] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        chosen = self._selected() is not None
        self.merge_button.setEnabled(chosen)
        self.apart_button.setEnabled(chosen)

    def _merge(self) -> None:
        pair = self._selected()
        if pair is not None:
            self._answer(CommandOp(lambda db: merge_members(db, [pair.a, pair.b], who="window")))

    def _keep_apart(self) -> None:
        pair = self._selected()
        if pair is not None:
            self._answer(CommandOp(lambda db: not_the_same(db, pair.a, pair.b, who="window")))

    def _answer(self, op: CommandOp[CommandResult]) -> None:
        def done(result: CommandResult) -> None:
            if result.message is not None:
                self.status.setText(change_label(result.message))
            self.load()

        self._worker.command(self, op, done, self._show_error)
