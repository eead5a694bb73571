"""Which members are new, active, slipping away or gone.

From a member's sold orders (order_status.SOLD) on their local days:
  new      no sold order yet
  lapsed   more than LAPSED_DAYS days since the last one
  at_risk  at least two orders, and the days since the last exceed
           AT_RISK_FACTOR × their usual gap ((last − first) ÷ (orders − 1))
  active   everyone else

A member of status new whose platform's customers export says they placed orders the shop does not hold
(domain/platform_totals.py) is `not_imported`: "no orders yet" would not be true, and their status is
unknown until the orders are imported (`member_status`).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

LAPSED_DAYS = 180
AT_RISK_FACTOR = Fraction(3, 2)
SEGMENTS = ("new", "active", "at_risk", "lapsed")
NOT_IMPORTED = "not_imported"
# Win-back candidates: people who used to come back and stopped.
WIN_BACK = ("at_risk", "lapsed")


def segment(orders: int, first_day: date | None, last_day: date | None, today: date) -> str:
    if orders <= 0 or first_day is None or last_day is None:
        return "new"
    since = (today - last_day).days
    if since > LAPSED_DAYS:
        return "lapsed"
    # since > 1.5 × span / (orders − 1), compared in integers: 2·since·(orders − 1) > 3·span.
    span = (last_day - first_day).days
    if orders >= 2 and since * AT_RISK_FACTOR.denominator * (orders - 1) > AT_RISK_FACTOR.numerator * span:
        return "at_risk"
    return "active"


def member_status(orders: int, first_day: date | None, last_day: date | None, today: date,
                  orders_not_imported: int = 0) -> str:
    """The member's segment, or NOT_IMPORTED where it is new only because their orders are not imported."""
    status = segment(orders, first_day, last_day, today)
    return NOT_IMPORTED if status == "new" and orders_not_imported > 0 else status


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_segment(orders, first_day, last_day, today) AS CASE"
    " WHEN coalesce(orders, 0) <= 0 OR first_day IS NULL OR last_day IS NULL THEN 'new'"
    f" WHEN date_diff('day', last_day, CAST(today AS DATE)) > {LAPSED_DAYS} THEN 'lapsed'"
    " WHEN orders >= 2 AND date_diff('day', last_day, CAST(today AS DATE))::BIGINT"
    f"  * {AT_RISK_FACTOR.denominator} * (orders - 1)"
    f"  > {AT_RISK_FACTOR.numerator} * date_diff('day', first_day, last_day)::BIGINT THEN 'at_risk'"
    " ELSE 'active' END",
    "CREATE OR REPLACE TEMP MACRO sk_member_status(orders, first_day, last_day, today, not_imported) AS CASE"
    f" WHEN coalesce(not_imported, 0) > 0 AND sk_segment(orders, first_day, last_day, today) = 'new'"
    f" THEN '{NOT_IMPORTED}' ELSE sk_segment(orders, first_day, last_day, today) END",
)
