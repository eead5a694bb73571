"""Series for the Charts tab, aggregated in SQL so a plot holds at most a few thousand points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database


@dataclass(frozen=True)
class Series:
    label: str
    x: list[date]
    y: list[Decimal]


def daily_revenue_by_platform(db: Database, first: date, last: date) -> list[Series]:
    """Net revenue of sold orders per local order day and platform, in the base currency."""
    rows = db.fetchall(
        """
        SELECT split_part(s.shop_id, ':', 1) AS platform, s.day, sum(s.net_base) AS revenue
        FROM sk_sales() s
        WHERE s.net_base IS NOT NULL AND s.day BETWEEN ? AND ?
          -- a cheap bound on the instant before the exact local day (±2 days covers any offset)
          AND s.ordered_at >= CAST(? AS DATE) - INTERVAL 2 DAY AND s.ordered_at < CAST(? AS DATE) + INTERVAL 3 DAY
        GROUP BY ALL ORDER BY platform, s.day
        """,
        [first, last, first, last],
    )
    return _group(rows)


def monthly_revenue(db: Database, months: int, today: date) -> list[tuple[date, Decimal]]:
    """Net revenue of sold orders per month of their local day, the last `months` months to `today`."""
    rows = db.fetchall(
        """
        SELECT CAST(date_trunc('month', s.day) AS DATE) AS month, sum(s.net_base)
        FROM sk_sales() s
        WHERE s.net_base IS NOT NULL
          AND s.day >= date_trunc('month', CAST(? AS DATE)) - to_months(?) AND s.day <= CAST(? AS DATE)
        GROUP BY ALL ORDER BY month
        """,
        [today, months - 1, today],
    )
    return [(r[0], r[1]) for r in rows]


def top_products(db: Database, first: date, last: date, limit: int = 10) -> list[tuple[str, Decimal, int]]:
    """Products by revenue of their sold lines (refunded units taken off) on the local days [first, last]."""
    rows = db.fetchall(
        """
        SELECT coalesce(p.title, l.title) AS product,
               sum(sk_to_base(l.line_total, fx.rate)) AS revenue,
               sum(l.quantity - l.refunded_quantity)::BIGINT AS units
        FROM order_lines l
        JOIN sk_sales() s USING (shop_id, order_id)
        JOIN sk_fx() fx ON fx.currency = l.currency
        LEFT JOIN variants v ON v.sku = l.sku
        LEFT JOIN products p ON p.product_id = v.product_id
        WHERE s.day BETWEEN ? AND ?
          AND s.ordered_at >= CAST(? AS DATE) - INTERVAL 2 DAY AND s.ordered_at < CAST(? AS DATE) + INTERVAL 3 DAY
          AND NOT (l.title = '' AND l.sku IS NULL)  -- a stand-in for items not imported yet is no product
        GROUP BY ALL ORDER BY revenue DESC, product LIMIT ?
        """,
        [first, last, first, last, limit],
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def _group(rows: list[tuple[Any, ...]]) -> list[Series]:
    series: dict[str, Series] = {}
    for platform, day, value in rows:
        s = series.setdefault(platform, Series(platform, [], []))
        s.x.append(day)
        s.y.append(value)
    return list(series.values())
