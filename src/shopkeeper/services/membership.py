"""Members: one person across platforms, their tier, points and whether they are slipping away.

Spend is converted to the base currency with the seller's own rates and
counts paid, not cancelled or refunded, orders. A member is 'at risk' when the
days since their last order exceed 1.5 × their usual gap between orders (with
at least two orders), and 'lapsed' after 180 days without an order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
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
        key_column="member_id",
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


@dataclass(frozen=True)
class Identity:
    """One buyer account of the member on one platform shop."""

    shop_id: str
    buyer_id: str
    name: str | None
    email: str | None
    city: str | None
    orders: int
    first_seen: datetime | None


@dataclass(frozen=True)
class MemberDetail:
    """Everything the Members detail panel shows for one member."""

    member_id: str
    name: str
    tier: str | None
    tier_rank: int | None
    status: str
    orders: int
    spend: Decimal
    points: int
    last_order: date | None
    days_since: int | None
    joined_at: datetime | None
    email: str | None
    phone: str | None
    identities: tuple[Identity, ...]


def member_detail(db: Database, member_id: str, today: date, *, chinese: bool) -> MemberDetail | None:
    row = db.fetchone(
        f"SELECT member_id, name, tier, tier_rank, status, orders, spend, points, last_order, days_since"
        f" FROM ({_MEMBERS_SQL}) WHERE member_id = ?",
        [chinese, today, today, today, member_id],
    )
    if row is None:
        return None
    contact = db.fetchone("SELECT joined_at, email, phone FROM members WHERE member_id = ?", [member_id])
    identities = db.fetchall(
        """
        SELECT b.shop_id, b.buyer_id, b.name, b.email, b.city,
               count(o.order_id) FILTER (WHERE o.status NOT IN ('cancelled', 'refunded')), b.first_seen
        FROM buyers b LEFT JOIN orders o ON o.shop_id = b.shop_id AND o.buyer_id = b.buyer_id
        WHERE b.member_id = ?
        GROUP BY ALL ORDER BY b.shop_id, b.buyer_id
        """,
        [member_id],
    )
    joined, email, phone = contact or (None, None, None)
    return MemberDetail(
        member_id=row[0], name=row[1], tier=row[2], tier_rank=row[3], status=row[4], orders=int(row[5]),
        spend=row[6], points=int(row[7]), last_order=row[8], days_since=row[9], joined_at=joined, email=email,
        phone=phone, identities=tuple(Identity(*i[:5], int(i[5]), i[6]) for i in identities),
    )
