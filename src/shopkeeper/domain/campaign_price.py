"""The effective unit price of a SKU under a campaign, and the price overlapping campaigns stack to.

One rule, in Python (`unit_price`, `stacked_price`) and in SQL (`sk_campaign_prices()`,
`sk_campaign_overlaps()`). Money is worked in whole cents and every division
rounds half up to the cent, so both agree to the cent.

By kind, from the SKU's list price P (variants.price):

* percent_off: P × (100 − pct) / 100.   fixed_off: P − amount, not below 0.
* flash_price (限时折扣): the set price, never above P.
* buy_x_get_y (买X送Y, repeating): a buyer takes X + Y units and pays for X: P × X / (X + Y).
* free_shipping (包邮): P (the seller pays the postage; the price does not change).
* spend_save (满减, tiers) and coupon (one tier): a discount on an *order*, so it is
  turned into a unit price on the campaign's reference basket. Assumption: the
  basket is this SKU alone, in the fewest units that reach the tier's threshold
  (q = ⌈threshold / P⌉, at least 1), and the discount is shared evenly by those
  units: (P × q − amount) / q, not below 0. Of several tiers the one giving the
  lowest unit price counts: a margin check must see the deepest discount a
  buyer can get.
* bundle_price: the set price for one of each SKU in scope, shared out in
  proportion to their list prices: P × bundle / Σ P; never above P. When a SKU
  of the bundle has no list price the shares are unknown: each keeps P.

Currency: an amount (an amount off, a set price, a tier's threshold and discount, a bundle's
price) is in the campaign's currency; a SKU whose list price is in another currency has no
campaign price under such terms (None / NULL, flagged like a SKU without a list price):
5.00 off a EUR campaign is not 5.00 off a USD price. A percentage, buy-X-get-Y and free
shipping need no currency and apply to every SKU. A bundle price is shared out only when
every SKU of the bundle is priced in the campaign's currency.

Stacking: when campaigns on the same SKU overlap in days and shops, platforms
take each shop discount off the list price one after the other at checkout; the
price they stack to is P minus the sum of each campaign's discount, not below 0.
A SKU with no list price has no campaign price (None / NULL).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

PERCENT_OFF = "percent_off"
FIXED_OFF = "fixed_off"
FLASH_PRICE = "flash_price"
BUY_X_GET_Y = "buy_x_get_y"
FREE_SHIPPING = "free_shipping"
SPEND_SAVE = "spend_save"
COUPON = "coupon"
BUNDLE_PRICE = "bundle_price"
KINDS = (SPEND_SAVE, PERCENT_OFF, FIXED_OFF, FLASH_PRICE, BUY_X_GET_Y, FREE_SHIPPING, COUPON, BUNDLE_PRICE)
TIERED = (SPEND_SAVE, COUPON)
AMOUNT_KINDS = (FIXED_OFF, FLASH_PRICE, SPEND_SAVE, COUPON, BUNDLE_PRICE)  # terms in the campaign's currency
KIND_NAMES = {
    SPEND_SAVE: "campaign.kind.spend_save", PERCENT_OFF: "campaign.kind.percent_off",
    FIXED_OFF: "campaign.kind.fixed_off", FLASH_PRICE: "campaign.kind.flash_price",
    BUY_X_GET_Y: "campaign.kind.buy_x_get_y", FREE_SHIPPING: "campaign.kind.free_shipping",
    COUPON: "campaign.kind.coupon", BUNDLE_PRICE: "campaign.kind.bundle_price",
}


@dataclass(frozen=True)
class Tier:
    threshold: Decimal  # spend this much in one order ...
    amount_off: Decimal  # ... and this comes off the order


@dataclass(frozen=True)
class Terms:
    kind: str
    discount_pct: Decimal = Decimal(0)
    amount_off: Decimal | None = None
    fixed_price: Decimal | None = None
    buy_qty: int | None = None
    get_qty: int | None = None
    tiers: tuple[Tier, ...] = field(default=())


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def _money(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half up, both ≥ 0 (the SQL's sk_half_up_div)."""
    return (2 * numerator + denominator) // (2 * denominator)


