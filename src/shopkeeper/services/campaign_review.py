"""The review after a campaign: what its SKUs sold in its days against a baseline of the same length before it.

From imported orders only: the sold lines of the SKUs in scope, as the buyers
bought them (sk_resolved_lines(): a link names the catalogue SKU, but a bundle
sold is the bundle's unit and money, never its parts' as well, so a set in scope
with its cups is counted once), net of refunded units, on the campaign's shops
(none named: every shop), on the local days of the campaign (sk_order_day) and on
as many days just before it (the baseline). A campaign still running is reviewed
over its days so far (to today) against as many days before it: two days in are
compared with two days, never with the whole campaign's length. Revenue is the
lines' revenue (before order-level discounts, as every per-SKU revenue in the
shop). Money is in the shop's base currency (sk_fx(); a line whose
currency has no rate is left out of the money, never its units). Discount cost
is what buyers did not pay: against the SKU's list price, (list − paid) × units
for lines in the list price's currency, plus the line's share of its order's
discount (满减 and coupons are taken off the order) in proportion to its amount,
to the cent. New members are buyers whose first
order in the shop falls in the campaign's days and who bought a SKU in scope.
Lift = (event units − baseline units) / baseline units; none when the baseline
sold nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.services.currency import base_currency


@dataclass(frozen=True)
class ReviewFigures:
    units: int
    orders: int
    revenue: Decimal
    discount_cost: Decimal
    baseline_units: int
    baseline_revenue: Decimal

    @property
    def lift_pct(self) -> Decimal | None:
        if self.baseline_units <= 0:
            return None
        return (Decimal(self.units - self.baseline_units) * 100 / self.baseline_units).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class SkuReview:
    sku: str
    figures: ReviewFigures


@dataclass(frozen=True)
class CampaignReview:
    promotion_id: int
    starts_on: date
    ends_on: date
    baseline_start: date
    total: ReviewFigures
    new_members: int
    expected_units: int | None
    expected_uplift_pct: Decimal | None
    skus: tuple[SkuReview, ...]
    # Day by day, from the campaign's first day: (event units, baseline units on the same day of its window).
    days: tuple[tuple[date, int, int], ...]
    campaign_days: int = 0  # the whole campaign's length; more than len(days) while it runs
    currency: str = ""  # the base currency the money is in


_LINES_SQL = """
WITH p AS (SELECT promotion_id, starts_on, least(ends_on, $last) AS ends_on,
                  (least(ends_on, $last) - starts_on + 1)::INTEGER AS n FROM promotions
           WHERE promotion_id = $pid),
shops_in AS (SELECT shop_id FROM shops WHERE NOT EXISTS (SELECT 1 FROM promotion_shops WHERE promotion_id = $pid)
             OR shop_id IN (SELECT shop_id FROM promotion_shops WHERE promotion_id = $pid)),
