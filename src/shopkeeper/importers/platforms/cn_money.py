"""What the Chinese money ledgers share: words to kinds, signs, stable ids, payouts.

Alipay 账务明细, Pinduoduo 店铺账务明细, JD 账单明细, Douyin 动账明细 and Youzan
对账单 each write one balance movement per row, in the platform's own words
(业务类型, 账务类型, 费用项, 动账场景 ...). A reader declares how its columns give
a movement (a `Ledger`: SQL expressions over the staged row) and this module
writes it: `money_movements` signed from the seller's view, and a `payouts` row
for every 提现, the money that left the platform for the seller's bank.

Words decide the kind, first match wins, so the specific words come first:
"交易退款" is a refund before it is a 交易, "货款充值保证金" a reserve before 货款.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from shopkeeper.domain.messages import Message
from shopkeeper.domain.money_kinds import BALANCE_LEDGERS, MoneyKind
from shopkeeper.importers.context import ROWS, ImportContext, Refused
from shopkeeper.importers.control_totals import ControlTotals
from shopkeeper.importers.money_rows import MOVEMENTS, PAYOUTS
from shopkeeper.importers.normalise_sql import sql_literal

Words = Sequence[tuple[str, MoneyKind]]

# The words every Chinese ledger uses, most specific first (a module puts its own before these).
COMMON_WORDS: Words = (
    ("退款", MoneyKind.REFUND), ("退用户", MoneyKind.REFUND), ("原路退", MoneyKind.REFUND),
    ("售后", MoneyKind.REFUND),
    ("提现", MoneyKind.PAYOUT),
    ("保证金", MoneyKind.RESERVE), ("冻结", MoneyKind.RESERVE),
    ("直通车", MoneyKind.AD), ("万相台", MoneyKind.AD), ("引力魔方", MoneyKind.AD), ("多多进宝", MoneyKind.AD),
    ("多多搜索", MoneyKind.AD), ("京东快车", MoneyKind.AD), ("京准通", MoneyKind.AD), ("千川", MoneyKind.AD),
    ("推广", MoneyKind.AD), ("广告", MoneyKind.AD),
    ("花呗", MoneyKind.PAYMENT_FEE), ("信用卡", MoneyKind.PAYMENT_FEE), ("手续费", MoneyKind.PAYMENT_FEE),
    ("支付服务费", MoneyKind.PAYMENT_FEE),
    ("佣金", MoneyKind.COMMISSION), ("技术服务费", MoneyKind.COMMISSION), ("淘宝客", MoneyKind.COMMISSION),
    ("淘宝联盟", MoneyKind.COMMISSION), ("服务费", MoneyKind.COMMISSION), ("分成", MoneyKind.COMMISSION),
    ("运费险", MoneyKind.SHIPPING_LABEL), ("快递", MoneyKind.SHIPPING_LABEL), ("运费", MoneyKind.SHIPPING_LABEL),
    ("取件", MoneyKind.SHIPPING_LABEL), ("面单", MoneyKind.SHIPPING_LABEL),
    ("赔付", MoneyKind.OTHER), ("补贴", MoneyKind.OTHER),
    ("货款", MoneyKind.SALE), ("交易", MoneyKind.SALE), ("订单收入", MoneyKind.SALE), ("结算", MoneyKind.SALE),
    ("在线支付", MoneyKind.SALE),
)


def total_row(*fields: str) -> str:
    """SQL for FormatSpec.skip_rows: a 合计 / 总计 row, wherever its word sits (a footer cut at the end is
    gone before this; this is the one between rows or moved by a re-saved sheet)."""
    return " OR ".join(f"trim({f}) IN ('合计', '总计', '合计：', '总计：')" for f in fields)


def kind_case(text_sql: str, words: Words, otherwise: str = f"'{MoneyKind.OTHER}'") -> str:
    """SQL: the kind of the first word found in `text_sql`, else `otherwise`."""
    whens = " ".join(f"WHEN contains({text_sql}, {sql_literal(word)}) THEN '{kind}'" for word, kind in words)
    return f"CASE {whens} ELSE {otherwise} END"


def signed(amount_sql: str, direction_sql: str, inward: Sequence[str], outward: Sequence[str]) -> str:
    """SQL: the amount signed by a direction column; a row without a known direction keeps its own sign."""
    ins = ", ".join(map(sql_literal, inward))
    outs = ", ".join(map(sql_literal, outward))
    return (f"CASE WHEN {direction_sql} IN ({ins}) THEN abs({amount_sql}) "
            f"WHEN {direction_sql} IN ({outs}) THEN -abs({amount_sql}) ELSE {amount_sql} END")


def split_amount(income_sql: str, expense_sql: str) -> str:
    """SQL: 收入 − |支出| (ledgers write 支出 both as `-23.45` and as `23.45`); NULL when both are empty."""
    return (f"CASE WHEN {income_sql} IS NULL AND {expense_sql} IS NULL THEN NULL "
            f"ELSE coalesce({income_sql}, 0) - abs(coalesce({expense_sql}, 0)) END")


def row_hash(*parts_sql: str) -> str:
    """SQL: an id made of the row's own cells, for ledgers that number no movement (Pinduoduo)."""
    cells = ", ".join(f"coalesce(CAST({p} AS VARCHAR), '')" for p in parts_sql)
    return f"md5(concat_ws('|', {cells}))"


