"""A variant listed through its product's listing (a listing of several variants names no SKU) is listed there.

Each platform's importer keys such a product from the listing's id (domain/sku_links.py listing_product_ids):
Etsy by the listing's first SKU, Shopify by the handle, WooCommerce `wc-<ID>`, Taobao `taobao-<数字ID>`.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.services.imports import import_paths
from shopkeeper.services.inventory import inventory_rows, sku_detail
from tests.catalogue_shop import TODAY

ETSY, WOO, TAOBAO, SHOPIFY = "etsy:Ink", "woocommerce:Ink", "taobao:墨", "shopify:Ink"


@pytest.fixture
def db(shop: Database) -> Database:
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES (?, 'etsy', 'Ink', 'USD'), (?, 'woocommerce', 'Ink', 'EUR'),"
                     " (?, 'taobao', '墨', 'CNY'), (?, 'shopify', 'Ink', 'USD')", [ETSY, WOO, TAOBAO, SHOPIFY])
        shop.execute("INSERT INTO products (product_id, title) VALUES ('TEE-S', 'Tee'), ('wc-741', 'Hoodie'),"
                     " ('taobao-5550001', '茶杯'), ('741', 'Poster'), ('wc-900', 'Mug')")
        shop.execute("INSERT INTO variants (sku, product_id, option_text, price, currency) VALUES"
                     " ('TEE-S', 'TEE-S', 'S', 20, 'USD'), ('TEE-M', 'TEE-S', 'M', 20, 'USD'),"
                     " ('H-RED', 'wc-741', 'Red', 35, 'EUR'), ('H-BLUE', 'wc-741', 'Blue', 35, 'EUR'),"
                     " ('TB-A', 'taobao-5550001', 'A', 39, 'CNY'), ('TB-B', 'taobao-5550001', 'B', 39, 'CNY'),"
                     # a Shopify handle that is a WooCommerce post ID too: no WooCommerce listing holds it
                     " ('P-741', '741', NULL, 9, 'USD'), ('MUG', 'wc-900', NULL, 12, 'EUR')")
        shop.execute("INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, status, quantity)"
                     " VALUES (?, 'TEE-S', NULL, 'Tee', 20, 'USD', 'active', 30),"
                     " (?, '741', NULL, 'Hoodie', 35, 'EUR', 'active', 8),"
                     " (?, '5550001', NULL, '茶杯', 39, 'CNY', 'active', 100),"
                     " (?, 'tee', 'TEE-M', 'Tee M', 21, 'USD', 'active', 4),"
                     # a WooCommerce simple product names its SKU: held by that, not by wc-900 again
                     " (?, '900', 'MUG', 'Mug', 12, 'EUR', 'active', 3)",
                     [ETSY, WOO, TAOBAO, SHOPIFY, WOO])
    return shop


def test_every_variant_of_a_listed_product_is_listed_on_that_platform(db: Database) -> None:
    platforms = {r["sku"]: r["platforms"] for r in inventory_rows(db, TODAY)}
    assert platforms == {"TEE-S": "etsy", "TEE-M": "etsy, shopify", "H-RED": "woocommerce",
                         "H-BLUE": "woocommerce", "TB-A": "taobao", "TB-B": "taobao", "P-741": None,
                         "MUG": "woocommerce"}


def test_the_detail_names_the_products_listing_once_with_its_price_and_no_quantity_of_its_own(db: Database) -> None:
    detail = sku_detail(db, "TEE-M", TODAY)
    assert detail is not None
    got = [(c.shop_id, c.listing_id, c.channel_sku, c.price, c.quantity, c.whole) for c in detail.channels]
    # The Etsy listing's 30 are the whole listing's, not TEE-M's; the Shopify listing names TEE-M itself.
    assert got == [(ETSY, "TEE-S", "TEE-M", Decimal("20.00"), None, True),
                   (SHOPIFY, "tee", "TEE-M", Decimal("21.00"), 4, False)]
    mug = sku_detail(db, "MUG", TODAY)
    assert mug is not None and [(c.listing_id, c.whole) for c in mug.channels] == [("900", False)]


def test_a_link_moves_a_held_variant_to_its_master(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO sku_links VALUES (?, 'TB-A', 'TEE-S', 'manual', NULL)", [TAOBAO])
    detail = sku_detail(db, "TEE-S", TODAY)
    assert detail is not None
    assert [(c.shop_id, c.channel_sku) for c in detail.channels] == [(ETSY, "TEE-S"), (TAOBAO, "TB-A")]


@pytest.mark.samples
@pytest.mark.parametrize(("path", "platform"), [
    ("etsy/Marvilusart__Etsy-listing/EtsyListingsDownload.csv", "etsy"),
    ("woocommerce/marroxo__Website/wc-product-export.csv", "woocommerce"),
    ("woocommerce/artur8800__shop/wc-product-export.csv", "woocommerce"),
    ("taobao/c2003070110__TBTool/montBell_baobeiTemplate.csv", "taobao"),
])
def test_every_sku_of_a_real_listings_export_is_listed_on_its_platform(
        shop: Database, samples_dir: Path, path: str, platform: str) -> None:
    if not (samples_dir / path).is_file():
        pytest.skip(f"{path} is not in the samples folder")
    with tempfile.TemporaryDirectory(prefix="sk-import-") as work:
        [outcome] = import_paths(shop, [samples_dir / path], workdir=Path(work), shop_name="Shop")
    assert outcome.ok, outcome.message
    rows = inventory_rows(shop, TODAY)
    assert rows
    assert [r["sku"] for r in rows if r["platforms"] != platform] == []
