"""Writing the rows of an advertising or traffic report into `ad_stats` / `traffic_stats`.

Every ad and traffic reader (platforms/ad_reports.py, platforms/traffic_reports.py, a saved
column mapping) turns its file into the same columns with one SELECT over `_sk_rows` and hands it
here, so what a row's identity is, how a report imported twice merges and how rows of one
identity inside one file add up is decided once:

* `stat_id` is the md5 of the row's identifying parts: report, channel, day or period,
  campaign, ad group, SKU / product, search term and whatever else the report keys its rows by
  (targeting, match type, scene). The same report imported again therefore updates its rows;
  nothing is added.
* A report without a date (Amazon's Business Report by child ASIN, eBay's advertising sales
  report) covers the range the seller chose when downloading, which the file does not say. Its
  rows are dated on the day the file was written and keyed without that day: the newer download
  of the same product replaces the older one instead of being added to it, so nothing is counted
  twice.
* Rows of one identity inside one file (eBay writes one row per attributed sale; a search term
  report may repeat a term under two targetings it did not export) are summed, so the stored
  figures still add up to the file's totals.

Ratios the reports carry (ACoS, ROAS, CTR, conversion rates) are never read: they are derived
from the summed counts (money-traffic-formats.md §1.5; services/ad_performance.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopkeeper.domain.messages import Message
from shopkeeper.importers.context import ImportContext, q
from shopkeeper.importers.normalise_sql import sql_literal

# What a reader's SELECT must produce (besides `_row` and `_key`, the extra identifying text).
AD_COLUMNS = ("day", "period_start", "period_end", "channel", "campaign", "ad_group", "sku", "product_ref",
              "search_term", "impressions", "clicks", "spend", "currency", "orders", "units", "sales")
TRAFFIC_COLUMNS = ("day", "period_start", "period_end", "sku", "product_ref", "title", "sessions", "page_views",
                   "orders", "units", "sales", "currency")

_AD_SUMS = ("impressions", "clicks", "spend", "orders", "units", "sales")
_TRAFFIC_SUMS = ("sessions", "page_views", "orders", "units", "sales")
_AD_IDENTITY = ("channel", "campaign", "ad_group", "sku", "product_ref", "search_term")
_TRAFFIC_IDENTITY = ("sku", "product_ref")


@dataclass(frozen=True)
class Target:
    table: str
    columns: tuple[str, ...]
    sums: tuple[str, ...]
    identity: tuple[str, ...]


ADS = Target("ad_stats", AD_COLUMNS, _AD_SUMS, _AD_IDENTITY)
TRAFFIC = Target("traffic_stats", TRAFFIC_COLUMNS, _TRAFFIC_SUMS, _TRAFFIC_IDENTITY)


def col(ctx: ImportContext, name: str, default: str = "NULL") -> str:
    """The field's column when the file has it, else `default` (SQL)."""
    return q(name) if ctx.has(name) else default


def first_of(ctx: ImportContext, *names: str, default: str = "NULL") -> str:
    """coalesce() of the fields of these names the file has (SQL)."""
    present = [q(n) for n in names if ctx.has(n)]
    if not present:
        return default
    return present[0] if len(present) == 1 else f"coalesce({', '.join(present)})"


def local_day(ctx: ImportContext, name: str) -> str:
    """The calendar day a date cell names, in the platform's zone (SQL; NULL without the field)."""
    return f"CAST(timezone($zone, {q(name)}) AS DATE)" if ctx.has(name) else "NULL::DATE"


def file_day(ctx: ImportContext) -> str:
    """The day the file was written, for reports that do not say their dates (SQL literal)."""
    if ctx.exported_at is not None:
        return f"CAST(timezone($zone, TIMESTAMPTZ '{ctx.exported_at.isoformat()}') AS DATE)"
    return "CAST(timezone($zone, current_timestamp) AS DATE)"


def currency_of(ctx: ImportContext, *money_fields: str) -> str:
    """The currency column, else the currency written in a money cell, else the shop's (SQL)."""
    parts = [q("currency")] if ctx.has("currency") else []
    parts += [q(f + "__cur") for f in money_fields if ctx.has(f)]
    return f"upper(coalesce({', '.join([*parts, '$currency'])}))"


def reject_common(ctx: ImportContext, *, amount: str | None, counts: Sequence[str] = (),
                  dated: str | None = None) -> None:
    """The rejects every report shares: a row without its money, its counts, or its date."""
    if amount is not None and ctx.has(amount):
        ctx.reject(f"{q(amount)} IS NULL AND NOT _bad", field=amount, reason="reject.missing_amount")
    present = [c for c in counts if ctx.has(c)]
    if present:
        ctx.reject(" AND ".join(f"{q(c)} IS NULL" for c in present) + " AND NOT _bad", field=present[0],
                   reason="reject.missing_sessions")
    if dated is not None and ctx.has(dated):
        ctx.reject(f"{q(dated)} IS NULL AND NOT _bad", field=dated, reason="reject.missing_date")


def write_rows(ctx: ImportContext, target: Target, select_sql: str, *, report: str, dated: bool) -> None:
    """Stage `select_sql` (over `_sk_rows`: `_row`, `_key` and the target's columns) and merge it.

    `dated`: False when the report gives no dates (the period is the file's day, left out of the key).
    """
    ctx.accept()
    ctx.step(Message("progress.sorting_money"), 0.55)
    ctx.create("_sk_stat_in", select_sql)
    period = "coalesce(CAST(day AS VARCHAR), CAST(period_start AS VARCHAR) || '~' || CAST(period_end AS VARCHAR))"
    report_sql = sql_literal(report)  # the reader's own constant, never file text
    parts = ", ".join([report_sql, period if dated else "''", *(f"coalesce({q(c)}, '')" for c in target.identity),
                       "coalesce(_key, '')"])
    ctx.create("_sk_stat_keyed", f"SELECT md5(concat_ws('|', {parts})) AS stat_id, * FROM _sk_stat_in")
    ctx.map_rows(target.table, "SELECT _row, $shop AS shop_id, stat_id FROM _sk_stat_keyed")
    plain = [c for c in target.columns if c not in target.sums]
    sums = ", ".join(f"sum({q(c)}) AS {q(c)}" for c in target.sums)
    keep = ", ".join(f"any_value({q(c)}) AS {q(c)}" for c in plain)
    ctx.create(f"_sk_{target.table}", f"""
        SELECT $shop AS shop_id, stat_id, {keep}, {sums}, {report_sql} AS report
        FROM _sk_stat_keyed GROUP BY stat_id""")
    ctx.release_source()
    ctx.step(Message("progress.saving_money"), 0.8)
    ctx.upsert(target.table, f"_sk_{target.table}")
