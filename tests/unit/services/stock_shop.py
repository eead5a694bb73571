"""A small shop selling on Shopify, Amazon, WooCommerce and Taobao, with orders in every state that matters for stock."""

from __future__ import annotations

from shopkeeper.db.database import Database

# On hand, and what the unshipped orders below hold: MUG-RED 20 - (2 paid + 1 pending) = 17;
# MUG-BLU 3; PLATE-1 10 - (2 paid - 1 refunded) = 9; BOWL-1 5 - 1 paid = 4; VASE-1 0 - 1 = -1 (oversold);
# CUP-1 was never counted (no stock row): it is left out of stock-update files.
AVAILABLE = {"MUG-RED": 17, "MUG-BLU": 3, "PLATE-1": 9, "BOWL-1": 4, "VASE-1": -1, "CUP-1": 0}


def seed_stock_shop(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO shops VALUES ('shopify:Main', 'shopify', 'Main', 'USD'),"
                   " ('amazon:US', 'amazon', 'US', 'USD'), ('woocommerce:Site', 'woocommerce', 'Site', 'USD'),"
                   " ('taobao:茶器店', 'taobao', '茶器店', 'CNY')")
        db.execute("INSERT INTO products (product_id, title) VALUES ('tea-mug', 'Tea mug'), ('plate', 'Plate'),"
                   " ('bowl', 'Bowl'), ('vase', 'Vase'), ('cup', 'Cup')")
        db.execute(
            "INSERT INTO variants (sku, product_id, option_text, price, currency) VALUES"
            " ('MUG-RED', 'tea-mug', 'Red / L', 12.00, 'USD'), ('MUG-BLU', 'tea-mug', 'Blue / L', 12.00, 'USD'),"
            " ('PLATE-1', 'plate', NULL, 20.00, 'USD'), ('BOWL-1', 'bowl', NULL, 15.00, 'USD'),"
            " ('VASE-1', 'vase', NULL, 40.00, 'USD'), ('CUP-1', 'cup', NULL, 8.00, 'USD')")
        db.execute("INSERT INTO stock_levels (sku, on_hand, updated_at) VALUES ('MUG-RED', 20, now()),"
                   " ('MUG-BLU', 3, now()), ('PLATE-1', 10, now()), ('BOWL-1', 5, now()), ('VASE-1', 0, now())")
        # Counted: the level is the shop's first snapshot (as migration 0011 makes of a stored level).
        db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source)"
                   " SELECT sku, updated_at, on_hand, 'import' FROM stock_levels")
        db.execute(
            "INSERT INTO listings (shop_id, listing_id, sku, title, status) VALUES"
            " ('shopify:Main', 'tea-mug', NULL, 'Tea mug', 'active'),"
            " ('shopify:Main', 'plate', 'PLATE-1', 'Plate', 'active'),"
            " ('woocommerce:Site', '101', 'PLATE-1', 'Dinner plate', 'active'),"
            " ('woocommerce:Site', 'bowl-listing', 'BOWL-1', 'Bowl', 'active'),"
            " ('woocommerce:Site', '102', 'CUP-1', 'Cup', 'active'),"
            " ('amazon:US', 'B0MUG', 'MUG-RED', 'Red tea mug', 'active')")
        orders = [
            ("shopify:Main", "1001", "paid"), ("shopify:Main", "1002", "pending"), ("shopify:Main", "1003", "shipped"),
            ("shopify:Main", "1004", "paid"), ("shopify:Main", "1005", "cancelled"), ("amazon:US", "A-1", "paid"),
            ("amazon:US", "A-2", "completed"), ("woocommerce:Site", "W-1", "paid"),
        ]
        for shop_id, order_id, status in orders:
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES (?, ?, TIMESTAMPTZ '2026-11-30 10:00:00+00', '+00:00', ?, 'USD', 1)",
                       [shop_id, order_id, status])
        lines = [
            ("shopify:Main", "1001", 1, "MUG-RED", 2, 0), ("shopify:Main", "1002", 1, "MUG-RED", 1, 0),
            ("shopify:Main", "1003", 1, "MUG-RED", 5, 0), ("shopify:Main", "1004", 1, "PLATE-1", 2, 1),
            ("shopify:Main", "1005", 1, "BOWL-1", 3, 0), ("amazon:US", "A-1", 1, "BOWL-1", 1, 0),
            ("amazon:US", "A-2", 1, "MUG-BLU", 4, 0), ("woocommerce:Site", "W-1", 1, "VASE-1", 1, 0),
        ]
        for shop_id, order_id, line_no, sku, qty, refunded in lines:
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency, refunded_quantity) VALUES (?, ?, ?, ?, ?, ?, 1, 1, 'USD', ?)",
                       [shop_id, order_id, line_no, sku, sku, qty, refunded])
