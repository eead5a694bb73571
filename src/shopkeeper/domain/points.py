"""The points policy: what an order earns, when it can be spent, what a refund takes back, when points expire.

Earning. A paid order of a member (status in order_status.SOLD, or REFUNDED:
a refund only happens to a paid order) earns
    floor(total in the base currency × rate × tier multiplier × bonus factor) + bonus points
as a ledger entry of reason 'order' at the order's instant. The rate is the
order's platform's (loyalty_settings.py: `points_rate.<platform>`, else
`points_per_currency_unit`, default 1); the multiplier is that of the tier the
member held at the end of the day before the order's local day (tiers.py: the
order never lifts its own points); the bonus factor is the largest ×N of the
bonus events running on the order's local day for its platform (1 when none),
the bonus points the sum of their +N. An order in a currency with no rate earns nothing.

Pending. An order's points (and its refund's) become spendable `points_return_days`
(default 15) after the order: the entry's `available_at`. Until then they show
as pending and a redemption cannot spend them.

Refunds. When part of the order was refunded, a 'refund' entry at the same
instant takes back the difference between those points and the points its net
amount would earn (the bonus points stay while something is kept; all of it for
a fully refunded order). Exports do not say when the money went back, so the
reversal sits beside the earning it reverses.

Expiry. Every credit (an order's points net of its refund, or a positive entry
the seller added) expires, under `points_expiry_model` 'months', `points_expiry_months`
(default 12; 0: never) after it was credited, counted in UTC calendar months; under
'annual', at the end of the `points_expiry_month_day` (default 12-31) of the year after
the year it was credited, both by the order's local day and clock (order_day.py: a Taobao
order at 01:27 on 1 January Beijing time is of that year, and its points are cleared at
midnight Beijing time); an entry the seller added, which has no zone, by UTC. Spending
(a negative entry the seller added: 'redeem', 'adjust') draws on the credit expiring first;
points spent beyond the balance are repaid from the next credits. What is left of a credit
when it expires leaves as an 'expire' entry at that moment.

An expiry is written only once it has happened: recompute, which knows `today` but not the
hour, writes those at or before `expiry_cutoff(today)`, the first instant of `today`
anywhere (00:00 at UTC+14), which has passed wherever the calendar shows `today`. One
still ahead is "expiring soon", never taken early. Readers of a balance at an instant
(`sk_points_balances`: the panel, the Members table, redemption) play expiry up to that
instant by the same rule and use it in place of the written 'expire' entries, so an expiry
between the last recompute and now counts once, and one still ahead does not count.

Only recompute writes 'order', 'refund' and 'expire' entries; everything above is
a function of the orders, the buyers' members, the settings and today.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_FLOOR, Decimal

from shopkeeper.domain.loyalty_settings import LoyaltySettings
from shopkeeper.domain.order_day import offset_minutes, order_day
from shopkeeper.domain.order_status import REFUNDED_STATUSES, SOLD, is_refunded

DERIVED_REASONS = ("order", "refund", "expire")
EARNING = SOLD | REFUNDED_STATUSES


def earns(status: str) -> bool:
    return status in EARNING


def points_for(amount_base: Decimal, rate: Decimal, multiplier: Decimal) -> int:
    return int((amount_base * rate * multiplier).to_integral_value(rounding=ROUND_FLOOR))


def order_entries(status: str, total_base: Decimal, net_base: Decimal, rate: Decimal, multiplier: Decimal,
                  bonus_factor: Decimal = Decimal(1), bonus_points: int = 0) -> tuple[int, int]:
    """(points of the 'order' entry, points of the 'refund' entry, ≤ 0)."""
    earned = points_for(total_base, rate, multiplier * bonus_factor) + bonus_points
    kept = 0 if is_refunded(status) or net_base <= 0 else points_for(net_base, rate, multiplier * bonus_factor) + bonus_points
    return earned, min(0, kept - earned)


def bonus_on(day: date, platform: str, settings: LoyaltySettings) -> tuple[Decimal, int]:
    """(the bonus factor, the bonus points) of an order of `platform` on its local `day`."""
    running = [e for e in settings.bonus_events if e.applies(day, platform)]
    return max((e.multiply for e in running), default=Decimal(1)), sum(e.add for e in running)


def available_at(ordered_at: datetime, settings: LoyaltySettings) -> datetime:
    return ordered_at.astimezone(UTC) + timedelta(days=settings.return_days)


def expires_at(credited_at: datetime, settings: LoyaltySettings, tz: str | None = None) -> datetime | None:
    """When a credit at `credited_at` expires (None: never); `tz` is its order's offset ('+08:00'; None: UTC)."""
    if settings.expiry_model == "annual":
        # The order's local year and the end of the clearing day on the order's clock.
        zone = timezone(timedelta(minutes=offset_minutes(tz)))
        year = order_day(credited_at, tz).year + 1
        month, day = settings.expiry_month_day
        last = date(year, month, min(day, monthrange(year, month)[1]))
        return datetime.combine(last + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)
    return add_months(credited_at, settings.expiry_months) if settings.expiry_months > 0 else None


