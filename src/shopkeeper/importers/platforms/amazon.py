"""Amazon Seller Central "All Orders" flat file (csv-formats.md §4.1).

Tab-separated, one row per order item with the order fields repeated, read
with quoting off (Amazon does not escape quotes: a product name may start
with `"`). Both the by-order-date and the by-last-update variants, with or
without `url`, `cpf`, `number-of-items`, `tax-collection-*`.

Money: `item-price` is the price of the whole line (quantity included);
amounts are empty for pending or cancelled items, which count as 0. Order
totals are the sums of the item rows. Lines are numbered by SKU inside the
order so overlapping reports number them alike.
"""

from __future__ import annotations

from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, ORDERS
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.normalise_sql import status_case

_STATUS = {
    "pending": "pending", "pending - waiting for pick up": "pending", "unshipped": "paid",
    "partiallyshipped": "shipped", "shipping": "shipped", "shipped": "shipped",
    "shipped - out for delivery": "shipped", "shipped - picked up": "shipped",
    "shipped - returning to seller": "shipped",
    "shipped - delivered to buyer": "completed", "complete": "completed", "completed": "completed",
    "shipped - returned to seller": "refunded", "shipped - rejected by buyer": "refunded",
    "canceled": "cancelled", "cancelled": "cancelled",
}

ALL_ORDERS_SPEC = FormatSpec(
    platform="amazon",
    kind="orders",
    label="Amazon orders",
    fields=(
        field("amazon_order_id", "id", "amazon-order-id", key=True),
        field("merchant_order_id", "id", "merchant-order-id", key=True),
        field("purchase_date", "date", "purchase-date", keeps_zone=True),
        field("last_updated", "date", "last-updated-date"),
        field("order_status", "text", "order-status"),
        field("sales_channel", "text", "sales-channel"),
        field("product_name", "text", "product-name"),
        field("sku", "id", "sku", key=True),
        field("asin", "id", "asin", key=True),
        field("item_status", "text", "item-status"),
        field("quantity", "int", "quantity", "quantity-purchased"),
        field("currency", "text", "currency"),
        field("item_price", "money", "item-price"),
        field("item_tax", "money", "item-tax"),
        field("shipping_price", "money", "shipping-price"),
        field("shipping_tax", "money", "shipping-tax"),
        field("gift_wrap_price", "money", "gift-wrap-price"),
        field("gift_wrap_tax", "money", "gift-wrap-tax"),
        field("item_promotion_discount", "money", "item-promotion-discount"),
        field("ship_promotion_discount", "money", "ship-promotion-discount"),
        field("ship_city", "text", "ship-city"),
        field("ship_state", "text", "ship-state"),
        field("ship_country", "text", "ship-country"),
    ),
    required=frozenset({"amazon_order_id", "purchase_date", "order_status", "product_name", "quantity"}),
    normalise=lambda ctx: normalise_orders(ctx),
    quoting=False,
)


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("amazon_order_id IS NULL", field="amazon_order_id", reason="reject.missing_order_id")
    ctx.reject("purchase_date IS NULL AND purchase_date__raw IS NULL", field="purchase_date",
               reason="reject.missing_purchase_date")
    ctx.reject("product_name IS NULL", field="product_name", reason="reject.missing_product_name")
    ctx.cascade_rejects("amazon_order_id", reason="reject.other_item_of_order")
    ctx.accept()
    ctx.create(LINES, f"""
        SELECT _row, $shop AS shop_id, amazon_order_id AS order_id,
               CAST(row_number() OVER (PARTITION BY amazon_order_id ORDER BY coalesce(sku, asin, ''), _row)
                    AS INTEGER) AS line_no,
               sku, product_name AS title, coalesce(quantity, 0) AS quantity,
               CASE WHEN quantity > 0 THEN coalesce(item_price, 0) / quantity ELSE coalesce(item_price, 0) END
                   AS unit_price,
               coalesce(item_price, 0) AS line_total,
               upper(coalesce(currency, item_price__cur, $currency)) AS currency,
               CASE WHEN lower(item_status) IN ('cancelled', 'canceled') THEN coalesce(quantity, 0) ELSE 0 END
                   AS refunded_quantity
        FROM {ROWS}
    """)
    ctx.create(ORDERS, f"""
        SELECT min(_row) AS _row, $shop AS shop_id, amazon_order_id AS order_id,
               any_value(merchant_order_id) AS order_number,
               min(purchase_date) AS ordered_at, arg_min(purchase_date__tz, purchase_date) AS ordered_tz,
               arg_min(purchase_date__date_only, purchase_date) AS ordered_date_only,
               {status_case('any_value(order_status)', _STATUS,
                            "CASE WHEN any_value(order_status) ILIKE 'shipped%' THEN 'shipped' ELSE 'pending' END")}
                   AS status,
               any_value(order_status) AS platform_status,
               upper(coalesce(any_value(currency), any_value(item_price__cur), $currency)) AS currency,
               sum(coalesce(item_price, 0)) AS subtotal,
               sum(coalesce(shipping_price, 0)) + sum(coalesce(gift_wrap_price, 0)) AS shipping,
               sum(coalesce(item_tax, 0) + coalesce(shipping_tax, 0) + coalesce(gift_wrap_tax, 0)) AS tax,
               sum(abs(coalesce(item_promotion_discount, 0)) + abs(coalesce(ship_promotion_discount, 0)))
                   AS discount,
               0 AS refunded_amount, max(last_updated) AS _stamp,
               any_value(sales_channel) AS channel, any_value(ship_city) AS ship_city,
               any_value(ship_state) AS ship_province, any_value(ship_country) AS ship_country
        FROM {ROWS} GROUP BY amazon_order_id
    """)
    ctx.create(ORDERS, f"SELECT *, subtotal + shipping + tax - discount AS total FROM {ORDERS}")
    # Units a returns report gave back (amazon_returns.py) stay given back: this report knows only cancellations,
    # and an order it still calls shipped stays (partly) refunded.
    ctx.create(LINES, f"""
        SELECT s.* REPLACE (greatest(s.refunded_quantity, coalesce(t.refunded_quantity, 0)) AS refunded_quantity)
        FROM {LINES} s LEFT JOIN order_lines t
          ON t.shop_id = s.shop_id AND t.order_id = s.order_id AND t.line_no = s.line_no AND t.sku = s.sku""")
    ctx.create(ORDERS, f"""
        SELECT s.* REPLACE (CASE WHEN (sk_is_refunded(t.status) OR t.status = 'partially_refunded')
                                  AND sk_is_sold(s.status) THEN t.status ELSE s.status END AS status)
        FROM {ORDERS} s LEFT JOIN orders t ON t.shop_id = s.shop_id AND t.order_id = s.order_id""")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    ctx.release_source()
    canonical.write_orders(ctx)
    canonical.write_lines(ctx)

SPECS = (ALL_ORDERS_SPEC,)
