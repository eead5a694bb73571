"""Taobao / Tmall seller exports: 订单报表 (orders) and 宝贝报表 (order lines), csv-formats.md §7.1-7.2.

An export comes as two files: `ExportOrderList*.csv`, one row per order, and
`ExportOrderDetailList*.csv`, one row per item, joined on the order number
(`订单编号`; the newer line file calls it `主订单编号` and numbers its own rows
`子订单编号`). Both are GBK, both wrap ids as `="…"`, both exist in an old and a
newer, wider column set, and the seller may drop them in either order.

So each file owns its own records, and the result does not depend on the order:
the order file writes orders and buyers, never lines; the line file writes
lines and, for orders the shop does not know yet, a provisional order from the
line file's own columns (date, status, amounts). Against an order the shop
already has, the line file only fills what is still empty, and the order file
overwrites the provisional values with its own whenever it has them - so
either way round every order field ends up as "the order file's value, else
the line file's".

Points (`买家支付积分`, `返点积分`, `买家实际支付积分`) are Taobao points, not
money, and are deliberately not read.
"""

from __future__ import annotations

from dataclasses import replace

from shopkeeper.domain.messages import Message
from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LINES, ORDERS
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_orders
from shopkeeper.importers.platforms.cn_orders import OrderShape

ORDER_SHAPE = OrderShape(lines=False)

ORDERS_SPEC = FormatSpec(
    platform="taobao",
    kind="orders",
    label="Taobao/Tmall orders (订单报表)",
    fields=(
        field("order_id", "id", "订单编号", key=True),
        field("buyer_account", "text", "买家会员名"),
        field("goods_amount", "money", "买家应付货款"),
        field("shipping", "money", "买家应付邮费"),
        field("total", "money", "总金额"),
        field("status", "text", "订单状态"),
        field("receiver_name", "text", "收货人姓名"),
        field("address", "text", "收货地址"),
        field("phone", "id", "联系手机"),
        field("phone2", "id", "联系电话"),
        field("created_at", "date", "订单创建时间", keeps_zone=True),
        field("paid_at", "date", "订单付款时间", keeps_zone=True),
        field("shipped_at", "date", "发货时间"),
        field("refund", "money", "退款金额"),
        # why a paid order was closed: the refund's reason as Taobao words it
        field("refund_reason", "text", "订单关闭原因", "退款原因", "售后原因"),
    ),
    required=frozenset({"order_id", "total", "created_at"}),
    normalise=lambda ctx: cn_orders.normalise_orders(ctx, ORDER_SHAPE),
)

# The line file names no buyer, and its provisional order is the sum of its lines.
LINE_SHAPE = OrderShape(
    lines=True,
    line_order="line_key",
    buyer_id="CAST(NULL AS VARCHAR)",
    ordered_at="created_at",
    ordered_tz="created_at__tz",
    ordered_date_only="created_at__date_only",
    total="lines_total",
    subtotal="lines_total",
    refunded="coalesce(sum_refund, refunded_lines_total)",
    # the seller's code for the item, else the code of the seller's own system
    sku="coalesce(sku, external_code)",
    variant="coalesce(variant, package)",
)

LINES_SPEC = FormatSpec(
    platform="taobao",
    kind="order_lines",
    label="Taobao/Tmall order lines (宝贝报表)",
    fields=(
        # the new file's 主订单编号 is the order file's 订单编号
        field("order_id", "id", "主订单编号", "订单编号", key=True),
        field("line_key", "id", "子订单编号", key=True),
        field("title", "text", "标题"),
        field("unit_price", "money", "价格"),
        field("quantity", "int", "购买数量"),
        field("sku", "id", "商家编码", key=True),
        field("external_code", "id", "外部系统编号", key=True),
        field("variant", "text", "商品属性", "规格名称"),
        field("package", "text", "套餐信息"),
        field("status", "text", "订单状态"),
        field("line_amount", "money", "买家应付货款"),
        field("after_sale", "text", "退款状态"),
        field("refund", "money", "退款金额"),
        field("created_at", "date", "订单创建时间", keeps_zone=True),
        field("paid_at", "date", "订单付款时间"),
    ),
    required=frozenset({"order_id", "title", "unit_price", "quantity"}),
    normalise=lambda ctx: normalise_lines(ctx),
)

# A line refunds when its refund succeeded or its refund covers what it cost.
_LINE_REFUNDED = f"({cn_orders.LINE_REFUNDED} OR (refund > 0 AND refund >= {LINE_SHAPE.line_total}))"


def normalise_lines(ctx: ImportContext) -> None:
    shape = replace(LINE_SHAPE, line_refunded=_LINE_REFUNDED)
    cn_orders.check_rows(ctx, shape)
    ctx.accept()
    ctx.step(Message("progress.sorting_orders"), 0.55)
    cn_orders.stage_orders(ctx, shape)
    _fill_orders(ctx)
    cn_orders.stage_lines(ctx, shape)
    ctx.map_rows("orders", f"SELECT _row, shop_id, order_id FROM {ORDERS}")
    ctx.map_rows("order_lines", f"SELECT _row, shop_id, order_id, line_no FROM {LINES}")
    canonical.write_orders(ctx)
    canonical.write_lines(ctx)


def _fill_orders(ctx: ImportContext) -> None:
    """Provisional orders from the line file's own columns (see freshness.py).

    They only fill what the order file does not say, whichever file came first.
    An order the line file cannot date or total is only staged when the shop
    has it, to fill its empty fields.
    """
    ctx.create(ORDERS, f"""
        SELECT s._row, s.shop_id, s.order_id, s.ordered_at, s.ordered_tz, s.ordered_date_only, s.paid_at, s.status,
               s.platform_status,
               s.currency, s.subtotal, s.total, s.refunded_amount, 'CN' AS ship_country, TRUE AS _provisional
        FROM {ORDERS} s
        WHERE (s.ordered_at IS NOT NULL AND s.total IS NOT NULL)
           OR EXISTS (SELECT 1 FROM orders t WHERE t.shop_id = s.shop_id AND t.order_id = s.order_id)
    """)

SPECS = (ORDERS_SPEC, LINES_SPEC)
