"""Member tiers: the seller's ladder, counted on their sold orders, up at once and down only at a review.

What counts (`tier_basis`, loyalty_settings.py): a member's sold orders
(order_status.SOLD; a fully refunded or cancelled order is not sold), by their
local day: their net spend in the base currency (revenue.py; an order in a
currency without a rate counts 0), the points they earn at the base rate
(floor(net × the platform's rate), before tier multipliers and bonuses, so a
tier never feeds itself), or their number.

Entering a tier: the highest tier whose `threshold` the basis reaches. The
basis (`tier_window`) is, after the orders of a day d:
* rolling_12: the orders of the local days [a year before d + 1 day, d];
* calendar_year: the orders of d's calendar year up to d;
* lifetime: every order up to d.
A member moves up on the day an order takes them over a threshold.

Reviews (the end of a period): only then can a member move down.
* rolling_12: every anniversary of the member's first sold order: the
  membership year just ended is the period;
* calendar_year: every 1 January: the calendar year just ended (a tier entered
  in a year is so kept all of the next year, as Yotpo and Smile do);
* lifetime: never (only a refund, which changes the past, lowers a lifetime tier).
At a review the member keeps the tiers whose keep threshold (`keep_threshold`,
the entry threshold when empty; never above it) the period's basis reaches and
drops to the highest of those, and enters any tier that basis reaches (rolling:
the period is the last 12 months).

History: a row for each day the tier changed, derived from the orders and the
settings in force; changing the settings rewrites it as those settings would
have had it (nothing is lost: the orders it comes from are all kept).
The tier held on a day counts that day's reviews and orders.
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
    threshold: Decimal
    points_multiplier: Decimal
    keep_threshold: Decimal | None = None

    @property
    def keep(self) -> Decimal:
        return self.threshold if self.keep_threshold is None else min(self.keep_threshold, self.threshold)


@dataclass(frozen=True)
class TierSale:
    """One sold order of a member, as tiers see it: its local day and what it adds to the basis."""

    day: date
    amount: Decimal


def add_years(day: date, years: int) -> date:
    """The same date `years` later (or earlier); 29 February becomes 28 February, as DuckDB's INTERVAL does."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def year_before(day: date) -> date:
    return add_years(day, -1)


def entry_tier(basis: Decimal, ladder: Sequence[Tier]) -> Tier:
    ranked = sorted(ladder, key=lambda t: t.rank)
    return [t for t in ranked if basis >= t.threshold][-1] if basis >= ranked[0].threshold else ranked[0]


def keep_tier(basis: Decimal, ladder: Sequence[Tier]) -> Tier:
    ranked = sorted(ladder, key=lambda t: t.rank)
    kept = [t for t in ranked if basis >= t.keep]
    return kept[-1] if kept else ranked[0]


def reviews(first: date, today: date, window: str) -> list[tuple[date, date]]:
    """(review day, first day of the period it closes) for a member whose first sold order was on `first`."""
    out = []
    if window == "calendar_year":
        for year in range(first.year + 1, today.year + 1):
            out.append((date(year, 1, 1), date(year - 1, 1, 1)))
    elif window == "rolling_12":
        n = 1
        while (day := add_years(first, n)) <= today:
            out.append((day, add_years(first, n - 1)))
            n += 1
    return out


def basis_after(day: date, sales: Sequence[TierSale], window: str) -> Decimal:
    if window == "rolling_12":
        start = year_before(day) + timedelta(days=1)
    elif window == "calendar_year":
        start = date(day.year, 1, 1)
    else:
        start = date.min
    return sum((s.amount for s in sales if start <= s.day <= day), Decimal(0))


def tier_history(sales: Iterable[TierSale], ladder: Sequence[Tier], window: str,
                 today: date) -> list[tuple[date, str, Decimal]]:
    """(day, tier code, basis) for the first sold order's day and each day the tier changed, up to `today`."""
    counted = sorted((s for s in sales if s.day <= today), key=lambda s: s.day)
    if not counted:
        return []
    ranked = sorted(ladder, key=lambda t: t.rank)
    # At one day: the review first, then the day's orders.
    events: list[tuple[date, int, date]] = [(d, 0, start) for d, start in reviews(counted[0].day, today, window)]
    events += [(d, 1, d) for d in sorted({s.day for s in counted})]
    events.sort()
    held = ranked[0]
    daily: dict[date, tuple[Tier, Decimal]] = {}
    for day, kind, start in events:
        if kind == 0:
            basis = sum((s.amount for s in counted if start <= s.day < day), Decimal(0))
            enter = entry_tier(basis, ranked) if window == "rolling_12" else ranked[0]
            kept = keep_tier(basis, ranked)
            held = max(enter, kept if kept.rank < held.rank else held, key=lambda t: t.rank)
        else:
            basis = basis_after(day, counted, window)
            held = max(held, entry_tier(basis, ranked), key=lambda t: t.rank)
        daily[day] = (held, basis)
    out: list[tuple[date, str, Decimal]] = []
    for day, (tier, basis) in daily.items():
        if not out or out[-1][1] != tier.code:
            out.append((day, tier.code, basis))
    return out


