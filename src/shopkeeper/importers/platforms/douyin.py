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
`动账`/`动帐` occur in headers; ids carry a leading `'`. The 39-column export
itemises a settlement (订单实付应结, subsidies, 订单退款, 平台服务费, 佣金 ...), so
a settled order's fees are movements of their own (money-traffic-formats.md §10.1).

Settlement bill (结算账单 / 订单结算明细): one settled sub-order per row, its
结算金额 what the seller receives for it, itemised like a fund-flow settlement
where the file has the columns. It states the same money as the fund flow's
settlement of that order, so it counts only until a 动账明细 names the order
(domain/money_sources.py).
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.domain.money_sources import DOUYIN_FUND_FLOW, DOUYIN_SETTLEMENT_BILL
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
        field("shipped_at", "date", "发货时间"),
        field("status", "text", "订单状态"),
        field("after_sale", "text", "售后状态"),
        field("refund_reason", "text", "售后原因", "退款原因", "取消原因"),
        field("channel", "text", "流量来源", "流量渠道", "流量体裁"),
        field("buyer_account", "text", "买家昵称", "用户昵称"),
    ),
    required=frozenset({"order_id", "line_key", "title", "quantity", "total"}),
    normalise=lambda ctx: cn_orders.normalise_orders(ctx, ORDER_SHAPE),
)


# Platform, creator and bank money paid on top of what the buyer paid; the seller receives it.
_SUBSIDIES = ("实际平台补贴", "实际平台补贴_运费", "其他平台补贴", "以旧换新抵扣", "政府补贴平台垫资", "实际达人补贴",
              "实际抖音支付补贴", "实际抖音月付营销补贴", "银行补贴")
# What the platform and its partners keep of a settled order.
_FEES = ("平台服务费", "佣金", "服务商佣金", "渠道分成", "招商服务费", "其他分成")

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
        # What a settlement (货款结算入账) is made of, in the 39-column export
        field("paid", "money", "订单实付应结"),
        field("shipping_paid", "money", "运费实付"),
        *(field(f"subsidy_{i}", "money", name) for i, name in enumerate(_SUBSIDIES)),
        field("refunded", "money", "订单退款"),
        *(field(f"fee_{i}", "money", name) for i, name in enumerate(_FEES)),
        field("offsite_ads", "money", "站外推广费"),
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


def _total(names: list[str]) -> str:
    # The export writes these unsigned (the row's direction applies); a column the file lacks is NULL.
    return "nullif(" + " + ".join(f"abs(coalesce({n}, 0))" for n in names) + ", 0)"


_SETTLED = cn_money.kind_case("coalesce(scene, '')", WORDS)

FUND_FLOW = cn_money.Ledger(
    report=DOUYIN_FUND_FLOW,
    movement_id="movement_id",
    amount=cn_money.signed("amount", "direction", ("入账",), ("出账",)),
    kind=_SETTLED,
    description="concat_ws(' · ', scene, billing_type, account, remark)",
    order_id="coalesce(order_id, sub_order_id)",
    currency="amount__cur",
    account="account",
    # A settlement says what it is made of: the sale, subsidies, refunds taken off it, the fees and
    # off-site ads kept; each becomes its own movement and anything unexplained stays a sale.
    itemise=f"direction = '入账' AND {_SETTLED} = '{MoneyKind.SALE}'",
    parts=(
        cn_money.Part("sale", _total(["paid", "shipping_paid"]), MoneyKind.SALE),
        cn_money.Part("subsidy", _total([f"subsidy_{i}" for i in range(len(_SUBSIDIES))]), MoneyKind.OTHER),
        cn_money.Part("refund", f"-{_total(['refunded'])}", MoneyKind.REFUND),
        cn_money.Part("commission", f"-{_total([f'fee_{i}' for i in range(len(_FEES))])}", MoneyKind.COMMISSION),
        cn_money.Part("ad", f"-{_total(['offsite_ads'])}", MoneyKind.AD),
    ),
)


def normalise_settlements(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, FUND_FLOW)


# 结算账单 (订单结算明细): one settled sub-order per row (money-traffic-formats.md §10.2). Only 结算金额, 结算时间,
# 下单时间, 子订单号 and 订单号 are known for sure; the breakdown columns are read where the file has them, under
# the names the 动账明细 and the settlement API use.
SETTLEMENT_BILL_SPEC = FormatSpec(
    platform="douyin",
    kind="settlement_bill",
    label="Douyin settlement bill (结算账单)",
    fields=(
        field("settled_at", "date", "结算时间"),
        field("ordered_at", "date", "下单时间"),
        field("order_id", "id", "订单号", "店铺订单号", key=True),
        field("sub_order_id", "id", "子订单号", "商品订单号", key=True),
        field("settle_amount", "money", "结算金额", "商家实收"),
        field("request_no", "id", "结算单号", "结算流水号", key=True),
        field("product_id", "id", "商品ID", "商品id"),
        field("title", "text", "商品名称"),
        field("flow_type", "text", "业务类型", "结算类型", "账单类型"),
        field("account", "text", "结算账户", "结算渠道", "支付方式"),
        field("remark", "text", "备注"),
        field("paid", "money", "订单实付应结", "订单实付", "实付金额", "订单总价"),
        field("shipping_paid", "money", "运费实付", "运费"),
        *(field(f"subsidy_{i}", "money", name) for i, name in enumerate(_SUBSIDIES)),
        field("refunded", "money", "结算前退款金额", "订单退款", "退款金额"),
        *(field(f"fee_{i}", "money", name) for i, name in enumerate(_FEES)),
        field("offsite_ads", "money", "站外推广费"),
    ),
    required=frozenset({"settled_at", "ordered_at", "order_id", "sub_order_id", "settle_amount"}),
    normalise=lambda ctx: normalise_settlement_bill(ctx),
    # Exports and the parsers that read them carry a row under the header that is no settlement (a 合计, a
    # note on units): its 结算时间 cell holds words, not a time. An empty cell is a row missing its date.
    skip_rows=("(regexp_matches(trim(coalesce(settled_at__r, '')), '^[^0-9]')"
               f" OR {cn_money.total_row('order_id', 'sub_order_id', 'title', 'flow_type')})"),
)

_BILL_KIND = cn_money.kind_case("coalesce(flow_type, '')", WORDS, otherwise=f"'{MoneyKind.SALE}'")

SETTLEMENT_BILL = cn_money.Ledger(
    report=DOUYIN_SETTLEMENT_BILL,
    # A sub-order settles once per 结算单; a file without that number names the settlement by its sub-order.
    movement_id="'settle:' || coalesce(request_no || ':', '') || sub_order_id",
    id_fields=("sub_order_id",),
    amount="settle_amount",
    kind=_BILL_KIND,
    description="concat_ws(' · ', flow_type, title, account, remark)",
    order_id="coalesce(order_id, sub_order_id)",
    currency="settle_amount__cur",
    occurred_at="settled_at",
    date_field="settled_at",
    # A settlement states what makes it (as the 动账明细 does); the rest stays under the row's kind.
    itemise=f"{_BILL_KIND} = '{MoneyKind.SALE}'",
    parts=FUND_FLOW.parts,
    balance_ledger=False,
)


def normalise_settlement_bill(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, SETTLEMENT_BILL)


SPECS = (ORDERS_SPEC, SETTLEMENT_SPEC, SETTLEMENT_BILL_SPEC)
