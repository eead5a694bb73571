"""What a platform says of a member's orders, against the orders the shop holds.

A customers export states each customer's order count and amount spent as the
platform counts them (Shopify's `Total Orders` and `Total Spent`). The shop
keeps them on the buyer as written (`buyers.platform_orders`,
`buyers.platform_spent`; NULL when the export gave none, migration 0030). They
are the platform's word only: they never count as orders and never feed spend,
RFM, tiers or points, which come from imported orders only. What they tell the
seller is that orders are missing: a member the platform says ordered 3 times
whose orders export is not imported yet reads "no orders" everywhere else.

Per member and shop (a member's buyers on one shop added up): the platform's
orders and spent, the shop's currency for the amount (the export names none:
`sk_shop_currencies()`, as for any row whose export names no currency; NULL
while only the platform's usual currency stands for it - a Chilean shop whose
customers export comes before any order is not in dollars), the
orders of the member's buyers the shop holds there (every status: imported is
imported), and how many the platform says are not imported yet:

  not_imported = max(platform_orders - imported, 0), 0 when the platform said nothing
  gap          = 'none_imported' when it said some and the shop holds none,
                 'some_imported' when the shop holds fewer than it said, else None
"""

from __future__ import annotations

NONE_IMPORTED = "none_imported"
SOME_IMPORTED = "some_imported"


def orders_not_imported(platform_orders: int | None, imported: int) -> int:
    """Orders the platform says the member placed on a shop that the shop does not hold."""
    if platform_orders is None:
        return 0
    return max(platform_orders - imported, 0)


def import_gap(platform_orders: int | None, imported: int) -> str | None:
    """NONE_IMPORTED, SOME_IMPORTED, or None when nothing the platform said is missing."""
    if orders_not_imported(platform_orders, imported) == 0:
        return None
    return NONE_IMPORTED if imported == 0 else SOME_IMPORTED


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_orders_not_imported(platform_orders, imported) AS "
    "CASE WHEN platform_orders IS NULL THEN 0 ELSE greatest(platform_orders - imported, 0) END",
    "CREATE OR REPLACE TEMP MACRO sk_import_gap(platform_orders, imported) AS "
    "CASE WHEN sk_orders_not_imported(platform_orders, imported) = 0 THEN NULL "
    f"WHEN imported = 0 THEN '{NONE_IMPORTED}' ELSE '{SOME_IMPORTED}' END",
)

TABLE_MACROS = (
    # One row per member and shop whose buyers carry what a customers export said (see the module docstring).
    "CREATE OR REPLACE TEMP MACRO sk_platform_totals() AS TABLE "
    "WITH said AS (SELECT member_id, shop_id, CAST(sum(platform_orders) AS BIGINT) AS platform_orders, "
    "                     CAST(sum(platform_spent) AS DECIMAL(18,2)) AS platform_spent "
    "              FROM buyers WHERE member_id IS NOT NULL "
    "                AND (platform_orders IS NOT NULL OR platform_spent IS NOT NULL) "
    "              GROUP BY member_id, shop_id), "
    # Only the shops a customers export spoke of: a big marketplace's orders are never read here.
    "held AS (SELECT b.member_id, o.shop_id, count(*) AS imported_orders "
    "         FROM orders o JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id "
    "         WHERE o.shop_id IN (SELECT shop_id FROM said) AND b.member_id IS NOT NULL "
    "         GROUP BY b.member_id, o.shop_id) "
    "SELECT s.member_id, s.shop_id, split_part(s.shop_id, ':', 1) AS platform, s.platform_orders, "
    "       s.platform_spent, CASE WHEN c.known THEN c.currency END AS currency, coalesce(h.imported_orders, 0) AS imported_orders, "
    "       sk_orders_not_imported(s.platform_orders, coalesce(h.imported_orders, 0)) AS not_imported, "
    "       sk_import_gap(s.platform_orders, coalesce(h.imported_orders, 0)) AS gap "
    "FROM said s LEFT JOIN held h ON h.member_id = s.member_id AND h.shop_id = s.shop_id "
    "LEFT JOIN sk_shop_currencies() c ON c.shop_id = s.shop_id",
)
