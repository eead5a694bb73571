"""WooCommerce: the core product export and the common order-export plugin (csv-formats.md §5).

Products: one row per product or variation, headers translated to the site's
language (English and Russian aliases here), ragged rows padded by the
reader, `'-1` guards stripped. A product is keyed by its SKU, else
`wc-<ID>`; a variation belongs to its `Parent` (`id:123` or the parent's
SKU) and is a variant of it; simple products are their own single variant.
`Stock` (empty when not managed, may be negative) becomes the stock level.
`Published` 1 / 0 / -1 -> active / draft / inactive (private).

Orders: WooCommerce core has no order CSV; this reads the layout of the
widely used Customer/Order CSV Export plugin in its three shapes - the
default one row per order with `line_items` packed as
`name:…|sku:…|quantity:…|total:…` entries joined by `;`, the one-row-per-item
shape with `item_*` columns, and the legacy shape with `order_item_N` cells
(`<sku or product_id:N>|<quantity>|<line total>|<meta>`). Statuses may carry
the `wc-` prefix.
"""

from __future__ import annotations

from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, LISTINGS, ORDERS, PRODUCTS, STOCK, VARIANTS
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field, register
from shopkeeper.importers.normalise_sql import status_case

LEGACY_ITEM_COLUMNS = 30

PRODUCTS_SPEC = register(FormatSpec(
    platform="woocommerce",
    kind="products",
    label="WooCommerce products",
    fields=(
        field("id", "id", "ID"),
        field("type", "text", "Type", "Тип"),
        field("sku", "id", "SKU", "Артикул"),
        field("name", "text", "Name", "Имя", "Название"),
        field("published", "text", "Published", "Опубликован"),
        field("in_stock", "bool", "In stock?", "В наличии?"),
        field("stock", "int", "Stock", "Запасы"),
        field("regular_price", "money", "Regular price", "Базовая цена"),
        field("sale_price", "money", "Sale price", "Цена распродажи", "Акционная цена"),
        field("categories", "text", "Categories", "Категории"),
        field("brands", "text", "Brands", "Бренды"),
        field("parent", "id", "Parent", "Родительский"),
        field("weight_kg", "number", "Weight (kg)", "Вес (кг)"),
        field("weight_lbs", "number", "Weight (lbs)"),
        field("gtin", "id", "GTIN, UPC, EAN, or ISBN"),
    ),
    required=frozenset({"id", "type", "name"}),
    normalise=lambda ctx: normalise_products(ctx),
))


def normalise_products(ctx: ImportContext) -> None:
    ctx.reject("id IS NULL AND sku IS NULL", field="id", reason="missing product ID and SKU")
    ctx.reject("name IS NULL AND NOT contains(lower(coalesce(type, '')), 'variation')", field="name",
               reason="missing product name")
    # without its Parent a variation belongs to no product (a damaged or hand-cut export)
    ctx.reject("parent IS NULL AND contains(lower(coalesce(type, '')), 'variation')", field="parent",
               reason="a variation needs its parent product")
    ctx.accept()
    ctx.create("_sk_wc", f"""
        SELECT _row, id, sku, name, categories, brands, stock, regular_price, sale_price,
               upper(coalesce(regular_price__cur, $currency)) AS currency,
               contains(lower(coalesce(type, '')), 'variation') AS is_variation,
               list_has_any(string_split(replace(lower(coalesce(type, 'simple')), ' ', ''), ','),
                            ['variable', 'grouped', 'external']) AS not_sellable,
               coalesce(sku, 'wc-' || id) AS item_key,
               CASE WHEN published = '1' THEN 'active' WHEN published = '0' THEN 'draft'
                    WHEN published = '-1' THEN 'inactive' ELSE lower(published) END AS status,
               coalesce(weight_kg * 1000, weight_lbs * 453.59237) AS grams,
               gtin,
               CASE WHEN parent LIKE 'id:%' THEN substr(parent, 4) END AS parent_id,
               CASE WHEN parent NOT LIKE 'id:%' THEN parent END AS parent_sku
        FROM {ROWS}
    """)
    # A variation's product: its parent row in this file (by id or SKU), else the parent's key as written.
    ctx.create("_sk_wc", """
        SELECT v.*,
               CASE WHEN v.is_variation THEN coalesce(p.item_key, v.parent_sku, 'wc-' || v.parent_id)
                    ELSE v.item_key END AS product_id
        FROM _sk_wc v
        LEFT JOIN (SELECT id, sku, item_key FROM _sk_wc WHERE NOT is_variation) p
               ON (v.parent_id IS NOT NULL AND p.id = v.parent_id) OR (v.parent_sku IS NOT NULL AND p.sku = v.parent_sku)
        QUALIFY row_number() OVER (PARTITION BY v._row ORDER BY p.id) = 1
    """)
    ctx.create(PRODUCTS, """
        SELECT _row, product_id, name AS title,
               nullif(trim(split_part(categories, ',', 1)), '') AS category, brands AS brand
        FROM _sk_wc WHERE NOT is_variation AND name IS NOT NULL
    """)
    ctx.create(VARIANTS, """
        SELECT _row, item_key AS sku, product_id,
               CASE WHEN is_variation THEN name END AS option_text,
               regular_price AS price, currency, gtin AS barcode,
               CAST(grams AS DECIMAL(12,3)) AS weight_grams,
               CASE WHEN status IS NULL THEN NULL ELSE status = 'active' END AS active
        FROM _sk_wc WHERE NOT not_sellable
    """)
    ctx.create(STOCK, "SELECT _row, item_key AS sku, stock AS on_hand FROM _sk_wc "
                      "WHERE NOT not_sellable AND stock IS NOT NULL")
    ctx.create(LISTINGS, """
        SELECT _row, $shop AS shop_id, coalesce(id, item_key) AS listing_id,
               CASE WHEN NOT not_sellable THEN item_key END AS sku, name AS title,
               coalesce(sale_price, regular_price) AS price, currency, status, stock AS quantity
        FROM _sk_wc WHERE NOT is_variation AND name IS NOT NULL
    """)
    ctx.map_rows("products", f"SELECT _row, product_id FROM {PRODUCTS}")
    ctx.map_rows("variants", f"SELECT _row, sku FROM {VARIANTS}")
    ctx.release_source()
    canonical.write_catalogue(ctx)


