"""The members behind a bar of the RFM segment chart: the Members table's rows of that segment, paged from SQL.

The same source and segment filter as the Members tab (services/membership.py), so the list holds exactly
the members the bar counts; contacts stay masked as they are there by default.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from shopkeeper.services.chart_export import tab_separated
from shopkeeper.services.membership import members_source
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.paged_model import PagedSqlModel

_SHOWN = ("member_id", "name", "tier", "platforms", "orders", "spend", "last_order", "days_since", "segment")


class MembersBehindDialog(QDialog):
    def __init__(self, *, worker: DbWorker, today: date, segment: str, title: str,
                 formatter: Callable[[str, str, Any], str], parent: QWidget | None = None) -> None:
        """`formatter` is the Members table's (segment names, tiers), so both show a member alike."""
        super().__init__(parent)
        self.setObjectName("membersBehindDialog")
        self.setWindowTitle(self.tr("Members behind: {what}").format(what=title))
        self.resize(900, 520)
        headers = {
            "member_id": self.tr("Member"), "name": self.tr("Name"), "tier": self.tr("Tier"),
            "platforms": self.tr("Buys on"), "orders": self.tr("Orders"), "spend": self.tr("Spend (base currency)"),
            "last_order": self.tr("Last order"), "days_since": self.tr("Days since"),
            "segment": self.tr("RFM segment"),
        }
        source = members_source(today, chinese=QLocale().language() == QLocale.Language.Chinese)
        self.model = PagedSqlModel(worker, source, headers=headers, formatter=formatter,
                                   hidden=tuple(c.key for c in source.columns if c.key not in _SHOWN),
                                   name="members_behind")
        self.model.set_filters([f"segment:{segment}"])  # counts and loads the first page
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        for column in self.model.hidden_columns():
            self.view.setColumnHidden(column, True)
        self.count = QLabel(self)
        self.model.loaded.connect(lambda n: self.count.setText(self.tr("{n} members").format(n=f"{n:,}")))
        search = QLineEdit(self)
        search.setPlaceholderText(self.tr("Search member, name or platform"))
        search.textChanged.connect(self.model.set_search)
        QShortcut(QKeySequence.StandardKey.Copy, self.view, self.copy_selection)
        bar = QHBoxLayout()
        bar.addWidget(search, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def copy_selection(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        cols = [c for c in range(self.model.columnCount()) if not self.view.isColumnHidden(c)]
        text = tab_separated(
            [[self.model.headerData(c, Qt.Orientation.Horizontal) for c in cols]]
            + [[self.model.data(self.model.index(r, c)) for c in cols] for r in rows])
        QApplication.clipboard().setText(text)
