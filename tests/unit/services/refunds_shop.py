"""A small shop whose refund rates are worked out by hand in the tests that use it.

SKU A sells in orders O1-O10 (paid); B in O2-O5. Refunds:
O1 refunded in full; O2 a part refund whose line of A gave a unit back (B kept);
O3 a part refund whose lines of A and B each gave a unit back (both count refunded; a part refund naming
no units on an order of several SKUs belongs to no SKU: test_refund_skus.py).
O11 cancelled and O12 pending hold A too: not paid, they count nowhere.
A: 3 of 10 = 30 %; B: 1 of 4 = 25 %; taobao 3 of 5, shopify 0 of 5.
"""

from __future__ import annotations

from shopkeeper.db.database import Database

# order, shop, status, currency, total, refunded, lines (sku, qty, refunded qty, line total)
ORDERS = [
    ("O1", "taobao:t", "refunded", "CNY", "10.00", "10.00", [("A", 1, 1, "10.00")]),
    ("O2", "taobao:t", "partially_refunded", "CNY", "20.00", "10.00", [("A", 1, 1, "10.00"), ("B", 1, 0, "10.00")]),
    ("O3", "taobao:t", "shipped", "CNY", "20.00", "5.00", [("A", 1, 1, "10.00"), ("B", 1, 1, "10.00")]),
    ("O4", "taobao:t", "completed", "CNY", "20.00", "0", [("A", 1, 0, "10.00"), ("B", 1, 0, "10.00")]),
    ("O5", "taobao:t", "completed", "CNY", "20.00", "0", [("A", 1, 0, "10.00"), ("B", 1, 0, "10.00")]),
    *[(f"O{i}", "shopify:s", "paid", "USD", "3.00", "0", [("A", 1, 0, "3.00")]) for i in range(6, 11)],
    ("O11", "taobao:t", "cancelled", "CNY", "10.00", "0", [("A", 1, 0, "10.00")]),
    ("O12", "shopify:s", "pending", "USD", "3.00", "0", [("A", 1, 0, "3.00")]),
]


def seed_refunds_shop(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('taobao:t', 'taobao', 't'),"
                   " ('shopify:s', 'shopify', 's')")
        for n, (order_id, shop_id, status, currency, total, refunded, lines) in enumerate(ORDERS, start=1):
            tz = "+08:00" if shop_id.startswith("taobao") else "-05:00"
            day = f"2026-{10 + n % 2}-{n + 1:02d} 12:00:00{tz}"  # October and November
            db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                       " total, refunded_amount) VALUES (?, ?, 'b' || ?, ?, ?, ?, ?, ?, ?)",
                       [shop_id, order_id, n % 3, day, tz, status, currency, total, refunded])
            for line_no, (sku, qty, back, line_total) in enumerate(lines, start=1):
                db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity,"
                           " refunded_quantity, unit_price, line_total, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [shop_id, order_id, line_no, sku, sku, qty, back, line_total, line_total, currency])
