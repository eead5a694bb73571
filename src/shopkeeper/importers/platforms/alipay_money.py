"""Taobao / Tmall 支付宝账务明细: the shop's Alipay ledger (money-traffic-formats.md §7.1).

GBK (or GB18030, sometimes UTF-8 with BOM), `#` preamble lines above the header
and `#` footers below (the 支出合计 / 收入合计 control totals), every value padded
with a trailing tab. One row is one balance movement: the money of a sale
(交易付款 / 在线支付), Tmall's 佣金 and 技术服务费 taken as 交易分账, 淘宝客
commission as 代扣款 with `tradeid:` in 备注, refunds, 提现 to the bank.
Income and expense are separate columns (收入金额（+元）, 支出金额（-元）) and
支出 is written both signed and unsigned.

The order: `业务基础订单号` where the file has it, else the `tradeid:` or the
bracketed number (`花呗交易服务费[…]`, `天猫佣金{…}`) in 备注, else `商户订单号`
without its `T200P` prefix - the 订单编号 of the Taobao export.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms import cn_money

WORDS: cn_money.Words = (
    ("交易退款", MoneyKind.REFUND),
    ("提现", MoneyKind.PAYOUT),
    ("淘宝联盟", MoneyKind.COMMISSION), ("淘宝客", MoneyKind.COMMISSION),
    ("天猫佣金", MoneyKind.COMMISSION), ("技术服务费", MoneyKind.COMMISSION),
    ("交易分账", MoneyKind.COMMISSION),
    ("交易付款", MoneyKind.SALE), ("在线支付", MoneyKind.SALE),
    *cn_money.COMMON_WORDS,
)

# `T200P` + the Taobao order number; other letters than P / other digits than 200 are other businesses.
_ORDER = """coalesce(
    nullif(regexp_extract(base_order, '^[0-9]{10,}$'), ''),
    nullif(regexp_extract(remark, 'tradeid[:：]?\\s*([0-9]{10,})', 1), ''),
    nullif(regexp_extract(remark, '[\\[{【]([0-9]{15,})[\\]}】]', 1), ''),
    nullif(regexp_extract(merchant_order, '^T[0-9]{3}P([0-9]{10,})$', 1), ''))"""

_AMOUNT = cn_money.split_amount("income", "expense")
# the specific words are in 备注 / 业务描述 (天猫佣金, 淘宝联盟), the broad ones in 业务类型
_KIND = cn_money.kind_case("concat_ws(' ', remark, business_desc, business_type)", WORDS)

LEDGER = cn_money.Ledger(
    report="alipay_ledger",
    movement_id="movement_id",
    amount=_AMOUNT,
    # A 交易付款 paid out of the shop's account is the seller buying something, not a sale.
    kind=(f"CASE WHEN ({_AMOUNT}) < 0 AND ({_KIND}) = '{MoneyKind.SALE}' THEN '{MoneyKind.OTHER}' "
          f"ELSE {_KIND} END"),
    description="concat_ws(' · ', business_type, business_desc, title, remark)",
    order_id=_ORDER,
    footer_totals=True,
    summary_totals=True,
    balance="balance",
)

SPEC = FormatSpec(
    platform="taobao",
    kind="settlements",
    label="Alipay ledger (支付宝账务明细)",
    fields=(
        field("movement_id", "id", "账务流水号", key=True),
        field("business_id", "id", "业务流水号"),
        field("merchant_order", "id", "商户订单号"),
        field("title", "text", "商品名称"),
        field("occurred_at", "date", "发生时间", "入账时间"),
        field("counterparty", "text", "对方账号", "对方名称"),
        field("income", "money", "收入金额(+元)", "收入金额（+元）", "收入金额", "收入(元)"),
        field("expense", "money", "支出金额(-元)", "支出金额（-元）", "支出金额", "支出(元)"),
        field("balance", "money", "账户余额(元)", "账户余额（元）", "账户余额"),
        field("channel", "text", "交易渠道"),
        field("business_type", "text", "业务类型"),
        field("remark", "text", "备注"),
        field("business_desc", "text", "业务描述"),
        field("base_order", "id", "业务基础订单号"),
        field("business_order", "id", "业务订单号"),
        field("bill_source", "text", "业务账单来源"),
    ),
    required=frozenset({"movement_id", "occurred_at", "income", "expense"}),
    normalise=lambda ctx: normalise(ctx),
)


def normalise(ctx: ImportContext) -> None:
    cn_money.write_ledger(ctx, LEDGER)


SPECS = (SPEC,)
