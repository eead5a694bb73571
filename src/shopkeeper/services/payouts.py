"""Payout reconciliation: does each deposit equal the lines that make it up, and what never got paid.

Movements are read as domain/money_sources.py counts them (`sk_money_movements()`).

Per payout (a `payouts` row, or a payout id the movements name without one):
`lines_total` is the sum of its movements in the payout's currency, the
transfer itself (kind payout) left out, and `difference` = deposit −
lines_total; a payout whose report gave no deposit takes it from its transfer
movement (the money that left the balance for the bank). Movements in another
currency are counted apart (`other_currency_lines`), never added in.

Beside the payouts, three lists a seller doing the monthly books asks for:

* unsettled orders: sold orders older than `days` of a shop whose platform has
  settlements (some order is settled), that no settling report names yet (an
  Etsy order with only Sold Orders' card fee still waits for its statement:
  domain/money_sources.py);
* money with no order: movements naming an order the shop does not hold;
* the month-end split: each payout's lines by the month they happened in (in
  the platform's time zone), for payouts whose lines cross a month's end.

Balance ledgers (支付宝账务明细, 拼多多账务明细, 抖店动账明细, 有赞对账单 ...) name
no payout on their lines: a 提现 takes money out of an account that sales, fees
and refunds moved before it. There a payout's lines are the account's movements
since its previous 提现, in the ledger's order (time, then the ledger's own
movement number); `opening_balance` is the balance before the first of them (the
first row's 账户余额 less its amount, where the ledger states balances), and
`difference` = deposit − (opening + lines): what stayed in the account. All of it
is read from the stored rows, so files imported in any order give the same answer.

Balance breaks: where a ledger states balances, each one must be the previous
one plus the movements between them. A row where it is not shows a gap: a month
not imported, or a movement the ledger did not show; `gap` is the money missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.domain.money_kinds import BALANCE_LEDGERS, MoneyKind

DEFAULT_UNSETTLED_DAYS = 30

_PAYOUT = MoneyKind.PAYOUT.value

_LEDGERS = ", ".join(f"'{r}'" for r in sorted(BALANCE_LEDGERS))
# Ledger order: time, then the ledger's own movement number (numbers of one length sort as text; a
# longer one is a later one), which orders a payment and its commission written in the same second.
_LEDGER_ORDER = "occurred_at, length(movement_id), movement_id"
_ACCOUNT = f"PARTITION BY shop_id, report, account ORDER BY {_LEDGER_ORDER}"

# Balance-ledger movements in ledger order: `run` the account's running sum, `seg` how many 提现 of the
# account came before (a 提现 carries the lines of its own seg), `seg_opening` the balance before the
# seg's first row. `payout_lines`: every payout's movements, named by the report or carried by a 提现.
_LINES_CTE = f"""
ordered AS (
    SELECT shop_id, movement_id, report, account, occurred_at, amount, kind, currency, payout_id, balance,
           sum(amount) OVER (ORDER_ACCOUNT ROWS UNBOUNDED PRECEDING) AS run,
           coalesce(sum(CASE WHEN kind = '{_PAYOUT}' THEN 1 ELSE 0 END)
                    OVER (ORDER_ACCOUNT ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS seg
    FROM sk_money_movements() WHERE report IN ({_LEDGERS})),
ledger AS (
    SELECT *, first_value(balance - amount) OVER (PARTITION BY shop_id, report, account, seg
                                                  ORDER BY LEDGER_ORDER) AS seg_opening
    FROM ordered),
transfers AS (
    SELECT shop_id, report, account, seg, payout_id, occurred_at, seg_opening FROM ledger WHERE kind = '{_PAYOUT}'),
payout_lines AS (
    SELECT shop_id, payout_id, movement_id, occurred_at, amount, kind, currency
    FROM sk_money_movements() WHERE payout_id IS NOT NULL
    UNION ALL
    SELECT l.shop_id, t.payout_id, l.movement_id, l.occurred_at, l.amount, l.kind, l.currency
    FROM ledger l JOIN transfers t ON t.shop_id = l.shop_id AND t.report = l.report
         AND t.account IS NOT DISTINCT FROM l.account AND t.seg = l.seg
    WHERE l.kind <> '{_PAYOUT}')
""".replace("ORDER_ACCOUNT", _ACCOUNT).replace("LEDGER_ORDER", _LEDGER_ORDER)

# Every payout the shop knows of: its row, or (named only by movements) its transfer movements.
_PAYOUTS_SQL = f"""
WITH {_LINES_CTE},
named AS (
    SELECT shop_id, payout_id, min(occurred_at) AS first_at, max(occurred_at) AS last_at,
           arg_max(currency, kind = '{_PAYOUT}') AS currency,
           -sum(amount) FILTER (WHERE kind = '{_PAYOUT}') AS transferred
    FROM sk_money_movements() WHERE payout_id IS NOT NULL GROUP BY shop_id, payout_id),
known AS (
    SELECT coalesce(p.shop_id, n.shop_id) AS shop_id, coalesce(p.payout_id, n.payout_id) AS payout_id,
           coalesce(p.paid_at, n.last_at) AS paid_at, coalesce(p.currency, n.currency) AS currency,
           coalesce(p.deposit, n.transferred) AS deposit, p.status
    FROM payouts p FULL JOIN named n ON n.shop_id = p.shop_id AND n.payout_id = p.payout_id),
lines AS (
    SELECT k.shop_id, k.payout_id,
           coalesce(sum(m.amount) FILTER (WHERE m.kind <> '{_PAYOUT}' AND m.currency = k.currency), 0) AS total,
           count(m.movement_id) FILTER (WHERE m.kind <> '{_PAYOUT}' AND m.currency = k.currency) AS n,
           count(m.movement_id) FILTER (WHERE m.kind <> '{_PAYOUT}' AND m.currency <> k.currency) AS other_n
    FROM known k LEFT JOIN payout_lines m ON m.shop_id = k.shop_id AND m.payout_id = k.payout_id
    GROUP BY k.shop_id, k.payout_id),
opening AS (
    SELECT shop_id, payout_id, arg_min(seg_opening, occurred_at) AS opening FROM transfers GROUP BY ALL)
SELECT k.shop_id, coalesce(s.platform, split_part(k.shop_id, ':', 1)) AS platform, k.payout_id, k.paid_at,
       k.currency, k.deposit, k.status, CAST(l.total AS DECIMAL(18,2)), l.n, l.other_n,
       CAST(k.deposit - coalesce(o.opening, 0) - l.total AS DECIMAL(18,2)) AS difference,
       CAST(o.opening AS DECIMAL(18,2)), o.payout_id IS NOT NULL
FROM known k JOIN lines l ON l.shop_id = k.shop_id AND l.payout_id = k.payout_id
LEFT JOIN opening o ON o.shop_id = k.shop_id AND o.payout_id = k.payout_id
LEFT JOIN shops s ON s.shop_id = k.shop_id
ORDER BY k.paid_at NULLS LAST, k.shop_id, k.payout_id
"""

# Stated balances that are not the previous one plus the movements between them.
_BREAKS_SQL = f"""
WITH {_LINES_CTE},
stated AS (
    SELECT *, balance - run AS base, lag(balance - run) OVER acct AS prev_base,
           lag(occurred_at) OVER acct AS prev_at, lag(movement_id) OVER acct AS prev_movement
    FROM ledger WHERE balance IS NOT NULL
    WINDOW acct AS ({_ACCOUNT}))
SELECT b.shop_id, coalesce(s.platform, split_part(b.shop_id, ':', 1)) AS platform, b.report, b.account,
       b.movement_id, b.occurred_at, b.prev_movement, b.prev_at, b.currency,
       CAST(b.balance - (b.base - b.prev_base) AS DECIMAL(18,2)), b.balance,
       CAST(b.base - b.prev_base AS DECIMAL(18,2)), t.payout_id
FROM stated b LEFT JOIN shops s ON s.shop_id = b.shop_id
LEFT JOIN transfers t ON t.shop_id = b.shop_id AND t.report = b.report
     AND t.account IS NOT DISTINCT FROM b.account AND t.seg = b.seg
WHERE b.base <> b.prev_base
ORDER BY b.occurred_at, b.shop_id, length(b.movement_id), b.movement_id
"""

# Sold orders of settling platforms that no movement names, ordered before the cut-off day.
_UNSETTLED_SQL = """
WITH settling AS (
    SELECT DISTINCT coalesce(s.platform, split_part(m.shop_id, ':', 1)) AS platform
    FROM sk_settled_orders() m LEFT JOIN shops s ON s.shop_id = m.shop_id)
SELECT o.shop_id, coalesce(s.platform, split_part(o.shop_id, ':', 1)) AS platform, o.order_id, o.day,
       o.currency, o.total
FROM sk_sales() o LEFT JOIN shops s ON s.shop_id = o.shop_id
WHERE coalesce(s.platform, split_part(o.shop_id, ':', 1)) IN (SELECT platform FROM settling)
  AND o.day < ?
  AND NOT EXISTS (SELECT 1 FROM sk_settled_orders() m WHERE m.shop_id = o.shop_id AND m.order_id = o.order_id)
ORDER BY o.day, o.shop_id, o.order_id
"""

_UNMATCHED_SQL = """
SELECT m.shop_id, m.movement_id, m.occurred_at, m.kind, m.order_id, m.amount, m.currency, m.payout_id
FROM sk_money_movements() m
WHERE m.order_id IS NOT NULL AND m.order_id <> ''
  AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = m.shop_id AND o.order_id = m.order_id)
ORDER BY m.occurred_at, m.shop_id, m.movement_id
"""

# A payout's lines (the transfer aside) per month they happened in, where they span more than one month.
_SPLIT_SQL = f"""
WITH {_LINES_CTE},
lines AS (
    SELECT m.shop_id, m.payout_id, m.currency,
           strftime(timezone(coalesce(pl.timezone, 'UTC'), m.occurred_at), '%Y-%m') AS month, m.amount
    FROM payout_lines m LEFT JOIN shops s ON s.shop_id = m.shop_id
    LEFT JOIN platforms pl ON pl.code = coalesce(s.platform, split_part(m.shop_id, ':', 1))
    WHERE m.payout_id IS NOT NULL AND m.kind <> ?)
SELECT shop_id, payout_id, month, currency, CAST(sum(amount) AS DECIMAL(18,2)), count(*)
FROM lines
WHERE (shop_id, payout_id) IN (SELECT (shop_id, payout_id) FROM lines GROUP BY ALL HAVING count(DISTINCT month) > 1)
GROUP BY ALL ORDER BY shop_id, payout_id, month, currency
"""


@dataclass(frozen=True)
class Payout:
    shop_id: str
    platform: str
    payout_id: str
    paid_at: object               # datetime with zone, or None
    currency: str | None
    deposit: Decimal | None       # None: neither the report nor a transfer line says it
    status: str | None
    lines_total: Decimal
    lines: int
    other_currency_lines: int
    difference: Decimal | None
    # Balance ledgers: the balance before the lines (None where the ledger states none).
    opening_balance: Decimal | None = None
    balance_ledger: bool = False

    @property
    def reconciles(self) -> bool:
        return self.difference == 0 and self.other_currency_lines == 0


@dataclass(frozen=True)
class UnsettledOrder:
    shop_id: str
    platform: str
    order_id: str
    day: date
    currency: str
    total: Decimal


@dataclass(frozen=True)
class UnmatchedMovement:
    shop_id: str
    movement_id: str
    occurred_at: object
    kind: str
    order_id: str
    amount: Decimal
    currency: str
    payout_id: str | None


@dataclass(frozen=True)
class MonthPart:
    shop_id: str
    payout_id: str
    month: str
    currency: str
    amount: Decimal
    lines: int


@dataclass(frozen=True)
class BalanceBreak:
    """A stated balance that is not the previous one plus the movements between them."""

    shop_id: str
    platform: str
    report: str
    account: str | None
    movement_id: str
    occurred_at: datetime
    previous_movement: str
    previous_at: datetime
    currency: str
    expected: Decimal             # the previous balance plus the movements since
    balance: Decimal              # what the ledger states
    gap: Decimal                  # balance − expected: money moved by rows the shop does not hold
    payout_id: str | None         # the 提现 that carried the row, None before the account's next 提现


@dataclass(frozen=True)
class Reconciliation:
    payouts: tuple[Payout, ...]
    unsettled: tuple[UnsettledOrder, ...]
    unmatched: tuple[UnmatchedMovement, ...]
    month_split: tuple[MonthPart, ...]
    unsettled_days: int
    balance_breaks: tuple[BalanceBreak, ...] = ()

    def unsettled_count(self, platform: str) -> int:
        return sum(1 for o in self.unsettled if o.platform == platform)


def payouts(db: Database) -> list[Payout]:
    return [Payout(*r) for r in db.fetchall(_PAYOUTS_SQL)]


def unsettled_orders(db: Database, today: date, days: int = DEFAULT_UNSETTLED_DAYS) -> list[UnsettledOrder]:
    return [UnsettledOrder(*r) for r in db.fetchall(_UNSETTLED_SQL, [today - timedelta(days=days)])]


def unmatched_movements(db: Database) -> list[UnmatchedMovement]:
    return [UnmatchedMovement(*r) for r in db.fetchall(_UNMATCHED_SQL)]


def month_split(db: Database) -> list[MonthPart]:
    return [MonthPart(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in db.fetchall(_SPLIT_SQL, [_PAYOUT])]


def balance_breaks(db: Database) -> list[BalanceBreak]:
    return [BalanceBreak(*r) for r in db.fetchall(_BREAKS_SQL)]


def reconcile(db: Database, today: date, days: int = DEFAULT_UNSETTLED_DAYS) -> Reconciliation:
    """Everything the Payouts view and `report payouts` show, read in one go."""
    return Reconciliation(tuple(payouts(db)), tuple(unsettled_orders(db, today, days)),
                          tuple(unmatched_movements(db)), tuple(month_split(db)), days,
                          tuple(balance_breaks(db)))
