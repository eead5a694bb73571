"""Edit › Audit trail…: the seller's own edits and privacy acts, newest first, paged from SQL (services/audit.py).

Filtered by kind and by a range of days; searchable over what, field and values.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.services.audit import KINDS, AuditFilter, audit_source
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.formatting import format_value
from shopkeeper.ui.paged_model import PagedSqlModel


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, worker: DbWorker, today: QDate | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit trail"))
        self.resize(1000, 560)
        headers = {
            "happened_at": self.tr("When"), "kind": self.tr("Kind"), "what": self.tr("What"),
            "field": self.tr("Field"), "old_value": self.tr("From"), "new_value": self.tr("To"),
            "state": self.tr("State"), "who": self.tr("Who"), "change_set": self.tr("Change"),
            "position": self.tr("#"),
        }
        self.model = PagedSqlModel(worker, audit_source(), headers=headers, formatter=format_value, name="audit",
                                   hidden=("position",))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind.addItem(kind, kind)
        end = today or QDate.currentDate()
        self.since = QDateEdit(end.addYears(-1), self)
        self.until = QDateEdit(end, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._refilter)
        self.kind.currentIndexChanged.connect(self._refilter)
        search = QLineEdit(self)
        search.setPlaceholderText(self.tr("Search what, field or value"))
        search.textChanged.connect(self.model.set_search)
        self.count = QLabel(self)
        self.model.loaded.connect(lambda n: self.count.setText(self.tr("{n} entries").format(n=f"{n:,}")))
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(QLabel(self.tr("from"), self))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.until)
        bar.addWidget(search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._refilter()

    def _refilter(self) -> None:
        since, until = self.since.date(), self.until.date()
        self.model.set_source(audit_source(AuditFilter(
            kind=self.kind.currentData(), since=date(since.year(), since.month(), since.day()),
            until=date(until.year(), until.month(), until.day()))))
