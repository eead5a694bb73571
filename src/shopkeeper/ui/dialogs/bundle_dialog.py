"""Make a SKU a bundle (a gift set, a multipack) and edit the parts it is made of.

Save writes the whole composition as one change set (services/bundles.py), so
Edit › Undo puts the previous parts back; removing every part makes the SKU a
plain SKU again. Refusals (a cycle, an unknown part, a quantity below 1) are
shown in the dialog, which stays open with what the seller typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.bundles import BundlePart, bundle_parts, set_bundle_parts
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.operations import QueryOp

EDITOR = "window"
MAX_QUANTITY = 100_000
SKU_COL, QTY_COL, TITLE_COL = 0, 1, 2


@dataclass(frozen=True)
class BundleForm:
    parts: tuple[BundlePart, ...]
    skus: list[str]             # every catalogue SKU, for completing the part field


def _load(sku: str) -> Callable[[Any], BundleForm]:
    def load(db: Any) -> BundleForm:  # noqa: ANN401 - the worker's Database
        skus = [str(r[0]) for r in db.fetchall("SELECT sku FROM variants WHERE sku <> ? ORDER BY sku", [sku])]
        return BundleForm(bundle_parts(db, sku), skus)
    return load


class BundleDialog(CommandDialog):
    """The parts of one SKU: add (SKU and quantity), change a quantity, remove; Save is one undo step."""

    def __init__(self, worker: DbWorker, sku: str, parent: QWidget | None = None,
                 on_saved: Callable[[CommandResult], None] | None = None) -> None:
        super().__init__(worker, parent, on_saved)
        self.setObjectName("bundleDialog")
        self.setWindowTitle(self.tr("Bundle: {sku}").format(sku=sku))
        self._sku = sku
        self.intro = QLabel(self.tr(
            "What one {sku} is made of. Selling it sells these parts: their stock goes down and its revenue is "
            "shared among them by price. Its own stock is what the parts on the shelf can make. Remove every part "
            "to make it a plain SKU again.").format(sku=sku), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("bundleParts")
        self.table.setHorizontalHeaderLabels([self.tr("Part SKU"), self.tr("Quantity"), self.tr("Product")])
        self.table.horizontalHeader().setSectionResizeMode(TITLE_COL, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.new_part = QLineEdit(self)
        self.new_part.setObjectName("newPart")
        self.new_part.setPlaceholderText(self.tr("Part SKU"))
        self.new_part.returnPressed.connect(self.add_part)
        self.new_quantity = QSpinBox(self)
        self.new_quantity.setRange(1, MAX_QUANTITY)
        self.add_button = QPushButton(self.tr("Add part"), self)
        self.add_button.clicked.connect(self.add_part)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error_label("bundleError")
        self.save_buttons(self.save, until_loaded=True)

        add_row = QHBoxLayout()
        add_row.addWidget(self.new_part, 1)
        add_row.addWidget(QLabel("×", self))
        add_row.addWidget(self.new_quantity)
        add_row.addWidget(self.add_button)
        tools = QHBoxLayout()
        tools.addWidget(self.remove_button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addLayout(tools)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        self._worker.query(self, QueryOp(_load(sku), key="bundle-parts"), self.show_form)

    def show_form(self, form: BundleForm) -> None:
        self.table.setRowCount(0)
        for part in form.parts:
            self._append(part.sku, part.quantity, part.title or "")
        completer = QCompleter(form.skus, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.new_part.setCompleter(completer)
        self.enable_save()

    def _append(self, sku: str, quantity: int, title: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(sku)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, SKU_COL, item)
        spin = QSpinBox(self.table)
        spin.setRange(1, MAX_QUANTITY)
        spin.setValue(quantity)
        self.table.setCellWidget(row, QTY_COL, spin)
        about = QTableWidgetItem(title)
        about.setFlags(about.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, TITLE_COL, about)

    def _sku_at(self, row: int) -> str:
        item = self.table.item(row, SKU_COL)
        return item.text() if item is not None else ""

    def current_parts(self) -> list[tuple[str, int]]:
        parts = []
        for row in range(self.table.rowCount()):
            spin = self.table.cellWidget(row, QTY_COL)
            assert isinstance(spin, QSpinBox)
            parts.append((self._sku_at(row), spin.value()))
        return parts

    def add_part(self) -> None:
        sku = self.new_part.text().strip()
        if not sku:
            return
        for row in range(self.table.rowCount()):
            if self._sku_at(row) == sku:
                # Named again: the quantities add up, as the service counts a part named twice.
                spin = self.table.cellWidget(row, QTY_COL)
                assert isinstance(spin, QSpinBox)
                spin.setValue(spin.value() + self.new_quantity.value())
                break
        else:
            self._append(sku, self.new_quantity.value(), "")
        self.new_part.clear()
        self.new_quantity.setValue(1)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True):
            self.table.removeRow(row)

    def save(self) -> None:
        sku, parts = self._sku, self.current_parts()

        def run(db: Any) -> CommandResult:  # noqa: ANN401 - the worker's Database
            return set_bundle_parts(db, sku, parts, who=EDITOR)

        self.error.hide()
        self.run_command(run)
