"""What counts as a refunded order, a refunded SKU, and a refund rate worth showing.

Orders counted: every *paid* order, that is sold (order_status.SOLD) or fully
refunded (a refunded order was a sale the buyer undid; leaving it out would
make every refund vanish from its own rate). Pending and cancelled orders
never reached the buyer's money and count nowhere.

An order is refunded when any money went back: a refunded or partially
refunded status, or a refunded amount above zero (Shopify's `Refunded Amount`,
Taobao's 退款金额, Etsy's adjusted total, a Chinese 售后状态 of 退款成功 all
end up in one of these through the importers).

Per SKU, an order counts once for each SKU it sold (lines read through
`sk_sku_lines()`, so channel links and bundles are applied); the SKU was
refunded in that order when its line gave back units, or the refund covers the
whole order (a refunded status, or a refunded amount of at least the order's
total), or money went back without refunded quantities on an order whose every
line sells this SKU (there is no other SKU the refund could be for). A part of
the money that went back on an order of several SKUs, no line saying which
units, belongs to no SKU that the export names: which SKU it was is unknown
(`sku_refunded` None, `refunded` NULL in SQL), and the order is left out of
the by-SKU rates rather than counted as a refund of each of its SKUs (Shopify
order #2220: one refund of 155.74 on 903.27 made four SKUs "100 % refunded").

Refund rate = refunded orders / paid orders. A rate over a handful of orders
means little (1 refund in 2 orders is 50 %), so the worst-SKUs list ranks by
the Wilson score lower bound of the rate at 95 % confidence and lists only
SKUs with at least MIN_ORDERS paid orders: a SKU with 3 refunds in 10 orders
(lower bound 10.8 %) ranks below one with 30 in 150 (14.4 %), although its
plain rate is higher.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from shopkeeper.domain.order_status import CANCELLED_STATUSES, PARTIALLY_REFUNDED, REFUNDED_STATUSES, SOLD

MIN_ORDERS = 10
WILSON_Z = 1.96  # 95 % two-sided

PAID = SOLD | REFUNDED_STATUSES
REFUND_STATUSES = REFUNDED_STATUSES | {PARTIALLY_REFUNDED}

# The tags a new shop offers for a refunded order; the seller edits the list (table refund_tag_names).
DEFAULT_TAGS = ("quality", "size", "shipping_damage", "description_mismatch", "other")

assert not PAID & CANCELLED_STATUSES


def is_paid(status: str | None) -> bool:
    return status in PAID


def is_refund(status: str | None, refunded_amount: Decimal | None) -> bool:
    """Money went back on a paid order."""
    return is_paid(status) and (status in REFUND_STATUSES or (refunded_amount or Decimal(0)) > 0)


def refund_covers_order(status: str | None, total: Decimal | None, refunded_amount: Decimal | None) -> bool:
    """The whole order's money went back: a refunded status, or a refunded amount of at least its total."""
    return status in REFUNDED_STATUSES or (
        total is not None and total > 0 and refunded_amount is not None and refunded_amount >= total)


def sku_refunded(*, refund: bool, covers_order: bool, units_back: int, order_units_back: int,
                 sole: bool) -> bool | None:
    """Whether a SKU was refunded in a paid order it sold; None: money went back, but for which SKU is unknown.

    `refund`: money went back on the order (is_refund); `covers_order`: all of it (refund_covers_order);
    `units_back`: units of this SKU's lines given back; `order_units_back`: units given back on the whole
    order; `sole`: every line of the order sells this SKU (a bundle's line sells the bundle and its parts).
    """
    if not refund:
        return False
    if units_back > 0 or covers_order:
        return True
    if order_units_back > 0:
        return False   # the export names the units that came back, none of them this SKU's
    return True if sole else None


