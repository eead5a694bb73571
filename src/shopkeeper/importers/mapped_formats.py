"""The shapes a seller can map any other table onto: orders, and products with stock.

A file of unknown shape (a platform's rarer export, an ERP's report, the
seller's own stock spreadsheet) is imported through a column mapping the seller
makes in the window: which column holds the order id, the order time, the SKU…
These specs are what such a mapping points at. They are deliberately not in the
registry (formats.py): their header aliases are generic words ("Date", "SKU",
"数量") that many files share, so they only ever serve to *guess* a mapping for
the seller to confirm, never to recognise a file on their own.

A mapping names the platform the rows belong to (or "other"); the spec is
copied with that platform, so the rows land in that platform's shop.
"""

from __future__ import annotations

from dataclasses import replace

from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, ORDERS, PRODUCTS, STOCK, VARIANTS
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.mapped_ad_formats import MAPPED_AD_SPECS
from shopkeeper.importers.normalise_sql import status_case

MAPPED_ORDERS = "mapped_orders"
MAPPED_PRODUCTS = "mapped_products"

# Status words seen in exports, English and Chinese, to canonical statuses. Anything
# else is kept as written in platform_status and counted as paid.
_STATUS = {
    "pending": "pending", "unpaid": "pending", "awaiting payment": "pending", "on hold": "pending",
    "等待买家付款": "pending", "待付款": "pending", "未付款": "pending",
    "paid": "paid", "processing": "paid", "unfulfilled": "paid", "awaiting shipment": "paid",
    "已付款": "paid", "待发货": "paid", "买家已付款": "paid", "等待卖家发货": "paid",
    "shipped": "shipped", "fulfilled": "shipped", "dispatched": "shipped", "in transit": "shipped",
    "已发货": "shipped", "卖家已发货": "shipped", "待收货": "shipped", "等待买家确认收货": "shipped",
    "completed": "completed", "complete": "completed", "delivered": "completed", "closed": "completed",
    "交易成功": "completed", "已完成": "completed", "已签收": "completed", "已收货": "completed",
    "cancelled": "cancelled", "canceled": "cancelled", "failed": "cancelled", "voided": "cancelled",
    "交易关闭": "cancelled", "已取消": "cancelled", "已关闭": "cancelled",
    "refunded": "refunded", "returned": "refunded", "已退款": "refunded", "退款成功": "refunded",
    "partially refunded": "partially_refunded", "部分退款": "partially_refunded",
}

_SKU = field("sku", "id", "sku", "item sku", "product code", "商家编码", "商品编码", "货号", "sku编码", key=True)

ORDERS_SPEC = FormatSpec(
    platform="other",
    kind=MAPPED_ORDERS,
    label="Orders (your column mapping)",
    fields=(
        field("order_id", "id", "order id", "order no", "order number", "order", "订单号", "订单编号", "订单id",
              key=True),
        field("order_time", "date", "order time", "order date", "date", "created at", "created", "placed",
              "下单时间", "订单创建时间", "创建时间", "付款时间", "日期", keeps_zone=True),
        _SKU,
        field("title", "text", "title", "product", "product name", "item", "item name", "name",
              "商品名称", "宝贝标题", "商品标题", "商品"),
        field("quantity", "int", "quantity", "qty", "units", "数量", "购买数量", "商品数量"),
        field("unit_price", "money", "unit price", "price", "item price", "单价", "商品单价", "价格"),
        field("line_total", "money", "line total", "item total", "subtotal", "amount", "小计", "商品金额"),
        field("order_total", "money", "order total", "total", "grand total", "paid", "实付金额", "订单金额",
              "买家实付", "实收款", "总金额"),
        field("shipping", "money", "shipping", "postage", "运费", "邮费"),
        field("discount", "money", "discount", "优惠", "优惠金额", "折扣"),
        field("refunded", "money", "refunded", "refund", "refund amount", "退款金额", "退款"),
        field("currency", "text", "currency", "币种", "货币"),
        field("status", "text", "status", "order status", "state", "订单状态", "状态"),
        field("buyer", "id", "buyer", "customer", "customer id", "buyer id", "买家", "买家会员名", "买家昵称",
              "客户", key=True),
        field("buyer_name", "text", "buyer name", "customer name", "收货人", "收货人姓名", "姓名"),
        field("email", "text", "email", "e-mail", "customer email", "邮箱"),
        field("phone", "id", "phone", "mobile", "telephone", "手机", "联系电话", "手机号"),
        field("city", "text", "city", "城市"),
        # not 'state': that is a status's word too
        field("province", "text", "province", "state/province", "province/state", "ship state", "shipping state",
              "shipping province", "省", "省份"),
        field("country", "text", "country", "国家"),
    ),
    required=frozenset({"order_id", "order_time"}),
    normalise=lambda ctx: normalise_orders(ctx),
)

