"""The ending every settings dialog shares (ui/dialogs/command_dialog.py): saved closes and tells the caller;
refused stays open and says why; a bug is not advice; and every such dialog opens on a new shop ready to save."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from shopkeeper.domain.commands import CommandResult
from shopkeeper.runtime.clock import FixedClock
from shopkeeper.services.inventory_settings import reorder_settings
from shopkeeper.services.listing_check_settings import price_tolerance
from shopkeeper.ui.dialogs.bundle_dialog import BundleDialog
from shopkeeper.ui.dialogs.calendar_event_dialog import CalendarEventDialog
from shopkeeper.ui.dialogs.campaign_check_settings_dialog import CampaignCheckSettingsDialog
from shopkeeper.ui.dialogs.campaign_dialog import CampaignDialog
from shopkeeper.ui.dialogs.checklist_template_dialog import ChecklistTemplateDialog
from shopkeeper.ui.dialogs.command_dialog import CommandDialog
from shopkeeper.ui.dialogs.conversion_settings_dialog import ConversionSettingsDialog
from shopkeeper.ui.dialogs.exchange_rates_dialog import ExchangeRatesDialog
from shopkeeper.ui.dialogs.fee_rates_dialog import FeeRatesDialog
from shopkeeper.ui.dialogs.listing_checks_dialog import ListingChecksDialog
from shopkeeper.ui.dialogs.loyalty_settings_dialog import LoyaltySettingsDialog
from shopkeeper.ui.dialogs.payouts_dialog import PayoutsDialog
from shopkeeper.ui.dialogs.reorder_settings_dialog import ReorderSettingsDialog
from tests.gui.conftest import TODAY, run_query, wait_idle


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


def _every_dialog(worker):  # noqa: ANN001, ANN202
    clock = FixedClock(datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    return [
        BundleDialog(worker, "SKU-1"), CalendarEventDialog(None, worker=worker, day=TODAY),
        CampaignCheckSettingsDialog(worker), CampaignDialog(None, worker=worker, today=TODAY),
        ChecklistTemplateDialog(worker), ConversionSettingsDialog(worker), FeeRatesDialog(worker, clock),
        ListingChecksDialog(worker), LoyaltySettingsDialog(worker, clock, chinese=False), PayoutsDialog(worker, clock),
        ReorderSettingsDialog(worker), ExchangeRatesDialog(worker),
    ]


def test_every_settings_dialog_loads_on_a_new_shop_with_no_error_and_save_ready(qtbot, worker) -> None:  # noqa: ANN001
    dialogs = _every_dialog(worker)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    wait_idle(qtbot, worker)
    for dialog in dialogs:
        assert isinstance(dialog, CommandDialog)
        assert dialog.error.isHidden(), (type(dialog).__name__, dialog.error.text())
        save = getattr(dialog, "buttons", None) and dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save is None or save.isEnabled(), type(dialog).__name__