def _tier_cents(pc: int, tier: Tier) -> int:
    q = max(1, -(-_cents(tier.threshold) // pc))
    return _half_up(max(pc * q - _cents(tier.amount_off), 0), q)


def unit_price(terms: Terms, price: Decimal | None, bundle_list_total: Decimal | None = None, *,
               same_currency: bool = True) -> Decimal | None:
    """The SKU's price per unit under the campaign; `bundle_list_total`: Σ list prices of the bundle's SKUs
    (None when one has no price or another currency); `same_currency`: the list price is in the campaign's."""
    if price is None or (terms.kind in AMOUNT_KINDS and not same_currency):
        return None
    pc = _cents(price)
    kind = terms.kind
    if kind == PERCENT_OFF:
        cents = _half_up(pc * (10000 - _cents(terms.discount_pct)), 10000)
    elif kind == FIXED_OFF:
        cents = max(pc - _cents(terms.amount_off or Decimal(0)), 0)
    elif kind == FLASH_PRICE:
        cents = pc if terms.fixed_price is None else min(pc, _cents(terms.fixed_price))
    elif kind == BUY_X_GET_Y:
        x, y = terms.buy_qty or 1, terms.get_qty or 0
        cents = _half_up(pc * x, x + y)
    elif kind in TIERED:
        cents = pc if pc == 0 or not terms.tiers else min(_tier_cents(pc, t) for t in terms.tiers)
    elif kind == BUNDLE_PRICE:
        total = _cents(bundle_list_total) if bundle_list_total is not None else 0
        cents = pc if terms.fixed_price is None or total <= 0 else min(pc, _half_up(pc * _cents(terms.fixed_price), total))
    else:  # free_shipping, and a kind a newer Shopkeeper wrote: the price is the list price
        cents = pc
    return _money(cents)


def stacked_price(price: Decimal | None, own: Decimal | None, others: Iterable[Decimal | None]) -> Decimal | None:
    """The price a campaign's discount (`own`: its unit price) stacks to with the others': list price minus
    the sum of their discounts, not below 0; none when the campaign gives the SKU no price (others that
    give none take nothing off)."""
    if price is None or own is None:
        return None
    discount = sum((price - p for p in (own, *others) if p is not None), Decimal(0))
    return max(price - discount, Decimal(0))


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_half_up_div(n, d) AS (2 * (n)::HUGEINT + (d)) // (2 * (d)::HUGEINT)",
    "CREATE OR REPLACE TEMP MACRO sk_cents_money(c) AS ((c)::DECIMAL(18,0) * 0.01)::DECIMAL(18,2)",
)

_AMOUNT_KINDS_SQL = ", ".join(f"'{kind}'" for kind in AMOUNT_KINDS)

# A campaign's shops: promotion_shops, none meaning every shop. Two campaigns share a shop when
# either runs everywhere or their lists meet.
TABLE_MACROS: tuple[str, ...] = (
    """
CREATE OR REPLACE TEMP MACRO sk_campaign_prices() AS TABLE
WITH scope AS (
    SELECT p.promotion_id, p.kind, p.discount_pct, p.amount_off, p.fixed_price, p.buy_qty, p.get_qty,
           ps.sku, v.price, (v.price * 100)::HUGEINT AS pc,
           coalesce(v.currency, p.currency) IS DISTINCT FROM p.currency AS foreign_price,
           -- A bundle with an unpriced SKU, or one priced in another currency, cannot be shared out: NULL,
           -- and every SKU keeps its list price.
           CASE WHEN count(v.price) OVER w = count(*) OVER w
                 AND count(*) FILTER (WHERE coalesce(v.currency, p.currency) IS DISTINCT FROM p.currency) OVER w = 0
                THEN (sum(v.price) OVER w * 100)::HUGEINT END AS bundle_cents
    FROM promotions p
    JOIN promotion_skus ps USING (promotion_id)
    LEFT JOIN variants v USING (sku)
    WINDOW w AS (PARTITION BY p.promotion_id)
),
tiered AS (
    SELECT s.promotion_id, s.sku,
           min(sk_half_up_div(greatest(s.pc * greatest(1, (t.threshold * 100)::HUGEINT // s.pc
                   + CASE WHEN (t.threshold * 100)::HUGEINT % s.pc > 0 THEN 1 ELSE 0 END)
                   - (t.amount_off * 100)::HUGEINT, 0),
               greatest(1, (t.threshold * 100)::HUGEINT // s.pc
                   + CASE WHEN (t.threshold * 100)::HUGEINT % s.pc > 0 THEN 1 ELSE 0 END))) AS cents
    FROM scope s JOIN promotion_tiers t USING (promotion_id)
    WHERE s.pc > 0 AND s.kind IN ('spend_save', 'coupon')
    GROUP BY s.promotion_id, s.sku
)
SELECT s.promotion_id, s.sku, s.price AS list_price, s.foreign_price
           AND s.kind IN (__AMOUNT_KINDS__) AS other_currency,
       sk_cents_money(CASE
           WHEN s.pc IS NULL THEN NULL
           WHEN s.foreign_price AND s.kind IN (__AMOUNT_KINDS__)
               THEN NULL
           WHEN s.kind = 'percent_off' THEN sk_half_up_div(s.pc * (10000 - (s.discount_pct * 100)::HUGEINT), 10000)
           WHEN s.kind = 'fixed_off' THEN greatest(s.pc - coalesce((s.amount_off * 100)::HUGEINT, 0), 0)
           WHEN s.kind = 'flash_price' THEN least(s.pc, coalesce((s.fixed_price * 100)::HUGEINT, s.pc))
           WHEN s.kind = 'buy_x_get_y' THEN sk_half_up_div(s.pc * coalesce(s.buy_qty, 1),
                                                          coalesce(s.buy_qty, 1) + coalesce(s.get_qty, 0))
           WHEN s.kind IN ('spend_save', 'coupon') THEN coalesce(t.cents, s.pc)
           WHEN s.kind = 'bundle_price' THEN CASE WHEN s.fixed_price IS NULL OR coalesce(s.bundle_cents, 0) <= 0 THEN s.pc
               ELSE least(s.pc, sk_half_up_div(s.pc * (s.fixed_price * 100)::HUGEINT, s.bundle_cents)) END
           ELSE s.pc END) AS unit_price
FROM scope s LEFT JOIN tiered t USING (promotion_id, sku)
""",
    """
CREATE OR REPLACE TEMP MACRO sk_campaign_overlaps() AS TABLE
WITH priced AS (
    SELECT c.*, p.starts_on, p.ends_on FROM sk_campaign_prices() c JOIN promotions p USING (promotion_id)
),
pairs AS (
    SELECT a.promotion_id, a.sku, a.list_price, a.unit_price, b.promotion_id AS other_id,
           b.unit_price AS other_price
    FROM priced a JOIN priced b ON a.sku = b.sku AND a.promotion_id <> b.promotion_id
         AND a.starts_on <= b.ends_on AND b.starts_on <= a.ends_on
    WHERE NOT EXISTS (SELECT 1 FROM promotion_shops x WHERE x.promotion_id = a.promotion_id)
       OR NOT EXISTS (SELECT 1 FROM promotion_shops y WHERE y.promotion_id = b.promotion_id)
       OR EXISTS (SELECT 1 FROM promotion_shops x JOIN promotion_shops y USING (shop_id)
                  WHERE x.promotion_id = a.promotion_id AND y.promotion_id = b.promotion_id)
)
SELECT promotion_id, sku, list(other_id ORDER BY other_id) AS other_ids,
       CASE WHEN any_value(unit_price) IS NOT NULL
            THEN greatest(any_value(unit_price) - coalesce(sum(list_price - other_price), 0), 0) END AS stacked_price
FROM pairs GROUP BY promotion_id, sku
""",
)
TABLE_MACROS = tuple(sql.replace("__AMOUNT_KINDS__", _AMOUNT_KINDS_SQL) for sql in TABLE_MACROS)
