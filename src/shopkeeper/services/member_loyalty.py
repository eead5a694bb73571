"""One member's loyalty figures for the member panel: points, tier history and progress to the next tier.

A spend or points basis that would count an order in a currency without an exchange rate is unknown
(domain/tiers.py): its figure is None here, never the smaller sum of the other orders shown as the whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.domain.tiers import Tier, TierProgress, TierSale, counted_days, progress, unpriced_in
from shopkeeper.services.currency import base_currency
from shopkeeper.services.points_entries import PointsBalance, balance


@dataclass(frozen=True)
class TierChange:
    day: date
    tier: str  # the tier's name in the window's language
    change: str  # 'start', 'up' or 'down'
    basis: Decimal | None  # None: it would count an order in a currency without an exchange rate


@dataclass(frozen=True)
class MemberLoyalty:
    member_id: str
    points: PointsBalance
    tier: str
    next_tier: str | None
    basis_kind: str  # 'spend', 'points' or 'orders'
    window: str
    progress: TierProgress
    history: tuple[TierChange, ...]
    benefits: str | None
    # Sold orders in a currency without an exchange rate up to today, when the basis is spend or points: the
    # tier is worked out without them (domain/tiers.py), so it may be too low, and what it takes to reach the
    # next tier or keep this one is not known either.
    unpriced_orders: int = 0
    basis_known: bool = True  # False: such an order falls in the days progress.basis counts
    currency: str = ""  # the base currency spend is counted in (services/currency.py)


def member_loyalty(db: Database, member_id: str, today: date, *, chinese: bool,
                   now: datetime | None = None) -> MemberLoyalty | None:
    held_code = db.scalar("SELECT tier_code FROM members WHERE member_id = ?", [member_id])
    if held_code is None:
        return None
    name = "name_zh" if chinese else "name_en"
    benefits = "benefits_zh" if chinese else "benefits_en"
    rows = db.fetchall(f"SELECT code, rank, threshold, points_multiplier, keep_threshold, {name}, {benefits} "
                       "FROM tiers ORDER BY rank")
    ladder = [Tier(r[0], int(r[1]), r[2], r[3], r[4]) for r in rows]
    names = {r[0]: r[5] for r in rows}
    held = next((t for t in ladder if t.code == held_code), ladder[0])
    basis_kind, window = db.fetchone("SELECT tier_basis, tier_window FROM sk_loyalty_settings()") or ("spend", "")
    days = db.fetchall("SELECT day, amount FROM sk_tier_days(?) WHERE member_id = ?", [today, member_id])
    sales = [TierSale(d, Decimal(a)) for d, a in days]
    unpriced = [] if basis_kind == "orders" else [r[0] for r in db.fetchall(
        "SELECT s.day FROM sk_sales() s JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id "
        "WHERE b.member_id = ? AND s.net_base IS NULL AND s.day <= ?", [member_id, today])]
    order_days = {s.day for s in sales}
    first = min(order_days, default=today)

    def known(day: date, basis: Decimal) -> Decimal | None:
        span = counted_days(day, str(window), first=first, order_day=day in order_days)
        return None if unpriced_in(span, unpriced) else basis

    history = tuple(TierChange(d, names.get(code, code), change, known(d, basis))
                    for d, code, basis, change in db.fetchall(
        "SELECT from_day, tier_code, basis, change FROM member_tier_history WHERE member_id = ? ORDER BY from_day",
        [member_id]))
    step = progress(sales, held, ladder, str(window), today)
    return MemberLoyalty(
        member_id, balance(db, member_id, now=now), names.get(held.code, held.code),
        names.get(step.next_tier.code) if step.next_tier else None, str(basis_kind), str(window), step, history,
        next((r[6] for r in rows if r[0] == held.code), None), len(unpriced),
        step.counted is None or not unpriced_in(step.counted, unpriced), base_currency(db))
