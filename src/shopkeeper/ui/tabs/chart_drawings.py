"""Drawing each chart of the Charts tab from its aggregate, and what lies under the mouse.

A drawing fills a pyqtgraph plot, and returns the numbers it drew as a table
(for the table under the chart, the CSV and the clipboard) plus two lookups
from a point in the plot's coordinates: the text to show on hover and the
slice of orders behind it (services/chart_drilldown.Slice) for a click.

Buckets sit at x = 0, 1, 2 … with their dates as tick labels, so a hover or a
click rounds to the nearest bucket. Curves clip to view and downsample; no
OpenGL (config set by the tab).

Money that has no exchange rate is unknown (None in the series): a line has a
gap there, a bar chart no bar, the table and the hover "—", the CSV an empty
cell; never 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_drilldown import Slice, cohort_cell
from shopkeeper.ui.formatting import joined, money, platform_label
from shopkeeper.ui.tabs.members_segments import segment_label
from shopkeeper.ui.widgets.chart_frame import legend_by_title

PLATFORM_COLORS = {
    "taobao": "#ff5000", "douyin": "#111111", "shopify": "#5e8e3e", "etsy": "#1e88e5",
    "jd": "#e1251b", "pinduoduo": "#e02e24", "youzan": "#c41f3b", "amazon": "#ff9900",
    "woocommerce": "#7f54b3", "ebay": "#0064d2",
}
BLUE = "#1565c0"
ABC_COLORS = {"A": "#2e7d32", "B": "#f9a825", "C": "#9e9e9e"}
HEAT = pg.ColorMap(pos=np.array([0.0, 1.0]), color=np.array([[250, 250, 250, 255], [21, 101, 192, 255]]))


@dataclass
class Drawn:
    header: tuple[str, ...] = ()
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    note: str = ""
    hover: Callable[[float, float], str | None] = lambda _x, _y: None
    click: Callable[[float, float], Slice | None] = lambda _x, _y: None
    # How the table shows a column of codes (a platform, a segment) to the seller; `rows` keep the codes.
    shown: dict[int, Callable[[Any], str]] = field(default_factory=dict)
    # Columns of money that may be unknown (None: no exchange rate): the table shows "—", the CSV an empty cell.
    unknown: frozenset[int] = frozenset()


UNKNOWN = "—"


def _floats(values: Sequence[Decimal | int | None]) -> Any:  # noqa: ANN401 - a numpy array
    # plotting only; the table keeps Decimals. Unknown money is NaN: a gap, never a point at 0.
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _money(value: Decimal | int | None) -> str:
    """Money in a hover: unknown (no exchange rate) is "—", never 0.00."""
    return UNKNOWN if value is None else money(value)


def _index(x: float, count: int) -> int | None:
    i = round(x)
    return i if 0 <= i < count else None


def _bucket_ticks(plot: pg.PlotWidget, keys: Sequence[date], grain: str) -> None:
    # The year is said whenever the range leaves one ("25-12" read as a day and month; "01-27" ran from 2020 to 2026).
    one_year = bool(keys) and keys[0].year == keys[-1].year
    fmt = "%Y-%m" if grain == "month" else ("%m-%d" if one_year else "%Y-%m-%d")
    step = max(1, len(keys) // 10)
    plot.getAxis("bottom").setTicks([[(i, k.strftime(fmt)) for i, k in enumerate(keys) if i % step == 0]])


def _bucket_days(key: date, grain: str, first: date, last: date) -> tuple[date, date]:
    if grain == "day":
        end = key
    elif grain == "week":
        end = key + timedelta(days=6)
    else:
        end = (key.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return max(key, first), min(end, last)


def _line(plot: pg.PlotWidget, y: Any, color: str, name: str | None = None, *,  # noqa: ANN401 - numpy array
          dashed: bool = False) -> None:
    pen = pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    # connect="finite": unknown money (NaN) breaks the line rather than dropping it to zero
    item = plot.plot(np.arange(len(y), dtype=float), y, pen=pen, name=name, connect="finite")
    item.setClipToView(True)
    item.setDownsampling(auto=True, method="peak")


def draw_trend(plot: pg.PlotWidget, t: cs.Trend, currency: str, first: date, last: date) -> Drawn:
    legend_by_title(plot, 2)
    for c in t.campaigns:
        lo = next((i for i, k in enumerate(t.buckets) if _bucket_days(k, t.grain, first, last)[1] >= c.starts_on), 0)
        hi = max((i for i, k in enumerate(t.buckets) if k <= c.ends_on), default=lo)
        region = pg.LinearRegionItem((lo - 0.5, hi + 0.5), movable=False, brush=pg.mkBrush(255, 193, 7, 40),
                                     pen=pg.mkPen(None))
        plot.addItem(region)
    _line(plot, _floats(t.previous), "#9e9e9e", QCoreApplication.translate("Charts", "Period before"), dashed=True)
    _line(plot, _floats(t.revenue), BLUE, QCoreApplication.translate("Charts", "Revenue"))
    _bucket_ticks(plot, t.buckets, t.grain)
    plot.setLabel("left", currency)
    by_index = list(zip(t.buckets, t.revenue, t.orders, t.previous, strict=True))

    def hover(x: float, _y: float) -> str | None:
        i = _index(x, len(by_index))
        if i is None:
            return None
        key, revenue, orders, before = by_index[i]
        running = [c.name for c in t.campaigns if c.starts_on <= _bucket_days(key, t.grain, first, last)[1]
                   and c.ends_on >= key]
        text = QCoreApplication.translate("Charts", "{day}: {revenue} {currency} from {orders} orders (period before: {before})").format(
            day=key.isoformat(), revenue=_money(revenue), currency=currency, orders=f"{orders:,}", before=_money(before))
        return text + ("\n" + joined(running) if running else "")

    def click(x: float, _y: float) -> Slice | None:
        i = _index(x, len(by_index))
        if i is None:
            return None
        lo, hi = _bucket_days(by_index[i][0], t.grain, first, last)
        return Slice(first=lo, last=hi)

    return Drawn((QCoreApplication.translate("Charts", "Period"), QCoreApplication.translate("Charts", "Revenue"), QCoreApplication.translate("Charts", "Orders"), QCoreApplication.translate("Charts", "Period before")),
                 [(k.isoformat(), r, o, b) for k, r, o, b in by_index],
                 QCoreApplication.translate("Charts", "Shaded: promotions running (hover for their names). Dashed: the same number of days just before."), hover, click,
                 unknown=frozenset({1, 3}))


def draw_platforms(plot: pg.PlotWidget, t: cs.PlatformTrend, currency: str, first: date, last: date) -> Drawn:
    legend_by_title(plot, len(t.platforms))

    def share(s: cs.PlatformSeries) -> str:
        return f"{platform_label(s.platform)} " + (UNKNOWN if s.share is None else f"{s.share} %")

    for s in t.platforms:
        _line(plot, _floats(s.revenue), PLATFORM_COLORS.get(s.platform, BLUE), share(s))
    _bucket_ticks(plot, t.buckets, t.grain)
    plot.setLabel("left", currency)

    def nearest(x: float, y: float) -> tuple[int, cs.PlatformSeries] | None:
        i = _index(x, len(t.buckets))
        if i is None or not t.platforms:
            return None
        return i, min(t.platforms, key=lambda s: float("inf") if s.revenue[i] is None
                      else abs(float(s.revenue[i] or 0) - y))

    def hover(x: float, y: float) -> str | None:
        found = nearest(x, y)
        if found is None:
            return None
        i, _s = found
        return t.buckets[i].isoformat() + "\n" + "\n".join(
            f"{platform_label(s.platform)}: {_money(s.revenue[i])} {currency}" for s in t.platforms)

    def click(x: float, y: float) -> Slice | None:
        found = nearest(x, y)
        if found is None:
            return None
        lo, hi = _bucket_days(t.buckets[found[0]], t.grain, first, last)
        return Slice(first=lo, last=hi, platform=found[1].platform)

    rows = [(s.platform, k.isoformat(), s.revenue[i]) for s in t.platforms for i, k in enumerate(t.buckets)]
    shares = joined(share(s) for s in t.platforms)
    return Drawn((QCoreApplication.translate("Charts", "Platform"), QCoreApplication.translate("Charts", "Period"), QCoreApplication.translate("Charts", "Revenue")), rows, QCoreApplication.translate("Charts", "Share of the range: {shares}").format(
        shares=shares), hover, click, shown={0: platform_label}, unknown=frozenset({2}))


def _hbars(plot: pg.PlotWidget, labels: Sequence[str], values: Sequence[Decimal | int | None],
           color: str | Sequence[str], axis_label: str) -> None:
    y = np.arange(len(values), dtype=float)[::-1]  # the biggest on top
    brushes = [color] * len(values) if isinstance(color, str) else list(color)
    known = [i for i, v in enumerate(values) if v is not None]   # unknown money (no rate) has no bar, not a 0 one
    if known:
        plot.addItem(pg.BarGraphItem(x0=0, y=y[known], height=0.6, width=_floats([values[i] for i in known]),
                                     brushes=[brushes[i] for i in known]))
    unknown = [i for i, v in enumerate(values) if v is None]
    if unknown:
        # nothing drawn (no pen, no brush), but in the view: the plot's autorange keeps every row's label on
        # screen, and an axis from 0 when no bar is known
        reach = max((float(values[i] or 0) for i in known), default=1.0) or 1.0
        plot.addItem(pg.BarGraphItem(x0=0, y=y[unknown], height=0.6, width=reach, pen=None, brush=None))
    axis = plot.getAxis("left")
    axis.setTicks([[(y[i], (t if len(t) <= 24 else t[:23] + "…")) for i, t in enumerate(labels)]])
    axis.setStyle(tickTextWidth=200, autoExpandTextSpace=False, hideOverlappingLabels=False)
    if len(values) > 10:
        # Fifteen labels in a 1280×800 window get ~12 px each: at the default size Chinese names overlap.
        font = QFont()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        axis.setStyle(tickFont=font)
    axis.setWidth(205)
    plot.setLabel("bottom", axis_label)


def _hbar_index(y: float, count: int) -> int | None:
    i = count - 1 - round(y)
    return i if 0 <= i < count else None


def _line_revenue_note() -> str:
    # A product's revenue is its lines' (stock_classes.sk_line_revenue), the money cards' is the orders': a seller
    # adding up the products must not expect the cards' figure.
    return QCoreApplication.translate(
        "Charts", "A product's revenue is what its lines sold for, refunded units taken off, before order-wide "
                  "discounts and shipping, so the products do not add up to the money above.")


def draw_top_products(plot: pg.PlotWidget, data: tuple[tuple[date, ...], tuple[cs.ProductSales, ...]],
                      currency: str, grain: str) -> Drawn:
    keys, products = data
    _hbars(plot, [p.product for p in products], [p.revenue for p in products], "#ef6c00", currency)

    def hover(_x: float, y: float) -> str | None:
        i = _hbar_index(y, len(products))
        if i is None:
            return None
        p = products[i]
        # the best period only when every period's money is known
        best = max(range(len(keys)), key=lambda k: p.trend[k] or 0) if keys and None not in p.trend else None
        text = QCoreApplication.translate("Charts", "{product}: {revenue} {currency}, {units} units").format(
            product=p.product, revenue=_money(p.revenue), currency=currency, units=f"{p.units:,}")
        return text if best is None else text + "\n" + QCoreApplication.translate("Charts", "Best period: {day}").format(day=keys[best].isoformat())

    def click(_x: float, y: float) -> Slice | None:
        i = _hbar_index(y, len(products))
        return None if i is None else Slice(product_id=products[i].product_id)

    header = (QCoreApplication.translate("Charts", "Product"), QCoreApplication.translate("Charts", "Revenue"), QCoreApplication.translate("Charts", "Units"), *(k.isoformat() for k in keys))
    return Drawn(header, [(p.product, p.revenue, p.units, *p.trend) for p in products],
                 QCoreApplication.translate("Charts", "The table shows each product's revenue per {grain}.").format(grain=grain_label(grain))
                 + " " + _line_revenue_note(),
                 hover, click, unknown=frozenset({1, *range(3, 3 + len(keys))}))


def draw_pareto(plot: pg.PlotWidget, points: tuple[cs.ParetoPoint, ...], _currency: str) -> Drawn:
    # A SKU of unknown revenue (no exchange rate) has no share: the curve is of the others (listed first).
    ranked = [p for p in points if p.cumulative_pct is not None and p.abc is not None]
    x = np.arange(1, len(ranked) + 1, dtype=float)
    y = _floats([p.cumulative_pct for p in ranked])
    _line_xy = plot.plot(x, y, pen=pg.mkPen(BLUE, width=2))
    _line_xy.setClipToView(True)
    plot.addItem(pg.ScatterPlotItem(x=x, y=y, size=6, pen=None,
                                    brush=[pg.mkBrush(ABC_COLORS[p.abc or "C"]) for p in ranked]))
    for share in (80, 95):
        plot.addItem(pg.InfiniteLine(share, angle=0, pen=pg.mkPen("#9e9e9e", style=Qt.PenStyle.DashLine)))
    plot.setLabel("left", QCoreApplication.translate("Charts", "Share of revenue (%)"))
    plot.setLabel("bottom", QCoreApplication.translate("Charts", "SKUs, best sellers first"))
    counts = {c: sum(1 for p in points if p.abc == c) for c in "ABC"}

    def at(x_: float) -> int | None:
        return _index(x_ - 1, len(ranked))

    def hover(x_: float, _y: float) -> str | None:
        i = at(x_)
        if i is None:
            return None
        p = ranked[i]
        return QCoreApplication.translate("Charts", "#{rank} {sku} ({abc}): {revenue}, {share} % so far").format(
            rank=i + 1, sku=p.sku, abc=p.abc, revenue=money(p.revenue), share=p.cumulative_pct)

    def click(x_: float, _y: float) -> Slice | None:
        i = at(x_)
        return None if i is None else Slice(sku=ranked[i].sku)

    notes = [QCoreApplication.translate("Charts", "A: {a} SKUs bring 80 % of revenue; B: {b} the next 15 %; C: {c} the rest.").format(
        a=counts["A"], b=counts["B"], c=counts["C"])] if ranked else []
    if ranked and len(ranked) < len(points):
        # as the ABC rule ranks them: a SKU whose revenue is unknown has no class, the others rank among themselves
        unranked = len(points) - len(ranked)
        # lupdate finds no plural form in translate(): the singular is its own text.
        text = (QCoreApplication.translate("Charts", "1 SKU with money in a currency without an exchange rate has no share or class; the others are ranked among themselves.") if unranked == 1  # noqa: E501
                else QCoreApplication.translate("Charts", "{count} SKUs with money in a currency without an exchange rate have no share or class; the others are ranked among themselves."))  # noqa: E501
        notes.append(text.format(count=f"{unranked:,}"))
    elif len(ranked) < len(points):
        text = (QCoreApplication.translate("Charts", "1 SKU with money in a currency without an exchange rate: no share or class can be worked out.") if len(points) == 1  # noqa: E501
                else QCoreApplication.translate("Charts", "{count} SKUs with money in a currency without an exchange rate: no share or class can be worked out."))  # noqa: E501
        notes.append(text.format(count=f"{len(points):,}"))
    note = " ".join([*notes, _line_revenue_note()])
    return Drawn((QCoreApplication.translate("Charts", "SKU"), QCoreApplication.translate("Charts", "Revenue"), QCoreApplication.translate("Charts", "Cumulative share (%)"), QCoreApplication.translate("Charts", "Class")),
                 [(p.sku, p.revenue, p.cumulative_pct, p.abc) for p in points],
                 note, hover, click, unknown=frozenset({1, 2, 3}))


def draw_price_bands(plot: pg.PlotWidget, bands: tuple[cs.PriceBand, ...], currency: str) -> Drawn:
    edges = sorted({(b.low, b.high) for b in bands})
    platforms = sorted({b.platform for b in bands})
    width = 0.8 / max(1, len(platforms))
    units = {(b.platform, b.low): b.units for b in bands}
    # Each platform's bars are shares of its own units, so a small platform's price mix reads as clearly.
    totals = {p: sum(b.units for b in bands if b.platform == p) for p in platforms}
    legend = legend_by_title(plot, len(platforms))
    for n, platform in enumerate(platforms):
        heights = [100.0 * units.get((platform, lo), 0) / totals[platform] if totals[platform] else 0.0
                   for lo, _hi in edges]
        bars = pg.BarGraphItem(x=np.arange(len(edges)) - 0.4 + width * (n + 0.5), height=heights, width=width,
                               brush=PLATFORM_COLORS.get(platform, BLUE))
        plot.addItem(bars)
        legend.addItem(bars, platform_label(platform))
    plot.getAxis("bottom").setTicks([[(i, f"{money(lo).removesuffix('.00')}–{money(hi).removesuffix('.00')}")
                                      for i, (lo, hi) in enumerate(edges)]])
    plot.setLabel("left", QCoreApplication.translate("Charts", "Share of the platform's units (%)"))
    plot.setLabel("bottom", QCoreApplication.translate("Charts", "Unit price ({currency})").format(currency=currency))

    def pick(x: float) -> tuple[int, str] | None:
        i = _index(x, len(edges))
        if i is None or not platforms:
            return None
        n = min(len(platforms) - 1, max(0, int((x - i + 0.4) / width)))
        return i, platforms[n]

    def hover(x: float, _y: float) -> str | None:
        found = pick(x)
        if found is None:
            return None
        lo, hi = edges[found[0]]
        return f"{money(lo)}–{money(hi)} {currency}\n" + "\n".join(
            QCoreApplication.translate("Charts", "{platform}: {units} units").format(platform=platform_label(p), units=f"{units.get((p, lo), 0):,}")
            for p in platforms)

    def click(x: float, _y: float) -> Slice | None:
        found = pick(x)
        return None if found is None else Slice(platform=found[1])

    return Drawn((QCoreApplication.translate("Charts", "Platform"), QCoreApplication.translate("Charts", "From"), QCoreApplication.translate("Charts", "To"), QCoreApplication.translate("Charts", "Units"), QCoreApplication.translate("Charts", "Revenue")),
                 [(b.platform, b.low, b.high, b.units, b.revenue) for b in bands],
                 QCoreApplication.translate("Charts", "Bars: each platform's units by unit price (share of its own units); a band runs from its price up to the next."), hover, click,
                 shown={0: platform_label})


def draw_baskets(plot: pg.PlotWidget, baskets: tuple[cs.Basket, ...], currency: str) -> Drawn:
    labels = [f"{b.units}+" if b.units >= cs.BASKET_CAP else str(b.units) for b in baskets]
    plot.addItem(pg.BarGraphItem(x=np.arange(len(baskets)), height=[b.orders for b in baskets], width=0.7,
                                 brush="#6a1b9a"))
    plot.getAxis("bottom").setTicks([list(enumerate(labels))])
    plot.setLabel("left", QCoreApplication.translate("Charts", "Orders"))
    plot.setLabel("bottom", QCoreApplication.translate("Charts", "Units in the order"))
    total = sum(b.orders for b in baskets)

    def hover(x: float, _y: float) -> str | None:
        i = _index(x, len(baskets))
        if i is None:
            return None
        b = baskets[i]
        return QCoreApplication.translate("Charts", "{units} units: {orders} orders ({share} %), {revenue} {currency}").format(
            units=labels[i], orders=f"{b.orders:,}", share=round(100 * b.orders / total, 1) if total else 0,
            revenue=_money(b.revenue), currency=currency)

    def click(x: float, _y: float) -> Slice | None:
        i = _index(x, len(baskets))
        return None if i is None else Slice(basket_units=baskets[i].units)

    return Drawn((QCoreApplication.translate("Charts", "Units in the order"), QCoreApplication.translate("Charts", "Orders"), QCoreApplication.translate("Charts", "Revenue")),
                 [(labels[i], b.orders, b.revenue) for i, b in enumerate(baskets)], "", hover, click,
                 unknown=frozenset({2}))


def _heatmap(plot: pg.PlotWidget, grid: Any) -> None:  # noqa: ANN401 - numpy array, rows × columns
    image = pg.ImageItem(grid.T)  # ImageItem takes [x, y]
    peak = float(np.nanmax(grid)) if grid.size and not np.isnan(grid).all() else 0.0
    image.setLookupTable(HEAT.getLookupTable(nPts=256))
    image.setLevels((0.0, max(peak, 1.0)))
    plot.addItem(image)
    plot.invertY(True)
    plot.setAspectLocked(False)


def draw_cohorts(plot: pg.PlotWidget, c: cs.Cohorts, _currency: str, last: date) -> Drawn:
    # Month 0 is everyone (100 %): the heatmap starts at month 1 so its colours show the comebacks.
    width = max((len(r) for r in c.active), default=1)
    now = last.year * 12 + last.month - 1

    def ahead(i: int, k: int) -> bool:
        # k months after this cohort lies past the range's last day: nobody could have bought yet
        return c.months[i].year * 12 + c.months[i].month - 1 + k > now

    pct = np.zeros((len(c.months), max(width - 1, 1)), dtype=float)
    for i, row in enumerate(c.active):
        for k in range(1, width):
            if ahead(i, k):
                pct[i, k - 1] = np.nan  # drawn blank, not as a cold 0 %
            elif c.sizes[i]:
                pct[i, k - 1] = 100.0 * row[k] / c.sizes[i]
    _heatmap(plot, pct)
    plot.getAxis("left").setTicks([[(i + 0.5, m.strftime("%Y-%m")) for i, m in enumerate(c.months)]])
    plot.getAxis("bottom").setTicks([[(k - 0.5, str(k)) for k in range(1, width)]])
    plot.setLabel("bottom", QCoreApplication.translate("Charts", "Months after the first order"))

    def cell(x: float, y: float) -> tuple[int, int] | None:
        i, k = int(np.floor(y)), int(np.floor(x)) + 1
        return (i, k) if 0 <= i < len(c.months) and 1 <= k < len(c.active[i]) and not ahead(i, k) else None

    def hover(x: float, y: float) -> str | None:
        found = cell(x, y)
        if found is None:
            return None
        i, k = found
        return QCoreApplication.translate("Charts", "{month} cohort ({size} people): {people} bought {k} months later ({pct:.1f} %)").format(
            month=c.months[i].strftime("%Y-%m"), size=f"{c.sizes[i]:,}", people=f"{c.active[i][k]:,}", k=k, pct=pct[i, k - 1])

    def click(x: float, y: float) -> Slice | None:
        found = cell(x, y)
        return None if found is None else cohort_cell(c.months[found[0]], found[1], last)

    rate = round(100 * c.repurchasers / c.people, 1) if c.people else 0
    return Drawn((QCoreApplication.translate("Charts", "Cohort"), QCoreApplication.translate("Charts", "People"), *(str(k) for k in range(1, width))),
                 [(m.strftime("%Y-%m"), c.sizes[i], *(None if ahead(i, k) else n for k, n in enumerate(c.active[i][1:], 1)))
                  for i, m in enumerate(c.months)],
                 QCoreApplication.translate("Charts", "Repurchase: {n} of {people} first-time buyers ({rate} %) ordered again. "
                    "Cells: share of a month's first-time buyers who bought again k months later.").format(
                     n=f"{c.repurchasers:,}", people=f"{c.people:,}", rate=rate), hover, click)


def draw_segments(plot: pg.PlotWidget, sizes: tuple[cs.SegmentCount, ...], currency: str) -> Drawn:
    _hbars(plot, [segment_label(s.segment) for s in sizes], [s.members for s in sizes], "#00838f", QCoreApplication.translate("Charts", "Members"))

    def hover(_x: float, y: float) -> str | None:
        i = _hbar_index(y, len(sizes))
        if i is None:
            return None
        s = sizes[i]
        return QCoreApplication.translate("Charts", "{segment}: {members} members, spent {spend} {currency}").format(
            segment=segment_label(s.segment), members=f"{s.members:,}", spend=_money(s.spend), currency=currency)

    def click(_x: float, y: float) -> Slice | None:
        i = _hbar_index(y, len(sizes))
        return None if i is None else Slice(segment=sizes[i].segment)

    return Drawn((QCoreApplication.translate("Charts", "Segment"), QCoreApplication.translate("Charts", "Members"), QCoreApplication.translate("Charts", "Spend")), [(s.segment, s.members, s.spend) for s in sizes],
                 QCoreApplication.translate("Charts", "Members of the whole shop today; the filters do not apply."), hover, click,
                 shown={0: segment_label}, unknown=frozenset({2}))


# A province's or state's bar (its orders naming no city) is lighter than a city's.
CITY_COLOR, PROVINCE_COLOR = "#2e7d32", "#81c784"


def draw_regions(plot: pg.PlotWidget, data: tuple[tuple[cs.Region, ...], int], currency: str) -> Drawn:
    regions, unknown = data

    def place(r: cs.Region) -> str:
        return str(r.city if r.city is not None else r.province)

    _hbars(plot, [f"{place(r)} ({r.country})" if r.country else place(r) for r in regions],
           [r.revenue for r in regions], [CITY_COLOR if r.city is not None else PROVINCE_COLOR for r in regions],
           currency)

    def hover(_x: float, y: float) -> str | None:
        i = _hbar_index(y, len(regions))
        if i is None:
            return None
        r = regions[i]
        if r.city is None:
            return QCoreApplication.translate(
                "Charts", "{province} (orders naming no city): {revenue} {currency} from {orders} orders").format(
                province=r.province, revenue=_money(r.revenue), currency=currency, orders=f"{r.orders:,}")
        return QCoreApplication.translate("Charts", "{city}: {revenue} {currency} from {orders} orders").format(
            city=r.city, revenue=_money(r.revenue), currency=currency, orders=f"{r.orders:,}")

    def click(_x: float, y: float) -> Slice | None:
        i = _hbar_index(y, len(regions))
        if i is None:
            return None
        r = regions[i]
        return Slice(country=r.country, city=r.city) if r.city is not None else \
            Slice(country=r.country, province=r.province)

    notes = []
    if any(r.city is None for r in regions):
        notes.append(QCoreApplication.translate(
            "Charts", "An order naming a city counts under its city; one naming only a province or state counts "
                      "under that (lighter bars)."))
    if unknown:
        notes.append(QCoreApplication.translate(
            "Charts", "{n} sold orders name no place (the export gave no city, province or state).").format(
            n=f"{unknown:,}"))
    return Drawn((QCoreApplication.translate("Charts", "Country"),
                  QCoreApplication.translate("Charts", "Province or state"),
                  QCoreApplication.translate("Charts", "City"), QCoreApplication.translate("Charts", "Orders"),
                  QCoreApplication.translate("Charts", "Revenue")),
                 [(r.country, r.province, r.city, r.orders, r.revenue) for r in regions],
                 " ".join(notes), hover, click, unknown=frozenset({4}))


def weekday_names() -> list[str]:
    return [QCoreApplication.translate("Charts", "Mon"), QCoreApplication.translate("Charts", "Tue"), QCoreApplication.translate("Charts", "Wed"), QCoreApplication.translate("Charts", "Thu"), QCoreApplication.translate("Charts", "Fri"), QCoreApplication.translate("Charts", "Sat"), QCoreApplication.translate("Charts", "Sun")]


def date_only_platforms(left_out: cs.DateOnly) -> str:
    """The platforms whose exports gave the left-out orders only a date, as the seller knows them: 'eBay, Etsy'."""
    return joined(platform_label(p) for p in left_out.platforms)


def draw_hours(plot: pg.PlotWidget, data: tuple[tuple[tuple[int, ...], ...], cs.DateOnly], _currency: str) -> Drawn:
    """The heatmap of the orders whose time is known; the tab's note counts the others (ChartsTab.date_only_note)."""
    grid, left_out = data
    if left_out.orders and not any(any(row) for row in grid):
        # Every order of the range has a day but no hour: say so, not an empty grid that reads "nobody buys".
        label = pg.TextItem(QCoreApplication.translate(
            "Charts", "No sold order of this period has a time of day in its export ({platforms}): "
                      "there are no hours to show.").format(platforms=date_only_platforms(left_out)),
            color="#555", anchor=(0.5, 0.5))
        label.setTextWidth(520)
        label.setPos(0.5, 0.5)
        plot.addItem(label)
        plot.getAxis("left").setTicks([[]])
        plot.getAxis("bottom").setTicks([[]])
        return Drawn((QCoreApplication.translate("Charts", "Weekday"), *(str(h) for h in range(24))), [])
    _heatmap(plot, np.array(grid, dtype=float))
    names = weekday_names()
    plot.getAxis("left").setTicks([[(i + 0.5, n) for i, n in enumerate(names)]])
    plot.getAxis("bottom").setTicks([[(h + 0.5, str(h)) for h in range(0, 24, 2)]])
    plot.setLabel("bottom", QCoreApplication.translate("Charts", "Hour of the day (the platform's local time)"))

    def cell(x: float, y: float) -> tuple[int, int] | None:
        d, h = int(np.floor(y)), int(np.floor(x))
        return (d, h) if 0 <= d < 7 and 0 <= h < 24 else None

    def hover(x: float, y: float) -> str | None:
        found = cell(x, y)
        if found is None:
            return None
        d, h = found
        return QCoreApplication.translate("Charts", "{day} {hour}:00–{hour}:59: {orders} orders").format(day=names[d], hour=h, orders=f"{grid[d][h]:,}")

    def click(x: float, y: float) -> Slice | None:
        found = cell(x, y)
        return None if found is None else Slice(weekday=found[0], hour=found[1])

    return Drawn((QCoreApplication.translate("Charts", "Weekday"), *(str(h) for h in range(24))), [(names[d], *grid[d]) for d in range(7)], "",
                 hover, click)


def grain_label(grain: str) -> str:
    return {"day": QCoreApplication.translate("Charts", "day"), "week": QCoreApplication.translate("Charts", "week"), "month": QCoreApplication.translate("Charts", "month")}[grain]
