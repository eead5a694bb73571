"""Product tags: kept from Shopify, WooCommerce and Etsy catalogue exports, edited by the seller, and what a
campaign's products are picked by (issue 11 item 2)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from export_files import ETSY_LISTINGS, SHOPIFY_PRODUCTS_2025, import_ok, snapshot, woo_products_header, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services.campaigns import scope_skus
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.product_tags import all_tags, change_tags, sku_tags

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples" / "shopify"


def tags(db: Database) -> list[tuple[str, str]]:
    return db.fetchall("SELECT sku, tag FROM product_tags ORDER BY sku, lower(tag)")


def shopify_products(tmp_path: Path, name: str = "products_export.csv", tee_tags: str = "Summer, cotton,Sale") -> Path:
    rows = [
        {"Handle": "tee", "Title": "Tee", "Tags": tee_tags, "Option1 Value": "Red", "Variant SKU": "TEE-R",
         "Variant Price": "15.00", "Status": "active"},
        {"Handle": "tee", "Option1 Value": "Blue", "Variant SKU": "TEE-B", "Variant Price": "15.00"},
        {"Handle": "tee", "Image Src": "https://cdn.example.com/tee2.jpg"},
        # 'Wood' twice in two spellings is one tag; an empty item between commas is none.
        {"Handle": "bowl", "Title": "Bowl", "Tags": "Wood, ,wood,Kitchen", "Variant SKU": "BOWL-1",
         "Variant Price": "22.00", "Status": "active"},
        {"Handle": "lamp", "Title": "Lamp", "Tags": "", "Variant SKU": "LAMP-1", "Variant Price": "60.00",
         "Status": "active"},
    ]
    return write_export(tmp_path / name, SHOPIFY_PRODUCTS_2025, rows)


def test_shopify_tags_go_to_every_variant_and_a_second_import_adds_nothing(shop: Database, tmp_path: Path) -> None:
    path = shopify_products(tmp_path)
    import_ok(shop, path)
    assert tags(shop) == [("BOWL-1", "Kitchen"), ("BOWL-1", "Wood"),
                          ("TEE-B", "cotton"), ("TEE-B", "Sale"), ("TEE-B", "Summer"),
                          ("TEE-R", "cotton"), ("TEE-R", "Sale"), ("TEE-R", "Summer")]
    before = snapshot(shop)
    [again] = import_ok(shop, path)
    assert (again.rows_added, again.rows_updated) == (0, 0)
    assert snapshot(shop) == before


def test_a_later_export_adds_tags_keeps_the_shops_spelling_and_undo_takes_them_back(
        shop: Database, tmp_path: Path) -> None:
    import_ok(shop, shopify_products(tmp_path))
    before = snapshot(shop)
    import_ok(shop, shopify_products(tmp_path, "later.csv", tee_tags="SUMMER, Autumn"))
    # 'SUMMER' is the 'Summer' the SKUs have; tags the export no longer lists stay (they may be the seller's).
    assert sku_tags(shop, "TEE-R") == ("Autumn", "cotton", "Sale", "Summer")
    undo(shop, who="test")
    assert snapshot(shop) == before


def test_woocommerce_variations_share_their_parents_tags(shop: Database, tmp_path: Path) -> None:
    rows = [
        {"ID": "10", "Type": "variable", "SKU": "HOODIE", "Name": "Hoodie", "Published": "1",
         "Tags": "Winter, Gift ideas"},
        {"ID": "11", "Type": "variation", "SKU": "HOODIE-S", "Name": "Hoodie - S", "Published": "1",
         "Regular price": "40", "Parent": "id:10"},
        {"ID": "12", "Type": "variation", "SKU": "HOODIE-M", "Name": "Hoodie - M", "Published": "1",
         "Regular price": "40", "Parent": "id:10"},
        {"ID": "20", "Type": "simple", "SKU": "CAP", "Name": "Cap", "Published": "1", "Regular price": "12",
         "Tags": "Summer"},
    ]
    import_ok(shop, write_export(tmp_path / "wc-product-export.csv", woo_products_header(), rows))
    assert tags(shop) == [("CAP", "Summer"), ("HOODIE-M", "Gift ideas"), ("HOODIE-M", "Winter"),
                          ("HOODIE-S", "Gift ideas"), ("HOODIE-S", "Winter")]


def test_etsy_listing_tags_go_to_each_sku_of_the_listing(shop: Database, tmp_path: Path) -> None:
    rows = [{"TITLE": "Star sticker", "PRICE": "3.50", "CURRENCY_CODE": "USD", "QUANTITY": "40",
             "TAGS": "sticker,stars,kawaii", "SKU": "ST-1,ST-2"},
            {"TITLE": "Moon print", "PRICE": "18.00", "CURRENCY_CODE": "USD", "QUANTITY": "5", "TAGS": "",
             "SKU": "MOON"}]
    import_ok(shop, write_export(tmp_path / "EtsyListingsDownload.csv", ETSY_LISTINGS, rows))
    assert tags(shop) == [("ST-1", "kawaii"), ("ST-1", "stars"), ("ST-1", "sticker"),
                          ("ST-2", "kawaii"), ("ST-2", "stars"), ("ST-2", "sticker")]


def test_the_seller_adds_and_removes_tags_as_one_undoable_change(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, shopify_products(tmp_path))
    imported = snapshot(shop)
    result = change_tags(shop, ["TEE-R", "LAMP-1"], add=["Double 11, wood"], remove=["sale"], who="seller")
    assert result.changes  # the Listings and campaign views reload
    assert sku_tags(shop, "TEE-R") == ("cotton", "Double 11", "Summer", "wood")
    assert sku_tags(shop, "LAMP-1") == ("Double 11", "wood")
    assert ("wood", 2) not in all_tags(shop) and ("Wood", 3) in all_tags(shop)  # one tag, any spelling
    # Nothing to change: no change set.
    assert change_tags(shop, ["LAMP-1"], add=["DOUBLE 11"], who="seller").change_set_id is None
    with pytest.raises(ChangeRefused):
        change_tags(shop, ["NO-SUCH"], add=["x"], who="seller")
    after = snapshot(shop)
    undo(shop, who="seller")
    assert snapshot(shop) == imported
    redo(shop, who="seller")
    assert snapshot(shop) == after


def test_a_campaign_scoped_by_tag_covers_exactly_the_tagged_skus(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, shopify_products(tmp_path))
    change_tags(shop, ["LAMP-1"], add=["summer"], who="seller")
    found = [r[0] for r in scope_skus(shop, tag="Summer", today=date(2026, 6, 1))]
    assert found == ["LAMP-1", "TEE-B", "TEE-R"]
    assert [r[0] for r in scope_skus(shop, tag="summer", search="tee", today=date(2026, 6, 1))] == ["TEE-B", "TEE-R"]
    assert scope_skus(shop, tag="none-such", today=date(2026, 6, 1)) == []


@pytest.mark.skipif(not SAMPLES.exists(), reason="the real exports are not here")
def test_tags_of_a_real_shopify_products_export(shop: Database) -> None:
    found = sorted(SAMPLES.glob("*/products_export*.csv"))
    with_tags = [p for p in found if "Tags" in p.read_text(encoding="utf-8-sig").splitlines()[0]]
    if not with_tags:
        pytest.skip("no Shopify products export with a Tags column")
    import_ok(shop, *with_tags)
    assert shop.scalar("SELECT count(*) FROM product_tags") > 0
    # Every SKU of a product carrying the tag in its export, and no other, is picked by it.
    import csv

    expected: set[str] = set()
    for path in with_tags:
        with path.open(encoding="utf-8-sig", newline="") as f:
            tagged = {r["Handle"] for r in csv.DictReader(f)
                      if "wood" in [t.strip().lower() for t in (r.get("Tags") or "").split(",")]}
        expected |= {r[0] for r in shop.fetchall("SELECT sku FROM variants WHERE product_id IN "
                                                 "(SELECT unnest(?::VARCHAR[])) AND active", [sorted(tagged)])}
    if not expected:
        pytest.skip("no product tagged Wood in these exports")
    assert {r[0] for r in scope_skus(shop, tag="Wood", today=date(2026, 6, 1))} == expected
