"""What frames a chart's data: value axes in the words a seller reads, and a legend beside the title.

pyqtgraph writes a tick of 10,000 or more as `%g`, so a month of 1.9 million yuan
read `1.9e+06`; `CompactAxis` writes `1.9M` in English and `190万` in Chinese (the
language of the default QLocale, which ui/i18n.py sets). Its legend sits inside
the data, over the very spike a seller looks at; `legend_by_title` puts it in the
title row, right-aligned, with the title moved left.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QLocale

# (unit, suffix) from the largest; values under the smallest unit keep pyqtgraph's own strings.
_ENGLISH = ((1e9, "B"), (1e6, "M"), (1e3, "k"))
_CHINESE = ((1e8, "亿"), (1e4, "万"))
COMPACT_FROM = 10_000
TITLE_ROW = 30   # pyqtgraph's title row, in pixels
LEGEND_COLUMNS = 5


def _units() -> tuple[tuple[float, str], ...]:
    return _CHINESE if QLocale().language() == QLocale.Language.Chinese else _ENGLISH


def compact_ticks(values: list[float], spacing: float) -> list[str] | None:
    """Tick labels in thousands/millions (万/亿 in Chinese), as many decimals as the spacing needs,
    or None when the ticks are small enough to be written out."""
    largest = max((abs(v) for v in values), default=0.0)
    if largest < COMPACT_FROM:
        return None
    unit, suffix = next((u, s) for u, s in _units() if largest >= u)
    step = spacing / unit
    # as many decimals as the step needs to be exact (0.25M: two), at most three
    places = next((p for p in range(3) if abs(step * 10 ** p - round(step * 10 ** p)) < 1e-6 * 10 ** p), 3)
    labels = []
    for v in values:
        text = f"{v / unit:,.{places}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        labels.append("0" if text in ("0", "-0") else text + suffix)
    return labels


class CompactAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph ships no type hints
    """A value axis whose large ticks read 1.9M / 190万, never 1.9e+06."""

    def __init__(self, orientation: str, **kwargs: Any) -> None:  # noqa: ANN401 - pyqtgraph's own options
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802 - Qt's name
        if not self.logMode:
            compact = compact_ticks([v * scale for v in values], spacing * scale)
            if compact is not None:
                return compact
        return list(super().tickStrings(values, scale, spacing))


def compact_axes() -> dict[str, CompactAxis]:
    """The `axisItems` of a PlotWidget whose value axes may reach the millions."""
    return {"left": CompactAxis("left"), "bottom": CompactAxis("bottom")}


def legend_by_title(plot: pg.PlotWidget, entries: int) -> pg.LegendItem:
    """A legend in the title row instead of over the data: entries side by side, five to a row.

    Call before the named items are added (pyqtgraph adds each to the plot's legend), and set
    the title with `set_title`.
    """
    item = plot.getPlotItem()
    legend = pg.LegendItem(colCount=max(1, min(entries, LEGEND_COLUMNS)), brush=(255, 255, 255, 220),
                           horSpacing=12)
    legend.layout.setContentsMargins(4, 2, 4, 2)  # pyqtgraph's 9 px all round would reach into the data
    legend.setParentItem(item)
    legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-8, 2))
    item.legend = legend
    return legend


def set_title(plot: pg.PlotWidget, title: str) -> None:
    """The chart's title; left-aligned, in a row tall enough for the legend's rows, when a legend sits beside it."""
    item = plot.getPlotItem()
    legend = item.legend
    if legend is None or legend.parentItem() is not item:
        plot.setTitle(title)
        return
    plot.setTitle(title, justify="left")
    legend.updateSize()
    item.layout.setRowFixedHeight(0, max(TITLE_ROW, math.ceil(legend.height()) + 4))
