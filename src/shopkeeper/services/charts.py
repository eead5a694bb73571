"""Series for the Charts tab, aggregated in SQL so a plot holds at most a few thousand points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.services.currency import FX_CTE


@dataclass(frozen=True)
class Series:
    label: str
    x: list[date]
    y: list[Decimal]


def daily_revenue_by_platform(db: Database, first: date, last: date) -> list[Series]:
    """Revenue net of refunds per day and platform, in the base currency (Beijing/shop-local day)."""
    rows = db.fetchall(
        f"""
        WITH {FX_CTE}
        SELECT split_part(o.shop_id, ':', 1) AS platform,
               CAST(o.ordered_at + to_minutes(
                   CAST(split_part(o.ordered_tz, ':', 1) AS INTEGER) * 60
                   + sign(CAST(split_part(o.ordered_tz, ':', 1) AS INTEGER)) * CAST(coalesce(nullif(split_part(o.ordered_tz, ':', 2), ''), '0') AS INTEGER)
               ) AS DATE) AS day,
               sum((o.total - o.refunded_amount) * fx.rate) AS revenue
        FROM orders o JOIN fx ON fx.currency = o.currency
        WHERE o.status <> 'cancelled'
          AND o.ordered_at >= CAST(? AS DATE) - INTERVAL 1 DAY AND o.ordered_at < CAST(? AS DATE) + INTERVAL 2 DAY
        GROUP BY ALL HAVING day BETWEEN ? AND ?
        ORDER BY platform, day
        """,
        [first, last, first, last],
    )
    return _group(rows)


def monthly_revenue(db: Database, months: int, today: date) -> list[tuple[date, Decimal]]:
    rows = db.fetchall(
        f"""
        WITH {FX_CTE}
        SELECT date_trunc('month', CAST(timezone('UTC', o.ordered_at) AS DATE)) AS month,
               sum((o.total - o.refunded_amount) * fx.rate)
        FROM orders o JOIN fx ON fx.currency = o.currency
        WHERE o.status <> 'cancelled'
          AND o.ordered_at >= date_trunc('month', CAST(? AS DATE)) - to_months(?)
        GROUP BY ALL ORDER BY month
        """,
        [today, months - 1],
    )
    return [(r[0], r[1]) for r in rows]


def top_products(db: Database, first: date, last: date, limit: int = 10) -> list[tuple[str, Decimal, int]]:
    rows = db.fetchall(
        f"""
        WITH {FX_CTE}
        SELECT coalesce(p.title, l.title) AS product,
               sum((l.line_total) * fx.rate) AS revenue,
               sum(l.quantity)::BIGINT AS units
        FROM order_lines l
        JOIN orders o USING (shop_id, order_id)
        JOIN fx ON fx.currency = l.currency
        LEFT JOIN variants v ON v.sku = l.sku
        LEFT JOIN products p ON p.product_id = v.product_id
        WHERE o.status NOT IN ('cancelled', 'refunded')
          AND o.ordered_at >= CAST(? AS DATE) AND o.ordered_at < CAST(? AS DATE) + INTERVAL 1 DAY
        GROUP BY ALL ORDER BY revenue DESC LIMIT ?
        """,
        [first, last, limit],
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


def _group(rows: list[tuple]) -> list[Series]:
    series: dict[str, Series] = {}
    for platform, day, value in rows:
        s = series.setdefault(platform, Series(platform, [], []))
        s.x.append(day)
        s.y.append(value)
    return list(series.values())