_ORDER_STATUS = {
    "pending": "pending", "on-hold": "pending", "checkout-draft": "pending", "draft": "pending",
    "processing": "paid", "completed": "completed", "cancelled": "cancelled", "failed": "cancelled",
    "refunded": "refunded", "partially-refunded": "partially_refunded",
}

ORDERS_SPEC = register(FormatSpec(
    platform="woocommerce",
    kind="orders",
    label="WooCommerce orders",
    fields=(
        field("order_id", "id", "order_id", "Order ID"),
        field("order_number", "id", "order_number_formatted", "order_number", "Order Number"),
        field("order_date", "date", "order_date", "date", "Order Date", keeps_zone=True),
        field("status", "text", "status", "order_status", "Order Status"),
        field("shipping_total", "money", "shipping_total", "order_shipping", "Shipping Total"),
        field("shipping_tax", "money", "shipping_tax_total", "order_shipping_tax"),
        field("fee_total", "money", "fee_total", "order_fees"),
        field("tax_total", "money", "tax_total", "order_tax", "Tax Total"),
        field("discount_total", "money", "discount_total", "cart_discount", "Discount Total"),
        field("order_total", "money", "order_total", "Order Total"),
        field("refunded_total", "money", "refunded_total", "order_refund", "Refunded Total"),
        field("currency", "text", "order_currency", "currency", "Currency"),
        field("customer_id", "id", "customer_id", "customer_user"),
        field("billing_first_name", "text", "billing_first_name"),
        field("billing_last_name", "text", "billing_last_name"),
        field("billing_email", "text", "billing_email"),
        field("billing_phone", "id", "billing_phone"),
        field("billing_city", "text", "billing_city"),
        field("billing_country", "text", "billing_country"),
        field("shipping_city", "text", "shipping_city"),
        field("shipping_country", "text", "shipping_country"),
        field("payment_method", "text", "payment_method"),
        field("line_items", "text", "line_items"),
        field("item_name", "text", "item_name"),
        field("item_sku", "id", "item_sku"),
        field("item_quantity", "int", "item_quantity"),
        field("item_total", "money", "item_total"),
        field("item_refunded_qty", "int", "item_refunded_qty"),
        *(field(f"order_item_{n}", "text", f"order_item_{n}") for n in range(1, LEGACY_ITEM_COLUMNS + 1)),
    ),
    required=frozenset({"order_id", "order_date", "status", "order_total"}),
    normalise=lambda ctx: normalise_orders(ctx),
))