@dataclass(frozen=True)
class Part:
    """One component of a row that itemises itself (Douyin's settlement: goods, fees, refunds)."""

    name: str       # the movement id's suffix: `<row's id>·<name>`
    amount: str     # SQL, signed from the seller's view; NULL or 0: no such component
    kind: MoneyKind


@dataclass(frozen=True)
class Ledger:
    """How one ledger's staged row (`_sk_rows`) gives a movement; every member is SQL over that row."""

    report: str                     # money_movements.report / payouts.report: which report said so
    movement_id: str                # the file's own movement number, stable across exports
    amount: str                     # signed from the seller's view
    kind: str                       # one of MoneyKind (kind_case)
    description: str                # the platform's own words
    order_id: str = "NULL"          # the text the platform's order importer stores as orders.order_id
    payout_id: str = "NULL"         # the 提现's own number where the ledger gives one
    currency: str = "NULL"          # a currency column or the amount's own (`amount__cur`); else the shop's
    sku: str = "NULL"
    occurred_at: str = "occurred_at"
    date_field: str = "occurred_at"  # the column a row without a date is listed under
    # A row names its movement by one of these fields (none: the id is made of the row's cells).
    id_fields: tuple[str, ...] = ("movement_id",)
    # Rows matching `itemise` become one movement per non-zero part, plus what the parts leave of
    # the row's amount under the row's own id and kind: the row's movements always add up to it.
    parts: tuple[Part, ...] = ()
    itemise: str = "FALSE"
    # The file ends with its own control totals (`#支出合计：6笔，共-1307.68元`): rows must match them.
    footer_totals: bool = False
    # Its download carries a summary (Alipay's 账务汇总) whose totals the rows must match too.
    summary_totals: bool = False
    # The account's balance after the row (账户余额) where the ledger states it, and which of the shop's
    # balances the row moved where a ledger keeps several (services/payouts.py reads both).
    balance: str = "NULL"
    account: str = "NULL"
    # False for a list of settlements (抖店结算账单): its rows settle orders but move no account the
    # seller withdraws from, so it has no 提现 to carry them and no balance to check.
    balance_ledger: bool = True

    def __post_init__(self) -> None:
        if self.balance_ledger != (self.report in BALANCE_LEDGERS):
            raise ValueError(f"{self.report}: a balance ledger is in BALANCE_LEDGERS (payouts reads what its 提现"
                             " carried from there), and only a balance ledger is")
        if not self.balance_ledger and (self.balance != "NULL" or self.account != "NULL"):
            raise ValueError(f"{self.report}: a list of settlements states no account balance")
        # A balance is checked after the movement that states it; an itemised row's parts would
        # follow its whole in that order and break the check, and no itemising ledger states one.
        if self.parts and self.balance != "NULL":
            raise ValueError(f"{self.report}: a ledger that itemises its rows cannot state balances")


