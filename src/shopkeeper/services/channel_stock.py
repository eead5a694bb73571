"""Stock per platform shop: each shop's rule, and the quantity it lists for each SKU it sells.

The rule and "available" are domain/channel_stock.py, applied here through its
SQL macros (`sk_available_stock()`, `sk_listed_qty`). Rules are edited through
services/edits.py (entity 'channel'), so each change is one undoable change set.

The SKUs a platform shop sells are the ones its listings name (a listing with
its own SKU, or a product-level listing whose id is the product's key, as a
Shopify handle is), the ones its own product exports brought in (a WooCommerce
variation is listed under its parent only), and the ones its orders sold: what
the seller would expect to find in that platform's stock-update file. A SKU is
written as the shop writes it (a channel SKU linked to a catalogue SKU keeps its
own spelling, domain/sku_links.py) with the stock of the catalogue SKU it sells.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopkeeper.db.database import Database
from shopkeeper.domain.channel_stock import DEFAULT_BUFFER, DEFAULT_SHARE_PCT, ChannelRule


@dataclass(frozen=True)
class PlatformShop:
    shop_id: str
    platform: str
    name: str


@dataclass(frozen=True)
class ChannelStockRow:
    """One SKU as a platform shop lists it."""

    sku: str
    product_id: str
    title: str
    option_text: str | None
    listing_id: str | None          # the shop's listing with this very SKU (a WooCommerce product or variation id)
    product_listing_id: str | None  # the shop's listing of the SKU's product (a Shopify handle)
    on_hand: int
    unshipped: int
    available: int
    listed: int
    counted: bool                   # False: no stock count or stock export ever gave this SKU a level


def platform_shops(db: Database, platform: str | None = None) -> list[PlatformShop]:
    rows = db.fetchall(
        "SELECT shop_id, platform, name FROM shops WHERE ? IS NULL OR platform = ? ORDER BY platform, name",
        [platform, platform],
    )
    return [PlatformShop(*r) for r in rows]


def channel_rules(db: Database) -> list[ChannelRule]:
    """Every platform shop's rule, the default for a shop the seller set none for."""
    rows = db.fetchall(
        f"SELECT s.shop_id, coalesce(r.share_pct, {DEFAULT_SHARE_PCT}), r.max_listed,"
        f" coalesce(r.buffer, {DEFAULT_BUFFER})"
        " FROM shops s LEFT JOIN channel_stock_rules r USING (shop_id) ORDER BY s.platform, s.name"
    )
    return [ChannelRule(str(r[0]), int(r[1]), None if r[2] is None else int(r[2]), int(r[3])) for r in rows]


def channel_rule(db: Database, shop_id: str) -> ChannelRule:
    for rule in channel_rules(db):
        if rule.shop_id == shop_id:
            return rule
    return ChannelRule(shop_id)


_LISTED_SQL = f"""
WITH rule AS (
    SELECT coalesce(r.share_pct, {DEFAULT_SHARE_PCT}) AS share_pct, r.max_listed,
           coalesce(r.buffer, {DEFAULT_BUFFER}) AS buffer
    FROM (SELECT CAST($shop AS VARCHAR) AS shop_id) s LEFT JOIN channel_stock_rules r USING (shop_id)
),
direct AS (
    SELECT sku, min(channel_sku) AS channel_sku, min(listing_id) AS listing_id, min(title) AS title
    FROM sk_listings_by_sku() WHERE shop_id = $shop AND sku IS NOT NULL GROUP BY sku
),
by_product AS (
    -- A listing naming no SKU lists every variant of its product (domain/sku_links.py, sk_listing_product_ids).
    SELECT product_id, min(listing_id) AS product_listing_id, min(title) AS title
    FROM (SELECT l.listing_id, l.title,
                 unnest(sk_listing_product_ids(coalesce(s.platform, split_part(l.shop_id, ':', 1)), l.listing_id,
                                               l.product_id)) AS product_id
          FROM listings l LEFT JOIN shops s USING (shop_id) WHERE l.shop_id = $shop AND l.sku IS NULL)
    GROUP BY product_id
),
sold AS (
    -- A bundle's parts sell under the bundle's channel SKU: only lines the shop sold as themselves name one.
    SELECT sku, min(channel_sku) AS channel_sku FROM sk_sku_lines() WHERE shop_id = $shop AND bundle_sku IS NULL
    GROUP BY sku
),
exported AS (
    SELECT v.sku FROM variants v JOIN import_batches ib ON ib.batch_id = v.batch_id
    WHERE ib.shop_id = $shop AND ib.undone_at IS NULL
),
sells AS (
    SELECT sku FROM direct
    UNION SELECT v.sku FROM variants v JOIN by_product b USING (product_id)
    UNION SELECT sku FROM sold
    UNION SELECT sku FROM exported
)
SELECT coalesce(d.channel_sku, so.channel_sku, v.sku) AS sku, coalesce(v.product_id, v.sku) AS product_id,
       coalesce(d.title, b.title, v.title) AS title,
       v.option_text, d.listing_id,
       coalesce(b.product_listing_id, CASE WHEN d.listing_id IS NOT NULL THEN d.listing_id END) AS product_listing_id,
       a.on_hand, a.unshipped, a.available,
       -- A delisted SKU is written as 0, not left out: a platform keeps the last quantity it was sent for a row
       -- the file does not carry, so leaving it out would keep it for sale (domain/sku_status.py).
       CASE WHEN coalesce(st.delisted, FALSE) THEN 0
            ELSE sk_listed_qty(a.available, rule.share_pct, rule.max_listed, rule.buffer) END AS listed, a.counted
FROM sells
JOIN sk_catalogue() v USING (sku)
JOIN sk_available_stock() a USING (sku)
LEFT JOIN direct d ON d.sku = v.sku
LEFT JOIN sold so ON so.sku = v.sku
LEFT JOIN by_product b ON b.product_id = v.product_id
LEFT JOIN sku_status st ON st.sku = v.sku
CROSS JOIN rule
ORDER BY coalesce(v.product_id, v.sku), v.sku
"""


def listed_stock(db: Database, shop_id: str) -> list[ChannelStockRow]:
    """Each SKU the shop sells with its available stock and the quantity the shop's rule lists."""
    rows = db.fetchall(_LISTED_SQL, {"shop": shop_id})
    return [ChannelStockRow(str(r[0]), str(r[1]), str(r[2]), r[3], r[4], r[5], int(r[6]), int(r[7]), int(r[8]),
                            int(r[9]), bool(r[10])) for r in rows]