def _items_sql(ctx: ImportContext) -> str:
    """(_row, order_id, line_no, sku, title, quantity, line_total, refunded_quantity) for whichever shape this is."""
    if ctx.has("item_name") or ctx.has("item_sku"):
        return f"""
            SELECT _row, order_id,
                   CAST(row_number() OVER (PARTITION BY order_id ORDER BY _row) AS INTEGER) AS line_no,
                   item_sku AS sku, coalesce(item_name, item_sku) AS title, item_quantity AS quantity,
                   item_total AS line_total, coalesce(item_refunded_qty, 0) AS refunded_quantity
            FROM {ROWS} WHERE coalesce(item_name, item_sku) IS NOT NULL"""
    if ctx.has("line_items"):
        # 'name:Album|sku:woo-album|quantity:1|total:15.00;name:…' -> one map per item
        return f"""
            WITH items AS (
                SELECT _row, order_id, unnest(generate_series(1, len(parts))) AS line_no, parts
                FROM (SELECT _row, order_id,
                             list_filter(string_split(line_items, ';'), lambda x: trim(x) <> '') AS parts
                      FROM {ROWS} WHERE line_items IS NOT NULL)
            ),
            kv AS (
                SELECT _row, order_id, line_no,
                       map_from_entries(list_transform(
                           list_filter(string_split(parts[line_no], '|'), lambda x: contains(x, ':')),
                           lambda x: {{'k': lower(trim(split_part(x, ':', 1))),
                                       'v': trim(x[strlen(split_part(x, ':', 1)) + 2:])}})) AS m
                FROM items
            )
            SELECT _row, order_id, CAST(line_no AS INTEGER) AS line_no,
                   sk_id(m['sku']) AS sku, coalesce(sk_text(m['name']), sk_id(m['sku']), 'item ' || line_no) AS title,
                   sk_int(m['quantity']) AS quantity, sk_money(m['total']) AS line_total,
                   coalesce(sk_int(m['refunded_qty']), 0) AS refunded_quantity
            FROM kv"""
    legacy = [f"order_item_{n}" for n in range(1, LEGACY_ITEM_COLUMNS + 1) if ctx.has(f"order_item_{n}")]
    if not legacy:
        return ("SELECT _row, order_id, 1 AS line_no, NULL AS sku, NULL AS title, NULL AS quantity, "
                f"NULL AS line_total, 0 AS refunded_quantity FROM {ROWS} WHERE FALSE")
    cells = ", ".join(legacy)
    return f"""
        WITH items AS (
            SELECT _row, order_id, unnest(generate_series(1, {len(legacy)})) AS line_no, [{cells}] AS cells
            FROM {ROWS}
        ),
        parts AS (
            SELECT _row, order_id, line_no, string_split(cells[line_no], '|') AS p
            FROM items WHERE cells[line_no] IS NOT NULL
        )
        SELECT _row, order_id, CAST(line_no AS INTEGER) AS line_no,
               CASE WHEN p[1] LIKE 'product_id:%' THEN NULL ELSE sk_id(p[1]) END AS sku,
               coalesce(sk_text(p[4]), sk_text(p[1])) AS title,
               sk_int(p[2]) AS quantity, sk_money(p[3]) AS line_total, 0 AS refunded_quantity
        FROM parts"""


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("order_id IS NULL", field="order_id", reason="missing order id")
    ctx.reject("order_date IS NULL AND order_date__raw IS NULL", field="order_date", reason="missing order date")
    ctx.reject("order_total IS NULL AND order_total__raw IS NULL", field="order_total", reason="missing order total")
    ctx.cascade_rejects("order_id", reason="another row of this order could not be read (row {row})")
    ctx.accept()
    ctx.create("_sk_items", _items_sql(ctx))
    ctx.create(LINES, f"""
        SELECT i._row, $shop AS shop_id, i.order_id, i.line_no, i.sku, i.title,
               coalesce(i.quantity, 1) AS quantity,
               CASE WHEN coalesce(i.quantity, 0) > 0 THEN coalesce(i.line_total, 0) / i.quantity
                    ELSE coalesce(i.line_total, 0) END AS unit_price,
               coalesce(i.line_total, 0) AS line_total,
               upper(coalesce(o.currency, o.order_total__cur, $currency)) AS currency,
               i.refunded_quantity
        FROM _sk_items i
        JOIN (SELECT * FROM {ROWS} QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY _row) = 1) o
          ON o.order_id = i.order_id
        WHERE i.title IS NOT NULL
    """)
    ctx.create(ORDERS, f"""
        SELECT _row, $shop AS shop_id, order_id, order_number,
               coalesce(lower(billing_email), customer_id, billing_phone) AS buyer_id,
               order_date AS ordered_at, order_date__tz AS ordered_tz,
               {status_case("regexp_replace(status, '^wc-', '')", _ORDER_STATUS, "'pending'")} AS status,
               status AS platform_status,
               upper(coalesce(currency, order_total__cur, $currency)) AS currency,
               shipping_total AS shipping,
               CASE WHEN tax_total IS NULL AND shipping_tax IS NULL THEN NULL
                    ELSE coalesce(tax_total, 0) + coalesce(shipping_tax, 0) END AS tax,
               discount_total AS discount, order_total AS total,
               CASE WHEN refunded_total IS NULL THEN 0 ELSE abs(refunded_total) END AS refunded_amount,
               payment_method AS channel,
               coalesce(shipping_city, billing_city) AS ship_city,
               coalesce(shipping_country, billing_country) AS ship_country,
               nullif(concat_ws(' ', billing_first_name, billing_last_name), '') AS buyer_name,
               billing_email, billing_phone
        FROM {ROWS} QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY _row) = 1
    """)
    canonical.stage_buyers_from_orders(ctx, name="buyer_name", email="billing_email", phone="billing_phone",
                                       city="ship_city", country="ship_country")
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    ctx.release_source()
    canonical.write_orders(ctx)
    canonical.write_lines(ctx)
    canonical.write_buyers(ctx)
