"""The Listings table's new columns on a shop built from the real exports in ../shared/samples/."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import import_ok  # noqa: E402

from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.services.channel_stock import listed_stock  # noqa: E402
from shopkeeper.services.inventory import inventory_rows  # noqa: E402
from shopkeeper.services.listing_status import set_delisted  # noqa: E402

pytestmark = pytest.mark.samples


def test_real_exports_show_price_ranges_statuses_and_delisting(shop: Database, samples_dir: Path) -> None:
    import_ok(shop, *sorted(p for p in samples_dir.rglob("*.csv") if "product" in p.name.lower()
                            or "listing" in p.name.lower()))
    today = date(2025, 5, 17)
    rows = {r["sku"]: r for r in inventory_rows(shop, today)}
    assert len(rows) > 500
    # The range is the lowest and highest price of the SKU's own listings, in its currency.
    listed = dict(((sku, cur), (lo, hi)) for sku, cur, lo, hi in shop.fetchall(
        "SELECT l.sku, l.currency, min(l.price), max(l.price) FROM listings l JOIN variants v USING (sku)"
        " WHERE l.price IS NOT NULL AND l.currency = v.currency GROUP BY ALL"))
    ranged = {s: (r["price_min"], r["price_max"]) for s, r in rows.items() if r["price_min"] is not None}
    assert len(ranged) > 50
    assert all(listed[(s, rows[s]["currency"])] == lohi for s, lohi in ranged.items())
    # Nothing was marked and no order was imported: every SKU is active, none sold.
    assert {r["status"] for r in rows.values()} == {"active"}
    assert {(r["units_7d"], r["units_30d"], r["units_90d"]) for r in rows.values()} == {(0, 0, 0)}
    # Delisting a real Shopify SKU writes it as 0 for that shop.
    shopify = shop.scalar("SELECT min(shop_id) FROM shops WHERE platform = 'shopify'")
    counted = [r for r in listed_stock(shop, shopify) if r.counted and r.listed > 0]
    assert counted
    set_delisted(shop, [counted[0].sku], True, who="test")
    assert {r.sku: r.listed for r in listed_stock(shop, shopify)}[counted[0].sku] == 0
    assert inventory_rows(shop, today, where="sku = ?", params=[counted[0].sku])[0]["status"] == "delisted"
