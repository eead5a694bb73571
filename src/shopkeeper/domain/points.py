"""The points policy: what an order earns, what a refund takes back, when points expire.

Earning. A paid order of a member (status in order_status.SOLD, or REFUNDED:
a refund only happens to a paid order) earns
    floor(total in the base currency × points rate × tier multiplier)
as a ledger entry of reason 'order' at the order's instant. The points rate is
shop_settings `points_per_currency_unit` (default 1); the multiplier is that of
the tier the member held on the order's local day (tiers.tier_on: the orders of
the year before). An order in a currency with no rate earns nothing.

Refunds. When part of the order was refunded, a 'refund' entry at the same
instant takes back the difference between those points and the points its net
amount would earn (all of them for a fully refunded order). Exports do not say
when the money went back, so the reversal sits beside the earning it reverses.

Expiry. Every credit (an order's points net of its refund, or a positive entry
the seller added) expires `points_expiry_months` (default 12; 0: never) after it
was credited, counted in UTC calendar months. Spending (a negative entry the
seller added: 'redeem', 'adjust') draws on the oldest credit first; points spent
beyond the balance are repaid from the next credits. What is left of a credit
when it expires leaves as an 'expire' entry at that moment, for every credit
whose moment has come by the end of `today` (UTC).

Only recompute writes 'order', 'refund' and 'expire' entries; everything above is
a function of the orders, the buyers' members, the settings and today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

from shopkeeper.domain.order_status import REFUNDED_STATUSES, SOLD, is_refunded

DERIVED_REASONS = ("order", "refund", "expire")
DEFAULT_RATE = Decimal(1)
DEFAULT_EXPIRY_MONTHS = 12
EARNING = SOLD | REFUNDED_STATUSES


@dataclass(frozen=True)
class PointsSettings:
    rate: Decimal = DEFAULT_RATE
    expiry_months: int = DEFAULT_EXPIRY_MONTHS

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> PointsSettings:
        """As the SQL reads them: an unreadable or negative value falls back to the default."""
        text = settings.get("points_per_currency_unit", "").strip(" ")
        try:
            # Decimal() also reads other scripts' digits ('٣'); DuckDB reads ASCII only.
            rate = Decimal(text) if text.isascii() else DEFAULT_RATE
        except InvalidOperation:
            rate = DEFAULT_RATE
        if not rate.is_finite() or rate < 0 or rate >= 10**12:
            rate = DEFAULT_RATE
        rate = rate.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
        months_text = settings.get("points_expiry_months", "").strip(" ")
        months = int(months_text) if re.fullmatch("[0-9]+", months_text) else DEFAULT_EXPIRY_MONTHS
        return cls(rate, months if months < 2**31 else DEFAULT_EXPIRY_MONTHS)


def earns(status: str) -> bool:
    return status in EARNING


def points_for(amount_base: Decimal, rate: Decimal, multiplier: Decimal) -> int:
    return int((amount_base * rate * multiplier).to_integral_value(rounding=ROUND_FLOOR))


def order_entries(status: str, total_base: Decimal, net_base: Decimal, rate: Decimal,
                  multiplier: Decimal) -> tuple[int, int]:
    """(points of the 'order' entry, points of the 'refund' entry, ≤ 0)."""
    earned = points_for(total_base, rate, multiplier)
    kept = 0 if is_refunded(status) else points_for(net_base, rate, multiplier)
    return earned, min(0, kept - earned)


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` plus whole calendar months in UTC; a day the month lacks becomes its last day."""
    utc = moment.astimezone(UTC)
    index = utc.year * 12 + utc.month - 1 + months
    year, month = divmod(index, 12)
    first_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    day = min(utc.day, (first_next - timedelta(days=1)).day)
    return utc.replace(year=year, month=month + 1, day=day)


def expiry_cutoff(today: date) -> datetime:
    """Credits expiring before this instant (the end of `today` in UTC) have expired."""
    return datetime.combine(today + timedelta(days=1), time(0), tzinfo=UTC)


@dataclass(frozen=True)
class Credit:
    key: str
    occurred_at: datetime
    points: int


@dataclass(frozen=True)
class Expiry:
    key: str
    expires_at: datetime
    points: int  # > 0: how many of the credit expired


