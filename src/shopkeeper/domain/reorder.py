"""When to reorder a SKU, how much to buy, and how long its stock lasts.

Demand is the units sold (order_status.SOLD, less refunded units, never below 0)
over the window: the last `reorder_window_days` local days (setting, default 30),
today included. For seasonal goods the seller can choose the basis
`reorder_basis = last_year`: the window is then the same number of days starting
on this day a year ago (what sold in the coming weeks last year), when the
shop's orders reach back that far; until they do, the recent window applies. Average daily units = demand ÷ selling days, where a day of the
window is *not* a selling day when the SKU had nothing on the shelf at its start
and at its end and sold nothing that day: a week sold out is not a week nobody
wanted it.

The shelf level comes from the stock ledger, and only for a SKU whose ledger
records its sales. A counted SKU (one with a stock snapshot, domain/stock_ledger.py)
follows its snapshots and the orders after them (`sk_stock_ledger`); before its
first count its level is unknown, so those days are selling days. A SKU with no
snapshot but an older ledger of movements (stock_movements with at least one
'sale') follows those: the level at the start of a day is the sum of its
movements before that day, so a SKU before its first movement (not yet
launched) has no stock either. A SKU with neither has no ledger (its sales are
only in the orders): every day of the window is then a selling day, the plain
average. Levels are dated in the zone most of the shop's orders were written in
(`stock_zone`), the stock tables having no zone of their own.

Average daily units is the exact fraction demand / selling days, so the rules
below are integer arithmetic and the SQL agrees with Python to the unit:

* days of cover = on hand ÷ average daily units, rounded down, on hand below 0
  counted as 0, capped at a year; none when nothing sold (not infinity);
* reorder point = safety stock + average daily units × lead time, rounded up,
  unless the seller set one; safety stock defaults to SAFETY_DAYS of demand;
* suggested quantity, only for a SKU at or below its reorder point: enough that
  the stock reaches the reorder point plus `target cover` days of demand (so
  what arrives after the lead time still covers the target), at least the
  minimum order, rounded up to the pack size.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

SAFETY_DAYS = 7
VELOCITY_DAYS = 30          # the default window
MAX_COVER_DAYS = 365
DEFAULT_LEAD_TIME_DAYS = 14
DEFAULT_TARGET_COVER_DAYS = 30
DEFAULT_DEAD_STOCK_DAYS = 90
MAX_WINDOW_DAYS = 730
DEFAULT_STOCK_ZONE = "+00:00"


@dataclass(frozen=True)
class ReorderSettings:
    """The shop-wide settings of these rules (shop_settings), read leniently: bad text means the default."""

    window_days: int = VELOCITY_DAYS
    dead_stock_days: int = DEFAULT_DEAD_STOCK_DAYS
    basis: str = "recent"                 # one of BASES
    history_start: date | None = None     # the local day of the shop's first order (for the last-year basis)

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], history_start: date | None = None) -> ReorderSettings:
        basis = (settings.get("reorder_basis") or "").strip()
        return cls(_days(settings.get("reorder_window_days"), VELOCITY_DAYS),
                   _days(settings.get("dead_stock_days"), DEFAULT_DEAD_STOCK_DAYS),
                   basis if basis in BASES else "recent", history_start)

    def uses_last_year(self, today: date) -> bool:
        """True when demand is read from last year's window: chosen, and the orders reach back to its first day."""
        return (self.basis == "last_year" and self.history_start is not None
                and self.history_start <= _a_year_before(today))


BASES = ("recent", "last_year")


def _a_year_before(day: date) -> date:
    # 29 February has no twin: the 28th stands in.
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def demand_window(today: date, settings: ReorderSettings) -> tuple[date, date]:
    """The local days whose sales are the demand: the recent window, or the coming weeks of last year."""
    if settings.uses_last_year(today):
        first = _a_year_before(today)
        return first, first + timedelta(days=settings.window_days - 1)
    return window(today, settings.window_days)


def _days(text: str | None, default: int) -> int:
    value = (text or "").strip()
    if not (value.isascii() and value.isdigit()):
        return default
    return int(value) if 1 <= int(value) <= MAX_WINDOW_DAYS else default


def window(today: date, days: int = VELOCITY_DAYS) -> tuple[date, date]:
    """First and last local day whose sales count towards the average."""
    return today - timedelta(days=days - 1), today


def velocity_window(today: date) -> tuple[date, date]:
    return window(today, VELOCITY_DAYS)


def stock_zone(order_zones: Iterable[str]) -> str:
    """The zone stock movements are dated in: the shop's most common order zone (ties: alphabetical)."""
    counts: dict[str, int] = {}
    for z in order_zones:
        counts[z] = counts.get(z, 0) + 1
    return min(counts, key=lambda z: (-counts[z], z)) if counts else DEFAULT_STOCK_ZONE


