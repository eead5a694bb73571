"""The demo's channel SKUs: its Etsy shop spells a few SKUs its own way, linked to the catalogue like a seller would.

Sellers who opened an Etsy shop after their Taobao one often typed new SKUs
there. The demo's Etsy listings and order lines of `RELABELLED` SKUs carry
such SKUs, and the demo then links them to their catalogue SKUs through the
seller's own engine (services/sku_links.py, one change set "SKU mapping"), so
their sales count on the catalogue SKU exactly as a seller's links make them.
"""

from __future__ import annotations

import numpy as np

from shopkeeper.db.database import Database
from shopkeeper.demo.calendar import SHOP_INDEX, SHOPS
from shopkeeper.demo.catalog import Catalog
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.messages import Message
from shopkeeper.domain.sku_links import MAPPING
from shopkeeper.services.sku_links import LinkChange, apply_links

RELABELLED = 4
_SHOP = "etsy"


def channel_skus(cat: Catalog) -> np.ndarray:
    """(shops, skus) array of the SKU each shop writes for each catalogue SKU."""
    table = np.array([list(cat.sku)] * len(SHOPS), dtype=object)
    shop = SHOP_INDEX[_SHOP]
    for n, k in enumerate(np.flatnonzero(cat.listed[:, shop])[:RELABELLED].tolist(), start=1):
        table[shop, k] = f"ETSY-{n:04d}"
    return table


def link_channel_skus(db: Database, table: np.ndarray, cat: Catalog) -> None:
    """Link every SKU a shop spells its own way to its catalogue SKU; the caller holds the transaction."""
    changes = [LinkChange(SHOPS[s].shop_id, str(table[s, k]), str(cat.sku[k]), MAPPING)
               for s, k in zip(*np.nonzero(table != np.array(cat.sku, dtype=object)), strict=True)]
    # The demo recomputes once everything is written.
    apply_links(db, changes, who="demo", label=Message("change.link.mapping", {"file": "demo", "count": len(changes)}),
                recompute=lambda _db: Changes())
