"""Promotions: every campaign with its kind, shops, SKUs, prices under it, margin, stock and warnings.

Prices under a campaign come from the one rule (domain/campaign_price.py,
`sk_campaign_prices()`); the margin is the average over its SKUs of what the
campaign price keeps above cost (so a 30 % discount on a 35 %-margin mug shows
as a loss), and stock is what is on hand against the planned units. A SKU
held by campaigns overlapping in days and shops is flagged with the price the
discounts stack to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.domain.messages import Message
from shopkeeper.services.campaign_checks import campaign_checks
from shopkeeper.services.campaign_tasks import open_task_counts, overdue_tasks


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
    stock_units: int  # on hand of the SKUs in scope whose stock was counted
    notes: str | None
    kind: str = "percent_off"
    shop_ids: tuple[str, ...] = ()  # none: every shop
    skus: tuple[str, ...] = ()
    min_unit_price: Decimal | None = None  # the lowest price a SKU in scope sells at under the campaign
    expected_uplift_pct: Decimal | None = None
    warnings: tuple[Message, ...] = field(default=())
    # The kind's terms (domain/campaign_price.py): tiers are (spend at least, amount off), lowest first.
    tiers: tuple[tuple[Decimal, Decimal], ...] = ()
    amount_off: Decimal | None = None
    fixed_price: Decimal | None = None
    buy_qty: int | None = None
    get_qty: int | None = None
    stock_uncounted: int = 0  # SKUs in scope never counted: their stock is unknown, not 0
    # The checks before it starts (services/campaign_checks.py; None: ended, or not asked for) and its checklist.
    min_margin_pct: Decimal | None = None  # the worst margin of its SKUs after cost and fees
    margin_verdict: str | None = None  # below_cost, below_min, ok
    stock_ok: bool | None = None
    short_units: int = 0
    tasks_open: int = 0
    tasks_overdue: int = 0

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
    SELECT c.promotion_id,
           count(*) AS sku_count,
           avg(CASE WHEN c.unit_price > 0 AND v.cost IS NOT NULL
                    THEN (c.unit_price - v.cost) * 100 / c.unit_price END) AS margin_after,
           min(c.unit_price) AS min_unit_price,
           count(*) FILTER (WHERE c.list_price IS NULL) AS unpriced,
           count(*) FILTER (WHERE c.other_currency) AS other_currency,
           coalesce(sum(greatest(s.on_hand, 0)) FILTER (WHERE s.counted), 0) AS stock_units,
           count(*) FILTER (WHERE NOT coalesce(s.counted, FALSE)) AS uncounted,
           list(c.sku ORDER BY c.sku) AS skus
    FROM sk_campaign_prices() c
    LEFT JOIN variants v USING (sku)
    LEFT JOIN sk_available_stock() s USING (sku)
    GROUP BY c.promotion_id
),
shops AS (SELECT promotion_id, list(shop_id ORDER BY shop_id) AS shop_ids FROM promotion_shops GROUP BY ALL),
tiers AS (SELECT promotion_id, list([threshold, amount_off] ORDER BY tier_no) AS tiers FROM promotion_tiers GROUP BY ALL)
SELECT p.promotion_id, p.name, p.event, p.shop_id, p.starts_on, p.ends_on, p.discount_pct, p.budget,
       p.currency, p.target_units, coalesce(m.sku_count, 0), round(m.margin_after, 1)::DECIMAL(6,1),
       coalesce(m.stock_units, 0)::BIGINT, p.notes, p.kind, coalesce(sh.shop_ids, []), coalesce(m.skus, []),
       m.min_unit_price, p.expected_uplift_pct, coalesce(m.unpriced, 0),
       coalesce(t.tiers, []), p.amount_off, p.fixed_price, p.buy_qty, p.get_qty, coalesce(m.uncounted, 0),
       coalesce(m.other_currency, 0)
FROM promotions p LEFT JOIN promo_margin m USING (promotion_id) LEFT JOIN shops sh USING (promotion_id)
     LEFT JOIN tiers t USING (promotion_id)
"""

def list_promotions(db: Database, today: date | None = None) -> list[PromotionRow]:
    """Every campaign by start date, each with its warnings; with `today`, the checks and tasks as of then too."""
    # One warning per set of overlapping campaigns: how many SKUs they share, and the lowest price they stack to.
    stacks: dict[int, list[Message]] = {}
    for pid, others, count, sku, price in db.fetchall("""
            WITH named AS (
                SELECT o.promotion_id, o.sku, o.stacked_price,
                       (SELECT string_agg(p.name, ', ' ORDER BY p.promotion_id) FROM promotions p
                        WHERE list_contains(o.other_ids, p.promotion_id)) AS others
                FROM sk_campaign_overlaps() o)
            SELECT promotion_id, others, count(*), arg_min(sku, (stacked_price, sku)), min(stacked_price)
            FROM named GROUP BY promotion_id, others ORDER BY promotion_id, others"""):
        stacks.setdefault(int(pid), []).append(Message("campaign.warning.stacks", {
            "count": int(count), "others": others, "sku": sku, "price": None if price is None else f"{price:.2f}"}))
    rows = db.fetchall(_PROMOTIONS_SQL + " ORDER BY p.starts_on, p.promotion_id")
    out = []
    for r in rows:
        (pid, name, event, shop_id, starts, ends, pct, budget, currency, units, sku_count, margin, stock, notes,
         kind, shop_ids, skus, min_price, uplift, unpriced, tiers, amount_off, fixed_price, buy_qty, get_qty,
         uncounted, other_currency) = r
        warnings = list(stacks.get(int(pid), []))
        if not skus:
            warnings.insert(0, Message("campaign.warning.no_skus"))
        if unpriced:
            warnings.append(Message("campaign.warning.no_price", {"count": int(unpriced)}))
        if other_currency:
            warnings.append(Message("campaign.warning.other_currency", {"count": int(other_currency),
                                                                         "currency": currency}))
        out.append(PromotionRow(pid, name, event, shop_id, starts, ends, pct, budget, currency, units, sku_count,
                                margin, stock, notes, kind=kind, shop_ids=tuple(shop_ids), skus=tuple(skus),
                                min_unit_price=min_price, expected_uplift_pct=uplift, warnings=tuple(warnings),
                                tiers=tuple((a, b) for a, b in tiers), amount_off=amount_off,
                                fixed_price=fixed_price, buy_qty=buy_qty, get_qty=get_qty,
                                stock_uncounted=int(uncounted)))
    return out if today is None else _with_checks(db, out, today)


def _with_checks(db: Database, rows: list[PromotionRow], today: date) -> list[PromotionRow]:
    checks = campaign_checks(db, today)
    open_tasks = open_task_counts(db)
    overdue: dict[int, int] = {}
    for task in overdue_tasks(db, today):
        overdue[task.promotion_id] = overdue.get(task.promotion_id, 0) + 1
    out = []
    for r in rows:
        pid = int(r.promotion_id)
        check = checks.get(pid)
        if check is not None:
            r = replace(r, min_margin_pct=check.min_margin_pct, margin_verdict=check.margin_verdict,
                        stock_ok=check.stock_ok, short_units=check.short_units,
                        warnings=(*r.warnings, *check.warnings))
        out.append(replace(r, tasks_open=open_tasks.get(pid, 0), tasks_overdue=overdue.get(pid, 0)))
    return out

