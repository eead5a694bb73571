r"""WooCommerce: the core product export and the common order-export plugin (csv-formats.md §5).

Products: one row per product or variation, headers translated to the site's
language (English and Russian aliases here), ragged rows padded by the
reader, `'-1` guards stripped. A product is keyed by its SKU, else
`wc-<ID>`; a variation belongs to its `Parent` (`id:123` or the parent's
SKU) and is a variant of it; simple products are their own single variant.
A listing is the product's page (keyed by its ID) and keeps the product's key,
so a variable product's listing holds its variations.
`Stock` (empty when not managed, may be negative) becomes the stock level.
`Published` 1 / 0 / -1 -> active / draft / inactive (private).

Orders: WooCommerce core has no order CSV; this reads the export plugins'
layouts, whose items are packed into cells:

* Customer/Order CSV Export, default: one row per order, `line_items` holds
  every item as `name:…|sku:…|quantity:…|total:…`, items joined by `;` (or by
  line breaks when "item rows start from new line"); `:`, `|`, `;` inside a
  value are written `\:`, `\|`, `\;`; `refunded_qty` is negative. Its JSON
  formats hold the same keys as a JSON list in the same cell (`"` as `&quot;`).
* Order Export & Import for WooCommerce: one item per `line_item_N` column,
  same `key:value|…` syntax (unescaped).
* the one-row-per-item shape with `item_*` columns, and the legacy shape with
  `order_item_N` cells (`<sku or product_id:N>|<quantity>|<line total>|<meta>`).

An item must unpack into `key:value` fields with a name or SKU, a whole
quantity and a total; otherwise its order row is rejected with the reason,
never guessed at. Statuses may carry the `wc-` prefix.
"""

from __future__ import annotations

from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, LISTINGS, ORDERS, PRODUCTS, STOCK, VARIANTS
from shopkeeper.importers.context import ROWS, TYPED, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.normalise_sql import sql_literal, status_case

# How many numbered item columns (`line_item_N`, `order_item_N`) a file may have.
PACKED_ITEM_COLUMNS = 30

PRODUCTS_SPEC = FormatSpec(
    platform="woocommerce",
    kind="products",
    label="WooCommerce products",
    fields=(
        field("id", "id", "ID", key=True),
        field("type", "text", "Type", "Тип"),
        field("sku", "id", "SKU", "Артикул", key=True),
        field("name", "text", "Name", "Имя", "Название"),
        field("published", "text", "Published", "Опубликован"),
        field("in_stock", "bool", "In stock?", "В наличии?"),
        field("stock", "int", "Stock", "Запасы"),
        field("regular_price", "money", "Regular price", "Базовая цена"),
        field("sale_price", "money", "Sale price", "Цена распродажи", "Акционная цена"),
        field("categories", "text", "Categories", "Категории"),
        field("tags", "text", "Tags", "Метки"),
        field("brands", "text", "Brands", "Бренды"),
        field("parent", "id", "Parent", "Родительский", key=True),
        field("weight_kg", "number", "Weight (kg)", "Вес (кг)"),
        field("weight_lbs", "number", "Weight (lbs)"),
        field("gtin", "id", "GTIN, UPC, EAN, or ISBN"),
        field("description", "text", "Description", "Описание"),
        field("images", "text", "Images", "Изображения"),
    ),
    required=frozenset({"id", "type", "name"}),
    normalise=lambda ctx: normalise_products(ctx),
)


