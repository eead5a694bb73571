"""File › Export table…: the rows a table view shows, with its search, filters and order, to CSV or .xlsx.

The export reads the view's own query without paging (services/table_export.py) on the
database thread; the seller gets a message naming the file, written or not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from shopkeeper.domain.contact_masking import Kind
from shopkeeper.domain.messages import Message
from shopkeeper.ui.db_worker import DbWorker
from shopkeeper.ui.message_texts import window_text
from shopkeeper.ui.operations import QueryOp
from shopkeeper.ui.paged_model import PagedSqlModel


def export_table_view(parent: QWidget, worker: DbWorker, model: PagedSqlModel, *,
                      personal: Mapping[str, Kind], show_error: Callable[[BaseException], None]) -> None:
    from shopkeeper.services.table_export import export_source

    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export table"), f"{model.name}.xlsx",
                                          parent.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
    if not path:
        return
    search, filters, sort_key, descending = model.view_state()
    source = model.source

    def run(db: object) -> object:
        return export_source(db, source, Path(path), search=search, active=filters, sort_key=sort_key,  # type: ignore[arg-type]
                             descending=descending, personal=personal)

    def done(result: object) -> None:
        QMessageBox.information(parent, parent.tr("Export table"), window_text(Message(
            "export.table.written", {"table": model.name, "path": str(result.path), "count": result.rows})))  # type: ignore[attr-defined]

    worker.query(parent, QueryOp(run, key="export-table"), done, show_error)
