"""The checklist template: the tasks every new campaign gets, with how many days before its start each is due.

Kept in the shop (services/campaign_tasks.py). Each changed task is saved as
one undoable edit; campaigns planned from then on get it (the tasks of campaigns
already planned stay as they are). An empty name means the shipped wording.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_tasks import TemplateTask, save_template, template
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"


class ChecklistTemplateDialog(CommandDialog):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.setObjectName("checklistTemplateDialog")
        self.setWindowTitle(self.tr("Checklist template"))
        self._tasks: list[TemplateTask] = []
        intro = QLabel(self.tr("Every campaign you plan gets these tasks, each due the given number of days "
                               "before it starts. Type over a name to word it your way."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("templateTable")
        self.table.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Days before the start")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumSize(460, 240)
        self.error_label()
        self.save_buttons(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        worker.query(self, QueryOp(template), self._show, self._failed)

    def _show(self, tasks: list[TemplateTask]) -> None:
        self._tasks = tasks
        self.table.setRowCount(len(tasks))
        for row, t in enumerate(tasks):
            name = QTableWidgetItem(window_text(t.name) if isinstance(t.name, Message) else t.name)
            days = QTableWidgetItem(str(t.days_before))
            days.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, days)

    def save(self) -> None:
        changes: list[tuple[str, str | None, int]] = []
        for row, t in enumerate(self._tasks):
            shipped = window_text(t.name) if isinstance(t.name, Message) else None
            text = self._cell(row, 0)
            title = None if not text or text == shipped else text
            try:
                days = int(self._cell(row, 1))
            except ValueError:
                self.error.setText(self.tr("Days before the start must be a whole number."))
                self.error.show()
                return
            current = None if isinstance(t.name, Message) else t.name
            if title != current or days != t.days_before:
                changes.append((t.task_key, title, days))

        if not changes:
            self.accept()
            return

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return save_template(db, changes, who=EDITOR)

        self.run_command(run)

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return "" if item is None else item.text().strip()
