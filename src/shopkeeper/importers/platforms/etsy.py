"""Etsy "Download Data" files: sold orders, sold order items, listings (csv-formats.md §3).

Orders and their items come as two files that may arrive in either order:

* orders first: orders are created with Etsy's own totals; their lines come
  with the items file later.
* items first: lines are created, and each order gets a provisional order
  row (total = items + order shipping + order sales tax, status paid/shipped)
  so the lines are never orphans; the orders file replaces it later with
  Etsy's figures. A provisional row never changes an order that came from an
  orders file (it is staged with `_provisional`, see freshness.py), so both
  import orders give the same shop.

* money: the orders file's fee columns (Card Processing Fees and the adjusted
  columns) become money movements of report `etsy_sold_orders` in the same
  batch, counted only until a monthly statement names the order
  (domain/money_sources.py); see `_stage_order_money`.

* orders alone: each order gets one stand-in line (line 0) carrying `Number of
  Items` as its quantity and `Order Value` as its total, so units are right
  before the items file comes. The items file's lines replace it (lines are
  replaced per order), and an orders file imported again after them adds no
  stand-in, so the lines end the same in either order, never counted twice.

Lines are numbered by Transaction ID inside their order, so two overlapping
item exports give the same line the same number. Buyers are keyed by the
Etsy username (orders: `Buyer User ID`; items: the `(username)` in `Buyer`).
Listings have no listing id: the first SKU of the listing (else its title)
keys the product and the listing; every SKU in the cell becomes a variant. A
listing without a SKU becomes one variant under its title's stand-in SKU, the
key its sold order items are read under (domain/sku_lines.py), with the stock
the download states.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.domain.money_sources import ETSY_SOLD_ORDERS
from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, LISTINGS, ORDERS, PRODUCTS, STOCK, VARIANTS
from shopkeeper.importers.context import REJECTS, ROWS, TYPED, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.money_rows import BASE, MOVEMENTS, Part, stage_movements
from shopkeeper.importers.normalise_sql import sql_literal, status_case
from shopkeeper.importers.spreadsheet_damage import DAMAGED_ID

_STATUS = {
    "completed": "completed", "complete": "completed", "canceled": "cancelled", "cancelled": "cancelled",
    "refunded": "refunded", "fully refunded": "refunded", "partially refunded": "partially_refunded",
    "paid": "paid", "shipped": "shipped", "unshipped": "paid", "pending": "pending",
}

PLACEHOLDER_LINES = "_sk_etsy_stand_in_lines"
# A stand-in line has no title until the order-items twin arrives; the shop stores no wording for it.
PLACEHOLDER_TITLE = ""

ORDERS_SPEC = FormatSpec(
    platform="etsy",
    kind="orders",
    label="Etsy sold orders",
    fields=(
        field("sale_date", "date", "Sale Date", keeps_zone=True),
        field("order_id", "id", "Order ID", key=True),
        field("buyer_user_id", "id", "Buyer User ID", key=True),
        field("full_name", "text", "Full Name"),
        field("number_of_items", "int", "Number of Items"),
        field("date_shipped", "date", "Date Shipped"),
        field("ship_city", "text", "Ship City"),
        field("ship_state", "text", "Ship State"),
        field("ship_country", "text", "Ship Country"),
        field("currency", "text", "Currency"),
        field("order_value", "money", "Order Value"),
        field("discount_amount", "money", "Discount Amount"),
        field("shipping", "money", "Shipping"),
        field("sales_tax", "money", "Sales Tax"),
        field("order_total", "money", "Order Total"),
        field("status", "text", "Status"),
        field("card_processing_fees", "money", "Card Processing Fees"),
        field("order_net", "money", "Order Net"),
        field("adjusted_order_total", "money", "Adjusted Order Total"),
        field("adjusted_card_processing_fees", "money", "Adjusted Card Processing Fees"),
        field("adjusted_net_order_amount", "money", "Adjusted Net Order Amount"),
        field("buyer", "text", "Buyer"),
        field("order_type", "text", "Order Type"),
    ),
    required=frozenset({"sale_date", "order_id", "order_value", "order_total"}),
    normalise=lambda ctx: normalise_orders(ctx),
)


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("order_id IS NULL", field="order_id", reason="reject.missing_order_id")
    ctx.reject("sale_date IS NULL AND sale_date__raw IS NULL", field="sale_date", reason="reject.missing_sale_date")
    ctx.reject("order_total IS NULL AND order_total__raw IS NULL", field="order_total", reason="reject.missing_order_total")
    ctx.accept()
    # Etsy writes 0 in Adjusted Order Total when nothing was adjusted; a smaller positive
    # figure is what is left after a partial refund.
    ctx.create(ORDERS, f"""
        SELECT _row, $shop AS shop_id, order_id,
               lower(coalesce(buyer_user_id, full_name)) AS buyer_id,
               sale_date AS ordered_at, sale_date__tz AS ordered_tz, sale_date__date_only AS ordered_date_only,
               CASE WHEN adjusted_order_total > 0 AND adjusted_order_total < order_total THEN 'partially_refunded'
                    ELSE {status_case('status', _STATUS,
                                      "CASE WHEN date_shipped IS NOT NULL THEN 'shipped' ELSE 'paid' END")} END
                   AS status,
               status AS platform_status,
               upper(coalesce(currency, order_total__cur, $currency)) AS currency,
               order_value AS subtotal, shipping, sales_tax AS tax, discount_amount AS discount,
               order_total AS total,
               CASE WHEN adjusted_order_total > 0 AND adjusted_order_total < order_total
                    THEN order_total - adjusted_order_total
                    WHEN lower(status) IN ('refunded', 'fully refunded') THEN order_total ELSE 0 END
                   AS refunded_amount,
               order_type AS channel, ship_city, ship_state AS ship_province, ship_country,
               date_shipped AS shipped_at, date_shipped AS _stamp,
               full_name, buyer_user_id
        FROM {ROWS}
    """)
    # Units before the items file: one stand-in line per order that has no item lines yet
    # (see the module docstring). Line 0 is never an item's number, so the items file's
    # lines replace it, and once they are in, a re-imported orders file leaves them alone.
    ctx.create(PLACEHOLDER_LINES, f"""
        SELECT r._row, $shop AS shop_id, r.order_id, 0 AS line_no, {sql_literal(PLACEHOLDER_TITLE)} AS title,
               r.number_of_items AS quantity,
               CAST(coalesce(r.order_value, 0) / r.number_of_items AS DECIMAL(18,2)) AS unit_price,
               coalesce(r.order_value, 0) AS line_total,
               upper(coalesce(r.currency, r.order_total__cur, $currency)) AS currency
        FROM {ROWS} r
        WHERE r.number_of_items > 0
          AND NOT EXISTS (SELECT 1 FROM order_lines l
                          WHERE l.shop_id = $shop AND l.order_id = r.order_id AND l.line_no <> 0)
        QUALIFY row_number() OVER (PARTITION BY r.order_id ORDER BY r._row DESC) = 1
    """)
    canonical.stage_buyers_from_orders(ctx, name="full_name", city="ship_city", country="ship_country")
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {PLACEHOLDER_LINES}")
    money = ctx.has("card_processing_fees")
    if money:
        _stage_order_money(ctx)
    ctx.release_source()
    canonical.write_orders(ctx)
    canonical.write_lines(ctx, PLACEHOLDER_LINES, stand_in=True)
    canonical.write_buyers(ctx)
    if money:
        ctx.upsert("money_movements", MOVEMENTS)


# An order Etsy adjusted (a refund): a partial refund leaves a smaller positive Adjusted Order Total, a full
# one marks the order refunded; otherwise Etsy writes 0 in every adjusted column.
_ADJUSTED = ("((adjusted_order_total > 0 AND adjusted_order_total < order_total)"
             " OR lower(coalesce(status, '')) IN ('refunded', 'fully refunded')"
             " OR coalesce(adjusted_card_processing_fees, 0) <> 0 OR coalesce(adjusted_net_order_amount, 0) <> 0)")

SOLD_ORDERS_PARTS = (
    Part("order_total", MoneyKind.SALE, refund_follows=False),
    Part("card_processing_fees", MoneyKind.PAYMENT_FEE, refund_follows=False, sign=-1),
    Part("_refund", MoneyKind.REFUND, refund_follows=False, header_of="adjusted_order_total"),
    Part("_fee_back", MoneyKind.PAYMENT_FEE, refund_follows=False, header_of="adjusted_card_processing_fees"),
)


def _stage_order_money(ctx: ImportContext) -> None:
    """The money a Sold Orders row states, as movements of report `etsy_sold_orders`.

    The buyer's payment (Order Total) is a sale, the card processing fee a payment fee; an
    adjusted order adds the refund (Adjusted Order Total − Order Total) and the card fee given
    back (Card Processing Fees − Adjusted Card Processing Fees). Whatever else Etsy kept to
    arrive at the row's net (Order Net, or Adjusted Net Order Amount once adjusted: the sales
    tax Etsy collects and remits itself, which the file's Sales Tax column leaves at 0) is one
    more movement, `tax`, so an order's movements add up to the net the file states; profit
    takes it off the order's sales (it was never the seller's money), payouts count it. A row
    without a card fee states no money.
    Ids are the order's: a later export of the order replaces its movements. The monthly
    statement, where the seller has it, supersedes all of these (domain/money_sources.py).
    """
    fees = "coalesce(card_processing_fees, 0)"
    ctx.create(BASE, f"""
        SELECT _row, 'etsy-sold:' || order_id AS _key, sale_date AS occurred_at,
               upper(coalesce(currency, order_total__cur, $currency)) AS currency,
               '{MoneyKind.SALE.value}' AS row_kind, order_id, 'Order #' || order_id AS description,
               CAST(NULL AS VARCHAR) AS payout_id, CAST(NULL AS VARCHAR) AS sku,
               order_total, card_processing_fees,
               CASE WHEN {_ADJUSTED} THEN coalesce(adjusted_order_total, 0) - order_total END AS _refund,
               CASE WHEN {_ADJUSTED} THEN {fees} - coalesce(adjusted_card_processing_fees, 0) END AS _fee_back,
               coalesce(CASE WHEN {_ADJUSTED} THEN adjusted_net_order_amount ELSE order_net END,
                        CASE WHEN {_ADJUSTED} THEN coalesce(adjusted_order_total, 0)
                                                   - coalesce(adjusted_card_processing_fees, 0)
                             ELSE order_total - {fees} END) AS _net
        FROM {ROWS}
        WHERE card_processing_fees IS NOT NULL AND order_total IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY _row DESC) = 1
    """)
    stage_movements(ctx, SOLD_ORDERS_PARTS, report=ETSY_SOLD_ORDERS, rest_kind=MoneyKind.TAX, secondary=True)


ITEMS_SPEC = FormatSpec(
    platform="etsy",
    kind="order_lines",
    label="Etsy sold order items",
    fields=(
        field("sale_date", "date", "Sale Date", keeps_zone=True),
        field("item_name", "text", "Item Name"),
        field("buyer", "text", "Buyer"),
        field("quantity", "int", "Quantity"),
        field("price", "money", "Price"),
        field("discount_amount", "money", "Discount Amount"),
        field("order_shipping", "money", "Order Shipping"),
        field("order_sales_tax", "money", "Order Sales Tax"),
        field("item_total", "money", "Item Total"),
        field("currency", "text", "Currency"),
        field("transaction_id", "id", "Transaction ID", key=True),
        field("listing_id", "id", "Listing ID", key=True),
        field("date_paid", "date", "Date Paid"),
        field("date_shipped", "date", "Date Shipped"),
        field("ship_name", "text", "Ship Name"),
        field("ship_city", "text", "Ship City"),
        field("ship_state", "text", "Ship State"),
        field("ship_country", "text", "Ship Country"),
        field("order_id", "id", "Order ID", key=True),
        field("variations", "text", "Variations"),
        field("order_type", "text", "Order Type"),
        field("sku", "id", "SKU", key=True),
    ),
    required=frozenset({"item_name", "transaction_id", "order_id", "quantity", "price"}),
    normalise=lambda ctx: normalise_items(ctx),
)


def normalise_items(ctx: ImportContext) -> None:
    ctx.reject("order_id IS NULL", field="order_id", reason="reject.missing_order_id")
    ctx.reject("item_name IS NULL", field="item_name", reason="reject.missing_item_name")
    ctx.reject("quantity IS NULL AND quantity__raw IS NULL", field="quantity", reason="reject.missing_quantity")
    ctx.reject("price IS NULL AND price__raw IS NULL", field="price", reason="reject.missing_price")
    ctx.reject("sale_date IS NULL AND sale_date__raw IS NULL", field="sale_date", reason="reject.missing_sale_date")
    ctx.cascade_rejects("order_id", reason="reject.other_item_of_order")
    ctx.accept()
    ctx.create(LINES, f"""
        SELECT _row, $shop AS shop_id, order_id,
               CAST(row_number() OVER (PARTITION BY order_id
                                       ORDER BY length(transaction_id), transaction_id, _row) AS INTEGER) AS line_no,
               sku, item_name AS title, variations AS variant, quantity, price AS unit_price,
               coalesce(item_total, price * quantity) AS line_total,
               upper(coalesce(currency, price__cur, $currency)) AS currency
        FROM {ROWS}
    """)
    # Provisional orders (see the module docstring). A file without the shipping or the tax column does not
    # know that part of the total: the order the shop holds does (from another file), else it is left unknown.
    known = {f: f"max({f})" if ctx.has(f) else f"any_value(_stored_{column})"
             for f, column in (("order_shipping", "shipping"), ("order_sales_tax", "tax"))}
    from_shop = not ctx.has("order_shipping", "order_sales_tax")
    stored = ", k.shipping AS _stored_shipping, k.tax AS _stored_tax" if from_shop else ""
    joined = "LEFT JOIN orders k ON k.shop_id = $shop AND k.order_id = s.order_id" if from_shop else ""
    ctx.create(ORDERS, f"""
        WITH r AS (
            SELECT s.*, lower(coalesce(nullif(regexp_extract(s.buyer, '\\(([^()]+)\\)\\s*$', 1), ''), s.buyer))
                        AS buyer_key,
                   coalesce(s.item_total, s.price * s.quantity) AS amount {stored}
            FROM {ROWS} s {joined}
        )
        SELECT min(_row) AS _row, $shop AS shop_id, order_id,
               any_value(buyer_key) AS buyer_id,
               min(sale_date) AS ordered_at, arg_min(sale_date__tz, sale_date) AS ordered_tz,
               arg_min(sale_date__date_only, sale_date) AS ordered_date_only,
               min(date_paid) AS paid_at,
               CASE WHEN bool_or(date_shipped IS NOT NULL) THEN 'shipped' ELSE 'paid' END AS status,
               upper(coalesce(any_value(currency), any_value(price__cur), $currency)) AS currency,
               sum(amount) AS subtotal, {known["order_shipping"]} AS shipping, {known["order_sales_tax"]} AS tax,
               sum(amount) + coalesce({known["order_shipping"]}, 0) + coalesce({known["order_sales_tax"]}, 0) AS total,
               0 AS refunded_amount,
               any_value(order_type) AS channel, any_value(ship_city) AS ship_city,
               any_value(ship_state) AS ship_province, any_value(ship_country) AS ship_country,
               any_value(regexp_replace(buyer, '\\s*\\([^()]*\\)\\s*$', '')) AS buyer_name,
               max(date_shipped) AS shipped_at, max(date_shipped) AS _stamp, TRUE AS _provisional
        FROM r
        GROUP BY order_id
    """)
    canonical.stage_buyers_from_orders(ctx, name="buyer_name", city="ship_city", country="ship_country")
    # A row tells its order too: a later export can change only the order (shipped since).
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {LINES}")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    ctx.release_source()
    canonical.write_orders(ctx)
    canonical.write_lines(ctx)
    canonical.write_buyers(ctx)


LISTINGS_SPEC = FormatSpec(
    platform="etsy",
    kind="listings",
    label="Etsy listings",
    fields=(
        field("title", "text", "TITLE"),
        field("price", "money", "PRICE"),
        field("currency_code", "text", "CURRENCY_CODE"),
        field("quantity", "int", "QUANTITY"),
        field("tags", "text", "TAGS"),
        field("sku", "text", "SKU"),
        field("description", "text", "DESCRIPTION"),
        *(field(f"image{i}", "text", f"IMAGE{i}") for i in range(1, 11)),
    ),
    required=frozenset({"title", "price", "currency_code", "quantity"}),
    normalise=lambda ctx: normalise_listings(ctx),
)


# The SKUs the cell names ('A-1,B-2'); none: the listing is keyed by its title's stand-in (domain/sku_lines.py).
_SKUS = "list_filter(list_transform(string_split(coalesce(sku, ''), ','), lambda s: sk_id(s)), lambda s: s IS NOT NULL)"
_NO_SKU = f"len({_SKUS}) = 0"


def _reject_same_title_without_sku(ctx: ImportContext) -> None:
    """Two listings without a SKU and with one title are one key, and their sold items one line: the later would
    silently overwrite the earlier's price and stock. The first is kept, the others are rejected naming it."""
    stand_in = "sk_stand_in_sku('etsy', title)"
    ctx.run(
        f"INSERT INTO {REJECTS} "
        f"SELECT t._row, $column, t.title, $reason, "
        f"       CAST(json_object('row', f.first_row) AS VARCHAR) "
        f"FROM {TYPED} t JOIN (SELECT {stand_in} AS key, min(_row) AS first_row FROM {TYPED} "
        f"                     WHERE {_NO_SKU} AND title IS NOT NULL GROUP BY 1 HAVING count(*) > 1) f "
        f"  ON {stand_in} = f.key "
        f"WHERE {_NO_SKU} AND t._row > f.first_row AND t._row NOT IN (SELECT row_number FROM {REJECTS})",
        {"column": ctx.header("title"), "reason": "reject.same_title_without_sku"},
    )


