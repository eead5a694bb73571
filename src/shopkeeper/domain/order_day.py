"""The calendar day an order belongs to: the day on the seller's platform, not in UTC.

An order keeps its instant (`ordered_at`) and the UTC offset the platform wrote
(`ordered_tz`, '+08:00'). Its day is the date of that instant at that offset,
so a Taobao order at 00:30 Beijing time on 11 November counts for Double 11
whatever zone the computer is in. Every daily, monthly and "last 30 days"
figure uses this day.

Its hour is the hour of that local time, known only when the export gave a time:
some give the day alone (Etsy's and eBay's `Sale Date`: `orders.ordered_date_only`),
stored at the start of the day, and such an order has a day but no hour (not
midnight). Every figure by hour of the day reads `sk_order_hour`.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_OFFSET = re.compile(r"([+-])([0-9]{1,2})(?::?([0-9]{2}))?")


def offset_minutes(tz: str | None) -> int:
    """'+08:00' -> 480, '-04:30' -> -270, '+0530' -> 330; anything unreadable -> 0 (UTC)."""
    m = _OFFSET.fullmatch((tz or "").strip(" "))
    if m is None:
        return 0
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return -minutes if m.group(1) == "-" else minutes


def order_day(ordered_at: datetime, ordered_tz: str | None) -> date:
    return (ordered_at.astimezone(UTC) + timedelta(minutes=offset_minutes(ordered_tz))).date()


def order_hour(ordered_at: datetime, ordered_tz: str | None, date_only: bool | None) -> int | None:
    """The local hour of the day (0-23) the order was placed; None when its export gave only the date."""
    if date_only:
        return None
    return (ordered_at.astimezone(UTC) + timedelta(minutes=offset_minutes(ordered_tz))).hour


_SQL_OFFSET = "'^([+-])([0-9]{1,2})(?::?([0-9]{2}))?$'"

MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_offset_parts(tz) AS"
    f" regexp_extract(trim(tz), {_SQL_OFFSET}, ['sign', 'hours', 'minutes'])",
    "CREATE OR REPLACE TEMP MACRO sk_offset_minutes_parsed(tz) AS list_transform([sk_offset_parts(tz)], lambda p:"
    " coalesce(CASE WHEN p.hours <> '' THEN (CASE WHEN p.sign = '-' THEN -1 ELSE 1 END)"
    "  * (CAST(p.hours AS INTEGER) * 60 + coalesce(TRY_CAST(nullif(p.minutes, '') AS INTEGER), 0)) END, 0))[1]",
    # Importers always write '+08:00': read that shape with plain character tests (a regular expression
    # per order costs seconds on a million orders), anything else through the full rule.
    "CREATE OR REPLACE TEMP MACRO sk_offset_minutes(tz) AS CASE"
    " WHEN length(tz) = 6 AND tz[1] IN ('+', '-') AND tz[4] = ':'"
    "  AND tz[2] BETWEEN '0' AND '9' AND tz[3] BETWEEN '0' AND '9'"
    "  AND tz[5] BETWEEN '0' AND '9' AND tz[6] BETWEEN '0' AND '9'"
    " THEN (CASE WHEN tz[1] = '-' THEN -1 ELSE 1 END)"
    "  * ((ascii(tz[2]) - 48) * 600 + (ascii(tz[3]) - 48) * 60 + (ascii(tz[5]) - 48) * 10 + ascii(tz[6]) - 48)"
    " ELSE sk_offset_minutes_parsed(tz) END",
    # timezone('UTC', …) first: casting a TIMESTAMPTZ to DATE would use the session's zone.
    "CREATE OR REPLACE TEMP MACRO sk_order_day(ordered_at, ordered_tz) AS"
    " CAST(timezone('UTC', ordered_at) + to_minutes(sk_offset_minutes(ordered_tz)) AS DATE)",
    # NULL for an order whose export gave only the date (orders.ordered_date_only): it has no hour, not hour 0.
    "CREATE OR REPLACE TEMP MACRO sk_order_hour(ordered_at, ordered_tz, date_only) AS"
    " CASE WHEN NOT coalesce(date_only, FALSE)"
    "  THEN hour(timezone('UTC', ordered_at) + to_minutes(sk_offset_minutes(ordered_tz))) END",
)
