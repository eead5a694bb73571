"""Pinduoduo 拼多多 seller order export (csv-formats.md §9).

One row per order (one item each). Units live in the header names
(`商品总价(元)`, `商品数量(件)`), the values are plain numbers. There is no buyer
account in the export, so each order is its own buyer; the recipient columns
(`收货人`, `手机`, even `省`) may be masked and are kept only as written.

Some rows have an empty `订单成交时间`; the order number starts with the day it
was placed (`200221-…` is 2020-02-21), which is used when no time column says more.
"""

from __future__ import annotations

from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_orders
from shopkeeper.importers.platforms.cn_orders import OrderShape

_ID_DAY = ("CASE WHEN regexp_full_match(order_id, '[0-9]{6}-[0-9]+') "
           "THEN '20' || order_id[1:2] || '-' || order_id[3:4] || '-' || order_id[5:6] END")

ORDER_SHAPE = OrderShape(
    lines=True,
    ordered_at=f"coalesce(deal_at, created_at, grouped_at, paid_at, sk_ts({_ID_DAY}, $zone))",
    ordered_tz=f"coalesce(deal_at__tz, created_at__tz, grouped_at__tz, paid_at__tz, sk_tz({_ID_DAY}, $zone))",
    # the order number gives the day alone
    ordered_date_only=cn_orders.date_only_of("deal_at", "created_at", "grouped_at", "paid_at",
                                             otherwise=f"CASE WHEN sk_ts({_ID_DAY}, $zone) IS NOT NULL THEN TRUE END"),
    line_total="goods_amount",
    unit_price="round(goods_amount / nullif(quantity, 0), 2)",
    discount=("CASE WHEN coalesce(shop_discount, platform_discount, pay_discount) IS NOT NULL "
              "THEN coalesce(shop_discount, 0) + coalesce(platform_discount, 0) + coalesce(pay_discount, 0) END"),
    # a refunded order gave back what the buyer paid, shipping included
    refunded="coalesce(refund, CASE WHEN n_refunded > 0 THEN coalesce(total, goods_amount) END)",
    total=("coalesce(total, goods_amount + coalesce(shipping, 0) - coalesce(shop_discount, 0) "
           "- coalesce(platform_discount, 0) - coalesce(pay_discount, 0))"),
    statuses={"未发货,退款成功": "refunded", "已发货,退款成功": "refunded", "已签收,退款成功": "refunded"},
)

ORDERS_SPEC = FormatSpec(
    platform="pinduoduo",
    kind="orders",
    label="Pinduoduo orders (拼多多订单)",
    fields=(
        field("order_id", "id", "订单号", key=True),
        field("deal_at", "date", "订单成交时间", keeps_zone=True),
        field("grouped_at", "date", "拼单成功时间", keeps_zone=True),
        field("paid_at", "date", "支付时间", keeps_zone=True),
        field("created_at", "date", "订单创建时间", keeps_zone=True),
        field("shipped_at", "date", "发货时间"),
        field("title", "text", "商品", "商品名称"),
        field("status", "text", "订单状态"),
        field("refund_reason", "text", "售后原因", "退款原因"),
        field("goods_amount", "money", "商品总价(元)"),
        field("shipping", "money", "邮费(元)"),
        field("shop_discount", "money", "店铺优惠折扣(元)"),
        field("platform_discount", "money", "平台优惠折扣(元)"),
        field("pay_discount", "money", "多多支付立减金额(元)"),
        field("total", "money", "用户实付金额(元)"),
        field("quantity", "int", "商品数量(件)"),
        field("variant", "text", "商品规格"),
        field("sku", "id", "商家编码-规格维度", "商家编码-SKU维度", "商家编码-商品维度", key=True),
        field("after_sale", "text", "售后状态"),
        field("refund", "money", "退款金额(元)"),
        field("receiver_name", "text", "收货人"),
        field("phone", "id", "手机", "收货人手机号"),
        field("province", "text", "省"),
        field("city", "text", "市"),
    ),
    required=frozenset({"order_id", "title", "quantity", "goods_amount"}),
    normalise=lambda ctx: cn_orders.normalise_orders(ctx, ORDER_SHAPE),
)

SPECS = (ORDERS_SPEC,)
