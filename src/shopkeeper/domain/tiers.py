"""Member tiers: the seller's ladder, counted on their sold orders, up at once and down only at a review.

What counts (`tier_basis`, loyalty_settings.py): a member's sold orders
(order_status.SOLD; a fully refunded or cancelled order is not sold), by their
local day: their net spend in the base currency (revenue.py), the points they
earn at the base rate (floor(net × the platform's rate), before tier multipliers
and bonuses, so a tier never feeds itself), or their number.

An order in a currency without an exchange rate has no spend and earns no points
until the seller sets the rate: it adds nothing to a spend or points basis. The
member keeps the tier the orders that can be counted give (what they are known to
have reached; a tier is never guessed upwards), flagged as counted without those
orders rather than passed off as the whole: a basis whose days hold such an order
is unknown (`unpriced_in`), and the member panel says so and why instead of a
figure (services/member_loyalty.py, ui/tabs/member_loyalty_panel.py). Setting the
rate recomputes the tier with every order. A basis of orders counts them all.

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
the period is the last 12 months). Both thresholds rise with the tier (the save
refuses another ladder; a threshold below the one under it acts as that one).

History: a row for each day the tier changed, derived from the orders and the
settings in force; changing the settings rewrites it as those settings would
have had it (nothing is lost: the orders it comes from are all kept).
The tier held on a day counts that day's reviews and orders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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


def _highest(basis: Decimal, ladder: Sequence[Tier], needs: Callable[[Tier], Decimal]) -> Tier:
    """The highest tier reached, each threshold acting as at least the one below it."""
    ranked = sorted(ladder, key=lambda t: t.rank)
    reached, floor = ranked[0], needs(ranked[0])
    for t in ranked:
        floor = max(floor, needs(t))
        if basis >= floor:
            reached = t
    return reached


def entry_tier(basis: Decimal, ladder: Sequence[Tier]) -> Tier:
    return _highest(basis, ladder, lambda t: t.threshold)


def keep_tier(basis: Decimal, ladder: Sequence[Tier]) -> Tier:
    return _highest(basis, ladder, lambda t: t.keep)


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


def window_start(day: date, window: str) -> date:
    """The first local day whose orders count towards the basis after the orders of `day`."""
    if window == "rolling_12":
        return year_before(day) + timedelta(days=1)
    if window == "calendar_year":
        return date(day.year, 1, 1)
    return date.min


def basis_after(day: date, sales: Sequence[TierSale], window: str) -> Decimal:
    start = window_start(day, window)
    return sum((s.amount for s in sales if start <= s.day <= day), Decimal(0))


def counted_days(day: date, window: str, *, first: date, order_day: bool) -> tuple[date, date]:
    """The local days [start, end] whose orders make the basis of a history row on `day` (tier_history): the
    window after that day's orders when it had some (`order_day`), else the period its review closed."""
    if order_day:
        return window_start(day, window), day
    start = next((s for review, s in reviews(first, day, window) if review == day), day)
    return start, day - timedelta(days=1)


def unpriced_in(days: tuple[date, date], unpriced: Iterable[date]) -> bool:
    """Whether an order in a currency without a rate (its local day in `unpriced`) falls in `days`: a spend or
    points basis over them is then unknown (module docstring)."""
    return any(days[0] <= d <= days[1] for d in unpriced)


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

# The same from a table of sk_member_orders() rows (points.py), which recompute reads once for tiers and points.
_DAYS_FROM = """
    WITH settings AS (SELECT tier_basis FROM sk_loyalty_settings()),
    sold AS (
        SELECT o.member_id, o.day,
               CASE st.tier_basis WHEN 'orders' THEN CAST(1 AS DECIMAL(38,8))
                   WHEN 'points' THEN CAST(floor(coalesce(o.net_base, 0) * o.rate) AS DECIMAL(38,8))
                   ELSE CAST(coalesce(o.net_base, 0) AS DECIMAL(38,8)) END AS amount
        FROM query_table(orders) o CROSS JOIN settings st
        WHERE o.sold AND o.day <= CAST(today AS DATE)
    )
    SELECT member_id, day, CAST(sum(amount) AS DECIMAL(38,8)) AS amount FROM sold GROUP BY member_id, day"""

