"""What state a SKU is in for selling: active, delisted, seasonal or new; and whether it may be reordered.

The seller keeps per SKU (table sku_status, written by edits only):

* delisted: taken off sale on purpose. It gets no reorder suggestion, and a
  stock-update file lists it with quantity 0 (services/channel_stock.py): a
  platform keeps the last quantity it was sent for a row left out of the file,
  so leaving the SKU out would keep it for sale where the seller took it down.
* a season, as the first and last month it sells in (11–2 is November to
  February, wrapping over the new year; 5–5 is May alone). Out of season it
  gets no reorder suggestion, and the days of the averaging window that fall
  out of season do not count as days without demand (see `season_days`).
* marked new on a day: new for `new_days` days from that day.

A SKU never marked new is new for `new_days` days from the day it was first
seen (its first sale or its first stock movement), so a shop whose exports
start long ago does not see its whole catalogue as new.

One status is shown, the first that holds: delisted, seasonal (in or out of
its season: the season beside it says which), new, active.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from shopkeeper.domain.reorder import SOLD_LINES

ACTIVE = "active"
DELISTED = "delisted"
SEASONAL = "seasonal"
NEW = "new"
STATUSES = (ACTIVE, DELISTED, SEASONAL, NEW)

DEFAULT_NEW_DAYS = 30  # how long a SKU shows as new


def has_season(season_start: int | None, season_end: int | None) -> bool:
    return season_start is not None and season_end is not None


def in_season(month: int, season_start: int | None, season_end: int | None) -> bool:
    """Whether `month` (1..12) is in the season; a SKU with no season is always in season."""
    if season_start is None or season_end is None:
        return True
    if season_start <= season_end:
        return season_start <= month <= season_end
    return month >= season_start or month <= season_end


def is_new(marked_new_on: date | None, first_seen: date | None, today: date, new_days: int) -> bool:
    since = marked_new_on if marked_new_on is not None else first_seen
    return since is not None and since <= today < since + timedelta(days=new_days)


def sku_status(delisted: bool, season_start: int | None, season_end: int | None, marked_new_on: date | None,
               first_seen: date | None, today: date, new_days: int) -> str:
    if delisted:
        return DELISTED
    if has_season(season_start, season_end):
        return SEASONAL
    if is_new(marked_new_on, first_seen, today, new_days):
        return NEW
    return ACTIVE


def may_reorder(delisted: bool, season_start: int | None, season_end: int | None, today: date) -> bool:
    """Whether a reorder may be suggested today: not delisted, and in season."""
    return not delisted and in_season(today.month, season_start, season_end)


def season_selling_days(first: date, last: date, season_start: int | None, season_end: int | None,
                        sold_days: Collection[date]) -> int:
    """Days of [first, last] that count for the average: in season, or out of season with a sale that day.

    A day out of season with no sale is not a day nobody wanted the SKU; one
    that sold anyway still counts, so off-season sales do not inflate the
    average. With stock-outs too, reorder.py's selling days apply and the
    smaller of the two counts is taken (services/inventory.py).
    """
    count = 0
    day = first
    while day <= last:
        count += in_season(day.month, season_start, season_end) or day in sold_days
        day += timedelta(days=1)
    return count


def season_text(season_start: int | None, season_end: int | None) -> str | None:
    """'11–2'; None without a season."""
    return f"{season_start}–{season_end}" if has_season(season_start, season_end) else None


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_in_season(month, season_start, season_end) AS"
    " CASE WHEN season_start IS NULL OR season_end IS NULL THEN TRUE"
    " WHEN season_start <= season_end THEN month BETWEEN season_start AND season_end"
    " ELSE month >= season_start OR month <= season_end END",
    "CREATE OR REPLACE TEMP MACRO sk_is_new(marked_new_on, first_seen, today, new_days) AS"
    " coalesce(list_transform([CAST(coalesce(marked_new_on, first_seen) AS DATE)], lambda since:"
    " since <= CAST(today AS DATE) AND CAST(today AS DATE) < since + CAST(new_days AS INTEGER))[1], FALSE)",
    "CREATE OR REPLACE TEMP MACRO sk_sku_status(delisted, season_start, season_end, marked_new_on, first_seen,"
    f" today, new_days) AS CASE WHEN coalesce(delisted, FALSE) THEN '{DELISTED}'"
    f" WHEN season_start IS NOT NULL AND season_end IS NOT NULL THEN '{SEASONAL}'"
    f" WHEN sk_is_new(marked_new_on, first_seen, today, new_days) THEN '{NEW}' ELSE '{ACTIVE}' END",
    "CREATE OR REPLACE TEMP MACRO sk_may_reorder(delisted, season_start, season_end, today) AS"
    " NOT coalesce(delisted, FALSE) AND sk_in_season(month(CAST(today AS DATE)), season_start, season_end)",
    "CREATE OR REPLACE TEMP MACRO sk_season_text(season_start, season_end) AS"
    " CASE WHEN season_start IS NOT NULL AND season_end IS NOT NULL"
    " THEN season_start::VARCHAR || '–' || season_end::VARCHAR END",
)

TABLE_MACROS = (
    # Per SKU with a season: its days of [first_day, last_day] in season or with a sale (season_selling_days).
    f"""CREATE OR REPLACE TEMP MACRO sk_season_selling_days(first_day, last_day) AS TABLE
    WITH seasonal AS (SELECT sku, season_start, season_end FROM sku_status
                      WHERE season_start IS NOT NULL AND season_end IS NOT NULL),
    sold AS (SELECT DISTINCT l.sku, sk_order_day(o.ordered_at, o.ordered_tz) AS day {SOLD_LINES}
             AND l.sku IN (SELECT sku FROM seasonal)),
    grid AS (SELECT s.sku, s.season_start, s.season_end, CAST(r.d AS DATE) AS day FROM seasonal s,
             range(CAST(first_day AS DATE), CAST(last_day AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY) r(d))
    SELECT g.sku, count(*) FILTER (WHERE sk_in_season(month(g.day), g.season_start, g.season_end)
                                   OR sd.sku IS NOT NULL)::INTEGER AS days
    FROM grid g LEFT JOIN sold sd ON sd.sku = g.sku AND sd.day = g.day
    GROUP BY g.sku""",
)
