"""Listing problems in the Listings tab: badges, the filter, the panel's marked words, the settings dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from shopkeeper.services.listing_checks import all_problems
from shopkeeper.ui.paged_model import RowIdRole
from tests.gui.conftest import run_query, wait_idle


def _rows(qtbot, app, model) -> dict[str, str]:  # noqa: ANN001
    """SKU -> the problems column as shown, for every row the model holds."""
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    wait_idle(qtbot, app.worker)
    column = model.column_of("problems")
    return {model.data(model.index(r, 0), RowIdRole): model.data(model.index(r, column))
            for r in range(model.rowCount())}


def test_the_problems_filter_shows_every_sku_with_a_problem_and_its_badges(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("listings")
    expected = {e.sku for e in run_query(qtbot, app.worker, all_problems) if e.linked}
    assert len(expected) >= 5  # the demo catalogue has real problems
    tab.problems_only.setChecked(True)
    wait_idle(qtbot, app.worker)
    shown = _rows(qtbot, app, tab.model)
    assert set(shown) == expected
    assert shown["CL-GAIWAN-WHT"] == "⚠ Absolute terms"
    assert shown["CL-POT-HAND-OAT"] == "⚠ Title too long"
    assert shown["CL-SET-GIFT-OAT"] == "⚠ Price spread"
    tab.problems_only.setChecked(False)
    wait_idle(qtbot, app.worker)
    assert tab.model.rowCount() == 115


def test_the_panel_marks_the_offending_words_in_the_title(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("listings")
    tab.search.setText("CL-GAIWAN-WHT")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    wait_idle(qtbot, app.worker)
    tab.view.selectRow(0)
    wait_idle(qtbot, app.worker)
    html = tab.detail.text()
    assert "Listing problems" in html
    assert "background:#ffebee'>顶级</b>白瓷" in html


def test_removing_a_word_in_the_dialog_clears_its_badge_and_undo_brings_it_back(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("listings")
    dialog = tab.open_checks_dialog()
    wait_idle(qtbot, app.worker)
    assert dialog.words.count() > 50
    for item in dialog.words.findItems("顶级", Qt.MatchFlag.MatchExactly):
        item.setSelected(True)
    dialog.remove_selected()
    assert "顶级" not in dialog.current_words()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert app.window.undo_action.text().startswith("&Undo")
    assert "absolute-term list: 0 added, 1 removed" in app.window.undo_action.text()
    tab.problems_only.setChecked(True)
    wait_idle(qtbot, app.worker)
    assert "CL-GAIWAN-WHT" not in _rows(qtbot, app, tab.model)
    app.window.undo()
    wait_idle(qtbot, app.worker)
    assert _rows(qtbot, app, tab.model)["CL-GAIWAN-WHT"] == "⚠ Absolute terms"


def test_reorder_settings_change_the_figures_and_undo_brings_them_back(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("listings")
    tab.refresh()
    wait_idle(qtbot, app.worker)
    before = tab.summary.text()
    dialog = tab.open_reorder_settings()
    wait_idle(qtbot, app.worker)
    assert dialog.window_days.value() == 30 and dialog.basis.currentData() == "recent"
    dialog.window_days.setValue(7)
    dialog.dead_days.setValue(30)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    assert app.window.undo_action.text() == "&Undo: reorder settings (2 changed)"
    assert tab.summary.text() != before  # a week's sales and a month without a sale give other figures
    app.window.undo()
    wait_idle(qtbot, app.worker)
    assert tab.summary.text() == before
