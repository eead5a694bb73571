"""A small shop whose reorder figures are worked out by hand (see each SKU's comment)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from shopkeeper.db.database import Database


def _at(day: date) -> datetime:
    return datetime.combine(day, time(4, 0), tzinfo=UTC)  # noon in Beijing


def seed_reorder_shop(db: Database, today: date) -> None:
    with db.transaction():
        db.execute("INSERT INTO products (product_id, title) VALUES ('P-MUG', 'Mug'), ('P-VASE', 'Vase'),"
                   " ('P-BOWL', 'Bowl'), ('P-TEA', 'Tea'), ('P-EVIL', '=HYPERLINK(\"http://x\")')")
        db.execute(
            "INSERT INTO variants (sku, product_id, price, cost, currency) VALUES "
            "('MUG', 'P-MUG', 20.00, 10.00, 'CNY'), ('VASE', 'P-VASE', 30.00, NULL, 'USD'),"
            " ('BOWL', 'P-BOWL', 9.00, 5.00, 'CNY'), ('TEA', 'P-TEA', 8.00, 2.50, 'CNY'),"
            " ('EVIL', 'P-EVIL', 5.00, 1.00, 'CNY')")
        # Counted just after today's sales, never at the wall clock's now(): a run before 04:00 UTC would
        # otherwise count before today's sale, which then (rightly) takes one more off the shelf.
        counted = _at(today) + timedelta(minutes=1)
        db.execute(
            "INSERT INTO stock_levels (sku, on_hand, lead_time_days, pack_size, updated_at) VALUES "
            "('MUG', 3, 14, 6, $c), ('VASE', 0, 14, NULL, $c), ('BOWL', 50, 14, NULL, $c),"
            " ('TEA', 25, 14, NULL, $c), ('EVIL', 0, 14, NULL, $c)", {"c": counted})
        # Counted: the level is the shop's first snapshot (as migration 0011 makes of a stored level);
        # TEA's comes from the older movement ledger below.
        db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source)"
                   " SELECT sku, updated_at, on_hand, 'import' FROM stock_levels WHERE sku <> 'TEA'")
        db.execute("INSERT INTO listings (shop_id, listing_id, sku, title) VALUES"
                   " ('taobao:main', 'L1', 'MUG', 'Mug'), ('shopify:west', 'L2', 'MUG', 'Mug')")
        lines = []
        # MUG: one a day for 30 days → 1.00 a day, reorder point 1 × (14 + 7) = 21,
        # buy up to 21 + 30 = 51 from 3 → 48, 8 packs of 6, costing 480.00 CNY.
        lines += [("MUG", today - timedelta(days=i), 1, "CNY") for i in range(30)]
        # VASE: 10 in the window, sold out, no cost → point ceil(10 × 21 / 30) = 7, buy 7 + 10 = 17, no money.
        lines += [("VASE", today - timedelta(days=2 * i), 1, "USD") for i in range(10)]
        # BOWL: last sold 120 days ago, 50 on the shelf → dead stock worth 250.00.
        lines += [("BOWL", today - timedelta(days=120), 2, "CNY")]
        # TEA: 10 sold 25 days ago, sold out then, 25 more came in 5 days ago (the ledger below) →
        # 11 days it could sell (T-29..T-25 and T-5..T): 10 / 11 = 0.91 a day; point
        # ceil((10 × 7 + 10 × 14) / 11) = 20 < 25 on hand: nothing to buy.
        lines += [("TEA", today - timedelta(days=25), 10, "CNY")]
        # EVIL: sold once today, nothing on hand: point ceil(21 / 30) = 1, buy 1 + ceil(30 / 30) = 2,
        # costing 2.00; on the list with a formula-looking title.
        lines += [("EVIL", today, 1, "CNY")]
        for i, (sku, day, qty, cur) in enumerate(lines):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('taobao:main', ?, ?, '+08:00', 'completed', ?, ?)", [f"o{i}", _at(day), cur, qty])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('taobao:main', ?, 1, ?, ?, ?, 1.00, ?, ?)",
                       [f"o{i}", sku, sku, qty, Decimal(qty), cur])
        for i, (days_ago, qty, reason) in enumerate([(40, 10, "count"), (25, -10, "sale"), (5, 25, "purchase")]):
            db.execute("INSERT INTO stock_movements VALUES (?, 'TEA', ?, ?, ?, NULL, NULL)",
                       [i, _at(today - timedelta(days=days_ago)), qty, reason])
