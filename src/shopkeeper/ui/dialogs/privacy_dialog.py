"""File › Privacy…: what personal data the shop holds, where and since when; erase it.

A purge or an erasure shows how many people it takes first and says plainly
that it cannot be undone; both are written to the privacy log. The retention
period, once set, purges by itself each time the shop opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp

PLACE = "privacy_dialog"
WHO = "window"


class PrivacyDialog(QDialog):
    def __init__(self, parent: QWidget, *, worker: DbWorker, show_error: Callable[[BaseException], None],
                 member_id: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.setWindowTitle(self.tr("Privacy: personal data in this shop"))
        self._worker = worker
        self._show_error = show_error
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Names, e-mails, phones and buyer accounts this shop holds, where, and the oldest last order "
            "of anyone whose details are still kept."), self))
        self.holdings = QTableWidget(0, 4, self)
        self.holdings.setHorizontalHeaderLabels([self.tr("Table"), self.tr("Holds"), self.tr("Rows"),
                                                 self.tr("Oldest last order")])
        layout.addWidget(self.holdings, 1)
        form = QFormLayout()
        self.retention = QSpinBox(self)
        self.retention.setRange(0, 36500)
        self.retention.setSpecialValueText(self.tr("Keep until erased by hand"))
        self.retention.setSuffix(self.tr(" days"))
        apply_retention = QPushButton(self.tr("Set"), self)
        apply_retention.clicked.connect(self._set_retention)
        form.addRow(self.tr("Erase automatically at open, after no order for:"), _row(self, self.retention,
                                                                                       apply_retention))
        self.purge_days = QSpinBox(self)
        self.purge_days.setRange(30, 36500)
        self.purge_days.setValue(365)
        self.purge_days.setSuffix(self.tr(" days"))
        self.purge_button = QPushButton(self.tr("Erase…"), self)
        self.purge_button.clicked.connect(self._preview_purge)
        form.addRow(self.tr("Erase everyone with no order in the last:"), _row(self, self.purge_days,
                                                                               self.purge_button))
        self.member = QLineEdit(member_id or "", self)
        self.member.setPlaceholderText(self.tr("member id, e.g. M00012"))
        erase = QPushButton(self.tr("Erase member…"), self)
        erase.clicked.connect(self._preview_erase)
        form.addRow(self.tr("Erase one member on request:"), _row(self, self.member, erase))
        layout.addLayout(form)
        note = QLabel(self.tr("An erasure cannot be undone: the details are removed from every table, the undo "
                              "history included. Orders, totals and charts stay as they are. Each erasure is "
                              "recorded in the audit trail."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.reload()

    def reload(self) -> None:
        from shopkeeper.services.personal_data import personal_data

        self._worker.query(self, QueryOp(personal_data, key="personal-data"), self._fill, self._show_error)

    def _fill(self, held: Any) -> None:  # noqa: ANN401 - services.personal_data.PersonalData
        self.holdings.setRowCount(len(held.holdings))
        for row, h in enumerate(held.holdings):
            cells = (h.table, h.holds, f"{h.rows:,}", "" if h.oldest_last_order is None else h.oldest_last_order.isoformat())
            for col, text in enumerate(cells):
                self.holdings.setItem(row, col, QTableWidgetItem(text))
        self.retention.setValue(held.retention_days or 0)

    def _set_retention(self) -> None:
        from shopkeeper.services.privacy_retention import set_retention

        days = self.retention.value() or None

        def run(db: Any) -> CommandResult:  # noqa: ANN401
            set_retention(db, days, who=WHO, place=PLACE)
            message = Message("privacy.retention.on", {"days": days}) if days else Message("privacy.retention.off")
            return CommandResult(_changes(), message)

        self._worker.command(self, CommandOp(run), self._done, self._show_error)

    def _preview_purge(self) -> None:
        from shopkeeper.services.privacy_erasure import purge_preview

        days = self.purge_days.value()
        self._worker.query(self, QueryOp(lambda db: purge_preview(db, datetime.now(UTC), days)),
                           lambda preview: self._confirm_purge(days, preview), self._show_error)

    def _confirm_purge(self, days: int, preview: Any) -> None:  # noqa: ANN401 - privacy_erasure.Erasure
        cutoff = preview.cutoff.date().isoformat()
        if not preview.people:
            QMessageBox.information(self, self.windowTitle(), window_text(Message("privacy.purge.none",
                                                                                  {"cutoff": cutoff})))
            return
        asked = QMessageBox.question(self, self.tr("Erase personal data"), self.tr(
            "{people} people have had no order since {cutoff}. Erase their names, e-mails, phones and buyer "
            "accounts? This cannot be undone.").format(people=f"{preview.people:,}", cutoff=cutoff))
        if asked != QMessageBox.StandardButton.Yes:
            return
        from shopkeeper.services.privacy_erasure import erasure_changes, purge

        def run(db: Any) -> CommandResult:  # noqa: ANN401
            done = purge(db, datetime.now(UTC), days, who=WHO, place=PLACE)
            return CommandResult(erasure_changes(), Message("privacy.purge.done",
                                                            {"people": done.people, "cutoff": cutoff}))

        self._worker.command(self, CommandOp(run), self._done, self._show_error)

    def _preview_erase(self) -> None:
        member = self.member.text().strip()
        if member:
            ask_and_erase_member(self, self._worker, member, show_error=self._show_error, done=self._done)

    def _done(self, result: CommandResult) -> None:
        if result.message is not None:
            QMessageBox.information(self, self.windowTitle(), window_text(result.message))
        self.reload()


def ask_and_erase_member(parent: QWidget, worker: DbWorker, member: str, *,
                         show_error: Callable[[BaseException], None],
                         done: Callable[[CommandResult], None]) -> None:
    """Count what erasing `member` takes, ask (saying it cannot be undone), then erase and log it."""
    from shopkeeper.services.privacy_erasure import erase_member, erase_member_preview, erasure_changes

    def confirm(preview: Any) -> None:  # noqa: ANN401 - privacy_erasure.Erasure
        asked = QMessageBox.question(parent, parent.tr("Erase member"), parent.tr(
            "Erase member {member}'s name, e-mail, phone and {buyers} buyer accounts everywhere in this shop? "
            "Their orders stay in the figures. This cannot be undone.").format(member=member,
                                                                                buyers=preview.buyers))
        if asked != QMessageBox.StandardButton.Yes:
            return

        def run(db: Any) -> CommandResult:  # noqa: ANN401
            erased = erase_member(db, member, who=WHO, place=PLACE)
            return CommandResult(erasure_changes(), Message("privacy.erase.done",
                                                            {"member": member, "buyers": erased.buyers}))

        worker.command(parent, CommandOp(run), done, show_error)

    worker.query(parent, QueryOp(lambda db: erase_member_preview(db, member)), confirm, show_error)


def _changes() -> Any:  # noqa: ANN401
    from shopkeeper.domain.changes import Area, Changes

    return Changes(frozenset({Area.SETTINGS}))


def _row(parent: QWidget, *widgets: QWidget) -> QWidget:
    box = QWidget(parent)
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        line.addWidget(w)
    return box
