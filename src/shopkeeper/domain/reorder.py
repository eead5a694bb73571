"""When to reorder a SKU and how long its stock lasts.

Velocity is the units sold (order_status.SOLD, less refunded units) over the
last 30 local days, today included, divided by 30. Reorder point = velocity ×
(lead time + SAFETY_DAYS), rounded up, unless the seller set one. Days of cover
= on hand ÷ velocity, negative stock counted as 0, capped at a year; a SKU that
sold nothing in 30 days has no figure (not infinity).
"""

from __future__ import annotations

from datetime import date, timedelta

SAFETY_DAYS = 7
VELOCITY_DAYS = 30
MAX_COVER_DAYS = 365
DEFAULT_LEAD_TIME_DAYS = 14


def velocity_window(today: date) -> tuple[date, date]:
    """First and last local day whose sales count towards velocity."""
    return today - timedelta(days=VELOCITY_DAYS - 1), today


def reorder_point(sold_30d: int, lead_time_days: int | None, set_point: int | None) -> int:
    if set_point is not None:
        return set_point
    lead = DEFAULT_LEAD_TIME_DAYS if lead_time_days is None else lead_time_days
    # Integer ceiling of sold × (lead + safety) / 30: exact, no float rounding at the boundary.
    return -(-sold_30d * (lead + SAFETY_DAYS) // VELOCITY_DAYS)


def days_of_cover(on_hand: int, sold_30d: int) -> int | None:
    if sold_30d <= 0:
        return None
    return min(MAX_COVER_DAYS, max(0, on_hand) * VELOCITY_DAYS // sold_30d)


def stock_status(on_hand: int, point: int) -> str:
    if on_hand <= 0:
        return "out"
    if on_hand <= point:
        return "low"
    return "ok"


MACROS = (
    # DuckDB's // truncates towards zero: a ceiling of a non-negative x is (x + 29) // 30.
    "CREATE OR REPLACE TEMP MACRO sk_units_over_lead(sold_30d, lead_time_days) AS"
    f" sold_30d::BIGINT * (coalesce(lead_time_days, {DEFAULT_LEAD_TIME_DAYS}) + {SAFETY_DAYS})",
    "CREATE OR REPLACE TEMP MACRO sk_reorder_point(sold_30d, lead_time_days, set_point) AS"
    " coalesce(set_point, CAST(list_transform([sk_units_over_lead(sold_30d, lead_time_days)], lambda x:"
    f" CASE WHEN x >= 0 THEN (x + {VELOCITY_DAYS - 1}) // {VELOCITY_DAYS} ELSE x // {VELOCITY_DAYS} END)[1]"
    " AS INTEGER))",
    "CREATE OR REPLACE TEMP MACRO sk_days_cover(on_hand, sold_30d) AS CASE WHEN sold_30d > 0 THEN"
    f" CAST(least({MAX_COVER_DAYS}, greatest(0, on_hand)::BIGINT * {VELOCITY_DAYS} // sold_30d) AS INTEGER) END",
    "CREATE OR REPLACE TEMP MACRO sk_stock_status(on_hand, point) AS"
    " CASE WHEN on_hand <= 0 THEN 'out' WHEN on_hand <= point THEN 'low' ELSE 'ok' END",
)

TABLE_MACROS = (
    # Units sold per SKU on the local days [first_day, last_day]: the basis of velocity.
    """CREATE OR REPLACE TEMP MACRO sk_units_sold(first_day, last_day) AS TABLE
    SELECT l.sku, sum(l.quantity - l.refunded_quantity)::BIGINT AS units
    FROM order_lines l JOIN orders o USING (shop_id, order_id)
    WHERE sk_is_sold(o.status) AND l.sku IS NOT NULL
      -- a cheap bound on the instant first (±2 days covers any order offset and session zone), then the exact local day
      AND o.ordered_at >= CAST(first_day AS DATE) - INTERVAL 2 DAY
      AND o.ordered_at < CAST(last_day AS DATE) + INTERVAL 3 DAY
      AND sk_order_day(o.ordered_at, o.ordered_tz) BETWEEN first_day AND last_day
    GROUP BY l.sku""",
)