def normalise_products(ctx: ImportContext) -> None:
    ctx.reject("id IS NULL AND sku IS NULL", field="id", reason="reject.missing_product_id_and_sku")
    ctx.reject("name IS NULL AND NOT contains(lower(coalesce(type, '')), 'variation')", field="name",
               reason="reject.missing_product_name")
    # without its Parent a variation belongs to no product (a damaged or hand-cut export)
    ctx.reject("parent IS NULL AND contains(lower(coalesce(type, '')), 'variation')", field="parent",
               reason="reject.variation_needs_parent")
    ctx.accept()
    # '' and 0 when the export has the column and it is empty; NULL when it has no such column.
    description = "coalesce(description, '')" if ctx.has("description") else "NULL::VARCHAR"
    images = ("len(list_filter(string_split(coalesce(images, ''), ','), lambda u: trim(u) <> ''))"
              if ctx.has("images") else "NULL::BIGINT")
    ctx.create("_sk_wc", f"""
        SELECT _row, id, sku, name, categories, {"tags" if ctx.has("tags") else "NULL::VARCHAR"} AS tags, brands, stock, regular_price, sale_price,
               {description} AS description, CAST({images} AS INTEGER) AS image_count,
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
    # Tags sit on the parent product; its variations share them.
    canonical.stage_tags(ctx, "SELECT product_id, tags FROM _sk_wc WHERE NOT is_variation")
    ctx.create(STOCK, "SELECT _row, item_key AS sku, stock AS on_hand FROM _sk_wc "
                      "WHERE NOT not_sellable AND stock IS NOT NULL")
    ctx.create(LISTINGS, """
        SELECT _row, $shop AS shop_id, coalesce(id, item_key) AS listing_id,
               CASE WHEN NOT not_sellable THEN item_key END AS sku, name AS title,
               coalesce(sale_price, regular_price) AS price, currency, status, stock AS quantity,
               description, image_count, product_id
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

ORDERS_SPEC = FormatSpec(
    platform="woocommerce",
    kind="orders",
    label="WooCommerce orders",
    fields=(
        field("order_id", "id", "order_id", "Order ID", key=True),
        field("order_number", "id", "order_number_formatted", "order_number", "Order Number", key=True),
        field("order_date", "date", "order_date", "date", "Order Date", keeps_zone=True),
        field("status", "text", "status", "order_status", "Order Status"),
        # when the order was marked completed: WooCommerce's word for fulfilled, so when its goods left
        field("completed_at", "date", "date_completed", "completed_date", "Date Completed", "Completed Date"),
        field("shipping_total", "money", "shipping_total", "order_shipping", "Shipping Total"),
        field("shipping_tax", "money", "shipping_tax_total", "order_shipping_tax"),
        field("fee_total", "money", "fee_total", "order_fees"),
        field("tax_total", "money", "tax_total", "order_tax", "Tax Total"),
        field("discount_total", "money", "discount_total", "cart_discount", "Discount Total"),
        field("order_total", "money", "order_total", "Order Total"),
        field("refunded_total", "money", "refunded_total", "order_refund", "Refunded Total"),
        field("currency", "text", "order_currency", "currency", "Currency"),
        field("customer_id", "id", "customer_id", "customer_user", key=True),
        field("billing_first_name", "text", "billing_first_name"),
        field("billing_last_name", "text", "billing_last_name"),
        field("billing_email", "text", "billing_email"),
        field("billing_phone", "id", "billing_phone"),
        field("billing_city", "text", "billing_city"),
        field("billing_state", "text", "billing_state"),
        field("billing_country", "text", "billing_country"),
        field("shipping_city", "text", "shipping_city"),
        field("shipping_state", "text", "shipping_state"),
        field("shipping_country", "text", "shipping_country"),
        field("payment_method", "text", "payment_method"),
        field("line_items", "text", "line_items"),
        field("item_name", "text", "item_name"),
        field("item_sku", "id", "item_sku", key=True),
        field("item_quantity", "int", "item_quantity"),
        field("item_total", "money", "item_total"),
        field("item_refunded_qty", "int", "item_refunded_qty"),
        *(field(f"line_item_{n}", "text", f"line_item_{n}") for n in range(1, PACKED_ITEM_COLUMNS + 1)),
        *(field(f"order_item_{n}", "text", f"order_item_{n}") for n in range(1, PACKED_ITEM_COLUMNS + 1)),
    ),
    required=frozenset({"order_id", "order_date", "status", "order_total"}),
    normalise=lambda ctx: normalise_orders(ctx),
)


# Why a packed item cell is refused. The whole order row goes: an order missing one of its
# items would carry wrong units and totals, and guessing where an item ends is worse.
UNREADABLE_ITEMS = "reject.unreadable_line_items"
ITEM_WITHOUT_NAME = "reject.line_item_without_name"
ITEM_WITHOUT_QUANTITY = "reject.line_item_without_quantity"
ITEM_WITHOUT_TOTAL = "reject.line_item_without_total"

# The Customer/Order CSV Export plugin escapes its separators inside names and values as
# `\:`, `\|` and `\;`; they stand in as control characters (which exports do not write) while the
# cell is split, and are put back in each value.
_PROTECT = r"replace(replace(replace({x}, '\:', chr(1)), '\|', chr(2)), '\;', chr(3))"
_RESTORE = "replace(replace(replace({x}, chr(1), ':'), chr(2), '|'), chr(3), ';')"
# json_type fails on text that is not JSON, so it is asked only after json_valid said yes.
_JSON_LIST = "(CASE WHEN prefix({x}, '[') AND json_valid({x}) THEN json_type({x}) = 'ARRAY' ELSE FALSE END)"
# A `key:value` fragment of a pipe-joined item; anything else means the cell was cut wrongly.
_PAIR = r"'^\s*[A-Za-z_][A-Za-z0-9_ ]*:'"


# The fragment's value: everything after its first ':' (a value may hold more, `meta:size:A3`).
_VALUE = _RESTORE.format(x="trim(f[strlen(split_part(f, ':', 1)) + 2:])")


def _pipe_pairs(item: str) -> str:
    """SQL: a pipe-joined item (`name:Album|sku:woo-album|quantity:1|total:15.00`) -> list of {k, v}."""
    return (f"list_transform(list_filter(string_split({item}, '|'), lambda f: trim(f) <> ''), lambda f: "
            f"{{'k': CASE WHEN regexp_matches(f, {_PAIR}) THEN lower(trim(split_part(f, ':', 1))) END, "
            f"'v': {_VALUE}}})")


def _packed_items(ctx: ImportContext) -> list[str]:
    """SELECTs of (_row, order_id, src, src_no, item_no, pairs, broken), one per item-holding column."""
    parts = []
    if ctx.has("line_items"):
        # One cell, every item: JSON (the plugin's JSON formats) or pipe-joined items separated by
        # `;` or, with "item rows start from new line", by line breaks.
        parts.append(f"""
            SELECT _row, order_id, 'line_items' AS src, 0 AS src_no, item_no,
                   CASE WHEN is_json THEN list_transform(json_keys(items[item_no]), lambda k: {{
                            'k': lower(k), 'v': replace(json_extract_string(items[item_no], k), '&quot;', '"')}})
                        ELSE {_pipe_pairs('items[item_no]')} END AS pairs,
                   CASE WHEN is_json THEN coalesce(json_type(items[item_no]) <> 'OBJECT', TRUE) ELSE FALSE END
                       AS broken
            FROM (SELECT *, unnest(range(1, len(items) + 1)) AS item_no FROM (
                SELECT _row, order_id, is_json,
                       CASE WHEN is_json THEN CAST(CAST(json(cell) AS JSON[]) AS VARCHAR[])
                            ELSE list_filter(regexp_split_to_array({_PROTECT.format(x='cell')}, '[;\\r\\n]'),
                                             lambda x: trim(x) <> '') END AS items
                FROM (SELECT _row, order_id, line_items AS cell, {_JSON_LIST.format(x='line_items')} AS is_json
                      FROM {TYPED} WHERE line_items IS NOT NULL)))""")
        # A cell that starts like JSON but is not a JSON list: one broken item, so the row is refused.
        parts.append(f"""
            SELECT _row, order_id, 'line_items' AS src, 0 AS src_no, 1 AS item_no, [] AS pairs, TRUE AS broken
            FROM {TYPED}
            WHERE prefix(line_items, '[') AND NOT {_JSON_LIST.format(x='line_items')}""")
    # Order Export & Import for WooCommerce: one pipe-joined item per `line_item_N` column.
    for n in range(1, PACKED_ITEM_COLUMNS + 1):
        col = f"line_item_{n}"
        if ctx.has(col):
            parts.append(f"""
                SELECT _row, order_id, '{col}' AS src, {n} AS src_no, 1 AS item_no,
                       {_pipe_pairs(_PROTECT.format(x=col))} AS pairs, FALSE AS broken
                FROM {TYPED} WHERE {col} IS NOT NULL""")
    # The legacy format: `order_item_N` = `<sku or product_id:N>|<quantity>|<line total>|<meta>`.
    for n in range(1, PACKED_ITEM_COLUMNS + 1):
        col = f"order_item_{n}"
        if ctx.has(col):
            parts.append(f"""
                SELECT _row, order_id, '{col}' AS src, 100 + {n} AS src_no, 1 AS item_no,
                       [{{'k': CASE WHEN p[1] LIKE 'product_id:%' THEN 'product_id' ELSE 'sku' END, 'v': p[1]}},
                        {{'k': 'quantity', 'v': p[2]}}, {{'k': 'total', 'v': p[3]}},
                        {{'k': 'name', 'v': coalesce(nullif(trim(p[4]), ''), p[1])}}] AS pairs,
                       len(p) < 3 AS broken
                FROM (SELECT _row, order_id, string_split({col}, '|') AS p FROM {TYPED} WHERE {col} IS NOT NULL)""")
    return parts


def _items_sql(ctx: ImportContext) -> str:
    """(_row, order_id, line_no, sku, title, quantity, line_total, refunded_quantity, src, problem) over
    every typed row, for whichever shape this is; `problem` says why an item cannot be read."""
    if ctx.has("item_name") or ctx.has("item_sku"):
        return f"""
            SELECT _row, order_id,
                   CAST(row_number() OVER (PARTITION BY order_id ORDER BY _row) AS INTEGER) AS line_no,
                   item_sku AS sku, coalesce(item_name, item_sku) AS title, item_quantity AS quantity,
                   item_total AS line_total, coalesce(item_refunded_qty, 0) AS refunded_quantity,
                   NULL AS src, NULL AS problem
            FROM {TYPED} WHERE coalesce(item_name, item_sku) IS NOT NULL"""
    parts = _packed_items(ctx)
    if not parts:
        return ("SELECT _row, order_id, 1 AS line_no, NULL AS sku, NULL AS title, NULL AS quantity, "
                f"NULL AS line_total, 0 AS refunded_quantity, NULL AS src, NULL AS problem FROM {TYPED} WHERE FALSE")

    def values(*keys: str) -> str:
        return f"list_filter(pairs, lambda p: p.k IN ({', '.join(sql_literal(k) for k in keys)}))"

    return f"""
        WITH items AS ({' UNION ALL '.join(parts)}),
        picked AS (
            SELECT _row, order_id, src, src_no, item_no,
                   broken OR list_bool_or(list_transform(pairs, lambda p: p.k IS NULL)) AS broken,
                   {values('name')} AS names, {values('sku')} AS skus,
                   {values('quantity', 'qty')} AS quantities, {values('total', 'line_total')} AS totals,
                   {values('refunded_qty')} AS refunds
            FROM items
        ),
        parsed AS (
            SELECT _row, order_id, src, src_no, item_no,
                   broken OR len(names) > 1 OR len(skus) > 1 OR len(quantities) > 1 OR len(totals) > 1 AS broken,
                   sk_text(names[1].v) AS title,
                   CASE WHEN sk_id(skus[1].v) <> 'unknown_product' THEN sk_id(skus[1].v) END AS sku,
                   sk_int(quantities[1].v) AS quantity, sk_money(totals[1].v) AS line_total,
                   abs(coalesce(sk_int(refunds[1].v), 0)) AS refunded_quantity
            FROM picked
        )
        SELECT _row, order_id,
               CAST(row_number() OVER (PARTITION BY _row ORDER BY src_no, item_no) AS INTEGER) AS line_no,
               sku, coalesce(title, sku) AS title, quantity, line_total, refunded_quantity, src,
               -- one misread item means the cell was cut wrongly: its other items are not to be trusted
               CASE WHEN bool_or(broken) OVER (PARTITION BY _row, src) THEN {sql_literal(UNREADABLE_ITEMS)}
                    WHEN title IS NULL AND sku IS NULL THEN {sql_literal(ITEM_WITHOUT_NAME)}
                    WHEN quantity IS NULL THEN {sql_literal(ITEM_WITHOUT_QUANTITY)}
                    WHEN line_total IS NULL THEN {sql_literal(ITEM_WITHOUT_TOTAL)} END AS problem
        FROM parsed"""


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("order_id IS NULL", field="order_id", reason="reject.missing_order_id")
    ctx.reject("order_date IS NULL AND order_date__raw IS NULL", field="order_date", reason="reject.missing_order_date")
    ctx.reject("order_total IS NULL AND order_total__raw IS NULL", field="order_total", reason="reject.missing_order_total")
    ctx.create("_sk_items", _items_sql(ctx))
    for src, problem in ctx.db.fetchall("SELECT DISTINCT src, problem FROM _sk_items WHERE problem IS NOT NULL "
                                        "ORDER BY 1, 2"):
        ctx.reject(f"_row IN (SELECT _row FROM _sk_items WHERE src = {sql_literal(src)} "
                   f"AND problem = {sql_literal(problem)})", field=src, reason=problem)
    ctx.cascade_rejects("order_id", reason="reject.other_row_of_order")
    ctx.accept()
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
          ON o.order_id = i.order_id AND (i.src IS NULL OR o._row = i._row)
        WHERE i.title IS NOT NULL
    """)
    ctx.create(ORDERS, f"""
        SELECT _row, $shop AS shop_id, order_id, order_number,
               coalesce(lower(billing_email), customer_id, billing_phone) AS buyer_id,
               order_date AS ordered_at, order_date__tz AS ordered_tz, order_date__date_only AS ordered_date_only,
               {status_case("regexp_replace(status, '^wc-', '')", _ORDER_STATUS, "'pending'")} AS status,
               status AS platform_status,
               upper(coalesce(currency, order_total__cur, $currency)) AS currency,
               shipping_total AS shipping,
               CASE WHEN tax_total IS NULL AND shipping_tax IS NULL THEN NULL
                    ELSE coalesce(tax_total, 0) + coalesce(shipping_tax, 0) END AS tax,
               discount_total AS discount, order_total AS total,
               CASE WHEN refunded_total IS NULL THEN 0 ELSE abs(refunded_total) END AS refunded_amount,
               completed_at AS shipped_at, payment_method AS channel,
               coalesce(shipping_city, billing_city) AS ship_city,
               coalesce(shipping_country, billing_country) AS ship_country,
               coalesce(shipping_state, billing_state) AS ship_province,
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

SPECS = (PRODUCTS_SPEC, ORDERS_SPEC)