# Reviews and order days as events in time order, each with the rank it enters (e) and, at a review,
# the rank it keeps (k): held = max(e, min(k, held before)), an order's k being "anything".
_HISTORY = """
    WITH RECURSIVE all_days AS (SELECT * FROM query_table(day_table)),
    settings AS (SELECT tier_window FROM sk_loyalty_settings()),
    -- Thresholds as they act: each at least the one below it (the save refuses any other ladder).
    steps AS (SELECT rank, max(threshold) OVER (ORDER BY rank) AS enter_at,
                     max(least(coalesce(keep_threshold, threshold), threshold)) OVER (ORDER BY rank) AS keep_at
              FROM tiers),
    enter_steps AS (SELECT enter_at, max(rank) AS rank FROM steps GROUP BY enter_at),
    keep_steps AS (SELECT keep_at, max(rank) AS rank FROM steps GROUP BY keep_at),
    ladder AS (SELECT min(rank) AS floor_rank FROM tiers),
    -- A member whose orders all add to less than the lowest threshold above the floor (none taking
    -- anything back) never reaches it in any window or period: they hold the floor from their first day,
    -- and only the others (most of the orders, a minority of the members) are played event by event.
    floored AS (
        SELECT member_id, min(day) AS first, arg_min(amount, day) AS basis FROM all_days GROUP BY member_id
        HAVING min(amount) >= 0 AND sum(amount) < (SELECT min(s.enter_at) FROM steps s CROSS JOIN ladder l
                                                   WHERE s.rank > l.floor_rank)
    ),
    days AS (SELECT * FROM all_days d WHERE NOT EXISTS (SELECT 1 FROM floored f WHERE f.member_id = d.member_id)),
    firsts AS (SELECT member_id, min(day) AS first FROM days GROUP BY member_id),
    review_days AS (
        SELECT f.member_id, CAST(make_date(y, 1, 1) AS DATE) AS day, CAST(make_date(y - 1, 1, 1) AS DATE) AS start,
               y - year(f.first) AS seg
        FROM firsts f CROSS JOIN settings s,
             LATERAL unnest(generate_series(year(f.first) + 1, year(CAST(today AS DATE)))) AS g(y)
        WHERE s.tier_window = 'calendar_year'
        UNION ALL
        SELECT f.member_id, CAST(f.first + to_years(n) AS DATE), CAST(f.first + to_years(n - 1) AS DATE), n
        FROM firsts f CROSS JOIN settings s,
             LATERAL unnest(generate_series(1, year(CAST(today AS DATE)) - year(f.first) + 1)) AS g(n)
        WHERE s.tier_window = 'rolling_12' AND CAST(f.first + to_years(n) AS DATE) <= CAST(today AS DATE)
    ),
    periods AS (
        SELECT r.member_id, r.day, r.seg, coalesce(sum(d.amount), 0) AS basis
        FROM review_days r LEFT JOIN days d ON d.member_id = r.member_id AND d.day >= r.start AND d.day < r.day
        GROUP BY r.member_id, r.day, r.seg
    ),
    order_days AS (
        SELECT d.member_id, d.day, sum(d.amount) OVER (PARTITION BY d.member_id ORDER BY d.day
                   RANGE BETWEEN INTERVAL '1 year -1 day' PRECEDING AND CURRENT ROW) AS basis
        FROM days d CROSS JOIN settings s WHERE s.tier_window = 'rolling_12'
        UNION ALL
        SELECT d.member_id, d.day, sum(d.amount) OVER (PARTITION BY d.member_id, year(d.day) ORDER BY d.day
                   ROWS UNBOUNDED PRECEDING)
        FROM days d CROSS JOIN settings s WHERE s.tier_window = 'calendar_year'
        UNION ALL
        SELECT d.member_id, d.day, sum(d.amount) OVER (PARTITION BY d.member_id ORDER BY d.day ROWS UNBOUNDED PRECEDING)
        FROM days d CROSS JOIN settings s WHERE s.tier_window = 'lifetime'
    ),
    -- Segments run from one review to the next, numbered by the reviews up to the day (a review counts
    -- on its own day, before that day's orders): review n falls n years after the first order, or on
    -- 1 January n years after its year. Counted from the first day, not by a window over every event.
    order_segs AS (
        SELECT o.*, CASE s.tier_window WHEN 'lifetime' THEN 0
                        WHEN 'calendar_year' THEN year(o.day) - year(f.first)
                        ELSE year(o.day) - year(f.first) - CASE WHEN CAST(f.first + to_years(year(o.day) - year(f.first))
                                                                         AS DATE) > o.day THEN 1 ELSE 0 END END AS seg
        FROM order_days o JOIN firsts f ON f.member_id = o.member_id CROSS JOIN settings s
    ),
    -- Each event with the rank it enters (e) and, at a review, the rank it keeps (k; an order: none).
    events AS (
        SELECT p.member_id, p.day, 0 AS kind, p.seg, p.basis,
               coalesce(CASE WHEN s.tier_window = 'rolling_12' THEN es.rank END, l.floor_rank) AS e_rank,
               coalesce(ks.rank, l.floor_rank) AS k_rank
        FROM periods p CROSS JOIN settings s CROSS JOIN ladder l
        ASOF LEFT JOIN enter_steps es ON p.basis >= es.enter_at
        ASOF LEFT JOIN keep_steps ks ON p.basis >= ks.keep_at
        UNION ALL
        SELECT o.member_id, o.day, 1, o.seg, o.basis, coalesce(es.rank, l.floor_rank), NULL
        FROM order_segs o CROSS JOIN ladder l
        ASOF LEFT JOIN enter_steps es ON o.basis >= es.enter_at
    ),
    -- One pass over each member's events in time order (a review before its day's orders; one sort for all
    -- of it): the highest rank entered so far in the event's segment (inside one the tier only goes up) and
    -- the same before the event, the running max taken of seg × 2^32 + (rank − floor): segments follow each
    -- other, so the current segment's ranks outweigh every earlier one's; and the days of the events
    -- around it, which say whether a review shares its day with orders (the day ends with those).
    climbed AS (
        SELECT e.*, l.floor_rank,
               max(e.seg * 4294967296 + (e.e_rank - l.floor_rank)) OVER (w ROWS UNBOUNDED PRECEDING)
                   - e.seg * 4294967296 AS top_above,
               max(e.seg * 4294967296 + (e.e_rank - l.floor_rank)) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING
                                                                       AND 1 PRECEDING)
                   - e.seg * 4294967296 AS before_above,
               lag(e.kind) OVER w AS kind_before, lag(e.day) OVER w AS day_before, lead(e.day) OVER w AS day_after
        FROM events e CROSS JOIN ladder l
        WINDOW w AS (PARTITION BY e.member_id ORDER BY e.day, e.kind)
    ),
    segments AS (
        SELECT member_id, seg, max(e_rank) AS top, any_value(k_rank) FILTER (WHERE kind = 0) AS k_rank
        FROM events GROUP BY member_id, seg
    ),
    -- The tier at each segment's start: held = max(entered, min(kept, held before)) at each review,
    -- one review after the other (a member has one a year, so this recursion is short); and at its end.
    starts AS (
        SELECT s.member_id, s.seg, l.floor_rank AS start_rank, greatest(l.floor_rank, s.top) AS end_rank,
               NULL::INTEGER AS end_before
        FROM segments s CROSS JOIN ladder l WHERE s.seg = 0
        UNION ALL
        SELECT n.member_id, n.seg, least(n.k_rank, p.end_rank) AS start_rank,
               greatest(least(n.k_rank, p.end_rank), n.top) AS end_rank, p.end_rank
        FROM starts p JOIN segments n ON n.member_id = p.member_id AND n.seg = p.seg + 1
    ),
    -- What each day ended with (its orders, else its review) and what the day before ended with: the
    -- event before in the segment, or the segment before's end when it is the segment's first day (a
    -- review, or the orders of the review's day).
    changes AS (
        SELECT c.member_id, c.day, c.basis, greatest(st.start_rank, c.floor_rank + c.top_above) AS held_rank,
               CASE WHEN c.before_above IS NULL OR c.before_above < 0 OR (c.kind = 1 AND c.kind_before = 0
                                                                        AND c.day_before = c.day)
                    THEN st.end_before
                    ELSE greatest(st.start_rank, c.floor_rank + c.before_above) END AS before
        FROM climbed c JOIN starts st ON st.member_id = c.member_id AND st.seg = c.seg
        WHERE c.kind = 1 OR c.day_after IS NULL OR c.day_after <> c.day
    )
    SELECT c.member_id, c.day AS from_day, t.code AS tier_code, CAST(c.basis AS DECIMAL(38,2)) AS basis,
           CASE WHEN c.before IS NULL THEN 'start' WHEN c.held_rank > c.before THEN 'up' ELSE 'down' END AS change
    FROM changes c JOIN tiers t ON t.rank = c.held_rank
    WHERE c.before IS NULL OR c.before <> c.held_rank
    UNION ALL
    SELECT f.member_id, f.first, t.code, CAST(f.basis AS DECIMAL(38,2)), 'start'
    FROM floored f CROSS JOIN ladder l JOIN tiers t ON t.rank = l.floor_rank"""

TABLE_MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_tier_days(today) AS TABLE {_DAYS.replace('{members}', '')}",
    f"CREATE OR REPLACE TEMP MACRO sk_tier_days_from(orders, today) AS TABLE {_DAYS_FROM}",
    # The tier history up to `today` of the members in `day_table` (a table written from sk_tier_days or sk_tier_days_from).
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
    counted: tuple[date, date] | None = None  # the local days `basis` counts


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
    return TierProgress(basis, next_tier, to_next, review, to_keep, (window_start(today, window), today))
