"""`shopkeeper report NAME`: read-only figures of a shop, as JSON for scripts or as a table to read.

JSON keys are a stable contract (add, never rename). Money and other decimals
are strings with 2 places ("12.50"), never floats, so a script sums them to
the cent; counts are integers; a figure that does not exist (no cost, no sales)
is null.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.cli_ads_reports import ADS_REPORTS, add_ads_options, ads_report
from shopkeeper.cli_analysis_reports import ANALYSIS_REPORTS, add_analysis_options, analysis_report
from shopkeeper.cli_member_reports import MEMBER_REPORTS, member_report
from shopkeeper.cli_money_reports import MONEY_REPORTS, PROFIT_GROUPINGS, add_money_options, money_report

REPORTS = ("inventory", "reorder", *MEMBER_REPORTS,
           # promotions (issue 11): the festival calendar and the campaign plans
           "calendar", "promotions",
           # analysis (issue 12): sales by period, ABC, repurchase, cohorts, price bands, returns
           *ANALYSIS_REPORTS,
           # money (issue 13): profit per order, SKU, platform or month; payout reconciliation
           *MONEY_REPORTS,
           # channels and ads (issue 13.5): ROAS, ACoS, TACoS, break-even; conversion per product
           *ADS_REPORTS,
           # the seller's own edits and privacy acts (issue 14.6)
           "audit")


def add_report_parser(sub: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    report = sub.add_parser("report", help="print a report on the shop (" + ", ".join(REPORTS) + ")")
    db_option(report)
    report.add_argument("name", choices=REPORTS, metavar="NAME", help="which report: " + ", ".join(REPORTS))
    report.add_argument("--json", action="store_true", help="print JSON")
    report.add_argument("--show-pii", action="store_true",
                        help="show names, e-mails and phone numbers unmasked (the reveal is logged)")
    report.add_argument("--year", type=int, help="calendar: the year (default: this year)")
    add_analysis_options(report, extra_groupings=PROFIT_GROUPINGS)
    add_money_options(report)
    add_ads_options(report)
    report.add_argument("--kind", help="audit: only this kind (edit, link, member, points, campaign, privacy)")


def run_report(db: Any, args: argparse.Namespace, today: date) -> int:
    data: Any
    try:
        if args.name in MONEY_REPORTS:
            made = money_report(db, args.name, args, today, _table)
            if isinstance(made, int):
                return made
            data, text = made
        elif args.name in ANALYSIS_REPORTS:
            made = analysis_report(db, args.name, args, _table)
            if isinstance(made, int):
                return made
            data, text = made
        elif args.name in ADS_REPORTS:
            data, text = ads_report(db, args.name, args, _table)
        elif args.name in MEMBER_REPORTS:
            data, text = member_report(db, args.name, today, show_pii=args.show_pii, table=_table)
        elif args.name == "audit":
            data, text = _audit(db, args)
        elif args.name == "inventory":
            data = inventory_report(db, today)
            text = _inventory_table(data)
        elif args.name in ("calendar", "promotions"):
            from shopkeeper.cli_promotions import calendar_report, promotions_report, text_table

            data = calendar_report(db, args.year or today.year) if args.name == "calendar" \
                else promotions_report(db, today)
            text = text_table(data, empty="No campaigns yet: plan one in the window's Promotions tab.")
        else:
            data = reorder_report(db, today)
            text = _reorder_table(data)
    finally:
        db.close()
    print(json.dumps(data, ensure_ascii=False) if args.json else text)
    return 0


def _audit(db: Any, args: argparse.Namespace) -> tuple[list[dict[str, Any]], str]:
    """--from/--to (shared with the analysis reports) bound the days, --kind the kind."""
    from shopkeeper.services.audit import AuditFilter, audit_rows

    rows = audit_rows(db, AuditFilter(kind=args.kind, since=args.first, until=args.last))
    text = "\n".join(f"{r['when'][:19]}  {r['kind']:<8} {r['what']}  {r['field'] or ''}: {r['old'] or ''} -> "
                     f"{r['new'] or ''}  ({r['state']})" for r in rows)
    if not rows:
        text = ("No changes of this kind or in these days." if args.kind or args.first or args.last
                else "The audit trail is empty: it keeps your edits, channel links, member merges, points, campaigns "
                     "and erasures.")
    return rows, text


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def inventory_report(db: Any, today: date) -> list[dict[str, Any]]:
    from shopkeeper.services.inventory import inventory_rows

    out = []
    for r in inventory_rows(db, today):
        price, cost = r["price"], r["cost"]
        out.append({
            "sku": r["sku"],
            "title": r["product"],
            "variant": r["variant"],
            "platforms": [p.strip() for p in (r["platforms"] or "").split(",") if p.strip()],
            "on_hand": int(r["on_hand"]),
            "stock_known": bool(r["stock_known"]),   # False: never counted (on_hand 0 means unknown, not out)
            "sold_in_window": int(r["sold_30d"]),
            "avg_daily_units": _dec(r["avg_daily"]),
            "days_of_cover": r["days_cover"],
            # None for a bundle: it is bought as its parts (domain/bundles.py).
            "reorder_point": None if r["reorder_point"] is None else int(r["reorder_point"]),
            "stock_status": r["stock_status"],
            "suggested_order_qty": int(r["suggested_qty"]),
            "order_value": _dec(r["order_value"]),
            "abc": r["abc"],
            "xyz": r["xyz"],
            "dead_stock": bool(r["dead_stock"]),
            "dead_stock_value": _dec(r["dead_value"]),
            "currency": r["currency"],
            "price": _dec(price),
            "cost": _dec(cost),
            "margin": _dec(price - cost) if price is not None and cost is not None else None,
            "margin_pct": None if r["margin_pct"] is None else f"{Decimal(r['margin_pct']):.1f}",
            "lead_time_days": int(r["lead_time_days"]),
            "safety_stock": r["safety_stock"],
            "pack_size": r["pack_size"],
            "min_order": r["min_order"],
            "target_cover_days": r["target_cover_days"],
            # Listing status and recent sales (issue 9.4, 9.5)
            "status": r["status"],
            "season": r["season"],
            "reorder_suggested": bool(r["may_reorder"]),
            "units_7d": int(r["units_7d"]),
            "units_30d": int(r["units_30d"]),
            "units_90d": int(r["units_90d"]),
            "price_min": _dec(r["price_min"]),
            "price_max": _dec(r["price_max"]),
            "cost_unknown": bool(r["cost_unknown"]),  # the seller has not given a cost yet
            "order_only": bool(r["order_only"]),      # known from order lines only, no product export has it
            "bundle": bool(r["bundle"]),
        })
    return out


def reorder_report(db: Any, today: date) -> dict[str, Any]:
    from shopkeeper.services.reorder_list import reorder_list

    plan = reorder_list(db, today)
    return {
        "today": plan.today.isoformat(),
        "window_days": plan.window_days,
        "lines": [{
            "sku": line.sku, "title": line.product, "variant": line.variant, "on_hand": line.on_hand,
            "avg_daily_units": _dec(line.avg_daily), "days_of_cover": line.days_cover,
            "reorder_point": line.reorder_point, "suggested_order_qty": line.quantity, "pack_size": line.pack_size,
            "min_order": line.min_order, "cost": _dec(line.cost), "currency": line.currency,
            "order_value": _dec(line.value),
        } for line in plan.lines],
        "totals": [{"currency": c, "amount": _dec(a)} for c, a in plan.totals.items()],
        "lines_without_cost": plan.without_cost,
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)


def _inventory_table(data: list[dict[str, Any]]) -> str:
    header = ("SKU", "On hand", "Avg/day", "Cover", "Reorder at", "Buy", "ABC", "XYZ", "Dead", "Cost", "Margin")
    rows = [(d["sku"], d["on_hand"], d["avg_daily_units"], d["days_of_cover"], d["reorder_point"],
             d["suggested_order_qty"], d["abc"], d["xyz"], "yes" if d["dead_stock"] else "", d["cost"], d["margin"])
            for d in data]
    return _table(header, rows) + f"\n{len(data)} SKUs"


def _reorder_table(data: dict[str, Any]) -> str:
    header = ("SKU", "Title", "On hand", "Avg/day", "Cover", "Buy", "Cost", "Value", "Currency")
    rows = [(d["sku"], d["title"], d["on_hand"], d["avg_daily_units"], d["days_of_cover"], d["suggested_order_qty"],
             d["cost"], d["order_value"], d["currency"]) for d in data["lines"]]
    if not rows:
        return f"Nothing to reorder (sales of the last {data['window_days']} days)."
    totals = ", ".join(f"{t['amount']} {t['currency']}" for t in data["totals"]) or "no cost known"
    out = _table(header, rows) + f"\n{len(rows)} SKUs to reorder, costing {totals}"
    if data["lines_without_cost"]:
        out += f" ({data['lines_without_cost']} without a cost are not in the total)"
    return out
