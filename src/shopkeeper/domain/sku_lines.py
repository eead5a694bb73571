"""Which catalogue SKU an order line sells: the one place that turns order lines into units of catalogue SKUs.

Every figure kept per SKU (units sold, selling days, ABC revenue, weekly demand,
units held by unshipped orders, stock taken by sales) reads order lines through
`sk_sku_lines()` and never `order_lines` directly, so how a channel's SKU maps to
the seller's catalogue SKU is decided here once.

A line sells the catalogue SKU its shop's channel SKU links to (`sku_links`,
rule in domain/sku_links.py), else the SKU it names; lines without a SKU sell
no catalogue SKU. `channel_sku` keeps what the platform wrote, for the views
that show it. The link is looked up by a scalar subquery, not a LEFT JOIN: with
the join, DuckDB 2.0.1 mis-evaluated `s <= 0` over sk_weekly_demand()'s sums
(tests/unit/domain/test_reorder_rules.py found it).
"""

from __future__ import annotations

TABLE_MACROS = (
    """CREATE OR REPLACE TEMP MACRO sk_sku_lines() AS TABLE
    SELECT l.shop_id, l.order_id, l.line_no,
           sk_link_target(l.sku, (SELECT k.master_sku FROM sku_links k
                                  WHERE k.shop_id = l.shop_id AND k.channel_sku = l.sku)) AS sku,
           l.sku AS channel_sku, l.title, l.quantity, l.refunded_quantity, l.unit_price, l.line_total, l.currency
    FROM order_lines l
    WHERE l.sku IS NOT NULL AND l.sku <> ''""",
)
