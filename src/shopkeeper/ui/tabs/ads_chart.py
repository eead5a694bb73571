"""The Charts tab's "Channels & ads" and "Conversion" charts (issue 13.5).

Channels & ads: one bar per campaign, its ROAS, with the campaign's break-even ROAS drawn as a
black mark across the bar's row; a campaign below its break-even is red, one above it green,
one whose break-even is unknown (a cost missing) grey. Conversion: one bar per product with
traffic, its conversion rate in percent; the products with many sessions and a low rate (the
listing page may be the problem) are red and listed first in the table.

The figures come from services/ad_performance.py; the tab's period, platform, shop and currency
filters narrow them (a campaign or product is kept when its period meets the tab's).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from shopkeeper.services.ad_performance import AdFigures, Conversion, ad_figures, conversion
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.ui.formatting import ad_channel_label, money, platform_label, shop_label
from shopkeeper.ui.tabs import chart_drawings as cd

MAX_BARS = 15
BELOW, ABOVE, UNKNOWN = "#c62828", "#2e7d32", "#9e9e9e"



def _pct(value: Any) -> str:  # noqa: ANN401 - a Decimal or None
    return "" if value is None else f"{value * 100:.2f}%"


def _ratio(value: Any) -> str:  # noqa: ANN401 - a Decimal or None
    return "" if value is None else f"{value:.2f}"


def load_ads(db: Any, f: ChartFilter, _grain: str, _today: Any) -> list[AdFigures]:  # noqa: ANN401
    rows = ad_figures(db, "campaign", first=f.first, last=f.last, platform=f.platform)
    return [r for r in rows if (f.shop_id is None or r.shop_id == f.shop_id)
            and (f.currency is None or r.currency == f.currency)]


def draw_ads(plot: pg.PlotWidget, rows: list[AdFigures], _currency: str, _f: ChartFilter, _grain: str) -> cd.Drawn:
    shown = rows[:MAX_BARS]  # most spend first
    colors = [UNKNOWN if r.break_even_roas is None and not r.below_break_even else
              BELOW if r.below_break_even else ABOVE for r in shown]
    labels = [f"{r.campaign or ad_channel_label(r.channel)} ({r.currency})" for r in shown]
    cd._hbars(plot, labels, [r.roas or 0 for r in shown], colors, QCoreApplication.translate("Charts", "ROAS (ad sales ÷ ad spend)"))
    ys = np.arange(len(shown), dtype=float)[::-1]
    marks = [(float(r.break_even_roas), y) for r, y in zip(shown, ys, strict=True) if r.break_even_roas is not None]
    if marks:
        # one short upright line per campaign at its break-even ROAS: a bar that stops before it is losing money
        x = np.repeat([m[0] for m in marks], 2)
        y = np.array([v for m in marks for v in (m[1] - 0.4, m[1] + 0.4)])
        plot.addItem(pg.PlotDataItem(x, y, connect="pairs", pen=pg.mkPen("#111111", width=3)))

    def hover(_x: float, y: float) -> str | None:
        i = cd._hbar_index(y, len(shown))
        if i is None:
            return None
        r = shown[i]
        text = QCoreApplication.translate("Charts", "{campaign}: spent {spend} {currency}, ad sales {sales}, ROAS {roas}, break-even {break_even}").format(
            campaign=r.campaign or ad_channel_label(r.channel), spend=money(r.spend), currency=r.currency, sales=money(r.sales),
            roas=_ratio(r.roas), break_even=_ratio(r.break_even_roas) or "?")
        return text + ("\n" + QCoreApplication.translate("Charts", "Below break-even: each sale it brings loses money") if r.below_break_even else "")

    header = (QCoreApplication.translate("Charts", "Channel"), QCoreApplication.translate("Charts", "Campaign"), QCoreApplication.translate("Charts", "Currency"), QCoreApplication.translate("Charts", "Spend"), QCoreApplication.translate("Charts", "Ad sales"), QCoreApplication.translate("Charts", "ROAS"), QCoreApplication.translate("Charts", "ACoS"),
              QCoreApplication.translate("Charts", "TACoS"), QCoreApplication.translate("Charts", "Break-even ROAS"), QCoreApplication.translate("Charts", "Below break-even"))
    table = [(r.channel, r.campaign or "", r.currency, r.spend, r.sales, _ratio(r.roas), _pct(r.acos), _pct(r.tacos),
              _ratio(r.break_even_roas), QCoreApplication.translate("Charts", "yes") if r.below_break_even else "") for r in rows]
    below = sum(1 for r in rows if r.below_break_even)
    note = QCoreApplication.translate("Charts", "Black marks: each campaign's break-even ROAS (1 ÷ margin before ads). {below} of {count} campaigns "
              "are below it (red); grey: a cost is missing, so the break-even is unknown.").format(
        below=below, count=len(rows))
    return cd.Drawn(header, table, note if rows else QCoreApplication.translate("Charts", "No advertising report imported for this period."), hover,
                    shown={0: ad_channel_label})


def load_conversion(db: Any, f: ChartFilter, _grain: str, _today: Any) -> list[Conversion]:  # noqa: ANN401
    rows = conversion(db, first=f.first, last=f.last, platform=f.platform)
    return [r for r in rows if f.shop_id is None or r.shop_id == f.shop_id]


def _title(r: Conversion) -> str:
    """A row of no product is the whole shop's sessions (Amazon by date, Shopify sessions over time)."""
    return r.title or ("" if r.sku or r.product_ref else QCoreApplication.translate("Charts", "Whole shop"))