PRODUCTS_SPEC = FormatSpec(
    platform="other",
    kind=MAPPED_PRODUCTS,
    label="Products and stock (your column mapping)",
    fields=(
        _SKU,
        field("title", "text", "title", "product", "product name", "name", "item", "商品名称", "名称", "品名"),
        field("variant", "text", "variant", "option", "options", "规格", "颜色分类", "款式"),
        field("price", "money", "price", "selling price", "retail price", "售价", "价格", "单价"),
        field("cost", "money", "cost", "cost price", "unit cost", "成本", "成本价", "进价"),
        field("on_hand", "int", "stock", "on hand", "quantity", "qty", "inventory", "库存", "库存数量",
              "可用库存", "数量"),
        field("barcode", "id", "barcode", "ean", "upc", "gtin", "条码", "条形码"),
        field("category", "text", "category", "类目", "分类"),
    ),
    required=frozenset({"sku"}),
    normalise=lambda ctx: normalise_products(ctx),
)

# Advertising and traffic tables (issue 13.2): mapped_ad_formats.py.
MAPPED_SPECS = {MAPPED_ORDERS: ORDERS_SPEC, MAPPED_PRODUCTS: PRODUCTS_SPEC, **MAPPED_AD_SPECS}


def mapped_spec(kind: str, platform: str) -> FormatSpec | None:
    """The spec a saved mapping of this kind points at, for the platform the seller chose."""
    spec = MAPPED_SPECS.get(kind)
    return None if spec is None else replace(spec, platform=platform)


def normalise_orders(ctx: ImportContext) -> None:
    ctx.reject("order_id IS NULL", field="order_id", reason="reject.missing_order_id")
    ctx.reject("order_time IS NULL AND order_time__raw IS NULL", field="order_time", reason="reject.missing_order_time")
    has_lines = ctx.has("title") or ctx.has("sku")
    if not has_lines and not ctx.has("order_total"):
        ctx.reject("TRUE", reason="reject.mapping_without_total_or_item")
    ctx.cascade_rejects("order_id", reason="reject.other_row_of_order")
    ctx.accept()
    col = {f: (f if ctx.has(f) else "NULL") for f in
           ("sku", "title", "quantity", "unit_price", "line_total", "order_total", "shipping", "discount",
            "refunded", "currency", "status", "buyer", "buyer_name", "email", "phone", "city", "province",
            "country")}
    cur = "order_total__cur" if ctx.has("order_total") else ("unit_price__cur" if ctx.has("unit_price") else "NULL")
    ctx.create("_sk_mapped", f"""
        SELECT _row, order_id, order_time, order_time__tz, order_time__date_only,
               {col['sku']} AS sku, coalesce({col['title']}, {col['sku']}) AS title,
               coalesce({col['quantity']}, 1) AS quantity,
               {col['unit_price']} AS unit_price, {col['line_total']} AS line_total,
               {col['order_total']} AS order_total, {col['shipping']} AS shipping, {col['discount']} AS discount,
               {col['refunded']} AS refunded, {col['status']} AS status,
               upper(coalesce({col['currency']}, {cur}, $currency)) AS currency,
               {col['buyer']} AS buyer, {col['buyer_name']} AS buyer_name, lower({col['email']}) AS email,
               {col['phone']} AS phone, {col['city']} AS city, {col['province']} AS province,
               {col['country']} AS country
        FROM {ROWS}
    """)
    if has_lines:
        ctx.create(LINES, """
            SELECT _row, $shop AS shop_id, order_id,
                   CAST(row_number() OVER (PARTITION BY order_id ORDER BY _row) AS INTEGER) AS line_no,
                   sku, title, quantity,
                   coalesce(unit_price, CASE WHEN quantity > 0 THEN line_total / quantity END, line_total, 0)
                       AS unit_price,
                   coalesce(line_total, unit_price * quantity, 0) AS line_total,
                   currency, 0 AS refunded_quantity
            FROM _sk_mapped WHERE title IS NOT NULL
        """)
    # An order's total as written (first row that has one), else what its lines add up to.
    ctx.create(ORDERS, f"""
        SELECT _row, $shop AS shop_id, order_id, buyer_id, ordered_at, ordered_tz, ordered_date_only, status,
               platform_status,
               currency, shipping, discount, total, refunded_amount, ship_city, ship_province, ship_country,
               buyer_name, email, phone
        FROM (
            SELECT _row, order_id, coalesce(email, buyer, phone) AS buyer_id,
                   order_time AS ordered_at, order_time__tz AS ordered_tz, order_time__date_only AS ordered_date_only,
                   CASE WHEN status IS NULL THEN 'completed'
                        ELSE {status_case("status", _STATUS, "'paid'")} END AS status,
                   status AS platform_status, currency,
                   first(shipping IGNORE NULLS) OVER w AS shipping,
                   first(discount IGNORE NULLS) OVER w AS discount,
                   coalesce(first(order_total IGNORE NULLS) OVER w,
                            sum(coalesce(line_total, unit_price * quantity, 0)) OVER w
                              + coalesce(first(shipping IGNORE NULLS) OVER w, 0)
                              - coalesce(first(discount IGNORE NULLS) OVER w, 0)) AS total,
                   coalesce(abs(first(refunded IGNORE NULLS) OVER w), 0) AS refunded_amount,
                   city AS ship_city, province AS ship_province, country AS ship_country, buyer_name, email, phone,
                   row_number() OVER (PARTITION BY order_id ORDER BY _row) AS nth
            FROM _sk_mapped
            WINDOW w AS (PARTITION BY order_id ORDER BY _row ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        ) WHERE nth = 1
    """)
    canonical.stage_buyers_from_orders(ctx, name="buyer_name", email="email", phone="phone", city="ship_city",
                                       country="ship_country")
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    if has_lines:
        ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    ctx.release_source()
    canonical.write_orders(ctx)
    if has_lines:
        canonical.write_lines(ctx)
    canonical.write_buyers(ctx)


