"""A campaign planned on a shop built from a real Shopify export: prices under it reconcile with the export's."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.campaign_price import Terms, Tier, unit_price
from shopkeeper.services.campaigns import CampaignPlan, save_campaign, scope_skus
from shopkeeper.services.imports import import_paths
from shopkeeper.services.promotions import list_promotions


def test_a_spend_and_save_on_imported_products(shop: Database, samples_dir: Path, tmp_path: Path) -> None:
    export = samples_dir / "shopify" / "commerceworm__headless-shopify" / "products_export.csv"
    import_paths(shop, [export], workdir=tmp_path / "work")
    with export.open(encoding="utf-8", newline="") as fh:
        prices = {r["Variant SKU"]: Decimal(r["Variant Price"]) for r in csv.DictReader(fh) if r["Variant SKU"]}
    found = scope_skus(shop, today=date(2026, 11, 1))
    assert {r[0] for r in found} == set(prices)
    tiers = (Tier(Decimal("100"), Decimal("15")),)
    save_campaign(shop, CampaignPlan("BFCM spend $100 save $15", "spend_save", date(2026, 11, 27),
                                     date(2026, 11, 30), "USD", skus=tuple(prices), tiers=tiers), who="test")
    [promo] = list_promotions(shop)
    expected = {sku: unit_price(Terms("spend_save", tiers=tiers), p) for sku, p in prices.items()}
    assert promo.min_unit_price == min(p for p in expected.values() if p is not None)
    got = dict(shop.fetchall("SELECT sku, unit_price FROM sk_campaign_prices()"))
    assert got == expected
    assert promo.sku_count == len(prices) and promo.warnings == ()
