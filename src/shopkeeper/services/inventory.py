"""Listings & Inventory: what each SKU earns, how fast it sells, when to reorder and how much.

Average daily units, days of cover, the reorder point, the suggested quantity
and the stock status follow domain/reorder.py; ABC, XYZ and dead stock follow
domain/stock_classes.py; all through their SQL macros, over the window the
seller's inventory settings give (services/inventory_settings.py).

ABC is unknown (None) for a SKU some of whose sales have no exchange rate.

A bundle (domain/bundles.py) shows the sets sold as sets and the on hand its
parts allow; it has no reorder point, cover, suggestion or dead stock of its
own: its parts carry the demand and the stock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.domain.reorder import (
    DEFAULT_LEAD_TIME_DAYS,
    DEFAULT_TARGET_COVER_DAYS,
    ReorderSettings,
    demand_window,
    window,
)
from shopkeeper.domain.sku_status import DEFAULT_NEW_DAYS, STATUSES
from shopkeeper.domain.stock_classes import XYZ_WEEKS
from shopkeeper.services.bundles import BundlePart, bundle_parts, bundles_containing
from shopkeeper.services.inventory_settings import reorder_settings
from shopkeeper.services.listing_checks import PROBLEM_CODES_BY_SKU_SQL


def _inventory_sql(settings: ReorderSettings) -> str:
    """Every SKU with its figures; parameters: see `_params` (window, dead-stock window, today)."""
    return f"""
WITH profit AS (
    -- What each SKU kept over the recent window (domain/profit.py), in the SKU's own currency.
    SELECT p.sku, sum(sk_convert(p.net, p.currency, c.currency)) AS net, sum(p.units) AS units,
           sum(sk_convert(p.sales + p.shipping - p.discounts, p.currency, c.currency)) AS takings,
           bool_or(p.estimated) AS estimated
    FROM sk_profit() p JOIN sk_catalogue() c ON c.sku = p.sku
    WHERE p.day BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
    GROUP BY p.sku),
