"""The real Shopify, Etsy and WooCommerce exports in ../shared/samples, imported end to end.

The expected figures were counted from the files themselves (rows, distinct
order names, sums of first-row totals, variant rows ...), not from the importer.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from export_files import import_ok, snapshot

from shopkeeper.db.database import Database
from shopkeeper.services.imports import undo_import

pytestmark = pytest.mark.samples


def _one(shop: Database, samples_dir: Path, rel: str) -> tuple[int, int, int, str]:
    path = samples_dir / rel
    if not path.is_file():
        pytest.skip(f"{rel} is not in the samples folder")
    [outcome] = import_ok(shop, path)
    assert outcome.rows_rejected == 0, outcome.message
    return outcome.rows_read, outcome.rows_added, outcome.rows_updated, f"{outcome.platform} {outcome.kind}"


def _by_status(shop: Database) -> dict[str, tuple[int, Decimal]]:
    return {s: (n, t) for s, n, t in shop.fetchall("SELECT status, count(*), sum(total) FROM orders GROUP BY 1")}


def test_shopify_dev_store_orders(shop: Database, samples_dir: Path) -> None:
    assert _one(shop, samples_dir, "shopify/luistatera__forezia-mock-data/orders_export.csv") == (
        40, 40, 0, "shopify orders")
    assert shop.scalar("SELECT count(*) FROM orders") == 19
    assert shop.scalar("SELECT count(*) FROM order_lines") == 40
    assert shop.scalar("SELECT sum(total) FROM orders") == Decimal("14089.04")
    assert _by_status(shop) == {"shipped": (14, Decimal("10531.55")), "paid": (4, Decimal("3429.90")),
                                "pending": (1, Decimal("127.59"))}
    first = shop.fetchone("SELECT order_id, ordered_at, ordered_tz, currency, total FROM orders "
                          "WHERE order_number = '#1001'")
    assert first == ("6634244374859", datetime(2025, 5, 11, 13, 55, 16, tzinfo=UTC), "-04:00", "EUR",
                     Decimal("1659.95"))
    assert shop.scalar("SELECT count(*) FROM order_lines WHERE order_id = '6634244374859'") == 4


def test_shopify_2021_orders_with_multiline_notes(shop: Database, samples_dir: Path) -> None:
    rel = "shopify/FelixTellmann__kidsliving-api/orders_export.REDACTED-EXCERPT.csv"
    assert _one(shop, samples_dir, rel) == (25, 25, 0, "shopify orders")
    assert shop.scalar("SELECT count(*) FROM orders") == 13
    assert shop.scalar("SELECT sum(total) FROM orders") == Decimal("52817.00")
    assert shop.fetchone("SELECT order_id, ordered_tz, currency, total, shipping, tax FROM orders "
                         "WHERE order_number = '#13519'") == (
        "3823857205423", "+02:00", "ZAR", Decimal("784.00"), Decimal("85.00"), Decimal("91.17"))
    assert shop.scalar("SELECT count(*) FROM orders WHERE status = 'pending'") == 3


def test_shopify_2024_orders_with_refunds(shop: Database, samples_dir: Path) -> None:
    rel = "shopify/looker101__scaricaArticoli/orders_export.REDACTED-EXCERPT.csv"
    assert _one(shop, samples_dir, rel) == (25, 25, 0, "shopify orders")
    assert shop.scalar("SELECT count(*) FROM orders") == 21
    assert shop.scalar("SELECT sum(total) FROM orders") == Decimal("4586.08")
    assert shop.fetchall("SELECT order_number, status, platform_status, refunded_amount FROM orders "
                         "WHERE status LIKE '%refunded' ORDER BY 1") == [
        ("#2220", "partially_refunded", "partially_refunded", Decimal("155.74")),
        ("#2226", "refunded", "refunded", Decimal("184.60")),
    ]
    assert shop.scalar("SELECT count(*) FROM order_lines WHERE order_id = "
                       "(SELECT order_id FROM orders WHERE order_number = '#2220')") == 4


@pytest.mark.parametrize(("rel", "products", "variants", "stock"), [
    ("shopify/PacktPublishing__Shopify-Theme-Customization-with-Liquid/products_export_1.csv", 20, 21, 65),
    ("shopify/commerceworm__headless-shopify/products_export.csv", 21, 21, 209),
    ("shopify/Kbataille06__fragry-theme/products_export.csv", 3, 3, 15),
])
def test_shopify_product_generations(shop: Database, samples_dir: Path, rel: str, products: int, variants: int,
                                     stock: int) -> None:
    read, added, _, kind = _one(shop, samples_dir, rel)
    assert kind == "shopify products"
    assert shop.scalar("SELECT count(*) FROM products") == products
    assert shop.scalar("SELECT count(*) FROM variants") == variants
    assert shop.scalar("SELECT sum(on_hand) FROM stock_levels") == stock
    assert shop.scalar("SELECT count(*) FROM listings") == products


def test_shopify_products_variant_without_sku(shop: Database, samples_dir: Path) -> None:
    _one(shop, samples_dir, "shopify/PacktPublishing__Shopify-Theme-Customization-with-Liquid/products_export_1.csv")
    assert shop.fetchall("SELECT sku, option_text, price FROM variants WHERE product_id = 'gardening-gloves' "
                         "ORDER BY 1") == [("gardening-gloves/Green", "Green", Decimal("9.99")),
                                           ("gardening-gloves/Yellow", "Yellow", Decimal("15.99"))]
    assert shop.fetchone("SELECT price, quantity FROM listings WHERE listing_id = 'floor-lamp'") == (
        Decimal("69.99"), 1)


def test_shopify_customers_both_generations(shop: Database, samples_dir: Path) -> None:
    assert _one(shop, samples_dir, "shopify/juliettegramatges__Las-Lira/customers_export.REDACTED-EXCERPT.csv") == (
        20, 20, 0, "shopify customers")
    # the customer without an e-mail is known by the exact id, apostrophe removed
    assert shop.scalar("SELECT count(*) FROM buyers WHERE regexp_full_match(buyer_id, '[0-9]{13}')") == 1
    assert shop.scalar("SELECT count(*) FROM buyers WHERE phone LIKE '''%'") == 0
    read, added, updated, kind = _one(shop, samples_dir,
                                      "shopify/LiquidIQ__imagezoo-scripts/customers_export.REDACTED-EXCERPT.csv")
    assert (read, kind) == (10, "shopify customers")
    assert shop.scalar("SELECT count(*) FROM members") == shop.scalar("SELECT count(DISTINCT member_id) FROM buyers")


def test_etsy_listings(shop: Database, samples_dir: Path) -> None:
    assert _one(shop, samples_dir, "etsy/Marvilusart__Etsy-listing/EtsyListingsDownload.csv") == (
        92, 92, 0, "etsy listings")
    assert shop.scalar("SELECT count(*) FROM variants") == 1021
    assert shop.scalar("SELECT count(*) FROM stock_levels") == 9  # listings with a single SKU
    assert shop.fetchone("SELECT title, price, currency, quantity FROM listings "
                         "WHERE listing_id = '66F925B9DAD1E_18773'") == (
        "I Eat Cat- Unisex premium t-shirt", Decimal("26.50"), "USD", 23976)


def test_etsy_items_then_orders_then_undo(shop: Database, samples_dir: Path) -> None:
    empty = snapshot(shop)
    rel_items = "etsy/sarahhe05__Starry-Sticker-Shop-Analysis/EtsySoldOrderItems2021.REDACTED-EXCERPT.csv"
    assert _one(shop, samples_dir, rel_items) == (20, 20, 0, "etsy order_lines")
    assert shop.scalar("SELECT count(*) FROM orders") == 16
    assert shop.scalar("SELECT sum(quantity) FROM order_lines") == 23
    assert shop.scalar("SELECT sum(line_total) FROM order_lines") == Decimal("78.55")
    assert shop.fetchone("SELECT ordered_at, paid_at, status FROM orders WHERE order_id = '2323514365'") == (
        datetime(2021, 12, 26, tzinfo=UTC), datetime(2021, 12, 26, tzinfo=UTC), "shipped")
    rel_orders = "etsy/Epicrae__EtsyCompanion/EtsySoldOrders2023.REDACTED-EXCERPT.csv"  # tab-separated by Excel
    assert _one(shop, samples_dir, rel_orders) == (20, 20, 0, "etsy orders")
    assert shop.scalar("SELECT count(*) FROM orders") == 36
    assert shop.fetchone("SELECT ordered_at, total, subtotal, discount, shipping FROM orders "
                         "WHERE order_id = '3159107009'") == (
        datetime(2023, 12, 31, tzinfo=UTC), Decimal("16.88"), Decimal("17.00"), Decimal("4.25"), Decimal("4.13"))
    for batch in [b[0] for b in shop.fetchall("SELECT batch_id FROM import_batches ORDER BY batch_id DESC")]:
        undo_import(shop, batch)
    assert snapshot(shop) == empty


@pytest.mark.parametrize(("rel", "read", "products", "variants", "stocked"), [
    ("woocommerce/ClassicPress__classic-commerce/sample_products.csv", 24, 15, 20, 0),
    ("woocommerce/marroxo__Website/wc-product-export.csv", 243, 70, 181, 172),
    ("woocommerce/artur8800__shop/wc-product-export.csv", 9, 9, 9, 0),
])
def test_woocommerce_products(shop: Database, samples_dir: Path, rel: str, read: int, products: int,
                              variants: int, stocked: int) -> None:
    assert _one(shop, samples_dir, rel)[0::3] == (read, "woocommerce products")
    assert shop.scalar("SELECT count(*) FROM products") == products
    assert shop.scalar("SELECT count(*) FROM variants") == variants
    assert shop.scalar("SELECT count(*) FROM stock_levels") == stocked


def test_woocommerce_variations_find_their_parents(shop: Database, samples_dir: Path) -> None:
    _one(shop, samples_dir, "woocommerce/ClassicPress__classic-commerce/sample_products.csv")
    assert shop.scalar("SELECT count(*) FROM variants WHERE product_id = 'cc-tee'") == 3
    assert shop.scalar("SELECT count(*) FROM variants v WHERE NOT EXISTS "
                       "(SELECT 1 FROM products p WHERE p.product_id = v.product_id)") == 0


def test_woocommerce_negative_stock_and_private_guard(shop: Database, samples_dir: Path) -> None:
    _one(shop, samples_dir, "woocommerce/marroxo__Website/wc-product-export.csv")
    assert shop.scalar("SELECT count(*) FROM stock_levels WHERE on_hand < 0") == 2
    assert shop.scalar("SELECT count(*) FROM variants v WHERE NOT EXISTS "
                       "(SELECT 1 FROM products p WHERE p.product_id = v.product_id)") == 0


def test_all_samples_together_and_again(shop: Database, samples_dir: Path) -> None:
    paths = sorted(p for folder in ("shopify", "etsy", "woocommerce") for p in (samples_dir / folder).rglob("*.csv"))
    if len(paths) < 14:
        pytest.skip("not every sample is present")
    first = import_ok(shop, *paths)
    assert sum(o.rows_rejected for o in first) == 0
    again = import_ok(shop, *paths)
    assert all(o.already_imported for o in again)
