"""Sales per day, week or month and currency, as `report sales` prints them.

Every order of the period counts in `gross` whatever its status, so the
periods of a shop add up to `stats --json`'s `order_total` to the cent. The
gross splits with nothing left over:

    gross = net + refunds + unpaid

* `net`: what sold orders kept (domain/revenue.py: total less refunded amount);
* `refunds`: money that went back on paid orders: a sold order's refunded
  amount, and the whole total of an order refunded in full (its sale is undone);
* `unpaid`: pending and cancelled orders, which never were a sale.

Money stays in each order's currency (no rates), so nothing is guessed. A
period is the order's local day (domain/order_day.py), the Monday of its
week, or the first of its month; `from`/`to` bound local days inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.services.chart_filters import GRAINS, bucket_sql


@dataclass(frozen=True)
class ReportScope:
    first: date | None = None
    last: date | None = None
    platform: str | None = None   # 'taobao': the shop id's prefix


ALL = ReportScope()


def scope_sql(scope: ReportScope, day: str = "day", shop_id: str = "shop_id") -> tuple[str, list[Any]]:
    """A WHERE condition over rows with a local day and a shop id."""
    conditions: list[str] = ["TRUE"]
    params: list[Any] = []
    if scope.first:
        conditions.append(f"{day} >= ?")
        params.append(scope.first)
    if scope.last:
        conditions.append(f"{day} <= ?")
        params.append(scope.last)
    if scope.platform:
        conditions.append(f"split_part({shop_id}, ':', 1) = ?")
        params.append(scope.platform)
    return " AND ".join(conditions), params


@dataclass(frozen=True)
class SalesPeriod:
    period: date
    currency: str
    orders: int
    sold_orders: int
    refunded_orders: int   # paid orders with any money back (domain/refunds.py)
    gross: Decimal
    refunds: Decimal
    unpaid: Decimal
    net: Decimal


def sales_by_period(db: Database, grain: str, scope: ReportScope = ALL) -> list[SalesPeriod]:
    if grain not in GRAINS:
        raise ValueError(f"unknown period {grain!r}")
    where, params = scope_sql(scope)
    rows = db.fetchall(
        f"""
        WITH o AS (SELECT shop_id, currency, status, total, refunded_amount,
                          sk_order_day(ordered_at, ordered_tz) AS day FROM orders)
        SELECT {bucket_sql(grain)} AS period, currency, count(*),
               count(*) FILTER (WHERE sk_is_sold(status)),
               count(*) FILTER (WHERE sk_is_refund(status, refunded_amount)),
               sum(total),
               coalesce(sum(CASE WHEN sk_is_sold(status) THEN refunded_amount
                                 WHEN sk_is_paid(status) THEN total END), 0),
               coalesce(sum(total) FILTER (WHERE NOT sk_is_paid(status)), 0),
               coalesce(sum(sk_net_amount(total, refunded_amount)) FILTER (WHERE sk_is_sold(status)), 0)
        FROM o WHERE {where}
        GROUP BY ALL ORDER BY period, currency
        """, params)
    return [SalesPeriod(r[0], r[1], int(r[2]), int(r[3]), int(r[4]), r[5], r[6], r[7], r[8]) for r in rows]


@dataclass(frozen=True)
class AbcRow:
    sku: str
    revenue: Decimal | None   # sold lines' revenue net of refunded units, in the base currency; None: some of
    #                           its lines are in a currency without a rate (never counted as 0)
    cumulative_pct: Decimal | None
    abc: str | None           # None: its revenue is unknown
    orders_without_rate: int = 0                  # its sold orders whose lines have no rate ...
    currencies_without_rate: tuple[str, ...] = ()  # ... in these currencies


def abc_by_sku(db: Database, scope: ReportScope = ALL) -> list[AbcRow]:
    """ABC over the scope's sold lines, read through sk_sku_lines() and classed by sk_abc_class, as sk_abc()
    does for the whole shop (sk_abc() takes no platform): a SKU with a line in a currency without a rate has
    unknown revenue and class, and is listed after the others, which rank among themselves."""
    where, params = scope_sql(scope, day="s.day", shop_id="s.shop_id")
    rows = db.fetchall(
        f"""
        WITH rev AS (SELECT l.sku,
                            CASE WHEN bool_and(fx.rate IS NOT NULL) THEN coalesce(sum(sk_to_base(l.revenue, fx.rate)), 0) END
                                AS revenue,
                            count(DISTINCT (l.shop_id, l.order_id)) FILTER (WHERE fx.rate IS NULL) AS unrated,
                            list(DISTINCT l.currency ORDER BY l.currency) FILTER (WHERE fx.rate IS NULL)
                                AS unrated_currencies
                     FROM sk_sku_lines() l JOIN sk_sales() s USING (shop_id, order_id)
                     LEFT JOIN sk_fx() fx ON fx.currency = l.currency
                     WHERE {where} GROUP BY l.sku),
        ranked AS (SELECT sku, revenue, unrated, unrated_currencies,
                          coalesce(sum(revenue) OVER (ORDER BY revenue DESC NULLS LAST, sku
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                          sum(greatest(revenue, 0)) OVER () AS total FROM rev)
        SELECT sku, revenue, CASE WHEN total > 0 AND revenue IS NOT NULL THEN 100 * (before + revenue) / total END,
               CASE WHEN revenue IS NOT NULL THEN sk_abc_class(before, revenue, total) END, unrated,
               unrated_currencies
        FROM ranked ORDER BY revenue DESC NULLS LAST, sku
        """, params)
    return [AbcRow(r[0], r[1], None if r[2] is None else Decimal(r[2]).quantize(Decimal("0.01")), r[3], int(r[4]),
                   tuple(r[5] or ())) for r in rows]


@dataclass(frozen=True)
class WithoutRate:
    """Sold orders whose money cannot be put in the base currency: the seller gave no rate for theirs."""
    orders: int
    currencies: tuple[str, ...]
    base: str


def sold_without_rate(db: Database, scope: ReportScope = ALL) -> WithoutRate:
    """The scope's sold orders in a currency without a rate, which converted figures (ABC, price bands) leave
    out, and the base currency they would be converted to."""
    where, params = scope_sql(scope, day="s.day", shop_id="s.shop_id")
    row = db.fetchone(
        f"""
        SELECT count(*) FILTER (WHERE fx.rate IS NULL),
               list(DISTINCT s.currency ORDER BY s.currency) FILTER (WHERE fx.rate IS NULL),
               (SELECT currency FROM sk_fx() WHERE is_base)
        FROM sk_sales() s LEFT JOIN sk_fx() fx ON fx.currency = s.currency WHERE {where}
        """, params)
    if row is None:
        return WithoutRate(0, (), "")
    return WithoutRate(int(row[0]), tuple(row[1] or ()), str(row[2] or ""))


@dataclass(frozen=True)
class Repurchase:
    key: str                 # 'all' or a platform
    buyers: int              # people with a sold order in the scope (a member across platforms counts once)
    repeat_buyers: int       # of them, with two sold orders or more in the scope
    orders: int
    rate_pct: Decimal | None


def repurchase(db: Database, scope: ReportScope = ALL) -> list[Repurchase]:
    where, params = scope_sql(scope, day="s.day", shop_id="s.shop_id")
    rows = db.fetchall(
        f"""
        WITH o AS (SELECT split_part(s.shop_id, ':', 1) AS platform,
                          coalesce(b.member_id, s.shop_id || '/' || s.buyer_id) AS person
                   FROM sk_sales() s LEFT JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id
                   WHERE s.buyer_id IS NOT NULL AND {where}),
        per AS (SELECT platform, person, count(*) AS n FROM o GROUP BY GROUPING SETS ((person), (platform, person)))
        SELECT coalesce(platform, 'all'), count(*), count(*) FILTER (WHERE n >= 2), sum(n)::BIGINT
        FROM per GROUP BY platform ORDER BY platform NULLS FIRST
        """, params)
    return [Repurchase(k, int(b), int(r), int(n),
                       (Decimal(100) * r / b).quantize(Decimal("0.1")) if b else None) for k, b, r, n in rows]
