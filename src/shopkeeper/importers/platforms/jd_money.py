"""JD 账单明细 / 结算单: the fee items of each document (money-traffic-formats.md §9.1).

One row is one fee item (`费项`: 货款, 佣金, 随单送的京豆, 代收配送费 ...) of one
document (`单据编号`; `单据类型` 订单 / 取消退款单 / 售后服务单 / 非销售订单).
`金额` is written unsigned: `收支方向` (收入/支出) signs it, or `商家应收/应付`
(应收/应付) when the direction is empty. Ids are wrapped `="…"`; `订单编号` is the
order export's 订单号. The same fee item of a document in a later bill (its
settlement status moved on) is the same movement.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_money

WORDS: cn_money.Words = (
    ("代收配送费", MoneyKind.SALE),  # shipping the buyer paid, collected by JD for the seller
    ("京豆", MoneyKind.OTHER),       # seller-funded buyer points
    ("短信", MoneyKind.OTHER),
    ("货款", MoneyKind.SALE),
    *cn_money.COMMON_WORDS,
)

_DIRECTION = "coalesce(nullif(direction, ''), due)"

LEDGER = cn_money.Ledger(
    report="jd_bill",
    movement_id="concat_ws('·', coalesce(doc_id, order_id), fee_item, product_id)",
    amount=cn_money.signed("amount", _DIRECTION, ("收入", "应收"), ("支出", "应付")),
    # The goods money of a refund document is money returned to the buyer; its fees keep their kind.
    kind=(f"CASE WHEN contains(coalesce(doc_type, ''), '退款') AND contains(fee_item, '货款') "
          f"THEN '{MoneyKind.REFUND}' ELSE {cn_money.kind_case('fee_item', WORDS)} END"),
    description="concat_ws(' · ', doc_type, fee_item, settle_status, wallet_note, remark)",
    order_id="order_id",
    currency="currency",
    # When the money was due: the fee's own instant, else when it was billed or settled.
    occurred_at="coalesce(incurred_at, billed_at, settled_at, bill_day)",
    date_field="incurred_at",
    id_fields=("doc_id", "order_id"),
)

SPEC = FormatSpec(
    platform="jd",
    kind="settlements",
    label="JD bill (账单明细)",
    fields=(
        field("order_id", "id", "订单编号", key=True),
        field("doc_id", "id", "单据编号", key=True),
        field("doc_type", "text", "单据类型"),
        field("product_id", "id", "商品编号"),
        field("merchant_order", "id", "商户订单号"),
        field("title", "text", "商品名称"),
        field("settle_status", "text", "结算状态"),
        field("incurred_at", "date", "费用发生时间"),
        field("billed_at", "date", "费用计费时间"),
        field("settled_at", "date", "费用结算时间"),
        field("fee_item", "text", "费用项"),
        field("amount", "money", "金额"),
        field("currency", "text", "币种"),
        field("due", "text", "商家应收/应付"),
        field("wallet_note", "text", "钱包结算备注"),
        field("remark", "text", "备注"),
        field("direction", "text", "收支方向"),
        field("bill_day", "date", "对账日期", "账单日期"),
    ),
    required=frozenset({"order_id", "doc_id", "fee_item", "amount"}),
    skip_rows=cn_money.total_row("order_id", "doc_id", "doc_type", "fee_item", "title"),
    normalise=lambda ctx: normalise(ctx),
)


def normalise(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, LEDGER)


SPECS = (SPEC,)
