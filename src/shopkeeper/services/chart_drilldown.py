"""The orders behind a point of a chart, as a pageable table (sorted and paged in SQL, never all in Python).

A point names a narrower slice of the chart's filter: a bucket's days, a
platform, a product, a place (a city, or a province's orders naming no city),
a basket size, a local weekday and hour, a
cohort's buyers in one month after their first (the days are that month). The
orders are the same filtered sold orders the chart summed
(chart_filters.orders_sql), so the table's money adds up to the point.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
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
    country: str | None = None        # a place's country, one code whatever the export wrote (sk_country)
    city: str | None = None
    province: str | None = None       # orders naming this province or state and no city (chart_series.regions)
    basket_units: int | None = None   # chart_series.BASKET_CAP means that many or more
    weekday: int | None = None        # 0 = Monday
    hour: int | None = None
    cohort: date | None = None        # first day of the month of the people's first sold order (chart_series.cohorts)
    segment: str | None = None        # an RFM segment: its members, not orders (the Members table's filter)


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
    if point.country is not None:
        conditions.append("sk_country(o.ship_country) = ?")
        extra.append(point.country)
    if point.city is not None:
        conditions.append("sk_city(sk_country(o.ship_country), o.ship_city) = ?")  # as the chart groups them
        extra.append(point.city)
    if point.province is not None:
        conditions.append("nullif(trim(o.ship_city), '') IS NULL AND EXISTS (SELECT 1 FROM orders po"
                          " WHERE po.shop_id = o.shop_id AND po.order_id = o.order_id"
                          " AND sk_province(sk_country(po.ship_country), po.ship_province) = ?)")
        extra.append(point.province)
    if point.weekday is not None:
        conditions.append("isodow(o.day) - 1 = ?")
        extra.append(point.weekday)
    if point.hour is not None:
        # an order whose export gave only the date has no hour: it is behind no hour's cell
        conditions.append(LOCAL_HOUR.replace("ordered_at", "o.ordered_at").replace("ordered_tz", "o.ordered_tz")
                          .replace("ordered_date_only", "o.ordered_date_only") + " = ?")
        extra.append(point.hour)
    if point.cohort is not None:
        # The cohort as the chart counts it: people whose first sold order, filters applied, fell in that month.
        history, history_params = orders_sql(replace(f, first=date(1970, 1, 1)))
        conditions.append(f"o.buyer_id IS NOT NULL AND o.person IN (SELECT person FROM ({history}) h"
                          " WHERE h.buyer_id IS NOT NULL GROUP BY person"
                          " HAVING CAST(date_trunc('month', min(h.day)) AS DATE) = ?)")
        extra += [*history_params, point.cohort]
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


def cohort_cell(cohort: date, months_after: int, last: date) -> Slice:
    """The orders a cohort heatmap cell counts: its people's orders in the month `months_after` their first,
    up to the range's `last` day (the chart counts none after it)."""
    month = cohort.month - 1 + months_after
    first = date(cohort.year + month // 12, month % 12 + 1, 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return Slice(first=first, last=min(following - timedelta(days=1), last), cohort=cohort)

