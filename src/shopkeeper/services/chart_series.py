"""The Charts tab's series, each one DuckDB aggregate over the filtered orders (chart_filters.orders_sql).

A chart holds at most a few thousand points whatever the shop's size: days
× platforms, products, SKUs, bands, 7 × 24 cells. Money is net of refunds in
the chart's currency (chart_filters.money_currency); a product's money is its
lines' revenue with refunded units taken off (stock_classes.sk_line_revenue).

Money in a currency without a rate is unknown in the base currency, never 0:
a figure (a day, a product, a city, a platform, a basket size) holding any of
it is None (`known_sum`), and so is a platform's share of the range; the
orders are still counted. A SKU of unknown revenue has no ABC class, the
others are ranked among themselves (as the ABC rule, sk_abc, ranks them). A
price band is itself a converted price, so a line without a rate is in no
band. `without_rate` says how many sold orders of the range that is, and in
which currencies, for the charts' notes. Empty buckets are 0: no orders, no
money.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.services.chart_filters import ChartFilter, bucket_sql, chart_money, orders_sql
from shopkeeper.services.member_segments import segment_overview

ZERO = Decimal(0)


def known_sum(money: str = "money") -> str:
    """SQL: a group's money, NULL (unknown) when any of it has no rate: part of a figure is not the figure."""
    return f"CASE WHEN bool_and({money} IS NOT NULL) THEN coalesce(sum({money}), 0) END"


@dataclass(frozen=True)
class WithoutRate:
    """The range's sold orders whose money cannot be put in the chart's currency: no rate for theirs."""
    orders: int
    currencies: tuple[str, ...]


def without_rate(db: Database, f: ChartFilter) -> WithoutRate:
    """Sold orders of the filtered range in a currency without a rate (none with a currency filter: its money
    stays in that currency, unconverted)."""
    if f.currency:
        return WithoutRate(0, ())
    orders, params = orders_sql(f)
    row = db.fetchone(f"SELECT count(*), list(DISTINCT currency ORDER BY currency) FROM ({orders})"
                      " WHERE money IS NULL", params)
    return WithoutRate(int(row[0]), tuple(row[1] or ())) if row else WithoutRate(0, ())


# -- sales trend -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Campaign:
    name: str
    starts_on: date
    ends_on: date
    shop_id: str | None


@dataclass(frozen=True)
class Trend:
    grain: str
    buckets: tuple[date, ...]
    revenue: tuple[Decimal | None, ...]    # None: some of the bucket's money has no rate
    orders: tuple[int, ...]
    previous: tuple[Decimal | None, ...]   # the period just before, moved forward onto these buckets
    campaigns: tuple[Campaign, ...]


def buckets(f: ChartFilter, grain: str) -> list[date]:
    """Every bucket of the range, empty ones included, so a gap reads as zero rather than vanishing."""
    out: list[date] = []
    day = f.first
    while day <= f.last:
        start = day if grain == "day" else day - timedelta(days=day.weekday()) if grain == "week" \
            else day.replace(day=1)
        if not out or out[-1] != start:
            out.append(start)
        day += timedelta(days=1)
    return out


def sales_trend(db: Database, f: ChartFilter, grain: str) -> Trend:
    now, params = orders_sql(f)
    before, before_params = orders_sql(f.previous())
    rows = db.fetchall(
        f"""
        SELECT {bucket_sql(grain)} AS bucket, {known_sum()}, count(*) FROM ({now}) GROUP BY ALL
        """, params)
    # The previous period's days moved forward by the period's length land on this period's buckets.
    shifted = db.fetchall(
        f"""
        SELECT {bucket_sql(grain, f"(day + {f.days})")} AS bucket, {known_sum()}
        FROM ({before}) GROUP BY ALL
        """, before_params)
    found: dict[date, tuple[Decimal | None, int]] = {r[0]: (r[1], int(r[2])) for r in rows}
    prior: dict[date, Decimal | None] = {r[0]: r[1] for r in shifted}
    keys = buckets(f, grain)
    return Trend(grain, tuple(keys), tuple(found.get(k, (ZERO, 0))[0] for k in keys),
                 tuple(found.get(k, (ZERO, 0))[1] for k in keys), tuple(prior.get(k, ZERO) for k in keys),
                 campaigns(db, f))


