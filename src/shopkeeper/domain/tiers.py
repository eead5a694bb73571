"""Member tiers: what a member spent and how often they bought in the last 12 months.

A member's tier on a day is the highest-ranked row of the shop's `tiers` table
whose `min_spend` and `min_orders` the member both reaches, counting their sold
orders (order_status.SOLD) on the local days from one year before that day up
to the day before it: net spend in the base currency (revenue.py; orders in a
currency without a rate add to the count, not the spend) and the number of
orders. The lowest rank is the floor: everyone has a tier. Today's tier is the
tier on tomorrow, so today's orders count at once. Refunds lower spend and a
fully refunded order stops counting, so a refund can drop a member a tier.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal


@dataclass(frozen=True)
class Tier:
    code: str
    rank: int
    min_spend: Decimal
    min_orders: int
    points_multiplier: Decimal


@dataclass(frozen=True)
class TierSale:
    """One sold order of a member, as tiers see it."""

    day: date
    net_base: Decimal | None  # None: its currency has no rate


def year_before(day: date) -> date:
    """The same date a year earlier; 29 February becomes 28 February (as DuckDB's INTERVAL 1 YEAR does)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def basis_window(day: date) -> tuple[date, date]:
    """First and last local day whose orders count towards the tier held on `day`."""
    return year_before(day), day - timedelta(days=1)


def tier_for(spend: Decimal, orders: int, tiers: Sequence[Tier]) -> Tier:
    ranked = sorted(tiers, key=lambda t: t.rank)
    best = ranked[0]
    for t in ranked:
        if spend >= t.min_spend and orders >= t.min_orders:
            best = t
    return best


def tier_on(day: date, sales: Iterable[TierSale], tiers: Sequence[Tier]) -> Tier:
    first, last = basis_window(day)
    counted = [s for s in sales if first <= s.day <= last]
    spend = sum((s.net_base for s in counted if s.net_base is not None), Decimal(0))
    return tier_for(spend, len(counted), tiers)


def current_tier(today: date, sales: Iterable[TierSale], tiers: Sequence[Tier]) -> Tier:
    return tier_on(today + timedelta(days=1), sales, tiers)


TABLE_MACROS = (
    # Each member's basis (sold orders, net spend in the base currency) on the local days [first_day, last_day].
    """CREATE OR REPLACE TEMP MACRO sk_tier_basis(first_day, last_day) AS TABLE
    SELECT b.member_id, count(*) AS orders, coalesce(sum(s.net_base), 0) AS spend
    FROM sk_sales() s JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id
    WHERE b.member_id IS NOT NULL AND s.day BETWEEN first_day AND last_day
    GROUP BY b.member_id""",
    # Each member's tier held on `day` (every member: the lowest tier when nothing counts).
    """CREATE OR REPLACE TEMP MACRO sk_member_tiers(day) AS TABLE
    SELECT m.member_id,
           coalesce(max_by(t.code, t.rank) FILTER (WHERE coalesce(b.spend, 0) >= t.min_spend
                                                   AND coalesce(b.orders, 0) >= t.min_orders),
                    (SELECT code FROM tiers ORDER BY rank LIMIT 1)) AS tier_code
    FROM members m
    LEFT JOIN sk_tier_basis(CAST(CAST(day AS DATE) - INTERVAL 1 YEAR AS DATE), CAST(day AS DATE) - 1) b
      USING (member_id)
    CROSS JOIN tiers t
    GROUP BY m.member_id""",
)
