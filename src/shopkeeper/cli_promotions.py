"""`shopkeeper report calendar --year YYYY` and `shopkeeper report promotions`: the festival calendar and the
campaign plans, as JSON for scripts (keys are a contract: add, never rename) or as lines to read.

Money is a string with 2 places; a date is ISO 8601 (YYYY-MM-DD); warnings are English sentences.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_review import campaign_review
from shopkeeper.services.promotion_calendar import FESTIVAL, calendar_items
from shopkeeper.services.promotions import list_promotions


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def calendar_report(db: Database, year: int) -> list[dict[str, Any]]:
    """Every festival and own event of the year: name, date (a festival's day), start/end (its peak), warm-up."""
    out = []
    for item in calendar_items(db, date(year, 1, 1), date(year, 12, 31), with_campaigns=False):
        if item.source == FESTIVAL and (item.day is None or item.day.year != year):
            continue  # a neighbouring year's festival whose warm-up reaches into this one
        out.append({
            "name": english(item.name) if isinstance(item.name, Message) else item.name,
            "key": item.key,
            "date": _iso(item.day),
            "start": _iso(item.start),
            "end": _iso(item.end),
            "warmup_start": _iso(item.warmup_start),
            "warmup_end": _iso(item.warmup_end),
            "region": item.region,
            "kind": item.kind,
            "source": item.source,
        })
    return out


def promotions_report(db: Database, today: date) -> list[dict[str, Any]]:
    shops = dict(db.fetchall("SELECT shop_id, platform FROM shops ORDER BY shop_id"))
    out = []
    for p in list_promotions(db, today):
        shop_ids = list(p.shop_ids) or list(shops)
        out.append({
            "name": p.name,
            "start": p.starts_on.isoformat(),
            "end": p.ends_on.isoformat(),
            "kind": p.kind,
            "state": p.state(today),
            "event": p.event,
            "platforms": sorted({shops.get(s, s.split(":")[0]) for s in shop_ids}),
            "shops": list(p.shop_ids),
            "all_shops": not p.shop_ids,
            "skus": list(p.skus),
            "discount_pct": _money(p.discount_pct) if p.kind == "percent_off" else None,
            "tiers": [{"threshold": _money(a), "amount_off": _money(b)} for a, b in p.tiers],
            "amount_off": _money(p.amount_off),
            "fixed_price": _money(p.fixed_price),
            "buy_qty": p.buy_qty,
            "get_qty": p.get_qty,
            "min_unit_price": _money(p.min_unit_price),
            "margin_after_pct": None if p.margin_after_pct is None else f"{p.margin_after_pct:.1f}",
            "budget": _money(p.budget),
            "currency": p.currency,
            "target_units": p.target_units,
            "expected_uplift_pct": _money(p.expected_uplift_pct),
            "warnings": [english(w) for w in p.warnings],
            # The checks before it starts (null once it has ended) and its checklist.
            "min_margin": None if p.min_margin_pct is None else f"{p.min_margin_pct:.1f}",
            "margin_verdict": p.margin_verdict,
            "stock_ok": p.stock_ok,
            "short_units": p.short_units,
            "stock_uncounted": p.stock_uncounted,
            "tasks_open": p.tasks_open,
            "tasks_overdue": p.tasks_overdue,
            **_review_keys(db, p.promotion_id, p.state(today)),
        })
    return out


def _review_keys(db: Database, promotion_id: int, state: str) -> dict[str, Any]:
    """For a campaign that has ended: what it sold against the baseline (services/campaign_review.py)."""
    review = campaign_review(db, promotion_id) if state == "ended" else None
    if review is None:
        return {"revenue": None, "lift": None, "units": None, "orders": None, "discount_cost": None,
                "new_members": None, "baseline_units": None}
    t = review.total
    return {"revenue": _money(t.revenue), "lift": None if t.lift_pct is None else f"{t.lift_pct:.1f}",
            "units": t.units, "orders": t.orders, "discount_cost": _money(t.discount_cost),
            "new_members": review.new_members, "baseline_units": t.baseline_units}


def text_table(rows: list[dict[str, Any]], empty: str = "") -> str:
    """One line per row: its dates, name and what kind it is (the JSON has everything); `empty` when none."""
    if not rows:
        return empty
    lines = []
    for r in rows:
        when = r["start"] if r["start"] == r["end"] else f"{r['start']} → {r['end']}"
        extra = "; ".join(r.get("warnings") or [])
        lines.append(f"{when:<25} {r['name']}  [{r['kind']}]" + (f"  ! {extra}" if extra else ""))
    return "\n".join(lines)