def add_months(moment: datetime, months: int) -> datetime:
    """`moment` plus whole calendar months in UTC; a day the month lacks becomes its last day."""
    utc = moment.astimezone(UTC)
    index = utc.year * 12 + utc.month - 1 + months
    year, month = divmod(index, 12)
    first_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    day = min(utc.day, (first_next - timedelta(days=1)).day)
    return utc.replace(year=year, month=month + 1, day=day)


# The earliest zone in use (Kiribati's Line Islands): `today` starts there first.
_EARLIEST_ZONE = timezone(timedelta(hours=14))


def expiry_cutoff(today: date) -> datetime:
    """Recompute writes the expiries at or before this instant: the first of `today` anywhere, never ahead of now."""
    return datetime.combine(today, time(0), tzinfo=_EARLIEST_ZONE).astimezone(UTC)


@dataclass(frozen=True)
class Credit:
    key: str
    occurred_at: datetime
    points: int
    tz: str | None = None  # the order's offset as written ('+08:00'); None: an entry the seller added (UTC)


@dataclass(frozen=True)
class Expiry:
    key: str
    expires_at: datetime
    points: int  # > 0: how many of the credit expired


def expiries(credits: Iterable[Credit], debits: Iterable[tuple[datetime, int]],
             expiry: Callable[[Credit], datetime | None], cutoff: datetime) -> list[Expiry]:
    """Play one member's credits and debits (points > 0 spent) in time order, the credit expiring first spent first;
    the expiries at or before `cutoff`."""
    # At one instant: expiries, then credits, then debits.
    events: list[tuple[datetime, int, str, int]] = []
    ordered: Sequence[Credit] = sorted(credits, key=lambda c: (expiry(c) or c.occurred_at, c.occurred_at, c.key))
    for c in ordered:
        events.append((c.occurred_at, 1, c.key, c.points))
        ends = expiry(c)
        if ends is not None:
            events.append((ends, 0, c.key, 0))
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
            if at > cutoff:
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


_DERIVED = ", ".join(f"'{r}'" for r in DERIVED_REASONS)
_EARNING = ", ".join(f"'{s}'" for s in sorted(EARNING))
_REFUNDED = ", ".join(f"'{s}'" for s in sorted(REFUNDED_STATUSES))


def expires_sql(at: str, s: str, tz: str = "NULL") -> str:
    """When a credit at `at` of an order written at offset `tz` (NULL: UTC) expires, with the settings row `s` of
    sk_loyalty_settings() (NULL: never)."""
    year = f"year(sk_order_day({at}, {tz})) + 1"
    month, day = f"{s}.expiry_month_day[1]", f"{s}.expiry_month_day[2]"
    return (f"CASE WHEN {s}.expiry_model = 'annual' THEN timezone('UTC', CAST(make_date({year}, {month}, "
            f"least({day}, day(last_day(make_date({year}, {month}, 1))))) AS TIMESTAMP) + INTERVAL 1 DAY "
            f"- to_minutes(sk_offset_minutes({tz}))) "
            f"WHEN {s}.expiry_months > 0 THEN timezone('UTC', timezone('UTC', {at}) + to_months({s}.expiry_months)) END")


