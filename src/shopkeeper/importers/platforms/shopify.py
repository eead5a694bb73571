"""Shopify admin exports: orders, products, customers (csv-formats.md §2).

Orders: one row per line item; order-level fields only on the first row of
each order (continuation rows repeat Name, Email, Created at, the Lineitem
columns, Vendor and Lineitem discount). The order key is the numeric `Id`
(on the first row) with the visible `Name` ('#1001') kept as order_number;
files without an `Id` column key orders by `Name`, and the merge matches them
to the orders already imported by `Id` (order_identity.py). Lines are numbered by
their position inside the order. Products: one row per variant, extra image
rows carry only the Handle; a variant without a SKU gets
`<handle>/<option values>` as its SKU (an order line without one finds it by
its name: domain/sku_lines.py). Customers: buyers plus members.
"""

from __future__ import annotations

from shopkeeper.domain.messages import Message
from shopkeeper.importers import canonical, freshness
from shopkeeper.importers.canonical import BUYERS, LINES, LISTINGS, ORDERS, PRODUCTS, STOCK, VARIANTS
from shopkeeper.importers.context import REJECTS, ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.normalise_sql import status_case

ORDERS_SPEC = FormatSpec(
    platform="shopify",
    kind="orders",
    label="Shopify orders",
    fields=(
        field("order_name", "id", "Name", key=True),
        field("email", "text", "Email"),
        field("financial_status", "text", "Financial Status"),
        field("paid_at", "date", "Paid at"),
        field("fulfillment_status", "text", "Fulfillment Status"),
        field("fulfilled_at", "date", "Fulfilled at"),
        field("accepts_marketing", "bool", "Accepts Marketing", "Accepts Email Marketing"),
        field("currency", "text", "Currency"),
        field("subtotal", "money", "Subtotal"),
        field("shipping", "money", "Shipping"),
        field("taxes", "money", "Taxes"),
        field("total", "money", "Total"),
        field("discount_amount", "money", "Discount Amount"),
        field("created_at", "date", "Created at", keeps_zone=True),
        field("li_quantity", "int", "Lineitem quantity"),
        field("li_name", "text", "Lineitem name"),
        field("li_price", "money", "Lineitem price"),
        field("li_sku", "id", "Lineitem sku", key=True),
        field("li_discount", "money", "Lineitem discount"),
        field("billing_name", "text", "Billing Name"),
        field("billing_city", "text", "Billing City"),
        # the province or state as a code ('ON', 'NY', 'TH-10'), as the other platforms write it; the name
        # (`… Province Name`, in exports since 2021) only stands in for a missing code (see ship_province below)
        field("billing_province", "text", "Billing Province"),
        field("billing_province_name", "text", "Billing Province Name"),
        field("billing_country", "text", "Billing Country"),
        field("billing_phone", "id", "Billing Phone"),
        field("shipping_name", "text", "Shipping Name"),
        field("shipping_city", "text", "Shipping City"),
        field("shipping_province", "text", "Shipping Province"),
        field("shipping_province_name", "text", "Shipping Province Name"),
        field("shipping_country", "text", "Shipping Country"),
        field("shipping_phone", "id", "Shipping Phone"),
        field("phone", "id", "Phone"),
        field("cancelled_at", "date", "Cancelled at"),
        field("refunded_amount", "money", "Refunded Amount"),
        field("shopify_id", "id", "Id", key=True),
        field("source", "text", "Source"),
    ),
    required=frozenset({"order_name", "financial_status", "created_at", "li_name", "li_quantity", "li_price"}),
    normalise=lambda ctx: normalise_orders(ctx),
)

# Financial status first (money moved back is what the seller must see), then cancellation,
# then fulfilment; 'authorized' / 'partially_paid' orders are not paid yet.
_ORDER_STATUS = f"""CASE
    WHEN lower(financial_status) IN ('refunded', 'partially_refunded') THEN lower(financial_status)
    WHEN cancelled_at IS NOT NULL OR lower(financial_status) = 'voided' THEN 'cancelled'
    WHEN lower(fulfillment_status) = 'fulfilled' THEN 'shipped'
    ELSE {status_case('financial_status', {'paid': 'paid', 'pending': 'pending', 'authorized': 'pending',
                                            'partially_paid': 'pending', 'expired': 'cancelled'}, "'pending'")}
END"""


