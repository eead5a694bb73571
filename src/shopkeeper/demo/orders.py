"""The demo shop's orders and order lines, generated as column arrays.

Money is integer cents throughout; `unit × quantity = line_total` and
`total = subtotal + shipping − discount` hold exactly. Timestamps are UTC
microseconds derived from the history's days, never from the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from shopkeeper.demo.calendar import (
    CN_HOURS,
    SHOPS,
    WEST_HOURS,
    epoch_day,
    sample_days,
    us_dst_state,
)
from shopkeeper.demo.catalog import Catalog
from shopkeeper.demo.people import BASKET, People

STATUSES = ("pending", "paid", "shipped", "completed", "cancelled", "refunded", "partially_refunded")
PENDING, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED, PARTIAL = range(7)

PLATFORM_STATUS = {
    "taobao": ("等待买家付款", "买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易成功", "交易关闭", "交易关闭", "交易成功"),
    "douyin": ("待支付", "待发货", "已发货", "已完成", "已取消", "已关闭", "已完成"),
    "shopify": ("pending", "paid", "paid", "paid", "voided", "refunded", "partially_refunded"),
    "etsy": ("Unpaid", "Paid", "Shipped", "Completed", "Canceled", "Refunded", "Partially refunded"),
}
_CHANNELS = {
    "taobao": (("手淘搜索", .42), ("手淘推荐", .22), ("直通车", .14), ("淘宝直播", .10), ("我的淘宝", .12)),
    "douyin": (("直播", .46), ("短视频", .24), ("商品卡", .20), ("达人带货", .10)),
    "shopify": (("Online Store", .50), ("Instagram", .18), ("Google", .16), ("Email", .10), ("Pinterest", .06)),
    "etsy": (("Etsy search", .62), ("Etsy Ads", .20), ("Direct", .12), ("Social media", .06)),
}
_ID_SHAPE = {  # first id, smallest and largest step between consecutive orders
    "taobao": (2_893_416_502_117_000_000, 10**9, 10**11),
    "douyin": (6_927_508_113_640_000_000, 10**9, 10**11),
    "shopify": (5_612_873_400_000, 10**6, 6 * 10**7),
    "etsy": (3_104_552_000, 10**3, 2 * 10**5),
}


@dataclass
class PromoWindow:
    shop: int  # -1: every shop
    lo: int  # first day index
    hi: int  # last day index
    pct: int
    skus: np.ndarray  # bool mask over the catalogue


@dataclass
class Orders:
    person: np.ndarray
    shop: np.ndarray
    day: np.ndarray
    utc_us: np.ndarray
    tz: list[str]
    identity: np.ndarray  # index into identity_*
    order_id: list[str]
    order_number: list[str | None]
    status: np.ndarray
    platform_status: list[str]
    subtotal: np.ndarray
    shipping: np.ndarray
    discount: np.ndarray
    total: np.ndarray
    refunded: np.ndarray
    paid_us: np.ndarray  # -1: not paid
    channel: list[str]
    comp_off: np.ndarray  # days after ordering the buyer confirmed / received
    refund_off: np.ndarray  # days after ordering the refund happened (refunds only)
    ship_off: np.ndarray
    # lines
    line_order: np.ndarray
    line_no: np.ndarray
    line_sku: np.ndarray
    line_qty: np.ndarray
    line_unit: np.ndarray
    line_total: np.ndarray
    line_refunded: np.ndarray
    # identities (one buyer row per person and shop)
    identity_person: np.ndarray
    identity_shop: np.ndarray
    identity_first_us: np.ndarray

    @property
    def n(self) -> int:
        return int(self.shop.shape[0])


def _group_pos(group: np.ndarray) -> np.ndarray:
    """0-based position of each element inside its run of equal, consecutive group values."""
    starts = np.r_[0, np.flatnonzero(np.diff(group)) + 1]
    sizes = np.diff(np.r_[starts, group.shape[0]])
    positions: np.ndarray = np.arange(group.shape[0]) - np.repeat(starts, sizes)
    return positions


def _pick(weights: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    cum = np.cumsum(weights)
    picked: np.ndarray = np.minimum(np.searchsorted(cum, rng.random(size) * cum[-1], side="right"), len(weights) - 1)
    return picked


def _sku_ok(cat: Catalog, sku: np.ndarray, day: np.ndarray, months: np.ndarray) -> np.ndarray:
    ok: np.ndarray = (cat.launch_idx[sku] <= day) & (day <= cat.end_idx[sku])
    for i, season in enumerate(cat.seasonal):
        if season is not None:
            hit = sku == i
            ok[hit] &= np.isin(months[hit], season)
    return ok


def build_orders(
    people: People, cat: Catalog, cdfs: list[np.ndarray], days: list[date],
    promos: list[PromoWindow], pre: int, rng: np.random.Generator,
) -> Orders:
    """Orders of `people` over the history `days`.

    People's windows and `cdfs` count `pre` extra days before the history;
    orders that fall there are dropped.
    """
    last_idx = len(days) - 1
    person = np.repeat(np.arange(people.n), people.n_orders)
    k = _group_pos(person)
    n = person.shape[0]

    # Which shop each order goes to.
    primary, secondary = people.primary[person], people.secondary[person]
    shop = primary.copy()
    cross = secondary >= 0
    shop[cross & (k == 1)] = secondary[cross & (k == 1)]
    other = cross & (k >= 2) & (rng.random(n) < 0.4)
    shop[other] = secondary[other]

    # Which day: the first order opens the person's window, the rest follow the shop's busyness.
    first, last = people.first_day[person], people.last_day[person]
    day = first.copy()
    later = k > 0
    for s in range(len(SHOPS)):
        m = later & (shop == s)
        lo = np.minimum(first[m] + 1, last[m])
        day[m] = sample_days(cdfs[s], lo, last[m], rng)
    final = people.lapsed[person] & (k == people.n_orders[person] - 1)
    day[final] = last[final]
    seen = day >= pre
    person, k, shop, day = person[seen], k[seen], shop[seen], day[seen] - pre
    n = person.shape[0]

    # Time of day, local, then UTC.
    months = np.array([d.month for d in days])[day]
    market = people.market[person]
    hour = np.where(market == 0, _pick(CN_HOURS, n, rng), _pick(WEST_HOURS, n, rng))
    day_md = np.array([d.month * 100 + d.day for d in days])[day]
    midnight_rush = (market == 0) & np.isin(day_md, (618, 1111)) & (rng.random(n) < 0.3)
    hour[midnight_rush] = 0
    hour[day == last_idx] = rng.integers(0, 10, size=int((day == last_idx).sum()))
    dst_state = np.array([us_dst_state(d) for d in days])[day]
    hour[(market == 1) & (dst_state == 2) & (hour == 2)] = 3
    secs = hour * 3600 + rng.integers(0, 3600, size=n)
    dst = (dst_state == 1) | ((dst_state == 2) & (hour >= 2)) | ((dst_state == 3) & (hour < 1))
    offset_min = np.where(market == 0, 480, np.where(dst, -240, -300))
    utc_us = ((epoch_day(days[0]) + day) * 86400 + secs - offset_min * 60).astype(np.int64) * 1_000_000
    tz_names = {480: "+08:00", -240: "-04:00", -300: "-05:00"}
    # Sort by shop, then time: ids and order numbers grow with time.
    order = np.lexsort((person, utc_us, shop))
    person, shop, day, utc_us, offset_min, k = (a[order] for a in (person, shop, day, utc_us, offset_min, k))
    market, months = market[order], months[order]
    tz = [tz_names[int(o)] for o in offset_min]

    # Buyer identities: one per (person, shop).
    ident_key = person * len(SHOPS) + shop
    uniq, identity = np.unique(ident_key, return_inverse=True)
    first_us = np.full(uniq.shape[0], np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_us, identity, utc_us)

    # Lines.
    seg = people.segment[person]
    n_lines = 1 + np.minimum(4, rng.poisson(0.35 * BASKET[seg]))
    line_order = np.repeat(np.arange(n), n_lines)
    l_shop, l_day, l_months = shop[line_order], day[line_order], months[line_order]
    sku = np.zeros(line_order.shape[0], dtype=np.int64)
    for s, spec in enumerate(SHOPS):
        cand = np.flatnonzero(cat.listed[:, s])
        pop = cat.pop_cn if spec.market == "cn" else cat.pop_west
        m = l_shop == s
        sku[m] = cand[_pick(pop[cand], int(m.sum()), rng)]
        for _ in range(12):
            bad = np.flatnonzero(m & ~_sku_ok(cat, sku, l_day, l_months))
            if bad.size == 0:
                break
            sku[bad] = cand[_pick(pop[cand], bad.size, rng)]
        bad = m & ~_sku_ok(cat, sku, l_day, l_months)
        sku[bad] = cand[int(np.argmax(pop[cand] * (cat.launch_idx[cand] <= 0) * (cat.end_idx[cand] == last_idx)))]
    # The same SKU twice in one order becomes one line.
    _, keep = np.unique(line_order * cat.n + sku, return_index=True)
    keep.sort()
    line_order, sku, l_shop, l_day = line_order[keep], sku[keep], l_shop[keep], l_day[keep]
    line_no = _group_pos(line_order) + 1
    category = np.array(cat.product_categories)[cat.product_of[sku]]
    qty = np.ones(line_order.shape[0], dtype=np.int64)
    r = rng.random(line_order.shape[0])
    qty[r < 0.14] = 2
    qty[r < 0.035] = rng.integers(3, 5, size=int((r < 0.035).sum()))
    qty[(category == "Tea") & (rng.random(qty.shape[0]) < 0.15)] += 1
    qty[(seg[line_order] == 4) & (rng.random(qty.shape[0]) < 0.25)] += 1
    unit = cat.shop_price[sku, l_shop]
    line_total = unit * qty
    subtotal = np.bincount(line_order, weights=line_total, minlength=n).astype(np.int64)
    units = np.bincount(line_order, weights=qty, minlength=n).astype(np.int64)

    # Discounts: the promotion on the line's SKU, else now and then a shop coupon.
    pct = np.zeros(line_order.shape[0], dtype=np.int64)
    for p in promos:
        hit = (l_day >= p.lo) & (l_day <= p.hi) & p.skus[sku]
        if p.shop >= 0:
            hit &= l_shop == p.shop
        pct = np.where(hit, np.maximum(pct, p.pct), pct)
    discount = np.bincount(line_order, weights=line_total * pct // 100, minlength=n).astype(np.int64)
    coupon = (discount == 0) & (rng.random(n) < np.where(market == 0, 0.12, 0.10))
    cn_coupon = np.select([subtotal >= 19900, subtotal >= 9900, subtotal >= 5000], [2000, 1000, 500], 0)
    discount = np.where(coupon, np.where(market == 0, cn_coupon, subtotal * 10 // 100), discount)

    country = np.array(people.country)[person]
    domestic = (country == "US") | (country == "CN")
    key = np.array([s.key for s in SHOPS])[shop]
    shipping = np.select(
        [key == "taobao", key == "douyin", key == "shopify", key == "etsy"],
        [np.where(subtotal < 4900, 800, 0), 0,
         np.where(subtotal >= 7500, 0, np.where(domestic, 695, 1895)),
         np.where(domestic, np.where(subtotal >= 3500, 0, 595), 1650)],
    ).astype(np.int64)
    total = subtotal + shipping - discount

    # Status from the order's age, then cancellations and refunds.
    age = last_idx - day
    comp_off = np.where(market == 0, 10, 7)
    early = rng.random(n) < 0.3
    comp_off = np.where(early, rng.integers(3, comp_off), comp_off)
    ship_off = np.where(rng.random(n) < 0.7, 1, 2)
    status = np.where(age >= comp_off, COMPLETED, np.where(age >= ship_off, SHIPPED, PAID))
    status[(age == 0) & (rng.random(n) < 0.3)] = PENDING
    r2 = rng.random(n)
    status[r2 < 0.011] = CANCELLED
    refund_off = np.zeros(n, dtype=np.int64)
    full = (r2 >= 0.011) & (r2 < 0.052) & (age >= 1)
    status[full] = REFUNDED
    eligible = (status != CANCELLED) & (status != REFUNDED) & (age >= 2) & (units >= 2)
    p_partial = min(0.6, 0.02 * n / max(1, int(eligible.sum())))
    part = eligible & (rng.random(n) < p_partial)
    status[part] = PARTIAL
    refund_off[full] = rng.integers(1, np.minimum(26, age[full] + 1))
    refund_off[part] = rng.integers(2, np.minimum(26, age[part] + 1))

    refunded = np.where(status == REFUNDED, total, 0)
    line_refunded = np.where(status[line_order] == REFUNDED, qty, 0)
    last_line = np.r_[line_order[1:] != line_order[:-1], True]
    pl = last_line & (status[line_order] == PARTIAL)
    single = np.bincount(line_order, minlength=n)[line_order] == 1
    line_refunded[pl] = np.where(single[pl], 1, qty[pl])
    gross = np.bincount(line_order, weights=line_refunded * unit, minlength=n).astype(np.int64)
    refunded = np.where(status == PARTIAL, gross * (subtotal - discount) // np.maximum(subtotal, 1), refunded)

    unpaid = (status == PENDING) | (status == CANCELLED)
    pay_delay = np.where(market == 0, rng.integers(5, 600, size=n), rng.integers(0, 30, size=n))
    paid_us = np.where(unpaid, -1, utc_us + pay_delay * 1_000_000)

    order_id: list[str] = [""] * n
    order_number: list[str | None] = [None] * n
    channel: list[str] = [""] * n
    platform_status = [""] * n
    for s, spec in enumerate(SHOPS):
        idx = np.flatnonzero(shop == s)
        base, lo, hi = _ID_SHAPE[spec.key]
        ids = base + np.cumsum(rng.integers(lo, hi, size=idx.size))
        names = [c for c, _ in _CHANNELS[spec.key]]
        ch = _pick(np.array([w for _, w in _CHANNELS[spec.key]]), idx.size, rng)
        ps = PLATFORM_STATUS[spec.key]
        for j, i in enumerate(idx.tolist()):
            order_id[i] = str(int(ids[j]))
            channel[i] = names[int(ch[j])]
            platform_status[i] = ps[int(status[i])]
            if spec.key == "shopify":
                order_number[i] = f"#{1001 + j}"

    return Orders(
        person=person, shop=shop, day=day, utc_us=utc_us, tz=tz, identity=identity,
        order_id=order_id, order_number=order_number, status=status, platform_status=platform_status,
        subtotal=subtotal, shipping=shipping, discount=discount, total=total, refunded=refunded,
        paid_us=paid_us, channel=channel, comp_off=comp_off, refund_off=refund_off, ship_off=ship_off,
        line_order=line_order, line_no=line_no, line_sku=sku, line_qty=qty, line_unit=unit,
        line_total=line_total, line_refunded=line_refunded,
        identity_person=uniq // len(SHOPS), identity_shop=uniq % len(SHOPS), identity_first_us=first_us,
    )
