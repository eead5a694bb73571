"""`shopkeeper report members | points-ledger | tiers | segments`: the membership programme as JSON or a table.

Keys follow cli_report.py's contract: money as strings with 2 places, counts as
integers, dates ISO, a missing figure null. Personal data is masked unless
`--show-pii` is given (and then the reveal is logged).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.domain.rfm import ACTIONS

MEMBER_REPORTS = ("members", "points-ledger", "tiers", "segments")
Table = Callable[[Sequence[str], Sequence[Sequence[object]]], str]


def member_report(db: Any, name: str, today: date, *, show_pii: bool, table: Table) -> tuple[Any, str]:
    """(JSON data, text) of one of MEMBER_REPORTS."""
    from shopkeeper.services import member_reports

    if name == "members":
        members = member_reports.member_rows(db, today, show_pii=show_pii)
        # Points as the window's Members table shows them: spendable now, and still pending apart.
        header: Sequence[str] = ("Member", "Name", "Platforms", "Orders", "Spend", "Last order", "Segment",
                                 "Churn risk", "Tier", "Points available", "Pending")
        rows: list[Sequence[object]] = [(m["member_id"], m["name"], ",".join(m["platforms"]), m["orders"], m["spend"], m["last_order"],
                 m["segment"], "yes" if m["churn_risk"] else "", m["tier"], m["points_available"], m["points_pending"])
                for m in members]
        from shopkeeper.cli_analysis_reports import without_rate_note

        # A member with such an order has no spend (unknown, "null" in JSON), not a smaller one.
        return members, (table(header, rows) + f"\n{len(members)} members" + without_rate_note(db)
                         + _not_imported_note(sum(1 for m in members if m["platform_orders_not_imported"])))
    if name == "points-ledger":
        entries = member_reports.ledger_rows(db)
        header = ("Member", "Points", "Reason", "At", "Order", "Expires")
        rows = [(e["member_id"], e["points"], e["reason"], e["at"], e["order_id"], e["expires_at"]) for e in entries]
        return entries, table(header, rows) + f"\n{len(entries)} entries"
    if name == "tiers":
        tiers = member_reports.tier_rules(db)
        keys = list(tiers[0]) if tiers else []
        return tiers, table(keys, [[t[k] for k in keys] for t in tiers])
    return _segments(db, today, table)


def _segments(db: Any, today: date, table: Table) -> tuple[dict[str, Any], str]:
    from shopkeeper.services.currency import base_currency
    from shopkeeper.services.member_segments import segment_overview

    o = segment_overview(db, today)
    segments = [{
        # Unknown (null) while a member's spend counts an order in a currency without an exchange rate.
        "segment": s.segment, "members": s.members, "spend": _money(s.spend),
        "revenue_share": None if s.revenue_share is None else str(s.revenue_share),
        "churn_risk": s.churn_risk, "members_a_month_ago": s.before, "came_in": s.came_in, "left": s.left,
        "suggested_action": english(Message(ACTIONS[s.segment])),
    } for s in o.segments]
    data = {
        "today": o.day.isoformat(),
        "compared_with": o.compared_with.isoformat(),
        "scoring": o.scoring,
        "members_with_orders": o.members_with_orders,
        "spend": _money(o.spend),
        "currency": base_currency(db),
        "repurchasers": o.repurchasers,
        "repurchase_rate": None if o.repurchase_rate is None else str(o.repurchase_rate),
        "median_days_to_second_order": None if o.median_days_to_second is None else str(o.median_days_to_second),
        "churn_risk": o.churn_risk,
        "orders_without_rate": o.orders_without_rate,  # in a currency without an exchange rate: not counted
        "orders_without_buyer": o.orders_without_buyer,  # the export names no buyer: in sales, in no member
        # a platform's customers export says they ordered more than the shop holds (domain/platform_totals.py)
        "members_with_orders_not_imported": o.members_with_orders_not_imported,
        "segments": segments,
        "movement": [{"from": m.segment_before, "to": m.segment_now, "members": m.members} for m in o.moves],
    }
    header = ("Segment", "Members", "Share %", "Spend", "Churn risk", f"On {data['compared_with']}", "In", "Out")
    rows = [(s["segment"], s["members"], s["revenue_share"] or "—", s["spend"] or "—", s["churn_risk"], s["members_a_month_ago"],
             s["came_in"], s["left"]) for s in segments]
    rate = "—" if o.repurchase_rate is None else f"{o.repurchase_rate} %"
    second = "—" if o.median_days_to_second is None else f"{o.median_days_to_second} days"
    text = (table(header, rows) + f"\n{o.members_with_orders} members with orders (scored by {o.scoring}), "
            f"{o.repurchasers} bought again ({rate}); median time to the second order {second}; "
            f"{o.churn_risk} at risk of churning")
    if o.orders_without_rate:
        text += (f"\n{o.orders_without_rate} orders in currencies without an exchange rate are left out of spend, "
                 "tiers and points (set the rates in the window: Edit > Exchange rates)")
    if o.orders_without_buyer:
        text += (f"\n{o.orders_without_buyer} sold orders name no buyer in their export: they count in sales "
                 "but belong to no member")
    return data, text + _not_imported_note(o.members_with_orders_not_imported)


def _not_imported_note(members: int) -> str:
    if not members:
        return ""
    who = "1 member has" if members == 1 else f"{members} members have"
    return (f"\n{who} orders on their platform that are not imported yet, as its customers export says: "
            "import the orders export to count them")


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"