def normalise_products(ctx: ImportContext) -> None:
    ctx.reject("sku IS NULL", field="sku", reason="reject.missing_sku")
    ctx.accept()
    col = {f: (f if ctx.has(f) else "NULL") for f in
           ("title", "variant", "price", "cost", "on_hand", "barcode", "category")}
    cur = "price__cur" if ctx.has("price") else ("cost__cur" if ctx.has("cost") else "NULL")
    # The last row of a SKU wins: a spreadsheet edited by hand may list a SKU twice.
    ctx.create("_sk_mapped", f"""
        SELECT _row, sku, {col['title']} AS title, {col['variant']} AS variant, {col['price']} AS price,
               {col['cost']} AS cost, {col['on_hand']} AS on_hand, {col['barcode']} AS barcode,
               {col['category']} AS category, upper(coalesce({cur}, $currency)) AS currency
        FROM {ROWS} QUALIFY row_number() OVER (PARTITION BY sku ORDER BY _row DESC) = 1
    """)
    # A SKU already in the shop keeps its product; a new one becomes a product of its own.
    ctx.create(PRODUCTS, """
        SELECT m._row, m.sku AS product_id, m.title, m.category
        FROM _sk_mapped m LEFT JOIN variants v ON v.sku = m.sku
        WHERE v.sku IS NULL AND m.title IS NOT NULL
    """)
    ctx.create(VARIANTS, """
        SELECT m._row, m.sku, coalesce(v.product_id, m.sku) AS product_id, m.variant AS option_text,
               m.price, m.cost, m.currency, m.barcode
        FROM _sk_mapped m LEFT JOIN variants v ON v.sku = m.sku
        WHERE v.sku IS NOT NULL OR m.title IS NOT NULL
    """)
    ctx.reject("_row IN (SELECT _row FROM _sk_mapped WHERE title IS NULL AND sku NOT IN (SELECT sku FROM variants))",
               field="title",
               reason="reject.new_sku_needs_title", source=ROWS)
    if ctx.has("on_hand"):
        ctx.create(STOCK, "SELECT _row, sku, on_hand FROM _sk_mapped WHERE on_hand IS NOT NULL "
                          "AND sku IN (SELECT sku FROM _sk_variants)")
    ctx.map_rows("products", f"SELECT _row, product_id FROM {PRODUCTS}")
    ctx.map_rows("variants", f"SELECT _row, sku FROM {VARIANTS}")
    ctx.release_source()
    canonical.write_catalogue(ctx)
