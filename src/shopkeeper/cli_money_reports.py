"""`shopkeeper report profit|payouts`: what the seller kept, and whether each deposit adds up (issue 13).

`profit --by order|sku|platform|month` prints one object per key and currency
(services/profit.py): `key`, `currency`, `sales`, `fees`, `ads`, `refunds`,
`cogs`, `net`, `estimated`, then the parts (`shipping`, `discounts`,
`commission`, `payment_fees`, `shipping_labels`, `other_fees`) so that
sales + shipping − discounts − fees − ads − refunds − cogs = net to the cent;
`margin_pct` is null where nothing was taken or `cost_missing` (a unit sold had
no cost: net reads too high), as the Profit chart leaves that margin blank. The
text shows every part under the chart's names, Takings = Sales + Shipping −
Discounts, so each row adds up on the page.
`payouts` prints one object per payout (services/payouts.py) with
`unsettled_orders`, the count of its platform's orders no report has settled;
a balance ledger's 提现 adds `opening_balance` and `balance_breaks`, the
stated balances among its lines that do not follow from the one before.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from shopkeeper.exit_codes import EXIT_FAILED

if TYPE_CHECKING:
    from shopkeeper.services.payouts import BalanceBreak
    from shopkeeper.services.profit import ProfitRow

MONEY_REPORTS = ("profit", "payouts")
# `--by` is shared with `report sales` (day, week, month); profit adds these.
PROFIT_GROUPINGS = ("order", "sku", "platform")
Table = Callable[[Sequence[str], Sequence[Sequence[object]]], str]
# The first column of `profit`'s text: what each row is of.
_KEY_TITLES = {"order": "Order", "sku": "SKU", "platform": "Platform", "month": "Month"}


def add_money_options(report: argparse.ArgumentParser) -> None:
    report.add_argument("--unsettled-days", type=int, default=None, metavar="DAYS",
                        help="payouts: a sold order with no settlement after this many days is unsettled (30)")


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def money_report(db: Any, name: str, args: argparse.Namespace, today: date, table: Table) -> tuple[Any, str] | int:
    """(JSON data, text) of one of MONEY_REPORTS, or an exit code when the options make no sense."""
    from shopkeeper.services.sales_report import ReportScope

    scope = ReportScope(args.first, args.last, args.platform)
    if name == "profit":
        from shopkeeper.services.profit import GROUPINGS, profit_json, profit_rows

        if args.by not in GROUPINGS:
            print(f"report profit: --by must be one of {', '.join(GROUPINGS)}", file=sys.stderr)
            return EXIT_FAILED
        profits = profit_rows(db, args.by, scope)
        data = [profit_json(r, args.by) for r in profits]
        return data, _profit_text(profits, args.by, table)
    from shopkeeper.services.payouts import DEFAULT_UNSETTLED_DAYS, reconcile

    days = DEFAULT_UNSETTLED_DAYS if args.unsettled_days is None else args.unsettled_days
    found = reconcile(db, today, days)
    data = [{"payout_id": p.payout_id, "platform": p.platform, "shop_id": p.shop_id,
             "paid_at": None if p.paid_at is None else p.paid_at.isoformat(),  # type: ignore[attr-defined]
             "currency": p.currency, "deposit": _dec(p.deposit), "lines_total": _dec(p.lines_total),
             "difference": _dec(p.difference), "lines": p.lines, "other_currency_lines": p.other_currency_lines,
             "status": p.status, "unsettled_orders": found.unsettled_count(p.platform),
             "months": [{"month": m.month, "currency": m.currency, "amount": _dec(m.amount), "lines": m.lines}
                        for m in found.month_split if (m.shop_id, m.payout_id) == (p.shop_id, p.payout_id)],
             "balance_ledger": p.balance_ledger, "opening_balance": _dec(p.opening_balance),
             "balance_breaks": [_break_json(b) for b in found.balance_breaks
                                if (b.shop_id, b.payout_id) == (p.shop_id, p.payout_id)]}
            for p in found.payouts]
    payout_header = ("Payout", "Platform", "Paid", "Currency", "Deposit", "Lines", "Difference")
    payout_rows = [(d["payout_id"], d["platform"], (d["paid_at"] or "")[:10], d["currency"], d["deposit"],
             d["lines_total"], d["difference"]) for d in data]
    text = table(payout_header, payout_rows)
    text += f"\n{len(found.unsettled)} sold orders unsettled after {days} days"
    text += f"\n{len(found.unmatched)} movements name an order the shop does not have"
    text += f"\nBreaks in ledger balances (a month or a row not imported): {len(found.balance_breaks)}"
    for b in found.balance_breaks:
        text += (f"\n  {b.shop_id} {str(b.occurred_at)[:16]}: balance {_dec(b.balance)} {b.currency}, "
                 f"expected {_dec(b.expected)}, gap {_dec(b.gap)}")
    return data, text


def _profit_text(rows: Sequence[ProfitRow], by: str, table: Table) -> str:
    """The Profit chart's figures under its names, every part shown: each row adds up on the page,
    Sales + Shipping − Discounts = Takings and Takings − Cost of goods − Fees − Ads − Partial refunds = Net profit
    (an order refunded in full is no sale, so it is in neither)."""
    header = (_KEY_TITLES.get(by, "Key"), "Currency", "Sales", "Shipping", "Discounts", "Takings", "Cost of goods",
              "Fees", "Ads", "Partial refunds", "Net profit", "Margin %", "")
    lines = [(r.key if r.key is not None else "-", r.currency, _dec(r.sales), _dec(r.shipping), _dec(r.discounts),
              _dec(r.takings), _dec(r.cogs), _dec(r.fees), _dec(r.ads), _dec(r.refunds), _dec(r.net),
              # no margin where a unit sold had no cost (the chart leaves it blank too)
              "—" if r.margin_pct is None else f"{r.margin_pct:.1f}",
              ", ".join(flag for flag, on in (("estimated", r.estimated), ("no cost", r.cost_missing)) if on))
             for r in rows]
    text = table(header, lines)
    text += "\nTakings = Sales + Shipping - Discounts; Net profit = Takings - Cost of goods - Fees - Ads - Partial refunds"
    if any(r.estimated for r in rows):
        text += "\nestimated: some orders have no settlement yet; their fees come from the platforms' fee rates"
    if any(r.cost_missing for r in rows):
        text += ("\nno cost: some goods sold have no known cost (no cost given, or the export named no products):"
                 " cost of goods leaves them out, so net profit reads too high and no margin is shown")
    return text


def _break_json(b: BalanceBreak) -> dict[str, Any]:
    return {"shop_id": b.shop_id, "report": b.report, "account": b.account, "movement_id": b.movement_id,
            "occurred_at": b.occurred_at.isoformat(), "previous_movement": b.previous_movement,
            "previous_at": b.previous_at.isoformat(), "currency": b.currency, "expected": _dec(b.expected),
            "balance": _dec(b.balance), "gap": _dec(b.gap)}
