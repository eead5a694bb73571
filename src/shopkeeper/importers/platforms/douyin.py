"""Douyin 抖店 seller exports: orders and the 动账明细 fund flow (csv-formats.md §10).

Orders: one row per sub-order (`子订单编号`) with the order's fields (`主订单编号`)
repeated. Amounts are per sub-order - `订单应付金额` and `运费` are what this
sub-order owes - so the order's total and shipping are their sums. Cells are
wrapped in a tab inside the quotes (`"\t6917926768823643751"`, even text), `-`
means empty, and the recipient columns are cipher text (`##密文`, `$$…$$`):
kept exactly as written, never used to match people. No buyer account is
exported, so each order is its own buyer unless the file has a nickname column.

Fund flow (动账明细): one row per movement of money on the shop's account.
`动账方向` says in (入账) or out (出账); some exports sign `动账金额`, others
write it unsigned, so the direction decides the sign. Both spellings of
`动账`/`动帐` occur in headers; ids carry a leading `'`.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_money, cn_orders
from shopkeeper.importers.platforms.cn_orders import OrderShape

ORDER_SHAPE = OrderShape(
    lines=True,
    line_order="line_key",
    line_total="coalesce(total, line_amount)",
    unit_price="round(coalesce(line_amount, total) / nullif(quantity, 0), 2)",
    total="sum_total",
    subtotal="lines_total",
    shipping="sum_shipping",
    discount="sum_discount",
    statuses={"待确认收货": "shipped", "已揽收": "shipped"},
)

ORDERS_SPEC = FormatSpec(
    platform="douyin",
    kind="orders",
    label="Douyin orders (抖店订单)",
    fields=(
        field("order_id", "id", "主订单编号", key=True),
        field("line_key", "id", "子订单编号", key=True),
        field("title", "text", "选购商品", "商品名称"),
        field("variant", "text", "商品规格"),
        field("quantity", "int", "商品数量"),
        field("sku", "id", "商家编码", key=True),
        field("line_amount", "money", "商品金额"),
        field("total", "money", "订单应付金额"),
        field("shipping", "money", "运费"),
        field("discount", "money", "商家实际承担优惠金额"),
        field("receiver_name", "text", "收件人"),
        field("phone", "id", "收件人手机号"),
        field("address", "text", "详细地址"),
        field("province", "text", "省"),
        field("city", "text", "市"),
        field("created_at", "date", "订单提交时间", "下单时间", keeps_zone=True),
        field("paid_at", "date", "支付完成时间", "支付时间", keeps_zone=True),
        field("status", "text", "订单状态"),
        field("after_sale", "text", "售后状态"),
        field("refund_reason", "text", "售后原因", "退款原因", "取消原因"),
        field("channel", "text", "流量来源", "流量渠道", "流量体裁"),
        field("buyer_account", "text", "买家昵称", "用户昵称"),
    ),
    required=frozenset({"order_id", "line_key", "title", "quantity", "total"}),
    normalise=lambda ctx: cn_orders.normalise_orders(ctx, ORDER_SHAPE),
)


SETTLEMENT_SPEC = FormatSpec(
    platform="douyin",
    kind="settlements",
    label="Douyin fund flow (动账明细)",
    fields=(
        field("movement_id", "id", "动帐流水号", "动账流水号", key=True),
        field("occurred_at", "date", "动账时间", "动帐时间"),
        field("direction", "text", "动账方向", "动帐方向"),
        field("amount", "money", "动账金额", "动帐金额"),
        field("account", "text", "动账账户", "动帐账户"),
        field("scene", "text", "动账场景", "动帐场景"),
        field("billing_type", "text", "计费类型"),
        field("order_id", "id", "订单号", key=True),
        field("sub_order_id", "id", "子订单号", key=True),
        field("remark", "text", "备注"),
    ),
    required=frozenset({"movement_id", "occurred_at", "direction", "amount"}),
    normalise=lambda ctx: normalise_settlements(ctx),
)

# What a movement is, from its scene text; the platform's own words stay in the description.
# 服务费返还 gives a fee back: a commission, positive. 消费者赔付 and subsidies are "other".
WORDS: cn_money.Words = (
    ("服务费返还", MoneyKind.COMMISSION),
    ("货款充值保证金", MoneyKind.RESERVE),
    ("站外推广", MoneyKind.AD),
    *cn_money.COMMON_WORDS,
)

FUND_FLOW = cn_money.Ledger(
    report="douyin_fund_flow",
    movement_id="movement_id",
    amount=cn_money.signed("amount", "direction", ("入账",), ("出账",)),
    kind=cn_money.kind_case("coalesce(scene, '')", WORDS),
    description="concat_ws(' · ', scene, billing_type, account, remark)",
    order_id="coalesce(order_id, sub_order_id)",
    currency="amount__cur",
)


def normalise_settlements(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, FUND_FLOW)


SPECS = (ORDERS_SPEC, SETTLEMENT_SPEC)
