"""Cost of goods sold: what the units a sale took from stock cost the seller, first in, first out.

The seller enters landed cost per purchase batch (`purchase_lots`: SKU, day
received, quantity, unit cost with its currency). Per SKU, the units sold
(quantity less refunded units, which went back to stock) are laid end to end
in the order the sales happened (order time, then shop, order and line), the
lots in the order they arrived (day received, then lot id); each sale takes the
units of the lots its stretch overlaps. Units beyond every lot cost the SKU's
catalogue cost (`variants.cost`, the seller's current figure: the shop keeps no
history of it). A cost in another currency than the sale's is converted with
the seller's rates (sk_fx); a unit nothing prices, or whose currency has no
rate, leaves the line `cost_missing` and adds nothing, so a missing cost is
shown, never guessed.

A bundle's own line takes no units (its parts' lines do, domain/bundles.py),
so its cost is 0 and never missing. A line's cost of goods is rounded to the
cent once, after adding its lots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Lot:
    quantity: int
    unit_cost: Decimal


def fifo_costs(units_per_sale: Sequence[int], lots: Sequence[Lot], catalogue_cost: Decimal | None,
               ) -> list[Decimal | None]:
    """Each sale's cost of goods (same currency throughout), in sale order; None when a unit has no cost."""
    out: list[Decimal | None] = []
    lot_index, left_in_lot = 0, (lots[0].quantity if lots else 0)
    for units in units_per_sale:
        cost, missing, need = Decimal(0), False, max(units, 0)
        while need > 0 and lot_index < len(lots):
            take = min(need, left_in_lot)
            cost += take * lots[lot_index].unit_cost
            need -= take
            left_in_lot -= take
            if left_in_lot == 0:
                lot_index += 1
                left_in_lot = lots[lot_index].quantity if lot_index < len(lots) else 0
        if need > 0:
            if catalogue_cost is None:
                missing = True
            else:
                cost += need * catalogue_cost
        out.append(None if missing else cost.quantize(_CENT, rounding=ROUND_HALF_UP))
    return out


TABLE_MACROS = (
    # `amount` in `cur` as an amount in `to_cur`: as is in the same currency, else through both currencies'
    # rates (sk_fx: base units per unit), unrounded; NULL when a rate is missing. Profit uses it too.
    """CREATE OR REPLACE TEMP MACRO sk_convert(amount, cur, to_cur) AS CASE WHEN cur = to_cur THEN amount
    ELSE amount * (SELECT rate FROM sk_fx() WHERE currency = cur) / (SELECT rate FROM sk_fx() WHERE currency = to_cur)
    END""",
    # The units each sold line took from stock, stretched end to end per SKU in the order they sold.
    """CREATE OR REPLACE TEMP MACRO sk_sold_units() AS TABLE
    WITH sold AS (
        SELECT l.shop_id, l.order_id, l.line_no, l.sku, l.currency, s.ordered_at,
               greatest(l.quantity - l.refunded_quantity, 0)::BIGINT AS units
        FROM sk_sku_lines() l JOIN sk_sales() s ON s.shop_id = l.shop_id AND s.order_id = l.order_id
        WHERE NOT (l.bundle_sku IS NULL AND l.sku IN (SELECT bundle_sku FROM bundle_parts)))
    SELECT *, sum(units) OVER (PARTITION BY sku ORDER BY ordered_at, shop_id, order_id, line_no
                               ROWS UNBOUNDED PRECEDING) AS upto
    FROM sold""",
    # Each sold line's cost of goods in its own currency, and whether some unit of it had no cost.
    """CREATE OR REPLACE TEMP MACRO sk_line_cogs() AS TABLE
    WITH lots AS (
        SELECT lot_id, sku, quantity::BIGINT AS quantity, unit_cost, currency,
               sum(quantity) OVER (PARTITION BY sku ORDER BY received_on, lot_id ROWS UNBOUNDED PRECEDING) AS upto
        FROM purchase_lots WHERE quantity > 0 AND unit_cost IS NOT NULL AND currency IS NOT NULL),
    taken AS (
        SELECT u.shop_id, u.order_id, u.line_no, u.sku,
               sum(least(u.upto, k.upto) - greatest(u.upto - u.units, k.upto - k.quantity)) AS units,
               sum((least(u.upto, k.upto) - greatest(u.upto - u.units, k.upto - k.quantity))
                   * sk_convert(k.unit_cost, k.currency, u.currency)) AS cost,
               bool_or(sk_convert(k.unit_cost, k.currency, u.currency) IS NULL)
                   AS unconverted
        FROM sk_sold_units() u JOIN lots k
          ON k.sku = u.sku AND k.upto - k.quantity < u.upto AND u.upto - u.units < k.upto
        GROUP BY ALL)
    SELECT u.shop_id, u.order_id, u.line_no, u.sku, u.units,
           CAST(round(coalesce(t.cost, 0) + coalesce(rest.cost, 0), 2) AS DECIMAL(18,2)) AS cogs,
           coalesce(t.unconverted, FALSE) OR (u.units > coalesce(t.units, 0) AND rest.cost IS NULL) AS cost_missing
    FROM sk_sold_units() u
    LEFT JOIN taken t ON t.shop_id = u.shop_id AND t.order_id = u.order_id AND t.line_no = u.line_no AND t.sku = u.sku
    LEFT JOIN LATERAL (
        SELECT (u.units - coalesce(t.units, 0))
               * sk_convert(v.cost, v.currency, u.currency) AS cost
        FROM variants v WHERE v.sku = u.sku) rest ON TRUE""",
)
