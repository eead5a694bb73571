"""A small shop selling one teapot and one set of cups on Shopify (product export) and Taobao (orders only).

Shared by the catalogue tests (tests/unit/services/test_catalogue_links.py) and the window's
channel-links view tests.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database

TODAY = date(2026, 3, 1)
SHOPIFY, TAOBAO = "shopify:Tea House", "taobao:茶舍"


def _order(db: Database, shop: str, order_id: str, day: str, sku: str, title: str, qty: int, price: str,
           currency: str) -> None:
    db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
               " VALUES (?, ?, CAST(? AS TIMESTAMPTZ), '+08:00', 'paid', ?, ?)",
               [shop, order_id, f"{day} 12:00:00+08", currency, Decimal(price) * qty])
    db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
               " currency) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
               [shop, order_id, sku, title, qty, Decimal(price), Decimal(price) * qty, currency])


def seed_two_platforms(shop: Database) -> Database:
    """A Shopify shop with its product export (S-1 teapot, S-2 cups) and a Taobao shop known from orders only."""
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES (?, 'shopify', 'Tea House', 'USD'), (?, 'taobao', '茶舍', 'CNY')",
                     [SHOPIFY, TAOBAO])
        shop.execute("INSERT INTO products (product_id, title) VALUES ('teapot', 'Clay teapot'), ('cups', 'Tea cups')")
        shop.execute("INSERT INTO variants (sku, product_id, option_text, price, cost, currency, barcode) VALUES"
                     " ('S-1', 'teapot', NULL, 40.00, 12.00, 'USD', NULL),"
                     " ('S-2', 'cups', 'Set of 4', 18.00, 5.00, 'USD', '6901234567892')")
        shop.execute("INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, status) VALUES"
                     " (?, 'h-teapot', 'S-1', 'Clay teapot', 40.00, 'USD', 'active')", [SHOPIFY])
        _order(shop, SHOPIFY, "1001", "2026-02-20", "S-1", "Clay teapot", 2, "40.00", "USD")
        # Taobao writes its own SKUs: the teapot as TB-HU, the cups as TB-BEI (a product export gave its barcode).
        _order(shop, TAOBAO, "T900", "2026-02-10", "TB-HU", "clay teapot 紫砂", 1, "268.00", "CNY")
        _order(shop, TAOBAO, "T901", "2026-02-22", "TB-HU", "Clay teapot", 3, "258.00", "CNY")
        _order(shop, TAOBAO, "T902", "2026-02-23", "TB-BEI", "茶杯四只装", 1, "99.00", "CNY")
    return shop
