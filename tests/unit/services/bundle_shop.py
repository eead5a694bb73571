"""A tea shop with a gift set (1 teapot + 4 cups), for the bundle tests.

On the shelf: 5 teapots, 18 cups, and a stock row for the gift set itself (7) that
must be ignored: a bundle has no stock of its own. Orders on 2026-11-30 (UTC):
  G-1 completed: 2 gift sets for 170.00;
  G-2 completed: 1 gift set for 89.99 (the split leaves a cent over);
  G-3 paid, not shipped: 1 gift set for 90.00 (holds 1 teapot + 4 cups);
  T-1 completed: 1 teapot alone for 60.00 and 3 cups for 30.00.
"""

from __future__ import annotations

from shopkeeper.db.database import Database

GIFT, TEAPOT, CUP = "GIFT-SET", "TEAPOT", "CUP"


def seed_gift_shop(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO shops VALUES ('shopify:Main', 'shopify', 'Main', 'USD')")
        db.execute("INSERT INTO products (product_id, title) VALUES ('gift', 'Tea gift set'), ('teapot', 'Teapot'),"
                   " ('cup', 'Tea cup')")
        db.execute("INSERT INTO variants (sku, product_id, price, cost, currency) VALUES"
                   " ('GIFT-SET', 'gift', 90.00, 40.00, 'USD'), ('TEAPOT', 'teapot', 60.00, 25.00, 'USD'),"
                   " ('CUP', 'cup', 10.00, 3.00, 'USD')")
        db.execute("INSERT INTO stock_levels (sku, on_hand, updated_at) VALUES ('TEAPOT', 5, now()),"
                   " ('CUP', 18, now()), ('GIFT-SET', 7, now())")
        # Counted: the levels are the shop's snapshots (as migration 0011 makes of a stored level).
        db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source)"
                   " SELECT sku, updated_at, on_hand, 'import' FROM stock_levels")
        for order_id, status, total in (("G-1", "completed", "170.00"), ("G-2", "completed", "89.99"),
                                        ("G-3", "paid", "90.00"), ("T-1", "completed", "90.00")):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('shopify:Main', ?, TIMESTAMPTZ '2026-11-30 10:00:00+00', '+00:00', ?, 'USD', ?)",
                       [order_id, status, total])
        for order_id, line_no, sku, qty, unit, total in (
                ("G-1", 1, GIFT, 2, "85.00", "170.00"), ("G-2", 1, GIFT, 1, "89.99", "89.99"),
                ("G-3", 1, GIFT, 1, "90.00", "90.00"), ("T-1", 1, TEAPOT, 1, "60.00", "60.00"),
                ("T-1", 2, CUP, 3, "10.00", "30.00")):
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('shopify:Main', ?, ?, ?, ?, ?, ?, ?, 'USD')",
                       [order_id, line_no, sku, sku, qty, unit, total])