# Every paid order of a member with its local day, platform rate and amounts in the base currency; `sold`
# and `net_base` are what tiers count (sk_sales()), so one read of the orders feeds both tiers and points
# (sk_tier_days_from). `{members}` is replaced by what narrows the members.
_MEMBER_ORDERS = f"""
        SELECT b.member_id, o.shop_id, o.order_id, o.ordered_at, o.ordered_tz,
               sk_order_day(o.ordered_at, o.ordered_tz) AS day,
               coalesce(r.platform, '') AS platform, coalesce(r.rate, st.rate) AS rate,
               sk_to_base(o.total, fx.rate) AS total_base,
               CASE WHEN o.status IN ({_REFUNDED}) THEN 0
                    ELSE sk_net_base(o.total, o.refunded_amount, fx.rate) END AS kept_base,
               sk_is_sold(o.status) AS sold, sk_net_base(o.total, o.refunded_amount, fx.rate) AS net_base
        FROM orders o
        JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id
        LEFT JOIN sk_fx() fx ON fx.currency = o.currency
        LEFT JOIN sk_points_rates() r ON r.shop_id = o.shop_id
        CROSS JOIN sk_loyalty_settings() st
        WHERE o.status IN ({_EARNING}) AND b.member_id IS NOT NULL{{members}}"""

# 'order' and 'refund' entries of every paid order of a member, at the tier held the day before, from
# `{orders}` (rows of _MEMBER_ORDERS; an entry depends only on its own member's orders).
_EARNED = f"""
    WITH member_orders AS (SELECT * FROM {{orders}}),
    bonus AS (
        SELECT d.day, d.platform, max(e.multiply) AS factor, sum(e.bonus_add) AS bonus_add
        FROM (SELECT DISTINCT day, platform FROM member_orders) d
        JOIN sk_bonus_events() e ON d.day BETWEEN e.first_day AND e.last_day
                                 AND (e.platform IS NULL OR e.platform = d.platform)
        GROUP BY d.day, d.platform
    ),
    floor_tier AS (SELECT points_multiplier FROM tiers ORDER BY rank LIMIT 1),
    -- Each history row as the local days (from_day, to_day] whose orders it prices: an equality join on the
    -- member, several times cheaper than an ASOF join that sorts every order by member and day.
    held AS (
        SELECT member_id, from_day, tier_code, lead(from_day) OVER (PARTITION BY member_id ORDER BY from_day) AS to_day
        FROM query_table(history)
    ),
    priced AS (
        SELECT m.*, coalesce(t.points_multiplier, (SELECT points_multiplier FROM floor_tier))
                    * coalesce(bo.factor, 1) AS multiplier, coalesce(bo.bonus_add, 0) AS bonus_add
        FROM member_orders m
        LEFT JOIN held h ON h.member_id = m.member_id AND m.day > h.from_day
                         AND (h.to_day IS NULL OR m.day <= h.to_day)
        LEFT JOIN tiers t ON t.code = h.tier_code
        LEFT JOIN bonus bo ON bo.day = m.day AND bo.platform = m.platform
        WHERE m.total_base IS NOT NULL
    ),
    points AS (
        SELECT p.member_id, p.shop_id, p.order_id, p.ordered_at, p.earned, p.kept,
               {expires_sql('p.ordered_at', 's', 'p.ordered_tz')} AS expires_at,
               timezone('UTC', timezone('UTC', p.ordered_at) + to_days(s.return_days)) AS available_at,
               md5_number(p.member_id || chr(31) || p.shop_id || chr(31) || p.order_id) AS entry_hash
        FROM (SELECT p.*, floor(p.total_base * p.rate * p.multiplier)::BIGINT + p.bonus_add AS earned,
                     CASE WHEN p.kept_base > 0 THEN floor(p.kept_base * p.rate * p.multiplier)::BIGINT + p.bonus_add
                          ELSE 0 END AS kept
              FROM priced p) p
        CROSS JOIN sk_loyalty_settings() s
    )"""

