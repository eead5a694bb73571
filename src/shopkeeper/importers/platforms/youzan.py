"""Youzan 有赞 order export (csv-formats.md §11, from a test fixture only: unverified).

One row per order; `全部商品名称` lists the items in one cell, so such a file
gives orders without lines. When the export has item columns (`商品名称`,
`商品数量`, `商品单价`) each row is one line of its order instead. The buyer is
the nickname when the file has one, else the order; `收货人手机号/提货人手机号`
is the recipient's phone, kept as written.
"""

from __future__ import annotations

from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_orders
from shopkeeper.importers.platforms.cn_orders import OrderShape

ORDER_SHAPE = OrderShape(
    total="coalesce(total, lines_total)",
    statuses={"待成团": "paid", "已成团": "paid", "退款中": "paid"},
)

ORDERS_SPEC = FormatSpec(
    platform="youzan",
    kind="orders",
    label="Youzan orders (有赞订单)",
    fields=(
        field("order_id", "id", "订单号", key=True),
        field("created_at", "date", "订单创建时间", "下单时间", "创建时间", keeps_zone=True),
        field("paid_at", "date", "买家付款时间", "付款时间", keeps_zone=True),
        field("shipped_at", "date", "发货时间"),
        field("phone", "id", "收货人手机号/提货人手机号", "收货人手机号"),
        field("receiver_name", "text", "收货人/提货人", "收货人姓名", "收货人"),
        field("buyer_account", "text", "买家昵称", "粉丝昵称"),
        field("total", "money", "订单实付金额"),
        field("goods_amount", "money", "商品金额合计", "商品总价"),
        field("shipping", "money", "运费"),
        field("refund", "money", "退款金额"),
        field("status", "text", "订单状态"),
        field("after_sale", "text", "售后状态", "退款状态"),
        field("title", "text", "商品名称"),
        field("quantity", "int", "商品数量"),
        field("unit_price", "money", "商品单价", "单价"),
        field("sku", "id", "规格编码", "商品编码", key=True),
        field("variant", "text", "商品规格", "规格"),
        field("address", "text", "详细收货地址/提货地址", "收货地址"),
        field("province", "text", "收货人省份"),
        field("city", "text", "收货人城市"),
    ),
    required=frozenset({"order_id", "total", "status"}),
    normalise=lambda ctx: cn_orders.normalise_orders(ctx, ORDER_SHAPE),
)

SPECS = (ORDERS_SPEC,)