def expiries(credits: Iterable[Credit], debits: Iterable[tuple[datetime, int]], months: int,
             cutoff: datetime) -> list[Expiry]:
    """Play one member's credits and debits (points > 0 spent) in time order, oldest credit spent first."""
    if months <= 0:
        return []
    # At one instant: expiries, then credits, then debits.
    events: list[tuple[datetime, int, str, int]] = []
    ordered: Sequence[Credit] = sorted(credits, key=lambda c: (c.occurred_at, c.key))
    for c in ordered:
        events.append((c.occurred_at, 1, c.key, c.points))
        events.append((add_months(c.occurred_at, months), 0, c.key, 0))
    for at, spent in debits:
        events.append((at, 2, "", spent))
    position = {c.key: i for i, c in enumerate(ordered)}
    events.sort(key=lambda e: (e[0], e[1], position.get(e[2], 0)))
    left: dict[str, int] = {}
    queue: list[str] = []
    debt = 0
    out: list[Expiry] = []
    for at, kind, key, amount in events:
        if kind == 0:
            if at >= cutoff:
                continue
            remaining = left.pop(key, 0)
            if key in queue:
                queue.remove(key)
            if remaining > 0:
                out.append(Expiry(key, at, remaining))
        elif kind == 1:
            repaid = min(debt, amount)
            debt -= repaid
            left[key] = amount - repaid
            queue.append(key)
        else:
            for k in queue:
                take = min(left[k], amount)
                left[k] -= take
                amount -= take
            debt += amount
    return out


def _settings_sql(key: str, cast: str, default: str) -> str:
    return f"coalesce((SELECT TRY_CAST(trim(value) AS {cast}) FROM shop_settings WHERE key = '{key}'), {default})"


_DERIVED = ", ".join(f"'{r}'" for r in DERIVED_REASONS)
_EARNING = ", ".join(f"'{s}'" for s in sorted(EARNING))
_REFUNDED = ", ".join(f"'{s}'" for s in sorted(REFUNDED_STATUSES))

# 'order' and 'refund' entries of every paid order of a member, at the tier held on its day;
# `{members}` is replaced by what narrows the members (an entry depends only on its own member's orders).
_EARNED = f"""
    WITH member_orders AS (
        SELECT b.member_id, o.shop_id, o.order_id, o.ordered_at, o.status,
               sk_order_day(o.ordered_at, o.ordered_tz) AS day,
               sk_is_sold(o.status) AS sold,
               CAST(o.total AS DECIMAL(38,2)) * fx.rate AS total_base,
               CASE WHEN o.status IN ({_REFUNDED}) THEN 0
                    ELSE CAST(sk_net_amount(o.total, o.refunded_amount) AS DECIMAL(38,2)) * fx.rate END AS kept_base
        FROM orders o
        JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id
        LEFT JOIN sk_fx() fx ON fx.currency = o.currency
        WHERE o.status IN ({_EARNING}) AND b.member_id IS NOT NULL{{members}}
    ),
    basis AS (
        SELECT *,
               coalesce(count(*) FILTER (WHERE sold) OVER w, 0) AS basis_orders,
               coalesce(sum(CASE WHEN sold THEN kept_base END) OVER w, 0) AS basis_spend
        FROM member_orders
        WINDOW w AS (PARTITION BY member_id ORDER BY day
                     RANGE BETWEEN INTERVAL 1 YEAR PRECEDING AND INTERVAL 1 DAY PRECEDING)
    ),
    -- The tiers as one list by rank: the highest a basis reaches is the last one the filter keeps
    -- (cheaper than joining every order to every tier), the lowest when it reaches none.
    ladder AS (SELECT list({{'spend': min_spend, 'orders': min_orders, 'multiplier': points_multiplier}}
                           ORDER BY rank) AS tiers FROM tiers),
    priced AS (
        SELECT b.member_id, b.shop_id, b.order_id, b.ordered_at, b.total_base, b.kept_base,
               coalesce(list_filter(l.tiers, lambda t: b.basis_spend >= t.spend
                                                       AND b.basis_orders >= t.orders)[-1].multiplier,
                        l.tiers[1].multiplier) AS multiplier
        FROM basis b CROSS JOIN ladder l
        WHERE b.total_base IS NOT NULL
    ),
    points AS (
        SELECT p.*, floor(p.total_base * s.rate * p.multiplier)::BIGINT AS earned,
               floor(p.kept_base * s.rate * p.multiplier)::BIGINT AS kept, s.expiry_months
        FROM priced p CROSS JOIN sk_points_settings() s
    )
    SELECT member_id, ordered_at AS occurred_at, earned AS points, 'order' AS reason, shop_id, order_id,
           CASE WHEN expiry_months > 0
                THEN timezone('UTC', timezone('UTC', ordered_at) + to_months(expiry_months)) END AS expires_at,
           member_id || chr(31) || shop_id || chr(31) || order_id AS entry_key
    FROM points WHERE earned > 0
    UNION ALL
    SELECT member_id, ordered_at, kept - earned, 'refund', shop_id, order_id, NULL,
           member_id || chr(31) || shop_id || chr(31) || order_id
    FROM points WHERE kept < earned"""

