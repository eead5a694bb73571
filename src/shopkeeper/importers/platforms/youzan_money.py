"""Youzan 有赞 对账单 (balance statement), as far as it is known (money-traffic-formats.md §11).

No Youzan export was seen: the columns are those an ERP mirroring Youzan's bills
documents (收单号, 金额（元）, 账户余额, 创建时间, 类型, 业务单号, 收支方向 ...), and
the alternative names a statement export plausibly uses are accepted too. `金额`
is taken as unsigned with `收支方向` (收入/支出) signing it; a row without a
direction keeps its own sign; split 收入/支出 columns work as Alipay's do.
`业务单号` of an order row is the order export's 订单号 (E…).
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_money

WORDS: cn_money.Words = (
    ("订单入账", MoneyKind.SALE),
    ("交易手续费", MoneyKind.PAYMENT_FEE),
    *cn_money.COMMON_WORDS,
)

_AMOUNT = f"coalesce({cn_money.signed('amount', 'direction', ('收入', '入账'), ('支出', '出账'))}, " \
          f"{cn_money.split_amount('income', 'expense')})"

LEDGER = cn_money.Ledger(
    report="youzan_statement",
    movement_id="movement_id",
    amount=_AMOUNT,
    kind=cn_money.kind_case("concat_ws(' ', business_type, remark)", WORDS),
    description="concat_ws(' · ', business_type, channel, pay_method, counterparty, remark)",
    # Only an order's own number joins an order; a 提现's 业务单号 is the payout's.
    order_id="CASE WHEN regexp_full_match(business_no, 'E[0-9]{10,}') THEN business_no END",
    payout_id="CASE WHEN contains(coalesce(business_type, ''), '提现') THEN business_no END",
    balance="balance",
    account="account",
)

SPEC = FormatSpec(
    platform="youzan",
    kind="settlements",
    label="Youzan statement (对账单)",
    fields=(
        field("movement_id", "id", "收单号", "账务流水号", "流水号", key=True),
        field("account", "text", "变动账户类型", "账户类型"),
        field("amount", "money", "金额(元)", "金额（元）", "金额"),
        field("income", "money", "收入(元)", "收入（元）", "收入金额(元)", "收入"),
        field("expense", "money", "支出(元)", "支出（元）", "支出金额(元)", "支出"),
        field("balance", "money", "账户余额", "余额(元)", "余额"),
        field("source", "text", "交易来源地"),
        field("occurred_at", "date", "创建时间", "入账时间", "交易时间"),
        field("channel", "text", "交易渠道"),
        field("business_type", "text", "类型", "业务类型", "交易类型"),
        field("business_no", "id", "业务单号", "订单号", key=True),
        field("pay_flow", "id", "支付流水号"),
        field("related_no", "id", "关联单号"),
        field("direction", "text", "收支方向", "收支类型"),
        field("pay_method", "text", "支付方式"),
        field("counterparty", "text", "交易对手"),
        field("remark", "text", "备注"),
    ),
    required=frozenset({"movement_id", "occurred_at", "business_type", "business_no"}),
    normalise=lambda ctx: normalise(ctx),
)


def normalise(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, LEDGER)


SPECS = (SPEC,)