sales AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
selling AS (SELECT sku, days FROM sk_selling_days(CAST(? AS DATE), CAST(? AS DATE))),
revenue AS (SELECT sku, abc FROM sk_abc(CAST(? AS DATE), CAST(? AS DATE))),
recent AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
weekly AS (SELECT sku, sk_xyz_class(n, s, q) AS xyz FROM sk_weekly_demand(CAST(? AS DATE), {XYZ_WEEKS})),
arrived AS (SELECT sku, day FROM sk_first_stock_day()),
shelved AS (SELECT sku, day FROM sk_on_shelf_since()),
counted AS (SELECT sku FROM sk_counted_skus()),
bundled AS (SELECT sku, on_hand, counted FROM sk_bundle_on_hand()),
channels AS (
    -- the platforms listing it (by its SKU, or a listing of its product: domain/sku_links.py) or selling it
    -- (an SKU known from orders only is sold somewhere)
    SELECT sku, string_agg(DISTINCT platform, ', ' ORDER BY platform) AS platforms
    FROM (SELECT sku, split_part(shop_id, ':', 1) AS platform FROM sk_listed_skus()
          UNION SELECT DISTINCT sku, split_part(shop_id, ':', 1) FROM sk_sku_lines())
    GROUP BY sku
),
listing_problems AS ({PROBLEM_CODES_BY_SKU_SQL}),
tagged AS (SELECT sku, string_agg(tag, ', ' ORDER BY lower(tag)) AS tags FROM product_tags GROUP BY sku),
as_of AS (SELECT CAST(? AS DATE) AS today, CAST(? AS DATE) AS first_day, CAST(? AS DATE) AS last_day),
season_selling AS (SELECT sku, days FROM sk_season_selling_days(CAST(? AS DATE), CAST(? AS DATE))),
units_7d AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
units_30d AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
units_90d AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
first_sold AS (
    SELECT l.sku, sk_order_day(min(o.ordered_at), arg_min(o.ordered_tz, o.ordered_at)) AS day
    FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id) WHERE sk_is_sold(o.status) GROUP BY l.sku
),
price_range AS (
    -- In the SKU's own currency when it is listed in it, else the currency most of its listings use.
    SELECT pr.sku, pr.low, pr.high FROM sk_price_range() pr JOIN variants v USING (sku)
    QUALIFY row_number() OVER (PARTITION BY pr.sku ORDER BY pr.currency = v.currency DESC, pr.listings DESC,
                                                            pr.currency) = 1
),
base AS (
    SELECT v.sku,
           v.title AS product,
           v.option_text AS variant,
           c.platforms,
           v.price,
           v.cost,
           v.currency,
           CASE WHEN v.price > 0 AND v.cost IS NOT NULL
                THEN round((v.price - v.cost) * 100 / v.price, 1) END AS margin_pct,
           v.cost IS NULL AS cost_unknown,
           NOT v.in_variants AS order_only,
           bo.sku IS NOT NULL AS bundle,
           coalesce(bo.on_hand, s.on_hand, 0) AS on_hand,
           coalesce(bo.counted, cn.sku IS NOT NULL) AS stock_known,
           coalesce(sa.units, 0)::INTEGER AS sold_30d,
           greatest(coalesce(sa.units, 0), 0) AS demand,
           -- Days out of season are not days nobody wanted it (domain/sku_status.py).
           least(coalesce(sd.days, {int(settings.window_days)}), coalesce(ss.days, {int(settings.window_days)}))
               AS selling_days,
           coalesce(s.lead_time_days, {DEFAULT_LEAD_TIME_DAYS}) AS lead_time_days,
           s.reorder_point AS set_point, s.safety_stock, s.pack_size, s.min_order, s.target_cover_days,
           -- Not sold in the window: C. Sold, with some of its money in a currency without a rate: unknown.
           CASE WHEN r.sku IS NULL THEN 'C' ELSE r.abc END AS abc,
           w.xyz,
           bo.sku IS NULL AND sk_dead_stock(coalesce(s.on_hand, 0), re.units, sh.day, CAST(? AS DATE)) AS dead_stock,
           lp.problems,
           tg.tags,
           coalesce(u7.units, 0)::INTEGER AS units_7d, coalesce(u30.units, 0)::INTEGER AS units_30d,
           coalesce(u90.units, 0)::INTEGER AS units_90d,
           pr.low AS price_min, pr.high AS price_max,
           sk_sku_status(st.delisted, st.season_start, st.season_end, st.marked_new_on,
                         least(fs.day, ar.day), as_of.today, {DEFAULT_NEW_DAYS}) AS status,
           sk_season_text(st.season_start, st.season_end) AS season,
           sk_in_season(month(as_of.today), st.season_start, st.season_end) AS in_season,
           sk_may_reorder(st.delisted, st.season_start, st.season_end, as_of.today) AS may_reorder,
           CASE WHEN pf.units > 0 THEN CAST(round(pf.net / pf.units, 2) AS DECIMAL(18,2)) END AS net_per_unit,
           CASE WHEN pf.takings > 0 THEN round(pf.net * 100 / pf.takings, 1) END AS profit_margin_pct,
           coalesce(pf.estimated, FALSE) AS profit_estimated
    FROM sk_catalogue() v
    CROSS JOIN as_of
    LEFT JOIN stock_levels s USING (sku)
    LEFT JOIN sales sa USING (sku)
    LEFT JOIN selling sd USING (sku)
    LEFT JOIN revenue r USING (sku)
    LEFT JOIN recent re USING (sku)
    LEFT JOIN weekly w USING (sku)
    LEFT JOIN arrived ar USING (sku)
    LEFT JOIN shelved sh USING (sku)
    LEFT JOIN channels c USING (sku)
    LEFT JOIN listing_problems lp USING (sku)
    LEFT JOIN tagged tg USING (sku)
    LEFT JOIN units_7d u7 USING (sku)
    LEFT JOIN units_30d u30 USING (sku)
    LEFT JOIN units_90d u90 USING (sku)
    LEFT JOIN first_sold fs USING (sku)
    LEFT JOIN price_range pr USING (sku)
    LEFT JOIN sku_status st USING (sku)
    LEFT JOIN season_selling ss USING (sku)
    LEFT JOIN bundled bo USING (sku)
    LEFT JOIN counted cn USING (sku)
    LEFT JOIN profit pf USING (sku)
),
pointed AS (
    -- A bundle is bought as its parts: no reorder point, cover or suggestion of its own.
    SELECT *, CASE WHEN NOT bundle THEN sk_reorder_point(demand, selling_days, lead_time_days, safety_stock, set_point)
              END AS reorder_point
    FROM base
),
figured AS (
    SELECT *,
           sk_avg_daily(demand, selling_days) AS avg_daily,
           CASE WHEN NOT bundle AND stock_known THEN sk_days_cover(on_hand, demand, selling_days) END AS days_cover,
           -- A delisted SKU, or a seasonal one out of season, is not to be bought: never 'low', nothing to buy.
           CASE WHEN NOT stock_known THEN sk_stock_status(NULL, reorder_point)
                WHEN may_reorder THEN sk_stock_status(on_hand, reorder_point)
                WHEN on_hand <= 0 THEN 'out' ELSE 'ok' END AS stock_status,
           -- A bundle has no stock of its own to buy: its parts carry the demand. Nor has an uncounted SKU.
           CASE WHEN may_reorder AND NOT bundle AND stock_known THEN sk_suggested_qty(on_hand, reorder_point, demand, selling_days,
                                                                      target_cover_days, pack_size, min_order)
                ELSE 0 END AS suggested_qty
    FROM pointed
)
SELECT sku, product, variant, platforms, price, cost, currency, margin_pct, cost_unknown, order_only, on_hand,
       stock_known, sold_30d, lead_time_days,
       avg_daily, days_cover, reorder_point, stock_status, suggested_qty,
       CASE WHEN suggested_qty > 0 THEN suggested_qty * cost END AS order_value,
       abc, xyz, dead_stock,
       CASE WHEN dead_stock THEN on_hand * cost END AS dead_value,
       safety_stock, pack_size, min_order, target_cover_days, set_point IS NOT NULL AS point_set, selling_days,
       problems, units_7d, units_30d, units_90d, price_min, price_max, status, season, in_season, may_reorder, bundle,
       net_per_unit, profit_margin_pct, profit_estimated, tags
