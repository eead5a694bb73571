"""Channels and ads: spend, ad-attributed sales, ROAS, ACoS, TACoS and break-even per channel, campaign or SKU;
conversion per product and the products with many sessions and few orders.

Every figure is summed from sk_ad_rows() / sk_traffic_rows() and the shop's sales (sk_sales(),
sk_sold_sku_lines()), and every ratio derived with the macros of domain/ad_performance.py.
Money stays in the currency the report was in: a campaign in INR is compared with the shop's
INR sales, never converted behind the seller's back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from shopkeeper.db.database import Database
from shopkeeper.domain.ad_performance import MAX_PCT_KEY, MIN_SESSIONS_KEY, ConversionSettings
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.edits import edit_cells

Level = Literal["channel", "campaign", "sku"]
LEVELS: tuple[Level, ...] = ("channel", "campaign", "sku")

_GROUP: Mapping[Level, tuple[str, ...]] = {
    "channel": ("channel",),
    "campaign": ("channel", "campaign"),
    # an ad row nothing maps to a SKU still counts, under the product id the report gave
    "sku": ("channel", "sku", "product_ref"),
}


@dataclass(frozen=True)
class AdFigures:
    shop_id: str
    channel: str
    campaign: str | None
    sku: str | None
    product_ref: str | None
    month: date | None
    currency: str
    first_day: date
    last_day: date
    impressions: int
    clicks: int
    spend: Decimal
    sales: Decimal
    orders: int
    roas: Decimal | None
    acos: Decimal | None
    all_sales: Decimal | None      # every sale of the same shop (or SKU) and currency in the period
    tacos: Decimal | None
    margin: Decimal | None         # margin before ads (None: a cost is unknown)
    break_even_roas: Decimal | None
    below_break_even: bool


def ad_figures(db: Database, level: Level = "campaign", *, first: date | None = None, last: date | None = None,
               platform: str | None = None, monthly: bool = False) -> list[AdFigures]:
    """One row per shop, currency and `level` group (and month when `monthly`), most spend first."""
    group = _GROUP[level]
    keys = ", ".join(("shop_id", *group, "currency", *(("month",) if monthly else ())))
    month = "date_trunc('month', coalesce(day, period_start))::DATE" if monthly else "NULL::DATE"
    sku_scope = "AND l.sku = g.sku" if level == "sku" else ""
    all_sales = ("(SELECT sum(l.revenue) FROM sk_sold_sku_lines() l WHERE l.shop_id = g.shop_id "
                 f"AND l.currency = g.currency {sku_scope} AND l.day BETWEEN g.first_day AND g.last_day)"
                 if level == "sku" else
                 "(SELECT sum(d.net) FROM daily d WHERE d.shop_id = g.shop_id AND d.currency = g.currency "
                 "AND d.day BETWEEN g.first_day AND g.last_day)")
    sql = f"""
    WITH picked AS (
        SELECT a.*, {month} AS month FROM sk_ad_rows() a
        WHERE ($first IS NULL OR coalesce(a.day, a.period_end) >= $first)
          AND ($last IS NULL OR coalesce(a.day, a.period_start) <= $last)
          AND ($platform IS NULL OR split_part(a.shop_id, ':', 1) = $platform)
    ),
    g AS (
        SELECT {keys}, min(period_start) AS first_day, max(period_end) AS last_day,
               coalesce(sum(impressions), 0)::BIGINT AS impressions, coalesce(sum(clicks), 0)::BIGINT AS clicks,
               sum(spend) AS spend, coalesce(sum(sales), 0) AS sales, coalesce(sum(orders), 0)::BIGINT AS orders,
               list(DISTINCT sku) FILTER (WHERE sku IS NOT NULL) AS skus
        FROM picked GROUP BY ALL
    ),
    daily AS (SELECT shop_id, currency, day, sum(net) AS net FROM sk_sales() GROUP BY ALL),
    margins AS (SELECT * FROM sk_sku_margins()),
    shop_margin AS (
        SELECT shop_id, currency, sk_margin_before_ads(sum(revenue), sum(cogs), sum(fees)) AS margin
        FROM margins WHERE cogs IS NOT NULL GROUP BY ALL
    ),
    figured AS (
        SELECT g.*, {all_sales} AS all_sales,
               (SELECT CASE WHEN count(*) = count(m.cogs)
                            THEN sk_margin_before_ads(sum(m.revenue), sum(m.cogs), sum(m.fees)) END
                FROM margins m WHERE m.shop_id = g.shop_id AND m.currency = g.currency
                  AND list_contains(g.skus, m.sku)) AS sku_margin,
               (SELECT count(*) FROM margins m WHERE m.shop_id = g.shop_id AND m.currency = g.currency
                  AND list_contains(g.skus, m.sku)) AS sold_skus,
               (SELECT s.margin FROM shop_margin s WHERE s.shop_id = g.shop_id AND s.currency = g.currency)
                  AS shop_margin
        FROM g
    )
    SELECT shop_id, channel, {'campaign' if 'campaign' in group else 'NULL'},
           {'sku' if 'sku' in group else 'NULL'}, {'product_ref' if 'product_ref' in group else 'NULL'},
           {'month' if monthly else 'NULL::DATE'}, currency, first_day, last_day, impressions, clicks, spend,
           sales, orders, sk_roas(sales, spend) AS roas, sk_acos(spend, sales) AS acos, all_sales,
           sk_ratio(spend, all_sales) AS tacos, margin, sk_break_even_roas(margin),
           sk_below_break_even(sk_roas(sales, spend), margin, spend)
    FROM (SELECT *, CASE WHEN sold_skus = 0 THEN shop_margin ELSE sku_margin END AS margin FROM figured)
    ORDER BY spend DESC, {keys}
    """
    rows = db.fetchall(sql, {"first": first, "last": last, "platform": platform})
    return [_ad_figures(row) for row in rows]


def _ad_figures(r: tuple[Any, ...]) -> AdFigures:
    def dec(v: Any) -> Decimal | None:  # noqa: ANN401 - a DuckDB value
        return None if v is None else Decimal(v)

    return AdFigures(
        shop_id=r[0], channel=r[1], campaign=r[2], sku=r[3], product_ref=r[4], month=r[5], currency=r[6],
        first_day=r[7], last_day=r[8], impressions=int(r[9]), clicks=int(r[10]), spend=Decimal(r[11]),
        sales=Decimal(r[12]), orders=int(r[13]), roas=dec(r[14]), acos=dec(r[15]), all_sales=dec(r[16]),
        tacos=dec(r[17]), margin=dec(r[18]), break_even_roas=dec(r[19]), below_break_even=bool(r[20]))


@dataclass(frozen=True)
class Conversion:
    shop_id: str
    sku: str | None
    product_ref: str | None
    title: str | None
    first_day: date
    last_day: date
    sessions: int
    page_views: int | None
    orders: int
    units: int | None
    conversion_rate: Decimal | None
    flagged: bool                  # many sessions, low conversion: the listing page may be the problem


def conversion_settings(db: Database) -> ConversionSettings:
    """The thresholds in force: kept with the inventory settings (one table of the seller's named settings)."""
    stored = db.fetchall("SELECT key, value FROM inventory_settings WHERE key IN (?, ?)", [MIN_SESSIONS_KEY, MAX_PCT_KEY])
    return ConversionSettings.from_settings({str(k): str(v) for k, v in stored})


def save_conversion_settings(db: Database, *, who: str, min_sessions: int, max_pct: Decimal) -> CommandResult:
    """Change the thresholds as one undoable change set; a value back at its default removes its row."""
    if min_sessions < 1 or not 0 <= max_pct <= 100:
        raise ChangeRefused(Message("edit.refused.conversion_threshold",
                                    {"value": f"{min_sessions} / {max_pct}"}))
    defaults = ConversionSettings()
    current = conversion_settings(db)
    edits = []
    for key, value, now, default in ((MIN_SESSIONS_KEY, str(min_sessions), str(current.min_sessions),
                                      str(defaults.min_sessions)),
                                     (MAX_PCT_KEY, f"{max_pct.normalize():f}", f"{current.max_pct.normalize():f}",
                                      f"{defaults.max_pct.normalize():f}")):
        if value != now:
            edits.append(CellEdit("inventory_setting", key, "value", None if value == default else value))
    if not edits:
        return CommandResult(Changes())
    return edit_cells(db, edits, who=who, label=Message("change.edit.conversion_settings", {"count": len(edits)}))


def conversion(db: Database, *, first: date | None = None, last: date | None = None,
               platform: str | None = None, by_day: bool = False) -> list[Conversion]:
    """Per product (and day with `by_day`) where a traffic report has sessions; flagged ones first.

    A report of the whole shop's sessions (Amazon by date, Shopify sessions over time) gives rows
    with neither SKU nor product: the shop's own conversion.

    Orders are the report's own (Amazon order items, Shopify completed checkouts, paying buyers);
    where a report has none, the shop's sold orders of that SKU (or of the whole shop) in the period.
    """
    settings = conversion_settings(db)
    day = "coalesce(day, period_start)" if by_day else "NULL::DATE"
    rows = db.fetchall(f"""
    WITH picked AS (
        SELECT *, {day} AS bucket FROM sk_traffic_rows()
        WHERE ($first IS NULL OR coalesce(day, period_end) >= $first)
          AND ($last IS NULL OR coalesce(day, period_start) <= $last)
          AND ($platform IS NULL OR split_part(shop_id, ':', 1) = $platform)
    ),
    g AS (
        SELECT shop_id, coalesce(sku, product_ref) AS product, bucket, any_value(sku) AS sku,
               any_value(product_ref) AS product_ref, max(title) AS title, min(period_start) AS first_day,
               max(period_end) AS last_day, sum(sessions)::BIGINT AS sessions, sum(page_views)::BIGINT AS page_views,
               sum(orders)::BIGINT AS report_orders, count(orders) AS rows_with_orders, count(*) AS n,
               sum(units)::BIGINT AS units
        FROM picked GROUP BY shop_id, coalesce(sku, product_ref), bucket
    ),
    figured AS (
        SELECT g.*, CASE WHEN rows_with_orders = n THEN report_orders
            WHEN g.product IS NULL THEN (SELECT count(*) FROM sk_sales() s WHERE s.shop_id = g.shop_id
               AND s.day BETWEEN g.first_day AND g.last_day)
            ELSE (SELECT count(DISTINCT l.order_id) FROM sk_sold_sku_lines() l WHERE l.shop_id = g.shop_id
               AND l.sku = g.sku AND l.day BETWEEN g.first_day AND g.last_day) END AS orders
        FROM g
    )
    SELECT f.shop_id, f.sku, f.product_ref, coalesce(f.title, c.title), f.first_day, f.last_day, f.sessions,
           f.page_views, f.orders::BIGINT, f.units, sk_conversion_rate(f.orders, f.sessions) AS rate,
           sk_low_conversion(f.orders, f.sessions, $min_sessions, $max_pct) AS flagged
    FROM figured f LEFT JOIN (SELECT sku, any_value(title) AS title FROM sk_catalogue() GROUP BY sku) c USING (sku)
    WHERE f.sessions > 0
    ORDER BY flagged DESC, f.sessions DESC, f.product, f.bucket
    """, {"first": first, "last": last, "platform": platform, "min_sessions": settings.min_sessions,
          "max_pct": settings.max_pct})
    return [Conversion(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6]), r[7], int(r[8] or 0), r[9],
                       None if r[10] is None else Decimal(r[10]), bool(r[11])) for r in rows]
