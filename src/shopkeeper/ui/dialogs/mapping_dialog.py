"""Mapping the columns of a table nobody recognised, then importing it.

The seller sees every column of the file with its first values and picks what
each holds (Shopkeeper's guess is filled in). "Check" imports the whole file
and rolls it back, so what it reports (rows read, rows that would be rejected
and why) is exactly what the import will do. "Save and import" keeps the
mapping under the file's header signature: the next file of this shape
imports by itself, from the window or `shopkeeper import`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import CommandResult
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.source_names import display_name
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.errors import show_error
from shopkeeper.ui.formatting import joined, platform_label
from shopkeeper.ui.message_texts import list_separator, window_text
from shopkeeper.ui.operations import CommandOp, QueryOp


@dataclass(frozen=True)
class _MappingSaved(CommandResult):
    mapping: Any = None

_NOT_IMPORTED = ""
_SAMPLE_VALUES = 3


class MappingDialog(QDialog):
    """Accepted once the mapping is saved; `saved_name` then holds its name."""

    def __init__(self, parent: QWidget | None, worker: DbWorker, path: Path, member: str | None, *,
                 cache_dir: Path, log_file: Path) -> None:
        super().__init__(parent)
        self.setObjectName("mappingDialog")
        self._worker = worker
        self._path = Path(path)
        self._member = member
        self._cache_dir = cache_dir
        self._log_file = log_file
        self._preview: Any = None
        self._combos: list[QComboBox] = []
        self._checked: tuple[Any, ...] | None = None  # the mapping the last successful check was for
        self.saved_name: str | None = None
        self.setWindowTitle(self.tr("Map the columns of {file}").format(file=display_name(self._path, member)))
        self.setMinimumSize(900, 620)

        intro = QLabel(self.tr(
            "Shopkeeper does not know the shape of this table. Tell it what each column holds: the mapping "
            "is saved, so the next file with these columns imports by itself."), self)
        intro.setWordWrap(True)

        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Orders (one row per order or per order line)"), "mapped_orders")
        self.kind_combo.addItem(self.tr("Products and stock (one row per SKU)"), "mapped_products")
        self.kind_combo.addItem(self.tr("Advertising (spend per day, campaign or product)"), "mapped_ads")
        self.kind_combo.addItem(self.tr("Traffic (sessions per day and product)"), "mapped_traffic")
        self.platform_combo = QComboBox(self)
        self.name_edit = QLineEdit(self._path.stem, self)
        form = QFormLayout()
        form.addRow(self.tr("The table holds:"), self.kind_combo)
        form.addRow(self.tr("Sold on:"), self.platform_combo)
        form.addRow(self.tr("Save the mapping as:"), self.name_edit)

        self.columns_table = QTableWidget(0, 3, self)
        self.columns_table.setObjectName("mappingColumns")
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Holds")])
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.rows_table = QTableWidget(0, 0, self)
        self.rows_table.setObjectName("mappingPreview")
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.columns_table)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(QLabel(self.tr("The first rows of the file:"), preview_box))
        preview_layout.addWidget(self.rows_table)
        splitter.addWidget(preview_box)
        splitter.setSizes([380, 200])

        self.status = QLabel(self.tr("Reading the file…"), self)
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.check_button = QPushButton(self.tr("Check"), self)
        self.import_button = QPushButton(self.tr("Save and import"), self)
        self.import_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(lambda: self._check(then_save=False))
        self.import_button.clicked.connect(lambda: self._check(then_save=True))
        self._set_busy(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self._apply_guess())
        self._load()

    # -- what each field is called -----------------------------------------------------------------
    def field_labels(self) -> dict[str, str]:
        return {
            "order_id": self.tr("Order id"),
            "order_time": self.tr("Order time"),
            "sku": self.tr("SKU"),
            "title": self.tr("Product title"),
            "variant": self.tr("Variant"),
            "quantity": self.tr("Quantity"),
            "unit_price": self.tr("Unit price"),
            "line_total": self.tr("Line total"),
            "order_total": self.tr("Order total"),
            "shipping": self.tr("Shipping"),
            "discount": self.tr("Discount"),
            "refunded": self.tr("Refunded amount"),
            "currency": self.tr("Currency"),
            "status": self.tr("Order status"),
            "buyer": self.tr("Buyer (id or nickname)"),
            "buyer_name": self.tr("Buyer name"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "city": self.tr("City"),
            "province": self.tr("Province or state"),
            "country": self.tr("Country"),
            "price": self.tr("Price"),
            "cost": self.tr("Cost"),
            "on_hand": self.tr("Stock on hand"),
            "barcode": self.tr("Barcode"),
            "category": self.tr("Category"),
            "day": self.tr("Day"),
            "channel": self.tr("Ad channel"),
            "campaign": self.tr("Campaign"),
            "ad_group": self.tr("Ad group"),
            "product_ref": self.tr("Product or item id"),
            "impressions": self.tr("Impressions"),
            "clicks": self.tr("Clicks"),
            "spend": self.tr("Ad spend"),
            "orders": self.tr("Orders"),
            "units": self.tr("Units"),
            "sales": self.tr("Sales"),
            "sessions": self.tr("Sessions (visitors)"),
            "page_views": self.tr("Page views"),
        }

    # -- loading -----------------------------------------------------------------------------------
    def _load(self) -> None:
        from shopkeeper.services.mappings import platform_codes, preview_tables

        path, member, cache = self._path, self._member, self._cache_dir

        def job(db: Any) -> tuple[Any, list[str]]:
            cache.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="mapping-", dir=cache) as work:
                tables = [t for t in preview_tables(db, path, Path(work)) if t.member == member]
            return (tables[0] if tables else None), platform_codes(db)

        self._worker.query(self, QueryOp(job), self._loaded, self._failed)

    def _loaded(self, result: tuple[Any, list[str]]) -> None:
        preview, codes = result
        for code in codes:
            self.platform_combo.addItem(self.tr("Other / my own shop") if code == "other" else platform_label(code),
                                        code)
        # Nothing in an unknown file says where it was sold; the seller picks if it matters.
        self.platform_combo.setCurrentIndex(max(0, self.platform_combo.findData("other")))
        if preview is None:
            self.status.setText(self.tr("The file no longer holds this table."))
            return
        self._preview = preview
        headers = preview.headers
        self.columns_table.setRowCount(len(headers))
        for row, name in enumerate(headers):
            self.columns_table.setItem(row, 0, QTableWidgetItem(name))
            samples = [r[row] for r in preview.rows if row < len(r) and r[row].strip()][:_SAMPLE_VALUES]
            self.columns_table.setItem(row, 1, QTableWidgetItem("   ·   ".join(samples)))
            combo = QComboBox(self.columns_table)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._picked(r))
            self.columns_table.setCellWidget(row, 2, combo)
            self._combos.append(combo)
        self.rows_table.setColumnCount(len(headers))
        self.rows_table.setRowCount(len(preview.rows))
        for r, values in enumerate(preview.rows):
            for c, value in enumerate(values[:len(headers)]):
                self.rows_table.setItem(r, c, QTableWidgetItem(value))
        self._apply_guess()
        self._set_busy(False)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):  # a file the preview cannot read: said inline, the dialog stays open
            self.status.setText(window_text(exc.message))
            return
        show_error(self, exc, self._log_file)

    # -- the mapping -------------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def platform(self) -> str:
        return str(self.platform_combo.currentData() or "other")

    def mapping(self) -> dict[str, int]:
        """field -> column index, as the seller has it now."""
        chosen: dict[str, int] = {}
        for column, combo in enumerate(self._combos):
            name = combo.currentData()
            if name:
                chosen[str(name)] = column
        return chosen

    def set_mapping(self, columns: dict[str, int]) -> None:
        by_column = {index: name for name, index in columns.items()}
        for column, combo in enumerate(self._combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(column, _NOT_IMPORTED))))
            combo.blockSignals(False)
        self._mapping_changed()

    def _apply_guess(self) -> None:
        if self._preview is None:
            return
        from shopkeeper.services.mappings import guess_columns, target_fields

        labels = self.field_labels()
        for combo in self._combos:
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not imported —"), _NOT_IMPORTED)
            for target in target_fields(self.kind()):
                label = labels.get(target.name, target.name)
                combo.addItem(label + (" *" if target.required else ""), target.name)
            combo.blockSignals(False)
        self.set_mapping(guess_columns(self.kind(), self._preview.headers, self._preview.rows))

    def _picked(self, column: int) -> None:
        # One column per field: picking a field elsewhere takes it away from the column that had it.
        name = self._combos[column].currentData()
        if name:
            for other, combo in enumerate(self._combos):
                if other != column and combo.currentData() == name:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._mapping_changed()

    def _mapping_changed(self) -> None:
        self._checked = None
        labels = self.field_labels()
        headers = self._preview.headers if self._preview is not None else ()
        chosen = {index: name for name, index in self.mapping().items()}
        self.rows_table.setHorizontalHeaderLabels(
            [f"{h}\n→ {labels.get(chosen[i], chosen[i])}" if i in chosen else h for i, h in enumerate(headers)])
        from shopkeeper.services.mappings import target_fields

        missing = [labels.get(t.name, t.name) for t in target_fields(self.kind())
                   if t.required and t.name not in self.mapping()]
        if missing:
            self.status.setText(self.tr("Still to choose: {fields} (marked *).").format(fields=joined(missing)))
        else:
            self.status.setText(self.tr("Press Check to see what the import would do, or Save and import."))

    # -- checking and saving -----------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        for widget in (self.check_button, self.import_button, self.kind_combo, self.platform_combo):
            widget.setEnabled(not busy)

    def _check(self, *, then_save: bool) -> None:
        if self._preview is None:
            return
        from shopkeeper.services.mappings import check_mapping

        key = (self.kind(), self.platform(), tuple(sorted(self.mapping().items())))
        if then_save and self._checked == key:
            self._save()
            return
        path, member, kind, platform, columns = self._path, self._member, self.kind(), self.platform(), self.mapping()
        cache = self._cache_dir

        def job(db: Any) -> Any:
            cache.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="mapping-", dir=cache) as work:
                return check_mapping(db, path, member, kind=kind, platform=platform, columns=columns,
                                     workdir=Path(work))

        def done(check: Any) -> None:
            self._set_busy(False)
            self._show_check(check)
            if check.ok:
                self._checked = key
                if then_save:
                    self._save()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            show_error(self, exc, self._log_file)

        self._set_busy(True)
        self.status.setText(self.tr("Checking the whole file with this mapping…"))
        self._worker.query(self, QueryOp(job, key="check"), done, failed)

    def _show_check(self, check: Any) -> None:
        labels = self.field_labels()
        if check.missing:
            fields = joined(labels.get(f, f) for f in check.missing)
            self.status.setText(self.tr("Choose the columns for: {fields}.").format(fields=fields))
            return
        if not check.ok:
            self.status.setText(self.tr("This mapping cannot import the file: {problem}.").format(
                problem=window_text(check.problem) if check.problem is not None else ""))
            return
        # Whole sentences per count: English has no plural forms file, so %n would print "row(s)".
        read = (self.tr("Ready: 1 row read") if check.rows_read == 1
                else self.tr("Ready: {n} rows read").format(n=f"{check.rows_read:,}"))
        text = read
        if check.rows_rejected:
            text += (self.tr(", 1 row would not be imported.") if check.rows_rejected == 1
                     else self.tr(", {n} rows would not be imported.").format(n=f"{check.rows_rejected:,}"))
            first = check.sample_rejects[:3]
            details = [
                (self.tr("Row {row}, {column} “{value}”: {reason}").format(row=row, column=column, value=value,
                                                                           reason=window_text(reason))
                 if column else self.tr("Row {row}: {reason}").format(row=row, reason=window_text(reason)))
                for row, column, value, reason in first
            ]
            text += " " + list_separator(sentences=True).join(details)
        else:
            text += self.tr(", every row can be imported.")
        self.status.setText(text)

    def _save(self) -> None:
        from shopkeeper.services.mappings import save_mapping

        name, kind, platform, columns = self.name_edit.text(), self.kind(), self.platform(), self.mapping()
        headers = self._preview.headers

        def done(saved: Any) -> None:
            self.saved_name = saved.name
            self.accept()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            show_error(self, exc, self._log_file)

        def save(db: Any) -> _MappingSaved:
            mapping = save_mapping(db, name=name, kind=kind, platform=platform, headers=headers, columns=columns)
            return _MappingSaved(Changes.of(Area.SETTINGS), mapping=mapping)

        self._set_busy(True)
        self._worker.command(self, CommandOp(save), lambda result: done(result.mapping), failed)


class SavedMappingsDialog(QDialog):
    """The column mappings this shop keeps; a wrong one can be deleted so the file can be mapped anew."""

    def __init__(self, parent: QWidget | None, worker: DbWorker, log_file: Path) -> None:
        super().__init__(parent)
        self.setObjectName("savedMappings")
        self.setWindowTitle(self.tr("Saved column mappings"))
        self.setMinimumSize(640, 320)
        self._worker = worker
        self._log_file = log_file
        intro = QLabel(self.tr("Files with these columns import by themselves. Delete a mapping to map "
                               "such files again the next time you import one."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Table holds"), self.tr("Sold on"),
                                              self.tr("Columns used")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.delete_button = QPushButton(self.tr("Delete mapping"), self)
        self.delete_button.clicked.connect(self._delete)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        from shopkeeper.services.mappings import list_mappings

        self._worker.query(self, QueryOp(list_mappings, key="list"), self._fill,
                           lambda exc: show_error(self, exc, self._log_file))

    def _fill(self, mappings: list[Any]) -> None:
        kinds = {"mapped_orders": self.tr("Orders"), "mapped_products": self.tr("Products and stock"),
                 "mapped_ads": self.tr("Advertising"), "mapped_traffic": self.tr("Traffic")}
        self.table.setRowCount(len(mappings))
        for row, m in enumerate(mappings):
            cells = [m.name, kinds.get(m.kind, m.kind),
                     self.tr("Other / my own shop") if m.platform == "other" else platform_label(m.platform),
                     joined(m.columns.values())]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.name)
                self.table.setItem(row, column, item)
        self.delete_button.setEnabled(bool(mappings))

    def _delete(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        from shopkeeper.services.mappings import delete_mapping

        name = str(items[0].data(Qt.ItemDataRole.UserRole))
        def delete(db: Any) -> CommandResult:
            delete_mapping(db, name)
            return CommandResult(Changes.of(Area.SETTINGS))

        self._worker.command(self, CommandOp(delete), lambda _r: self._load(),
                             lambda exc: show_error(self, exc, self._log_file))


def map_columns(parent: QWidget | None, worker: DbWorker, path: Path, member: str | None, *, cache_dir: Path,
                log_file: Path, on_saved: Callable[[Path], None]) -> bool:
    """Open the dialog; once a mapping is saved, `on_saved(path)` imports the file again. Whether it was saved."""
    dialog = MappingDialog(parent, worker, path, member, cache_dir=cache_dir, log_file=log_file)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        on_saved(path)
        return True
    return False