# The 'order' and 'refund' entries of the `points` rows above.
_ORDER_ENTRIES = """
    SELECT member_id, ordered_at AS occurred_at, earned AS points, 'order' AS reason, shop_id, order_id,
           expires_at, available_at, entry_hash
    FROM points WHERE earned > 0
    UNION ALL
    SELECT member_id, ordered_at, kept - earned, 'refund', shop_id, order_id, NULL, available_at, entry_hash
    FROM points WHERE kept < earned"""

_IN_SCOPE = " AND b.member_id IN (SELECT member_id FROM query_table(scope))"

# The positive entries the seller made, as credits that expire like an order's points.
_SELLER_LOTS = f"""
        SELECT *, md5_number(member_id || chr(31) || credit_key) AS entry_hash FROM (
            SELECT member_id, occurred_at, points, 'entry' || chr(31) || lpad(CAST(entry_id AS VARCHAR), 20, '0')
                       AS credit_key, shop_id, order_id, {expires_sql('occurred_at', 's')} AS expires_at
            FROM points_ledger CROSS JOIN s WHERE reason NOT IN ({_DERIVED}) AND points > 0)
        WHERE expires_at IS NOT NULL"""

# From the CTE `lots` (member_id, occurred_at, points > 0, credit_key, shop_id, order_id, expires_at, entry_hash:
# every credit that expires, with the md5_number of what it is, member_id || chr(31) || credit_key), what is left
# of each when it expires (_EXPIRY_PLAY), as 'expire' entries up to `cutoff` (_EXPIRED).
_EXPIRY_PLAY = f"""
    -- A member who never spent loses each credit whole when it expires; only spenders need their
    -- credits and debits played in order (most members never redeem, and that play sorts every lot).
    spenders AS (SELECT DISTINCT member_id FROM points_ledger WHERE reason NOT IN ({_DERIVED}) AND points < 0),
    unspent AS (
        SELECT l.*, l.points AS expired FROM lots l
        WHERE NOT EXISTS (SELECT 1 FROM spenders s WHERE s.member_id = l.member_id)
    ),
    running AS (
        SELECT *, sum(points) OVER (PARTITION BY member_id ORDER BY expires_at, occurred_at, credit_key
                                    ROWS UNBOUNDED PRECEDING) AS credited
        FROM lots l WHERE EXISTS (SELECT 1 FROM spenders s WHERE s.member_id = l.member_id)
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
    )"""

_EXPIRED = """
    SELECT member_id, expires_at AS occurred_at, -expired::BIGINT AS points, 'expire' AS reason, shop_id, order_id,
           NULL::TIMESTAMPTZ AS expires_at, NULL::TIMESTAMPTZ AS available_at, entry_hash
    FROM (SELECT member_id, expires_at, expired, shop_id, order_id, entry_hash FROM each
          UNION ALL SELECT member_id, expires_at, expired, shop_id, order_id, entry_hash FROM unspent)
    WHERE expired > 0 AND expires_at <= cutoff"""

# Every derived entry from the priced orders at once: an order's credit (its points net of its refund) is
# read off its own row, where grouping the 'order' and 'refund' entries back by order would hash them all.
_ENTRIES = f"""{_EARNED.replace('{orders}', 'query_table(orders)')},
    s AS (SELECT * FROM sk_loyalty_settings()),
    -- An order's credit is what its 'order' and 'refund' entries add to: the points its net amount earns, at
    -- most those of the order. Not materialized: members who never spent read theirs straight off `points`.
    lots AS NOT MATERIALIZED (
        SELECT member_id, ordered_at AS occurred_at, least(earned, kept) AS points,
               shop_id || chr(31) || order_id AS credit_key, shop_id, order_id, expires_at, entry_hash
        FROM points WHERE earned > 0 AND kept > 0 AND expires_at IS NOT NULL
        UNION ALL {_SELLER_LOTS}
    ),
    {_EXPIRY_PLAY} {_ORDER_ENTRIES} UNION ALL {_EXPIRED}"""

