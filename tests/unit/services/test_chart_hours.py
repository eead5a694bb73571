"""The Hour × weekday heatmap counts only orders whose time is known; those whose export gives only the date are
counted for its note, with their platforms, and are behind no hour's cell (they piled up at midnight)."""

from __future__ import annotations

from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_drilldown import Slice, orders_behind
from shopkeeper.services.chart_filters import ChartFilter

RANGE = ChartFilter(date(2026, 11, 1), date(2026, 11, 30))

# (shop, order, instant, zone, date only, status)
ORDERS = [
    # Monday 2 November: Etsy and eBay give the day only, stored at its start
    ("etsy:e", "E1", "2026-11-02 00:00:00+00", "+00:00", True, "shipped"),
    ("etsy:e", "E2", "2026-11-02 00:00:00+00", "+00:00", True, "completed"),
    ("ebay:b", "B1", "2026-11-03 00:00:00+00", "+00:00", True, "paid"),
    ("etsy:e", "E3", "2026-11-04 00:00:00+00", "+00:00", True, "cancelled"),   # not sold: in no figure
    # a real midnight: Double 11 starts at 00:00 Beijing time (Wednesday 11th)
    ("taobao:t", "T1", "2026-11-10 16:00:05+00", "+08:00", False, "paid"),
    ("taobao:t", "T2", "2026-11-11 02:30:00+00", "+08:00", False, "paid"),
    # imported before the flag existed: its time counts as known
    ("shopify:s", "S1", "2026-11-12 15:00:00+00", "-05:00", None, "paid"),
]


def _fill(db: Database, orders: list[tuple[str, str, str, str, bool | None, str]] = ORDERS) -> None:
    with db.transaction():
        for shop_id, order_id, at, tz, date_only, status in orders:
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, ordered_date_only, status,"
                       " currency, total, refunded_amount) VALUES (?, ?, ?, ?, ?, ?, 'USD', 10, 0)",
                       [shop_id, order_id, at, tz, date_only, status])


def test_orders_with_only_a_date_are_not_at_midnight(shop: Database) -> None:
    _fill(shop)
    grid = cs.hour_weekday(shop, RANGE)
    assert sum(map(sum, grid)) == 3
    assert [row[0] for row in grid] == [0, 0, 1, 0, 0, 0, 0]     # only T1, a real midnight on Wednesday
    assert grid[2][10] == 1 and grid[3][10] == 1                  # T2 10:30 Beijing; S1 Thursday 10:00 in New York
    assert cs.date_only(shop, RANGE) == cs.DateOnly(3, ("ebay", "etsy"))


def test_the_orders_behind_midnight_are_those_with_a_real_midnight(shop: Database) -> None:
    _fill(shop)
    assert [r[0] for r in orders_behind(RANGE, Slice(weekday=2, hour=0)).page(shop)] == ["T1"]
    assert orders_behind(RANGE, Slice(weekday=0, hour=0)).count(shop) == 0     # E1, E2 have no hour
    assert orders_behind(RANGE, Slice(weekday=0)).count(shop) == 2             # but they have their day


def test_filters_narrow_the_count_and_a_range_of_dates_only_has_an_empty_grid(shop: Database) -> None:
    _fill(shop)
    etsy = ChartFilter(RANGE.first, RANGE.last, platform="etsy")
    assert cs.hour_weekday(shop, etsy) == tuple((0,) * 24 for _ in range(7))
    assert cs.date_only(shop, etsy) == cs.DateOnly(2, ("etsy",))
    assert cs.date_only(shop, ChartFilter(RANGE.first, RANGE.last, platform="taobao")) == cs.DateOnly(0, ())
    assert cs.date_only(shop, ChartFilter(date(2026, 11, 3), date(2026, 11, 30))) == cs.DateOnly(1, ("ebay",))
