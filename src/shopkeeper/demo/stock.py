"""Stock of the demo shop: opening counts, restocks, daily sales, returns and breakage.

Purchases are planned per product every few weeks with hindsight of the
demand the orders create, so every SKU's running balance stays at or above
zero. At the end a dozen good sellers are left short: about nine below two
weeks of recent sales and three sold out, so the reorder screens have work.

The warehouse is in China: purchases arrive at 09:30 and returns at 12:00
Beijing time, a day's sales are booked when the day's last order was placed.

The shop is told its stock the way a seller's shop is: as dated snapshots
(domain/stock_ledger.py) - the level counted in after each delivery, and a
stocktake of every SKU the evening before yesterday - and recompute derives
on hand from the latest one and the orders after it. The planned movements
only decide what those counts say; they are not written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from shopkeeper.demo.calendar import epoch_day
from shopkeeper.demo.catalog import Catalog
from shopkeeper.demo.orders import COMPLETED, PAID, PARTIAL, REFUNDED, SHIPPED, Orders

HOUR_US = 3_600_000_000
DAY_US = 24 * HOUR_US
_PACK = {"Tea": 20, "Home": 12, "Mugs & Cups": 12, "Tableware": 12, "Vases": 6, "Teapots": 4, "Tea Sets": 4}
_FRAGILE = ("Mugs & Cups", "Teapots", "Tea Sets", "Tableware", "Vases")
_SOLD_OUT = 3  # good sellers left at zero
_RUNNING_LOW = 9  # good sellers left under two weeks of sales


@dataclass
class Stock:
    on_hand: np.ndarray
    reorder_point: np.ndarray  # -1: NULL
    updated_us: np.ndarray
    recent_rate: np.ndarray  # units per day over the last 28 days
    low: np.ndarray  # SKUs deliberately left short
    pack: np.ndarray  # the supplier's pack size (the reorder rules round up to it)
    # movements
    m_sku: np.ndarray
    m_us: np.ndarray
    m_qty: np.ndarray
    m_reason: list[str]
    m_reference: list[str | None]
    # snapshots: what a count said, and when
    s_sku: np.ndarray
    s_us: np.ndarray
    s_qty: np.ndarray


def _beijing_us(first_day: date, day: np.ndarray | int, hour: float) -> np.ndarray:
    return ((epoch_day(first_day) + np.asarray(day)) * DAY_US + int((hour - 8) * HOUR_US)).astype(np.int64)


def build_stock(cat: Catalog, orders: Orders, days: list[date], rng: np.random.Generator) -> Stock:
    n_sku, n_days = cat.n, len(days)
    last_idx = n_days - 1
    lo = orders.line_order
    st = orders.status[lo]
    shipped_refund = orders.refund_off[lo] > orders.ship_off[lo]
    sold = np.isin(st, (PAID, SHIPPED, COMPLETED, PARTIAL)) | ((st == REFUNDED) & shipped_refund)
    l_day = orders.day[lo]
    demand = np.zeros((n_sku, n_days), dtype=np.int64)
    np.add.at(demand, (orders.line_sku[sold], l_day[sold]), orders.line_qty[sold])
    sales = demand.copy()
    last_sale = np.full((n_sku, n_days), -1, dtype=np.int64)
    np.maximum.at(last_sale, (orders.line_sku[sold], l_day[sold]), orders.utc_us[lo][sold])

    back = np.where(st == REFUNDED, np.where(shipped_refund, orders.line_qty, 0), 0)
    back = np.where(st == PARTIAL, orders.line_refunded, back)
    r_idx = np.flatnonzero(back > 0)
    r_day = l_day[r_idx] + orders.refund_off[lo][r_idx]
    returns = np.zeros((n_sku, n_days), dtype=np.int64)
    np.add.at(returns, (orders.line_sku[r_idx], r_day), back[r_idx])

    category = np.array(cat.product_categories)[cat.product_of]
    alive = (np.arange(n_days)[None, :] >= np.maximum(cat.launch_idx, 0)[:, None]) & (
        np.arange(n_days)[None, :] <= cat.end_idx[:, None])
    broken = alive & np.isin(category, _FRAGILE)[:, None] & (rng.random((n_sku, n_days)) < 0.0012)
    demand += broken

    recent_rate = sales[:, -28:].sum(axis=1) / 28.0
    life = np.maximum(1, np.minimum(n_days, cat.end_idx + 1) - np.maximum(cat.launch_idx, 0))
    safety = np.maximum(2, np.ceil(demand.sum(axis=1) / life * 5)).astype(np.int64)
    pack = np.array([_PACK[c] for c in category])

    # Arrival schedule per product: an opening stock, then a restock every few weeks.
    opening = np.maximum(cat.launch_idx, 0)
    arrivals: list[list[int]] = []
    n_products = len(cat.product_ids)
    interval = rng.integers(14, 36, size=n_products)
    jitter = rng.integers(0, 4, size=(n_products, 80))
    for s in range(n_sku):
        p = int(cat.product_of[s])
        a = [int(opening[s])]
        k = 1
        while True:
            nxt = int(opening[s]) + k * int(interval[p]) + int(jitter[p, k % 80])
            if nxt > min(last_idx, int(cat.end_idx[s]) - 1):
                break
            a.append(nxt)
            k += 1
        arrivals.append(a)

    qty: list[list[int]] = []
    level = np.zeros((n_sku, n_days), dtype=np.int64)
    for s in range(n_sku):
        cum = np.cumsum(demand[s])
        cum_ret = np.cumsum(returns[s])
        a = arrivals[s]
        q: list[int] = []
        received = 0
        for j, day in enumerate(a):
            upto = a[j + 1] if j + 1 < len(a) else last_idx
            before = int(cum[day - 1]) if (j == 0 and day > 0) else (int(cum[day]) if j > 0 else 0)
            need = int(cum[upto]) - before
            if j + 1 == len(a) and cat.active[s]:
                need += int(np.ceil(recent_rate[s] * int(interval[cat.product_of[s]])))
            # Stock in hand when this delivery is booked (after the day's sales for restocks).
            have = received + int(cum_ret[day - 1 if j == 0 and day > 0 else day] if j > 0 else 0) - before
            want = int(np.ceil(need * 1.2)) + int(safety[s]) - have
            want = 0 if want <= 0 else -(-want // int(pack[s])) * int(pack[s])
            q.append(want)
            received += want
        qty.append(q)
        level[s] = _levels(a, q, demand[s], returns[s])

    # Keep 30 days of cover on ordinary SKUs; leave a dozen good sellers short.
    candidates = np.flatnonzero(cat.active & (recent_rate >= 0.25) & (cat.launch_idx < last_idx - 90))
    low = np.zeros(n_sku, dtype=bool)
    sold_out = 0
    for s in rng.permutation(candidates).tolist():
        if sold_out < _SOLD_OUT:
            target = 0
        elif int(low.sum()) < _SOLD_OUT + _RUNNING_LOW:
            target = max(1, int(rng.uniform(0.2, 0.7) * 14 * recent_rate[s]))
        else:
            break
        trial_qty, trial_level = list(qty[s]), level[s].copy()
        _shrink_to(target, arrivals[s], trial_qty, trial_level, returns[s])
        if trial_level[-1] == target:  # returns after the last sale can keep a SKU from reaching it
            qty[s], level[s] = trial_qty, trial_level
            low[s] = True
            sold_out += target == 0
    for s in np.flatnonzero(cat.active & ~low).tolist():
        floor = int(np.ceil(recent_rate[s] * 30)) + int(safety[s])
        if level[s, -1] < floor:
            qty[s][-1] += floor - int(level[s, -1])
            level[s, arrivals[s][-1]:] += floor - int(level[s, -1])

    # Movements.
    first_day = days[0]
    m_sku: list[np.ndarray] = []
    m_us: list[np.ndarray] = []
    m_qty: list[np.ndarray] = []
    m_reason: list[str] = []
    m_ref: list[str | None] = []
    product_code = [pid.removeprefix("CL-") for pid in cat.product_ids]
    for s in range(n_sku):
        code = product_code[cat.product_of[s]]
        for j, (day, received_qty) in enumerate(zip(arrivals[s], qty[s], strict=True)):
            if received_qty <= 0:
                continue
            # Opening stock: counted the evening before the history, or the first run of a new product.
            opening = j == 0
            counted = opening and cat.launch_idx[s] <= 0
            at = _beijing_us(first_day, day - 1, 20.0) if opening else _beijing_us(first_day, day, 9.5)
            m_sku.append(np.array([s]))
            m_us.append(at.reshape(1))
            m_qty.append(np.array([received_qty]))
            m_reason.append("count" if counted else "purchase")
            m_ref.append("Opening stock count" if counted else f"PO-{days[day]:%y%m%d}-{code}")
    s_idx, d_idx = np.nonzero(sales)
    m_sku.append(s_idx)
    m_us.append(last_sale[s_idx, d_idx])
    m_qty.append(-sales[s_idx, d_idx])
    m_reason += ["sale"] * s_idx.size
    m_ref += [f"Sales {days[d]:%Y-%m-%d}" for d in d_idx.tolist()]
    b_idx, bd_idx = np.nonzero(broken)
    m_sku.append(b_idx)
    m_us.append(_beijing_us(first_day, bd_idx, 18.0))
    m_qty.append(-np.ones(b_idx.size, dtype=np.int64))
    m_reason += ["adjustment"] * b_idx.size
    m_ref += ["Broken in storage"] * b_idx.size
    m_sku.append(orders.line_sku[r_idx])
    m_us.append(_beijing_us(first_day, r_day, 12.0))
    m_qty.append(back[r_idx])
    m_reason += ["return"] * r_idx.size
    m_ref += [orders.order_id[int(o)] for o in lo[r_idx].tolist()]

    sku_arr = np.concatenate(m_sku).astype(np.int64)
    us_arr = np.concatenate(m_us).astype(np.int64)
    qty_arr = np.concatenate(m_qty).astype(np.int64)
    on_hand = np.bincount(sku_arr, weights=qty_arr, minlength=n_sku).astype(np.int64)
    assert np.array_equal(on_hand, level[:, -1]), "stock plan and movements disagree"
    updated = np.full(n_sku, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(updated, sku_arr, us_arr)

    s_sku, s_us, s_qty = _snapshots(sku_arr, us_arr, qty_arr, np.array(m_reason, dtype=object),
                                    int(_beijing_us(first_day, last_idx - 2, 20.0)))

    reorder = np.full(n_sku, -1, dtype=np.int64)
    manual = rng.permutation(np.flatnonzero(cat.active & (recent_rate > 0.1)))[:6]
    reorder[manual] = np.ceil(recent_rate[manual] * (cat.lead_time[manual] + 7)).astype(np.int64)
    return Stock(
        on_hand=on_hand, reorder_point=reorder, updated_us=updated, recent_rate=recent_rate, low=low, pack=pack,
        m_sku=sku_arr, m_us=us_arr, m_qty=qty_arr, m_reason=m_reason, m_reference=m_ref,
        s_sku=s_sku, s_us=s_us, s_qty=s_qty,
    )


def _snapshots(sku: np.ndarray, at: np.ndarray, qty: np.ndarray, reason: np.ndarray,
               stocktake_us: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The level just after each delivery (and opening count), and every stocked SKU's level at the stocktake."""
    order = np.lexsort((qty, at, sku))
    s, t, q = sku[order], at[order], qty[order]
    running = np.cumsum(q)
    start = np.r_[0, np.flatnonzero(s[1:] != s[:-1]) + 1]
    group_start = np.repeat(start, np.diff(np.r_[start, s.size]))
    level = running - running[group_start] + q[group_start]
    delivered = np.isin(reason[order], ("purchase", "count"))
    before = t <= stocktake_us
    take_sku = np.unique(s[before])
    take_level = np.bincount(s[before], weights=q[before], minlength=int(s.max()) + 1 if s.size else 0)
    return (np.r_[s[delivered], take_sku].astype(np.int64),
            np.r_[t[delivered], np.full(take_sku.size, stocktake_us)].astype(np.int64),
            np.r_[level[delivered], take_level[take_sku]].astype(np.int64))


def _levels(arrivals: list[int], qty: list[int], demand: np.ndarray, returns: np.ndarray) -> np.ndarray:
    inflow = returns.copy()
    for day, q in zip(arrivals, qty, strict=True):
        inflow[day] += q
    return np.cumsum(inflow - demand)


def _shrink_to(target: int, arrivals: list[int], qty: list[int], level: np.ndarray, returns: np.ndarray) -> None:
    """Lower the latest deliveries so the SKU ends at `target` without ever going below zero."""
    for j in range(len(arrivals) - 1, 0, -1):
        excess = int(level[-1]) - target
        if excess <= 0:
            return
        day = arrivals[j]
        inflow_after = returns[day + 1 :].copy()
        for dd, qq in zip(arrivals[j + 1 :], qty[j + 1 :], strict=True):
            inflow_after[dd - day - 1] += qq
        room = int(level[day])
        if day + 1 < level.shape[0]:
            room = min(room, int((level[day + 1 :] - inflow_after).min()))
        x = max(0, min(excess, qty[j], room))
        qty[j] -= x
        level[day:] -= x
