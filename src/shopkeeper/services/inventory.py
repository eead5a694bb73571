"""Listings & Inventory: what each SKU earns, how fast it sells, when to reorder.

The reorder point, days of cover and stock status follow domain/reorder.py
(velocity over the last 30 local days of sold orders), through its SQL macros.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.domain.reorder import DEFAULT_LEAD_TIME_DAYS, velocity_window
from shopkeeper.services.listing_checks import PROBLEM_CODES_BY_SKU_SQL

_INVENTORY_SQL = f"""
WITH sales AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
channels AS (
    SELECT sku, string_agg(DISTINCT split_part(shop_id, ':', 1), ', ' ORDER BY split_part(shop_id, ':', 1)) AS platforms
    FROM listings WHERE sku IS NOT NULL GROUP BY sku
),
listing_problems AS ({PROBLEM_CODES_BY_SKU_SQL}),
base AS (
    SELECT v.sku,
           coalesce(p.title, v.sku) AS product,
           v.option_text AS variant,
           c.platforms,
           v.price,
           v.cost,
           v.currency,
           CASE WHEN v.price > 0 AND v.cost IS NOT NULL
                THEN round((v.price - v.cost) * 100 / v.price, 1) END AS margin_pct,
           coalesce(s.on_hand, 0) AS on_hand,
           coalesce(sa.units, 0)::INTEGER AS sold_30d,
           coalesce(s.lead_time_days, {DEFAULT_LEAD_TIME_DAYS}) AS lead_time_days,
           sk_reorder_point(coalesce(sa.units, 0), coalesce(s.lead_time_days, {DEFAULT_LEAD_TIME_DAYS}),
                            s.reorder_point) AS reorder_point,
           lp.problems
    FROM variants v
    LEFT JOIN products p USING (product_id)
    LEFT JOIN stock_levels s USING (sku)
    LEFT JOIN sales sa USING (sku)
    LEFT JOIN channels c USING (sku)
    LEFT JOIN listing_problems lp USING (sku)
)
SELECT sku, product, variant, platforms, price, cost, currency, margin_pct, on_hand, sold_30d, lead_time_days,
       sk_days_cover(on_hand, sold_30d) AS days_cover,
       reorder_point,
       sk_stock_status(on_hand, reorder_point) AS stock_status, problems
FROM base
"""

# Most urgent first: out of stock, then the ones to reorder, by fewest days of cover.
_RANKED_SQL = f"""
SELECT *, CASE stock_status WHEN 'out' THEN 0 WHEN 'low' THEN 1 ELSE 2 END * 1000
          + coalesce(days_cover, 999) AS urgency
FROM ({_INVENTORY_SQL})
"""

INVENTORY_COLUMNS = (
    Column("sku", "text", searchable=True),
    Column("product", "text", searchable=True),
    Column("variant", "text", searchable=True),
    Column("stock_status", "status"),
    Column("problems", "badges"),  # listing problems' rule codes, comma-separated (services/listing_checks.py)
    Column("on_hand", "int", edit=("stock", "on_hand")),
    Column("days_cover", "int"),
    Column("sold_30d", "int"),
    Column("reorder_point", "int", edit=("stock", "reorder_point")),
    Column("lead_time_days", "int", edit=("stock", "lead_time_days")),
    Column("price", "money", edit=("variant", "price")),
    Column("cost", "money", edit=("variant", "cost")),
    Column("margin_pct", "pct"),
    Column("currency", "text"),
    Column("platforms", "text"),
    Column("urgency", "int"),
)


def inventory_source(today: date) -> TableSource:
    return TableSource(
        base_sql=_RANKED_SQL,
        columns=INVENTORY_COLUMNS,
        default_sort="urgency",
        key_column="sku",
        filters={
            "needs_reorder": "stock_status IN ('low', 'out')",
            "out_of_stock": "stock_status = 'out'",
            "has_problems": "problems IS NOT NULL",
        },
        params=velocity_window(today),
    )


def inventory_summary(db: Database, today: date) -> dict[str, Any]:
    row = db.fetchone(
        f"SELECT count(*), count(*) FILTER (WHERE stock_status = 'low'),"
        f" count(*) FILTER (WHERE stock_status = 'out'), coalesce(sum(greatest(on_hand, 0) * cost), 0)"
        f" FROM ({_INVENTORY_SQL})",
        list(velocity_window(today)),
    )
    skus, low, out, value = row or (0, 0, 0, 0)
    return {"skus": int(skus), "low": int(low), "out": int(out), "stock_value": value}


@dataclass(frozen=True)
class ChannelListing:
    shop_id: str
    listing_id: str
    title: str
    price: Decimal | None
    currency: str | None
    status: str | None
    quantity: int | None


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
    sold_30d: int
    days_cover: int | None
    reorder_point: int | None          # what applies: the seller's own, else computed from sales
    reorder_point_set: bool            # False: computed from the last 30 days of sales
    lead_time_days: int
    stock_status: str
    channels: tuple[ChannelListing, ...]


def sku_detail(db: Database, sku: str, today: date) -> SkuDetail | None:
    row = db.fetchone(
        f"SELECT sku, product, variant, price, cost, currency, margin_pct, on_hand, sold_30d, days_cover,"
        f" reorder_point, stock_status, lead_time_days FROM ({_INVENTORY_SQL}) WHERE sku = ?",
        [*velocity_window(today), sku],
    )
    if row is None:
        return None
    set_point = db.scalar("SELECT reorder_point FROM stock_levels WHERE sku = ?", [sku])
    channels = db.fetchall(
        "SELECT shop_id, listing_id, title, price, currency, status, quantity FROM listings"
        " WHERE sku = ? ORDER BY shop_id, listing_id",
        [sku],
    )
    return SkuDetail(
        sku=row[0], product=row[1], variant=row[2], price=row[3], cost=row[4], currency=row[5], margin_pct=row[6],
        on_hand=int(row[7]), sold_30d=int(row[8]), days_cover=row[9], reorder_point=row[10],
        reorder_point_set=set_point is not None, lead_time_days=int(row[12]), stock_status=row[11],
        channels=tuple(ChannelListing(*c) for c in channels),
    )
