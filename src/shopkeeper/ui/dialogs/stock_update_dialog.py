"""File › Export stock update…: each platform shop's stock rule, what it lists, and its upload file.

The rule (share of available stock, most units listed, buffer) is saved as one
undoable change set through the same edit service as a cell of the Listings
table; the file is the platform's own format (services/stock_export.py). The
preview shows what the file will hold, computed by the core, never here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.commands import CellEdit, CommandResult
from shopkeeper.ui.change_labels import change_label
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import CommandOp, QueryOp

_PREVIEW_ROWS = 500  # the file holds them all; the dialog shows enough to check the rule
_NO_MAXIMUM = -1
_FILE_SUFFIX = {"amazon": ".txt"}


class StockUpdateDialog(QDialog):
    """Choose a platform shop, set its stock rule, and write its stock-update file."""

    def __init__(self, parent: QWidget | None, *, worker: DbWorker,
                 show_error: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self.setObjectName("stockUpdate")
        self.setWindowTitle(self.tr("Export stock update"))
        self.setMinimumSize(960, 560)
        self._worker = worker
        self._show_error = show_error
        self._targets: list[Any] = []

        self.shop_choice = QComboBox(self)
        self.shop_choice.currentIndexChanged.connect(self._show_target)
        self.share = QSpinBox(self)
        self.share.setRange(0, 100)
        self.share.setSuffix(" %")
        self.most = QSpinBox(self)
        self.most.setRange(_NO_MAXIMUM, 2**31 - 1)
        self.most.setSpecialValueText(self.tr("no maximum"))
        self.buffer = QSpinBox(self)
        self.buffer.setRange(0, 2**31 - 1)
        self.save_rule = QPushButton(self.tr("Save rule"), self)
        self.save_rule.clicked.connect(self._save_rule)
        self.location = QLineEdit(self)
        self.location.setPlaceholderText("Shop location")
        form = QFormLayout()
        form.addRow(self.tr("Platform shop"), self.shop_choice)
        form.addRow(self.tr("Share of available stock listed"), self.share)
        form.addRow(self.tr("Most units listed per SKU"), self.most)
        form.addRow(self.tr("List nothing at or below (units)"), self.buffer)
        form.addRow("", self.save_rule)
        form.addRow(self.tr("Shopify location"), self.location)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Title"), self.tr("On hand"),
                                              self.tr("Unshipped"), self.tr("Available"),
                                              self.tr("Listed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 280)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Write file…"), self)
        self.export_button.clicked.connect(self._export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._load()

    def _load(self, select: str | None = None) -> None:
        from shopkeeper.services.stock_export import export_targets

        self._worker.query(self, QueryOp(export_targets, key="targets"), lambda t: self._fill(t, select),
                           self._show_error)

    def _fill(self, targets: list[Any], select: str | None) -> None:
        self._targets = targets
        self.shop_choice.blockSignals(True)
        self.shop_choice.clear()
        for t in targets:
            self.shop_choice.addItem(t.shop.shop_id, t.shop.shop_id)
        self.shop_choice.blockSignals(False)
        has_any = bool(targets)
        for widget in (self.share, self.most, self.buffer, self.save_rule, self.export_button):
            widget.setEnabled(has_any)
        if not has_any:
            self.summary.setText(self.tr(
                "No Shopify, Amazon or WooCommerce shop yet: import one of their exports first. "
                "Taobao and Tmall have no documented stock-upload file, so Shopkeeper writes none for them."))
            return
        index = max(0, self.shop_choice.findData(select)) if select else 0
        self.shop_choice.setCurrentIndex(index)
        self._show_target(index)

    def _current(self) -> Any:  # noqa: ANN401 - an ExportTarget from the core
        index = self.shop_choice.currentIndex()
        return self._targets[index] if 0 <= index < len(self._targets) else None

    def _show_target(self, _index: int) -> None:
        target = self._current()
        if target is None:
            return
        rule = target.rule
        self.share.setValue(rule.share_pct)
        self.most.setValue(_NO_MAXIMUM if rule.max_listed is None else rule.max_listed)
        self.buffer.setValue(rule.buffer)
        self.location.setEnabled(target.shop.platform == "shopify")
        self.summary.setText(self.tr("{count} SKUs, {units} units listed. Available = on hand − units in "
                                     "unshipped (pending or paid) orders; the rule lists its share, rounded down.")
                             .format(count=f"{len(target.rows):,}", units=f"{target.units:,}"))
        rows = target.rows[:_PREVIEW_ROWS]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            listed = row.listed if row.counted else self.tr("not counted: left out")
            for c, value in enumerate((row.sku, row.title, row.on_hand, row.unshipped, row.available, listed)):
                item = QTableWidgetItem(f"{value:,}" if isinstance(value, int) else value)
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def _save_rule(self) -> None:
        target = self._current()
        if target is None:
            return
        from shopkeeper.services.edits import edit_cells

        shop_id = target.shop.shop_id
        most = self.most.value()
        edits = [CellEdit("channel", shop_id, "share_pct", self.share.value()),
                 CellEdit("channel", shop_id, "max_listed", None if most == _NO_MAXIMUM else most),
                 CellEdit("channel", shop_id, "buffer", self.buffer.value())]

        def done(result: CommandResult) -> None:
            if result.message is not None:
                self.summary.setText(change_label(result.message))
            self._load(select=shop_id)

        self._worker.command(self, CommandOp(lambda db: edit_cells(db, edits, who="window")), done,
                             self._show_error)

    def _export(self) -> None:
        target = self._current()
        if target is None:
            return
        platform = target.shop.platform
        suggested = f"{platform}-stock-update{_FILE_SUFFIX.get(platform, '.csv')}"
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Write stock update"), suggested)
        if not chosen:
            return
        from shopkeeper.services.stock_export import DEFAULT_SHOPIFY_LOCATION, write_stock_update

        shop_id = target.shop.shop_id
        location = self.location.text().strip() or DEFAULT_SHOPIFY_LOCATION
        self._worker.query(
            self,
            QueryOp(lambda db: write_stock_update(db, platform, Path(chosen), shop=shop_id, location=location)),
            lambda result: self.summary.setText(window_text(result.message)),
            self._show_error,
        )