def write_ledger(ctx: ImportContext, ledger: Ledger) -> None:
    """Reject unusable rows, then write the file's movements and its 提现 as payouts, all in one batch."""
    if ledger.id_fields:
        ctx.reject(" AND ".join(f"{f} IS NULL" for f in ledger.id_fields), field=ledger.id_fields[0],
                   reason="reject.missing_movement_number")
    ctx.reject(f"({ledger.occurred_at}) IS NULL AND NOT _bad", field=ledger.date_field, reason="reject.missing_date")
    ctx.reject(f"({ledger.amount}) IS NULL AND NOT _bad", field=_amount_field(ctx), reason="reject.missing_amount")
    ctx.accept()
    ctx.step(Message("progress.sorting_money"), 0.55)
    # Two rows of one file may share a number (one JD document's fee items repeat, Pinduoduo rows
    # have none): the n-th such row in file order gets `#n`, the same in every export of it.
    parts = [f"CAST(({p.amount}) AS DECIMAL(18,2)) AS _p{i}" for i, p in enumerate(ledger.parts)]
    parts_sum = " + ".join(f"coalesce(_p{i}, 0)" for i in range(len(ledger.parts))) or "0"
    pieces = [f"SELECT _row, shop_id, whole_id || '·{p.name}' AS movement_id, occurred_at, _p{i} AS amount, "
              f"currency, '{p.kind}' AS kind, order_id, description, given_payout, sku, "
              f"CAST(NULL AS DECIMAL(18,2)) AS balance, account FROM w "
              f"WHERE _split AND coalesce(_p{i}, 0) <> 0" for i, p in enumerate(ledger.parts)]
    ctx.create(MOVEMENTS, f"""
        WITH m AS (
            SELECT _row, $shop AS shop_id, CAST({ledger.movement_id} AS VARCHAR) AS base_id,
                   {ledger.occurred_at} AS occurred_at,
                   CAST({ledger.amount} AS DECIMAL(18,2)) AS amount,
                   upper(coalesce(nullif({_currency(ledger.currency)}, ''), $currency)) AS currency,
                   {ledger.kind} AS kind,
                   nullif(trim(CAST({ledger.order_id} AS VARCHAR)), '') AS order_id,
                   nullif({ledger.description}, '') AS description,
                   nullif(trim(CAST({ledger.payout_id} AS VARCHAR)), '') AS given_payout,
                   nullif(trim(CAST({ledger.sku} AS VARCHAR)), '') AS sku,
                   CAST({ledger.balance} AS DECIMAL(18,2)) AS balance,
                   nullif(trim(CAST({ledger.account} AS VARCHAR)), '') AS account,
                   coalesce(({ledger.itemise}), FALSE) AS _split{''.join(", " + p for p in parts)}
            FROM {ROWS}
        ), w AS (
            SELECT *, CASE WHEN nth = 1 THEN base_id ELSE base_id || '#' || nth END AS whole_id
            FROM (SELECT *, row_number() OVER (PARTITION BY base_id ORDER BY _row) AS nth FROM m)
        ), pieces AS (
            {"".join(piece + " UNION ALL " for piece in pieces)}
            SELECT _row, shop_id, whole_id AS movement_id, occurred_at,
                   amount - CASE WHEN _split THEN {parts_sum} ELSE 0 END AS amount,
                   currency, kind, order_id, description, given_payout, sku, balance, account
            FROM w WHERE NOT _split OR amount <> {parts_sum}
        )
        SELECT _row, shop_id, movement_id, occurred_at, CAST(amount AS DECIMAL(18,2)) AS amount, currency, kind,
               order_id, description,
               CASE WHEN kind = '{MoneyKind.PAYOUT}' THEN coalesce(given_payout, movement_id) END AS payout_id,
               sku, {sql_literal(ledger.report)} AS report, balance, account
        FROM pieces
    """)
    if ledger.footer_totals:
        check_footer_totals(ctx)
    if ledger.summary_totals and ctx.control_totals is not None:
        check_summary_totals(ctx, ctx.control_totals)
    # A 提现 is money sent to the seller's bank: the payout is what left the ledger (a ledger states no status).
    ctx.create(PAYOUTS, f"""
        SELECT min(_row) AS _row, shop_id, payout_id, max(occurred_at) AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               CAST(-sum(amount) AS DECIMAL(18,2)) AS deposit, any_value(currency) AS currency,
               CAST(NULL AS VARCHAR) AS status, any_value(report) AS report
        FROM {MOVEMENTS} WHERE kind = '{MoneyKind.PAYOUT}' GROUP BY shop_id, payout_id
    """)
    ctx.map_rows("money_movements", f"SELECT _row, shop_id, movement_id FROM {MOVEMENTS}")
    ctx.map_rows("payouts", f"SELECT _row, shop_id, payout_id FROM {MOVEMENTS} WHERE payout_id IS NOT NULL",
                 secondary=True)
    ctx.step(Message("progress.saving_money"), 0.8)
    ctx.upsert("money_movements", MOVEMENTS)
    if ctx.scalar(f"SELECT count(*) FROM {PAYOUTS}"):
        ctx.upsert("payouts", PAYOUTS)


