"""The Payouts dialog shows a balance ledger's opening balance and the breaks in its balances."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from shopkeeper.runtime.clock import FixedClock
from shopkeeper.services.imports import import_paths
from shopkeeper.ui.dialogs.payouts_dialog import PayoutsDialog
from tests.gui.conftest import run_query, wait_idle

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "importers"))
from cn_money_exports import write_alipay_months  # noqa: E402


def test_a_missing_month_is_shown_as_a_balance_break(qtbot, worker, tmp_path: Path) -> None:  # noqa: ANN001
    files = write_alipay_months(tmp_path, "may", "july")
    outcomes = run_query(qtbot, worker, lambda db: import_paths(db, files, workdir=tmp_path / "work",
                                                                make_backup=False))
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    dialog = PayoutsDialog(worker, FixedClock(datetime(2026, 8, 31, 9, 0, tzinfo=UTC)))
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, worker)
    assert dialog.error.isHidden(), dialog.error.text()
    breaks = dialog.breaks
    assert breaks.rowCount() == 1
    cells = [breaks.item(0, c).text() for c in range(breaks.columnCount())]
    # expected 200.00, the ledger states 320.00: 120.00 moved in rows the shop does not hold
    assert cells[4:8] == ["200.00", "320.00", "120.00", "20260701000000010"]
    assert "1 breaks in ledger balances" in dialog.summary.text()
    payouts = dialog.payouts
    opening = {payouts.item(r, 0).text(): payouts.item(r, 9).text() for r in range(payouts.rowCount())}
    assert opening["20260701000000010"] == "120.00"