FROM figured
"""


def _params(today: date, settings: ReorderSettings) -> tuple[Any, ...]:
    # Demand (units, selling days) follows the chosen basis; ABC and dead stock always look at the recent days.
    first, last = demand_window(today, settings)
    recent_first, _ = window(today, settings.window_days)
    dead_first, _ = window(today, settings.dead_stock_days)
    return (recent_first, today, first, last, first, last, recent_first, today, dead_first, today, today,
            today, first, last, first, last, *window(today, 7), *window(today, 30), *window(today, 90),
            dead_first)


def _ranked_sql(settings: ReorderSettings) -> str:
    # Most urgent first: out of stock, then the ones to reorder, by fewest days of cover; last, those not to be
    # bought (delisted, out of season).
    return f"""
SELECT *, CASE WHEN NOT may_reorder THEN 3 WHEN stock_status = 'out' THEN 0 WHEN stock_status = 'low' THEN 1
               ELSE 2 END * 1000
          + coalesce(days_cover, 999) AS urgency
FROM ({_inventory_sql(settings)})
"""


INVENTORY_COLUMNS = (
    Column("sku", "text", searchable=True),
    Column("product", "text", searchable=True),
    Column("variant", "text", searchable=True),
    Column("stock_status", "status"),
    Column("status", "listing_status"),  # active / delisted / seasonal / new (domain/sku_status.py)
    Column("season", "text"),
    Column("tags", "text", searchable=True),  # the SKU's tags (services/product_tags.py), comma-separated
    Column("bundle", "flag"),  # made of other SKUs (services/bundles.py): its stock is its parts'.
    Column("problems", "badges"),  # listing problems' rule codes, comma-separated (services/listing_checks.py)
    Column("on_hand", "int", edit=("stock", "on_hand"), locked_by="bundle"),
    Column("days_cover", "int"),
    Column("sold_30d", "int"),
    Column("units_7d", "int"),
    Column("units_30d", "int"),
    Column("units_90d", "int"),
    Column("avg_daily", "decimal"),
    Column("reorder_point", "int", edit=("stock", "reorder_point")),
    Column("suggested_qty", "int"),
    Column("order_value", "money"),
    Column("abc", "text"),
    Column("xyz", "text"),
    Column("dead_stock", "flag"),
    Column("lead_time_days", "int", edit=("stock", "lead_time_days")),
    Column("safety_stock", "int", edit=("stock", "safety_stock")),
    Column("pack_size", "int", edit=("stock", "pack_size")),
    Column("min_order", "int", edit=("stock", "min_order")),
    Column("target_cover_days", "int", edit=("stock", "target_cover_days")),
    Column("price", "money", edit=("variant", "price")),
    Column("price_min", "money"),  # lowest and highest price of its platform listings (domain/listing_rules.py)
    Column("price_max", "money"),
    Column("cost", "money", edit=("variant", "cost")),
    Column("margin_pct", "pct"),
    # What a unit sold over the window kept after fees, ads, refunds and its cost (services/profit.py), and that
    # margin over what buyers paid; estimated: some of its orders have no settlement yet.
    Column("net_per_unit", "money"),
    Column("profit_margin_pct", "pct"),
    Column("profit_estimated", "flag"),
    Column("cost_unknown", "flag"),  # no cost yet: margin, order and stock values leave it out
    Column("order_only", "flag"),    # known from order lines only: no product export has it
    Column("currency", "text"),
    Column("platforms", "text"),
    Column("urgency", "int"),
)


def _figures(db: Database, today: date, settings: ReorderSettings) -> str:
    """Every SKU's figures, computed once per state of the shop (Database.kept_result): sorting, filtering and
    paging 100,000 SKUs, the summary, the reorder list and the reports then read that table instead of
    figuring every SKU again (benchmarks/inventory_table.py)."""
    return db.kept_result(_ranked_sql(settings), _params(today, settings))


def inventory_source(today: date, settings: ReorderSettings | None = None) -> TableSource:
    settings = settings or ReorderSettings()
    return TableSource(
        base_sql=_ranked_sql(settings),
        columns=INVENTORY_COLUMNS,
        default_sort="urgency",
        key_column="sku",
        filters={
            "needs_reorder": "stock_status IN ('low', 'out')",
            "out_of_stock": "stock_status = 'out'",
            "stock_unknown": "stock_status = 'unknown'",
            "to_buy": "suggested_qty > 0",
            "dead_stock": "dead_stock",
            "has_problems": "problems IS NOT NULL",
            **{f"status_{s}": f"status = '{s}'" for s in STATUSES},
            "out_of_season": "NOT in_season",
            "cost_unknown": "cost_unknown",
        },
        params=_params(today, settings),
        kept=True,
    )


def inventory_rows(db: Database, today: date, *, where: str = "TRUE", params: Sequence[object] = (),
                   order: str = "sku") -> list[dict[str, Any]]:
    """SKUs' figures as a dict per SKU (column name → value), for reports and exports.

    `where` and `order` are SQL over the output columns, written by the caller (never by the seller).
    """
    figures = _figures(db, today, reorder_settings(db))
    cur = db.execute(f"SELECT * FROM {figures} WHERE {where} ORDER BY {order}", list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def inventory_summary(db: Database, today: date) -> dict[str, Any]:
    settings = reorder_settings(db)
    figures = _figures(db, today, settings)
    row = db.fetchone(
        f"SELECT count(*), count(*) FILTER (WHERE stock_status = 'low'),"
        f" count(*) FILTER (WHERE stock_status = 'out'),"
        # A bundle's stock is its parts' stock, valued once, as the parts. Costs are in each SKU's own
        # currency, so the value is kept per currency: a yuan and a dollar are never added.
        f" (SELECT coalesce(list((currency, value) ORDER BY currency), []) FROM ("
        f"    SELECT currency, sum(greatest(on_hand, 0) * cost) AS value FROM {figures}"
        f"    WHERE NOT bundle AND cost IS NOT NULL AND on_hand > 0 GROUP BY currency)),"
        f" count(*) FILTER (WHERE suggested_qty > 0), count(*) FILTER (WHERE dead_stock),"
        f" count(*) FILTER (WHERE stock_status = 'unknown'),"
        f" count(*) FILTER (WHERE NOT bundle AND cost IS NULL AND on_hand > 0)"
        f" FROM {figures}"
    )
    skus, low, out, values, to_buy, dead, unknown, uncosted = row or (0, 0, 0, [], 0, 0, 0, 0)
    stock_values = {str(v[0]): Decimal(v[1]) for v in values}
    return {"skus": int(skus), "low": int(low), "out": int(out), "unknown": int(unknown),
            "stock_values": stock_values,
            # SKUs on the shelf whose cost nobody gave: the stock value leaves them out, and says so.
            "stock_without_cost": int(uncosted),
            "to_buy": int(to_buy), "dead": int(dead), "window_days": settings.window_days,
            "demand_basis": "last_year" if settings.uses_last_year(today) else "recent"}


@dataclass(frozen=True)
class ChannelListing:
    shop_id: str
    listing_id: str
    title: str
    price: Decimal | None
    currency: str | None
    status: str | None
    quantity: int | None
    channel_sku: str | None = None     # the SKU as this shop writes it (differs from the master's when linked)
    whole: bool = False                # a listing of its whole product (several variants): price "from", no quantity


@dataclass(frozen=True)
class PriceRange:
    """A SKU's lowest and highest price across the listings naming it in one currency (domain/listing_rules.py)."""
    currency: str
    low: Decimal
    high: Decimal
    listings: int


