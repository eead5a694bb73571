"""Tiers and the points ledger of the demo shop's members.

Tiers follow the shop's `tiers` table: rolling 12-month spend converted to the
base currency (CNY) and the number of orders in the same window must both
reach a tier's minimum. Points are earned when an order completes,
floor(total in CNY × the member's tier multiplier at the time of ordering),
expire 12 months later (oldest first), are sometimes redeemed at a later
order, and are reversed when a completed order is refunded. A member's
balance never goes below zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from shopkeeper.services.demo_calendar import SHOPS
from shopkeeper.services.demo_orders import CANCELLED, COMPLETED, PARTIAL, PENDING, REFUNDED, Orders

DAY_US = 86_400_000_000
YEAR_US = 365 * DAY_US
FX_USD_PER_10 = 71  # 7.10 CNY per USD, as an exact ratio 71/10


@dataclass(frozen=True)
class Tier:
    code: str
    min_spend_cents: int
    min_orders: int
    multiplier_pct: int  # 1.25 -> 125


@dataclass
class Ledger:
    person: np.ndarray
    occurred_us: np.ndarray
    points: np.ndarray
    reason: list[str]
    shop: np.ndarray  # -1: none
    order: np.ndarray  # -1: none
    expires_us: np.ndarray  # -1: none

    @property
    def n(self) -> int:
        return int(self.person.shape[0])


def to_cny_cents(cents: np.ndarray, usd: np.ndarray) -> np.ndarray:
    return np.where(usd, cents * FX_USD_PER_10 // 10, cents)


def _tier_for(spend: int, count: int, tiers: list[Tier]) -> int:
    best = 0
    for i, t in enumerate(tiers):
        if spend >= t.min_spend_cents and count >= t.min_orders:
            best = i
    return best


def _plus_year(us: int) -> int:
    moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=us)
    try:
        later = moment.replace(year=moment.year + 1)
    except ValueError:  # 29 February
        later = moment.replace(year=moment.year + 1, day=28)
    return (later - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)


def build_loyalty(
    orders: Orders, n_people: int, tiers: list[Tier], now_us: int, last_idx: int, rng: np.random.Generator,
) -> tuple[np.ndarray, Ledger]:
    """Return each person's tier index today and the points ledger."""
    usd = np.array([s.currency == "USD" for s in SHOPS])[orders.shop]
    status = orders.status
    counted = (status != PENDING) & (status != CANCELLED) & (status != REFUNDED)
    net_cny = to_cny_cents(orders.total - orders.refunded, usd)
    gross_cny = to_cny_cents(orders.total, usd)
    age = last_idx - orders.day
    comp_us = np.minimum(orders.utc_us + orders.comp_off * DAY_US, now_us)
    refund_us = np.minimum(orders.utc_us + orders.refund_off * DAY_US + 3 * 3_600_000_000, now_us)
    after_sale = orders.refund_off > orders.comp_off  # refund came after the order completed
    earns = ((status == COMPLETED) | (status == PARTIAL) & (age >= orders.comp_off)) | (
        (status == REFUNDED) & after_sale)
    redeem_roll = rng.random(orders.n)
    redeem_share = rng.uniform(0.4, 1.0, size=orders.n)

    order_by = np.lexsort((orders.utc_us, orders.person))
    starts = np.searchsorted(orders.person[order_by], np.arange(n_people + 1))
    tier_now = np.zeros(n_people, dtype=np.int64)
    out_person: list[int] = []
    out_time: list[int] = []
    out_points: list[int] = []
    out_reason: list[str] = []
    out_shop: list[int] = []
    out_order: list[int] = []
    out_expires: list[int] = []

    def emit(p: int, t: int, pts: int, reason: str, shop: int, order: int, expires: int) -> None:
        out_person.append(p)
        out_time.append(t)
        out_points.append(pts)
        out_reason.append(reason)
        out_shop.append(shop)
        out_order.append(order)
        out_expires.append(expires)

    utc = orders.utc_us.tolist()
    for p in range(n_people):
        idx = order_by[starts[p] : starts[p + 1]].tolist()
        # Tier when each order was placed (its earlier 12 months), and today.
        window: list[tuple[int, int]] = []
        spend = 0
        mult: dict[int, int] = {}
        for i in idx:
            while window and window[0][0] <= utc[i] - YEAR_US:
                spend -= window.pop(0)[1]
            mult[i] = tiers[_tier_for(spend, len(window), tiers)].multiplier_pct
            if counted[i]:
                window.append((utc[i], int(net_cny[i])))
                spend += int(net_cny[i])
        recent = [(t, v) for t, v in window if t > now_us - YEAR_US]
        tier_now[p] = _tier_for(sum(v for _, v in recent), len(recent), tiers)

        # Events in time order: kind 0 = order placed (may redeem), 1 = earn, 2 = refund.
        events: list[tuple[int, int, int]] = []
        for i in idx:
            if status[i] not in (PENDING, CANCELLED):
                events.append((utc[i], 0, i))
            if earns[i]:
                events.append((int(comp_us[i]), 1, i))
                if status[i] in (REFUNDED, PARTIAL) and after_sale[i]:
                    events.append((int(refund_us[i]), 2, i))
        events.sort()
        lots: list[list[int]] = []  # [expires_us, remaining, order]
        earned: dict[int, int] = {}
        balance = 0

        def expire_until(t: int) -> None:
            nonlocal balance
            while lots and lots[0][0] <= t:
                exp, left, _ = lots.pop(0)
                if left > 0:
                    emit(p, exp, -left, "expire", -1, -1, -1)
                    balance -= left

        def consume(amount: int, prefer: int | None = None) -> None:
            if prefer is not None:
                for lot in lots:
                    if lot[2] == prefer:
                        take = min(lot[1], amount)
                        lot[1] -= take
                        amount -= take
            for lot in lots:
                take = min(lot[1], amount)
                lot[1] -= take
                amount -= take

        for t, kind, i in events:
            expire_until(t)
            shop = int(orders.shop[i])
            if kind == 0:
                if balance >= 1000 and redeem_roll[i] < 0.2:
                    pts = int(balance * redeem_share[i]) // 100 * 100
                    if pts > 0:
                        consume(pts)
                        balance -= pts
                        emit(p, t, -pts, "redeem", shop, i, -1)
            elif kind == 1:
                basis = gross_cny[i] if status[i] == REFUNDED or after_sale[i] else net_cny[i]
                pts = int(basis) * mult[i] // 10000
                if pts > 0:
                    expires = _plus_year(t)
                    lots.append([expires, pts, i])
                    earned[i] = pts
                    balance += pts
                    emit(p, t, pts, "order", shop, i, expires)
            else:
                keep = 0 if status[i] == REFUNDED else int(net_cny[i]) * mult[i] // 10000
                pts = min(max(0, earned.get(i, 0) - keep), balance)
                if pts > 0:
                    consume(pts, prefer=i)
                    balance -= pts
                    emit(p, t, -pts, "refund", shop, i, -1)
        expire_until(now_us)

    ledger = Ledger(
        person=np.array(out_person, dtype=np.int64), occurred_us=np.array(out_time, dtype=np.int64),
        points=np.array(out_points, dtype=np.int64), reason=out_reason,
        shop=np.array(out_shop, dtype=np.int64), order=np.array(out_order, dtype=np.int64),
        expires_us=np.array(out_expires, dtype=np.int64),
    )
    return tier_now, ledger
