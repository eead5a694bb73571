"""What the dialogs listing the rows behind a chart's point share: a searchable, sortable table paged from SQL,
its count, and Ctrl+C copying the selected rows as tab-separated text (the visible columns, with the header)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout

from shopkeeper.services.chart_export import tab_separated
from shopkeeper.ui.paged_model import PagedSqlModel


class RowsBehindDialog(QDialog):
    model: PagedSqlModel

    def lay_out(self, model: PagedSqlModel, search_hint: str, count_text: Callable[[str], str]) -> None:
        """Show `model`; `count_text` words the number of rows found (already formatted)."""
        self.model = model
        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        for column in model.hidden_columns():
            self.view.setColumnHidden(column, True)
        self.count = QLabel(self)
        model.loaded.connect(lambda n: self.count.setText(count_text(f"{n:,}")))
        search = QLineEdit(self)
        search.setPlaceholderText(search_hint)
        search.textChanged.connect(model.set_search)
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