def refund_rate(refunded: int, paid: int) -> Decimal | None:
    """Percent with one decimal, or None when there are no paid orders."""
    if paid <= 0:
        return None
    return (Decimal(100) * refunded / paid).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def wilson_lower(refunded: int, paid: int, z: float = WILSON_Z) -> float:
    """Lower bound of the Wilson score interval of refunded / paid (0 when nothing was paid)."""
    if paid <= 0:
        return 0.0
    p = refunded / paid
    denom = 1 + z * z / paid
    centre = p + z * z / (2 * paid)
    margin = z * math.sqrt(p * (1 - p) / paid + z * z / (4 * paid * paid))
    return max(0.0, (centre - margin) / denom)


def _in(values: frozenset[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_is_paid(status) AS coalesce(status IN {_in(PAID)}, FALSE)",
    f"""CREATE OR REPLACE TEMP MACRO sk_is_refund(status, refunded_amount) AS
        sk_is_paid(status) AND (coalesce(status IN {_in(frozenset(REFUND_STATUSES))}, FALSE)
                                OR coalesce(refunded_amount, 0) > 0)""",
    f"""CREATE OR REPLACE TEMP MACRO sk_wilson_lower(refunded, paid) AS
        CASE WHEN coalesce(paid, 0) <= 0 THEN 0.0 ELSE greatest(0.0,
          (refunded / paid + {WILSON_Z}^2 / (2 * paid)
           - {WILSON_Z} * sqrt((refunded / paid) * (1 - refunded / paid) / paid + {WILSON_Z}^2 / (4 * paid * paid)))
          / (1 + {WILSON_Z}^2 / paid)) END""",
    f"""CREATE OR REPLACE TEMP MACRO sk_refund_covers_order(status, total, refunded_amount) AS
        coalesce(status IN {_in(frozenset(REFUNDED_STATUSES))}, FALSE)
        OR coalesce(total > 0 AND refunded_amount >= total, FALSE)""",
    # TRUE, FALSE, or NULL: money went back, for which SKU unknown (sku_refunded's None).
    """CREATE OR REPLACE TEMP MACRO sk_sku_refunded(refund, covers_order, units_back, order_units_back, sole) AS
        CASE WHEN NOT refund THEN FALSE
             WHEN units_back > 0 OR covers_order THEN TRUE
             WHEN order_units_back > 0 THEN FALSE
             WHEN sole THEN TRUE END""",
)

# Every paid order with its local day and whether it was refunded.
TABLE_MACROS = (
    """CREATE OR REPLACE TEMP MACRO sk_paid_orders() AS TABLE
    SELECT o.shop_id, o.order_id, split_part(o.shop_id, ':', 1) AS platform, o.status, o.currency, o.total,
           coalesce(o.refunded_amount, 0) AS refunded_amount,
           sk_order_day(o.ordered_at, o.ordered_tz) AS day, sk_is_refund(o.status, o.refunded_amount) AS refunded
    FROM orders o WHERE sk_is_paid(o.status)""",
    # One row per paid order and catalogue SKU it sold; `refunded`: this SKU was refunded in this order
    # (sk_sku_refunded: NULL when money went back and which SKU it was for is unknown).
    """CREATE OR REPLACE TEMP MACRO sk_refund_sku_orders() AS TABLE
    WITH lines AS (SELECT shop_id, order_id, sku, sum(quantity) AS units, sum(refunded_quantity) AS units_back,
                          count(DISTINCT line_no) AS line_count
                   FROM sk_sku_lines() GROUP BY ALL),
    -- every line of the order, those naming no SKU too: a refund may be for a line that names none
    per_order AS (SELECT shop_id, order_id, count(DISTINCT line_no) AS line_count,
                         sum(refunded_quantity) AS units_back
                  FROM order_lines GROUP BY ALL)
    SELECT p.shop_id, p.order_id, p.platform, p.day, l.sku, l.units, l.units_back,
           sk_sku_refunded(p.refunded, sk_refund_covers_order(p.status, p.total, p.refunded_amount),
                           coalesce(l.units_back, 0), coalesce(po.units_back, 0),
                           l.line_count >= po.line_count) AS refunded
    FROM sk_paid_orders() p
    JOIN lines l USING (shop_id, order_id)
    JOIN per_order po USING (shop_id, order_id)""",
)
