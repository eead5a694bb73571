"""ABC and XYZ classes of a SKU, and dead stock.

ABC ranks SKUs by revenue over the reorder window (domain/reorder.py): sorted by
revenue, highest first (ties by SKU), a SKU is A while the revenue of the SKUs
ranked above it is under 80 % of the total, B while under 95 %, else C (so the
SKU that crosses 80 % is still A, as Shopify counts it). A SKU's revenue is its
sold lines' total less the refunded units at their unit price (never below 0),
in the base currency with the seller's rates (domain/revenue.py). A bundle's
revenue is its parts' (the `revenue` of sk_sku_lines(), split as domain/bundles.py
says). A SKU with any sold line in a currency the seller gave no rate for has
unknown revenue (None, never 0: part of its money is not its money) and no class;
the SKUs whose revenue is known are ranked among themselves. Known but no
revenue at all: C.

XYZ is how steady demand is: the coefficient of variation (population standard
deviation ÷ mean) of the units sold in each of the last XYZ_WEEKS weeks (7-day
blocks counted back from today): X below 0.5, Y below 1.0, else Z; none when
nothing sold. Compared without a square root: with n weeks, S = Σ units and
Q = Σ units², CV < c ⟺ n·Q − S² < c²·S², exact in integers.

Dead stock: units on the shelf (on hand > 0) and nothing sold in the last
`dead_stock_days` (setting, default 90), unless Shopkeeper first knew it on the
shelf within those days (`sk_on_shelf_since`: its first stock movement, count or
sale): new, not dead. A SKU first seen in today's products export has had no
chance to sell yet, so it is not dead on the day it arrives. Its value is on
hand × cost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

A_SHARE = 80
B_SHARE = 95          # A's 80 % plus the next 15 %
XYZ_WEEKS = 12


def line_revenue(line_total: Decimal, unit_price: Decimal, refunded_quantity: int) -> Decimal:
    return max(Decimal(0), line_total - unit_price * refunded_quantity)


def abc_classes(revenue: Mapping[str, Decimal | None]) -> dict[str, str | None]:
    """Each SKU's class by its revenue (None: unknown, so is its class), ranked among the known ones."""
    known = {s: r for s, r in revenue.items() if r is not None}
    total = sum((r for r in known.values() if r > 0), Decimal(0))
    out: dict[str, str | None] = dict.fromkeys(revenue)
    before = Decimal(0)
    for sku in sorted(known, key=lambda s: (-known[s], s)):
        out[sku] = abc_class(before, known[sku], total)
        before += known[sku]
    return out


def abc_class(revenue_before: Decimal, revenue: Decimal, total: Decimal) -> str:
    if revenue <= 0 or total <= 0:
        return "C"
    if revenue_before * 100 < A_SHARE * total:
        return "A"
    if revenue_before * 100 < B_SHARE * total:
        return "B"
    return "C"


def xyz_class(weekly_units: Sequence[int]) -> str | None:
    n = len(weekly_units)
    s = sum(weekly_units)
    q = sum(u * u for u in weekly_units)
    return xyz_from_sums(n, s, q)


def xyz_from_sums(n: int, s: int, q: int) -> str | None:
    if s <= 0 or n <= 0:
        return None
    spread = n * q - s * s  # n² × variance
    if 4 * spread < s * s:
        return "X"
    if spread < s * s:
        return "Y"
    return "Z"


def is_dead_stock(on_hand: int, units_recent: int, first_stock_day: date | None, since_day: date) -> bool:
    """`since_day` is the first day of the dead-stock window; `units_recent` what sold from then on."""
    return on_hand > 0 and units_recent <= 0 and (first_stock_day is None or first_stock_day < since_day)


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_line_revenue(line_total, unit_price, refunded_quantity) AS"
    " greatest(0, line_total - unit_price * refunded_quantity)",
    "CREATE OR REPLACE TEMP MACRO sk_abc_class(revenue_before, revenue, total) AS CASE"
    f" WHEN revenue <= 0 OR total <= 0 THEN 'C' WHEN revenue_before * 100 < {A_SHARE} * total THEN 'A'"
    f" WHEN revenue_before * 100 < {B_SHARE} * total THEN 'B' ELSE 'C' END",
    "CREATE OR REPLACE TEMP MACRO sk_xyz_class(n, s, q) AS CASE WHEN s <= 0 OR n <= 0 THEN NULL"
    " WHEN 4 * (n::HUGEINT * q - s::HUGEINT * s) < s::HUGEINT * s THEN 'X'"
    " WHEN n::HUGEINT * q - s::HUGEINT * s < s::HUGEINT * s THEN 'Y' ELSE 'Z' END",
    "CREATE OR REPLACE TEMP MACRO sk_dead_stock(on_hand, units_recent, first_stock_day, since_day) AS"
    " on_hand > 0 AND coalesce(units_recent, 0) <= 0"
    " AND (first_stock_day IS NULL OR first_stock_day < CAST(since_day AS DATE))",
)

