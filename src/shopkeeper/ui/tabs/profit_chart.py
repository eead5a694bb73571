"""The Charts tab's Profit chart: per month, what the buyers paid split into what it cost and what was kept.

Each month is one stacked bar as tall as the takings (sales + shipping −
discounts, tax aside): cost of goods, fees, ads and refunds from the bottom,
net on top (below zero when the month lost money). A month with an order no
settlement has reached yet is estimated (its fees come from the platforms'
rates): its net is drawn hatched-light and its label says so. Figures come from
services/profit.py in the base currency, or in the currency the filter picks.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from shopkeeper.services.chart_drilldown import Slice
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.services.profit import ProfitByMonth, profit_by_month
from shopkeeper.services.sales_report import ReportScope
from shopkeeper.ui.formatting import joined, money
from shopkeeper.ui.tabs.chart_drawings import Drawn
from shopkeeper.ui.widgets.chart_frame import legend_by_title

# Costs from the bottom up, then what was kept.
_COSTS = (("cogs", "#8d6e63"), ("fees", "#ef6c00"), ("ads", "#7b1fa2"), ("refunds", "#c62828"))
_NET, _NET_ESTIMATED = "#2e7d32", "#a5d6a7"



def _labels() -> dict[str, str]:
    return {"cogs": QCoreApplication.translate("Charts", "Cost of goods"), "fees": QCoreApplication.translate("Charts", "Fees"), "ads": QCoreApplication.translate("Charts", "Ads"), "refunds": QCoreApplication.translate("Charts", "Partial refunds"),
            "net": QCoreApplication.translate("Charts", "Net profit"), "takings": QCoreApplication.translate("Charts", "Takings")}


def load_profit(db: Any, f: ChartFilter, _grain: str, _today: date) -> ProfitByMonth:  # noqa: ANN401 - Database
    return profit_by_month(db, ReportScope(f.first, f.last, f.platform), f.currency)


def draw_profit(plot: pg.PlotWidget, data: ProfitByMonth, _currency: str, f: ChartFilter, _grain: str) -> Drawn:
    labels = _labels()
    months = data.months
    x = np.arange(len(months), dtype=float)
    legend_by_title(plot, len(_COSTS) + 1)
    bottom = np.zeros(len(months))
    for name, color in _COSTS:
        heights = np.array([float(getattr(m, name)) for m in months])
        plot.addItem(pg.BarGraphItem(x=x, height=heights, y0=bottom, width=0.7, brush=color, pen=None,
                                     name=labels[name]))
        bottom = bottom + heights
    nets = np.array([float(m.net) for m in months])
    # Net sits on the costs when positive, and hangs below zero when the month lost money.
    base = np.where(nets >= 0, bottom, 0.0)
    brushes = [pg.mkBrush(_NET_ESTIMATED if m.estimated else _NET) for m in months]
    # `brush` is what the legend shows; `brushes` paints each month, estimated ones lighter
    plot.addItem(pg.BarGraphItem(x=x, height=nets, y0=base, width=0.7, brush=_NET, brushes=brushes, pen=None,
                                 name=labels["net"]))
    plot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#616161")))
    # a label every month overlaps beyond a year: as the other charts, about a dozen (2025-06: "25-06" read
    # as a day and month)
    step = max(1, math.ceil(len(months) / 10))
    plot.getAxis("bottom").setTicks([[(i, m.month) for i, m in enumerate(months) if i % step == 0]])
    plot.setLabel("left", data.currency)

    def at(x_: float) -> int | None:
        i = round(x_)
        return i if 0 <= i < len(months) else None

    def hover(x_: float, _y: float) -> str | None:
        i = at(x_)
        if i is None:
            return None
        m = months[i]
        lines = [f"{m.month}" + (" " + QCoreApplication.translate("Charts", "(estimated)") if m.estimated else "")]
        lines += [f"{labels[k]}: {money(getattr(m, k))} {data.currency}"
                  for k in ("takings", "cogs", "fees", "ads", "refunds", "net")]
        if m.cost_missing:
            lines.append(QCoreApplication.translate("Charts", "Some goods have no known cost: net reads too high"))
        return "\n".join(lines)

    def click(x_: float, _y: float) -> Slice | None:
        i = at(x_)
        if i is None:
            return None
        first = date.fromisoformat(months[i].month + "-01")
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return Slice(first=max(first, f.first), last=min(last, f.last))

    header = (QCoreApplication.translate("Charts", "Month"), labels["takings"], labels["cogs"], labels["fees"], labels["ads"], labels["refunds"],
              labels["net"], QCoreApplication.translate("Charts", "Margin %"), QCoreApplication.translate("Charts", "Estimated"))
    rows = [(m.month, m.takings, m.cogs, m.fees, m.ads, m.refunds, m.net,
             # A month with goods of unknown cost has no margin to tell: its net reads too high.
             None if m.takings <= 0 or m.cost_missing else (m.net * 100 / m.takings).quantize(Decimal("0.1")),
             QCoreApplication.translate("Charts", "yes") if m.estimated else "") for m in months]
    # After-sales counts every refund; here an order refunded in full is no sale at all, so only the part refunds
    # of kept orders are a cost: said, so the two figures are not taken for one.
    note = QCoreApplication.translate("Charts", "Orders refunded in full are not in takings; partial refunds are what "
                                      "kept orders paid back (After-sales counts both).") + " "
    note += QCoreApplication.translate("Charts", "Light green: estimated, some orders have no settlement yet and their fees come from the fee rates.")
    if data.cost_missing:
        note += " " + QCoreApplication.translate("Charts", "Some goods sold have no known cost (no cost given, or the export "
                                                 "named no products): cost of goods leaves them out, so profit reads "
                                                 "too high and those months show no margin (give costs in Listings & "
                                                 "Inventory).")
    if data.left_out:
        note += " " + QCoreApplication.translate("Charts", "Left out for want of an exchange rate: {currencies}.").format(
            currencies=joined(data.left_out))
    return Drawn(header, rows, note, hover, click)
