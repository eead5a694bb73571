"""Shared parts of the table tabs: a search box, filter switches and a paged view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from shopkeeper.ui.paged_model import PagedSqlModel


def make_search_box(parent: QWidget, placeholder: str, on_change: Callable[[str], object]) -> QLineEdit:
    box = QLineEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    # A crowded filter bar squeezed the box to a stub ("Searc…"); a seller must see what they type.
    box.setMinimumWidth(180)
    # Wait for a pause in typing so each keystroke does not start a query.
    timer = QTimer(box)
    timer.setSingleShot(True)
    timer.setInterval(250)
    timer.timeout.connect(lambda: on_change(box.text()))
    box.textChanged.connect(lambda _text: timer.start())
    return box


def make_table_view(parent: QWidget, model: PagedSqlModel, widths: dict[str, int] | None = None) -> QTableView:
    """A view over a paged model; `widths` are default widths by column key (the remembered ones win)."""
    view = QTableView(parent)
    view.setModel(model)
    # Show the source's own default order; enabling sorting otherwise re-sorts by column 0.
    keys = model.source.column_keys()
    default = keys.index(model.source.default_sort)
    order = Qt.SortOrder.DescendingOrder if model.source.default_descending else Qt.SortOrder.AscendingOrder
    view.horizontalHeader().setSortIndicator(default, order)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # Fixed row heights: ResizeToContents over a large model reads every row.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setSortIndicatorShown(True)
    header.setSectionsMovable(True)  # dragged columns are remembered by name (ShopTab.remember_view)
    for column in model.hidden_columns():
        view.setColumnHidden(column, True)
    for key, width in (widths or {}).items():
        view.setColumnWidth(model.column_of(key), width)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view
