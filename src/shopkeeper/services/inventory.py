"""Listings & Inventory: what each SKU earns, how fast it sells, when to reorder.

The reorder point, days of cover and stock status follow domain/reorder.py
(velocity over the last 30 local days of sold orders), through its SQL macros.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.reorder import DEFAULT_LEAD_TIME_DAYS, velocity_window
from shopkeeper.services.table_source import Column, TableSource

_INVENTORY_SQL = f"""
WITH sales AS (SELECT sku, units FROM sk_units_sold(CAST(? AS DATE), CAST(? AS DATE))),
channels AS (
    SELECT sku, string_agg(DISTINCT split_part(shop_id, ':', 1), ', ' ORDER BY split_part(shop_id, ':', 1)) AS platforms
    FROM listings WHERE sku IS NOT NULL GROUP BY sku
),
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
           sk_reorder_point(coalesce(sa.units, 0), coalesce(s.lead_time_days, {DEFAULT_LEAD_TIME_DAYS}),
                            s.reorder_point) AS reorder_point
    FROM variants v
    LEFT JOIN products p USING (product_id)
    LEFT JOIN stock_levels s USING (sku)
    LEFT JOIN sales sa USING (sku)
    LEFT JOIN channels c USING (sku)
)
SELECT sku, product, variant, platforms, price, cost, currency, margin_pct, on_hand, sold_30d,
       sk_days_cover(on_hand, sold_30d) AS days_cover,
       reorder_point,
       sk_stock_status(on_hand, reorder_point) AS stock_status
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
    Column("on_hand", "int"),
    Column("days_cover", "int"),
    Column("sold_30d", "int"),
    Column("reorder_point", "int"),
    Column("price", "money"),
    Column("cost", "money"),
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
        filters={
            "needs_reorder": "stock_status IN ('low', 'out')",
            "out_of_stock": "stock_status = 'out'",
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
