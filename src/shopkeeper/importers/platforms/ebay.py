"""eBay Seller Hub orders report (csv-formats.md §6).

A multi-item order is a summary row (order totals, buyer, empty item
fields) followed by item rows sharing its Sales Record Number / Order
Number; a single-item order is one row carrying both. Padding rows (all
`""`) are skipped as blank; the footer (`N,record(s) downloaded,` and
`Seller ID : name`) is cut by the reader or skipped here. Money carries its
currency in the value (`$43.00`, `AU $3,000.00`, `EUR 90,00`); a bare `$`
means the platform's default currency. Orders without an Order Number are
keyed by their Sales Record Number. `Sold For` is the unit price.
"""

from __future__ import annotations

from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import BUYERS, LINES, ORDERS
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field

_ORDER_KEY = "coalesce(order_number, sales_record_number)"

ORDERS_SPEC = FormatSpec(
    platform="ebay",
    kind="orders",
    label="eBay orders",
    fields=(
        field("sales_record_number", "id", "Sales Record Number", key=True),
        field("order_number", "id", "Order Number", key=True),
        field("buyer_username", "id", "Buyer Username", "User Id", key=True),
        field("buyer_name", "text", "Buyer Name", "Buyer Fullname"),
        field("buyer_email", "text", "Buyer Email"),
        field("buyer_city", "text", "Buyer City"),
        field("buyer_state", "text", "Buyer State"),
        field("buyer_country", "text", "Buyer Country"),
        field("ship_city", "text", "Ship To City"),
        field("ship_state", "text", "Ship To State"),
        field("ship_country", "text", "Ship To Country"),
        field("ship_phone", "id", "Ship To Phone"),
        field("item_number", "id", "Item Number", "Item ID", key=True),
        field("item_title", "text", "Item Title"),
        field("custom_label", "id", "Custom Label", key=True),
        field("quantity", "int", "Quantity"),
        field("sold_for", "money", "Sold For", "Sale Price"),
        field("shipping", "money", "Shipping And Handling"),
        field("seller_tax", "money", "Seller Collected Tax", "Sales Tax"),
        field("ebay_tax", "money", "eBay Collected Tax"),
        field("total_price", "money", "Total Price"),
        field("payment_method", "text", "Payment Method"),
        field("sale_date", "date", "Sale Date", keeps_zone=True),
        field("paid_on_date", "date", "Paid On Date"),
        field("shipped_on_date", "date", "Shipped On Date"),
        field("transaction_id", "id", "Transaction ID", key=True),
        field("variation_details", "text", "Variation Details"),
    ),
    required=frozenset({"sales_record_number", "item_title", "total_price", "sale_date"}),
    normalise=lambda ctx: normalise_orders(ctx),
    # Footer lines the reader did not already cut off.
    skip_rows="(order_number ILIKE '%record(s) downloaded%' OR sales_record_number ILIKE 'seller id%'"
              " OR sales_record_number ILIKE '%record(s) downloaded%')",
)


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("order_number IS NULL AND sales_record_number IS NULL", field="order_number",
               reason="reject.missing_order_and_record_number")
    ctx.create("_sk_first", f"""
        SELECT {_ORDER_KEY} AS order_key, min(_row) AS _row FROM _sk_typed
        WHERE {_ORDER_KEY} IS NOT NULL GROUP BY 1
    """)
    ctx.reject("_row IN (SELECT _row FROM _sk_first) AND sale_date IS NULL AND sale_date__raw IS NULL",
               field="sale_date", reason="reject.missing_sale_date")
    ctx.reject("_row IN (SELECT _row FROM _sk_first) AND total_price IS NULL AND total_price__raw IS NULL",
               field="total_price", reason="reject.missing_total_price")
    ctx.reject("item_title IS NOT NULL AND sold_for IS NULL AND sold_for__raw IS NULL", field="sold_for",
               reason="reject.missing_item_price")
    ctx.cascade_rejects(_ORDER_KEY, reason="reject.other_row_of_order")
    ctx.accept()
    ctx.create("_sk_ebay", f"SELECT *, {_ORDER_KEY} AS order_key FROM {ROWS}")
    ctx.create(LINES, """
        SELECT r._row, $shop AS shop_id, r.order_key AS order_id,
               CAST(row_number() OVER (PARTITION BY r.order_key ORDER BY r._row) AS INTEGER) AS line_no,
               r.custom_label AS sku, r.item_title AS title, r.variation_details AS variant,
               coalesce(r.quantity, 1) AS quantity, r.sold_for AS unit_price,
               r.sold_for * coalesce(r.quantity, 1) AS line_total,
               upper(coalesce(r.sold_for__cur, f.total_price__cur, $currency)) AS currency
        FROM _sk_ebay r JOIN _sk_first x ON x.order_key = r.order_key JOIN _sk_ebay f ON f._row = x._row
        WHERE r.item_title IS NOT NULL
    """)
    ctx.create(ORDERS, f"""
        SELECT f._row, $shop AS shop_id, f.order_key AS order_id,
               f.sales_record_number AS order_number,
               coalesce(lower(f.buyer_email), lower(f.buyer_username)) AS buyer_id,
               f.sale_date AS ordered_at, f.sale_date__tz AS ordered_tz, f.sale_date__date_only AS ordered_date_only,
               f.paid_on_date AS paid_at,
               CASE WHEN f.shipped_on_date IS NOT NULL THEN 'shipped' WHEN f.paid_on_date IS NOT NULL THEN 'paid'
                    ELSE 'pending' END AS status,
               upper(coalesce(f.total_price__cur, f.sold_for__cur, $currency)) AS currency,
               (SELECT sum(l.line_total) FROM {LINES} l WHERE l.order_id = f.order_key) AS subtotal,
               f.shipping,
               CASE WHEN f.seller_tax IS NULL AND f.ebay_tax IS NULL THEN NULL
                    ELSE coalesce(f.seller_tax, 0) + coalesce(f.ebay_tax, 0) END AS tax,
               f.total_price AS total, 0 AS refunded_amount, f.shipped_on_date AS shipped_at,
               f.shipped_on_date AS _stamp,
               f.payment_method AS channel, coalesce(f.ship_city, f.buyer_city) AS ship_city,
               coalesce(f.ship_country, f.buyer_country) AS ship_country,
               coalesce(f.ship_state, f.buyer_state) AS ship_province,
               f.buyer_name, f.buyer_email, f.ship_phone, f.buyer_city, f.buyer_country
        FROM _sk_ebay f WHERE f._row IN (SELECT _row FROM _sk_first)
    """)
    ctx.create(BUYERS, f"""
        SELECT $shop AS shop_id, buyer_id,
               arg_max(buyer_name, ordered_at) FILTER (WHERE buyer_name IS NOT NULL) AS name,
               arg_max(buyer_email, ordered_at) FILTER (WHERE buyer_email IS NOT NULL) AS email,
               arg_max(ship_phone, ordered_at) FILTER (WHERE ship_phone IS NOT NULL) AS phone,
               arg_max(coalesce(buyer_city, ship_city), ordered_at) AS city,
               arg_max(coalesce(buyer_country, ship_country), ordered_at) AS country,
               min(ordered_at) AS first_seen
        FROM {ORDERS} WHERE buyer_id IS NOT NULL GROUP BY buyer_id
    """)
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    ctx.release_source()
    canonical.write_orders(ctx)
    canonical.write_lines(ctx)
    canonical.write_buyers(ctx)

SPECS = (ORDERS_SPEC,)