# `#支出合计：6笔，共-1307.68元` (Alipay), `#支出合计：3485笔-59276.09元` (Pinduoduo); padded with commas.
_FOOTER_TOTAL = re.compile(r"^\W*(支出|收入)合计\s*[:：]\s*\d+\s*笔\s*[,，]?\s*共?\s*([-+]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*元")


def footer_totals(lines: Sequence[str]) -> dict[str, Decimal]:
    """{'支出': total, '收入': total} as the file's footer states them (unsigned)."""
    totals: dict[str, Decimal] = {}
    for line in lines:
        found = _FOOTER_TOTAL.match(line.strip())
        if found:
            try:
                totals[found[1]] = abs(Decimal(found[2].replace(",", "")))
            except InvalidOperation:
                continue
    return totals


def check_footer_totals(ctx: ImportContext) -> None:
    """Refuse a file whose rows do not add up to its own 支出合计 / 收入合计.

    A ledger cut short (a download that stopped, rows deleted in a spreadsheet) would
    otherwise import as if complete and the month's books would be wrong without a sign.
    Rejected rows explain a difference by themselves and are listed, so then nothing is checked.
    """
    stated = footer_totals(ctx.footer_lines)
    if not stated or ctx.rejected_count():
        return
    summed = _summed(ctx)
    for which, total in stated.items():
        if summed[which] != total:
            raise Refused(Message("import.refused.ledger_totals_differ", {
                "which": f"{which}合计", "stated": f"{total:.2f}", "rows": f"{summed[which]:.2f}"}))


def check_summary_totals(ctx: ImportContext, control: ControlTotals) -> None:
    """Refuse a ledger whose rows do not add up to the summary downloaded with it (the pair is refused:
    services/imports.py refuses the summary with the same words)."""
    if ctx.rejected_count():
        return
    summed = _summed(ctx)
    for which, total in (("收入", control.income), ("支出", control.expense)):
        if summed[which] != total:
            raise Refused(Message("import.refused.summary_totals_differ", {
                "summary": control.source, "which": which, "stated": f"{total:.2f}",
                "rows": f"{summed[which]:.2f}"}))


def _summed(ctx: ImportContext) -> dict[str, Decimal]:
    """{'收入': Σ money in, '支出': Σ |money out|} of the file's movements."""
    row = ctx.run(f"SELECT coalesce(sum(amount) FILTER (WHERE amount > 0), 0), "
                  f"coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) FROM {MOVEMENTS}").fetchone()
    return {"收入": Decimal(row[0]) if row else Decimal(0), "支出": Decimal(row[1]) if row else Decimal(0)}


def _currency(sql: str) -> str:
    # Ledgers that name their currency write it in words as often as in code.
    return (f"CASE WHEN trim(CAST({sql} AS VARCHAR)) IN ('人民币', '元', 'RMB') THEN 'CNY' "
            f"ELSE trim(CAST({sql} AS VARCHAR)) END")


def _amount_field(ctx: ImportContext) -> str | None:
    for name in ("amount", "income", "expense"):
        if name in ctx.recognised.columns:
            return name
    return None