def selling_days(first: date, last: date, movements: Iterable[tuple[date, int]], sold_days: Collection[date],
                 *, tracked: bool, counted_from: date | None = None) -> int:
    """Days of [first, last] the SKU could sell: in stock at its start or its end, or sold that day anyway.

    `movements` are (local day, quantity) of every movement of the SKU; `tracked`
    says its ledger records sales (else every day counts); days before
    `counted_from` (its first stock count) count too, its level then unknown.
    """
    length = (last - first).days + 1
    if not tracked:
        return length
    level = 0
    net: dict[date, int] = {}
    for day, qty in movements:
        if day < first:
            level += qty
        elif day <= last:
            net[day] = net.get(day, 0) + qty
    count = 0
    for i in range(length):
        day = first + timedelta(days=i)
        end = level + net.get(day, 0)
        if level > 0 or end > 0 or day in sold_days or (counted_from is not None and day < counted_from):
            count += 1
        level = end
    return count


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def avg_daily_units(demand: int, days: int) -> Decimal:
    """The average as shown: demand ÷ selling days, to 2 places (half up); 0 with no selling day."""
    if days <= 0 or demand <= 0:
        return Decimal("0.00")
    return (Decimal(demand) / Decimal(days)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _scaled_safety(demand: int, days: int, safety_stock: int | None) -> int:
    """Safety stock × days (so it adds to demand × lead time over a common denominator)."""
    return demand * SAFETY_DAYS if safety_stock is None else safety_stock * days


def reorder_point(demand: int, days: int, lead_time_days: int | None, safety_stock: int | None,
                  set_point: int | None) -> int:
    if set_point is not None:
        return set_point
    lead = DEFAULT_LEAD_TIME_DAYS if lead_time_days is None else lead_time_days
    if days <= 0 or demand <= 0:
        return safety_stock or 0
    return _ceil_div(_scaled_safety(demand, days, safety_stock) + demand * lead, days)


def days_of_cover(on_hand: int, demand: int, days: int) -> int | None:
    if demand <= 0 or days <= 0:
        return None
    return min(MAX_COVER_DAYS, max(0, on_hand) * days // demand)


def stock_status(on_hand: int | None, point: int) -> str:
    """'unknown' when the shop was never told the SKU's stock (no count, no export with quantities): an
    uncounted SKU is not out of stock, and nothing is suggested to buy for it."""
    if on_hand is None:
        return "unknown"
    if on_hand <= 0:
        return "out"
    if on_hand <= point:
        return "low"
    return "ok"


def suggested_quantity(on_hand: int, point: int, demand: int, days: int, target_cover_days: int | None,
                       pack_size: int | None, min_order: int | None) -> int:
    """Units to buy now: 0 above the reorder point; else up to point + target cover, ≥ minimum, whole packs."""
    if on_hand > point:
        return 0
    target = DEFAULT_TARGET_COVER_DAYS if target_cover_days is None else target_cover_days
    cover = _ceil_div(demand * target, days) if demand > 0 and days > 0 else 0
    need = point + cover - max(0, on_hand)
    if need <= 0:
        return 0
    pack = pack_size if pack_size and pack_size > 0 else 1
    return _ceil_div(max(need, min_order or 0), pack) * pack


# Integer arithmetic in BIGINT; DuckDB's // truncates towards zero, so a ceiling of a
# non-negative x by d is (x + d - 1) // d (every operand here is at least 0 once demand is).
MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_ceil_div(a, b) AS"
    " CASE WHEN a >= 0 THEN (a + b - 1) // b ELSE -((-a) // b) END",
    "CREATE OR REPLACE TEMP MACRO sk_avg_daily(demand, days) AS CASE WHEN days > 0 AND demand > 0"
    " THEN CAST((demand::BIGINT * 200 + days) // (2 * days::BIGINT) AS DECIMAL(18,0)) * 0.01::DECIMAL(3,2)"
    " ELSE 0.00::DECIMAL(18,2) END",
    "CREATE OR REPLACE TEMP MACRO sk_reorder_point(demand, days, lead_time_days, safety_stock, set_point) AS"
    " CAST(coalesce(set_point, CASE WHEN days <= 0 OR demand <= 0 THEN coalesce(safety_stock, 0) ELSE"
    " sk_ceil_div(CASE WHEN safety_stock IS NULL THEN demand::BIGINT * " + str(SAFETY_DAYS) +
    " ELSE safety_stock::BIGINT * days END"
    f" + demand::BIGINT * coalesce(lead_time_days, {DEFAULT_LEAD_TIME_DAYS}), days::BIGINT) END) AS INTEGER)",
    "CREATE OR REPLACE TEMP MACRO sk_days_cover(on_hand, demand, days) AS CASE WHEN demand > 0 AND days > 0 THEN"
    f" CAST(least({MAX_COVER_DAYS}, greatest(0, on_hand)::BIGINT * days // demand) AS INTEGER) END",
    "CREATE OR REPLACE TEMP MACRO sk_stock_status(on_hand, point) AS"
    " CASE WHEN on_hand IS NULL THEN 'unknown' WHEN on_hand <= 0 THEN 'out' WHEN on_hand <= point THEN 'low' ELSE 'ok' END",
    "CREATE OR REPLACE TEMP MACRO sk_suggested_qty(on_hand, point, demand, days, target_cover_days, pack_size,"
    " min_order) AS CAST(CASE WHEN on_hand > point THEN 0 ELSE list_transform(["
    " point::BIGINT - greatest(0, on_hand) + CASE WHEN demand > 0 AND days > 0 THEN sk_ceil_div(demand::BIGINT *"
    f" coalesce(target_cover_days, {DEFAULT_TARGET_COVER_DAYS}), days::BIGINT) ELSE 0 END], lambda need:"
    " CASE WHEN need <= 0 THEN 0 ELSE sk_ceil_div(greatest(need, coalesce(min_order, 0)),"
    " CASE WHEN pack_size > 0 THEN pack_size ELSE 1 END) * CASE WHEN pack_size > 0 THEN pack_size ELSE 1 END"
    " END)[1] END AS INTEGER)",
)

# The sold lines of SKUs on the local days [first_day, last_day], for the macros here and in sku_status.py.
SOLD_LINES = """
    FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id)
    WHERE sk_is_sold(o.status)
      -- a cheap bound on the instant first (±2 days covers any order offset and session zone), then the exact local day
      AND o.ordered_at >= CAST(first_day AS DATE) - INTERVAL 2 DAY
      AND o.ordered_at < CAST(last_day AS DATE) + INTERVAL 3 DAY
      AND sk_order_day(o.ordered_at, o.ordered_tz) BETWEEN first_day AND last_day"""

TABLE_MACROS = (
    # Units sold per SKU on the local days [first_day, last_day]: the demand of the rules above.
    f"""CREATE OR REPLACE TEMP MACRO sk_units_sold(first_day, last_day) AS TABLE
    SELECT l.sku, sum(l.quantity - l.refunded_quantity)::BIGINT AS units {SOLD_LINES}
    GROUP BY l.sku""",
    # The local day of a stock movement: in the shop's most common order zone.
    f"""CREATE OR REPLACE TEMP MACRO sk_stock_day(moved_at) AS sk_order_day(moved_at, coalesce(
        (SELECT ordered_tz FROM orders GROUP BY ordered_tz ORDER BY count(*) DESC, ordered_tz LIMIT 1),
        '{DEFAULT_STOCK_ZONE}'))""",
    # Selling days in [first_day, last_day] of each SKU whose ledger records its sales; others: every day.
    f"""CREATE OR REPLACE TEMP MACRO sk_selling_days(first_day, last_day) AS TABLE
    WITH counted AS (SELECT sku, sk_stock_day(min(counted_at)) AS counted_from FROM stock_snapshots GROUP BY sku),
    older AS (SELECT DISTINCT sku FROM stock_movements WHERE reason = 'sale'
              AND sku NOT IN (SELECT sku FROM stock_snapshots)),
    tracked AS (SELECT sku, counted_from FROM counted UNION ALL SELECT sku, NULL::DATE FROM older),
    moves AS (SELECT m.sku, sk_stock_day(m.occurred_at) AS day, m.quantity
              FROM stock_movements m SEMI JOIN older t ON t.sku = m.sku
              UNION ALL
              -- from each SKU's last count at least two days before the window (its level then known)
              SELECT sku, sk_stock_day(occurred_at), change
              FROM sk_stock_ledger(NULL, CAST(first_day AS DATE) - INTERVAL 2 DAY)),
    opening AS (SELECT t.sku, coalesce(sum(m.quantity) FILTER (WHERE m.day < CAST(first_day AS DATE)), 0) AS level
                FROM tracked t LEFT JOIN moves m ON m.sku = t.sku GROUP BY t.sku),
    net AS (SELECT sku, day, sum(quantity) AS qty FROM moves
            WHERE day BETWEEN CAST(first_day AS DATE) AND CAST(last_day AS DATE) GROUP BY sku, day),
    sold AS (SELECT DISTINCT l.sku, sk_order_day(o.ordered_at, o.ordered_tz) AS day {SOLD_LINES}),
    grid AS (SELECT t.sku, CAST(r.d AS DATE) AS day FROM tracked t,
             range(CAST(first_day AS DATE), CAST(last_day AS DATE) + 1, INTERVAL 1 DAY) r(d)),
    levels AS (SELECT g.sku, g.day, op.level + coalesce(sum(coalesce(n.qty, 0)) OVER (PARTITION BY g.sku ORDER BY g.day
                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start_level, coalesce(n.qty, 0) AS net_qty
               FROM grid g JOIN opening op ON op.sku = g.sku LEFT JOIN net n ON n.sku = g.sku AND n.day = g.day)
    SELECT lv.sku,
           count(*) FILTER (WHERE lv.start_level > 0 OR lv.start_level + lv.net_qty > 0 OR s.sku IS NOT NULL
                            OR lv.day < t.counted_from)::INTEGER AS days
    FROM levels lv JOIN tracked t ON t.sku = lv.sku LEFT JOIN sold s ON s.sku = lv.sku AND s.day = lv.day
    GROUP BY lv.sku""",
)
