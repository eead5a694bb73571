"""The Listings figures of one SKU: its price range per currency, and its ABC class when some sales have no rate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shopkeeper.db.database import Database
from shopkeeper.services.inventory import PriceRange, inventory_rows, sku_detail
from tests.catalogue_shop import TODAY

TAOBAO, DOUYIN, SHOPIFY, ETSY = "taobao:Demo shop", "douyin:Demo shop", "shopify:Demo shop", "etsy:Demo shop"


@pytest.fixture
def db(shop: Database) -> Database:
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES (?, 'taobao', 'Demo shop', 'CNY'), (?, 'douyin', 'Demo shop', 'CNY'),"
                     " (?, 'shopify', 'Demo shop', 'USD'), (?, 'etsy', 'Demo shop', 'USD')",
                     [TAOBAO, DOUYIN, SHOPIFY, ETSY])
        shop.execute("INSERT INTO products (product_id, title) VALUES ('vase', 'Bud vase'), ('tea', 'Tea'),"
                     " ('map', 'Map')")
        shop.execute("INSERT INTO variants (sku, product_id, price, currency) VALUES ('VASE', 'vase', 79, 'CNY'),"
                     " ('TEA', 'tea', 30, 'CNY'), ('MAP', 'map', 20, 'CNY')")
        shop.execute("INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, status) VALUES"
                     " (?, 't1', 'VASE', 'Bud vase', 74.90, 'CNY', 'active'),"
                     " (?, 'd1', 'VASE', 'Bud vase', 79.00, 'CNY', 'active'),"
                     " (?, 's1', 'VASE', 'Bud vase', 17.95, 'USD', 'active'),"
                     " (?, 'e1', 'VASE', 'Bud vase', 18.99, 'USD', 'active'),"
                     " (?, 't2', 'TEA', 'Tea', 30, 'CNY', 'active')",
                     [TAOBAO, DOUYIN, SHOPIFY, ETSY, TAOBAO])
        shop.execute("INSERT OR REPLACE INTO currency_settings (key, value) VALUES ('base_currency', 'CNY')")
        # TEA sold for yuan; MAP for euros, which have no rate; VASE not sold lately.
        for n, (shop_id, sku, currency, price) in enumerate([(TAOBAO, "TEA", "CNY", 30), (ETSY, "MAP", "EUR", 3)]):
            shop.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                         " VALUES (?, ?, TIMESTAMPTZ '2026-02-20 10:00:00+08', '+08:00', 'paid', ?, ?)",
                         [shop_id, f"o{n}", currency, price])
            shop.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                         " line_total, currency) VALUES (?, ?, 1, ?, ?, 1, ?, ?, ?)",
                         [shop_id, f"o{n}", sku, sku, price, price, currency])
    return shop


def test_the_price_across_platforms_is_a_range_per_currency_its_own_first(db: Database) -> None:
    vase = sku_detail(db, "VASE", TODAY)
    assert vase is not None
    assert vase.price_ranges == (PriceRange("CNY", Decimal("74.90"), Decimal("79.00"), 2),
                                 PriceRange("USD", Decimal("17.95"), Decimal("18.99"), 2))
    # The table's lowest and highest stay in the SKU's own currency.
    assert (vase.price_min, vase.price_max) == (Decimal("74.90"), Decimal("79.00"))
    tea = sku_detail(db, "TEA", TODAY)
    assert tea is not None and tea.price_ranges == (PriceRange("CNY", Decimal("30.00"), Decimal("30.00"), 1),)


def test_a_sku_sold_in_a_currency_without_a_rate_has_no_abc_class_not_c(db: Database) -> None:
    classes = {r["sku"]: r["abc"] for r in inventory_rows(db, TODAY)}
    assert classes == {"TEA": "A", "MAP": None, "VASE": "C"}  # VASE sold nothing: C
    detail = sku_detail(db, "MAP", TODAY)
    assert detail is not None and detail.abc is None
    with db.transaction():
        db.execute("INSERT INTO currency_settings (key, value) VALUES ('fx_EUR', '7.8')")
    assert {r["sku"]: r["abc"] for r in inventory_rows(db, TODAY)} == {"TEA": "A", "MAP": "A", "VASE": "C"}