# The code, not the name: an export from before `Shipping Province Name` existed and one after it give the same
# order the same province, and a state reads alike from Shopify, WooCommerce, Etsy, Amazon and eBay ('CA').
_SHIP_PROVINCE = "coalesce(shipping_province, shipping_province_name, billing_province, billing_province_name)"


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("order_name IS NULL", field="order_name", reason="reject.missing_order_name")
    # Order-level fields are read from the first row of each order.
    ctx.create("_sk_first", "SELECT order_name, min(_row) AS _row, count(*) AS n, max(_row) AS last_row "
                            "FROM _sk_typed WHERE order_name IS NOT NULL GROUP BY order_name")
    first = "_row IN (SELECT _row FROM _sk_first)"
    ctx.reject(f"{first} AND created_at IS NULL AND created_at__raw IS NULL", field="created_at",
               reason="reject.missing_order_date")
    ctx.reject(f"{first} AND total IS NULL AND total__raw IS NULL", field="total", reason="reject.missing_order_total")
    ctx.reject("li_name IS NULL", field="li_name", reason="reject.missing_line_item_name")
    ctx.reject("li_quantity IS NULL AND li_quantity__raw IS NULL", field="li_quantity",
               reason="reject.missing_line_item_quantity")
    ctx.reject("li_price IS NULL AND li_price__raw IS NULL", field="li_price", reason="reject.missing_line_item_price")
    ctx.cascade_rejects("order_name", reason="reject.other_row_of_order")
    ctx.accept()
    ctx.step(Message("progress.sorting_orders"), 0.55)
    # A file without the column says nothing about refunds: the merge keeps what the shop knew.
    refunded = "coalesce(refunded_amount, 0)" if ctx.has("refunded_amount") else "CAST(NULL AS DECIMAL(18,2))"
    ctx.create(ORDERS, f"""
        SELECT s._row, $shop AS shop_id, coalesce(shopify_id, order_name) AS order_id, order_name AS order_number,
               coalesce(lower(email), phone, billing_phone) AS buyer_id,
               created_at AS ordered_at, created_at__tz AS ordered_tz, created_at__date_only AS ordered_date_only,
               paid_at,
               {_ORDER_STATUS} AS status, financial_status AS platform_status,
               upper(coalesce(currency, total__cur, $currency)) AS currency,
               subtotal, shipping, taxes AS tax, discount_amount AS discount, total,
               {refunded} AS refunded_amount, fulfilled_at AS shipped_at, greatest(cancelled_at, fulfilled_at) AS _stamp,
               source AS channel, coalesce(shipping_city, billing_city) AS ship_city,
               coalesce(shipping_country, billing_country) AS ship_country,
               {_SHIP_PROVINCE} AS ship_province,
               order_name, email, phone, billing_phone, shipping_phone, billing_name, shipping_name,
               billing_city, billing_country, accepts_marketing
        FROM {ROWS} s WHERE s._row IN (SELECT _row FROM _sk_first)
    """)
    # Rows of an order are adjacent in Shopify exports, so a line's number is its offset from the
    # order's first row; a file where they are not falls back to numbering them in row order.
    scattered = ctx.scalar("SELECT count(*) FROM _sk_first WHERE last_row - _row + 1 <> n")
    line_no = ("r._row - o._row + 1" if not scattered
               else "row_number() OVER (PARTITION BY r.order_name ORDER BY r._row)")
    ctx.create(LINES, f"""
        SELECT r._row, o.shop_id, o.order_id, CAST({line_no} AS INTEGER) AS line_no,
               r.li_sku AS sku, r.li_name AS title, r.li_quantity AS quantity, r.li_price AS unit_price,
               r.li_price * r.li_quantity - coalesce(r.li_discount, 0) AS line_total, o.currency
        FROM {ROWS} r JOIN {ORDERS} o ON o.order_name = r.order_name
    """)
    canonical.stage_buyers_from_orders(
        ctx, name="coalesce(billing_name, shipping_name)", email="email",
        phone="coalesce(phone, billing_phone, shipping_phone)", city="ship_city", country="ship_country",
        accepts_marketing="accepts_marketing",
    )
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    ctx.release_source()
    canonical.write_orders(ctx)
    canonical.write_lines(ctx)
    canonical.write_buyers(ctx)


