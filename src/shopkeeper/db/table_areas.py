"""Which area of the shop each table belongs to: the one place tables become `Changes`.

An import reports the tables it changed, an undo the tables it restored; the
window refreshes by area, so both go through `changes_for_tables`.
"""

from __future__ import annotations

from collections.abc import Iterable

from shopkeeper.domain.changes import Area, Changes

TABLE_AREAS: dict[str, Area] = {
    "orders": Area.ORDERS,
    "order_lines": Area.ORDERS,
    "money_movements": Area.MONEY,
    "payouts": Area.MONEY,
    "ad_stats": Area.MONEY,
    "traffic_stats": Area.MONEY,
    "fee_rates": Area.MONEY,  # estimated fees change every unsettled order's profit
    "purchase_lots": Area.MONEY,  # cost of goods changes profit
    "order_tags": Area.ORDERS,
    "products": Area.CATALOG,
    "variants": Area.CATALOG,
    "product_tags": Area.CATALOG,
    "listings": Area.CATALOG,
    "sku_status": Area.CATALOG,
    "sku_links": Area.CATALOG,
    "bundle_parts": Area.CATALOG,
    "stock_levels": Area.STOCK,
    "stock_movements": Area.STOCK,
    "stock_snapshots": Area.STOCK,
    "channel_stock_rules": Area.STOCK,
    "buyers": Area.MEMBERS,
    "members": Area.MEMBERS,
    "points_ledger": Area.MEMBERS,
    "member_decisions": Area.MEMBERS,
    "promotions": Area.PROMOTIONS,
    "promotion_skus": Area.PROMOTIONS,
    "promotion_tiers": Area.PROMOTIONS,
    "promotion_shops": Area.PROMOTIONS,
    "calendar_events": Area.PROMOTIONS,
    "promotion_settings": Area.PROMOTIONS,
    "campaign_task_templates": Area.PROMOTIONS,
    "campaign_tasks": Area.PROMOTIONS,
    "shops": Area.SETTINGS,
    "shop_settings": Area.SETTINGS,
    "tiers": Area.SETTINGS,
    "listing_check_settings": Area.SETTINGS,
    "refund_tag_names": Area.SETTINGS,
    "inventory_settings": Area.STOCK,  # the reorder window and basis change every stock figure
    "loyalty_settings": Area.SETTINGS,
    "currency_settings": Area.SETTINGS,  # rates convert every figure across currencies
    "member_tier_history": Area.MEMBERS,
}


def changes_for_tables(tables: Iterable[str]) -> Changes:
    """The areas these tables belong to, plus HISTORY when any changed (a change set was made or moved).

    A table nobody mapped yet refreshes everything: a view showing stale figures
    is worse than one reloading for nothing.
    """
    areas: set[Area] = set()
    for table in tables:
        area = TABLE_AREAS.get(table)
        if area is None:
            return Changes.everything()
        areas.add(area)
    if areas:
        areas.add(Area.HISTORY)
    return Changes(frozenset(areas))