order_lines_in AS (
    -- every line of the orders in the days, so an order's discount is shared over all of its lines
    SELECT l.*, CAST(sk_line_revenue(l.line_total, l.unit_price, l.refunded_quantity) AS DECIMAL(18,2)) AS revenue,
           o.buyer_id, o.ordered_at, o.ordered_tz, (coalesce(o.discount, 0) * 100)::HUGEINT AS order_off,
           (sum(coalesce(l.line_total, 0)) OVER (PARTITION BY l.shop_id, l.order_id) * 100)::HUGEINT AS order_cents
    FROM sk_resolved_lines() l JOIN orders o USING (shop_id, order_id)
    WHERE sk_is_sold(o.status) AND l.shop_id IN (SELECT shop_id FROM shops_in)
      AND o.ordered_at >= (SELECT starts_on - n FROM p) - INTERVAL 2 DAY
      AND o.ordered_at < (SELECT ends_on FROM p) + INTERVAL 3 DAY
),
lines AS (
    SELECT l.sku, l.shop_id, l.order_id, l.buyer_id, sk_order_day(l.ordered_at, l.ordered_tz) AS day,
           (l.quantity - l.refunded_quantity)::BIGINT AS units, sk_to_base(l.revenue, fx.rate) AS revenue,
           sk_to_base(CASE WHEN v.currency = l.currency AND v.price > l.unit_price
                           THEN (v.price - l.unit_price) * (l.quantity - l.refunded_quantity) ELSE 0 END
                      + CASE WHEN l.order_off > 0 AND l.order_cents > 0 AND l.line_total > 0
                             THEN sk_cents_money(sk_half_up_div(l.order_off * (l.line_total * 100)::HUGEINT,
                                                                l.order_cents))
                             ELSE 0 END, fx.rate) AS discount
    FROM order_lines_in l
    LEFT JOIN sk_fx() fx ON fx.currency = l.currency
    LEFT JOIN variants v ON v.sku = l.sku
    WHERE l.sku IN (SELECT sku FROM promotion_skus WHERE promotion_id = $pid)
),
tagged AS (
    SELECT lines.*, CASE WHEN day BETWEEN p.starts_on AND p.ends_on THEN 'event'
                         WHEN day BETWEEN p.starts_on - p.n AND p.starts_on - 1 THEN 'baseline' END AS part,
           CASE WHEN day >= p.starts_on THEN day - p.starts_on ELSE day - (p.starts_on - p.n) END AS offset_day
    FROM lines, p
)
"""

_FIGURES = """sum(units) FILTER (WHERE part = 'event'), count(DISTINCT (shop_id, order_id)) FILTER (WHERE part = 'event'),
       sum(revenue) FILTER (WHERE part = 'event'), sum(discount) FILTER (WHERE part = 'event'),
       sum(units) FILTER (WHERE part = 'baseline'), sum(revenue) FILTER (WHERE part = 'baseline')"""


def _figures(row: tuple[object, ...]) -> ReviewFigures:
    units, orders, revenue, discount, b_units, b_revenue = row
    cent = Decimal("0.01")
    return ReviewFigures(int(units or 0), int(orders or 0), Decimal(revenue or 0).quantize(cent),  # type: ignore[call-overload, arg-type]
                         Decimal(discount or 0).quantize(cent), int(b_units or 0), Decimal(b_revenue or 0).quantize(cent))  # type: ignore[call-overload, arg-type]


def campaign_review(db: Database, promotion_id: int, today: date | None = None) -> CampaignReview | None:
    """The campaign's review (None: no such campaign); with `today` inside it, its days so far."""
    promo = db.fetchone("SELECT starts_on, ends_on, target_units, expected_uplift_pct FROM promotions"
                        " WHERE promotion_id = ?", [promotion_id])
    if promo is None:
        return None
    starts_on, ends_on, target, uplift = promo
    campaign_days = (ends_on - starts_on).days + 1
    if today is not None and starts_on <= today < ends_on:
        ends_on = today
    params = {"pid": promotion_id, "last": ends_on}
    total = db.fetchone(_LINES_SQL + f"SELECT {_FIGURES} FROM tagged", params)
    assert total is not None
    per_sku = db.fetchall(_LINES_SQL + f"SELECT sku, {_FIGURES} FROM tagged WHERE part IS NOT NULL"
                          " GROUP BY sku ORDER BY sum(units) FILTER (WHERE part = 'event') DESC NULLS LAST, sku",
                          params)
    new_members = db.scalar(_LINES_SQL + """
        SELECT count(DISTINCT coalesce(b.member_id, t.shop_id || '|' || t.buyer_id)) FROM tagged t
        LEFT JOIN buyers b USING (shop_id, buyer_id)
        WHERE t.part = 'event' AND t.buyer_id IS NOT NULL
          AND (SELECT min(s.day) FROM sk_sales() s WHERE s.shop_id = t.shop_id AND s.buyer_id = t.buyer_id)
              BETWEEN (SELECT starts_on FROM p) AND (SELECT ends_on FROM p)""", params)
    by_day = {(part, int(off)): int(units or 0) for part, off, units in db.fetchall(
        _LINES_SQL + "SELECT part, offset_day, sum(units) FROM tagged WHERE part IS NOT NULL GROUP BY ALL", params)}
    n = (ends_on - starts_on).days + 1
    days = tuple((starts_on + timedelta(days=i), by_day.get(("event", i), 0), by_day.get(("baseline", i), 0))
                 for i in range(n))
    return CampaignReview(promotion_id, starts_on, ends_on, starts_on - timedelta(days=n), _figures(total),
                          int(new_members or 0), target, uplift,
                          tuple(SkuReview(str(r[0]), _figures(r[1:])) for r in per_sku), days, campaign_days,
                          base_currency(db))