def tier_on(day: date, history: Sequence[tuple[date, str, Decimal]], ladder: Sequence[Tier]) -> Tier:
    """The tier held at the end of `day`."""
    by_code = {t.code: t for t in ladder}
    held = [code for d, code, _ in history if d <= day]
    return by_code[held[-1]] if held else min(ladder, key=lambda t: t.rank)


# The basis each sold order adds, per member and local day; `{members}` narrows the members.
_DAYS = """
    WITH settings AS (SELECT tier_basis, rate FROM sk_loyalty_settings()),
    sold AS (
        SELECT b.member_id, s.day,
               CASE st.tier_basis WHEN 'orders' THEN CAST(1 AS DECIMAL(38,8))
                   WHEN 'points' THEN CAST(floor(coalesce(s.net_base, 0) * coalesce(r.rate, ls.rate)) AS DECIMAL(38,8))
                   ELSE CAST(coalesce(s.net_base, 0) AS DECIMAL(38,8)) END AS amount
        FROM sk_sales() s JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id
        LEFT JOIN sk_points_rates() r ON r.shop_id = s.shop_id
        CROSS JOIN settings st CROSS JOIN settings ls
        WHERE b.member_id IS NOT NULL AND s.day <= CAST(today AS DATE){members}
    )
    SELECT member_id, day, CAST(sum(amount) AS DECIMAL(38,8)) AS amount FROM sold GROUP BY member_id, day"""

# Reviews and order days as events in time order, each with the rank it enters (e) and, at a review,
# the rank it keeps (k); a member holds rank L after an event when the last event entering L or above
# comes after the last review keeping less than L (held = max(e, min(k, held before)), unrolled).
_HISTORY = """
    WITH days AS (SELECT * FROM query_table(day_table)),
    settings AS (SELECT tier_window FROM sk_loyalty_settings()),
    ladder AS (SELECT list({'rank': rank, 'threshold': threshold,
                            'keep': least(coalesce(keep_threshold, threshold), threshold)} ORDER BY rank) AS l,
                      min(rank) AS floor_rank FROM tiers),
    firsts AS (SELECT member_id, min(day) AS first FROM days GROUP BY member_id),
    review_days AS (
        SELECT f.member_id, CAST(make_date(y, 1, 1) AS DATE) AS day, CAST(make_date(y - 1, 1, 1) AS DATE) AS start
        FROM firsts f CROSS JOIN settings s,
             LATERAL unnest(generate_series(year(f.first) + 1, year(CAST(today AS DATE)))) AS g(y)
        WHERE s.tier_window = 'calendar_year'
        UNION ALL
        SELECT f.member_id, CAST(f.first + to_years(n) AS DATE), CAST(f.first + to_years(n - 1) AS DATE)
        FROM firsts f CROSS JOIN settings s,
             LATERAL unnest(generate_series(1, year(CAST(today AS DATE)) - year(f.first) + 1)) AS g(n)
        WHERE s.tier_window = 'rolling_12' AND CAST(f.first + to_years(n) AS DATE) <= CAST(today AS DATE)
    ),
    periods AS (
        SELECT r.member_id, r.day, coalesce(sum(d.amount), 0) AS basis
        FROM review_days r LEFT JOIN days d ON d.member_id = r.member_id AND d.day >= r.start AND d.day < r.day
        GROUP BY r.member_id, r.day
    ),
    order_days AS (
        SELECT d.member_id, d.day, CASE s.tier_window
            WHEN 'rolling_12' THEN sum(d.amount) OVER (PARTITION BY d.member_id ORDER BY d.day
                                   RANGE BETWEEN INTERVAL '1 year -1 day' PRECEDING AND CURRENT ROW)
            WHEN 'calendar_year' THEN sum(d.amount) OVER (PARTITION BY d.member_id, year(d.day) ORDER BY d.day
                                      ROWS UNBOUNDED PRECEDING)
            ELSE sum(d.amount) OVER (PARTITION BY d.member_id ORDER BY d.day ROWS UNBOUNDED PRECEDING) END AS basis
        FROM days d CROSS JOIN settings s
    ),
    events AS (
        SELECT member_id, day, 0 AS kind, basis, CASE WHEN s.tier_window = 'rolling_12' THEN basis END AS enter_basis,
               basis AS keep_basis
        FROM periods CROSS JOIN settings s
        UNION ALL
        SELECT member_id, day, 1, basis, basis, NULL FROM order_days
    ),
    ranked AS (
        SELECT e.member_id, e.day, e.kind, e.basis,
               row_number() OVER (PARTITION BY e.member_id ORDER BY e.day, e.kind) AS seq,
               coalesce(list_filter(l.l, lambda t: e.enter_basis >= t.threshold)[-1].rank, l.floor_rank) AS e_rank,
               CASE WHEN e.keep_basis IS NULL THEN 2147483647
                    ELSE coalesce(list_filter(l.l, lambda t: e.keep_basis >= t.keep)[-1].rank, l.floor_rank) END
                   AS k_rank
        FROM events e CROSS JOIN ladder l
    ),
    levels AS (
        SELECT r.*, t.rank AS level, l.floor_rank,
               max(CASE WHEN r.e_rank >= t.rank THEN r.seq END) OVER w AS last_enter,
               max(CASE WHEN r.k_rank < t.rank THEN r.seq END) OVER w AS last_drop
        FROM ranked r CROSS JOIN tiers t CROSS JOIN ladder l
        WINDOW w AS (PARTITION BY r.member_id, t.rank ORDER BY r.seq ROWS UNBOUNDED PRECEDING)
    ),
    held AS (
        SELECT member_id, day, seq, any_value(basis) AS basis,
               max(level) FILTER (WHERE level = floor_rank OR last_enter > coalesce(last_drop, 0)) AS held_rank
        FROM levels GROUP BY member_id, day, seq
    ),
    -- A day's last event says what the day ended with.
    daily AS (SELECT member_id, day, arg_max(held_rank, seq) AS held_rank, arg_max(basis, seq) AS basis
              FROM held GROUP BY member_id, day),
    changes AS (
        SELECT *, lag(held_rank) OVER (PARTITION BY member_id ORDER BY day) AS before FROM daily
    )
    SELECT c.member_id, c.day AS from_day, t.code AS tier_code, CAST(c.basis AS DECIMAL(38,2)) AS basis,
           CASE WHEN c.before IS NULL THEN 'start' WHEN c.held_rank > c.before THEN 'up' ELSE 'down' END AS change
    FROM changes c JOIN tiers t ON t.rank = c.held_rank
    WHERE c.before IS NULL OR c.before <> c.held_rank"""

