"""How many units each platform shop may list: available stock and the channel rules.

Available = on hand − units in unshipped orders. An order is unshipped while
it is pending (placed, not yet paid: the platforms already hold its stock) or
paid and not yet shipped; a shipped, completed, cancelled or refunded order no
longer holds anything. A line holds its quantity less the units already
refunded. Available may be negative (oversold); nothing is listed then.

A platform shop's rule turns available stock into the quantity it lists:
nothing while available is at or below the buffer, else the rule's whole
percent of available, rounded down, and never more than the maximum. The
result is never negative. A shop with no rule lists everything available
(share 100 %, no maximum, buffer 0).

A bundle has no stock of its own: its on hand and available stock are what its
parts' allow (domain/bundles.py), so a channel lists no more gift sets than the
teapots and cups on the shelf can make.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopkeeper.domain import bundles
from shopkeeper.domain.order_status import PAID, PENDING

UNSHIPPED = frozenset({PENDING, PAID})

DEFAULT_SHARE_PCT = 100
DEFAULT_BUFFER = 0


@dataclass(frozen=True)
class ChannelRule:
    shop_id: str
    share_pct: int = DEFAULT_SHARE_PCT   # 0..100
    max_listed: int | None = None        # None: no maximum
    buffer: int = DEFAULT_BUFFER         # list 0 while available <= buffer


def is_unshipped(status: str | None) -> bool:
    return status in UNSHIPPED


def held_units(status: str | None, quantity: int, refunded_quantity: int) -> int:
    """Units an order line keeps off the shelf for its buyer."""
    return max(0, quantity - refunded_quantity) if is_unshipped(status) else 0


def available(on_hand: int, unshipped_units: int) -> int:
    return on_hand - unshipped_units


def listed_quantity(available_units: int, share_pct: int, max_listed: int | None, buffer: int) -> int:
    if available_units <= buffer or available_units <= 0:
        return 0
    share = available_units * share_pct // 100  # both non-negative: // is the floor
    if max_listed is not None:
        share = min(share, max_listed)
    return max(0, share)


def _in(values: frozenset[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_is_unshipped(status) AS coalesce(status IN {_in(UNSHIPPED)}, FALSE)",
    "CREATE OR REPLACE TEMP MACRO sk_held_units(status, quantity, refunded_quantity) AS"
    " CASE WHEN sk_is_unshipped(status) THEN greatest(0, quantity::BIGINT - refunded_quantity) ELSE 0 END",
    "CREATE OR REPLACE TEMP MACRO sk_listed_qty(available_units, share_pct, max_listed, buffer) AS"
    " CASE WHEN available_units <= buffer OR available_units <= 0 THEN 0"
    " ELSE greatest(0, least(available_units::BIGINT * share_pct // 100, coalesce(max_listed, 9223372036854775807)))"
    " END::BIGINT",
)

TABLE_MACROS = (
    # Every catalogue SKU (domain/sku_links.py) with what is on hand, what unshipped orders hold, and what is
    # left to sell, before bundles.
    """CREATE OR REPLACE TEMP MACRO sk_own_available_stock() AS TABLE
    WITH held AS (
        SELECT l.sku, sum(sk_held_units(o.status, l.quantity, l.refunded_quantity))::BIGINT AS units
        FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id)
        WHERE sk_is_unshipped(o.status)
        GROUP BY l.sku
    )
    SELECT v.sku, coalesce(s.on_hand, 0)::BIGINT AS on_hand, coalesce(h.units, 0)::BIGINT AS unshipped,
           coalesce(s.on_hand, 0)::BIGINT - coalesce(h.units, 0) AS available,
           c.sku IS NOT NULL AS counted
    FROM sk_catalogue() v LEFT JOIN stock_levels s USING (sku) LEFT JOIN held h USING (sku)
    -- a stock row alone is no count: a reorder setting typed for a SKU never counted makes one, at 0
    LEFT JOIN sk_counted_skus() c USING (sku)""",
    # The same with a bundle's figures made by its parts (domain/bundles.py): what unshipped orders of the
    # bundle hold is already held by its parts, so it holds on hand - available.
    f"""CREATE OR REPLACE TEMP MACRO sk_available_stock() AS TABLE
    WITH own AS MATERIALIZED (SELECT * FROM sk_own_available_stock()),
    bundled AS ({bundles.stock_from_parts_sql("own", ("on_hand", "available"), ("counted",))})
    SELECT o.sku, coalesce(b.on_hand, o.on_hand) AS on_hand,
           coalesce(b.on_hand - b.available, o.unshipped) AS unshipped,
           coalesce(b.available, o.available) AS available, coalesce(b.counted, o.counted) AS counted
    FROM own o LEFT JOIN bundled b USING (sku)""",
)
