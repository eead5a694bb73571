"""Orders, order lines and buyers from Chinese platforms' order exports.

Taobao/Tmall, JD, Pinduoduo, Douyin and Youzan exports share a shape: one row
per order, or one row per item with the order's fields repeated on each of its
rows; Beijing time with no offset; amounts in 元; statuses as Chinese text;
personal fields masked or enciphered. Each platform's spec names its columns
with the field vocabulary below, and `normalise_orders` turns the rows into
canonical ones, with an `OrderShape` holding the SQL where platforms differ.

Vocabulary (a spec declares the fields its export has; the others read as NULL):

  order level  order_id, buyer_account, created_at, paid_at, shipped_at, status, after_sale,
               total, goods_amount, shipping, discount, refund, receiver_name,
               phone, phone2, address, province, city, channel, currency_code,
               refund_reason (the buyer's or platform's reason for a refund, cancel or close)
  line level   title, quantity, unit_price, line_amount, sku, variant, line_key

Order expressions see the order's first row plus these aggregates over its rows:
lines_total, refunded_lines_total, n_lines, n_refunded, sum_total, sum_shipping,
sum_discount, sum_refund.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shopkeeper.db.merge import table_columns
from shopkeeper.domain.messages import Message
from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, ORDERS
from shopkeeper.importers.context import ROWS, TYPED, ImportContext, q
from shopkeeper.importers.normalise_sql import sql_literal, status_case
from shopkeeper.importers.platforms import cn_people

VOCABULARY: dict[str, str] = {
    "order_id": "id", "buyer_account": "text", "created_at": "date", "paid_at": "date", "shipped_at": "date",
    "status": "text", "after_sale": "text", "total": "money", "goods_amount": "money",
    "shipping": "money", "discount": "money", "refund": "money", "receiver_name": "text",
    "phone": "id", "phone2": "id", "address": "text", "province": "text", "city": "text",
    "channel": "text", "currency_code": "text", "refund_reason": "text",
    "title": "text", "quantity": "int", "unit_price": "money", "line_amount": "money",
    "sku": "id", "variant": "text", "line_key": "id",
}

_SQL_TYPES = {"id": "VARCHAR", "text": "VARCHAR", "money": "DECIMAL(18,2)", "int": "INTEGER",
              "number": "DOUBLE", "bool": "BOOLEAN", "date": "TIMESTAMPTZ"}

# Status texts as the platforms write them, after full-width commas became ','.
# Refunds are decided from amounts and after-sale columns first (see _status_sql).
STATUSES: dict[str, str] = {
    # waiting for the buyer to pay
    "等待买家付款": "pending", "待付款": "pending", "待支付": "pending", "等待付款": "pending",
    "未付款": "pending", "等待付款确认": "pending", "待买家付款": "pending",
    # paid, not shipped
    "买家已付款,等待卖家发货": "paid", "等待卖家发货": "paid", "买家已付款": "paid", "待发货": "paid",
    "等待出库": "paid", "等待发货": "paid", "待出库": "paid", "备货中": "paid", "已支付": "paid",
    "待接单": "paid", "未发货": "paid",
    # on its way
    "卖家已发货,等待买家确认": "shipped", "卖家部分发货": "shipped", "部分发货": "shipped",
    "已发货": "shipped", "已发货,待签收": "shipped", "待签收": "shipped", "待收货": "shipped",
    "等待确认收货": "shipped", "配送中": "shipped",
    # done
    "交易成功": "completed", "交易完成": "completed", "已完成": "completed", "完成": "completed",
    "已签收": "completed", "已收货": "completed",
    # closed without money kept
    "交易关闭": "cancelled", "已关闭": "cancelled", "已取消": "cancelled", "取消": "cancelled",
    "订单取消": "cancelled", "交易取消": "cancelled",
    "退款成功": "refunded", "已退款": "refunded",
}

# A line (or a one-line order) whose money went back: the status or the
# after-sale column says the refund succeeded. '退款中' (in progress) is not one.
LINE_REFUNDED = ("(contains(coalesce(after_sale, ''), '退款成功') OR contains(coalesce(status, ''), '退款成功') "
                 "OR coalesce(after_sale, '') IN ('已退款', '退款完成'))")


def date_only_of(*fields: str, otherwise: str = "NULL") -> str:
    """SQL: whether the first of `fields` (dates kept with their zone) that has a value gave the day alone, no time
    (its `<field>__date_only`): the flag of the order time `coalesce(fields)` picks; `otherwise` when none has one."""
    arms = " ".join(f"WHEN {f} IS NOT NULL THEN {f}__date_only" for f in fields)
    return f"CASE {arms} ELSE {otherwise} END"


@dataclass(frozen=True)
class OrderShape:
    """SQL (over the vocabulary) for what one platform does its own way."""

    lines: bool | None = None  # does the file carry order lines? None: when it has title and quantity
    line_order: str = "_row"  # order of lines inside an order (line_no)
    sku: str = "sku"
    variant: str = "variant"
    unit_price: str = "coalesce(unit_price, round(line_amount / nullif(quantity, 0), 2))"
    line_total: str = "coalesce(line_amount, unit_price * quantity)"
    line_refunded: str = LINE_REFUNDED
    ordered_at: str = "coalesce(created_at, paid_at)"
    ordered_tz: str = "coalesce(created_at__tz, paid_at__tz)"
    ordered_date_only: str = date_only_of("created_at", "paid_at")  # orders.ordered_date_only, as ordered_at picks
    # Without an account the order itself is the buyer, as long as it says something about who that is (a
    # recipient, a phone, even masked: the seller matches parcels by them and may merge such buyers later). An
    # export that names nobody at all (a Tmall 订单报表 cut down for analysis) makes no buyer and no member:
    # 28,010 one-order "members" would be noise in every member figure.
    buyer_id: str = ("coalesce(buyer_account, CASE WHEN coalesce(receiver_name, phone, phone2) IS NOT NULL "
                     "THEN order_id END)")
    total: str = "coalesce(total, goods_amount + coalesce(shipping, 0) - coalesce(discount, 0), lines_total)"
    subtotal: str = "coalesce(goods_amount, lines_total)"
    shipping: str = "shipping"
    discount: str = "discount"
    refunded: str = "coalesce(refund, refunded_lines_total)"
    statuses: Mapping[str, str] = field(default_factory=dict)  # added to / overriding STATUSES


def with_vocabulary(ctx: ImportContext, source: str, name: str) -> None:
    """`name` = `source` plus a typed NULL column for every vocabulary field the spec does not declare.

    A date the spec declares without `keeps_zone` gets the platform zone's offset at that instant.
    """
    have = set(table_columns(ctx.db, source))
    extra: list[str] = []
    for fname, ftype in VOCABULARY.items():
        if fname not in have:
            extra.append(f"CAST(NULL AS {_SQL_TYPES[ftype]}) AS {q(fname)}")
        if ftype == "money" and fname + "__cur" not in have:
            extra.append(f"CAST(NULL AS VARCHAR) AS {q(fname + '__cur')}")
        elif ftype == "date" and fname + "__tz" not in have:
            value = q(fname) if fname in have else "CAST(NULL AS TIMESTAMPTZ)"
            # views cannot take parameters: the zone (an IANA name from the platforms table) is inlined
            extra.append(f"sk_offset_text(CAST(date_diff('minute', timezone('UTC', {value}), "
                         f"timezone({sql_literal(ctx.zone)}, {value})) AS INTEGER)) AS {q(fname + '__tz')}")
        if ftype == "date" and fname + "__date_only" not in have:
            # not said by a date declared without its zone, nor by one the file lacks
            extra.append(f"CAST(NULL AS BOOLEAN) AS {q(fname + '__date_only')}")
    # a view: the accepted rows of a million-line file are read, never copied, here
    ctx.run(f"CREATE OR REPLACE TEMP VIEW {q(name)} AS SELECT *{''.join(', ' + e for e in extra)} FROM {q(source)}")


def ship_city(address: str = "address", city: str = "city") -> str:
    """SQL: the city written in its own column, else the second part of '省 市 区 详细地址(邮编)'.

    A lone '上海' / '北京市' (the province of a municipality is its city) is a city too;
    a masked part ('****') is no city.
    """
    parts = f"regexp_split_to_array(trim({address}), '\\s+')"
    from_address = (f"CASE WHEN len({parts}) >= 2 THEN {parts}[2] "
                    f"ELSE nullif(regexp_extract({address}, '^(北京|上海|天津|重庆)市?', 0), '') END")
    return f"coalesce({cn_people.plain(city)}, {cn_people.plain(from_address)})"


# China's 34 province-level divisions, with the suffix an export may write or leave off: a closed list, so a
# street, a district or a '中国' in front is never taken for one. A municipality is its own province (and city).
_PROVINCE = ("(?:(?:北京|天津|上海|重庆)市?"
             "|(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南"
             "|陕西|甘肃|青海|台湾)省?"
             "|内蒙古(?:自治区)?|广西(?:壮族自治区)?|西藏(?:自治区)?|宁夏(?:回族自治区)?|新疆(?:维吾尔自治区)?"
             "|(?:香港|澳门)(?:特别行政区)?)")
# The start of an address written without spaces ('浙江省杭州市…'): only with its suffix (a municipality's may be
# left off, as ship_city reads it), so '海南藏族自治州' or '吉林市' is not read as the province 海南 or 吉林.
_PROVINCE_PREFIX = ("^(?:(?:北京|天津|上海|重庆)市?"
                    "|(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
                    "|云南|陕西|甘肃|青海|台湾)省"
                    "|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|(?:香港|澳门)特别行政区)")


def ship_province(address: str = "address", province: str = "province") -> str:
    """SQL: the province written in its own column, else the first part of '省 市 区 详细地址(邮编)'.

    An address that is only a province (a Tmall 订单报表: '内蒙古自治区', '上海') is that province; one written
    without spaces gives the province it starts with. Only a province-level name counts, as written; a masked
    part ('****') is none.
    """
    parts = f"regexp_split_to_array(trim({address}), '\\s+')"
    from_address = (f"CASE WHEN len({parts}) >= 2 THEN CASE WHEN regexp_full_match({parts}[1], '{_PROVINCE}') "
                    f"THEN {parts}[1] END "
                    f"WHEN regexp_full_match(trim({address}), '{_PROVINCE}') THEN trim({address}) "
                    f"ELSE nullif(regexp_extract(trim({address}), '{_PROVINCE_PREFIX}', 0), '') END")
    return (f"coalesce(nullif(trim({cn_people.plain(province)}), ''), "
            f"{cn_people.plain(from_address)})")


def _status_sql(shape: OrderShape) -> str:
    mapping = {**STATUSES, **shape.statuses}
    written = status_case("replace(status, '，', ',')", mapping,
                          "CASE WHEN paid_at IS NOT NULL THEN 'paid' ELSE 'pending' END")
    return f"""CASE
        WHEN _refunded > 0 AND _refunded < _total THEN 'partially_refunded'
        WHEN _refunded > 0 THEN 'refunded'
        WHEN n_refunded > 0 AND n_refunded < n_lines THEN 'partially_refunded'
        WHEN n_refunded > 0 THEN 'refunded'
        ELSE {written} END"""


def _has_lines(ctx: ImportContext, shape: OrderShape) -> bool:
    if shape.lines is not None:
        return shape.lines
    return ctx.has("title") and ctx.has("quantity")


def check_rows(ctx: ImportContext, shape: OrderShape) -> None:
    """Row-level rejects; an order loses all its rows when one of them is rejected."""
    with_vocabulary(ctx, TYPED, "_sk_cn_typed")
    src = "_sk_cn_typed"
    ctx.reject("order_id IS NULL", field="order_id", reason="reject.missing_order_number", source=src)
    if _has_lines(ctx, shape):
        ctx.reject("title IS NULL", field="title", reason="reject.missing_item_title", source=src)
        ctx.reject("quantity IS NULL AND NOT _bad", field="quantity", reason="reject.missing_item_quantity", source=src)
        ctx.reject(f"({shape.unit_price}) IS NULL AND ({shape.line_total}) IS NULL AND NOT _bad",
                   field="unit_price" if ctx.has("unit_price") else None,
                   reason="reject.missing_item_price", source=src)
    ctx.cascade_rejects("order_id", reason="reject.other_row_of_order")


def stage_orders(ctx: ImportContext, shape: OrderShape) -> None:
    """`_sk_cn` (rows + vocabulary + line values) and `_sk_orders` from the accepted rows."""
    with_vocabulary(ctx, ROWS, "_sk_cn_rows")
    ctx.create("_sk_cn", f"SELECT *, {shape.line_total} AS _lt, coalesce({shape.line_refunded}, FALSE) AS _lr "
                         "FROM _sk_cn_rows")
    ctx.create("_sk_cn_orders", """
        WITH a AS (
            SELECT order_id, sum(_lt) AS lines_total, sum(_lt) FILTER (WHERE _lr) AS refunded_lines_total,
                   count(*) AS n_lines, count(*) FILTER (WHERE _lr) AS n_refunded,
                   sum(total) AS sum_total, sum(shipping) AS sum_shipping, sum(discount) AS sum_discount,
                   sum(refund) AS sum_refund,
                   max(shipped_at) AS shipped_last,
                   string_agg(DISTINCT nullif(trim(refund_reason), ''), '; ' ORDER BY nullif(trim(refund_reason), ''))
                       AS refund_reasons
            FROM _sk_cn GROUP BY order_id
        ),
        f AS (SELECT * FROM _sk_cn QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY _row) = 1)
        SELECT f.*, a.* EXCLUDE (order_id)
        FROM f JOIN a ON a.order_id = f.order_id
    """)
    ctx.create(ORDERS, f"""
        WITH o AS (
            SELECT *, CAST({shape.total} AS DECIMAL(18,2)) AS _total,
                   CAST({shape.refunded} AS DECIMAL(18,2)) AS _refunded
            FROM _sk_cn_orders
        )
        SELECT _row, $shop AS shop_id, order_id, CAST(NULL AS VARCHAR) AS order_number,
               {shape.buyer_id} AS buyer_id,
               {shape.ordered_at} AS ordered_at, {shape.ordered_tz} AS ordered_tz,
               {shape.ordered_date_only} AS ordered_date_only, paid_at,
               shipped_last AS shipped_at,
               {_status_sql(shape)} AS status, o.status AS platform_status,
               upper(coalesce(currency_code, total__cur, goods_amount__cur, unit_price__cur, line_amount__cur,
                              $currency)) AS currency,
               CAST({shape.subtotal} AS DECIMAL(18,2)) AS subtotal,
               CAST({shape.shipping} AS DECIMAL(18,2)) AS shipping,
               CAST(NULL AS DECIMAL(18,2)) AS tax,
               CAST({shape.discount} AS DECIMAL(18,2)) AS discount,
               _total AS total, _refunded AS refunded_amount,
               channel, {ship_city()} AS ship_city, {ship_province()} AS ship_province, 'CN' AS ship_country,
               receiver_name, coalesce(phone, phone2) AS buyer_phone, buyer_account,
               refund_reasons AS refund_reason
        FROM o
    """)


def reject_incomplete_orders(ctx: ImportContext) -> bool:
    """Orders without a date or a total cannot be stored: reject their rows. True when any were."""
    ctx.create("_sk_cn_check", f"SELECT f.*, o.ordered_at AS _ordered_at, o.total AS _order_total "
                               f"FROM _sk_cn_orders f JOIN {ORDERS} o ON o.order_id = f.order_id")
    bad = ctx.reject("_ordered_at IS NULL", field="created_at" if ctx.has("created_at") else None,
                     reason="reject.missing_order_date", source="_sk_cn_check")
    bad += ctx.reject("_order_total IS NULL", field="total" if ctx.has("total") else None,
                      reason="reject.missing_order_total", source="_sk_cn_check")
    if bad:
        ctx.cascade_rejects("order_id", reason="reject.other_row_of_order")
    return bool(bad)


def stage_lines(ctx: ImportContext, shape: OrderShape) -> None:
    """`_sk_lines` from `_sk_cn`; the currency is the order's when this file staged the order."""
    ctx.create(LINES, f"""
        WITH l AS (
            SELECT _row, order_id, {shape.sku} AS sku, title, {shape.variant} AS variant, quantity,
                   CAST({shape.unit_price} AS DECIMAL(18,2)) AS unit_price, CAST(_lt AS DECIMAL(18,2)) AS line_total,
                   CASE WHEN _lr THEN quantity ELSE 0 END AS refunded_quantity,
                   upper(coalesce(currency_code, unit_price__cur, line_amount__cur, $currency)) AS currency,
                   CAST(row_number() OVER (PARTITION BY order_id ORDER BY {shape.line_order}, _row) AS INTEGER)
                       AS line_no
            FROM _sk_cn
        )
        SELECT l._row, $shop AS shop_id, l.order_id, l.line_no, l.sku, l.title, l.variant, l.quantity,
               l.unit_price, l.line_total, coalesce(o.currency, l.currency) AS currency, l.refunded_quantity
        FROM l LEFT JOIN {ORDERS} o ON o.order_id = l.order_id
    """)


def stage_buyers(ctx: ImportContext) -> None:
    """One buyer per buyer id, with the latest readable-or-opaque values as written."""
    canonical.stage_buyers_from_orders(ctx, {"country": "'CN'"}, name="receiver_name", phone="buyer_phone",
                                       city="ship_city", display_name="buyer_account")


def normalise_orders(ctx: ImportContext, shape: OrderShape) -> None:
    """The whole import of an order export: rejects, orders, lines (when the file has them), buyers."""
    check_rows(ctx, shape)
    ctx.accept()
    ctx.step(Message("progress.sorting_orders"), 0.55)
    stage_orders(ctx, shape)
    if reject_incomplete_orders(ctx):
        ctx.accept()
        stage_orders(ctx, shape)
    lines = _has_lines(ctx, shape)
    if lines:
        stage_lines(ctx, shape)
    stage_buyers(ctx)
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    if lines:
        ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    canonical.write_orders(ctx)
    if lines:
        canonical.write_lines(ctx)
    cn_people.write_buyers(ctx)
