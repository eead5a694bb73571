"""The Charts tab's Channels & ads and Conversion charts on the demo shop: campaigns below their break-even
stand out, the break-even marks are drawn, and the badly converting products are listed first."""

from __future__ import annotations

import pyqtgraph as pg

from shopkeeper.ui.tabs import ads_chart
from shopkeeper.ui.tabs.charts_tab import CHARTS
from tests.gui.conftest import wait_idle


def _show(qtbot, app, key: str):  # noqa: ANN001, ANN202
    tab = app.window.charts
    app.window.show_tab("charts")
    wait_idle(qtbot, app.worker)
    tab.picker.setCurrentRow([k.key for k in CHARTS].index(key))
    wait_idle(qtbot, app.worker)
    return tab


def test_campaigns_below_break_even_stand_out(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "ads")
    drawn = tab.drawn["ads"]
    assert tab.picker.currentItem().text() == "Channels & ads"
    below = [row for row in drawn.rows if row[-1] == "yes"]
    above = [row for row in drawn.rows if row[-1] == ""]
    assert below and above  # the demo has both
    assert all(float(row[5]) < float(row[8]) for row in below)   # ROAS under the break-even ROAS
    assert all(float(row[5]) >= float(row[8]) for row in above)
    items = tab.plots["ads"].getPlotItem().items
    bars = next(i for i in items if isinstance(i, pg.BarGraphItem))
    brushes = {pg.mkBrush(b).color().name() for b in bars.opts["brushes"]}
    assert {ads_chart.BELOW, ads_chart.ABOVE} <= brushes
    assert any(isinstance(i, pg.PlotDataItem) for i in items)    # the break-even marks
    assert tab.drawn["ads"].hover(0.0, float(len(drawn.rows) - 1))  # the top bar explains itself


def test_products_with_many_sessions_and_few_orders_are_listed_first(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "conversion")
    rows = tab.drawn["conversion"].rows
    flags = [row[-1] == "yes" for row in rows]
    assert flags[0] and not flags[-1]
    assert flags == sorted(flags, reverse=True)
    assert tab.table.rowCount() == len(rows)


def test_the_thresholds_are_a_setting_of_the_shop(qtbot, app) -> None:  # noqa: ANN001
    tab = _show(qtbot, app, "conversion")
    assert tab.thresholds_button.isVisible()
    flagged_before = sum(1 for row in tab.drawn["conversion"].rows if row[-1] == "yes")
    dialog = tab.open_conversion_settings()
    wait_idle(qtbot, app.worker)
    assert dialog.min_sessions.value() == 100
    dialog.min_sessions.setValue(1)
    dialog.max_pct.setValue(100)
    dialog.save()
    wait_idle(qtbot, app.worker)
    flagged_after = sum(1 for row in tab.drawn["conversion"].rows if row[-1] == "yes")
    assert flagged_after == len(tab.drawn["conversion"].rows) > flagged_before   # the chart followed the setting
    tab.picker.setCurrentRow([k.key for k in CHARTS].index("ads"))
    assert not tab.thresholds_button.isVisible()