_LINES_IN = """FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id)
    WHERE sk_is_sold(o.status)
      AND o.ordered_at >= CAST(first_day AS DATE) - INTERVAL 2 DAY
      AND o.ordered_at < CAST(last_day AS DATE) + INTERVAL 3 DAY
      AND sk_order_day(o.ordered_at, o.ordered_tz) BETWEEN first_day AND last_day"""

TABLE_MACROS = (
    # sku, revenue (base currency), abc: every SKU sold in [first_day, last_day]; others are C. Revenue and
    # abc are NULL (unknown) for a SKU with a line in a currency without a rate; the known rank among themselves.
    f"""CREATE OR REPLACE TEMP MACRO sk_abc(first_day, last_day) AS TABLE
    WITH rev AS (
        SELECT l.sku, CASE WHEN bool_and(fx.rate IS NOT NULL) THEN coalesce(sum(sk_to_base(l.revenue, fx.rate)), 0) END
                   AS revenue
        {_LINES_IN.replace("WHERE", "LEFT JOIN sk_fx() fx ON fx.currency = l.currency WHERE", 1)}
        GROUP BY l.sku),
    ranked AS (
        SELECT sku, revenue,
               coalesce(sum(revenue) OVER (ORDER BY revenue DESC NULLS LAST, sku
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
               sum(greatest(revenue, 0)) OVER () AS total
        FROM rev)
    SELECT sku, revenue, CASE WHEN revenue IS NOT NULL THEN sk_abc_class(before, revenue, total) END AS abc
    FROM ranked""",
    # sku, n, s, q: the weekly sums behind XYZ over the `weeks` weeks ending on `today`.
    f"""CREATE OR REPLACE TEMP MACRO sk_weekly_demand(today, weeks) AS TABLE
    WITH per_week AS (
        SELECT l.sku, (CAST(last_day AS DATE) - sk_order_day(o.ordered_at, o.ordered_tz)) // 7 AS week,
               sum(l.quantity - l.refunded_quantity)::BIGINT AS units
        FROM (SELECT CAST(today AS DATE) - (weeks * 7 - 1)::INTEGER AS first_day, CAST(today AS DATE) AS last_day) w,
        {_LINES_IN.removeprefix("FROM ")}
        GROUP BY ALL)
    SELECT sku, weeks::BIGINT AS n, sum(units)::BIGINT AS s, sum(units * units)::HUGEINT AS q
    FROM per_week GROUP BY sku""",
    # sku, day: the local day of the first stock movement of each SKU whose ledger records its sales.
    """CREATE OR REPLACE TEMP MACRO sk_first_stock_day() AS TABLE
    SELECT sku, sk_stock_day(min(occurred_at)) AS day FROM stock_movements GROUP BY sku
    HAVING bool_or(reason = 'sale')""",
    # sku, day: the local day Shopkeeper first knew each SKU on the shelf: its first stock movement (in a ledger
    # that records its sales), its first count, or its first sale, whichever came first.
    """CREATE OR REPLACE TEMP MACRO sk_on_shelf_since() AS TABLE
    SELECT sku, min(day) AS day FROM (
        SELECT sku, day FROM sk_first_stock_day()
        UNION ALL SELECT sku, sk_stock_day(min(counted_at)) FROM stock_snapshots GROUP BY sku
        UNION ALL SELECT l.sku, min(sk_order_day(o.ordered_at, o.ordered_tz))
                  FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id) WHERE sk_is_sold(o.status)
                  GROUP BY l.sku)
    GROUP BY sku""",
)
