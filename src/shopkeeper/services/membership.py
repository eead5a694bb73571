"""Members: one person across platforms, their tier, points and whether they are slipping away.

Spend is converted to the base currency with the seller's own rates and
counts paid, not cancelled or refunded, orders. A member is 'at risk' when the
days since their last order exceed 1.5 × their usual gap between orders (with
at least two orders), and 'lapsed' after 180 days without an order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.services.currency import FX_CTE
from shopkeeper.services.table_source import Column, TableSource

LAPSED_DAYS = 180

_MEMBERS_SQL = f"""
WITH {FX_CTE},
activity AS (
    SELECT b.member_id,
           count(*) AS orders,
           sum((o.total - o.refunded_amount) * fx.rate) AS spend,
           min(o.ordered_at) AS first_order,
           max(o.ordered_at) AS last_order,
           string_agg(DISTINCT split_part(o.shop_id, ':', 1), ', ' ORDER BY split_part(o.shop_id, ':', 1)) AS platforms
    FROM orders o
    JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id
    LEFT JOIN fx ON fx.currency = o.currency
    WHERE o.status NOT IN ('cancelled', 'refunded') AND b.member_id IS NOT NULL
    GROUP BY b.member_id
),
points AS (SELECT member_id, sum(points) AS balance FROM points_ledger GROUP BY member_id)
SELECT m.member_id,
       m.display_name AS name,
       CASE WHEN ? THEN t.name_zh ELSE t.name_en END AS tier,
       coalesce(a.platforms, '') AS platforms,
       coalesce(a.orders, 0) AS orders,
       round(coalesce(a.spend, 0), 2)::DECIMAL(18,2) AS spend,
       coalesce(p.balance, 0)::BIGINT AS points,
       CAST(timezone('UTC', a.last_order) AS DATE) AS last_order,
       date_diff('day', CAST(timezone('UTC', a.last_order) AS DATE), CAST(? AS DATE)) AS days_since,
       CASE
         WHEN a.last_order IS NULL THEN 'new'
         WHEN date_diff('day', CAST(timezone('UTC', a.last_order) AS DATE), CAST(? AS DATE)) > {LAPSED_DAYS} THEN 'lapsed'
         WHEN a.orders >= 2 AND date_diff('day', CAST(timezone('UTC', a.last_order) AS DATE), CAST(? AS DATE))
              > 1.5 * date_diff('day', a.first_order, a.last_order) / (a.orders - 1) THEN 'at_risk'
         ELSE 'active' END AS status,
       t.rank AS tier_rank
FROM members m
LEFT JOIN tiers t ON t.code = m.tier_code
LEFT JOIN activity a USING (member_id)
LEFT JOIN points p USING (member_id)
"""

MEMBER_COLUMNS = (
    Column("member_id", "text", searchable=True),
    Column("name", "text", searchable=True),
    Column("tier", "text"),
    Column("platforms", "text", searchable=True),
    Column("orders", "int"),
    Column("spend", "money"),
    Column("points", "int"),
    Column("last_order", "date"),
    Column("days_since", "int"),
    Column("status", "status"),
    Column("tier_rank", "int"),
)


def members_source(today: date, *, chinese: bool) -> TableSource:
    return TableSource(
        base_sql=_MEMBERS_SQL,
        columns=MEMBER_COLUMNS,
        default_sort="spend",
        default_descending=True,
        filters={
            "win_back": "status IN ('at_risk', 'lapsed') AND orders >= 2",
            "multi_platform": "contains(platforms, ',')",
        },
        params=(chinese, today, today, today),
    )


def tier_summary(db: Database, today: date, *, chinese: bool) -> list[dict[str, Any]]:
    rows = db.fetchall(
        f"SELECT tier, tier_rank, count(*), sum(spend), sum(points),"
        f" count(*) FILTER (WHERE status IN ('at_risk', 'lapsed') AND orders >= 2)"
        f" FROM ({_MEMBERS_SQL}) GROUP BY tier, tier_rank ORDER BY tier_rank DESC",
        [chinese, today, today, today],
    )
    return [
        {"tier": r[0], "rank": r[1], "members": int(r[2]), "spend": r[3], "points": int(r[4] or 0), "win_back": int(r[5])}
        for r in rows
    ]