TABLE_MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_tier_days(today) AS TABLE {_DAYS.replace('{members}', '')}",
    # The same for the members listed in table `scope` (member_id) only: a recompute of a few members.
    f"CREATE OR REPLACE TEMP MACRO sk_tier_days_of(today, scope) AS TABLE "
    f"{_DAYS.replace('{members}', ' AND b.member_id IN (SELECT member_id FROM query_table(scope))')}",
    # The tier history up to `today` of the members in `day_table` (a table written from sk_tier_days).
    f"CREATE OR REPLACE TEMP MACRO sk_tier_history(day_table, today) AS TABLE {_HISTORY}",
)


@dataclass(frozen=True)
class TierProgress:
    """How far a member is from the next tier, and from keeping theirs at the next review."""

    basis: Decimal  # what counts towards entering a tier now
    next_tier: Tier | None
    to_next: Decimal | None  # more needed to reach it (0: reached)
    review: date | None  # the next review (None: lifetime tiers are never reviewed)
    to_keep: Decimal | None  # more needed in the current period to keep the tier held at that review


def progress(sales: Sequence[TierSale], held: Tier, ladder: Sequence[Tier], window: str,
             today: date) -> TierProgress:
    ranked = sorted(ladder, key=lambda t: t.rank)
    counted = [s for s in sales if s.day <= today]
    basis = basis_after(today, counted, window)
    higher = [t for t in ranked if t.rank > held.rank]
    next_tier = higher[0] if higher else None
    to_next = max(Decimal(0), next_tier.threshold - basis) if next_tier else None
    review: date | None = None
    start: date | None = None
    if window == "calendar_year":
        review, start = date(today.year + 1, 1, 1), date(today.year, 1, 1)
    elif window == "rolling_12" and counted:
        first = min(s.day for s in counted)
        n = 1
        while add_years(first, n) <= today:
            n += 1
        review, start = add_years(first, n), add_years(first, n - 1)
    to_keep = None
    if start is not None and held.rank > ranked[0].rank:
        period = sum((s.amount for s in counted if s.day >= start), Decimal(0))
        to_keep = max(Decimal(0), held.keep - period)
    return TierProgress(basis, next_tier, to_next, review, to_keep)
