"""Pinduoduo 店铺账务明细 (对账单): the shop's ledger (money-traffic-formats.md §8.1).

GB18030 CSV or xlsx; a title, a blank line, the period and a `----交易记录明细列表----`
divider above the header, `#支出合计：N笔-X元` / `#收入合计` below the rows. Income and
expense are separate columns, 支出 written negative; some files add `费项,金额`,
one signed amount. `业务描述` is `code|name` (`0030002|技术服务费-基础技术服务费`).
`商户订单号` is the order sn exactly as the order export's 订单号 writes it.

The ledger numbers no movement, so a movement's id is made of its own cells (order,
instant, amounts, type, description): the same row in a later, overlapping export
is the same movement.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_money

WORDS: cn_money.Words = (
    ("推广充值", MoneyKind.AD),  # money moved to the ad wallet: the ledger's only trace of that spend
    ("交易收入", MoneyKind.SALE),
    *cn_money.COMMON_WORDS,
)

_AMOUNT = f"coalesce(signed_amount, {cn_money.split_amount('income', 'expense')})"

LEDGER = cn_money.Ledger(
    report="pdd_ledger",
    movement_id=cn_money.row_hash("order_id", "epoch_ms(occurred_at)", _AMOUNT, "account_type",
                                  "business_desc", "fee_item", "remark"),
    amount=_AMOUNT,
    kind=cn_money.kind_case("concat_ws(' ', fee_item, business_desc, account_type, remark)", WORDS),
    description="concat_ws(' · ', account_type, regexp_replace(business_desc, '^[0-9]+\\|', ''), fee_item, remark)",
    order_id="order_id",
    id_fields=(),
    footer_totals=True,
    balance="balance",
)

SPEC = FormatSpec(
    platform="pinduoduo",
    kind="settlements",
    label="Pinduoduo ledger (店铺账务明细)",
    fields=(
        field("order_id", "id", "商户订单号", key=True),
        field("occurred_at", "date", "发生时间"),
        field("income", "money", "收入金额(+元)", "收入金额（+元）", "收入金额"),
        field("expense", "money", "支出金额(-元)", "支出金额（-元）", "支出金额"),
        field("account_type", "text", "账务类型"),
        field("remark", "text", "备注"),
        field("business_desc", "text", "业务描述"),
        field("fee_item", "text", "费项"),
        field("signed_amount", "money", "金额"),
        field("balance", "money", "账户余额(元)", "账户余额（元）", "账户余额"),
    ),
    required=frozenset({"order_id", "occurred_at", "income", "expense", "account_type"}),
    normalise=lambda ctx: normalise(ctx),
)


def normalise(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, LEDGER)


SPECS = (SPEC,)
