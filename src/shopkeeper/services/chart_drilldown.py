"""The orders behind a point of a chart, as a pageable table (sorted and paged in SQL, never all in Python).

A point names a narrower slice of the chart's filter: a bucket's days, a
platform, a product, a city, a basket size, a local weekday and hour. The
orders are the same filtered sold orders the chart summed
(chart_filters.orders_sql), so the table's money adds up to the point.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.services.chart_filters import ChartFilter, orders_sql
from shopkeeper.services.chart_series import BASKET_CAP, LOCAL_HOUR


@dataclass(frozen=True)
class Slice:
    first: date | None = None
    last: date | None = None
    platform: str | None = None
    product_id: str | None = None
    sku: str | None = None
    city: str | None = None
    basket_units: int | None = None   # chart_series.BASKET_CAP means that many or more
    weekday: int | None = None        # 0 = Monday
    hour: int | None = None


COLUMNS = (
    Column("order", searchable=True), Column("shop", searchable=True), Column("day", "date"),
    Column("status", "status"), Column("buyer", searchable=True), Column("city", searchable=True),
    Column("units", "int"), Column("currency"), Column("total", "money"), Column("refunded", "money"),
    Column("net", "money"),
)


def orders_behind(f: ChartFilter, point: Slice) -> TableSource:
    narrowed = replace(f, first=point.first or f.first, last=point.last or f.last,
                       platform=point.platform or f.platform)
    orders, params = orders_sql(narrowed)
    conditions: list[str] = []
    extra: list[Any] = []
    if point.product_id is not None:
        conditions.append(
            "EXISTS (SELECT 1 FROM order_lines pl LEFT JOIN variants pv ON pv.sku = pl.sku"
            " WHERE pl.shop_id = o.shop_id AND pl.order_id = o.order_id"
            " AND coalesce(pv.product_id, pl.sku, pl.title) = ?)")
        extra.append(point.product_id)
    if point.sku is not None:
        conditions.append("EXISTS (SELECT 1 FROM order_lines sl WHERE sl.shop_id = o.shop_id"
                          " AND sl.order_id = o.order_id AND coalesce(sl.sku, sl.title) = ?)")
        extra.append(point.sku)
    if point.city is not None:
        conditions.append("o.ship_city = ?")
        extra.append(point.city)
    if point.weekday is not None:
        conditions.append("isodow(o.day) - 1 = ?")
        extra.append(point.weekday)
    if point.hour is not None:
        conditions.append(LOCAL_HOUR.replace("ordered_at", "o.ordered_at").replace("ordered_tz", "o.ordered_tz")
                          + " = ?")
        extra.append(point.hour)
    if point.basket_units is not None:
        conditions.append(f"least(coalesce(u.units, 0), {BASKET_CAP}) = ?")
        extra.append(point.basket_units)
    where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
    sql = f"""
        SELECT coalesce(o.order_number, o.order_id) AS "order", o.shop_id AS shop, o.day, o.status,
               o.buyer_id AS buyer, o.ship_city AS city, coalesce(u.units, 0)::BIGINT AS units, o.currency,
               o.total, o.refunded_amount AS refunded, o.net
        FROM ({orders}) o
        LEFT JOIN (SELECT shop_id, order_id, sum(quantity - refunded_quantity) AS units
                   FROM order_lines GROUP BY ALL) u ON u.shop_id = o.shop_id AND u.order_id = o.order_id
        {where}"""
    return TableSource(sql, COLUMNS, default_sort="day", default_descending=True, params=(*params, *extra))
