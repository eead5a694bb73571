"""Exchange rates in the window: every currency with its orders, a rate saved as one Edit › Undo step,
what is left out said in words, and a bad rate refused in the dialog."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialogButtonBox

from shopkeeper.services.exchange_rates import exchange_rates
from tests.gui.conftest import run_query, wait_idle


def _row(dialog, currency: str) -> int:  # noqa: ANN001
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == currency)


def test_a_rate_is_saved_undone_and_a_missing_one_is_said(qtbot, app) -> None:  # noqa: ANN001
    dialog = app.window.exchange_rates()
    wait_idle(qtbot, app.worker)
    assert dialog.base.currentText() == "CNY"
    usd = _row(dialog, "USD")
    assert dialog.table.isRowHidden(_row(dialog, "CNY")) and not dialog.table.isRowHidden(usd)
    assert dialog.table.item(usd, 2).text() == "7.10" and int(dialog.table.item(usd, 1).text().replace(",", "")) > 0
    assert dialog.waiting.text() == "Every order can be converted."
    dialog.table.item(usd, 2).setText("")
    assert "in USD have no rate yet" in dialog.waiting.text()

    dialog.table.item(usd, 2).setText("7.25")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert "exchange rates" in app.window.undo_action.text()
    assert run_query(qtbot, app.worker, exchange_rates).rates[0].rate == Decimal("7.25")
    app.window.undo()
    wait_idle(qtbot, app.worker)
    assert run_query(qtbot, app.worker, exchange_rates).rates[0].rate == Decimal("7.1")


def test_a_bad_rate_is_refused_in_words_and_nothing_is_saved(qtbot, app) -> None:  # noqa: ANN001
    dialog = app.window.charts.open_exchange_rates()
    wait_idle(qtbot, app.worker)
    dialog.table.item(_row(dialog, "USD"), 2).setText("seven")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert dialog.error.isVisible() and "seven" in dialog.error.text()
    assert "exchange rates" not in app.window.undo_action.text()
    dialog.close()