@dataclass(frozen=True)
class SkuDetail:
    """Everything the Listings detail panel shows for one SKU."""

    sku: str
    product: str
    variant: str | None
    price: Decimal | None
    cost: Decimal | None
    currency: str
    margin_pct: Decimal | None
    on_hand: int
    sold_30d: int                      # units sold over the window (window_days, not always 30)
    days_cover: int | None
    reorder_point: int | None          # what applies: the seller's own, else computed from sales
    reorder_point_set: bool            # False: computed from the window's sales
    lead_time_days: int
    stock_status: str
    channels: tuple[ChannelListing, ...]
    avg_daily: Decimal = Decimal("0.00")
    selling_days: int = 0
    window_days: int = 30
    suggested_qty: int = 0
    order_value: Decimal | None = None
    abc: str | None = "C"              # None: some of its sales are in a currency without a rate
    xyz: str | None = None
    dead_stock: bool = False
    dead_value: Decimal | None = None
    # The seller's reorder settings as set (None: the rule's default, shown beside them).
    safety_stock: int | None = None
    pack_size: int | None = None
    min_order: int | None = None
    target_cover_days: int | None = None
    last_year: bool = False            # the demand is the same window last year (reorder_basis)
    # For sale or not (domain/sku_status.py), recent sales, and the price range across its platform listings.
    status: str = "active"
    season: str | None = None
    in_season: bool = True
    may_reorder: bool = True
    units_7d: int = 0
    units_30d: int = 0
    units_90d: int = 0
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    # Every currency it is listed in, its own first: a yuan and a dollar price are never one range.
    price_ranges: tuple[PriceRange, ...] = ()
    bundle: bool = False                     # made of other SKUs: its stock is what its parts allow
    parts: tuple[BundlePart, ...] = ()       # a bundle's direct parts
    in_bundles: tuple[str, ...] = ()         # the bundles this SKU is a part of

    @property
    def target_cover_applied(self) -> int:
        return DEFAULT_TARGET_COVER_DAYS if self.target_cover_days is None else self.target_cover_days


