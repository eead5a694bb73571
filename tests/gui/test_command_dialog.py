"""The ending every settings dialog shares (ui/dialogs/command_dialog.py), seen through the reorder and
listing-check settings: saved closes and tells the caller; refused stays open and says why; a bug is not advice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from shopkeeper.domain.commands import CommandResult
from shopkeeper.services.inventory_settings import reorder_settings
from shopkeeper.services.listing_check_settings import price_tolerance
from shopkeeper.ui.dialogs.listing_checks_dialog import ListingChecksDialog
from shopkeeper.ui.dialogs.reorder_settings_dialog import ReorderSettingsDialog
from tests.gui.conftest import run_query, wait_idle


def _opened(qtbot, worker, dialog):  # noqa: ANN001, ANN202
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, worker)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    return dialog


def test_saved_settings_reach_the_shop_and_close_the_dialog(qtbot, worker) -> None:  # noqa: ANN001
    dialog = _opened(qtbot, worker, ReorderSettingsDialog(worker))
    dialog.window_days.setValue(45)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, worker)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.error.isHidden()
    assert run_query(qtbot, worker, reorder_settings).window_days == 45


def test_a_refused_value_is_said_in_the_dialog_which_stays_open(qtbot, worker) -> None:  # noqa: ANN001
    dialog = _opened(qtbot, worker, ReorderSettingsDialog(worker))
    before = run_query(qtbot, worker, reorder_settings)
    dialog.basis.addItem("bogus", "bogus")
    dialog.basis.setCurrentIndex(dialog.basis.count() - 1)
    dialog.window_days.setValue(before.window_days + 7)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, worker)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and '"bogus" is not a basis for demand' in dialog.error.text()
    assert run_query(qtbot, worker, reorder_settings) == before  # refused whole: the window days did not change


def test_the_caller_hears_the_saved_result_before_the_dialog_closes(qtbot, worker) -> None:  # noqa: ANN001
    heard: list[tuple[CommandResult, bool]] = []
    dialog = _opened(qtbot, worker, ListingChecksDialog(
        worker, on_saved=lambda result: heard.append((result, dialog.isVisible()))))
    dialog.tolerance.setValue(12.5)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, worker)
    assert len(heard) == 1 and heard[0][1], heard
    assert heard[0][0].changes and heard[0][0].change_set_id is not None  # one undoable change set
    assert not dialog.isVisible()
    assert run_query(qtbot, worker, price_tolerance) == Decimal("12.5")


def test_a_bug_is_not_shown_as_advice(qtbot, worker) -> None:  # noqa: ANN001
    dialog = _opened(qtbot, worker, ReorderSettingsDialog(worker))
    with pytest.raises(ZeroDivisionError):
        dialog._failed(ZeroDivisionError("a bug"))  # noqa: SLF001 - the failure path the worker calls
    assert dialog.error.isHidden() and dialog.isVisible()
