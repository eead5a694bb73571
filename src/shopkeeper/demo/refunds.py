"""The demo's after-sales story: the reasons buyers gave for refunds, and one product with a problem.

A product with a quality fault is what the After-sales view exists to catch, so
the demo has one: a steady seller whose orders come back about a third of the
time from the moment a faulty production run arrived, with the reasons the
platforms' exports carry (Taobao's 退款原因, Shopify's refund note). Every
other refund gets one of the ordinary reasons. Only base data changes - order
statuses, refunded amounts and units, and `orders.refund_reason` as an export
would give them; the rates, the worst-SKU list and the charts follow from them.
"""

from __future__ import annotations

import numpy as np

from shopkeeper.demo.calendar import SHOPS
from shopkeeper.demo.catalog import Catalog
from shopkeeper.demo.orders import CANCELLED, PARTIAL, PLATFORM_STATUS, REFUNDED, Orders

PROBLEM_CATEGORY = "Mugs & Cups"
PROBLEM_RANK = 1           # its best-selling SKU: where a fault costs the most
PROBLEM_SHARE = 0.45       # of its orders from the faulty batch on, refunded in full
PROBLEM_SINCE_DAYS = 240   # the faulty batch arrived this many days before today
REASON_GIVEN = 0.5         # an ordinary refund names a reason this often (a fault nearly always does)

_PROBLEM_REASONS = {
    "cn": ("质量问题：收到时杯身有裂纹", "质量问题：釉面脱落", "质量问题：漏水"),
    "west": ("Arrived cracked", "Glaze chipped after one wash", "Leaks at the base"),
}
_USUAL_REASONS = {
    "cn": ("七天无理由退货", "不想要了", "尺寸/容量与描述不符", "物流太慢", "发错货", "颜色与图片不符"),
    "west": ("Changed my mind", "Not as described", "Arrived too late", "Wrong item sent", "Colour differs from photos"),
}


def problem_sku(cat: Catalog, orders: Orders) -> int:
    """The catalogue index of the SKU with the problem: the PROBLEM_RANK-th active mug by orders."""
    mugs = np.array(cat.product_categories)[cat.product_of] == PROBLEM_CATEGORY
    ordered = np.bincount(orders.line_sku, minlength=cat.n) * cat.active * mugs
    ranked = np.argsort(-ordered, kind="stable")
    return int(ranked[PROBLEM_RANK - 1])


def add_refund_story(cat: Catalog, orders: Orders, rng: np.random.Generator) -> list[str | None]:
    """Refund a share of the problem SKU's recent orders in full, and give every refund a reason.

    Changes `orders` in place (statuses, refunded money and units) and returns each order's reason (None: not
    refunded).
    """
    sku = problem_sku(cat, orders)
    last = int(orders.day.max())
    holds = np.zeros(orders.n, dtype=bool)
    holds[orders.line_order[orders.line_sku == sku]] = True
    age = last - orders.day
    faulty = (holds & (orders.day >= last - PROBLEM_SINCE_DAYS) & (age >= 2)
              & (orders.status != CANCELLED) & (orders.status != REFUNDED) & (rng.random(orders.n) < PROBLEM_SHARE))
    orders.status[faulty] = REFUNDED
    orders.refunded[faulty] = orders.total[faulty]
    orders.refund_off[faulty] = rng.integers(2, np.minimum(20, age[faulty]) + 1)
    in_faulty = faulty[orders.line_order]
    orders.line_refunded[in_faulty] = orders.line_qty[in_faulty]
    for i in np.flatnonzero(faulty).tolist():
        orders.platform_status[i] = PLATFORM_STATUS[SHOPS[int(orders.shop[i])].key][REFUNDED]

    markets = np.array([SHOPS[int(s)].market for s in orders.shop])
    refunded = (orders.status == REFUNDED) | (orders.status == PARTIAL)
    pick, which = rng.random(orders.n), rng.random(orders.n)
    reasons: list[str | None] = [None] * orders.n
    for i in np.flatnonzero(refunded).tolist():
        # A refund of an order holding the faulty SKU is mostly about the fault, whatever made it.
        if holds[i] and orders.day[i] >= last - PROBLEM_SINCE_DAYS and pick[i] < 0.9:
            faults = _PROBLEM_REASONS[str(markets[i])]
            reasons[i] = faults[0] if which[i] < 0.7 else faults[1 + int(which[i] * 100) % (len(faults) - 1)]
        elif pick[i] < REASON_GIVEN:
            usual = _USUAL_REASONS[str(markets[i])]
            reasons[i] = usual[int(which[i] * len(usual))]
    return reasons