def sku_detail(db: Database, sku: str, today: date) -> SkuDetail | None:
    rows = inventory_rows(db, today, where="sku = ?", params=[sku])
    if not rows:
        return None
    r = rows[0]
    settings = reorder_settings(db)
    channels = db.fetchall(
        "SELECT shop_id, listing_id, title, price, currency, status, quantity, channel_sku, whole FROM sk_listed_skus()"
        " WHERE sku = ? ORDER BY shop_id, listing_id",
        [sku],
    )
    ranges = db.fetchall(
        "SELECT currency, low, high, listings FROM sk_price_range() WHERE sku = ?"
        " ORDER BY currency = ? DESC, listings DESC, currency", [sku, r["currency"]])
    return SkuDetail(
        sku=r["sku"], product=r["product"], variant=r["variant"], price=r["price"], cost=r["cost"],
        currency=r["currency"], margin_pct=r["margin_pct"], on_hand=int(r["on_hand"]), sold_30d=int(r["sold_30d"]),
        days_cover=r["days_cover"], reorder_point=r["reorder_point"], reorder_point_set=bool(r["point_set"]),
        lead_time_days=int(r["lead_time_days"]), stock_status=r["stock_status"],
        channels=tuple(ChannelListing(*c) for c in channels),
        avg_daily=r["avg_daily"], selling_days=int(r["selling_days"]), window_days=settings.window_days,
        last_year=settings.uses_last_year(today),
        suggested_qty=int(r["suggested_qty"]), order_value=r["order_value"], abc=r["abc"], xyz=r["xyz"],
        dead_stock=bool(r["dead_stock"]), dead_value=r["dead_value"], safety_stock=r["safety_stock"],
        pack_size=r["pack_size"], min_order=r["min_order"], target_cover_days=r["target_cover_days"],
        status=r["status"], season=r["season"], in_season=bool(r["in_season"]), may_reorder=bool(r["may_reorder"]),
        units_7d=int(r["units_7d"]), units_30d=int(r["units_30d"]), units_90d=int(r["units_90d"]),
        price_min=r["price_min"], price_max=r["price_max"],
        price_ranges=tuple(PriceRange(str(c), low, high, int(n)) for c, low, high, n in ranges),
        bundle=bool(r["bundle"]), parts=bundle_parts(db, sku), in_bundles=bundles_containing(db, sku),
    )
