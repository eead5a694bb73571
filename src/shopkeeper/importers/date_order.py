"""Which way a report writes its slash dates: 25/11/2026 (day first) or 11/25/2026 (month first).

Amazon's ad consoles write dates the way the marketplace does: Amazon.com
`11/25/2026`, Amazon.in `25/11/2026`. A date like `03/04/2026` reads both ways, so
the order is decided once per file, never per cell:

* some first number above 12 (`25/11/2026`): day first;
* some second number above 12 (`11/25/2026`): month first;
* both in one file: refused, the file contradicts itself;
* neither: the report's marketplace decides (rupees, INR, ₹ or Rs.: day first, as
  Amazon.in writes; US dollars: month first, as Amazon.com writes); a report that
  names neither is refused as ambiguous rather than read the wrong way round.

A reader declares its date fields as text and reads them through `timestamp_sql`
with the order `slash_order` found; other shapes (`2026-11-25`, `Nov 25, 2026`)
read as everywhere else (normalise_sql.sk_ts).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from shopkeeper.domain.messages import Message
from shopkeeper.importers.context import TYPED, ImportContext, Refused, q

# d/m/y or m/d/y, a two- or four-digit year, maybe a time after it.
SLASH_DATE = r"^\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(\s.*)?$"


class DateOrder(StrEnum):
    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


def decide(first_above_12: bool, second_above_12: bool, marketplace: DateOrder | None,
           example: str | None = None) -> DateOrder:
    """The rule itself: what the values say, else the marketplace, else refused."""
    if first_above_12 and second_above_12:
        raise Refused(Message("import.refused.date_order_mixed"))
    if first_above_12:
        return DateOrder.DAY_FIRST
    if second_above_12:
        return DateOrder.MONTH_FIRST
    if marketplace is None:
        raise Refused(Message("import.refused.date_order_ambiguous", {"example": example or ""}))
    return marketplace


def slash_order(ctx: ImportContext, fields: Sequence[str], marketplace: DateOrder | None) -> DateOrder | None:
    """The order of the file's slash dates in these (text) fields; None when it writes none."""
    present = [f for f in fields if ctx.has(f)]
    if not present:
        return None
    values = f"SELECT unnest([{', '.join(q(f) for f in present)}]) AS v FROM {TYPED}"
    row = ctx.run(f"""
        SELECT bool_or(CAST(regexp_extract(v, '{SLASH_DATE}', 1) AS INTEGER) > 12),
               bool_or(CAST(regexp_extract(v, '{SLASH_DATE}', 2) AS INTEGER) > 12),
               min(v)
        FROM ({values}) WHERE regexp_matches(v, '{SLASH_DATE}')""").fetchone()
    if row is None or row[2] is None:
        return None
    return decide(bool(row[0]), bool(row[1]), marketplace, str(row[2]))


def timestamp_sql(ctx: ImportContext, field: str, order: DateOrder | None) -> str:
    """SQL: the field's instant (the shop's zone where the cell names none); NULL without the field."""
    if not ctx.has(field):
        return "CAST(NULL AS TIMESTAMPTZ)"
    text = q(field)
    if order is DateOrder.DAY_FIRST:
        # sk_ts reads slashes month first: swap day and month and it reads them right
        text = f"regexp_replace({text}, '^\\s*(\\d{{1,2}})/(\\d{{1,2}})/', '\\2/\\1/')"
    return f"sk_ts({text}, $zone)"


def reject_unreadable(ctx: ImportContext, fields: Sequence[str], order: DateOrder | None) -> None:
    """A date cell written but not a date is a listed reject, as staging lists other unreadable cells."""
    for f in fields:
        if ctx.has(f):
            ctx.reject(f"{q(f)} IS NOT NULL AND {timestamp_sql(ctx, f, order)} IS NULL", field=f,
                       reason="reject.not_a_date_time")