def campaigns(db: Database, f: ChartFilter) -> tuple[Campaign, ...]:
    """Promotions running on some day of the range, for the shops the filter keeps."""
    rows = db.fetchall(
        """
        SELECT name, starts_on, ends_on, shop_id FROM promotions
        WHERE starts_on <= ? AND ends_on >= ?
          AND (shop_id IS NULL OR ((? IS NULL OR split_part(shop_id, ':', 1) = ?) AND (? IS NULL OR shop_id = ?)))
        ORDER BY starts_on, name
        """, [f.last, f.first, f.platform, f.platform, f.shop_id, f.shop_id])
    return tuple(Campaign(*r) for r in rows)


# -- by platform ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlatformSeries:
    platform: str
    revenue: tuple[Decimal | None, ...]   # per bucket; None: some of it has no rate
    total: Decimal | None
    share: Decimal | None                 # percent of the range's revenue; None: some of that is unknown
    orders: int = 0


@dataclass(frozen=True)
class PlatformTrend:
    grain: str
    buckets: tuple[date, ...]
    platforms: tuple[PlatformSeries, ...]   # biggest first


def platform_trend(db: Database, f: ChartFilter, grain: str) -> PlatformTrend:
    orders, params = orders_sql(f)
    rows = db.fetchall(
        # A platform whose orders are in a currency without a rate is still there: its money unknown, not zero.
        f"SELECT platform, {bucket_sql(grain)} AS bucket, {known_sum()}, count(*) FROM ({orders}) GROUP BY ALL",
        params)
    keys = buckets(f, grain)
    per: dict[str, dict[date, Decimal | None]] = {}
    counts: dict[str, int] = {}
    for platform, bucket, money, n in rows:
        per.setdefault(platform, {})[bucket] = money
        counts[platform] = counts.get(platform, 0) + int(n)
    totals = {p: _total(v.values()) for p, v in per.items()}
    grand = _total(totals.values())
    series = [PlatformSeries(p, tuple(v.get(k, ZERO) for k in keys), total,
                             None if grand is None or total is None else _pct(total, grand), counts[p])
              for p, v in per.items() for total in [totals[p]]]
    return PlatformTrend(grain, tuple(keys), tuple(sorted(
        # known totals biggest first, then those with money unknown by their orders
        series, key=lambda s: (s.total is None, -(s.total or ZERO), -s.orders if s.total is None else 0,
                               s.platform))))


