"""Add one of the seller's own calendar events, or the date of Prime Day (one undoable change set)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaigns import CalendarEvent, add_calendar_event
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.message_texts import window_text


class CalendarEventDialog(CommandDialog):
    def __init__(self, parent: QWidget | None, *, worker: DbWorker, day: date,
                 on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(worker, parent, on_saved)
        self.setObjectName("calendarEventDialog")
        self.setWindowTitle(self.tr("Add calendar event"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Own event"), "own")
        self.kind.addItem(window_text(Message("festival.prime_day")), "prime_day")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name = QLineEdit(self)
        self.starts = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.ends = QDateEdit(QDate(day.year, day.month, day.day), self)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.error_label()
        form = QFormLayout()
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("From"), self.starts)
        form.addRow(self.tr("To"), self.ends)
        buttons = self.save_buttons(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        if self.kind.currentData() == "prime_day" and not self.name.text().strip():
            self.name.setText(window_text(Message("festival.prime_day")))
            # Prime Day runs two days from the date Amazon announces.
            self.ends.setDate(self.starts.date().addDays(1))

    def save(self) -> None:
        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        event = CalendarEvent(self.name.text(), day(self.starts), day(self.ends), kind=str(self.kind.currentData()),
                              region="west" if self.kind.currentData() == "prime_day" else None)

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's shop
            return add_calendar_event(db, event, who="window")

        self.run_command(run)
