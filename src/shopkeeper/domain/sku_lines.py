"""Which catalogue SKU an order line sells: the one place that turns order lines into units of catalogue SKUs.

Every figure kept per SKU (units sold, selling days, ABC revenue, weekly demand,
units held by unshipped orders, stock taken by sales) reads order lines through
`sk_sku_lines()` and never `order_lines` directly, so how a channel's SKU maps to
the seller's catalogue SKU is decided here once.

Two steps, each its own macro so either can change without touching the other:

1. `sk_resolved_lines()`: the catalogue SKU a line sells: the one its shop's
   channel SKU links to (`sku_links`, rule in domain/sku_links.py), else the SKU
   it names; lines without a SKU sell no catalogue SKU. `channel_sku` keeps what
   the platform wrote, for the views that show it. The link is looked up by a
   scalar subquery, not a LEFT JOIN: with the join, DuckDB 2.0.1 mis-evaluated
   `s <= 0` over sk_weekly_demand()'s sums (tests/unit/domain/test_reorder_rules.py
   found it).
2. `sk_sku_lines()` = bundles expanded over the resolved lines
   (domain/bundles.py `sk_expand_bundles()`): a bundle's line keeps its units
   but no money, each of its parts gets the units consumed and a share of the
   money. Two columns are added: `revenue` (the line's revenue, net of refunded
   units, in its currency: what per-SKU revenue adds up) and `bundle_sku` (the
   bundle a part's line comes from; NULL otherwise).
"""

from __future__ import annotations

from shopkeeper.domain import bundles

RESOLVED_LINES = """CREATE OR REPLACE TEMP MACRO sk_resolved_lines() AS TABLE
    SELECT l.shop_id, l.order_id, l.line_no,
           sk_link_target(l.sku, (SELECT k.master_sku FROM sku_links k
                                  WHERE k.shop_id = l.shop_id AND k.channel_sku = l.sku)) AS sku,
           l.sku AS channel_sku, l.title, l.quantity, l.refunded_quantity, l.unit_price, l.line_total, l.currency
    FROM order_lines l
    WHERE l.sku IS NOT NULL AND l.sku <> ''"""

TABLE_MACROS = (
    RESOLVED_LINES,
    *bundles.TABLE_MACROS,
    "CREATE OR REPLACE TEMP MACRO sk_sku_lines() AS TABLE SELECT * FROM sk_expand_bundles()",
    # Every line of every order: the SKU lines as above and the lines that name no SKU (sku NULL), for the
    # figures kept per order (profit shares an order's money over its lines by their totals, so a line
    # without a SKU keeps its own share and its units instead of handing them to the order's SKU lines).
    """CREATE OR REPLACE TEMP MACRO sk_all_lines() AS TABLE
    SELECT * FROM sk_sku_lines()
    UNION ALL BY NAME
    SELECT l.shop_id, l.order_id, l.line_no, NULL::VARCHAR AS sku, l.sku AS channel_sku, l.title, l.quantity,
           l.refunded_quantity, l.unit_price, l.line_total, l.currency,
           CAST(sk_line_revenue(l.line_total, l.unit_price, l.refunded_quantity) AS DECIMAL(18,2)) AS revenue,
           NULL::VARCHAR AS bundle_sku
    FROM order_lines l
    WHERE l.sku IS NULL OR l.sku = ''""",
)