def _total(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum, or None when any part is unknown."""
    total = ZERO
    for v in values:
        if v is None:
            return None
        total += v
    return total


def _pct(part: Decimal, whole: Decimal) -> Decimal:
    return (Decimal(100) * part / whole).quantize(Decimal("0.1")) if whole else ZERO


# -- products --------------------------------------------------------------------------------------------
def _lines_sql(f: ChartFilter, *, nameless: bool = False) -> tuple[str, list[Any]]:
    """The lines of the filtered sold orders with their product, platform and revenue in the chart's money.

    A line naming no product (no SKU, an empty title: an Etsy Sold Orders file's "Number of Items") is left
    out of what ranks products, and kept (`nameless`) where its units and unit price are what counts."""
    orders, params = orders_sql(f)
    category = "" if not f.category else " AND p.category = ?"
    sql = f"""
        SELECT o.platform, o.shop_id, o.order_id, o.day, l.sku,
               coalesce(v.product_id, l.sku, l.title) AS product_id, coalesce(p.title, l.title) AS product,
               l.quantity - l.refunded_quantity AS units, {chart_money(f, "l.unit_price")} AS unit_price,
               {chart_money(f, "sk_line_revenue(l.line_total, l.unit_price, l.refunded_quantity)")} AS revenue
        FROM ({orders}) o
        JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.order_id
        LEFT JOIN sk_fx() fx ON fx.currency = l.currency
        LEFT JOIN variants v ON v.sku = l.sku
        LEFT JOIN products p ON p.product_id = v.product_id
        WHERE {"TRUE" if nameless else "NOT (l.title = '' AND l.sku IS NULL)"}{category}"""
    return sql, [*params, *([f.category] if f.category else [])]


@dataclass(frozen=True)
class ProductSales:
    product_id: str
    product: str
    revenue: Decimal | None        # None: some of it has no rate
    units: int
    trend: tuple[Decimal | None, ...]   # revenue per bucket of the range


def top_products(db: Database, f: ChartFilter, grain: str, limit: int = 10) -> tuple[tuple[date, ...],
                                                                                       tuple[ProductSales, ...]]:
    lines, params = _lines_sql(f)
    rows = db.fetchall(
        f"""
        WITH per AS (SELECT product_id, any_value(product) AS product, {bucket_sql(grain)} AS bucket,
                            {known_sum("revenue")} AS revenue, sum(units)::BIGINT AS units
                     FROM ({lines}) GROUP BY product_id, bucket),
        -- Products whose revenue is known first, biggest first; then those with some money unknown, by units.
        top AS (SELECT product_id, {known_sum("revenue")} AS total,
                       CASE WHEN bool_or(revenue IS NULL) THEN sum(units) END AS unknown_units
                FROM per GROUP BY 1
                ORDER BY total DESC NULLS LAST, unknown_units DESC NULLS LAST, product_id LIMIT ?)
        SELECT per.product_id, per.product, per.bucket, per.revenue, per.units, top.total
        FROM per JOIN top USING (product_id)
        ORDER BY top.total DESC NULLS LAST, top.unknown_units DESC NULLS LAST, per.product_id, per.bucket
        """, [*params, limit])
    keys = buckets(f, grain)
    grouped: dict[str, tuple[str, dict[date, Decimal | None], list[int]]] = {}
    for product_id, product, bucket, revenue, units, _top in rows:
        entry = grouped.setdefault(product_id, (product, {}, [0]))
        entry[1][bucket] = revenue
        entry[2][0] += int(units)
    return tuple(keys), tuple(
        ProductSales(pid, title, _total(per.values()), units[0], tuple(per.get(k, ZERO) for k in keys))
        for pid, (title, per, units) in grouped.items())


@dataclass(frozen=True)
class ParetoPoint:
    sku: str
    revenue: Decimal | None          # None: some of it has no rate
    cumulative_pct: Decimal | None   # of the known SKUs' revenue, this SKU included; None: its revenue is unknown
    abc: str | None                  # None: its revenue is unknown


def pareto(db: Database, f: ChartFilter) -> tuple[ParetoPoint, ...]:
    """SKUs by revenue, highest first, with the running share: the ABC curve (classes by sk_abc_class).

    As the ABC rule has it (domain/stock_classes.py, sk_abc): a SKU with money in a currency without a rate has
    unknown revenue and no share or class, listed after the others; the SKUs whose revenue is known are ranked
    among themselves."""
    lines, params = _lines_sql(f)
    rows = db.fetchall(
        f"""
        WITH rev AS (SELECT coalesce(sku, product_id) AS sku, {known_sum("revenue")} AS revenue
                     FROM ({lines}) GROUP BY 1),
        ranked AS (SELECT sku, revenue,
                          coalesce(sum(revenue) OVER (ORDER BY revenue DESC NULLS LAST, sku
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                          sum(greatest(revenue, 0)) OVER () AS total FROM rev)
        SELECT sku, revenue, CASE WHEN total > 0 AND revenue IS NOT NULL THEN 100 * (before + revenue) / total END,
               CASE WHEN revenue IS NOT NULL THEN sk_abc_class(before, revenue, total) END
        FROM ranked ORDER BY revenue DESC NULLS LAST, sku
        """, params)
    return tuple(ParetoPoint(r[0], r[1], None if r[3] is None else Decimal(r[2] or 0).quantize(Decimal("0.01")),
                             r[3]) for r in rows)


# -- price bands and baskets -------------------------------------------------------------------------------
@dataclass(frozen=True)
class PriceBand:
    platform: str
    low: Decimal       # unit price from (inclusive) ...
    high: Decimal      # ... to (exclusive), in the chart's money; bands run 1-2-5-10-20-50 ...
    units: int
    revenue: Decimal


def price_bands(db: Database, f: ChartFilter) -> tuple[PriceBand, ...]:
    lines, params = _lines_sql(f, nameless=True)
    rows = db.fetchall(
        f"""
        WITH priced AS (SELECT platform, units, revenue, unit_price,
                               CASE WHEN unit_price >= 1 THEN floor(log10(unit_price))::INTEGER ELSE 0 END AS e
                        FROM ({lines}) WHERE unit_price > 0),
        banded AS (SELECT platform, units, revenue, e,
                          CASE WHEN unit_price < 1 THEN 0 WHEN unit_price >= 5 * 10::DECIMAL(38, 0) ^ e THEN 5
                               WHEN unit_price >= 2 * 10::DECIMAL(38, 0) ^ e THEN 2 ELSE 1 END AS m
                   FROM priced)
        SELECT platform, e, m, sum(units)::BIGINT, coalesce(sum(revenue), 0) FROM banded
        GROUP BY ALL ORDER BY platform, e, m
        """, params)
    step = {0: 1, 1: 2, 2: 5, 5: 10}
    return tuple(PriceBand(p, Decimal(m) * 10 ** e, Decimal(step[m]) * 10 ** (e if m else 0), int(u), r)
                 for p, e, m, u, r in rows)


BASKET_CAP = 6   # six units and more share a bar


@dataclass(frozen=True)
class Basket:
    units: int          # BASKET_CAP means that many or more
    orders: int
    revenue: Decimal | None   # None: some of it has no rate


def basket_sizes(db: Database, f: ChartFilter) -> tuple[Basket, ...]:
    orders, params = orders_sql(f)
    rows = db.fetchall(
        f"""
        WITH o AS ({orders}),
        sized AS (SELECT o.money, least(coalesce(sum(l.quantity - l.refunded_quantity), 0), {BASKET_CAP}) AS units
                  FROM o LEFT JOIN order_lines l ON l.shop_id = o.shop_id AND l.order_id = o.order_id
                  GROUP BY o.shop_id, o.order_id, o.money)
        SELECT units, count(*), {known_sum()} FROM sized WHERE units > 0 GROUP BY 1 ORDER BY 1
        """, params)
    return tuple(Basket(int(r[0]), int(r[1]), r[2]) for r in rows)


# -- customers ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cohorts:
    months: tuple[date, ...]                 # cohort months: first sold order in that month
    sizes: tuple[int, ...]
    active: tuple[tuple[int, ...], ...]      # [cohort][k]: people of the cohort buying k months later
    repurchasers: int                        # people of these cohorts with a second order by the range's end
    people: int


def cohorts(db: Database, f: ChartFilter) -> Cohorts:
    """Monthly cohorts of the range's first-time buyers (first sold order in the whole shop, filters applied)."""
    history, params = orders_sql(replace(f, first=date(1970, 1, 1)))
    rows = db.fetchall(
        f"""
        WITH o AS ({history}),
        people AS (SELECT person, CAST(date_trunc('month', min(day)) AS DATE) AS cohort, count(*) AS orders
                   FROM o WHERE buyer_id IS NOT NULL GROUP BY person)
        SELECT p.cohort, date_diff('month', p.cohort, CAST(date_trunc('month', o.day) AS DATE)) AS k,
               count(DISTINCT p.person), count(DISTINCT p.person) FILTER (WHERE p.orders >= 2)
        FROM people p JOIN o USING (person)
        WHERE p.cohort BETWEEN CAST(date_trunc('month', CAST(? AS DATE)) AS DATE) AND ?
        GROUP BY ALL ORDER BY 1, 2
        """, [*params, f.first, f.last])
    months = sorted({r[0] for r in rows})
    index = {m: i for i, m in enumerate(months)}
    width = max((int(r[1]) for r in rows), default=-1) + 1
    grid = [[0] * width for _ in months]
    repeat = 0
    for cohort, k, people, again in rows:
        grid[index[cohort]][int(k)] = int(people)
        if k == 0:
            repeat += int(again)
    sizes = tuple(row[0] if row else 0 for row in grid)
    return Cohorts(tuple(months), sizes, tuple(tuple(r) for r in grid), repeat, sum(sizes))


@dataclass(frozen=True)
class SegmentCount:
    segment: str
    members: int
    spend: Decimal | None   # None: some member's spend counts an order in a currency without a rate


def segment_sizes(db: Database, today: date) -> tuple[SegmentCount, ...]:
    """Members per segment today, the whole shop (segments are a member's, not a filtered range's)."""
    return tuple(SegmentCount(s.segment, s.members, s.spend) for s in segment_overview(db, today).segments)


# -- where and when ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Region:
    """A place orders went to: a city (`city` set), else, for orders naming no city, their province or state
    (`city` None, `province` set: a Tmall 订单报表 names only 内蒙古自治区, many exports only 'ON')."""
    country: str | None
    city: str | None
    orders: int
    revenue: Decimal | None   # None: some of it has no rate
    province: str | None = None   # set only for a province's orders that name no city


def regions(db: Database, f: ChartFilter, limit: int = 15) -> tuple[tuple[Region, ...], int]:
    """The places with the most revenue (then those with some money unknown, by orders), and how many sold orders
    name no place at all.

    An order naming a city counts under its country and city; one naming no city, under its country and province
    or state (orders.ship_province, by its one name: domain/provinces.py), so a province's bar holds only its
    orders without a city. Of places alike in money and orders, by name, a city before a province of the same
    name, then by country.
    """
    orders, params = orders_sql(f)
    placed = f"""
        SELECT s.ship_country, nullif(trim(s.ship_city), '') AS city,
               CASE WHEN nullif(trim(s.ship_city), '') IS NULL THEN nullif(trim(o.ship_province), '') END AS province,
               s.money
        FROM ({orders}) s JOIN orders o ON o.shop_id = s.shop_id AND o.order_id = s.order_id"""
    rows = db.fetchall(
        f"""
        WITH as_written AS (
            SELECT ship_country, city, province, count(*) AS n, {known_sum()} AS money
            FROM ({placed}) WHERE city IS NOT NULL OR province IS NOT NULL GROUP BY ALL)
        -- One country whatever name the export gave it (US, United States, 美国), one city (杭州市 and 杭州) and
        -- one province or state (浙江省 and 浙江, CA and California: domain/provinces.py), read once per name,
        -- not per order.
        SELECT * FROM (SELECT country, sk_city(country, city) AS city, sk_province(country, province) AS province,
                              sum(n)::BIGINT AS n,
                              {known_sum()} AS money
                       FROM (SELECT sk_country(ship_country) AS country, * EXCLUDE (ship_country) FROM as_written)
                       GROUP BY ALL)
        ORDER BY money DESC NULLS LAST, n DESC, coalesce(city, province), city IS NULL, country NULLS LAST LIMIT ?
        """, [*params, limit])
    unknown = db.fetchone(f"SELECT count(*) FROM ({placed}) WHERE city IS NULL AND province IS NULL", params)
    return (tuple(Region(r[0], r[1], int(r[3]), r[4], r[2]) for r in rows),
            int(unknown[0] if unknown else 0))


# The local hour of an order of orders_sql (domain/order_day.py); NULL when its export gave only the date.
LOCAL_HOUR = "sk_order_hour(ordered_at, ordered_tz, ordered_date_only)"


def hour_weekday(db: Database, f: ChartFilter) -> tuple[tuple[int, ...], ...]:
    """Sold orders per local weekday (Monday first) × hour of the day, in the zone the platform wrote.

    Only orders whose time is known: one whose export gave only the date has no hour (not midnight);
    `date_only` counts them for the chart's note.
    """
    orders, params = orders_sql(f)
    rows = db.fetchall(
        f"SELECT isodow(day) - 1, {LOCAL_HOUR}, count(*) FROM ({orders}) WHERE {LOCAL_HOUR} IS NOT NULL GROUP BY ALL",
        params)
    grid = [[0] * 24 for _ in range(7)]
    for weekday, hour, count in rows:
        grid[int(weekday)][int(hour)] = int(count)
    return tuple(tuple(r) for r in grid)


@dataclass(frozen=True)
class DateOnly:
    """The range's sold orders whose export gave only the date: they have a day but no hour."""
    orders: int
    platforms: tuple[str, ...]   # 'etsy', 'ebay' (the shop id's prefix), by code


def date_only(db: Database, f: ChartFilter) -> DateOnly:
    """Sold orders of the filtered range with no time of day, and their platforms: the hours leave them out."""
    orders, params = orders_sql(f)
    row = db.fetchone(f"SELECT count(*), list(DISTINCT platform ORDER BY platform) FROM ({orders})"
                      f" WHERE {LOCAL_HOUR} IS NULL", params)
    return DateOnly(int(row[0]), tuple(row[1] or ())) if row else DateOnly(0, ())
