"""`shopkeeper report sales | abc | repurchase | cohorts | price-bands | returns`: the analysis reports.

Keys follow cli_report.py's contract: money as strings with 2 places, counts
as integers, dates ISO, a missing figure null. Each takes `--from`/`--to`
(local order days, inclusive) and `--platform` ('taobao', 'shopify' ...);
`sales` takes `--by day|week|month`. Money of `sales` and `returns` stays in
each order's currency; `abc`, `cohorts` and `price-bands` are in the base
currency through the seller's rates (an order in a currency without a rate is
left out of their money, and a note under the table, on standard error with
--json, says how many and in which currencies). In `abc` a SKU with such an
order has unknown revenue, share and class (null, never 0 and C), and its row
names them (`orders_without_rate`, `currencies_without_rate`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.exit_codes import EXIT_FAILED

ANALYSIS_REPORTS = ("sales", "abc", "repurchase", "cohorts", "price-bands", "returns")
SALES_GRAINS = ("day", "week", "month")
Table = Callable[[Sequence[str], Sequence[Sequence[object]]], str]


def add_analysis_options(report: argparse.ArgumentParser, extra_groupings: Sequence[str] = ()) -> None:
    report.add_argument("--by", choices=(*SALES_GRAINS, *extra_groupings), default="month",
                        help="sales: one row per day, week (from Monday) or month; profit: per order, sku,"
                             " platform or month")
    report.add_argument("--from", dest="first", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="analysis reports: from this local order day")
    report.add_argument("--to", dest="last", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="analysis reports: to this local order day, inclusive")
    report.add_argument("--platform", type=platform_option,
                        help="analysis reports: only this platform (taobao, shopify ...; Tmall shops are taobao)")


def platform_option(text: str) -> str:
    """A --platform value as the shop stores platforms: a name no shop can have is refused, never read as 0 rows."""
    from shopkeeper.services.membership import PLATFORM_CODES

    code = text.strip().lower()
    code = "taobao" if code == "tmall" else code  # a Tmall shop's orders are Taobao's (one back office)
    if code not in PLATFORM_CODES:
        raise argparse.ArgumentTypeError(f"'{text}' is not a platform: one of {', '.join(PLATFORM_CODES)}")
    return code


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _pct(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.1f}"


def analysis_report(db: Any, name: str, args: argparse.Namespace, table: Table) -> tuple[Any, str] | int:
    """(JSON data, text) of one of ANALYSIS_REPORTS, or an exit code when the options make no sense."""
    from shopkeeper.services.sales_report import ReportScope

    scope = ReportScope(args.first, args.last, args.platform)
    if name == "sales":
        if args.by not in SALES_GRAINS:
            print(f"report sales: --by must be one of {', '.join(SALES_GRAINS)}", file=sys.stderr)
            return EXIT_FAILED
        return _sales(db, args.by, scope, table)
    if name == "repurchase":
        return _repurchase(db, scope, table)
    if name == "returns":
        return _returns(db, scope, table)
    made = _abc(db, scope, table) if name == "abc" else _chart_report(db, name, scope, table)
    if name in ("abc", "price-bands"):
        from shopkeeper.services.sales_report import sold_without_rate

        # Money converted to the base currency leaves out orders without a rate: said under the table, and on
        # standard error beside JSON (a price-bands list has no place for it; ABC rows name their own).
        note = _left_out(sold_without_rate(db, scope))
        if note and args.json:
            print(note.strip(), file=sys.stderr)
        made = made[0], made[1] + note
    return made


def _sales(db: Any, grain: str, scope: Any, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.sales_report import sales_by_period

    data = [{"period": p.period.isoformat(), "currency": p.currency, "orders": p.orders,
             "sold_orders": p.sold_orders, "refunded_orders": p.refunded_orders, "gross": _dec(p.gross),
             "refunds": _dec(p.refunds), "unpaid": _dec(p.unpaid), "net": _dec(p.net)}
            for p in sales_by_period(db, grain, scope)]
    header = ("Period", "Currency", "Orders", "Sold", "Refunded", "Gross", "Refunds", "Unpaid", "Net")
    return data, table(header, [tuple(d.values()) for d in data]) + f"\n{len(data)} rows"


def _abc(db: Any, scope: Any, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.currency import base_currency
    from shopkeeper.services.sales_report import abc_by_sku

    currency = base_currency(db)
    # A SKU with sales in a currency without a rate: revenue, share and class null (unknown, never 0 and C), and
    # which of its orders are left out, in which currencies.
    data = [{"sku": r.sku, "revenue": _dec(r.revenue), "currency": currency,
             "cumulative_pct": _dec(r.cumulative_pct), "abc": r.abc,
             "orders_without_rate": r.orders_without_rate,
             "currencies_without_rate": list(r.currencies_without_rate)} for r in abc_by_sku(db, scope)]
    header = ("SKU", "Revenue", "Currency", "Cumulative %", "ABC")
    rows = [(d["sku"], d["revenue"] or "unknown", d["currency"], d["cumulative_pct"], d["abc"]) for d in data]
    return data, table(header, rows) + f"\n{len(data)} SKUs"


def _left_out(missing: Any) -> str:  # noqa: ANN401 - services.sales_report.WithoutRate
    """The note under a converted report naming the orders it leaves out for want of a rate (none: nothing)."""
    if not missing.orders:
        return ""
    note = (f"{missing.orders:,} orders in {', '.join(missing.currencies)} have no exchange rate to {missing.base}: "
            f"their money is left out of these figures (set the rates in the window: Edit › Exchange rates…).")
    return "\n" + note


def without_rate_note(db: Any) -> str:  # noqa: ANN401 - Database
    """A line saying how many orders converted figures leave out for want of an exchange rate (none: nothing)."""
    from shopkeeper.services.exchange_rates import exchange_rates

    rates = exchange_rates(db)
    missing = [r.currency for r in rates.rates if r.rate is None and r.orders]
    if not missing:
        return ""
    return (f"\n{rates.orders_without_rate:,} orders in {', '.join(missing)} have no exchange rate to {rates.base}: "
            f"their money is left out of these figures (set the rates in the window: Edit › Exchange rates…).")


def _repurchase(db: Any, scope: Any, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.sales_report import repurchase

    data = [{"platform": r.key, "buyers": r.buyers, "repeat_buyers": r.repeat_buyers, "orders": r.orders,
             "repurchase_rate_pct": _pct(r.rate_pct)} for r in repurchase(db, scope)]
    header = ("Platform", "Buyers", "Repeat buyers", "Orders", "Repurchase %")
    if not data:
        return data, "No orders."
    return data, table(header, [tuple(d.values()) for d in data])


def _returns(db: Any, scope: Any, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.after_sales import RefundRate, returns_overview

    o = returns_overview(db, scope)

    def rate(r: RefundRate, key: str) -> dict[str, Any]:
        out = {key: r.key, "paid_orders": r.paid_orders, "refunded_orders": r.refunded_orders,
               "refund_rate_pct": _pct(r.rate_pct)}
        if r.lower_pct is not None:
            out["refund_rate_lower_pct"] = _pct(r.lower_pct)
        return out

    data = {
        "paid_orders": o.total.paid_orders, "refunded_orders": o.total.refunded_orders,
        "refund_rate_pct": _pct(o.total.rate_pct),
        "refunded": [{"currency": m.currency, "amount": _dec(m.amount)} for m in o.money],
        "by_platform": [rate(r, "platform") for r in o.by_platform],
        "by_month": [rate(r, "month") for r in o.by_month],
        "by_sku": [rate(r, "sku") for r in o.by_sku],
        "worst_skus": [rate(r, "sku") for r in o.worst_skus],
        "tags": [{"tag": t.tag, "orders": t.orders} for t in o.tags],
        "untagged_refunds": o.untagged_refunds,
        "reasons": [{"reason": r.tag, "orders": r.orders} for r in o.reasons],
        # Refunded orders of several SKUs whose refund names no units: which SKU it was for is unknown,
        # so they are in the totals but not in by_sku.
        "refunds_without_sku": o.refunds_without_sku,
    }
    if not o.total.paid_orders:
        return data, "No paid orders."
    worst = table(("SKU", "Orders", "Refunded", "Rate %", "Lower %"),
                  [(r.key, r.paid_orders, r.refunded_orders, _pct(r.rate_pct), _pct(r.lower_pct))
                   for r in o.worst_skus])
    text = (f"{o.total.refunded_orders} of {o.total.paid_orders} paid orders refunded"
            f" ({_pct(o.total.rate_pct) or '-'} %)\n\nWorst SKUs:\n{worst}")
    if o.refunds_without_sku:
        text += (f"\n\n{o.refunds_without_sku} refunded order(s) of several SKUs do not say which SKU the money"
                 " was for: left out of the rates by SKU.")
    return data, text


def _chart_report(db: Any, name: str, scope: Any, table: Table) -> tuple[Any, str]:
    from shopkeeper.services.chart_filters import ChartFilter, money_currency
    from shopkeeper.services.chart_series import cohorts, price_bands

    days = db.fetchone("SELECT min(day), max(day) FROM sk_paid_orders()") or (None, None)
    first, last = scope.first or days[0], scope.last or days[1]
    if first is None or last is None:
        # the same shape as with orders, so a script need not test for it
        return ([] if name == "price-bands" else {"cohorts": [], "people": 0, "repurchasers": 0}), "No orders."
    f = ChartFilter(first, last, platform=scope.platform)
    currency = money_currency(db, f)
    data: Any
    if name == "price-bands":
        data = [{"platform": b.platform, "low": _dec(b.low), "high": _dec(b.high), "currency": currency,
                 "units": b.units, "revenue": _dec(b.revenue)} for b in price_bands(db, f)]
        header = ("Platform", "From", "To", "Currency", "Units", "Revenue")
        return data, table(header, [tuple(d.values()) for d in data])
    c = cohorts(db, f)
    rows = [{"cohort": m.isoformat(), "buyers": size, "active_by_month": list(active)}
            for m, size, active in zip(c.months, c.sizes, c.active, strict=True)]
    data = {"cohorts": rows, "people": c.people, "repurchasers": c.repurchasers}
    text = table(("Cohort", "Buyers", "Active in month 0, 1, 2 ..."),
                 [(m.isoformat(), size, " ".join(map(str, active)))
                  for m, size, active in zip(c.months, c.sizes, c.active, strict=True)])
    return data, text + f"\n{c.repurchasers} of {c.people} came back"
