"""Promotions: the planning calendar with margin and stock in view.

For each promotion: the average margin its SKUs keep after the discount (so a
30 % discount on a 35 %-margin mug shows as a loss), and whether stock on hand
covers the planned units.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database


@dataclass(frozen=True)
class PromotionRow:
    promotion_id: int
    name: str
    event: str | None
    shop_id: str | None
    starts_on: date
    ends_on: date
    discount_pct: Decimal
    budget: Decimal | None
    currency: str
    target_units: int | None
    sku_count: int
    margin_after_pct: Decimal | None
    stock_units: int
    notes: str | None

    def state(self, today: date) -> str:
        if today < self.starts_on:
            return "planned"
        if today > self.ends_on:
            return "ended"
        return "running"

    @property
    def stock_short(self) -> bool:
        return self.target_units is not None and self.stock_units < self.target_units


_PROMOTIONS_SQL = """
WITH promo_margin AS (
    SELECT ps.promotion_id,
           count(*) AS sku_count,
           avg(CASE WHEN v.price > 0 AND v.cost IS NOT NULL
                    THEN (v.price * (100 - p.discount_pct) / 100 - v.cost) * 100
                         / (v.price * (100 - p.discount_pct) / 100) END) AS margin_after,
           coalesce(sum(greatest(s.on_hand, 0)), 0) AS stock_units
    FROM promotion_skus ps
    JOIN promotions p USING (promotion_id)
    LEFT JOIN variants v USING (sku)
    LEFT JOIN stock_levels s USING (sku)
    GROUP BY ps.promotion_id
)
SELECT p.promotion_id, p.name, p.event, p.shop_id, p.starts_on, p.ends_on, p.discount_pct, p.budget,
       p.currency, p.target_units, coalesce(m.sku_count, 0), round(m.margin_after, 1)::DECIMAL(6,1),
       coalesce(m.stock_units, 0)::BIGINT, p.notes
FROM promotions p LEFT JOIN promo_margin m USING (promotion_id)
"""


def list_promotions(db: Database) -> list[PromotionRow]:
    rows = db.fetchall(_PROMOTIONS_SQL + " ORDER BY p.starts_on, p.promotion_id")
    return [PromotionRow(*r) for r in rows]