def normalise_listings(ctx: ImportContext) -> None:
    ctx.reject("title IS NULL", field="title", reason="reject.missing_title")
    # SKU is a list ('A-1,B-2'), so staging cannot check it as one key id: each SKU is checked here.
    ctx.reject("list_bool_or(list_transform(string_split(coalesce(sku, ''), ','), "
               "lambda s: sk_id_damaged(sk_id(s))))", field="sku", reason=DAMAGED_ID)
    _reject_same_title_without_sku(ctx)
    ctx.accept()
    # '' and 0 when the export has the columns and they are empty; NULL when it has none.
    description = "coalesce(description, '')" if ctx.has("description") else "NULL::VARCHAR"
    image_columns = [f"image{i}" for i in range(1, 11) if ctx.has(f"image{i}")]
    images = ("(" + " + ".join(f"(image{i} IS NOT NULL)::INTEGER" for i in range(1, 11) if f"image{i}" in image_columns)
              + ")") if image_columns else "NULL::INTEGER"
    # A listing without a SKU sells one item kept under its title's stand-in (domain/sku_lines.py), the key its
    # sold order items are read under: its stock and its sales meet whichever file came first.
    ctx.create("_sk_listing_rows", f"""
        SELECT * REPLACE (CASE WHEN len(skus) = 0 THEN list_filter([sk_stand_in_sku('etsy', title)], lambda s: s IS NOT NULL)
                               ELSE skus END AS skus),
               coalesce(skus[1], title) AS product_id FROM (
            SELECT _row, title, {"tags" if ctx.has("tags") else "NULL::VARCHAR"} AS tags, price,
                   upper(coalesce(currency_code, price__cur, $currency)) AS currency, quantity,
                   {description} AS description, {images} AS image_count,
                   {_SKUS} AS skus
            FROM {ROWS})
    """)
    ctx.create(PRODUCTS, "SELECT _row, product_id, title FROM _sk_listing_rows")
    ctx.create(VARIANTS, """
        SELECT _row, sku, product_id, price, currency
        FROM (SELECT _row, unnest(skus) AS sku, product_id, price, currency FROM _sk_listing_rows)
    """)
    canonical.stage_tags(ctx, "SELECT product_id, tags FROM _sk_listing_rows")
    # Etsy gives one quantity per listing: it is a SKU's stock only when the listing has one SKU.
    ctx.create(STOCK, "SELECT _row, skus[1] AS sku, quantity AS on_hand FROM _sk_listing_rows "
                      "WHERE len(skus) = 1 AND quantity IS NOT NULL")
    ctx.create(LISTINGS, """
        SELECT _row, $shop AS shop_id, product_id AS listing_id,
               CASE WHEN len(skus) = 1 THEN skus[1] END AS sku, title, price, currency,
               'active' AS status, quantity, description, image_count
        FROM _sk_listing_rows
    """)
    ctx.map_rows("listings", f"SELECT _row, shop_id, listing_id FROM {LISTINGS}")
    ctx.release_source()
    canonical.write_catalogue(ctx)

SPECS = (ORDERS_SPEC, ITEMS_SPEC, LISTINGS_SPEC)
