"""The rows an import left out, as the seller reads them: every reason whole, numbered as the file is."""

from __future__ import annotations

import csv
from pathlib import Path

from shopkeeper.services.imports import import_paths
from shopkeeper.ui.dialogs.rejects_dialog import RejectsDialog
from tests.gui.conftest import run_query, wait_idle


def test_a_long_reason_is_shown_whole_and_the_rows_are_numbered_once(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "EtsyListingsDownload.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["TITLE", "PRICE", "CURRENCY_CODE", "QUANTITY", "SKU"])
        out.writerow(["Hand-painted mug", "20.00", "USD", "1", ""])
        out.writerow(["Hand-painted mug", "35.00", "USD", "3", ""])
    [outcome] = run_query(qtbot, worker, lambda db: import_paths(db, [path], workdir=tmp_path / "work"))
    assert outcome.rows_rejected == 1
    dialog = RejectsDialog(None, worker, int(outcome.batch_id), tmp_path / "log.txt")
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, worker)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    reason = dialog.table.item(0, 3)
    assert reason.text().startswith("the listing on row 1 has the same title and no SKU either")
    assert reason.toolTip() == reason.text()
    assert dialog.table.item(0, 0).text() == "2"
    # The Row column numbers the rows; Qt's own row numbers beside it would read as another count.
    assert dialog.table.verticalHeader().isHidden()
    # Wrapped over lines rather than cut off at the column's edge with "…".
    line = dialog.table.fontMetrics().lineSpacing()
    assert dialog.table.rowHeight(0) >= 2 * line
