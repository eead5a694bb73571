"""The import history names a zip's small exports imported together as one import, and undoes them as one."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from shopkeeper.services.imports import import_paths
from shopkeeper.ui.dialogs.import_history import ImportHistoryDialog
from tests.gui.conftest import run_query, wait_idle

HEADER = ["Name", "Email", "Financial Status", "Currency", "Total", "Created at", "Lineitem quantity",
          "Lineitem name", "Lineitem price", "Id"]


def _zip_of_exports(folder: Path, count: int) -> Path:
    archive = folder / "exports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for n in range(count):
            path = folder / f"o{n}.csv"
            with path.open("w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADER)
                writer.writerow([f"#{100 + n}", f"b{n}@example.com", "paid", "EUR", "10.00",
                                 "2025-05-11 09:55:16 -0400", "1", "Mug", "10.00", f"99000{n}"])
            zf.write(path, f"orders_{n}.csv")
    return archive


def test_small_exports_imported_together_are_one_row_and_one_undo(qtbot, worker, tmp_path: Path,  # noqa: ANN001
                                                                   monkeypatch) -> None:  # noqa: ANN001
    archive = _zip_of_exports(tmp_path, 3)
    outcomes = run_query(qtbot, worker, lambda db: import_paths(db, [archive], workdir=tmp_path / "work"))
    assert [o.rows_added for o in outcomes] == [1, 1, 1] and len({o.batch_id for o in outcomes}) == 1

    dialog = ImportHistoryDialog(None, worker, tmp_path / "log.txt")
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "exports.zip › orders_0.csv and 2 more tables"
    assert [dialog.table.item(0, c).text() for c in (5, 6)] == ["3", "3"]
    platform, fmt = dialog.table.item(0, 3).text(), dialog.table.item(0, 4).text()
    assert (platform, fmt) in {("Shopify", "Shopify orders"), ("Taobao", "Taobao/Tmall orders (订单报表)")}, (platform, fmt)

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    dialog.undo_button.click()
    wait_idle(qtbot, worker)
    assert run_query(qtbot, worker, lambda db: db.scalar("SELECT count(*) FROM orders")) == 0
    assert dialog.table.item(0, 2).text().endswith("(undone)")
