"""Which report says what an order's money was, when two reports say it.

Some of an order's money arrives twice: Etsy's Sold Orders export carries each
order's card processing fee and refund adjustments, and the monthly statement
books the same fee again among every other fee; Douyin's 结算账单 states each
settled sub-order and the 动账明细 fund flow books the same settlement as it
reaches the account. Both copies are kept in money_movements (each import is
all or nothing and undoable on its own), but only one may count.

The rule, per (shop, order): a movement of a *fallback* report counts only
while no movement of one of its *authorities* names the same order. So

* Etsy: the monthly statement (`etsy_statement`) beats Sold Orders
  (`etsy_sold_orders`). The statement is the ledger of the shop's payment
  account: it has every fee (transaction, listing, processing, labels, ads),
  taxes and deposits, while Sold Orders has the card fee only.
* Douyin: the 动账明细 fund flow (`douyin_fund_flow`) beats the 结算账单
  (`douyin_settlement_bill`). The fund flow is what moved on the account
  (subsidies, refunds after settlement, 提现 and the balance agree with it);
  the 结算账单 is the platform's statement of what each sub-order should
  settle for, written per sub-order and without the account's other
  movements. Where both exist the account is the truth the bank sees.

A fallback movement drops out of every total the moment an authority names
its order, and comes back when that authority's import is undone: nothing is
deleted, the choice is made when the money is read (`sk_money_movements()`).
Movements naming no order are never superseded: no other report covers them.

A fallback report may also state only part of an order's money. Sold Orders
knows the card fee but not the transaction or listing fees, so an Etsy order
it alone covers is not *settled*: its card fee is the file's, the rest is
still estimated from the platform's rates, and payouts still lists it as
waiting for a statement. A 结算账单 states the whole settlement (goods, fees,
refunds before settling), so a Douyin order it covers is settled.
`sk_settled_orders()` gives the orders some counted movement settles;
`sk_report_settles(report)` and `sk_report_states(report, kind)` say it of one
movement, for readers that decide per order in their own aggregation (profit).

Coverage is per order, not per month: once a statement names an order, a
refund Sold Orders shows for it waits for the statement of the refund's month.

Every reader of money_movements (profit, payouts, ad margins, reports and
charts through them) reads `sk_money_movements()`, never the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopkeeper.domain.money_kinds import MoneyKind


@dataclass(frozen=True)
class FallbackSource:
    """A report whose movements count for an order only until one of `authorities` names it."""

    report: str
    authorities: tuple[str, ...]
    # The kinds of money the report states for an order; None: all of them (it settles the order).
    states_only: frozenset[MoneyKind] | None = None

    @property
    def settles(self) -> bool:
        return self.states_only is None


ETSY_SOLD_ORDERS = "etsy_sold_orders"
ETSY_STATEMENT = "etsy_statement"
DOUYIN_SETTLEMENT_BILL = "douyin_settlement_bill"
DOUYIN_FUND_FLOW = "douyin_fund_flow"

FALLBACKS: tuple[FallbackSource, ...] = (
    FallbackSource(ETSY_SOLD_ORDERS, (ETSY_STATEMENT,),
                   states_only=frozenset({MoneyKind.SALE, MoneyKind.PAYMENT_FEE, MoneyKind.REFUND, MoneyKind.TAX,
                                                MoneyKind.OTHER})),
    FallbackSource(DOUYIN_SETTLEMENT_BILL, (DOUYIN_FUND_FLOW,)),
)


def counted_reports(named: set[str], fallbacks: tuple[FallbackSource, ...] = FALLBACKS) -> set[str]:
    """Of the reports whose movements name one order, those whose movements count for it."""
    return {report for report in named
            if not any(f.report == report and named & set(f.authorities) for f in fallbacks)}


def _values(rows: list[str]) -> str:
    return "(VALUES " + ", ".join(rows) + ")"


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_SUPERSEDED_BY = _values([f"({_lit(f.report)}, {_lit(a)})" for f in FALLBACKS for a in f.authorities])
_PARTIAL = [f for f in FALLBACKS if not f.settles]
_KINDS = "(" + ", ".join(_lit(k.value) for k in MoneyKind) + ")"
_STATES = " ".join(f"WHEN {_lit(f.report)} THEN kind IN ({', '.join(_lit(k.value) for k in sorted(f.states_only or ()))})"
                   for f in _PARTIAL)

MACROS = (
    # Does a movement of `report` state all of its order's money (settle it)? Partial reports do not.
    "CREATE OR REPLACE TEMP MACRO sk_report_settles(report) AS "
    + (f"coalesce(report, '') NOT IN ({', '.join(_lit(f.report) for f in _PARTIAL)})" if _PARTIAL else "TRUE"),
    # Does a movement of `report` state its order's money of `kind` (a partial report: only its own kinds)?
    "CREATE OR REPLACE TEMP MACRO sk_report_states(report, kind) AS "
    + (f"CASE coalesce(report, '') {_STATES} ELSE TRUE END" if _PARTIAL else "TRUE"),
)

TABLE_MACROS = (
    # money_movements as counted: a fallback report's movements of an order an authority names drop out.
    f"""CREATE OR REPLACE TEMP MACRO sk_money_movements() AS TABLE
    WITH rules(fallback, authority) AS {_SUPERSEDED_BY},
    covered AS (
        SELECT DISTINCT r.fallback, a.shop_id, a.order_id
        FROM money_movements a JOIN rules r ON r.authority = a.report
        WHERE a.order_id IS NOT NULL AND a.order_id <> '')
    SELECT m.* FROM money_movements m
    ANTI JOIN covered c ON c.fallback = m.report AND c.shop_id = m.shop_id AND c.order_id = m.order_id""",
    # (shop_id, order_id): orders a counted movement of a report that states all their money names. A kind
    # outside MoneyKind (an older reader's own word) says nothing profit can use: it settles nothing.
    # Read from the table, not through sk_money_movements(): a superseded movement's order has an authority's
    # movement, and authorities state all of an order's money (test_money_sources), so the set is the same.
    f"""CREATE OR REPLACE TEMP MACRO sk_settled_orders() AS TABLE
    SELECT DISTINCT shop_id, order_id FROM money_movements
    WHERE order_id IS NOT NULL AND order_id <> '' AND kind IN {_KINDS} AND sk_report_settles(report)""",
)