PRODUCTS_SPEC = FormatSpec(
    platform="shopify",
    kind="products",
    label="Shopify products",
    fields=(
        field("handle", "id", "Handle", key=True),
        field("title", "text", "Title"),
        field("vendor", "text", "Vendor"),
        field("product_category", "text", "Product Category", "Google Shopping / Google Product Category"),
        field("product_type", "text", "Type"),
        field("tags", "text", "Tags"),
        field("published", "bool", "Published"),
        field("option1_value", "text", "Option1 Value"),
        field("option2_value", "text", "Option2 Value"),
        field("option3_value", "text", "Option3 Value"),
        field("variant_sku", "id", "Variant SKU", key=True),
        field("variant_grams", "number", "Variant Grams"),
        field("variant_inventory_qty", "int", "Variant Inventory Qty"),
        field("variant_price", "money", "Variant Price"),
        field("variant_barcode", "id", "Variant Barcode"),
        field("cost_per_item", "money", "Cost per item"),
        field("status", "text", "Status"),
        field("body_html", "text", "Body (HTML)", "Body HTML"),
        field("image_src", "text", "Image Src"),
    ),
    required=frozenset({"handle", "title"}),
    normalise=lambda ctx: normalise_products(ctx),
)


def normalise_products(ctx: ImportContext) -> None:
    ctx.reject("handle IS NULL", field="handle", reason="reject.missing_handle")
    # Product-level fields sit on the first row of each handle that has a title; a row already
    # rejected (a cell that did not convert) gives nothing to the shop, not even its product's title.
    ctx.create("_sk_heads", f"""
        SELECT handle, title, coalesce(product_category, product_type) AS category, vendor AS brand,
               CASE WHEN lower(status) = 'active' THEN TRUE WHEN status IS NOT NULL THEN FALSE ELSE published END
                   AS active,
               CASE WHEN lower(status) IN ('archived', 'unlisted') THEN 'inactive' ELSE lower(status) END AS status,
               {"tags" if ctx.has("tags") else "NULL::VARCHAR"} AS tags, _row
        FROM _sk_typed WHERE handle IS NOT NULL AND title IS NOT NULL
          AND _row NOT IN (SELECT row_number FROM {REJECTS})
        QUALIFY row_number() OVER (PARTITION BY handle ORDER BY _row) = 1
    """)
    ctx.reject(
        "handle IS NOT NULL AND handle NOT IN (SELECT handle FROM _sk_heads) "
        "AND handle NOT IN (SELECT product_id FROM products)",
        field="title", reason="reject.product_without_title",
    )
    ctx.accept()
    _stage_products(ctx)
    ctx.release_source()
    canonical.write_catalogue(ctx)


_VARIANT_ROW = ("variant_sku IS NOT NULL OR variant_price IS NOT NULL OR variant_inventory_qty IS NOT NULL "
                "OR option1_value IS NOT NULL OR variant_barcode IS NOT NULL")