TABLE_MACROS = (
    # The points settings as one row; unreadable or negative values fall back to the defaults.
    f"""CREATE OR REPLACE TEMP MACRO sk_points_settings() AS TABLE
    SELECT CASE WHEN r >= 0 THEN r ELSE {DEFAULT_RATE}::DECIMAL(18,6) END AS rate,
           CASE WHEN m >= 0 THEN m ELSE {DEFAULT_EXPIRY_MONTHS} END AS expiry_months
    FROM (SELECT {_settings_sql('points_per_currency_unit', 'DECIMAL(18,6)', f"{DEFAULT_RATE}::DECIMAL(18,6)")} AS r,
                 coalesce((SELECT CASE WHEN regexp_full_match(trim(value), '[0-9]+')
                                       THEN TRY_CAST(trim(value) AS INTEGER) END
                           FROM shop_settings WHERE key = 'points_expiry_months'),
                          {DEFAULT_EXPIRY_MONTHS}) AS m)""",
    f"CREATE OR REPLACE TEMP MACRO sk_points_earned() AS TABLE {_EARNED.replace('{members}', '')}",
    # The same for the members listed in table `scope` (member_id) only: a recompute of a few members.
    f"CREATE OR REPLACE TEMP MACRO sk_points_earned_of(scope) AS TABLE "
    f"{_EARNED.replace('{members}', ' AND b.member_id IN (SELECT member_id FROM query_table(scope))')}",
    # 'expire' entries up to `cutoff`, from the earned points and the entries the seller made.
    f"""CREATE OR REPLACE TEMP MACRO sk_points_expired(earned, cutoff) AS TABLE
    WITH s AS (SELECT expiry_months FROM sk_points_settings()),
    credits AS (
        SELECT member_id, min(occurred_at) AS occurred_at, sum(points) AS points,
               shop_id || chr(31) || order_id AS credit_key, any_value(shop_id) AS shop_id,
               any_value(order_id) AS order_id
        FROM query_table(earned) GROUP BY member_id, shop_id, order_id HAVING sum(points) > 0
        UNION ALL
        SELECT member_id, occurred_at, points, 'entry' || chr(31) || lpad(CAST(entry_id AS VARCHAR), 20, '0'),
               shop_id, order_id
        FROM points_ledger WHERE reason NOT IN ({_DERIVED}) AND points > 0
    ),
    lots AS (
        SELECT c.*, timezone('UTC', timezone('UTC', c.occurred_at) + to_months(s.expiry_months)) AS expires_at
        FROM credits c CROSS JOIN s WHERE s.expiry_months > 0
    ),
    running AS (
        SELECT *, sum(points) OVER (PARTITION BY member_id ORDER BY expires_at, occurred_at, credit_key
                                    ROWS UNBOUNDED PRECEDING) AS credited
        FROM lots
    ),
    debits AS (
        SELECT member_id, occurred_at,
               sum(-points) OVER (PARTITION BY member_id ORDER BY occurred_at) AS spent
        FROM points_ledger WHERE reason NOT IN ({_DERIVED}) AND points < 0
    ),
    reach AS (
        SELECT r.*, coalesce(d.spent, 0) AS spent_before
        FROM running r ASOF LEFT JOIN debits d ON d.member_id = r.member_id AND r.expires_at > d.occurred_at
    ),
    gone AS (
        SELECT *, greatest(0, max(credited - spent_before) OVER (PARTITION BY member_id
                  ORDER BY expires_at, occurred_at, credit_key ROWS UNBOUNDED PRECEDING)) AS expired_so_far
        FROM reach
    ),
    each AS (
        SELECT *, expired_so_far - coalesce(lag(expired_so_far) OVER (PARTITION BY member_id
                  ORDER BY expires_at, occurred_at, credit_key), 0) AS expired
        FROM gone
    )
    SELECT member_id, expires_at AS occurred_at, -expired::BIGINT AS points, 'expire' AS reason, shop_id, order_id,
           NULL::TIMESTAMPTZ AS expires_at, member_id || chr(31) || credit_key AS entry_key
    FROM each WHERE expired > 0 AND expires_at < cutoff""",
)
