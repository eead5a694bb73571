"""The Members tab's loyalty parts on the demo shop: the member's points and tier panel, the settings dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.conftest import wait_idle


def _select_first_member(qtbot, app):  # noqa: ANN001, ANN202
    tab = app.window.tab_by_name("members")
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=20000)
    wait_idle(qtbot, app.worker)
    tab.view.selectRow(0)
    wait_idle(qtbot, app.worker)
    return tab


def test_the_member_panel_shows_points_and_tier_progress(qtbot, app) -> None:  # noqa: ANN001
    tab = _select_first_member(qtbot, app)
    qtbot.waitUntil(lambda: tab.loyalty.isEnabled(), timeout=20000)
    assert "points available" in tab.loyalty.points.text()
    assert "counted so far" in tab.loyalty.tier.text()
    assert tab.loyalty.history.count() >= 1


def test_the_settings_dialog_previews_moves_and_saves_one_undoable_change(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("members")
    dialog = tab.open_loyalty_settings()
    wait_idle(qtbot, app.worker)
    assert dialog.tier_table.rowCount() == 4
    silver = dialog.tier_table.item(1, 2)
    assert silver.text() == "1000"
    silver.setText("1")  # everyone who spent anything becomes silver at least
    dialog.preview()
    wait_idle(qtbot, app.worker)
    assert "would move up" in dialog.preview_summary.text()
    assert dialog.preview_list.count() > 0
    assert dialog.preview_list.item(0).text().startswith("↑")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert "loyalty settings: 1 changed" in app.window.undo_action.text()
    app.window.undo()
    wait_idle(qtbot, app.worker)
    assert "loyalty settings" not in app.window.undo_action.text()
