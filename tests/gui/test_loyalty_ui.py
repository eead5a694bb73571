"""The Members tab's loyalty parts on the demo shop: the member's points and tier panel, the settings dialog."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
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
    # The spend counted is named in the base currency, as the table's column and the cards name it.
    assert re.search(r"counted so far: [\d,]+\.\d\d [A-Z]{3}", tab.loyalty.tier.text()), tab.loyalty.tier.text()
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


def _headers_fit(table) -> list[str]:  # noqa: ANN001
    """The column headers whose text is wider than their column (a clipped header)."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    clipped = []
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        if metrics.horizontalAdvance(text) + 4 > header.sectionSize(column):  # the header's own margins
            clipped.append(text)
    return clipped


def _check_settings_dialog(qtbot, app, names: list[str]) -> None:  # noqa: ANN001
    tab = app.window.tab_by_name("members")
    dialog = tab.open_loyalty_settings()
    wait_idle(qtbot, app.worker)
    assert dialog.size().width() == 820 and dialog.size().height() == 600
    # The tier table: every tier in sight, named as the seller named it, not by its code.
    dialog.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: dialog.tier_table.isVisible())
    table = dialog.tier_table
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == names
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.viewport().height() >= rows
    # Headers fit their columns, on every page.
    assert _headers_fit(table) == []
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.events.isVisible())
    assert _headers_fit(dialog.events) == []
    dialog.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.platform_rates.isVisible())
    assert _headers_fit(dialog.platform_rates) == []
    # The preview counts the tiers from the lowest up.
    dialog.preview()
    wait_idle(qtbot, app.worker)
    summary = dialog.preview_summary.text()
    assert [summary.index(n + ":") for n in names] == sorted(summary.index(n + ":") for n in names)
    dialog.reject()


def test_the_settings_dialog_shows_every_tier_by_name_and_headers_that_fit(qtbot, app) -> None:  # noqa: ANN001
    _check_settings_dialog(qtbot, app, ["Bronze", "Silver", "Gold", "VIP"])


def test_the_settings_dialog_fits_in_chinese(qtbot, shop_copy) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import make_app

    app = make_app(qtbot, shop_copy, "zh_CN")
    try:
        _check_settings_dialog(qtbot, app, ["铜牌会员", "银牌会员", "金牌会员", "钻石会员"])
    finally:
        app.shutdown()
        app.translations.install(QApplication.instance(), "en")


def test_a_bonus_events_platform_is_chosen_from_the_platforms(qtbot, app) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QComboBox

    from tests.gui.conftest import run_query

    tab = app.window.tab_by_name("members")
    dialog = tab.open_loyalty_settings()
    wait_idle(qtbot, app.worker)
    assert dialog.events.rowCount() >= 1
    box = dialog.events.cellWidget(0, 3)
    assert isinstance(box, QComboBox)
    # Labels shown, codes kept: the demo's Double 11 is Taobao's.
    assert (box.currentText(), box.currentData()) == ("Taobao", "taobao")
    assert box.itemData(0) == "" and box.findData("shopify") > 0
    dialog.add_event()
    new = dialog.events.cellWidget(dialog.events.rowCount() - 1, 3)
    assert isinstance(new, QComboBox) and new.currentData() == ""
    dialog.events.removeRow(dialog.events.rowCount() - 1)
    box.setCurrentIndex(box.findData("shopify"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_idle(qtbot, app.worker)
    stored = run_query(qtbot, app.worker, lambda db: db.scalar(
        "SELECT value FROM loyalty_settings WHERE key = 'bonus_events'"))
    assert '"platform": "shopify"' in stored


def test_points_are_shown_as_available_and_pending(qtbot, app) -> None:  # noqa: ANN001
    tab = _select_first_member(qtbot, app)
    keys = tab.model.source.column_keys()
    assert tab.model.headerData(keys.index("points"), Qt.Orientation.Horizontal) == "Points available"
    assert tab.model.headerData(keys.index("points_pending"), Qt.Orientation.Horizontal) == "Points pending"
    qtbot.waitUntil(lambda: tab._member_shown is not None, timeout=20000)
    shown = tab._member_shown
    assert f"{shown.points:,} available · {shown.points_pending:,} pending" in tab.detail.text()
    qtbot.waitUntil(lambda: tab.loyalty.isEnabled(), timeout=20000)
    assert f"<b>{shown.points:,}</b> points available · {shown.points_pending:,} pending" \
        in tab.loyalty.points.text()


def test_a_tier_counted_without_some_orders_says_so(qtbot, app) -> None:  # noqa: ANN001
    from datetime import date
    from decimal import Decimal

    from shopkeeper.domain.tiers import TierProgress
    from shopkeeper.services.member_loyalty import MemberLoyalty, TierChange
    from shopkeeper.services.points_entries import PointsBalance

    panel = app.window.tab_by_name("members").loyalty
    panel._member = "m"
    figures = MemberLoyalty(
        "m", PointsBalance(0, 0, 0, None), "Bronze", "Silver", "spend", "rolling_12",
        TierProgress(Decimal(0), None, Decimal(1000), None, None), (TierChange(date(2025, 5, 12), "Bronze", "start",
                                                                                 None),),
        None, unpriced_orders=4, basis_known=False)
    panel.show_figures(figures)
    text = panel.tier.text()
    assert "counted so far: unknown" in text and "0.00" not in text
    assert "4 orders in a currency without an exchange rate" in text and "more to reach" not in text
    assert panel.history.item(0).text().endswith("(unknown)")