# Each member's points at the instant `moment`, from `earned` (the ledger's 'order' and 'refund' entries, as in
# sk_earned_entries) and the entries the seller made: what is spendable (available), what is still inside the
# return window (pending), what expiry has taken by `moment` played by the rule (in place of the written 'expire'
# entries, which lag behind: module docstring), and what it takes after `moment` up to `soon` (expiring, next_expiry).
_BALANCES = f"""
    WITH held AS (
        SELECT member_id, sum(points) FILTER (WHERE available_at IS NULL OR available_at <= moment) AS spendable,
               sum(points) FILTER (WHERE available_at > moment) AS pending
        FROM (SELECT member_id, points, available_at FROM query_table(earned)
              UNION ALL SELECT member_id, points, NULL FROM points_ledger WHERE reason NOT IN ({_DERIVED}))
        GROUP BY member_id
    ),
    played AS (
        SELECT member_id, -sum(points) FILTER (WHERE occurred_at <= moment) AS expired,
               -sum(points) FILTER (WHERE occurred_at > moment) AS expiring,
               min(occurred_at) FILTER (WHERE occurred_at > moment) AS next_expiry
        FROM sk_points_expired(earned, soon) GROUP BY member_id
    )
    SELECT member_id, (coalesce(h.spendable, 0) - coalesce(p.expired, 0))::BIGINT AS available,
           coalesce(h.pending, 0)::BIGINT AS pending, coalesce(p.expiring, 0)::BIGINT AS expiring, p.next_expiry
    FROM held h LEFT JOIN played p USING (member_id)"""

TABLE_MACROS = (
    # The credits expiry plays, as stored: what a read of a balance hands sk_points_expired().
    "CREATE OR REPLACE TEMP VIEW sk_earned_entries AS SELECT member_id, occurred_at, points, reason, shop_id, order_id,"
    " expires_at, available_at FROM points_ledger WHERE reason IN ('order', 'refund')",
    f"CREATE OR REPLACE TEMP MACRO sk_member_orders() AS TABLE {_MEMBER_ORDERS.replace('{members}', '')}",
    # The same for the members listed in table `scope` (member_id) only: a recompute of a few members.
    f"CREATE OR REPLACE TEMP MACRO sk_member_orders_of(scope) AS TABLE {_MEMBER_ORDERS.replace('{members}', _IN_SCOPE)}",
    f"CREATE OR REPLACE TEMP MACRO sk_points_earned(history) AS TABLE "
    f"{_EARNED.replace('{orders}', 'sk_member_orders()')} {_ORDER_ENTRIES}",
    # Every 'order', 'refund' and 'expire' entry (up to `cutoff`) of the members of `orders`, a table of
    # sk_member_orders() rows (what recompute reads once for tiers and points), with their tiers in `history`;
    # 'expire' entries of other members whose entries the seller made come too (the caller narrows them).
    f"CREATE OR REPLACE TEMP MACRO sk_points_entries_from(orders, history, cutoff) AS TABLE {_ENTRIES}",
    # 'expire' entries up to `cutoff` (included), from the earned points (rows of sk_earned_entries: a credit
    # expires when its 'order' entry says) and the entries the seller made.
    f"""CREATE OR REPLACE TEMP MACRO sk_points_expired(earned, cutoff) AS TABLE
    WITH s AS (SELECT * FROM sk_loyalty_settings()),
    credits AS (
        SELECT member_id, min(occurred_at) AS occurred_at, sum(points) AS points,
               shop_id || chr(31) || order_id AS credit_key, any_value(shop_id) AS shop_id,
               any_value(order_id) AS order_id, max(expires_at) AS expires_at
        FROM query_table(earned) GROUP BY member_id, shop_id, order_id HAVING sum(points) > 0
    ),
    lots AS (
        SELECT *, md5_number(member_id || chr(31) || credit_key) AS entry_hash FROM credits
        WHERE expires_at IS NOT NULL
        UNION ALL {_SELLER_LOTS}
    ),
    {_EXPIRY_PLAY} {_EXPIRED}""",
    f"CREATE OR REPLACE TEMP MACRO sk_points_balances(earned, moment, soon) AS TABLE {_BALANCES}",
)