def _stage_products(ctx: ImportContext) -> None:
    ctx.create(PRODUCTS, "SELECT _row, handle AS product_id, title, category, brand FROM _sk_heads "
                         f"WHERE handle IN (SELECT handle FROM {ROWS})")
    ctx.create(VARIANTS, f"""
        WITH v AS (
            SELECT r._row, r.handle,
                   list_filter([r.option1_value, r.option2_value, r.option3_value],
                               lambda x: x IS NOT NULL AND lower(x) <> 'default title') AS opts,
                   r.variant_sku, r.variant_price, r.variant_price__cur, r.cost_per_item, r.variant_barcode,
                   r.variant_grams, r.variant_inventory_qty, h.active
            FROM {ROWS} r LEFT JOIN _sk_heads h ON h.handle = r.handle
            WHERE {_VARIANT_ROW}
        )
        SELECT _row,
               coalesce(variant_sku, handle || CASE WHEN len(opts) = 0 THEN '' ELSE '/' || array_to_string(opts, '/') END)
                   AS sku,
               handle AS product_id,
               CASE WHEN len(opts) = 0 THEN NULL ELSE array_to_string(opts, ' / ') END AS option_text,
               variant_price AS price, cost_per_item AS cost,
               upper(coalesce(variant_price__cur, $currency)) AS currency,
               variant_barcode AS barcode, CAST(variant_grams AS DECIMAL(12,3)) AS weight_grams,
               active, variant_inventory_qty
        FROM v
    """)
    ctx.create(STOCK, f"SELECT _row, sku, variant_inventory_qty AS on_hand FROM {VARIANTS} "
                      "WHERE variant_inventory_qty IS NOT NULL")
    canonical.stage_tags(ctx, "SELECT handle AS product_id, tags FROM _sk_heads")
    # The listing's page: the description sits on the product's first row, each image on a row of its own.
    # '' and 0 when the export has the column and it is empty; NULL when it has no such column.
    description = "coalesce(any_value(body_html) FILTER (WHERE title IS NOT NULL), '')" \
        if ctx.has("body_html") else "NULL::VARCHAR"
    images = "count(DISTINCT image_src)" if ctx.has("image_src") else "NULL::BIGINT"
    ctx.create("_sk_pages", f"SELECT handle, {description} AS description, {images} AS image_count "
                            "FROM _sk_typed WHERE handle IS NOT NULL GROUP BY handle")
    ctx.create(LISTINGS, f"""
        SELECT min(v._row) AS _row, $shop AS shop_id, v.product_id AS listing_id,
               CASE WHEN count(*) = 1 THEN min(v.sku) END AS sku,
               coalesce(any_value(h.title), any_value(p.title)) AS title,
               min(v.price) AS price, min(v.currency) AS currency,
               any_value(h.status) AS status, CAST(sum(v.variant_inventory_qty) AS INTEGER) AS quantity,
               any_value(pg.description) AS description, CAST(any_value(pg.image_count) AS INTEGER) AS image_count
        FROM {VARIANTS} v LEFT JOIN _sk_heads h ON h.handle = v.product_id
        LEFT JOIN products p ON p.product_id = v.product_id
        LEFT JOIN _sk_pages pg ON pg.handle = v.product_id
        GROUP BY v.product_id
    """)
    canonical.complete_from_shop(ctx, LISTINGS, "listings", {"title": None})
    ctx.create(LISTINGS, f"SELECT * FROM {LISTINGS} WHERE title IS NOT NULL")
    ctx.map_rows("variants", f"SELECT _row, sku FROM {VARIANTS}")
    ctx.map_rows("products", f"SELECT _row, product_id FROM {PRODUCTS}")
    # Every row of a handle feeds its listing, an image row (no variant, no title) only that: it is counted
    # with the listing, so "rows read" adds up to added + updated + rejected.
    ctx.map_rows("listings", f"SELECT r._row, l.shop_id, l.listing_id FROM {ROWS} r "
                             f"JOIN {LISTINGS} l ON l.listing_id = r.handle", secondary=True)


CUSTOMERS_SPEC = FormatSpec(
    platform="shopify",
    kind="customers",
    label="Shopify customers",
    fields=(
        field("customer_id", "id", "Customer ID", key=True),
        field("first_name", "text", "First Name"),
        field("last_name", "text", "Last Name"),
        field("email", "text", "Email"),
        field("accepts_marketing", "bool", "Accepts Email Marketing", "Accepts Marketing"),
        field("city", "text", "Default Address City", "City"),
        field("country_code", "text", "Default Address Country Code", "Country Code"),
        field("country", "text", "Country"),
        field("address_phone", "id", "Default Address Phone"),
        field("phone", "id", "Phone"),
        field("total_spent", "money", "Total Spent"),
        field("total_orders", "int", "Total Orders"),
    ),
    required=frozenset({"first_name", "last_name", "email", "total_spent"}),
    normalise=lambda ctx: normalise_customers(ctx),
)


def normalise_customers(ctx: ImportContext) -> None:
    ctx.reject("email IS NULL AND customer_id IS NULL AND phone IS NULL AND address_phone IS NULL",
               reason="reject.customer_unidentified")
    ctx.accept()
    # What the export says of the buyer's orders ranks two exports of one customer (importers/freshness.py).
    counts = ", ".join([f"total_orders AS {freshness.PROFILE_ORDERS}" if ctx.has("total_orders")
                        else f"NULL::BIGINT AS {freshness.PROFILE_ORDERS}",
                        f"total_spent AS {freshness.PROFILE_SPENT}"])
    ctx.create(BUYERS, f"""
        SELECT _row, $shop AS shop_id, coalesce(lower(email), customer_id, phone, address_phone) AS buyer_id,
               nullif(concat_ws(' ', first_name, last_name), '') AS name, email,
               coalesce(phone, address_phone) AS phone, city, coalesce(country_code, country) AS country,
               accepts_marketing, {counts}
        FROM {ROWS}
    """)
    ctx.map_rows("buyers", f"SELECT _row, shop_id, buyer_id FROM {BUYERS}")
    ctx.release_source()
    canonical.write_buyers(ctx)

SPECS = (ORDERS_SPEC, PRODUCTS_SPEC, CUSTOMERS_SPEC)
