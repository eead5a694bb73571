"""JD 京东 seller order export (csv-formats.md §8).

One row per item, the order's fields repeated on each row: order `订单号`,
line (`订单号`, `商品ID`), the seller's item code `货号`. `下单帐号` is the
buyer's JD account; `客户姓名`, `联系电话` may be masked (`1******6198`) and are
kept as written but never used to tell people apart.
"""

from __future__ import annotations

from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_orders
from shopkeeper.importers.platforms.cn_orders import OrderShape

ORDER_SHAPE = OrderShape(
    lines=True,
    line_order="product_id",
    # 应付金额 is what the buyer owes after discounts; 订单金额 the order's amount before them.
    total="coalesce(payable, order_amount, lines_total)",
    subtotal="coalesce(order_amount, lines_total)",
    statuses={"锁定": "paid", "暂停": "paid"},
)

ORDERS_SPEC = FormatSpec(
    platform="jd",
    kind="orders",
    label="JD orders (京东订单)",
    fields=(
        field("order_id", "id", "订单号", key=True),
        field("product_id", "id", "商品ID", key=True),
        field("title", "text", "商品名称"),
        field("quantity", "int", "订购数量"),
        field("created_at", "date", "下单时间", keeps_zone=True),
        field("unit_price", "money", "京东价"),
        field("order_amount", "money", "订单金额"),
        field("payable", "money", "应付金额"),
        field("status", "text", "订单状态"),
        field("refund_reason", "text", "售后原因", "退款原因"),
        field("buyer_account", "text", "下单帐号", "下单账号"),
        field("receiver_name", "text", "客户姓名"),
        field("address", "text", "客户地址"),
        field("phone", "id", "联系电话"),
        field("shipping", "money", "运费金额"),
        field("paid_at", "date", "付款确认时间", keeps_zone=True),
        field("shipped_at", "date", "出库时间", "发货时间"),
        field("sku", "id", "货号", key=True),
        field("channel", "text", "订单来源"),
    ),
    required=frozenset({"order_id", "title", "quantity", "created_at", "order_amount"}),
    normalise=lambda ctx: cn_orders.normalise_orders(ctx, ORDER_SHAPE),
)

SPECS = (ORDERS_SPEC,)