def draw_conversion(plot: pg.PlotWidget, rows: list[Conversion], _currency: str, _f: ChartFilter,
                    _grain: str) -> cd.Drawn:
    shown = rows[:MAX_BARS]  # the flagged ones first, then by sessions
    names = [r.sku or r.product_ref or QCoreApplication.translate("Charts", "Whole shop") for r in shown]
    # One SKU sold on two platforms is two bars: the platform tells them apart.
    labels = [f"{n} ({platform_label(r.shop_id.partition(':')[0])})" if names.count(n) > 1 else n
              for n, r in zip(names, shown, strict=True)]
    cd._hbars(plot, labels, [(r.conversion_rate or 0) * 100 for r in shown],
              [BELOW if r.flagged else "#1565c0" for r in shown], QCoreApplication.translate("Charts", "Conversion rate (orders ÷ sessions, %)"))

    def hover(_x: float, y: float) -> str | None:
        i = cd._hbar_index(y, len(shown))
        if i is None:
            return None
        r = shown[i]
        text = QCoreApplication.translate("Charts", "{product}: {orders} orders from {sessions} sessions ({rate})").format(
            product=_title(r) or r.sku or r.product_ref, orders=f"{r.orders:,}", sessions=f"{r.sessions:,}",
            rate=_pct(r.conversion_rate)) + f"\n{shop_label(r.shop_id)}"
        return text + ("\n" + QCoreApplication.translate("Charts", "Many sessions, low conversion: check the listing page") if r.flagged else "")

    header = (QCoreApplication.translate("Charts", "SKU"), QCoreApplication.translate("Charts", "Product"), QCoreApplication.translate("Charts", "Shop"), QCoreApplication.translate("Charts", "Sessions"), QCoreApplication.translate("Charts", "Orders"), QCoreApplication.translate("Charts", "Conversion"),
              QCoreApplication.translate("Charts", "Many sessions, low conversion"))
    table = [(r.sku or r.product_ref or "", _title(r), r.shop_id, r.sessions, r.orders, _pct(r.conversion_rate),
              QCoreApplication.translate("Charts", "yes") if r.flagged else "") for r in rows]
    flagged = sum(1 for r in rows if r.flagged)
    note = QCoreApplication.translate("Charts", "{flagged} products have many sessions and a low conversion rate (red): the listing page may be "
              "the problem.").format(flagged=flagged)
    return cd.Drawn(header, table, note if rows else QCoreApplication.translate("Charts", "No traffic report imported for this period."), hover,
                    shown={2: shop_label})
